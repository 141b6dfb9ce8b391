package io.qtrade.ml.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Uniqueness weights (AFML snippets 4.1, 4.2, 4.10), checked by hand arithmetic in the comments. */
class SampleUniquenessTest {

    @Test
    void concurrencyAndAverageUniquenessByHand() {
        // labels [0,2], [1,3], [3,4] on 5 bars: c = 1, 2, 2, 2, 1
        LabelSpans spans = new LabelSpans(new long[] {0, 1, 3}, new long[] {2, 3, 4});
        SampleUniqueness u = SampleUniqueness.of(spans, 5);
        assertThat(new int[] {u.concurrency(0), u.concurrency(1), u.concurrency(2), u.concurrency(3),
                u.concurrency(4)}).containsExactly(1, 2, 2, 2, 1);
        assertThat(u.averageUniqueness(0)).isCloseTo((1 + 0.5 + 0.5) / 3, within(1e-15));
        assertThat(u.averageUniqueness(1)).isCloseTo((0.5 + 0.5 + 0.5) / 3, within(1e-15));
        assertThat(u.averageUniqueness(2)).isCloseTo((0.5 + 1) / 2, within(1e-15));
        assertThat(u.meanUniqueness()).isCloseTo((2.0 / 3 + 0.5 + 0.75) / 3, within(1e-15));
    }

    @Test
    void returnAttributionSumsToTheNumberOfLabels() {
        double[] close = {100, 110, 99, 99, 120};
        LabelSpans spans = new LabelSpans(new long[] {0, 1, 3}, new long[] {2, 3, 4});
        double[] w = SampleUniqueness.of(spans, 5).returnAttributionWeights(close);
        double r1 = Math.log(1.1);
        double r2 = Math.log(99.0 / 110);
        double r4 = Math.log(120.0 / 99);
        double a = Math.abs(0 + r1 / 2 + r2 / 2);
        double b = Math.abs(r1 / 2 + r2 / 2 + 0);
        double c = Math.abs(0 + r4);
        double s = a + b + c;
        assertThat(w).containsExactly(new double[] {3 * a / s, 3 * b / s, 3 * c / s}, within(1e-14));
    }

    @Test
    void fixedHorizonLabelsWithThreshold() {
        FixedHorizonLabels y = FixedHorizonLabels.of(new double[] {100, 101, 100, 100.05, 99}, 1, 0.001,
                PathReturn.SIMPLE);
        assertThat(y.labels()).containsExactly(1, -1, 0, -1);
        assertThat(y.forwardReturn(0)).isCloseTo(0.01, within(1e-15));
        assertThat(y.spans().end(3)).isEqualTo(4);
    }
}
