package io.qtrade.backtest.queue.study;

import io.qtrade.core.Instrument;
import io.qtrade.core.book.OrderBook;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * A hand-built L3 tape; every outcome worked out here. Tick 0.01, lot 1; prices in ticks (10000 = 100.00). Book
 * before the first message: bids 100.00 x 5 and 99.99 x 10 (orders unknown to the messages), ask 100.02 x 5. One
 * placement pair after message 0 (buy 2 at 100.00 behind 8, sell 2 at 100.02 behind 5), horizon 8 s.
 * <pre>
 * k  t   message                         truth (FIFO): ahead / fill      L2 view (level)   power(1): ahead
 * 0  1s  add 1, bid 100.00, 3            (placed after it) ahead 8        8                 8
 * 1  2s  add 2, bid 100.00, 4            behind: 8                        12                8
 * 2  3s  delete 2 (4)                    behind: 8                        8  (cancel 4)     behind 4: 8 - 8/12*4 = 5.333
 * 3  4s  execute 1 (3)                   ahead: 5                         5  (print 3)      2.333
 * 4  5s  execute pre-existing 99 (3)     2                                2  (print 3)      -0.667 (no whole lot)
 * 5  6s  add 3, bid 100.00, 1            behind: 2                        3                 -0.667
 * 6  7s  execute 99 (2)                  0                                1  (print 2)      -2.667: fills 2 at 7 s
 * 7  8s  execute 3 (1): behind us        fills 1                          0  (print 1)      risk-averse 0 - 1: fills 1
 * 8  9s  add 4, ask 100.00, 5            would trade with us: fills 1     ask 100.00 x 5    risk-averse: the ask
 *                                        (complete at 9 s)                                  reached it, fills 1 (9 s)
 * </pre>
 * Power(2): share 64/80 = 0.8 at k2 -> ahead 4.8, 1.8, then -1.2 at 5 s (fills 1), -2.2 at 7 s (fills 1): complete
 * at 7 s. Power(3): 512/576 -> 4.444, 1.444, -1.556 (fills 1 at 5 s), complete at 7 s. Log: share
 * ln 9 / (ln 9 + ln 5) = 0.5772 -> 5.691, 2.691, -0.309, complete at 7 s. The sell at 100.02 sees nothing: unfilled.
 */
class QueueStudyTest {

    static final Instrument T = Instrument.spot("T", "L3", 0.01, 1);
    private static final long S = 1_000_000_000L;

    static L3Tape tape() {
        long[] ts = {1 * S, 2 * S, 3 * S, 4 * S, 5 * S, 6 * S, 7 * S, 8 * S, 9 * S};
        L3Action[] a = {L3Action.ADD, L3Action.ADD, L3Action.DELETE, L3Action.EXECUTE, L3Action.EXECUTE,
                L3Action.ADD, L3Action.EXECUTE, L3Action.EXECUTE, L3Action.ADD};
        long[] id = {1, 2, 2, 1, 99, 3, 99, 3, 4};
        double[] q = {3, 4, 4, 3, 3, 1, 2, 1, 5};
        long[] p = {10000, 10000, 10000, 10000, 10000, 10000, 10000, 10000, 10000};
        boolean[] buy = {true, true, true, true, true, true, true, true, false};
        // the L2 view after each message, 2 levels a side (best first)
        double[] top = {8, 12, 8, 5, 2, 3, 1};
        long[] bidTicks = new long[18];
        double[] bidQty = new double[18];
        long[] askTicks = new long[18];
        double[] askQty = new double[18];
        for (int k = 0; k < 9; k++) {
            if (k < 7) {
                bidTicks[2 * k] = 10000;
                bidQty[2 * k] = top[k];
                bidTicks[2 * k + 1] = 9999;
                bidQty[2 * k + 1] = 10;
            } else {
                bidTicks[2 * k] = 9999;
                bidQty[2 * k] = 10;
                bidTicks[2 * k + 1] = OrderBook.NO_BID;
            }
            if (k < 8) {
                askTicks[2 * k] = 10002;
                askQty[2 * k] = 5;
                askTicks[2 * k + 1] = OrderBook.NO_ASK;
            } else {
                askTicks[2 * k] = 10000;
                askQty[2 * k] = 5;
                askTicks[2 * k + 1] = 10002;
                askQty[2 * k + 1] = 5;
            }
        }
        return new L3Tape(T, 2, ts, a, id, q, p, buy, bidTicks, bidQty, askTicks, askQty, new long[]{10000, 9999},
                new double[]{5, 10}, new long[]{10002, OrderBook.NO_ASK}, new double[]{5, 0});
    }

    static QueueStudyResult run() {
        return QueueStudy.builder().placementEveryMessages(100).orderQty(2).horizonNanos(8 * S).build().run(tape());
    }

