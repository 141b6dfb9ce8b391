package io.qtrade.bench;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.core.market.MarketEvent;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.ml.dataset.ReturnLagFeatures;
import io.qtrade.ml.model.Model;
import io.qtrade.ml.signal.ForecastSignal;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A model call on every bar: a seeded random walk of daily bars replayed through the tick engine (each bar: the old
 * touch removed, the new bid and ask, and a print at the bid that closes the bar: 5 events), with a strategy that
 * does nothing ({@code none}) and one that on every closing print updates {@link ReturnLagFeatures} (5 lags, 20-bar
 * volatility) and scores the 100-tree XGBoost through a {@link ForecastSignal} ({@code xgb-bar}), alternated round by
 * round. (The bar engine of the bar-level research issue is not used: it was not available to this work.)
 *
 * <pre>{@code
 * java -Xms2g -Xmx2g -cp qtrade-bench/target/benchmarks.jar io.qtrade.bench.MlBarThroughput [bars] [rounds]
 * }</pre>
 */
public final class MlBarThroughput {
    private static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.0001, 1);

    private MlBarThroughput() {
    }

    /** Runs the rounds; arguments: bars (default 400,000), rounds (default 3). */
    public static void main(String[] args) {
        int bars = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 400_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        EventBatch tape = tape(bars);
        Model xgb = MlModels.xgboost100();
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        for (int round = 1; round <= rounds; round++) {
            for (String mode : new String[] {"none", "xgb-bar"}) {
                BarScorer s = new BarScorer(mode.equals("none") ? null : xgb);
                long allocated = threads.getThreadAllocatedBytes(tid);
                long start = System.nanoTime();
                BacktestResult r = Backtest.builder().source(new InMemoryEventSource(List.of(AAA), tape))
                        .exchange(ExchangeSettings.builder(AAA).latency(new ConstantLatency(1_000, 1_000))
                                .queue(RiskAverseQueue.INSTANCE).fees(new BpsFees(0, 1)).build())
                        .strategy("bars", s).markIntervalNanos(86_400_000_000_000L).build().run();
                long nanos = System.nanoTime() - start;
                long bytes = threads.getThreadAllocatedBytes(tid) - allocated;
                System.out.printf(Locale.ROOT, "round %d %-7s %,8.0f k bars/s  %,6.2f M events/s  %,8.2f B/event  "
                                + "model calls %,d  events %,d%n", round, mode, bars * 1e6 / nanos,
                        r.events() * 1e3 / nanos, (double) bytes / r.events(), s.calls, r.events());
            }
        }
    }

    static EventBatch tape(int bars) {
        EventBatch events = new EventBatch(bars * 5 + 8);
        SplittableRandom rnd = new SplittableRandom(11);
        double close = 100;
        double oldBid = Double.NaN;
        double oldAsk = Double.NaN;
        long day = 1_000_000_000L;
        for (int d = 0; d < bars; d++) {
            close *= Math.exp(0.01 * rnd.nextGaussian());
            double bid = Math.round(close * 10_000) / 10_000.0;
            double ask = bid + 0.0002;
            long t = d * day;
            if (!Double.isNaN(oldBid)) {
                events.addDepth(0, t, t + 1_000, Side.BUY, oldBid, 0);
                events.addDepth(0, t, t + 1_000, Side.SELL, oldAsk, 0);
            }
            events.addDepth(0, t + 1, t + 1_001, Side.BUY, bid, 1e6);
            events.addDepth(0, t + 1, t + 1_001, Side.SELL, ask, 1e6);
            events.addTrade(0, t + 500_000, t + 501_000, Side.SELL, bid, 1);
            oldBid = bid;
            oldAsk = ask;
        }
        return events;
    }

    /** Scores on every closing print (no orders: the cost measured is the call). */
    static final class BarScorer implements Strategy {
        private final ReturnLagFeatures features = new ReturnLagFeatures(5, 20);
        private final ForecastSignal signal;
        long calls;
        double sum;

        BarScorer(Model model) {
            this.signal = model == null ? null : new ForecastSignal(features, model);
        }

        @Override
        public void onTrade(int instrument, MarketEvent trade) {
            if (signal == null) {
                return;
            }
            features.update(trade.price());
            double s = signal.score();
            if (!Double.isNaN(s)) {
                calls++;
                sum += s;
            }
        }
    }
}
