package io.qtrade.store.synthetic;

import io.qtrade.core.Instrument;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDK extension: fair values correlated by {@code rho} pull the mids along, so mid-price changes correlate.
 * Mids are rebuilt from the published depth updates and sampled every 60 s of venue time over about 10,000 s
 * (2e6 events, two instruments at ~100 events/s each): about 170 changes. The standard error of a sample
 * correlation r is about (1 - r^2) / sqrt(n): 0.077 at r = 0 and 0.03 at r = 0.8.
 */
class SyntheticMarketCorrelationTest {

    static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    static final Instrument BBB = Instrument.spot("BBB", "SYN", 0.01, 1);
    static final long MINUTE_NANOS = 60_000_000_000L;

    private static double[] correlation(double rho, long seed) {
        SyntheticMarket market = SyntheticMarket.builder().instruments(List.of(AAA, BBB)).events(2_000_000).seed(seed)
                .meanReversion(1.0).fairValueVolatility(1.0).correlation(rho).build();
        return CorrelationSampler.sampleCorrelation(market, MINUTE_NANOS);
    }

    @Test
    void midReturnsCorrelateStronglyWhenFairValuesDo() {
        double[] result = correlation(0.9, 7);
        assertThat(result[1]).isGreaterThan(150);
        // Book noise dilutes rho = 0.9 (observed about 0.8); 0.6 is more than 6 standard errors below that.
        assertThat(result[0]).isGreaterThan(0.6);
        // Mids move: sigma * sqrt(60 s) = 7.7 ticks per minute from the fair value.
        assertThat(result[2]).isBetween(5.0, 11.0);
    }

    @Test
    void midReturnsAreUncorrelatedWithIndependentFairValues() {
        double[] result = correlation(0.0, 7);
        assertThat(result[1]).isGreaterThan(150);
        // 0.25 is more than 3 standard errors (0.077) from 0.
        assertThat(result[0]).isBetween(-0.25, 0.25);
    }

    @Test
    void aCorrelationMatrixWorksLikeThePairwiseForm() {
        SyntheticMarket market = SyntheticMarket.builder().instruments(List.of(AAA, BBB)).events(2_000_000).seed(7)
                .meanReversion(1.0).correlationMatrix(new double[][] {{1, -0.9}, {-0.9, 1}}).build();
        double[] result = CorrelationSampler.sampleCorrelation(market, MINUTE_NANOS);
        assertThat(result[0]).isLessThan(-0.6);
    }
}
