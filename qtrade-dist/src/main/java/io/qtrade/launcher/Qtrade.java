package io.qtrade.launcher;

import io.qtrade.examples.Demo;
import io.qtrade.examples.ExecutionComparison;
import io.qtrade.examples.FeatureResearch;
import io.qtrade.examples.MarketMakingSweep;
import io.qtrade.examples.PairsTrading;
import io.qtrade.examples.PaperTradingDemo;
import io.qtrade.examples.ResearchSweep;
import io.qtrade.store.cli.Convert;
import io.qtrade.store.cli.InputFormats;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code qtrade} command: runs the demo, each example, the store's {@code convert}, a parameter sweep and the
 * report without Maven.
 *
 * <pre>{@code
 * qtrade --help                      the commands
 * qtrade examples                    every example with what it does
 * qtrade demo [sample|synthetic|STORE_ROOT] [seed=7] [events=N] [out=DIR]
 * qtrade convert --from FORMAT --to DIR [key=value ...] [FILES ...]
 * qtrade bars-from-ticks --from TICK_STORE [--to BAR_STORE] interval=1m [venue=V] [symbols=A,B] [start=T] [end=T]
 * qtrade sweep [days=6] [events=200000] ...
 * }</pre>
 *
 * <p>Exit status: 0 on success, 1 when a run fails, 2 on bad arguments (an unknown command, option or value), with
 * a message on standard error that names the argument and the usage. Long runs (the demo, the report) draw a progress
 * bar with the events done, the rate and the ETA on standard error (me.tongfei:progressbar); the sweep draws its own.
 * {@code --help} loads none of the SDK's engines, so it answers at JVM start-up speed.
 */
public final class Qtrade {

    /** Exit status of a successful command. */
    public static final int OK = 0;
    /** Exit status of a run that failed. */
    public static final int FAILED = 1;
    /** Exit status of bad arguments. */
    public static final int USAGE = 2;

    /** A command of the launcher: its name, arguments and what it does. */
    enum Command {
        DEMO("demo", "[sample|synthetic|STORE_ROOT] [seed=7] [events=2000000] [out=target/qtrade-demo]",
                "market-making backtest on the sample store (3 days, 2 instruments), tables and HTML report"),
        REPORT("report", "[sample|synthetic|STORE_ROOT] [seed=7] [events=2000000] [out=target/qtrade-demo]",
                "the demo's backtest, printing only where its HTML report (with the tear sheet) is"),
        CONVERT("convert", "--from FORMAT --to DIR [--format csv] [key=value ...] [FILES ...]",
                "vendor files, the synthetic generator or another store into the tick store (--help: formats)"),
        BARS_FROM_TICKS("bars-from-ticks", BarsFromTicks.USAGE,
                "time bars (OHLCV, VWAP, trade count) of a tick store's trades into the bars dataset"),
        SWEEP("sweep", "[days=6] [events=200000] [in=3] [out=1] [resamples=5000] [threads=N] [seed=7] [report=...]",
                "gamma x k sweep of a market maker, walk-forward, Monte Carlo, deflated Sharpe; HTML report"),
        FEATURE_RESEARCH("feature-research", "[STORE_ROOT] [ofi_bucket_seconds=10] [grid_seconds=1] "
                + "[rv_session_seconds=300] [venue=V]",
                "OFI vs mid changes, realized variance, HAR-RV, Engle-Granger and Johansen on a store"),
        PAIRS_TRADING("pairs-trading", "[seed=1] [hours=4]",
                "Kalman-filter pairs trading on a generated cointegrated pair, with and without a gate"),
        EXECUTION_COMPARISON("execution-comparison", "[seed=7] [qty=8000]",
                "TWAP, randomised TWAP, VWAP and POV buying the same parent order"),
        MARKET_MAKING_SWEEP("market-making-sweep", "[events=500000] [seed=7]",
                "Avellaneda-Stoikov and GLFT makers side by side in one backtest"),
        PAPER_TRADING("paper-trading", "[SECONDS]",
                "paper trading against a loopback Binance venue on 127.0.0.1 (no internet needed)"),
        QUEUE_MODEL_ACCURACY("queue-model-accuracy", "[arguments of the example, see examples/README.md]",
                "each L2 queue model against the exact FIFO outcome on L3 data"),
        PORTFOLIO_COMPARISON("portfolio-comparison", "[arguments of the example, see examples/README.md]",
                "minimum variance, maximum Sharpe, risk parity and equal weight portfolios compared"),
        ML_SIGNAL_RESEARCH("ml-signal-research", "[arguments of the example, see examples/README.md]",
                "a machine-learning signal on daily closes with purged cross-validation"),
        MOMENTUM_RESEARCH("momentum-research", "[arguments of the example, see examples/README.md]",
                "cross-sectional 12-1 month momentum on bars"),
        TA4J_BRACKET_STRATEGY("ta4j-bracket-strategy", "[arguments of the example, see examples/README.md]",
                "a ta4j SMA crossover with an RSI filter and bracket exits in the bar engine"),
        FUNDING_CARRY("funding-carry", "[days=6] [seed=7] [qty=1]",
                "spot vs perpetual cash-and-carry with funding, trading PnL and funding apart"),
        LEVERAGED_LIQUIDATION("leveraged-liquidation", "[seed=3] [report=target/qtrade-liquidation/report.html]",
                "a leveraged perpetual long liquidated on a generated crash; HTML report"),
        EXAMPLES("examples", "", "lists the examples (the commands above that run one)");