    @Test
    void theTruthIsTheExactFifoOutcomeFromTheMessages() {
        QueueStudyResult r = run();
        assertThat(r.truth()).hasSize(2);
        Placement buy = r.truth().get(0);
        assertThat(buy.qtyAhead()).isEqualTo(8.0);
        assertThat(buy.filledQty()).isEqualTo(2.0);
        assertThat(buy.fillTsNanos()).isEqualTo(9 * S);
        Placement sell = r.truth().get(1);
        assertThat(sell.priceTicks()).isEqualTo(10002);
        assertThat(sell.filled()).isFalse();
        assertThat(sell.filledQty()).isEqualTo(0.0);
    }

    @Test
    void eachL2ModelFedTheL2ViewFillsWhenItsQueueEstimateSays() {
        QueueStudyResult r = run();
        assertThat(r.outcomes().get("RiskAverse").get(0).fillTsNanos()).isEqualTo(9 * S);
        assertThat(r.outcomes().get("Power(1)").get(0).fillTsNanos()).isEqualTo(7 * S);
        assertThat(r.outcomes().get("Power(2)").get(0).fillTsNanos()).isEqualTo(7 * S);
        assertThat(r.outcomes().get("Power(3)").get(0).fillTsNanos()).isEqualTo(7 * S);
        assertThat(r.outcomes().get("Log").get(0).fillTsNanos()).isEqualTo(7 * S);
        // the exchange with L3ArrivalQueue, fed the L2 view and the L3 messages, follows the truth's rules.
        assertThat(r.outcomes().get("L3Arrival")).isEqualTo(r.truth());
        for (List<Placement> o : r.outcomes().values()) {
            assertThat(o.get(1).filledQty()).isEqualTo(0.0);
        }
    }

    @Test
    void theScoresCountTheConfusionMatrixTheFillTimeErrorsAndTheQuantityBias() {
        QueueStudyResult r = run();
        ModelAccuracy ra = r.accuracy("RiskAverse");
        assertThat(List.of(ra.truePositives(), ra.falseNegatives(), ra.falsePositives(), ra.trueNegatives()))
                .containsExactly(1, 0, 0, 1);
        assertThat(ra.medianFillTimeErrorNanos()).isEqualTo(0.0);
        assertThat(ra.accuracy()).isEqualTo(1.0);
        ModelAccuracy p1 = r.accuracy("Power(1)");
        assertThat(p1.medianFillTimeErrorNanos()).isEqualTo(-2.0 * S);   // 7 s - 9 s
        assertThat(p1.p90AbsFillTimeErrorNanos()).isEqualTo(2.0 * S);
        assertThat(p1.meanQtyBias()).isEqualTo(0.0);
        assertThat(p1.relativeQtyBias()).isEqualTo(0.0);
        assertThat(r.markdown()).contains("| Power(1) | 2 | 1 | 0 | 0 | 1 | 1.000 | -2000.000 | 2000.000 | 0.000 | 0.000 |");
        assertThat(r.table().rowCount()).isEqualTo(6);
    }

    @Test
    void aShorterHorizonCutsTheFillsAndTheScoresSeeTheMisses() {
        // horizon 5 s: messages up to 6 s. Truth: not filled (ahead 2 at 6 s). Power(2) and (3) filled 1 at 5 s.
        QueueStudyResult r = QueueStudy.builder().placementEveryMessages(100).orderQty(2).horizonNanos(5 * S)
                .build().run(tape());
        assertThat(r.truth().get(0).filledQty()).isEqualTo(0.0);
        assertThat(r.outcomes().get("Power(2)").get(0).filledQty()).isEqualTo(1.0);
        assertThat(r.outcomes().get("Power(2)").get(0).filled()).isFalse();
        ModelAccuracy p2 = r.accuracy("Power(2)");
        assertThat(p2.trueNegatives()).isEqualTo(2);
        assertThat(p2.meanQtyBias()).isCloseTo(0.5, within(1e-12));   // (1 - 0 + 0 - 0) / 2
        assertThat(p2.relativeQtyBias()).isNaN();
        assertThat(p2.medianFillTimeErrorNanos()).isNaN();
    }

    @Test
    void percentilesInterpolateLinearlyAsNumpy() {
        // numpy.percentile([1, 2, 3, 4], 90) = 3.7; median of [5, 1, 3] = 3.
        assertThat(QueueStudy.percentile(new double[]{1, 2, 3, 4}, 0.9)).isCloseTo(3.7, within(1e-12));
        assertThat(QueueStudy.percentile(new double[]{5, 1, 3}, 0.5)).isEqualTo(3.0);
        assertThat(QueueStudy.percentile(new double[0], 0.5)).isNaN();
    }

    @Test
    void badSettingsAreNamedTogether() {
        assertThatThrownBy(() -> QueueStudy.builder().placementEveryMessages(0).orderQty(-1).horizonNanos(0).build())
                .hasMessage("queue study: placementEveryMessages must be >= 1, was 0; orderQty must be finite and"
                        + " > 0, was -1.0; horizonNanos must be > 0, was 0");
        assertThat(OrderBook.NO_BID).isLessThan(0);
    }
}
