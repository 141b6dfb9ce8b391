package io.qtrade.strategies.marketmaking;

import io.qtrade.backtest.BacktestResult;
import io.qtrade.features.volatility.EwmaVolatility;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.qtrade.strategies.marketmaking.MarketMakingRuns.autocorrelation;
import static io.qtrade.strategies.marketmaking.MarketMakingRuns.meanAbs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The market maker in the backtester on a generated Cont-Stoikov-Talreja market (300,000 events, about 3,150 s of
 * market time, seed 7; 50 µs entry and response latency, probabilistic queue, post-only quotes), sigma and the
 * intensity estimated online. Every limit order is checked against the book the strategy saw when sending it
 * ({@link CheckedStrategy}), and the inventory is sampled on the maker's 1 s grid.
 *
 * <p>Expected behaviour, from the models: the Avellaneda-Stoikov reservation price {@code s - q gamma sigma^2 tau}
 * leans against the inventory, so the inventory mean-reverts, the more so the higher gamma; GLFT does not bid at
 * {@code q >= Q} nor offer at {@code q <= -Q}.
 */
class MarketMakerBacktestTest {

    private static final long EVENTS = 300_000;
    private static final long SEED = 7;

    @Test
    void higherGammaGivesSmallerMeanAbsoluteInventory() {
        double[] gammas = {0.1, 0.3, 1.0};
        double[] meanAbsQ = new double[gammas.length];
        for (int i = 0; i < gammas.length; i++) {
            CheckedStrategy run = new CheckedStrategy(
                    MarketMakingRuns.estimatingMaker(new AvellanedaStoikov(gammas[i]), 50).build());
            BacktestResult result = MarketMakingRuns.run(run, EVENTS, SEED);
            assertThat(result.fillRecords()).hasSizeGreaterThan(200); // a busy maker: the comparison means something
            assertThat(run.maxAbsPosition).isLessThan(50);            // the hard limit never binds here
            meanAbsQ[i] = meanAbs(run.inventory);
        }
        // Seen: 2.05, 0.76, 0.18 lots.
        assertThat(meanAbsQ[0]).isGreaterThan(1.5 * meanAbsQ[1]);
        assertThat(meanAbsQ[1]).isGreaterThan(1.5 * meanAbsQ[2]);
    }

    @Test
    void avellanedaStoikovInventoryMeanReverts() {
        CheckedStrategy run = new CheckedStrategy(
                MarketMakingRuns.estimatingMaker(new AvellanedaStoikov(0.3), 50).build());
        MarketMakingRuns.run(run, EVENTS, SEED);
        List<Double> q = run.inventory;
        assertThat(q).hasSizeGreaterThan(3_000);
        // E[q(t + 30 s) - q(t) | q(t)] = beta q(t): beta < 0 is mean reversion (beta = 0 for a random walk).
        // Seen: beta = -0.45, t = -30; required beta < -0.2 with t < -10.
        SimpleRegression reg = new SimpleRegression();
        for (int i = 0; i + 30 < q.size(); i++) {
            reg.addData(q.get(i), q.get(i + 30) - q.get(i));
        }
        assertThat(reg.getSlope()).isLessThan(-0.2);
        assertThat(reg.getSlope() / reg.getSlopeStdErr()).isLessThan(-10);
        // and the inventory forgets itself within a minute: lag-60 s autocorrelation 0.41 seen, required < 0.6
        assertThat(autocorrelation(q, 60)).isLessThan(0.6);
    }

    @Test
    void quotesNeverCrossTheTouchAndMaxInventoryIsRespected() {
        // gamma 0.1 drifts up to 8 lots without a limit (seen); with maxInventory 3 the limit binds.
        CheckedStrategy run = new CheckedStrategy(
                MarketMakingRuns.estimatingMaker(new AvellanedaStoikov(0.1), 3).build());
        BacktestResult result = MarketMakingRuns.run(run, EVENTS, SEED);
        assertThat(run.violations).isEmpty();
        assertThat(run.limitOrders).isGreaterThan(3_000);
        assertThat(run.maxAbsPosition).isEqualTo(3.0);
        assertThat(result.portfolio("mm").position(MarketMakingRuns.AAA).qty()).isBetween(-3.0, 3.0);
    }

    @Test
    void glftStopsQuotingAtItsInventoryBound() {
        CheckedStrategy run = new CheckedStrategy(
                MarketMakingRuns.estimatingMaker(new GueantLehalleFernandezTapia(1.0, 2), 50).build());
        MarketMakingRuns.run(run, EVENTS, SEED);
        assertThat(run.violations).isEmpty();
        assertThat(run.maxAbsPosition).isEqualTo(2.0); // reaches Q = 2 and never passes it
    }

    @Test
    void sigmaIsTheMidVolatilityPerSqrtSecond() {
        // A long EWMA (lambda 0.999, about 1,000 samples) against the plain root mean square of the 1 s mid changes
        // over the whole run: both in price units per sqrt(second) on a 1 s grid. Tolerance 15% (the EWMA weighs the
        // last ~1,000 s; the relative standard error of each is ~3%, the rest is the market's own variation).
        MarketMaker mm = MarketMaker.builder()
                .model(new AvellanedaStoikov(0.3))
                .orderQty(1)
                .maxInventory(5)
                .volatility(new EwmaVolatility(0.999))
                .intensity(1.0, 150.0)
                .build();
        CheckedStrategy run = new CheckedStrategy(mm);
        MarketMakingRuns.run(run, EVENTS, SEED);
        double sum = 0;
        int n = 0;
        for (int i = 1; i < run.mids.size(); i++) {
            double d = run.mids.get(i) - run.mids.get(i - 1);
            if (d == d) {
                sum += d * d;
                n++;
            }
        }
        double rms = Math.sqrt(sum / n);
        assertThat(rms).isBetween(0.003, 0.03); // a fraction of a tick to a few ticks per second: the CST market
        assertThat(mm.sigma()).isCloseTo(rms, within(0.15 * rms)); // seen: 0.00673 against 0.00685
    }

    @Test
    void intensityIsFittedFromTheTape() {
        MarketMaker mm = MarketMakingRuns.estimatingMaker(new AvellanedaStoikov(0.3), 5).build();
        MarketMakingRuns.run(new CheckedStrategy(mm), EVENTS, SEED);
        // Market orders arrive at mu = 0.94 per side per second in the generator (Cont, Stoikov, Talreja 2010
        // defaults): A, the rate at distance 0 from the 1 s reference mid, is of that order (0.87 seen). k: trades
        // reach a tick or two from the reference, so k is of order 1 / tick = 100 per price unit (163 seen).
        assertThat(mm.a()).isBetween(0.4, 1.9);
        assertThat(mm.k()).isBetween(50.0, 500.0);
    }
}
