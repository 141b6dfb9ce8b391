package io.qtrade.examples;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.OrderHistory;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.PowerProbability;
import io.qtrade.backtest.queue.ProbabilisticQueue;
import io.qtrade.backtest.report.HtmlReport;
import io.qtrade.backtest.report.ReportOptions;
import io.qtrade.backtest.report.ReportSection;
import io.qtrade.store.synthetic.SyntheticMarket;
import io.qtrade.core.Instrument;
import io.qtrade.features.volatility.EwmaVolatility;
import io.qtrade.research.montecarlo.Bootstrap;
import io.qtrade.research.montecarlo.MonteCarlo;
import io.qtrade.research.montecarlo.MonteCarloResult;
import io.qtrade.research.montecarlo.SharpeInference;
import io.qtrade.research.montecarlo.TradePnls;
import io.qtrade.research.report.ResearchReport;
import io.qtrade.research.sweep.BacktestFactory;
import io.qtrade.research.sweep.ConsoleProgress;
import io.qtrade.research.sweep.Metric;
import io.qtrade.research.sweep.ParameterGrid;
import io.qtrade.research.sweep.ParameterSet;
import io.qtrade.research.sweep.Partition;
import io.qtrade.research.sweep.Partitions;
import io.qtrade.research.sweep.PnlPath;
import io.qtrade.research.sweep.Sweep;
import io.qtrade.research.sweep.SweepResult;
import io.qtrade.research.walkforward.WalkForward;
import io.qtrade.research.walkforward.WalkForwardResult;
import io.qtrade.risk.metrics.PerformanceMetrics;
import io.qtrade.strategies.marketmaking.AvellanedaStoikov;
import io.qtrade.strategies.marketmaking.MarketMaker;
import io.qtrade.strategies.marketmaking.RollingHorizon;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

