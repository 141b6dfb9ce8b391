package io.qtrade.strategies.marketmaking;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.PowerProbability;
import io.qtrade.backtest.queue.ProbabilisticQueue;
import io.qtrade.store.synthetic.SyntheticMarket;
import io.qtrade.core.Instrument;
import io.qtrade.features.volatility.EwmaVolatility;

/** Test fixture: the market maker in the backtester on a generated Cont-Stoikov-Talreja market. */
final class MarketMakingRuns {

    static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);

    private MarketMakingRuns() {
    }

    /** An AS or GLFT maker with estimated sigma and intensity, 1 lot quotes, at most {@code maxInventory} lots. */
    static MarketMaker.Builder estimatingMaker(QuoteModel model, double maxInventory) {
        return MarketMaker.builder()
                .model(model)
                .orderQty(1)
                .maxInventory(maxInventory)
                .volatility(new EwmaVolatility(0.97))
                .intensity(new TradeIntensityEstimator(AAA.tickSize(), 10, 600, 10));
    }

    /** Runs {@code strategy} (wrapped by the checking harness) on {@code events} generated events. */
    static BacktestResult run(CheckedStrategy strategy, long events, long seed) {
        SyntheticMarket market = SyntheticMarket.builder()
                .instrument(AAA, 100.00)
                .events(events)
                .seed(seed)
                .build();
        return Backtest.builder()
                .source(market)
                .exchange(ExchangeSettings.builder(AAA)
                        .latency(new ConstantLatency(50_000, 50_000))
                        .queue(new ProbabilisticQueue(new PowerProbability(2)))
                        .fees(new BpsFees(-0.2, 2.0))
                        .build())
                .strategy("mm", strategy)
                .build()
                .run();
    }

    /** Mean of |x|. */
    static double meanAbs(java.util.List<Double> xs) {
        double s = 0;
        for (double x : xs) {
            s += Math.abs(x);
        }
        return s / xs.size();
    }

    /** Sample autocorrelation of {@code xs} at {@code lag}. */
    static double autocorrelation(java.util.List<Double> xs, int lag) {
        int n = xs.size();
        double mean = 0;
        for (double x : xs) {
            mean += x;
        }
        mean /= n;
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            double d = xs.get(i) - mean;
            den += d * d;
            if (i + lag < n) {
                num += d * (xs.get(i + lag) - mean);
            }
        }
        return num / den;
    }
}
