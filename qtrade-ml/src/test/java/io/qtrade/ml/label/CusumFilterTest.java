package io.qtrade.ml.label;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The CUSUM filter by hand (AFML snippet 2.4 arithmetic in the comments). */
class CusumFilterTest {

    @Test
    void eventsByHand() {
        // differences: +1, +1, +1.5 (S+ = 3.5 > 3: event at 3, reset), -2, -2 (S- = -4 < -3: event at 5), +0.5, +3
        double[] x = {10, 11, 12, 13.5, 11.5, 9.5, 10, 13};
        // S+ after bar 4: max(0, 0 - 2) = 0; bar 5: 0; bar 6: 0.5; bar 7: 3.5 > 3: event at 7
        assertThat(CusumFilter.onDifferences(x, 3)).containsExactly(3, 5, 7);
    }

    @Test
    void logReturnFormAndTripleBarrierOnItsEvents() {
        double[] close = {100, 101, 102, 103.5, 101, 99, 99.5, 103, 104, 104, 104, 104};
        int[] events = CusumFilter.onLogReturns(close, 0.025);
        // cumulative log returns: ln(103.5/100) = 0.0344 > 0.025 at bar 3; then ln(99/103.5) = -0.0445 at bar 5;
        // then ln(103/99) = 0.0396 at bar 7
        assertThat(events).containsExactly(3, 5, 7);
        double[] target = new double[close.length];
        java.util.Arrays.fill(target, 0.02);
        TripleBarrierLabels labels = TripleBarrier.of(1, 1, 3).label(close, events, target);
        assertThat(labels.touchBar(0)).isEqualTo(4);        // 101/103.5 - 1 = -2.4% < -2%
        assertThat(labels.touch(0)).isEqualTo(BarrierTouch.STOP_LOSS);
        assertThat(labels.touchBar(1)).isEqualTo(7);        // 103/99 - 1 = +4.0% > 2%
        assertThat(labels.touchBar(2)).isEqualTo(10);       // vertical: 104/103 - 1 = 0.97% < 2%
        assertThat(labels.label(2, VerticalBarrierLabel.SIGN)).isEqualTo(1);
    }
}