import java.io.PrintStream;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A research run of the Avellaneda-Stoikov market maker on generated days: a gamma x k sweep ranked by Sharpe ratio,
 * a walk-forward run of the same grid, a Monte Carlo of the best set's per-fill PnLs with the deflated Sharpe ratio,
 * printed as tables, and an HTML report of the best set's backtest with the sweep heat map and those tables added.
 *
 * <pre>{@code
 * mvn -B -q -pl examples -am -DskipTests -Pdemo package -Ddemo.mainClass=io.qtrade.examples.ResearchSweep
 * mvn -B -q -pl examples -am -DskipTests -Pdemo package -Ddemo.mainClass=io.qtrade.examples.ResearchSweep \
 *     -Dexec.args="days=8 events=60000 in=4 out=2 threads=2 report=target/research/report.html"
 * }</pre>
 * Arguments, all optional: {@code days=N} (default {@value #DEFAULT_DAYS}), {@code events=N} generated events per
 * day ({@value #DEFAULT_EVENTS}), {@code in=N} and {@code out=N} walk-forward days ({@value #DEFAULT_IN_SAMPLE},
 * {@value #DEFAULT_OUT_OF_SAMPLE}), {@code resamples=N} ({@value #DEFAULT_RESAMPLES}), {@code threads=N} (the
 * available processors), {@code seed=S} ({@value #DEFAULT_SEED}), {@code report=PATH}
 * ({@value #DEFAULT_REPORT}).
 *
 * <p><b>Data.</b> Day {@code d} of {@link Partitions#days} (from 2026-11-02) is a {@link SyntheticMarket} (AAA at
 * 100.00, tick 0.01, lot 1) seeded {@code seed + d} and starting at the day's midnight UTC: every parameter set sees
 * the same days. <b>Exchange.</b> 50 µs entry and response latency, {@code ProbabilisticQueue(PowerProbability(2))},
 * -0.2 bps maker rebate and 2 bps taker fee, equity marked every second. <b>Strategy.</b> {@link MarketMaker} with
 * {@link AvellanedaStoikov}{@code (gamma)}, a rolling 60 s horizon, 1 lot post-only quotes, at most
 * {@value #MAX_INVENTORY_LOTS} lots, sigma from an EWMA (lambda 0.97) of 1 s mid changes; {@code k} is <em>given</em>
 * by the grid, not estimated, and {@code A} is given as {@value #INTENSITY_A} per second: AS quotes do not depend on
 * {@code A} (spread {@code gamma sigma^2 tau + (2/gamma) ln(1 + gamma/k)}), so only {@code k} matters.
 *
 * <p><b>Sweep.</b> {@link #GAMMAS} x {@link #KS} on every day, ranked by the mean annualised Sharpe ratio of 1-minute
 * PnL changes ({@link Metric#SHARPE}). <b>Walk-forward.</b> Rolling windows of {@code in} days, the in-sample winner
 * run on the next {@code out} days; efficiency = mean out-of-sample score / mean in-sample score.
 * <b>Monte Carlo.</b> The best set re-run on every day with {@link OrderHistory#ALL}; its per-fill PnLs
 * ({@link TradePnls}, realized PnL less fees per fill) concatenated day after day and resampled with the stationary
 * block bootstrap (mean block {@value #MEAN_BLOCK_FILLS} fills).
 * <b>Deflated Sharpe ratio</b> (Bailey and López de Prado 2014), per 1-minute period:
 * <pre>{@code
 * SR    = mean / std (ddof 1) of the best set's 1-minute PnL changes, all days; n their count, skew and kurtosis theirs
 * V     = variance over the sets of their per-period Sharpe ratio, score_sharpe / sqrt(periods per year)
 * N     = the number of sets tried (the grid size)
 * DSR   = SharpeInference.deflatedSharpeRatio(SR, n, skew, kurtosis, N, V)
 * }</pre>
 * <b>Report.</b> {@link HtmlReport} of the best set's backtest on the last day, with the sweep (heat map and ranking),
 * the walk-forward folds, the Monte Carlo summary and the deflated Sharpe ratio added as sections.
 */
public final class ResearchSweep {

    /** Generated days by default. */
    public static final int DEFAULT_DAYS = 6;
    /** Generated events per day by default. */
    public static final long DEFAULT_EVENTS = 200_000;
    /** Walk-forward in-sample days by default. */
    public static final int DEFAULT_IN_SAMPLE = 3;
    /** Walk-forward out-of-sample days by default. */
    public static final int DEFAULT_OUT_OF_SAMPLE = 1;
    /** Monte Carlo resamples by default. */
    public static final int DEFAULT_RESAMPLES = 5_000;
    /** Default seed of the first day. */
    public static final long DEFAULT_SEED = 7;
    /** Default report file. */
    public static final String DEFAULT_REPORT = "target/research-sweep/report.html";
    /** Risk aversions gamma of the grid, per price unit. */
    public static final double[] GAMMAS = {0.5, 2.0, 8.0, 32.0};
    /** Fill-intensity decays k of the grid, per price unit (1/k is about the half-spread: 2, 1 and 0.5 ticks). */
    public static final double[] KS = {50.0, 100.0, 200.0};
    /** The given intensity scale A, per second (not used by the AS quotes). */
    public static final double INTENSITY_A = 1.0;
    /** Inventory limit, lots. */
    public static final int MAX_INVENTORY_LOTS = 10;
    /** Mean block length of the stationary bootstrap, fills. */
    public static final double MEAN_BLOCK_FILLS = 10.0;
    /** The PnL sampling period of the sweep metrics and the deflated Sharpe ratio. */
    public static final long SAMPLE_PERIOD_NANOS = Sweep.DEFAULT_SAMPLE_PERIOD_NANOS;
    /** First generated day. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 2);

    static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    static final String STRATEGY = "as";

    private ResearchSweep() {
    }

    /** What a run produced, for callers and tests. */
    public record Outcome(SweepResult sweep, Table ranking, WalkForwardResult walkForward, ParameterSet best,
                          double[] fillPnls, MonteCarloResult monteCarlo, double sharpePerPeriod,
                          double deflatedSharpe, Path report) {
    }

    /** Runs with {@code key=value} arguments (see the class doc); exit status 2 on bad arguments. */
    public static void main(String[] args) {
        Settings s;
        try {
            s = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("ResearchSweep: " + e.getMessage());
            System.err.println("usage: ResearchSweep [days=" + DEFAULT_DAYS + "] [events=" + DEFAULT_EVENTS + "] [in="
                    + DEFAULT_IN_SAMPLE + "] [out=" + DEFAULT_OUT_OF_SAMPLE + "] [resamples=" + DEFAULT_RESAMPLES
                    + "] [threads=N] [seed=" + DEFAULT_SEED + "] [report=" + DEFAULT_REPORT + "]");
            System.exit(2);
            return;
        }
        run(s, System.out, System.err);
    }

    /** The run's settings; {@link #parse} reads them from {@code key=value} arguments. */
    public record Settings(int days, long events, int inSample, int outOfSample, int resamples, int threads,
                           long seed, Path report) {

        /** Checks the values. */
        public Settings {
            if (days < 2) {
                throw new IllegalArgumentException("days=" + days + ", expected >= 2");
            }
            if (events < 1_000) {
                throw new IllegalArgumentException("events=" + events + ", expected >= 1000 per day");
            }
            if (inSample < 1 || outOfSample < 1 || inSample + outOfSample > days) {
                throw new IllegalArgumentException("in=" + inSample + " out=" + outOfSample + " with days=" + days
                        + ", expected in >= 1, out >= 1 and in + out <= days");
            }
            if (resamples < 100) {
                throw new IllegalArgumentException("resamples=" + resamples + ", expected >= 100");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads=" + threads + ", expected >= 1");
            }
        }

        /** The defaults with {@code key=value} arguments applied. */
        public static Settings parse(String... args) {
            int days = DEFAULT_DAYS;
            long events = DEFAULT_EVENTS;
            int in = DEFAULT_IN_SAMPLE;
            int out = DEFAULT_OUT_OF_SAMPLE;
            int resamples = DEFAULT_RESAMPLES;
            int threads = Runtime.getRuntime().availableProcessors();
            long seed = DEFAULT_SEED;
            Path report = Path.of(DEFAULT_REPORT);
            for (String arg : args) {
                int eq = arg.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("argument '" + arg + "', expected key=value");
                }
                String key = arg.substring(0, eq);
                String value = arg.substring(eq + 1);
                switch (key) {
                    case "days" -> days = (int) parseLong(key, value);
                    case "events" -> events = parseLong(key, value);
                    case "in" -> in = (int) parseLong(key, value);
                    case "out" -> out = (int) parseLong(key, value);
                    case "resamples" -> resamples = (int) parseLong(key, value);
                    case "threads" -> threads = (int) parseLong(key, value);
                    case "seed" -> seed = parseLong(key, value);
                    case "report" -> report = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown argument '" + arg + "'; expected days, "
                            + "events, in, out, resamples, threads, seed or report");
                }
            }
            return new Settings(days, events, in, out, resamples, threads, seed, report);
        }

        private static long parseLong(String key, String value) {
            try {
                return Long.parseLong(value.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + "=" + value + ", expected an integer");
            }
        }
    }

    /** The gamma x k grid. */
    public static ParameterGrid grid() {
        return ParameterGrid.builder().values("gamma", GAMMAS).values("k", KS).build();
    }

    /** The factory of one (set, day) backtest with {@code eventsPerDay} events and the given order history. */
    static BacktestFactory factory(long eventsPerDay, long seed, OrderHistory history) {
        return (p, day) -> backtest(p, day, eventsPerDay, seed, history);
    }

    /** The backtest of set {@code p} on {@code day}. */
    public static Backtest backtest(ParameterSet p, Partition day, long eventsPerDay, long seed,
                                    OrderHistory history) {
        SyntheticMarket market = SyntheticMarket.builder().instrument(AAA, 100.00).events(eventsPerDay)
                .seed(seed + day.index()).startNanos(day.startNanos()).build();
        MarketMaker maker = MarketMaker.builder()
                .model(new AvellanedaStoikov(p.get("gamma")))
                .horizon(new RollingHorizon(60))
                .orderQty(1)
                .maxInventory(MAX_INVENTORY_LOTS)
                .volatility(new EwmaVolatility(0.97))
                .intensity(INTENSITY_A, p.get("k"))
                .build();
        return Backtest.builder().source(market)
                .exchange(ExchangeSettings.builder(AAA).latency(new ConstantLatency(50_000, 50_000))
                        .queue(new ProbabilisticQueue(new PowerProbability(2))).fees(new BpsFees(-0.2, 2.0)).build())
                .strategy(STRATEGY, maker)
                .markIntervalNanos(1_000_000_000L)
                .orderHistory(history)
                .build();
    }

    /** Runs everything, prints to {@code out} (progress bars to {@code progress}) and writes the report. */
    public static Outcome run(Settings s, PrintStream out, PrintStream progress) {
        List<Partition> days = Partitions.days(AAA.venue(), AAA.symbol(), FIRST_DAY, s.days());
        ParameterGrid grid = grid();
        out.printf(Locale.ROOT, "qtrade research sweep: Avellaneda-Stoikov maker on %s, %d generated days of %,d "
                        + "events from %s (seed %d + day), grid %s x %s = %d sets, %d threads%n", AAA.id(), s.days(),
                s.events(), FIRST_DAY, s.seed(), "gamma " + Arrays.toString(GAMMAS),
                "k " + Arrays.toString(KS), grid.size(), s.threads());

        // 1. the sweep
        SweepResult sweep = Sweep.builder().grid(grid).partitions(days)
                .factory(factory(s.events(), s.seed(), OrderHistory.OPEN_ONLY)).strategy(STRATEGY)
                .samplePeriodNanos(SAMPLE_PERIOD_NANOS).threads(s.threads())
                .progress(new ConsoleProgress(progress)).build().run();
        progress.println();
        Table ranking = sweep.ranking(Metric.SHARPE);
        out.printf(Locale.ROOT, "%n== Sweep: %d backtests (%d failed) in %.1f s, %.0f backtests/min, %,.0f events/s%n",
                sweep.tasks(), sweep.failures().size(), sweep.wallNanos() / 1e9, sweep.backtestsPerMinute(),
                sweep.eventsPerSecond());
        out.println(print(ranking));
        ParameterSet best = sweep.best(Metric.SHARPE);
        out.println("best set by mean Sharpe: " + best);

        // 2. walk-forward
        WalkForwardResult wf = WalkForward.builder().grid(grid).partitions(days).inSample(s.inSample())
                .outOfSample(s.outOfSample()).metric(Metric.SHARPE)
                .factory(factory(s.events(), s.seed(), OrderHistory.OPEN_ONLY)).strategy(STRATEGY)
                .samplePeriodNanos(SAMPLE_PERIOD_NANOS).threads(s.threads()).build().run();
        out.printf(Locale.ROOT, "%n== Walk-forward: in %d days, out %d, rolling%n", s.inSample(), s.outOfSample());
        out.println(print(wf.folds("walk-forward folds")));
        out.printf(Locale.ROOT, "walk-forward efficiency: %.4f (mean out-of-sample score / mean in-sample score); "
                + "stitched out-of-sample net PnL: %.4f%n", wf.efficiency(), wf.outOfSamplePnl());

        // 3. the best set re-run with every order kept: per-fill PnLs and 1-minute PnL changes, day after day
        List<Double> fills = new ArrayList<>();
        List<Double> changes = new ArrayList<>();
        BacktestResult last = null;
        for (Partition day : days) {
            BacktestResult r = backtest(best, day, s.events(), s.seed(), OrderHistory.ALL).run();
            for (double v : TradePnls.of(r, STRATEGY)) {
                fills.add(v);
            }
            double[] path = PnlPath.of(r.equity(), STRATEGY, SAMPLE_PERIOD_NANOS).netPnl();
            for (int k = 1; k < path.length; k++) {
                changes.add(path[k] - path[k - 1]);
            }
            last = r;
        }
        double[] fillPnls = toArray(fills);
        MonteCarloResult mc = MonteCarlo.builder().values(fillPnls).resamples(s.resamples()).seed(s.seed())
                .bootstrap(Bootstrap.STATIONARY_BLOCK, MEAN_BLOCK_FILLS).build().run();
        out.printf(Locale.ROOT, "%n== Monte Carlo of the best set's %d per-fill PnLs (%d days): stationary block "
                + "bootstrap, mean block %.0f fills, %,d resamples%n", fillPnls.length, s.days(), MEAN_BLOCK_FILLS,
                s.resamples());
        out.println(print(mc.summary(0.95)));
        out.printf(Locale.ROOT, "probability of a final loss: %.4f%n", mc.probabilityOfLoss());

        // 4. deflated Sharpe ratio over the sets tried
        Table dsrTable = deflatedSharpe(toArray(changes), ranking, grid.size());
        double sr = dsrTable.doubleColumn("value").getDouble(0);
        double dsr = dsrTable.doubleColumn("value").getDouble(dsrTable.rowCount() - 1);
        out.printf(Locale.ROOT, "%n== Deflated Sharpe ratio (Bailey and Lopez de Prado 2014), per 1-minute period%n");
        out.println(print(dsrTable));

        // 5. the report
        ReportOptions options = ReportOptions.builder()
                .title("AS maker " + best + " on " + days.get(days.size() - 1).date() + " (best of the sweep)")
                .section(ResearchReport.sweep(sweep, Metric.SHARPE, "sweep-heatmap"))
                .section(ResearchReport.walkForward(wf))
                .section(ResearchReport.monteCarlo(mc, 0.95))
                .section(new ReportSection("Deflated Sharpe ratio", ReportSection.paragraph("Bailey and Lopez de "
                        + "Prado (2014): the probability that the best set's true Sharpe ratio exceeds the expected "
                        + "maximum of " + grid.size() + " skill-less trials; per 1-minute period.")
                        + ReportSection.tableHtml(dsrTable)))
                .build();
        Path report = HtmlReport.write(last, s.report(), options).toAbsolutePath();
        out.println();
        out.println("report: " + report);
        return new Outcome(sweep, ranking, wf, best, fillPnls, mc, sr, dsr, report);
    }

    /**
     * The deflated Sharpe ratio table: {@code name, value} rows {@code sharpe_per_period, n, skew, kurtosis,
     * trials, trial_sharpe_variance, expected_max_sharpe, deflated_sharpe} (NaN with the reason printed in the name
     * when a figure is undefined).
     */
    static Table deflatedSharpe(double[] changes, Table ranking, long trials) {
        double periodsPerYear = 365.0 * 86_400e9 / SAMPLE_PERIOD_NANOS;
        DoubleColumn scores = ranking.doubleColumn("score_" + Metric.SHARPE.column());
        List<Double> perPeriod = new ArrayList<>();
        for (int r = 0; r < scores.size(); r++) {
            if (Double.isFinite(scores.getDouble(r))) {
                perPeriod.add(scores.getDouble(r) / Math.sqrt(periodsPerYear));
            }
        }
        double sr = Double.NaN;
        double skew = Double.NaN;
        double kurtosis = Double.NaN;
        double variance = Double.NaN;
        double sr0 = Double.NaN;
        double dsr = Double.NaN;
        String why = "";
        try {
            sr = PerformanceMetrics.mean(changes) / PerformanceMetrics.std(changes, 1);
            double[] moments = SharpeInference.skewAndKurtosis(changes);
            skew = moments[0];
            kurtosis = moments[1];
            double[] trialSharpes = toArray(perPeriod);
            variance = trialSharpes.length > 1 ? PerformanceMetrics.std(trialSharpes, 1)
                    * PerformanceMetrics.std(trialSharpes, 1) : Double.NaN;
            sr0 = SharpeInference.expectedMaxSharpe(trials, variance);
            dsr = SharpeInference.deflatedSharpeRatio(sr, changes.length, skew, kurtosis, trials, variance);
        } catch (IllegalArgumentException e) {
            why = " (undefined: " + e.getMessage() + ")";
        }
        StringColumn name = StringColumn.create("name", "sharpe_per_period", "n", "skew", "kurtosis", "trials",
                "trial_sharpe_variance", "expected_max_sharpe", "deflated_sharpe" + why);
        DoubleColumn value = DoubleColumn.create("value", sr, changes.length, skew, kurtosis, trials, variance, sr0,
                dsr);
        return Table.create("deflated sharpe ratio", name, value);
    }

    private static double[] toArray(List<Double> values) {
        double[] out = new double[values.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = values.get(k);
        }
        return out;
    }

    /** The table printed with 4-decimal doubles. */
    static String print(Table table) {
        Table shown = table.copy();
        for (Column<?> c : shown.columns()) {
            if (c instanceof DoubleColumn d) {
                d.setPrintFormatter(new NumberColumnFormatter(new DecimalFormat("#,##0.0000",
                        DecimalFormatSymbols.getInstance(Locale.ROOT)), "n/a"));
            }
        }
        return shown.print(Integer.MAX_VALUE);
    }
}
