package io.qtrade.ml.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.qtrade.ml.RefCases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Triple-barrier labels against the reference cases (refcases triple_barrier_*: pandas ewm and AFML ch. 3, see
 * src/test/resources/refcases/README.md). Indices and labels must match exactly; sigma to 1e-12 (pandas' online
 * ewm and ours are the same recursion, differences are rounding only).
 */
class TripleBarrierTest {

    @ParameterizedTest
    @CsvSource({"synthetic", "aapl2013"})
    void ewmVolatilityEqualsPandasEwmStd(String series) {
        double[] close = RefCases.csv("triple_barrier_" + series + "_close.csv").doubles("close");
        double[] expected = RefCases.csv("triple_barrier_" + series + "_daily_vol.csv").doubles("ewm_std_span100");
        double[] sigma = EwmVolatility.ofCloses(close, 100);
        assertThat(sigma).hasSameSizeAs(expected);
        for (int i = 0; i < close.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertThat(sigma[i]).as("bar %d", i).isNaN();
            } else {
                assertThat(sigma[i]).as("bar %d", i).isCloseTo(expected[i], within(1e-12));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"synthetic_pt1_sl1_h10, synthetic", "synthetic_pt2_sl1_h5, synthetic", "aapl2013_pt1_sl2_h15, aapl2013"})
    void labelsTouchesAndReturnsEqualTheReference(String caseName, String series) {
        JsonNode params = RefCases.json("triple_barrier_expected.json").get("cases").get(caseName).get("params");
        double[] close = RefCases.csv("triple_barrier_" + series + "_close.csv").doubles("close");
        RefCases.Csv expected = RefCases.csv("triple_barrier_" + caseName + "_events.csv");
        TripleBarrier barrier = TripleBarrier.of(params.get("pt_multiplier").asDouble(),
                params.get("sl_multiplier").asDouble(), params.get("vertical_h_bars").asInt());
        int span = params.get("ewm_span").asInt();
        double[] sigma = EwmVolatility.ofCloses(close, span);
        int[] events = barrier.everyBar(20, close.length);
        assertThat(events).containsExactly(expected.ints("t0"));

        TripleBarrierLabels labels = barrier.label(close, events, sigma);
        int[] touch = expected.ints("touch_index");
        String[] type = expected.strings("touch_type");
        double[] ret = expected.doubles("ret_at_touch");
        int[] zero = expected.ints("label_vertical_zero");
        int[] sign = expected.ints("label_vertical_sign");
        int[] vertical = expected.ints("t1_vertical");
        double[] upper = expected.doubles("upper_ret");
        double[] lower = expected.doubles("lower_ret");
        for (int e = 0; e < labels.size(); e++) {
            assertThat(labels.verticalBar(e)).as("event %d", e).isEqualTo(vertical[e]);
            assertThat(labels.upperBarrier(e)).as("event %d", e).isCloseTo(upper[e], within(1e-12));
            assertThat(labels.lowerBarrier(e)).as("event %d", e).isCloseTo(lower[e], within(1e-12));
            assertThat(labels.touchBar(e)).as("event %d", e).isEqualTo(touch[e]);
            assertThat(labels.touch(e)).as("event %d", e).isEqualTo(touchType(type[e]));
            assertThat(labels.returnAtTouch(e)).as("event %d", e).isCloseTo(ret[e], within(1e-14));
            assertThat(labels.label(e, VerticalBarrierLabel.ZERO)).as("event %d", e).isEqualTo(zero[e]);
            assertThat(labels.label(e, VerticalBarrierLabel.SIGN)).as("event %d", e).isEqualTo(sign[e]);
        }

        TripleBarrierLabels logLabels = barrier.withPathReturn(PathReturn.LOG).label(close, events, sigma);
        int[] logTouch = expected.ints("logpath_touch_index");
        String[] logType = expected.strings("logpath_touch_type");
        int[] logZero = expected.ints("logpath_label_vertical_zero");
        int[] logSign = expected.ints("logpath_label_vertical_sign");
        for (int e = 0; e < logLabels.size(); e++) {
            assertThat(logLabels.touchBar(e)).as("log event %d", e).isEqualTo(logTouch[e]);
            assertThat(logLabels.touch(e)).as("log event %d", e).isEqualTo(touchType(logType[e]));
            assertThat(logLabels.label(e, VerticalBarrierLabel.ZERO)).isEqualTo(logZero[e]);
            assertThat(logLabels.label(e, VerticalBarrierLabel.SIGN)).isEqualTo(logSign[e]);
        }
    }

    @Test
    void metaLabelsAreOneWhenTheSideMadeMoneyAndBarriersFollowTheSide() {
        // closes: up 10% then down; a long side takes profit, a short side stops out on the same path
        double[] close = {100, 100, 110, 90, 95};
        double[] target = {0.05, 0.05, 0.05, 0.05, 0.05};
        TripleBarrier barrier = TripleBarrier.of(1, 1, 3);
        TripleBarrierLabels labels = barrier.label(close, new int[] {0, 1}, target, new int[] {1, -1});
        assertThat(labels.touchBar(0)).isEqualTo(2);            // +10% > 5%: profit-taking for the long
        assertThat(labels.touch(0)).isEqualTo(BarrierTouch.PROFIT_TAKING);
        assertThat(labels.metaLabel(0)).isEqualTo(1);
        assertThat(labels.touchBar(1)).isEqualTo(2);            // short: side-adjusted -10% < -5%: stop-loss
        assertThat(labels.touch(1)).isEqualTo(BarrierTouch.STOP_LOSS);
        assertThat(labels.metaLabel(1)).isZero();
        assertThat(labels.label(1, VerticalBarrierLabel.ZERO)).isEqualTo(-1);
    }

    @Test
    void disabledBarrierOnlyStopsAtTheOtherOrTheVertical() {
        double[] close = {100, 120, 80, 100};
        double[] target = {0.05, 0.05, 0.05, 0.05};
        TripleBarrierLabels labels = new TripleBarrier(TripleBarrier.NO_BARRIER, 1, 3, PathReturn.SIMPLE)
                .label(close, new int[] {0}, target);
        assertThat(labels.touchBar(0)).isEqualTo(2);            // +20% ignored, -20% stops
        assertThat(labels.touch(0)).isEqualTo(BarrierTouch.STOP_LOSS);
        assertThat(labels.upperBarrier(0)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void refusesAnEventWithoutItsFullVerticalBarrier() {
        double[] close = {100, 101, 102};
        double[] target = {0.1, 0.1, 0.1};
        assertThatThrownBy(() -> TripleBarrier.of(1, 1, 2).label(close, new int[] {1}, target))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("event 0 at bar 1 has no full vertical barrier");
    }

    private static BarrierTouch touchType(String s) {
        switch (s) {
            case "pt":
                return BarrierTouch.PROFIT_TAKING;
            case "sl":
                return BarrierTouch.STOP_LOSS;
            case "vertical":
                return BarrierTouch.VERTICAL;
            default:
                throw new IllegalArgumentException(s);
        }
    }
}
