package io.qtrade.store.synthetic;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Checks the simulated dynamics against the Cont-Stoikov-Talreja model itself. Each statistic is compared with what
 * the model predicts for the states the simulation actually visited, so the tolerances are plain standard errors.
 */
class SyntheticBookModelTest {

    static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    static final int STEPS = 1_000_000;

    private static SyntheticBook book(long seed) {
        return SyntheticMarket.builder().instrument(AAA, 100.0).seed(seed).build().book(0);
    }

    @Test
    void marketOrdersTakeTheirShareOfTheTotalRate() {
        // In state x a transition is a market order with probability p(x) = 2 mu / R(x). Summed over the visited
        // states, the count M has mean sum p and variance sum p(1 - p) (a martingale CLT), so |z| < 4 fails by
        // chance with probability below 1e-4. Buys and sells are each half of it (kappa = 0): binomial, |z| < 4.
        SyntheticBook book = book(17);
        PendingEvents out = new PendingEvents(256);
        double expected = 0;
        double variance = 0;
        long market = 0;
        long buys = 0;
        for (int n = 0; n < STEPS; n++) {
            double p = 2 * SyntheticMarket.DEFAULT_MARKET_RATE / book.totalRate();
            expected += p;
            variance += p * (1 - p);
            out.clear();
            byte what = book.step(out);
            if (what == SyntheticBook.MARKET_BUY || what == SyntheticBook.MARKET_SELL) {
                market++;
                buys += what == SyntheticBook.MARKET_BUY ? 1 : 0;
            }
        }
        double z = (market - expected) / Math.sqrt(variance);
        assertThat(z).isBetween(-4.0, 4.0);
        // R is about 2 * 23.3 (limits, 50 levels) + 1.88 + 0.5 * (about 55 + 55 units resting) ~ 103: ~1.8 %.
        assertThat(market / (double) STEPS).isCloseTo(expected / STEPS, within(0.001)).isBetween(0.012, 0.025);
        double zSide = (buys - market / 2.0) / Math.sqrt(market / 4.0);
        assertThat(zSide).isBetween(-4.0, 4.0);
    }

    @Test
    void waitingTimesAreExponentialWithTheTotalRate() {
        // The wait after reaching state x is Exp(R(x)): mean 1/R(x), variance 1/R(x)^2. The sum of
        // (wait - 1/R(x)) over the path has mean 0 and variance sum 1/R(x)^2; |z| < 4.
        SyntheticBook book = book(23);
        PendingEvents out = new PendingEvents(256);
        double sumDeviation = 0;
        double variance = 0;
        double sumWait = 0;
        double sumMean = 0;
        for (int n = 0; n < STEPS; n++) {
            double before = book.time();
            out.clear();
            book.step(out);
            double mean = 1.0 / book.totalRate();
            double wait = book.time() - before;
            sumDeviation += wait - mean;
            sumWait += wait;
            sumMean += mean;
            variance += mean * mean;
        }
        assertThat(sumDeviation / Math.sqrt(variance)).isBetween(-4.0, 4.0);
        assertThat(sumWait / sumMean).isCloseTo(1.0, within(0.005));
    }

    @Test
    void waitingTimeInOneFixedStateHasMeanOneOverTheRate() {
        // Restarting from the same initial state each time: the first wait is Exp(R(x0)) exactly. R(x0) =
        // 2 * sum_{i<=50} 1.92 / i^0.52 + 2 * 0.94 + 0.5 * (bid units + ask units of the initial profile).
        double lambdaSum = 0;
        for (int i = 1; i <= 50; i++) {
            lambdaSum += 1.92 / Math.pow(i, 0.52);
        }
        SyntheticBook first = book(0);
        double rate = 2 * lambdaSum + 2 * 0.94 + 0.5 * (first.bidDepthUnits() + first.askDepthUnits());
        assertThat(first.totalRate()).isCloseTo(rate, within(1e-9));
        int samples = 20_000;
        double sum = 0;
        for (int s = 0; s < samples; s++) {
            sum += book(1000 + s).time();
        }
        // Mean of 20,000 Exp(R): standard error (1/R)/sqrt(20000) = 0.7 % of 1/R; 4 standard errors = 2.8 %.
        assertThat(sum / samples * rate).isCloseTo(1.0, within(0.028));
    }

    @Test
    void averageQueuesFollowTheBirthDeathMeanAwayFromTheTouch() {
        // Far from the touch a queue at distance d from the opposite quote gains an order at rate lambda(d) and
        // loses each of its Q at rate theta: its stationary mean is lambda(d) / theta = 3.84 / d^0.52. Near the
        // touch market orders deplete it. Time-weighted means over 2e6 transitions (about 2e4 model units, queues
        // decorrelate in 1/theta = 2 units): standard errors about 1 %, tolerance 6 %.
        SyntheticBook book = book(5);
        PendingEvents out = new PendingEvents(256);
        int maxD = 45;
        double[] bidArea = new double[maxD + 1];
        double[] askArea = new double[maxD + 1];
        double total = 0;
        for (int n = 0; n < 2 * STEPS; n++) {
            double before = book.time();
            out.clear();
            book.step(out);
            double dt = book.time() - before;
            for (int d = 1; d <= maxD; d++) {
                bidArea[d] += dt * book.queueUnits(Side.BUY, book.bestAskTick() - d);
                askArea[d] += dt * book.queueUnits(Side.SELL, book.bestBidTick() + d);
            }
            total += dt;
        }
        double[] mean = new double[maxD + 1];
        for (int d = 1; d <= maxD; d++) {
            mean[d] = (bidArea[d] + askArea[d]) / (2 * total);
        }
        for (int d = 5; d <= maxD; d++) {
            double predicted = 1.92 / Math.pow(d, 0.52) / 0.5;
            assertThat(mean[d] / predicted).as("distance %d: mean %s vs %s", d, mean[d], predicted)
                    .isCloseTo(1.0, within(0.06));
        }
        // Decreasing with distance from d = 2 on; at d = 1 (the touch when the spread is one tick) market orders
        // take a third or more of the queue away.
        for (int d = 2; d < 10; d++) {
            assertThat(mean[d + 1]).as("distance %d", d + 1).isLessThan(mean[d]);
        }
        assertThat(mean[1]).isLessThan(0.7 * 1.92 / 0.5);
    }
}
