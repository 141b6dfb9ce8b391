package io.qtrade.examples;

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
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;
import io.qtrade.ml.dataset.LabelledDataset;
import io.qtrade.ml.evaluation.ClassificationMetrics;
import io.qtrade.ml.evaluation.InformationCoefficient;
import io.qtrade.ml.label.EwmVolatility;
import io.qtrade.ml.label.SampleUniqueness;
import io.qtrade.ml.label.TripleBarrier;
import io.qtrade.ml.label.TripleBarrierLabels;
import io.qtrade.ml.label.VerticalBarrierLabel;
import io.qtrade.ml.model.Model;
import io.qtrade.ml.model.linear.LogisticRegression;
import io.qtrade.ml.model.linear.StandardScaler;
import io.qtrade.ml.model.linear.StandardisedModel;
import io.qtrade.ml.model.xgboost.XgboostTrainer;
import io.qtrade.ml.model.xgboost.XgboostTraining;
import io.qtrade.ml.signal.ForecastSignal;
import io.qtrade.ml.signal.ModelSchedule;
import io.qtrade.ml.validation.PurgedKFold;
import io.qtrade.ml.validation.Split;
import io.qtrade.ml.validation.WalkForward;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * A machine-learning signal researched honestly, on one stock of the synthetic 30-stock universe (daily closes
 * 1991-2000, shipped as {@value #DATA_RESOURCE}; a factor model with GARCH volatility clustering and fat tails, whose
 * returns carry no predictable mean: examples/README.md): label, validate without leakage, walk forward, trade with
 * costs, and judge. On such data an honest study finds no skill, which is what it is for.
 *
 * <ol>
 *   <li>Features ({@link DailyFeatures}): lagged log returns 1..5, the 20-day volatility, the EWM volatility (span
 *       100) and the 60-day momentum, all known at the day's close. Labels: triple
 *       barrier with pt = sl = 1 daily volatility (EWM span 100) and a 10-day vertical barrier, sign at the
 *       vertical barrier, binary up/not-up ({@link TripleBarrier}); sample weights by uniqueness.</li>
 *   <li>Leakage: the same XGBoost model scored by shuffled k-fold without purging (neighbouring, overlapping labels
 *       in the train set), contiguous k-fold without purging, and purged k-fold with a 1% embargo.</li>
 *   <li>Walk-forward (anchored, first half to start, blocks of 126 events, purged): L2 logistic regression and a
 *       small XGBoost (trained from Java with xgboost4j); out-of-sample accuracy with a binomial test against 50%,
 *       precision, recall, AUC, log loss, Brier, and the IC against the next day's return.</li>
 *   <li>Trading: each walk-forward model takes over at its block's first day inside a {@link Strategy} in the tick
 *       engine (the daily closes replayed as L2 books: bid = close, ask 2 bps above, a print at the bid closes the
 *       bar); long {@value #NOTIONAL} notional when P(up) &gt; 0.5, flat otherwise; market orders pay the spread
 *       and a 5 bps taker fee. Buy-and-hold over the same days is the baseline.</li>
 * </ol>
 *
 * {@code MlSignalResearch [TICKER=IBM]} with TICKER one of the universe's 30 column labels (IBM, MSFT, KO, GE, ...).
 */
public final class MlSignalResearch {
    /** The closes on the class path: the portfolio example's synthetic universe (see examples/README.md). */
    public static final String DATA_RESOURCE = PortfolioComparison.DATA_RESOURCE;
    static final double NOTIONAL = 100_000;
    static final long DAY = 1_000_000_000L;   // one simulated second per trading day
    static final int FIRST_EVENT = 100;       // after the EWM volatility's span
    static final TripleBarrier BARRIER = TripleBarrier.of(1, 1, 10);
    static final double TAKER_FEE_BPS = 5;
    static final double SPREAD_BPS = 2;

    private MlSignalResearch() {
    }

    /** The evaluation of one model. */
    public record ModelReport(String model, ClassificationMetrics metrics, InformationCoefficient ic, double netPnl,
                              double fees, long fills) {
    }

    /** The leakage comparison: out-of-fold accuracy of one model under three cross-validation schemes. */
    public record LeakageReport(ClassificationMetrics shuffledUnpurged, ClassificationMetrics contiguousUnpurged,
                                ClassificationMetrics purgedEmbargoed) {
    }

    /** Everything the program prints. */
    public record Report(String ticker, int events, double meanUniqueness, LeakageReport leakage,
                         List<ModelReport> models, double buyAndHoldPnl, double buyAndHoldFees, String verdict) {
    }

    /** Runs on the ticker given as the first argument (IBM by default). */
    public static void main(String[] args) {
        String ticker = args.length > 0 ? args[0] : "IBM";
        run(ticker, System.out);
    }

    /** Runs the whole study for one ticker, printing as it goes. */
    public static Report run(String ticker, PrintStream out) {
        double[] close = loadCloses(ticker);
        int n = close.length;
        out.printf(Locale.ROOT, "qtrade ML signal research: %s, %d daily closes 1991-2000 (synthetic universe)%n%n",
                ticker, n);

        // 1. features, labels, weights
        double[][] features = DailyFeatures.rows(close);
        List<String> names = new DailyFeatures().names();
        double[] sigma = EwmVolatility.ofCloses(close, 100);
        TripleBarrierLabels labels = BARRIER.label(close, BARRIER.everyBar(FIRST_EVENT, n), sigma);
        SampleUniqueness uniqueness = SampleUniqueness.of(labels.spans(), n);
        LabelledDataset data = LabelledDataset.fromTripleBarrier(names, features, labels, VerticalBarrierLabel.SIGN,
                uniqueness.averageUniqueness());
        int up = 0;
        for (int i = 0; i < data.size(); i++) {
            up += data.label(i);
        }
        out.printf(Locale.ROOT, "labels: %d triple-barrier events (pt = sl = 1 sigma, 10-day vertical), %.1f%% up; "
                + "mean uniqueness %.3f (each label shares its path with about %.1f others)%n%n", data.size(),
                100.0 * up / data.size(), uniqueness.meanUniqueness(), 1 / uniqueness.meanUniqueness() - 1);

        // 2. leakage
        XgboostTraining deep = new XgboostTraining("binary:logistic", 60, 6, 0.3, 1, 1, 1, 0.5, "exact", 1);
        BiFunction<double[][], int[], Model> xgbDeep = (x, y) -> XgboostTrainer.train(x, toDouble(y), null, deep);
        LeakageReport leakage = leakage(data, xgbDeep);
        out.println("Cross-validated accuracy of the same XGBoost (60 trees, depth 6, eta 0.3) under three schemes:");
        out.printf(Locale.ROOT, "  %-44s %8s %10s%n", "scheme", "accuracy", "p vs 50%");
        printCv(out, "shuffled 5-fold, no purging (leaky)", leakage.shuffledUnpurged());
        printCv(out, "contiguous 5-fold, no purging", leakage.contiguousUnpurged());
        printCv(out, "purged 5-fold, 1% embargo (AFML ch. 7)", leakage.purgedEmbargoed());
        out.println();

        // 3. walk-forward
        int initial = data.size() / 2;
        List<Split> splits = WalkForward.anchored(initial, 126).split(data.spans());
        XgboostTraining small = new XgboostTraining("binary:logistic", 100, 2, 0.05, 1, 1, 1, 0.5, "exact", 1);
        List<Candidate> candidates = List.of(
                new Candidate("logistic L2 (C=1)", (x, y, w) -> {
                    StandardScaler s = StandardScaler.fit(x);
                    return new StandardisedModel(s, LogisticRegression.fit(s.transform(x), y, w, 1.0));
                }),
                new Candidate("xgboost 100x2", (x, y, w) -> XgboostTrainer.train(x, toDouble(y), w, small)));
        int firstTestEvent = splits.get(0).test()[0];
        int firstTestBar = labels.eventBar(firstTestEvent);
        out.printf(Locale.ROOT, "Walk-forward: anchored, trained on events before each block of 126 (purged: a "
                + "train label must end by the block's first day), %d blocks, out-of-sample from bar %d (%d days)%n",
                splits.size(), firstTestBar, n - firstTestBar);

        Instrument instrument = Instrument.spot(ticker, "DJ", 0.0001, 1);
        List<ModelReport> reports = new ArrayList<>();
        List<Strategy> strategies = new ArrayList<>();
        List<ModelSchedule> schedules = new ArrayList<>();
        List<double[]> oosProbabilities = new ArrayList<>();
        for (Candidate c : candidates) {
            ModelSchedule.Builder schedule = ModelSchedule.builder();
            double[] p = new double[data.size()];
            Arrays.fill(p, Double.NaN);
            for (Split s : splits) {
                Model m = c.fit.fit(data.rows(s.train()), data.labels(s.train()), data.weights(s.train()));
                for (int i : s.test()) {
                    p[i] = m.predict(data.row(i));
                }
                schedule.add(labels.eventBar(s.test()[0]) * DAY, m);
            }
            schedules.add(schedule.build());
            oosProbabilities.add(p);
        }

        // 4. trade the signals and buy-and-hold in one backtest
        List<LongFlat> traders = new ArrayList<>();
        for (int k = 0; k < candidates.size(); k++) {
            LongFlat t = new LongFlat(new ForecastSignal(new DailyFeatures(), schedules.get(k)));
            traders.add(t);
            strategies.add(t);
        }
        BuyAndHold hold = new BuyAndHold(firstTestBar * DAY);
        Backtest.Builder builder = Backtest.builder()
                .source(new InMemoryEventSource(List.of(instrument), tape(close)))
                .exchange(ExchangeSettings.builder(instrument)
                        .latency(new ConstantLatency(1_000_000, 1_000_000))
                        .queue(RiskAverseQueue.INSTANCE)
                        .fees(new BpsFees(0, TAKER_FEE_BPS))
                        .build())
                .initialCash(NOTIONAL);
        for (int k = 0; k < candidates.size(); k++) {
            builder.strategy(candidates.get(k).name, traders.get(k));
        }
        builder.strategy("buy-and-hold", hold);
        BacktestResult result = builder.build().run();

        int[] oosRows = oosRows(splits);
        double[] nextReturn = new double[oosRows.length];
        int[] y = data.labels(oosRows);
        for (int k = 0; k < oosRows.length; k++) {
            int bar = labels.eventBar(oosRows[k]);
            nextReturn[k] = Math.log(close[bar + 1] / close[bar]);
        }
        for (int k = 0; k < candidates.size(); k++) {
            double[] p = new double[oosRows.length];
            for (int r = 0; r < oosRows.length; r++) {
                p[r] = oosProbabilities.get(k)[oosRows[r]];
            }
            Portfolio pf = result.portfolio(candidates.get(k).name);
            reports.add(new ModelReport(candidates.get(k).name, ClassificationMetrics.of(y, p),
                    InformationCoefficient.of(p, nextReturn), pf.netPnl(), pf.fees(),
                    pf.position(instrument).fillCount()));
        }
        Portfolio holdPf = result.portfolio("buy-and-hold");
        printModels(out, reports, holdPf.netPnl(), holdPf.fees());
        String verdict = verdict(reports, leakage, holdPf.netPnl());
        out.println();
        out.println("Verdict: " + verdict);
        return new Report(ticker, data.size(), uniqueness.meanUniqueness(), leakage, reports, holdPf.netPnl(),
                holdPf.fees(), verdict);
    }

    /** How one model is fitted on (rows, labels, weights). */
    @FunctionalInterface
    interface Fitter {
        Model fit(double[][] x, int[] y, double[] w);
    }

    record Candidate(String name, Fitter fit) {
    }

    static LeakageReport leakage(LabelledDataset data, BiFunction<double[][], int[], Model> fit) {
        int n = data.size();
        int k = 5;
        // shuffled k-fold without purging
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(42);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        List<Split> shuffled = new ArrayList<>();
        List<Split> contiguous = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            int a = (int) ((long) n * f / k);
            int b = (int) ((long) n * (f + 1) / k);
            int[] testS = Arrays.copyOfRange(perm, a, b);
            Arrays.sort(testS);
            shuffled.add(new Split(complement(testS, n), testS));
            int[] testC = new int[b - a];
            for (int i = a; i < b; i++) {
                testC[i - a] = i;
            }
            contiguous.add(new Split(complement(testC, n), testC));
        }
        List<Split> purged = new PurgedKFold(k, 0.01).split(data.spans());
        return new LeakageReport(crossValidate(data, shuffled, fit), crossValidate(data, contiguous, fit),
                crossValidate(data, purged, fit));
    }

    private static ClassificationMetrics crossValidate(LabelledDataset data, List<Split> splits,
                                                       BiFunction<double[][], int[], Model> fit) {
        double[] p = new double[data.size()];
        int[] y = new int[data.size()];
        int m = 0;
        for (Split s : splits) {
            Model model = fit.apply(data.rows(s.train()), data.labels(s.train()));
            for (int i : s.test()) {
                p[m] = model.predict(data.row(i));
                y[m++] = data.label(i);
            }
        }
        return ClassificationMetrics.of(Arrays.copyOf(y, m), Arrays.copyOf(p, m));
    }

    private static int[] complement(int[] sortedTest, int n) {
        int[] out = new int[n - sortedTest.length];
        int m = 0;
        int t = 0;
        for (int i = 0; i < n; i++) {
            if (t < sortedTest.length && sortedTest[t] == i) {
                t++;
            } else {
                out[m++] = i;
            }
        }
        return out;
    }

    private static int[] oosRows(List<Split> splits) {
        return splits.stream().flatMapToInt(s -> Arrays.stream(s.test())).toArray();
    }

    private static double[] toDouble(int[] y) {
        return Arrays.stream(y).asDoubleStream().toArray();
    }

    static String verdict(List<ModelReport> reports, LeakageReport leakage, double buyAndHold) {
        StringBuilder b = new StringBuilder();
        double inflation = leakage.shuffledUnpurged().accuracy() - leakage.purgedEmbargoed().accuracy();
        b.append(String.format(Locale.ROOT, "shuffled, unpurged cross-validation reports %.1f%% where purged "
                + "cross-validation gives %.1f%%: %+.1f points come from overlapping labels leaking into training, "
                + "not from skill. ", 100 * leakage.shuffledUnpurged().accuracy(),
                100 * leakage.purgedEmbargoed().accuracy(), 100 * inflation));
        for (ModelReport r : reports) {
            double majority = Math.max(r.metrics().positives(), r.metrics().n() - r.metrics().positives())
                    / (double) r.metrics().n();
            boolean skill = r.metrics().binomialPValueGreater() < 0.05 && r.metrics().rocAuc() > 0.5
                    && r.metrics().accuracy() > majority;
            boolean pays = r.netPnl() > buyAndHold;
            b.append(String.format(Locale.ROOT, "%s: out-of-sample accuracy %.1f%% (p = %.2f against a coin; always "
                    + "predicting the majority class scores %.1f%%), AUC %.3f, IC %.3f (p = %.2f) -> %s; net of costs it "
                    + "made %,.0f against buy-and-hold's %,.0f -> %s. ",
                    r.model(), 100 * r.metrics().accuracy(), r.metrics().binomialPValueGreater(), 100 * majority,
                    r.metrics().rocAuc(),
                    r.ic().spearman(), r.ic().spearmanPValue(),
                    skill ? "better than a coin at the 5% level" : "no evidence of predictive skill",
                    r.netPnl(), buyAndHold, pays ? "it beat the baseline" : "it did not beat the baseline"));
        }
        boolean any = reports.stream().anyMatch(r -> r.metrics().binomialPValueGreater() < 0.05
                && r.metrics().rocAuc() > 0.5 && r.netPnl() > buyAndHold);
        b.append(any ? "One model passed both tests on this series; check it on the other tickers before believing it."
                : "Do not trade these signals: these features do not forecast these daily moves well enough to pay "
                + "for costs.");
        return b.toString();
    }

    private static void printCv(PrintStream out, String name, ClassificationMetrics m) {
        out.printf(Locale.ROOT, "  %-44s %7.1f%% %10.3f%n", name, 100 * m.accuracy(), m.binomialPValueGreater());
    }

    private static void printModels(PrintStream out, List<ModelReport> reports, double holdPnl, double holdFees) {
        out.printf(Locale.ROOT, "  %-20s %5s %8s %8s %9s %7s %6s %8s %7s %7s %8s %12s %9s %6s%n", "model", "n",
                "accuracy", "p vs 50%", "precision", "recall", "AUC", "log loss", "Brier", "IC", "IC p", "net PnL",
                "fees", "fills");
        for (ModelReport r : reports) {
            ClassificationMetrics m = r.metrics();
            out.printf(Locale.ROOT, "  %-20s %5d %7.1f%% %8.3f %9.3f %7.3f %6.3f %8.4f %7.4f %7.3f %8.3f %12.0f %9.0f "
                    + "%6d%n", r.model(), m.n(), 100 * m.accuracy(), m.binomialPValueGreater(), m.precision(),
                    m.recall(), m.rocAuc(), m.logLoss(), m.brier(), r.ic().spearman(), r.ic().spearmanPValue(),
                    r.netPnl(), r.fees(), r.fills());
        }
        out.printf(Locale.ROOT, "  %-20s %5s %8s %8s %9s %7s %6s %8s %7s %7s %8s %12.0f %9.0f %6d%n", "buy-and-hold",
                "", "", "", "", "", "", "", "", "", "", holdPnl, holdFees, 1);
    }

    /** The closes as L2 events: per day, the touch (bid = close, ask 2 bps above) and a print at the bid. */
    static EventBatch tape(double[] close) {
        EventBatch events = new EventBatch(close.length * 5);
        double oldBid = Double.NaN;
        double oldAsk = Double.NaN;
        for (int d = 0; d < close.length; d++) {
            long t = d * DAY;
            double bid = Math.round(close[d] * 10_000) / 10_000.0;
            double ask = Math.round(close[d] * (1 + SPREAD_BPS / 10_000) * 10_000) / 10_000.0;
            if (!Double.isNaN(oldBid)) {
                events.addDepth(0, t, t + 1_000, Side.BUY, oldBid, 0);
                events.addDepth(0, t, t + 1_000, Side.SELL, oldAsk, 0);
            }
            events.addDepth(0, t + 1, t + 1_001, Side.BUY, bid, 1e9);
            events.addDepth(0, t + 1, t + 1_001, Side.SELL, ask, 1e9);
            events.addTrade(0, t + 500_000_000, t + 500_001_000, Side.SELL, bid, 1);
            oldBid = bid;
            oldAsk = ask;
        }
        return events;
    }

    /** Long {@link #NOTIONAL} when the forecast says up, flat otherwise; decides once a day at the closing print. */
    static final class LongFlat implements Strategy {
        private final ForecastSignal signal;
        private final DailyFeatures features;
        private StrategyContext ctx;
        private double held;

        LongFlat(ForecastSignal signal) {
            this.signal = signal;
            this.features = (DailyFeatures) signal.features();
        }

        @Override
        public void onStart(StrategyContext context) {
            this.ctx = context;
        }

        @Override
        public void onTrade(int instrument, MarketEvent trade) {
            features.update(trade.price());
            double p = signal.score(ctx.nowNanos());
            if (Double.isNaN(p)) {
                return;
            }
            double target = p > 0.5 ? Math.floor(NOTIONAL / trade.price()) : 0;
            double delta = target - held;
            if (delta != 0 && (target == 0 || held == 0)) {
                ctx.submitMarket(instrument, delta > 0 ? Side.BUY : Side.SELL, Math.abs(delta));
                held = target;
            }
        }
    }

    /** Buys {@link #NOTIONAL} at the first print at or after {@code startNanos} and holds. */
    static final class BuyAndHold implements Strategy {
        private final long startNanos;
        private StrategyContext ctx;
        private boolean bought;

        BuyAndHold(long startNanos) {
            this.startNanos = startNanos;
        }

        @Override
        public void onStart(StrategyContext context) {
            this.ctx = context;
        }

        @Override
        public void onTrade(int instrument, MarketEvent trade) {
            if (!bought && ctx.nowNanos() >= startNanos) {
                ctx.submitMarket(instrument, Side.BUY, Math.floor(NOTIONAL / trade.price()));
                bought = true;
            }
        }
    }

    /** Reads one ticker's closes from {@value #DATA_RESOURCE}. */
    static double[] loadCloses(String ticker) {
        PortfolioComparison.DailyCloses all = PortfolioComparison.loadUniverseCloses();
        int c = Arrays.asList(all.assets()).indexOf(ticker);
        if (c < 0) {
            throw new IllegalArgumentException("unknown ticker " + ticker + "; choose one of "
                    + Arrays.toString(all.assets()));
        }
        double[] out = new double[all.closes().length];
        for (int t = 0; t < out.length; t++) {
            out[t] = all.closes()[t][c];
        }
        return out;
    }
}
