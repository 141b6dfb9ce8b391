package io.qtrade.strategies.marketmaking;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TradeIntensityEstimatorTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void exactExponentialCountsGiveExactAAndK() {
        // 10 s observed, buckets 0.01 wide. Tail counts N_i = 1000 * 2^-i = 1000, 500, 250, 125, so
        // lambda_i = N_i / (2 * 10) = 50 * 2^-i = A exp(-k delta_i) with A = 50 and k = ln 2 / 0.01 = 69.31471805599453.
        // Per bucket: 500 trades at distance 0.005, 250 at 0.015, 125 at 0.025, 125 at 0.035 (last bucket open-ended).
        TradeIntensityEstimator est = new TradeIntensityEstimator(0.01, 4, Double.POSITIVE_INFINITY, 10);
        est.advanceTo(0);
        addTrades(est, 500, 0.005);
        addTrades(est, 250, 0.015);
        addTrades(est, 125, 0.025);
        addTrades(est, 125, 0.035);
        est.advanceTo(10 * SECOND);
        assertThat(est.fit()).isTrue();
        assertThat(est.k()).isCloseTo(Math.log(2) / 0.01, within(1e-9));
        assertThat(est.a()).isCloseTo(50.0, within(1e-9));
        assertThat(est.rSquared()).isCloseTo(1.0, within(1e-12));
        assertThat(est.fitBuckets()).isEqualTo(4);
        assertThat(est.empiricalIntensity(1)).isCloseTo(25.0, within(1e-12));
        assertThat(est.exposureSeconds()).isCloseTo(10.0, within(1e-12));
    }

    @Test
    void recoversAAndKFromSimulatedPoissonTrades() {
        // Per side, trades arrive as a Poisson process of rate A = 2 /s, each reaching an Exp(k) distance, k = 150 per
        // price unit: then trades reaching delta arrive at A exp(-k delta), the model. 5,000 s, about 20,000 trades:
        // the estimates' relative standard errors are about 1-2%; tolerance 5%.
        double a = 2.0;
        double k = 150.0;
        TradeIntensityEstimator est = new TradeIntensityEstimator(0.002, 12, Double.POSITIVE_INFINITY, 20);
        simulate(est, new SplittableRandom(11), 0, 5_000, a, k);
        assertThat(est.fit()).isTrue();
        assertThat(est.k()).isCloseTo(k, within(0.05 * k));
        assertThat(est.a()).isCloseTo(a, within(0.05 * a));
        assertThat(est.tradesSeen()).isBetween(19_000L, 21_000L);
    }

    @Test
    void forgettingFollowsARegimeChange() {
        // 3,000 s at A = 2, k = 150, then 3,000 s at A = 4, k = 300; with a 300 s half-life the old regime weighs
        // 2^-10 = 0.1% at the end. Tolerance 10% (the effective sample is about 430 s, ~3,400 trades).
        TradeIntensityEstimator est = new TradeIntensityEstimator(0.001, 12, 300, 20);
        SplittableRandom rnd = new SplittableRandom(5);
        simulate(est, rnd, 0, 3_000, 2.0, 150.0);
        assertThat(est.fit()).isTrue();
        assertThat(est.k()).isCloseTo(150, within(15.0));
        simulate(est, rnd, 3_000, 6_000, 4.0, 300.0);
        assertThat(est.fit()).isTrue();
        assertThat(est.k()).isCloseTo(300, within(30.0));
        assertThat(est.a()).isCloseTo(4, within(0.4));
        // E = (halfLife / ln 2)(1 - 2^-20) after 6,000 s
        assertThat(est.exposureSeconds()).isCloseTo(300 / Math.log(2), within(1e-3));
    }

    @Test
    void unfittedUntilEnoughBucketsAndNegativeDistancesReachNoQuote() {
        TradeIntensityEstimator est = new TradeIntensityEstimator(0.01, 5, Double.POSITIVE_INFINITY, 10);
        assertThat(est.a()).isNaN();
        assertThat(est.k()).isNaN();
        assertThat(est.fit()).isFalse(); // nothing observed
        est.advanceTo(0);
        addTrades(est, 100, -0.02); // on the far side of the reference: no quote at delta >= 0 is reached
        addTrades(est, 30, 0.005);
        addTrades(est, 30, 0.015);
        est.advanceTo(10 * SECOND);
        assertThat(est.tradesSeen()).isEqualTo(160);
        assertThat(est.empiricalIntensity(0)).isCloseTo(60 / 20.0, within(1e-12));
        assertThat(est.fit()).isFalse(); // two buckets with >= 10 trades: fewer than MIN_FIT_BUCKETS
        assertThat(est.isFitted()).isFalse();
    }

    @Test
    void rejectsBadInputNamingIt() {
        assertThatThrownBy(() -> new TradeIntensityEstimator(0, 5, 1, 1)).hasMessageContaining("bucketWidth");
        assertThatThrownBy(() -> new TradeIntensityEstimator(1, 2, 1, 1)).hasMessageContaining("buckets");
        assertThatThrownBy(() -> new TradeIntensityEstimator(1, 5, 0, 1)).hasMessageContaining("halfLifeSeconds");
        assertThatThrownBy(() -> new TradeIntensityEstimator(1, 5, 1, 0)).hasMessageContaining("minTradesPerBucket");
        TradeIntensityEstimator est = new TradeIntensityEstimator(1, 5, 1, 1);
        assertThatThrownBy(() -> est.onTrade(5, Double.NaN)).hasMessageContaining("distance")
                .hasMessageContaining("NaN");
        est.advanceTo(100);
        assertThatThrownBy(() -> est.advanceTo(99)).hasMessageContaining("time went back");
    }

    private static void addTrades(TradeIntensityEstimator est, int n, double distance) {
        for (int i = 0; i < n; i++) {
            est.onTrade(SECOND, distance);
        }
    }

    /** Both sides' trades between two times (seconds), merged: total rate 2A, distance Exp(k). */
    private static void simulate(TradeIntensityEstimator est, SplittableRandom rnd, double fromSeconds,
                                 double toSeconds, double a, double k) {
        double t = fromSeconds;
        est.advanceTo((long) (fromSeconds * SECOND));
        while (true) {
            t += -Math.log(1 - rnd.nextDouble()) / (2 * a);
            if (t >= toSeconds) {
                break;
            }
            double distance = -Math.log(1 - rnd.nextDouble()) / k;
            est.onTrade((long) (t * SECOND), distance);
        }
        est.advanceTo((long) (toSeconds * SECOND));
    }
}
