package io.qtrade.strategies.marketmaking;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The estimator inverts the model: trade counts laid out as {@code A exp(-k delta)} give back {@code A} and {@code k}. */
class TradeIntensityEstimatorProperties {

    private static final long SECOND = 1_000_000_000L;

    /**
     * Over {@code E = 1,000 s}, tail counts {@code N_i = round(2 E A exp(-k delta_i))} at 8 bucket edges spanning
     * {@code k delta} up to 7 * 0.5 = 3.5: the smallest tail count is {@code 2000 A e^-3.5 >= 60}, so rounding moves
     * each {@code ln N_i} by at most about 1/120; tolerance 3% on {@code A} and {@code k}.
     */
    @Property(tries = 100)
    void recoversAAndKFromCountsLaidOutByTheModel(
            @ForAll @DoubleRange(min = 1, max = 10) double a,
            @ForAll @DoubleRange(min = 10, max = 1000) double k,
            @ForAll @DoubleRange(min = 0.1, max = 0.5) double kTimesWidth) {
        double width = kTimesWidth / k;
        int buckets = 8;
        double exposure = 1000;
        TradeIntensityEstimator est = new TradeIntensityEstimator(width, buckets, Double.POSITIVE_INFINITY, 10);
        est.advanceTo(0);
        for (int i = 0; i < buckets; i++) {
            long tail = Math.round(2 * exposure * a * Math.exp(-k * i * width));
            long nextTail = i + 1 < buckets ? Math.round(2 * exposure * a * Math.exp(-k * (i + 1) * width)) : 0;
            for (long n = 0; n < tail - nextTail; n++) {
                est.onTrade(SECOND, (i + 0.5) * width);
            }
        }
        est.advanceTo((long) (exposure * SECOND));
        assertThat(est.fit()).isTrue();
        assertThat(est.k()).isCloseTo(k, within(0.03 * k));
        assertThat(est.a()).isCloseTo(a, within(0.03 * a));
    }
}
