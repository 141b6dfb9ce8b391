package io.qtrade.bench;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.PowerProbability;
import io.qtrade.backtest.queue.ProbabilisticQueue;
import io.qtrade.core.Instrument;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.ml.model.Model;
import io.qtrade.ml.model.onnx.OnnxModel;
import io.qtrade.ml.signal.FeatureVector;
import io.qtrade.ml.signal.ForecastSignal;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * What a model call costs a tick backtest: the same synthetic L2 events ({@code BacktestThroughput.generate}, seed 7)
 * replayed with a strategy that does nothing ({@code none}) and with one that, on every 100th book event, pushes the
 * mid into a rolling feature window and asks a {@link ForecastSignal} for a score ({@code xgb100}: the 100-tree
 * XGBoost on the last 6 mid returns; {@code lstm100}: the LSTM on the last 20 x 5 returns), alternated round by
 * round in one JVM.
 *
 * <pre>{@code
 * java -Xms2g -Xmx2g -cp qtrade-bench/target/benchmarks.jar io.qtrade.bench.MlBacktestThroughput [events] [rounds]
 * }</pre>
 */
public final class MlBacktestThroughput {
    private static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    static final int EVERY = 100;

    private MlBacktestThroughput() {
    }

    /** Runs the rounds; arguments: events (default 2,000,000), rounds (default 3). */
    public static void main(String[] args) {
        long events = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 2_000_000L;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        EventBatch all = BacktestThroughput.generate(events);
        Model xgb = MlModels.xgboost100();
        try (OnnxModel lstm = MlModels.lstm()) {
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long tid = Thread.currentThread().getId();
            for (int round = 1; round <= rounds; round++) {
                for (String mode : new String[] {"none", "xgb100", "lstm100"}) {
                    Model model = mode.equals("xgb100") ? xgb : mode.equals("lstm100") ? lstm : null;
                    Scorer scorer = new Scorer(model);
                    long allocated = threads.getThreadAllocatedBytes(tid);
                    long start = System.nanoTime();
                    BacktestResult r = run(all, scorer);
                    long nanos = System.nanoTime() - start;
                    long bytes = threads.getThreadAllocatedBytes(tid) - allocated;
                    System.out.printf(Locale.ROOT, "round %d %-7s %,6.2f M events/s  %,8.2f B/event  model calls %,d"
                                    + "  mean score %.4f  events %,d%n", round, mode, all.size() * 1e3 / nanos,
                            (double) bytes / all.size(), scorer.calls, scorer.calls == 0 ? 0 : scorer.sum / scorer.calls,
                            r.events());
                }
            }
        }
    }

    static BacktestResult run(EventBatch all, Strategy strategy) {
        return Backtest.builder().source(new InMemoryEventSource(List.of(AAA), all))
                .exchange(ExchangeSettings.builder(AAA).latency(new ConstantLatency(50_000, 50_000))
                        .queue(new ProbabilisticQueue(new PowerProbability(2))).fees(new BpsFees(-0.2, 2.0)).build())
                .strategy("ml", strategy).markIntervalNanos(60_000_000_000L).build().run();
    }

    /** Rolling mid log returns, as many as the model reads. */
    static final class MidReturns implements FeatureVector {
        private final double[] window;
        private long count;
        private double lastMid = Double.NaN;

        MidReturns(int size) {
            this.window = new double[size];
        }

        void update(double mid) {
            if (!Double.isNaN(lastMid) && mid > 0) {
                window[(int) (count++ % window.length)] = Math.log(mid / lastMid);
            }
            lastMid = mid;
        }

        @Override
        public int size() {
            return window.length;
        }

        @Override
        public List<String> names() {
            return List.of("mid returns");
        }

        @Override
        public boolean isReady() {
            return count >= window.length;
        }

        @Override
        public void write(double[] out) {
            for (int k = 0; k < window.length; k++) {
                out[k] = 1e3 * window[(int) ((count - 1 - k) % window.length)];
            }
        }
    }

    /** Counts book events; on every 100th, updates the features and scores (no orders: the cost is the call). */
    static final class Scorer implements Strategy {
        private final MidReturns features;
        private final ForecastSignal signal;
        long events;
        long calls;
        double sum;

        Scorer(Model model) {
            this.features = model == null ? null : new MidReturns(model.inputSize());
            this.signal = model == null ? null : new ForecastSignal(features, model);
        }

        @Override
        public void onBook(int instrument, OrderBookView book) {
            if (signal == null || ++events % EVERY != 0) {
                return;
            }
            double mid = book.mid();
            if (!Double.isNaN(mid)) {
                features.update(mid);
                double s = signal.score();
                if (!Double.isNaN(s)) {
                    calls++;
                    sum += s;
                }
            }
        }
    }
}
