package io.qtrade.examples;

import java.util.function.Predicate;
import java.util.Set;
import java.util.HashSet;
import io.qtrade.store.PartitionEntry;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.EventBatch;
import io.qtrade.backtest.queue.FifoQueue;
import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.FillRecord;
import io.qtrade.backtest.parquet.ResultParquetWriter;
import io.qtrade.backtest.OrderRecord;
import io.qtrade.backtest.execution.MarketTape;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.LognormalLatency;
import io.qtrade.backtest.queue.PowerProbability;
import io.qtrade.backtest.queue.ProbabilisticQueue;
import io.qtrade.backtest.report.HtmlReport;
import io.qtrade.backtest.report.ReportOptions;
import io.qtrade.backtest.report.RunSettings;
import io.qtrade.backtest.report.TearSheet;
import io.qtrade.store.CatalogEntry;
import io.qtrade.store.SampleData;
import io.qtrade.store.TickQuery;
import io.qtrade.store.TickStore;
import io.qtrade.store.synthetic.SyntheticMarket;
import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventSource;
import io.qtrade.core.order.Liquidity;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.core.time.Timestamps;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The main demo: a market-making backtest on the tick store shipped with the SDK. Reads the sample store
 * ({@link SampleData#root()}, its synthetic venue {@code SIM}: both instruments) as one stream merged by
 * {@code exch_ts}, runs one {@link SimpleMarketMaker} per instrument through the simulated exchange (lognormal order
 * latency with a 50 µs median, feed latency from the data, probabilistic queue position with
 * {@code PowerProbability(2)}, -0.2 bps maker rebate and 2 bps taker fee), prints PnL, orders, fills, the
 * maker/taker split and the throughput, and writes the result tables (orders, fills, equity, totals) as CSV and
 * Parquet and the HTML report ({@code report.html}: metrics, equity, drawdown, inventory, PnL attribution, execution
 * quality against the same market replayed), printing where each file is.
 *
 * <pre>{@code
 * mvn -B -q -pl examples -am -DskipTests -Pdemo package
 * mvn -B -q -pl examples -am -DskipTests -Pdemo package -Dexec.args="synthetic events=5000000 seed=11"
 * mvn -B -q -pl examples -am -DskipTests -Pdemo package -Dexec.args="target/ticks out=target/my-report"
 * }</pre>
 * Arguments, all optional: the data, {@code sample} (default), {@code synthetic} (a two-instrument
 * Cont-Stoikov-Talreja market with correlated fair values, generated while the backtest runs) or a store root; then
 * {@code seed=S} (latency draws, and the generator; default 7), {@code events=N} (synthetic only; default
 * 2,000,000) and {@code out=DIR} (default {@code target/qtrade-demo} under the working directory).
 *
 * <p>Each instrument's market maker quotes {@link #QUOTE_LOTS} lot, holds at most {@link #MAX_POSITION_QUOTES}
 * quotes of inventory and skews by half a tick per quote held, whatever the instrument's lot and tick size.
 */
public final class Demo {

    /** Size of each quote, in lots of the instrument. */
    public static final int QUOTE_LOTS = 1;
    /** Inventory limit, in quotes. */
    public static final int MAX_POSITION_QUOTES = 10;
    /** Quote skew per quote of inventory, in ticks. */
    public static final double SKEW_TICKS_PER_QUOTE = 0.5;
    /** Median order entry and response latency, ns. */
    public static final long MEDIAN_LATENCY_NANOS = 50_000;
    /** Maker fee (negative: a rebate), bps. */
    public static final double MAKER_FEE_BPS = -0.2;
    /** Taker fee, bps. */
    public static final double TAKER_FEE_BPS = 2.0;
    /** Events of the synthetic market by default. */
    public static final long DEFAULT_SYNTHETIC_EVENTS = 2_000_000L;
    /** Return grid of the report's summary metrics: one minute, about 4,260 returns on the three-day sample. */
    public static final long REPORT_RETURN_STEP_NANOS = 60_000_000_000L;
    /**
     * Initial cash of each market maker, quote currency: 1,000, about twice its largest inventory on the sample (10
     * lots of 0.001 BTC at 42,000), so that the report's returns are on the capital the strategy needs.
     */
    public static final double INITIAL_CASH = 1_000;
    /** Default seed. */
    public static final long DEFAULT_SEED = 7L;

    private Demo() {
    }

    /**
     * What to run.
     *
     * @param data      {@code "sample"}, {@code "synthetic"} or a store root directory
     * @param events    events of the synthetic market (ignored otherwise)
     * @param seed      seed of the latency draws and of the synthetic market
     * @param reportDir where the result tables are written
     */
    public record Options(String data, long events, long seed, Path reportDir) {

        /** The sample store, seed 7, {@code target/qtrade-demo}. */
        public static final Options DEFAULTS = new Options("sample", DEFAULT_SYNTHETIC_EVENTS, DEFAULT_SEED,
                Path.of("target/qtrade-demo"));

        /**
         * Parses the command line: {@code [sample|synthetic|STORE_ROOT] [seed=S] [events=N] [out=DIR]}.
         *
         * @throws IllegalArgumentException naming the argument that is not understood
         */
        public static Options parse(String... args) {
            String data = DEFAULTS.data;
            long events = DEFAULTS.events;
            long seed = DEFAULTS.seed;
            Path out = DEFAULTS.reportDir;
            boolean dataGiven = false;
            boolean eventsGiven = false;
            for (String arg : args) {
                int eq = arg.indexOf('=');
                if (eq < 0) {
                    if (dataGiven) {
                        throw new IllegalArgumentException("two data arguments: " + data + " and " + arg);
                    }
                    data = arg;
                    dataGiven = true;
                    continue;
                }
                String key = arg.substring(0, eq);
                String value = arg.substring(eq + 1);
                try {
                    switch (key) {
                        case "events" -> {
                            events = Long.parseLong(value.replace("_", ""));
                            eventsGiven = true;
                        }
                        case "seed" -> seed = Long.parseLong(value);
                        case "out" -> out = Path.of(value);
                        default -> throw new IllegalArgumentException("unknown option " + key + " in " + arg
                                + "; expected seed, events or out");
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("option " + key + ": expected an integer, was " + value);
                }
            }
            if (eventsGiven && !data.equals("synthetic")) {
                throw new IllegalArgumentException("events=" + events + " applies to the synthetic market only, "
                        + "not to " + data);
            }
            if (events < 1) {
                throw new IllegalArgumentException("events=" + events + ", expected >= 1");
            }
            return new Options(data, events, seed, out);
        }
    }

    /** Runs the demo with the command-line arguments (see the class comment); exit status 2 on bad arguments. */
    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
            if (!options.data().equals("sample") && !options.data().equals("synthetic")
                    && !Files.isDirectory(Path.of(options.data()))) {
                throw new IllegalArgumentException("the data argument " + options.data()
                        + " is neither sample, synthetic nor a store root directory");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("Demo: " + e.getMessage());
            System.err.println("usage: Demo [sample|synthetic|STORE_ROOT] [seed=7] [events=2000000] "
                    + "[out=target/qtrade-demo]");
            System.exit(2);
            return;
        }
        run(options, System.out);
    }

    /**
     * Runs the backtest that {@code options} describe, prints its report to {@code out} and writes the result
     * tables to {@code options.reportDir()}.
     *
     * @return the backtest result
     */
    public static BacktestResult run(Options options, PrintStream out) {
        return run(options, out, n -> { });
    }

    /**
     * {@link #run(Options, PrintStream)}, telling {@code eventsRead} the events the backtest has read so far after
     * each batch (out of {@link #expectedEvents(Options)}): the {@code qtrade} launcher's progress bar.
     */
    public static BacktestResult run(Options options, PrintStream out, java.util.function.LongConsumer eventsRead) {
        Data data = open(options);
        TimeSpan span = new TimeSpan(new CountingEventSource(data.source(), eventsRead));
        Backtest backtest = marketMakingBacktest(span, options.seed(), data.marketByOrder());
        for (Instrument i : data.source().instruments()) {
            out.println("queue model for " + i.id() + ": " + (data.marketByOrder().test(i)
                    ? "FIFO (the data are L3, order by order: the exact queue position)"
                    : "probabilistic, power 2 (price-level data: the queue position is estimated)"));
        }
        RunSettings settings = RunSettings.of(backtest, dataInWords(options));
        BacktestResult result = backtest.run();
        report(result, settings, data.description(), data.throughputNote(), span, out);
        List<Path> written = new ArrayList<>(result.writeCsv(options.reportDir()));
        written.addAll(new ResultParquetWriter().writeAll(result, options.reportDir()));
        for (Path file : written) {
            out.println("wrote " + file.toAbsolutePath());
        }
        // The report's VWAP/TWAP benchmarks need the market again: the same data, read (or generated) once more.
        ReportOptions.Builder reportOptions = ReportOptions.builder()
                .title("qtrade demo: market making on " + options.data())
                .resampleStepNanos(REPORT_RETURN_STEP_NANOS)
                .market(MarketTape.of(open(options).source()));
        // The tear sheet: settings, returns histogram, rolling Sharpe, worst drawdowns, heat map, benchmark, trips.
        TearSheet.of(result, settings).sections().forEach(reportOptions::section);
        Path html = HtmlReport.write(result, options.reportDir().resolve("report.html"), reportOptions.build());
        out.println("wrote " + html.toAbsolutePath() + " (the HTML report: open it in a browser)");
        return result;
    }

    /**
     * The events the backtest of {@code options} reads: the catalog's rows of the data (the sample's venue
     * {@code SIM}, or every instrument of a store), or the synthetic market's event count (it may overshoot by a few
     * rows, see {@code SyntheticMarket}).
     */
    public static long expectedEvents(Options options) {
        if (options.data().equals("synthetic")) {
            return options.events();
        }
        boolean sample = options.data().equals("sample");
        TickStore store = TickStore.at(sample ? SampleData.root() : Path.of(options.data()));
        long rows = 0;
        for (CatalogEntry e : store.catalog()) {
            if (!sample || e.venue().equals(SampleData.SYNTHETIC_VENUE)) {
                rows += e.rows();
            }
        }
        return rows;
    }

    /** The data in a few words, for the run settings. */
    private static String dataInWords(Options options) {
        return switch (options.data()) {
            case "sample" -> "the sample tick store (SampleData), venue " + SampleData.SYNTHETIC_VENUE;
            case "synthetic" -> "the synthetic market (two instruments, " + String.format(Locale.ROOT, "%,d",
                    options.events()) + " events, seed " + options.seed() + ")";
            default -> "the tick store at " + options.data() + " (every instrument)";
        };
    }

    /** The demo's market data, how to describe it, and which instruments have order-by-order (L3) rows. */
    private record Data(EventSource source, String description, String throughputNote,
                        Predicate<Instrument> marketByOrder) {
    }

    /** Passes a source through, recording the first and last {@code exchTs}: the market time a run covers. */
    private static final class TimeSpan implements EventSource {
        private final EventSource source;
        private long first = Long.MAX_VALUE;
        private long last = Long.MIN_VALUE;

        TimeSpan(EventSource source) {
            this.source = source;
        }

        @Override
        public List<Instrument> instruments() {
            return source.instruments();
        }

        @Override
        public boolean readBatch(EventBatch into) {
            boolean more = source.readBatch(into);
            for (int i = 0; i < into.size(); i++) {
                first = Math.min(first, into.exchTs(i));
                last = Math.max(last, into.exchTs(i));
            }
            return more;
        }

        @Override
        public String origin(int instrument, long exchTs) {
            return source.origin(instrument, exchTs);
        }

        @Override
        public void close() {
            source.close();
        }
    }

    /** Opens the data {@code options} name: the same events on every call. */
    private static Data open(Options options) {
        if (options.data().equals("synthetic")) {
            Instrument aaa = Instrument.spot("AAA", "SYN", 0.01, 1);
            Instrument bbb = Instrument.spot("BBB", "SYN", 0.01, 1);
            SyntheticMarket market = SyntheticMarket.builder()
                    .instrument(aaa, 100.00)
                    .instrument(bbb, 50.00)
                    .events(options.events())
                    .seed(options.seed())
                    .meanReversion(1.0)
                    .correlation(0.8)
                    .build();
            return new Data(market, "a Cont-Stoikov-Talreja synthetic market: " + market.config(),
                    "generation included", i -> false);
        }
        boolean sample = options.data().equals("sample");
        TickStore store = TickStore.at(sample ? SampleData.root() : Path.of(options.data()));
        // The sample also holds vendor fixtures (LOBSTER's L3 AAPL, Binance recordings) on other dates: the demo
        // market-makes its synthetic venue, two L2 instruments on one day. A store given is read whole.
        TickQuery query = sample ? SampleData.synthetic() : TickQuery.all();
        StringBuilder s = new StringBuilder("the tick store at ").append(store.root());
        for (CatalogEntry e : store.catalog()) {
            if (query.venue() != null && !query.venue().equals(e.venue())) {
                continue;
            }
            s.append(String.format(Locale.ROOT, "%n  %s@%s %s..%s: %,d rows in %d Parquet + %d CSV parts",
                    e.symbol(), e.venue(), e.firstDate(), e.lastDate(), e.rows(), e.parquetParts(),
                    e.csvParts()));
        }
        Set<String> l3 = new HashSet<>();
        for (PartitionEntry p : store.partitions()) {
            if ((query.venue() == null || query.venue().equals(p.venue())) && p.kinds().stream().anyMatch(
                    EventKind::isL3)) {
                l3.add(p.symbol() + "@" + p.venue());
            }
        }
        return new Data(store.read(query), s.toString(), "reading and decoding the store included",
                i -> l3.contains(i.symbol() + "@" + i.venue()));
    }

    /**
     * The demo's backtest on any source: for every instrument of {@code source}, the demo's exchange settings and
     * a {@link SimpleMarketMaker} named {@code mm-SYMBOL} (or {@code mm-SYMBOL@VENUE} when symbols repeat).
     */
    public static Backtest marketMakingBacktest(EventSource source, long seed) {
        return marketMakingBacktest(source, seed, i -> false);
    }

    /**
     * The demo's backtest with the queue model chosen per instrument: {@link FifoQueue} where
     * {@code marketByOrder} says the data are L3 (order-by-order rows give the exact queue), else the probabilistic
     * queue. {@link #marketMakingBacktest(TickStore, TickQuery, long)} decides it from the store's catalog.
     */
    public static Backtest marketMakingBacktest(EventSource source, long seed, Predicate<Instrument> marketByOrder) {
        List<Instrument> instruments = source.instruments();
        Backtest.Builder builder = Backtest.builder().source(source).seed(seed).initialCash(INITIAL_CASH);
        for (int i = 0; i < instruments.size(); i++) {
            Instrument instrument = instruments.get(i);
            builder.exchange(ExchangeSettings.builder(instrument)
                    .latency(new LognormalLatency(MEDIAN_LATENCY_NANOS, MEDIAN_LATENCY_NANOS, 0.5, seed))
                    .queue(marketByOrder.test(instrument) ? FifoQueue.INSTANCE
                            : new ProbabilisticQueue(new PowerProbability(2)))
                    .fees(new BpsFees(MAKER_FEE_BPS, TAKER_FEE_BPS))
                    .build());
            double quoteQty = QUOTE_LOTS * instrument.lotSize();
            builder.strategy(strategyId(instruments, i), new SimpleMarketMaker(i, quoteQty,
                    MAX_POSITION_QUOTES * quoteQty, SKEW_TICKS_PER_QUOTE / quoteQty));
        }
        return builder.build();
    }

    /**
     * The demo's backtest on what {@code query} selects of {@code store}: FIFO queues for the instruments whose
     * partitions hold L3 rows ({@link TickStore#partitions()}), probabilistic ones for the others.
     */
    public static Backtest marketMakingBacktest(TickStore store, TickQuery query, long seed) {
        Set<String> l3 = new HashSet<>();
        for (PartitionEntry p : store.partitions()) {
            if (p.kinds().stream().anyMatch(EventKind::isL3)) {
                l3.add(p.symbol() + "@" + p.venue());
            }
        }
        return marketMakingBacktest(store.read(query), seed, i -> l3.contains(i.symbol() + "@" + i.venue()));
    }

    private static String strategyId(List<Instrument> instruments, int i) {
        String symbol = instruments.get(i).symbol();
        for (int j = 0; j < instruments.size(); j++) {
            if (j != i && instruments.get(j).symbol().equals(symbol)) {
                return "mm-" + instruments.get(i).id();
            }
        }
        return "mm-" + symbol;
    }

    private static void report(BacktestResult result, RunSettings settings, String description,
                               String throughputNote, TimeSpan span, PrintStream out) {
        out.println("qtrade demo: market making backtest on " + description);
        out.print(settings.summary());
        out.printf(Locale.ROOT, "%,d events in %.2f s: %,.0f events/s (%s)%n", result.events(),
                result.wallNanos() / 1e9, result.eventsPerSecond(), throughputNote);
        if (span.first <= span.last) {
            // the first and last event of the data, not the first and last equity mark
            out.printf(Locale.ROOT, "market time %s .. %s%n", Timestamps.toInstant(span.first),
                    Timestamps.toInstant(span.last));
        }
        for (String id : result.strategyIds()) {
            Portfolio p = result.portfolio(id);
            long orders = 0;
            long fills = 0;
            long maker = 0;
            for (OrderRecord o : result.orderRecords()) {
                orders += o.strategyId().equals(id) ? 1 : 0;
            }
            for (FillRecord f : result.fillRecords()) {
                if (f.strategyId().equals(id)) {
                    fills++;
                    maker += f.liquidity() == Liquidity.MAKER ? 1 : 0;
                }
            }
            out.printf(Locale.ROOT, "%-11s orders %,7d  fills %,6d (maker %,d / taker %,d)  net PnL %10.4f"
                            + "  realized %10.4f  unrealized %9.4f  fees %9.4f%n", id, orders, fills, maker,
                    fills - maker, p.netPnl(), p.realizedPnl(), p.unrealizedPnl(), p.fees());
        }
        Table totals = result.totals().copy();
        for (Column<?> c : totals.columns()) {
            if (c instanceof DoubleColumn d) {
                d.setPrintFormatter(new NumberColumnFormatter(new DecimalFormat("#,##0.0000",
                        DecimalFormatSymbols.getInstance(Locale.ROOT)), ""));
            }
        }
        out.println(totals.print(Integer.MAX_VALUE));
    }
}
