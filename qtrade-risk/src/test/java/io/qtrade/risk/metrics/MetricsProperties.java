package io.qtrade.risk.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

/**
 * Invariants of the metrics on random return samples; tolerances of 1e-12 cover the rounding of sums of up to 80
 * returns.
 */
class MetricsProperties {

    @Property(tries = 300)
    boolean everyQuantileLiesBetweenTheNeighbouringOrderStatistics(
            @ForAll @Size(min = 1, max = 60) double[] sample, @ForAll @DoubleRange(min = 0, max = 1) double p) {
        double[] s = clean(sample);
        Arrays.sort(s);
        double lower = QuantileMethod.LOWER.ofSorted(s, p);
        double higher = QuantileMethod.HIGHER.ofSorted(s, p);
        for (QuantileMethod m : new QuantileMethod[] {QuantileMethod.LINEAR, QuantileMethod.MIDPOINT,
                QuantileMethod.NEAREST}) {
            assertThat(m.ofSorted(s, p)).isBetween(lower, higher);
        }
        for (QuantileMethod m : QuantileMethod.values()) {
            assertThat(m.ofSorted(s, p)).isBetween(s[0], s[s.length - 1]);
        }
        return true;
    }

    @Property(tries = 300)
    boolean historicalShortfallIsAtLeastTheVar(@ForAll @Size(min = 2, max = 80) double[] sample,
                                               @ForAll @DoubleRange(min = 0.5, max = 0.99) double confidence) {
        double[] r = clean(sample);
        for (QuantileMethod m : QuantileMethod.values()) {
            HistoricalVar v = new HistoricalVar(confidence, m, HistoricalVar.TailRule.AT_OR_BELOW_QUANTILE);
            // the tail holds returns at or below the quantile (never empty: the quantile is >= the minimum)
            assertThat(v.expectedShortfall(r)).isGreaterThanOrEqualTo(v.valueAtRisk(r) - 1e-12);
        }
        // the mean of the k smallest returns is at most the mean of all
        HistoricalVar k = new HistoricalVar(confidence, QuantileMethod.LOWER, HistoricalVar.TailRule.K_SMALLEST);
        assertThat(k.expectedShortfall(r)).isGreaterThanOrEqualTo(-PerformanceMetrics.mean(r) - 1e-12);
        return true;
    }

    @Property(tries = 200)
    boolean equityAndReturnsGiveTheSameCompoundedDrawdown(@ForAll @Size(min = 2, max = 60) double[] sample) {
        double[] r = clean(sample);
        double[] e = new double[r.length + 1];
        e[0] = 250.0;
        for (int i = 0; i < r.length; i++) {
            e[i + 1] = e[i] * (1 + r[i]);
        }
        Drawdown a = Drawdown.ofReturnsCompounded(r);
        Drawdown b = Drawdown.ofEquity(e);
        assertThat(b.maxDrawdown()).isCloseTo(a.maxDrawdown(), within(1e-12));
        // The troughs agree up to rounding: two nearly equal troughs may swap places between the two paths, so the
        // equity's trough must be a deepest point of the returns' path too.
        double peak = 0;
        for (int i = 0; i <= b.troughIndex(); i++) {
            peak = Math.max(peak, e[i]);
        }
        assertThat(1 - e[b.troughIndex()] / peak).isCloseTo(a.maxDrawdown(), within(1e-12));
        // the amount is the fraction of the peak it fell from
        assertThat(b.maxDrawdownAmount()).isCloseTo(e[b.peakIndex()] * b.maxDrawdown(), within(1e-9));
        assertThat(a.maxDrawdown()).isBetween(0.0, 1.0);
        assertThat(a.durationPeriods()).isLessThanOrEqualTo(a.longestUnderwaterPeriods());
        return true;
    }

    /** Maps arbitrary doubles to returns in (-0.5, 0.5). */
    private static double[] clean(double[] sample) {
        double[] r = new double[sample.length];
        for (int i = 0; i < r.length; i++) {
            double x = sample[i];
            r[i] = Double.isFinite(x) ? Math.tanh(x) * 0.49 : 0.0;
        }
        return r;
    }

    private static double[] sorted(double[] r) {
        double[] s = r.clone();
        Arrays.sort(s);
        return s;
    }
}