        final String name;
        final String usage;
        final String summary;

        Command(String name, String usage, String summary) {
            this.name = name;
            this.usage = usage;
            this.summary = summary;
        }

        static Optional<Command> named(String name) {
            return Arrays.stream(values()).filter(c -> c.name.equals(name)).findFirst();
        }

        boolean isExample() {
            return this != CONVERT && this != BARS_FROM_TICKS && this != EXAMPLES && this != REPORT;
        }
    }

    private Qtrade() {
    }

    /** Runs the command line and exits with its status (see the class comment). */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.out.flush();
        System.exit(status);
    }

    /**
     * Runs one command line.
     *
     * @return the exit status: {@link #OK}, {@link #FAILED} or {@link #USAGE}
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("qtrade: no command given");
            usage(err);
            return USAGE;
        }
        String first = args[0];
        if (first.equals("--help") || first.equals("-h") || first.equals("help")) {
            usage(out);
            return OK;
        }
        if (first.equals("--version")) {
            out.println("qtrade " + version());
            return OK;
        }
        Optional<Command> command = Command.named(first);
        if (command.isEmpty()) {
            err.println("qtrade: unknown command '" + first + "'" + suggestion(first)
                    + "; run 'qtrade --help' for the commands");
            return USAGE;
        }
        Command c = command.get();
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (rest.length > 0 && (rest[0].equals("--help") || rest[0].equals("-h")) && c != Command.CONVERT) {
            out.println("usage: qtrade " + c.name + " " + c.usage);
            out.println("  " + c.summary);
            return OK;
        }
        try {
            return switch (c) {
                case EXAMPLES -> examples(rest, out, err);
                case DEMO -> demo(rest, out, err, false);
                case REPORT -> demo(rest, out, err, true);
                case CONVERT -> new Convert(InputFormats.standard()).run(rest, out, err);
                case BARS_FROM_TICKS -> BarsFromTicks.run(rest, out, err);
                case SWEEP -> sweep(rest, out, err);
                case FEATURE_RESEARCH -> example(() -> FeatureResearch.main(rest));
                case PAIRS_TRADING -> example(() -> PairsTrading.main(rest));
                case EXECUTION_COMPARISON -> example(() -> ExecutionComparison.main(rest));
                case MARKET_MAKING_SWEEP -> example(() -> MarketMakingSweep.main(rest));
                case PAPER_TRADING -> example(() -> PaperTradingDemo.main(rest));
                case QUEUE_MODEL_ACCURACY -> example(() -> io.qtrade.examples.QueueModelAccuracy.main(rest));
                case PORTFOLIO_COMPARISON -> example(() -> io.qtrade.examples.PortfolioComparison.main(rest));
                case ML_SIGNAL_RESEARCH -> example(() -> io.qtrade.examples.MlSignalResearch.main(rest));
                case MOMENTUM_RESEARCH -> example(() -> io.qtrade.examples.MomentumResearch.main(rest));
                case TA4J_BRACKET_STRATEGY -> example(() -> io.qtrade.examples.Ta4jBracketStrategy.main(rest));
                case FUNDING_CARRY -> example(() -> io.qtrade.examples.FundingCarry.main(rest));
                case LEVERAGED_LIQUIDATION -> example(() -> io.qtrade.examples.LeveragedLiquidation.main(rest));
            };
        } catch (IllegalArgumentException e) {
            err.println("qtrade " + c.name + ": " + e.getMessage());
            err.println("usage: qtrade " + c.name + " " + c.usage);
            return USAGE;
        } catch (RuntimeException e) {
            err.println("qtrade " + c.name + ": failed: " + e);
            return FAILED;
        }
    }

    private interface Body {
        void run() throws Exception;
    }

    /** An example's main: its bad arguments (IllegalArgumentException) are the caller's; other failures status 1. */
    private static int example(Body body) {
        try {
            body.run();
            return OK;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static int examples(String[] rest, PrintStream out, PrintStream err) {
        if (rest.length > 0) {
            throw new IllegalArgumentException("takes no arguments, was given " + List.of(rest));
        }
        out.println("Examples (run one with: qtrade NAME [arguments]; NAME --help for its arguments):");
        for (Command c : Command.values()) {
            if (c.isExample()) {
                out.printf(Locale.ROOT, "  %-22s %s%n", c.name, c.summary);
            }
        }
        return OK;
    }

    private static int demo(String[] rest, PrintStream out, PrintStream err, boolean reportOnly) {
        Demo.Options options = Demo.Options.parse(rest);
        if (!options.data().equals("sample") && !options.data().equals("synthetic")
                && !Files.isDirectory(Path.of(options.data()))) {
            throw new IllegalArgumentException("the data argument " + options.data()
                    + " is neither sample, synthetic nor a store root directory");
        }
        long total = Demo.expectedEvents(options);
        ByteArrayOutputStream quiet = new ByteArrayOutputStream();
        PrintStream sink = reportOnly ? new PrintStream(quiet, true, StandardCharsets.UTF_8) : out;
        try (ProgressBar bar = progressBar("backtest", total, err)) {
            Demo.run(options, sink, n -> bar.stepTo(Math.min(n, Math.max(total, n))));
            bar.stepTo(Math.max(bar.getCurrent(), total));
        }
        if (reportOnly) {
            for (String line : quiet.toString(StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("wrote ") && line.contains("report.html")) {
                    out.println(line);
                }
            }
        }
        return OK;
    }

    /** A progress bar on {@code err}: events done, rate, elapsed and ETA, redrawn at most five times a second. */
    static ProgressBar progressBar(String task, long total, PrintStream err) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(200).setUnit(" events", 1).showSpeed().setConsumer(
                        new me.tongfei.progressbar.ConsoleProgressBarConsumer(err)).build();
    }

    private static int sweep(String[] rest, PrintStream out, PrintStream err) {
        ResearchSweep.Settings settings = ResearchSweep.Settings.parse(rest);
        ResearchSweep.run(settings, out, err);
        return OK;
    }

    /** " (did you mean 'x'?)" for a name one or two edits from a command, else "". */
    static String suggestion(String name) {
        Command best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Command c : Command.values()) {
            int d = editDistance(name, c.name);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best != null && bestDistance <= 2 ? " (did you mean '" + best.name + "'?)" : "";
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    static void usage(PrintStream out) {
        out.println("usage: qtrade COMMAND [arguments]     (qtrade COMMAND --help: its arguments)");
        out.println();
        out.println("commands:");
        for (Command c : Command.values()) {
            out.printf(Locale.ROOT, "  %-22s %s%n", c.name, c.summary);
        }
        out.println("  --version              the version");
        out.println();
        out.println("exit status: 0 done, 1 the run failed, 2 bad arguments");
    }

    /** The launcher jar's Implementation-Version, else "development build". */
    static String version() {
        Package p = Qtrade.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v != null ? v : "development build";
    }
}
