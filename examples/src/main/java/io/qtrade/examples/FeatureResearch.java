package io.qtrade.examples;

import io.qtrade.store.CatalogEntry;
import io.qtrade.store.SampleData;
import io.qtrade.store.TickQuery;
import io.qtrade.store.TickStore;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBook;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import io.qtrade.core.market.EventFlags;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.EventSource;
import io.qtrade.core.time.Timestamps;
import io.qtrade.features.cointegration.EngleGranger;
import io.qtrade.features.cointegration.EngleGrangerResult;
import io.qtrade.features.cointegration.HalfLifeEstimate;
import io.qtrade.features.cointegration.Johansen;
import io.qtrade.features.cointegration.JohansenResult;
import io.qtrade.features.cointegration.OrnsteinUhlenbeckHalfLife;
import io.qtrade.features.regression.OlsFit;
import io.qtrade.features.regression.OrdinaryLeastSquares;
import io.qtrade.features.volatility.HarRv;
import io.qtrade.features.volatility.HarRvFit;
import io.qtrade.features.volatility.HarRvScale;
import io.qtrade.features.volatility.RealizedVarianceOnGrid;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Feature research on a tick store (the shipped sample by default): order flow imbalance against the mid-price
 * change, a HAR-RV volatility forecast and a cointegration scan of every pair of instruments, printed as tables.
 *
 * <pre>{@code
 * mvn -B -q -pl examples -am -DskipTests -Pdemo package -Ddemo.mainClass=io.qtrade.examples.FeatureResearch
 * mvn -B -q -pl examples -am -DskipTests -Pdemo package -Ddemo.mainClass=io.qtrade.examples.FeatureResearch \
 *     -Dexec.args="target/ticks ofi_bucket_seconds=5"
 * }</pre>
 * Arguments, all optional: a store root (default {@link SampleData#root()}) and {@code key=value} settings
 * {@code ofi_bucket_seconds} (10), {@code grid_seconds} (1), {@code rv_session_seconds} (300) and {@code venue}
 * (default: every venue of a store given, the synthetic venue {@value SampleData#SYNTHETIC_VENUE} of the sample,
 * whose other venues are vendor fixtures years apart).
 *
 * <p>One streaming pass over the store (every instrument merged by {@code exch_ts}, one {@link OrderBook} each)
 * feeds, per instrument:
 * <ol>
 * <li><b>OFI</b> ({@link OfiBuckets}): Cont, Kukanov and Stoikov (2014), "The price impact of order book events",
 * J. Financial Econometrics 12(1), 47-88, regress the mid change over an interval on the order flow imbalance over
 * the same interval; the predictive form uses the next interval's change:
 * <pre>{@code
 * contemporaneous:  dP_k     = alpha + beta OFI_k + eps_k      (dP in ticks, OFI in lots, bucket of T seconds)
 * predictive:       dP_{k+1} = alpha + beta OFI_k + eps_k
 * }</pre>
 * fitted by OLS ({@link OrdinaryLeastSquares}); printed: beta, its t statistic (ordinary standard error), alpha,
 * R^2 and the number of buckets (buckets with an empty side are left out and counted; buckets without any book
 * event are kept as OFI 0 and dP 0 and counted, since many of them mean a gap in the data).</li>
 * <li><b>Realized variance</b> ({@link RealizedVarianceOnGrid}): {@code RV = sum r_k^2} of previous-tick mid log
 * returns on the grid, per session of {@code rv_session_seconds}.</li>
 * <li><b>Mid on the grid</b> ({@link MidPriceGrid}) for the cointegration scan.</li>
 * </ol>
 * Then:
 * <ul>
 * <li><b>HAR-RV</b> (Corsi 2009, "A simple approximate long-memory model of realized volatility", J. Financial
 * Econometrics 7(2), 174-196; {@link HarRv}): {@code RV_{t+1} = b0 + bd RV_t + bw RV^w_t + bm RV^m_t}, with
 * Newey-West (5 lags) standard errors, R^2, and the 1-step and iterated 5-step forecasts. It is fitted on the
 * store's session RVs (in basis points squared) of every instrument that has at least {@link #MIN_HAR_SESSIONS}
 * sessions, and always on the reference
 * daily RV of a simulated exchange rate (1,302 days in percent^2, from 48 half-hourly returns a day with persistent
 * volatility; the series the features module checks against statsmodels 0.13.5), so a one-day sample still shows a
 * daily HAR fit. The table says which series each row is.</li>
 * <li><b>Cointegration</b> of each pair (y = the first symbol, x = the second, mids on the common grid):
 * Engle-Granger (OLS hedge ratio, ADF t statistic of the residual, MacKinnon p-value and 5% critical value;
 * {@link EngleGranger}), Johansen trace statistics against their 95% critical values (det_order 0, one lagged
 * difference; {@link Johansen}) and the Ornstein-Uhlenbeck half-life of the Engle-Granger spread
 * ({@link OrnsteinUhlenbeckHalfLife}), in seconds. Grid points where either book had an empty side are left out
 * and counted.</li>
 * </ul>
 */
public final class FeatureResearch {

    /** Sessions an instrument needs before its HAR-RV is fitted: 22 to start the monthly term, then 30 rows. */
    public static final int MIN_HAR_SESSIONS = HarRv.MONTHLY_DAYS + 30;
    /** Lags of the Newey-West standard errors of the HAR-RV fit. */
    public static final int NEWEY_WEST_LAGS = 5;
    /** Grid points a pair needs before it is tested for cointegration. */
    public static final int MIN_PAIR_POINTS = 50;
    /** The reference daily RV series on the class path (copied from qtrade-features' test resources). */
    public static final String HAR_REFERENCE_RESOURCE = "har_synthetic_daily_rv.csv";
    /** Rows of the session RV table that {@link Report#print()} shows (the first and last halves). */
    public static final int PRINTED_SESSION_ROWS = 20;
    /** Squared log returns to basis points squared: the store's session RVs are fitted in bps^2. */
    private static final double BPS_SQUARED = 1e8;
    private static final String HAR_REFERENCE_LABEL = "synthetic FX daily RV, 1,302 days (reference, %^2)";

    private FeatureResearch() {
    }

    /**
     * The settings of a run.
     *
     * @param ofiBucketNanos   OFI and mid-change bucket length, {@code > 0}
     * @param gridNanos        mid sampling grid for RV and cointegration, {@code > 0}
     * @param rvSessionNanos   realized-variance session length, a positive multiple of {@code gridNanos}
     */
    public record Settings(long ofiBucketNanos, long gridNanos, long rvSessionNanos) {

        /** 10 s OFI buckets, a 1 s grid and 5-minute RV sessions. */
        public static final Settings DEFAULTS = new Settings(10_000_000_000L, 1_000_000_000L, 300_000_000_000L);

        /** @throws IllegalArgumentException naming the setting and its value when one is out of range */
        public Settings {
            if (ofiBucketNanos <= 0 || gridNanos <= 0 || rvSessionNanos <= 0 || rvSessionNanos % gridNanos != 0) {
                throw new IllegalArgumentException("settings ofiBucketNanos=" + ofiBucketNanos + ", gridNanos="
                        + gridNanos + ", rvSessionNanos=" + rvSessionNanos + ": expected all > 0 and rvSessionNanos"
                        + " a multiple of gridNanos");
            }
        }
    }

    /**
     * What a run found, as tables (each prints with {@link Table#print()}).
     *
     * @param store        the store read
     * @param catalog      one row per instrument: venue, symbol, rows, events replayed
     * @param ofi          OFI regressions per instrument, contemporaneous and predictive
     * @param rvSessions   realized variance per instrument and session of the store
     * @param har          HAR-RV coefficients per series: estimate, ordinary and Newey-West standard errors
     * @param harSummary   HAR-RV per series: rows, R^2, 1-step and 5-step forecasts
     * @param engleGranger Engle-Granger and half-life per pair
     * @param johansen     Johansen trace test per pair and null rank
     */
    public record Report(Path store, Table catalog, Table ofi, Table rvSessions, Table har, Table harSummary,
                         Table engleGranger, Table johansen) {

        /**
         * Every table, titled, in order: what {@link #main} prints; of the session RV table, the first and last
         * {@link FeatureResearch#PRINTED_SESSION_ROWS} rows.
         */
        public String print() {
            StringBuilder s = new StringBuilder();
            s.append("qtrade feature research on ").append(store).append(System.lineSeparator());
            for (Table t : List.of(catalog, ofi, rvSessions, har, harSummary, engleGranger, johansen)) {
                // The session table can be long (one row per instrument and session): its first and last rows.
                int rows = t == rvSessions ? PRINTED_SESSION_ROWS : Integer.MAX_VALUE;
                s.append(System.lineSeparator()).append(t.print(rows)).append(System.lineSeparator());
            }
            return s.toString();
        }
    }

    /**
     * Runs the research on a store root given as the first argument (default: the sample) with {@code key=value}
     * settings; prints the tables. Exits with status 2 and a usage line on bad arguments.
     */
    public static void main(String[] args) {
        Path root = null;
        String venue = null;
        Settings settings;
        try {
            long bucketNanos = Settings.DEFAULTS.ofiBucketNanos();
            long gridNanos = Settings.DEFAULTS.gridNanos();
            long sessionNanos = Settings.DEFAULTS.rvSessionNanos();
            for (String arg : args) {
                int eq = arg.indexOf('=');
                if (eq < 0) {
                    if (root != null) {
                        throw new IllegalArgumentException("two store roots given: " + root + " and " + arg);
                    }
                    root = Path.of(arg);
                    continue;
                }
                String key = arg.substring(0, eq);
                if (key.equals("venue")) {
                    venue = arg.substring(eq + 1);
                    continue;
                }
                long nanos;
                try {
                    nanos = Math.round(Double.parseDouble(arg.substring(eq + 1)) * 1e9);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("setting " + key + ": expected a number of seconds, was "
                            + arg.substring(eq + 1));
                }
                switch (key) {
                    case "ofi_bucket_seconds" -> bucketNanos = nanos;
                    case "grid_seconds" -> gridNanos = nanos;
                    case "rv_session_seconds" -> sessionNanos = nanos;
                    default -> throw new IllegalArgumentException("unknown setting " + key + " in " + arg);
                }
            }
            settings = new Settings(bucketNanos, gridNanos, sessionNanos);
        } catch (IllegalArgumentException e) {
            System.err.println("FeatureResearch: " + e.getMessage());
            System.err.println("usage: FeatureResearch [STORE_ROOT] [ofi_bucket_seconds=10] [grid_seconds=1]"
                    + " [rv_session_seconds=300] [venue=V]");
            System.exit(2);
            return;
        }
        if (root != null && !Files.isDirectory(root)) {
            System.err.println("FeatureResearch: store root " + root.toAbsolutePath() + " is not a directory");
            System.exit(2);
            return;
        }
        // The sample also holds vendor fixtures (LOBSTER L3, years apart); by default the research reads its
        // synthetic day, where both instruments share one session.
        if (root == null && venue == null) {
            venue = SampleData.SYNTHETIC_VENUE;
        }
        System.out.print(run(TickStore.at(root != null ? root : SampleData.root()), venue, settings).print());
    }

    /**
     * Runs the research on every instrument of {@code store}.
     *
     * @throws IllegalArgumentException when the store is empty
     */
    public static Report run(TickStore store, Settings settings) {
        return run(store, null, settings);
    }

    /**
     * Runs the research on the instruments of one venue of {@code store} ({@code null}: every venue).
     *
     * @throws IllegalArgumentException when the store holds nothing of that venue
     */
    public static Report run(TickStore store, String venue, Settings settings) {
        List<CatalogEntry> catalog = new ArrayList<>();
        for (CatalogEntry e : store.catalog()) {
            if (venue == null || e.venue().equals(venue)) {
                catalog.add(e);
            }
        }
        if (catalog.isEmpty()) {
            throw new IllegalArgumentException("the store at " + store.root() + " holds no parts"
                    + (venue == null ? "" : " of venue " + venue));
        }
        TickQuery query = venue == null ? TickQuery.all() : TickQuery.all().withVenue(venue);
        Scan scan = new Scan(store, query, settings);
        Table[] har = harTables(scan);
        return new Report(store.root(), catalogTable(catalog, scan), ofiTable(scan), rvSessionTable(scan), har[0],
                har[1], engleGrangerTable(scan, settings), johansenTable(scan));
    }

    /** The single pass over the store: a book per instrument and the per-instrument accumulators. */
    private static final class Scan {
        final List<Instrument> instruments;
        final long[] events;
        /** Per instrument: depth and BBO rows (the price levels the L2 book is built from). */
        final long[] bookRows;
        final long[] trades;
        /** Per instrument: order-by-order (L3) rows, which the L2 research does not read. */
        final long[] l3Rows;
        final OfiBuckets[] ofi;
        final MidPriceGrid[] grids;
        final List<List<double[]>> sessions = new ArrayList<>(); // per instrument: {start, end, rv, returns}

        Scan(TickStore store, TickQuery query, Settings settings) {
            try (EventSource source = store.read(query)) {
                instruments = List.copyOf(source.instruments());
                int n = instruments.size();
                events = new long[n];
                bookRows = new long[n];
                trades = new long[n];
                l3Rows = new long[n];
                ofi = new OfiBuckets[n];
                grids = new MidPriceGrid[n];
                OrderBook[] books = new OrderBook[n];
                RealizedVarianceOnGrid[] rv = new RealizedVarianceOnGrid[n];
                boolean[] inSnapshot = new boolean[n];
                long[] lastTs = new long[n];
                for (int i = 0; i < n; i++) {
                    Instrument inst = instruments.get(i);
                    books[i] = new OrderBook(inst);
                    ofi[i] = new OfiBuckets(settings.ofiBucketNanos(), inst.lotSize());
                    grids[i] = new MidPriceGrid(settings.gridNanos());
                    List<double[]> list = new ArrayList<>();
                    sessions.add(list);
                    rv[i] = new RealizedVarianceOnGrid(settings.gridNanos(), settings.rvSessionNanos(), 0L,
                            (start, end, variance, bipower, returns, ticks) ->
                                    list.add(new double[] {start, end, variance, returns}));
                }
                EventBatch batch = new EventBatch(4096);
                EventCursor c = new EventCursor();
                while (source.readBatch(batch)) {
                    c.reset(batch);
                    while (c.next()) {
                        int i = c.instrument();
                        long ts = c.exchTs();
                        EventKind kind = c.kind();
                        events[i]++;
                        lastTs[i] = ts;
                        if (kind == EventKind.TRADE) {
                            trades[i]++;
                            continue;
                        }
                        if (kind.code() >= EventKind.ORDER_ADD.code()) {
                            l3Rows[i]++;
                            continue; // an L2 book changes only through depth, BBO, clear and snapshot rows
                        }
                        if (kind == EventKind.DEPTH_UPDATE || kind == EventKind.BBO) {
                            bookRows[i]++;
                        }
                        OrderBook book = books[i];
                        grids[i].beforeEvent(ts);
                        book.apply(c);
                        if (kind == EventKind.SNAPSHOT_BEGIN || kind == EventKind.BOOK_CLEAR) {
                            ofi[i].resetFlow(); // no order flow across a rebuilt book
                        }
                        if (kind == EventKind.SNAPSHOT_BEGIN) {
                            inSnapshot[i] = true;
                        } else if (kind == EventKind.SNAPSHOT_END) {
                            inSnapshot[i] = false;
                        }
                        if (inSnapshot[i]) {
                            continue;
                        }
                        if (kind == EventKind.BBO && !EventFlags.has(c.flags(), EventFlags.END_OF_MESSAGE)) {
                            continue; // the bid half of a quote: the flow is measured once both halves are in
                        }
                        ofi[i].afterBookEvent(ts, book);
                        boolean twoSided = !book.isEmpty(Side.BUY) && !book.isEmpty(Side.SELL);
                        double mid = twoSided ? book.mid() : Double.NaN;
                        grids[i].afterEvent(ts, mid);
                        if (twoSided) {
                            rv[i].onTick(ts, mid);
                        }
                    }
                }
                for (int i = 0; i < n; i++) {
                    ofi[i].finish();
                    grids[i].finish(lastTs[i]);
                    rv[i].advanceTo(lastTs[i]); // reports the sessions complete by the last event
                }
            }
        }
    }

    private static Table catalogTable(List<CatalogEntry> catalog, Scan scan) {
        StringColumn venue = StringColumn.create("venue");
        StringColumn symbol = StringColumn.create("symbol");
        StringColumn dates = StringColumn.create("dates");
        LongColumn rows = LongColumn.create("rows");
        DoubleColumn mb = DoubleColumn.create("MB");
        DoubleColumn ticks = DoubleColumn.create("tick_size");
        DoubleColumn lots = DoubleColumn.create("lot_size");
        for (CatalogEntry e : catalog) {
            venue.append(e.venue());
            symbol.append(e.symbol());
            dates.append(e.firstDate() + (e.lastDate().equals(e.firstDate()) ? "" : " .. " + e.lastDate()));
            rows.append(e.rows());
            mb.append(e.bytes() / 1e6);
            Instrument inst = find(scan.instruments, e.venue(), e.symbol());
            ticks.append(inst.tickSize());
            lots.append(inst.lotSize());
        }
        rows.setPrintFormatter(NumberColumnFormatter.intsWithGrouping());
        mb.setPrintFormatter(fixed(2));
        return Table.create("Store catalog", venue, symbol, dates, rows, mb, ticks, lots);
    }

    private static Instrument find(List<Instrument> instruments, String venue, String symbol) {
        for (Instrument i : instruments) {
            if (i.venue().equals(venue) && i.symbol().equals(symbol)) {
                return i;
            }
        }
        throw new IllegalStateException("the catalog lists " + symbol + "@" + venue + " but reading the store gave "
                + instruments);
    }

    private static Table ofiTable(Scan scan) {
        StringColumn symbol = StringColumn.create("symbol");
        StringColumn regression = StringColumn.create("regression");
        IntColumn buckets = IntColumn.create("buckets");
        IntColumn excluded = IntColumn.create("left_out");
        IntColumn empty = IntColumn.create("no_event");
        DoubleColumn beta = DoubleColumn.create("beta_ticks_per_lot");
        DoubleColumn t = DoubleColumn.create("t_beta");
        DoubleColumn alpha = DoubleColumn.create("alpha_ticks");
        DoubleColumn r2 = DoubleColumn.create("R2");
        StringColumn note = StringColumn.create("note");
        for (int i = 0; i < scan.instruments.size(); i++) {
            double[] flow = scan.ofi[i].ofiLots();
            double[] change = scan.ofi[i].midChangeTicks();
            for (int lead = 0; lead <= 1; lead++) {
                int n = flow.length - lead;
                double[] y = new double[Math.max(0, n)];
                double[][] x = new double[Math.max(0, n)][1];
                int used = 0;
                for (int k = 0; k < n; k++) {
                    double f = flow[k];
                    double d = change[k + lead];
                    if (Double.isFinite(f) && Double.isFinite(d)) {
                        y[used] = d;
                        x[used][0] = f;
                        used++;
                    }
                }
                symbol.append(scan.instruments.get(i).symbol());
                regression.append(lead == 0 ? "dP_k ~ OFI_k" : "dP_k+1 ~ OFI_k");
                buckets.append(used);
                excluded.append(Math.max(0, n) - used);
                empty.append(scan.ofi[i].emptyBuckets());
                OlsFit fit = used > 2 ? fitOrNull(Arrays.copyOf(y, used),
                        Arrays.copyOf(x, used)) : null;
                beta.append(fit == null ? Double.NaN : fit.param(1));
                t.append(fit == null ? Double.NaN : fit.tStatistics(fit.standardErrors())[1]);
                alpha.append(fit == null ? Double.NaN : fit.param(0));
                r2.append(fit == null ? Double.NaN : fit.rSquared());
                note.append(fit != null ? "" : whyNoFit(scan, i, used, Math.max(0, n) - used));
            }
        }
        for (DoubleColumn c : List.of(beta, t, alpha, r2)) {
            c.setPrintFormatter(fixed(4));
        }
        return Table.create("OFI vs mid-price change (Cont, Kukanov & Stoikov 2014), OLS per bucket", symbol,
                regression, buckets, excluded, empty, beta, t, alpha, r2, note);
    }

    /** Why an instrument's OFI regression has no estimate, in words (the row's note). */
    static String whyNoFit(Scan scan, int i, int used, int leftOut) {
        if (scan.bookRows[i] == 0 && scan.l3Rows[i] > 0) {
            return String.format(Locale.ROOT, "L3 data (%,d order-by-order rows): this study reads price-level"
                    + " (depth or quote) rows only", scan.l3Rows[i]);
        }
        if (scan.bookRows[i] == 0) {
            return String.format(Locale.ROOT, "no depth or quote rows (%,d trades only): OFI needs the book",
                    scan.trades[i]);
        }
        if (used <= 2) {
            return String.format(Locale.ROOT, "too few buckets: %d with a two-sided book before and after (%d left"
                    + " out for an empty side), at least 3 needed; the data span less than 3 buckets of the"
                    + " bucket width", used, leftOut);
        }
        return "OFI is the same in every bucket: no slope can be estimated";
    }

    /** OLS of y on one regressor; {@code null} when the regressor is constant (no slope can be estimated). */
    private static OlsFit fitOrNull(double[] y, double[][] x) {
        double first = x[0][0];
        boolean constant = true;
        for (double[] row : x) {
            constant &= row[0] == first;
        }
        return constant ? null : OrdinaryLeastSquares.fit(y, x, "alpha", "beta");
    }

    private static Table rvSessionTable(Scan scan) {
        StringColumn symbol = StringColumn.create("symbol");
        StringColumn session = StringColumn.create("session_utc");
        IntColumn returns = IntColumn.create("returns");
        DoubleColumn rv = DoubleColumn.create("RV");
        DoubleColumn vol = DoubleColumn.create("vol_bps_per_session");
        for (int i = 0; i < scan.instruments.size(); i++) {
            for (double[] s : scan.sessions.get(i)) {
                symbol.append(scan.instruments.get(i).symbol());
                session.append(Timestamps.toInstant((long) s[0]) + " .. "
                        + Timestamps.toInstant((long) s[1]));
                returns.append((int) s[3]);
                rv.append(s[2]);
                vol.append(1e4 * Math.sqrt(s[2]));
            }
        }
        rv.setPrintFormatter(scientific());
        vol.setPrintFormatter(fixed(2));
        return Table.create("Realized variance per session (previous-tick mid, log returns on the grid)", symbol,
                session, returns, rv, vol);
    }

    private static Table[] harTables(Scan scan) {
        StringColumn series = StringColumn.create("series");
        StringColumn term = StringColumn.create("term");
        DoubleColumn coef = DoubleColumn.create("coef");
        DoubleColumn se = DoubleColumn.create("se");
        DoubleColumn nwSe = DoubleColumn.create("newey_west_se");
        DoubleColumn nwT = DoubleColumn.create("t_newey_west");
        StringColumn sSeries = StringColumn.create("series");
        IntColumn days = IntColumn.create("days");
        IntColumn rows = IntColumn.create("rows");
        DoubleColumn r2 = DoubleColumn.create("R2");
        DoubleColumn last = DoubleColumn.create("last_RV");
        DoubleColumn f1 = DoubleColumn.create("forecast_1");
        DoubleColumn f5 = DoubleColumn.create("forecast_5");
        StringColumn note = StringColumn.create("note");
        List<String> labels = new ArrayList<>();
        List<double[]> inputs = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < scan.instruments.size(); i++) {
            List<double[]> list = scan.sessions.get(i);
            if (list.size() >= MIN_HAR_SESSIONS) {
                double[] values = new double[list.size()];
                for (int k = 0; k < values.length; k++) {
                    values[k] = BPS_SQUARED * list.get(k)[2];
                }
                inputs.add(values);
                skipped.add("");
            } else {
                inputs.add(null);
                skipped.add("not fitted: " + list.size() + " sessions in the store, " + MIN_HAR_SESSIONS
                        + " needed");
            }
            labels.add(scan.instruments.get(i).symbol() + " sessions (store, bps^2)");
        }
        labels.add(HAR_REFERENCE_LABEL);
        inputs.add(referenceDailyRv());
        skipped.add("");
        HarRv har = new HarRv(HarRvScale.LEVEL);
        for (int s = 0; s < labels.size(); s++) {
            double[] rv = inputs.get(s);
            sSeries.append(labels.get(s));
            if (rv == null) {
                days.append(0);
                rows.append(0);
                for (DoubleColumn c : List.of(r2, last, f1, f5)) {
                    c.append(Double.NaN);
                }
                note.append(skipped.get(s));
                continue;
            }
            HarRvFit fit = har.fit(rv);
            OlsFit ols = fit.ols();
            double[] ordinary = ols.standardErrors();
            double[] nw = ols.neweyWestStandardErrors(NEWEY_WEST_LAGS);
            double[] nwTs = ols.tStatistics(nw);
            for (int j = 0; j < ols.coefficientCount(); j++) {
                series.append(labels.get(s));
                term.append(ols.names()[j]);
                coef.append(ols.param(j));
                se.append(ordinary[j]);
                nwSe.append(nw[j]);
                nwT.append(nwTs[j]);
            }
            double[] forecasts = new double[5];
            Arrays.fill(forecasts, Double.NaN);
            String problem = "";
            try {
                fit.forecast(rv, forecasts);
            } catch (IllegalStateException e) {
                // A LEVEL-scale HAR can forecast a negative variance; the steps up to it are kept, the rest NaN.
                problem = e.getMessage();
            }
            note.append(problem);
            days.append(rv.length);
            rows.append(ols.observationCount());
            r2.append(ols.rSquared());
            last.append(rv[rv.length - 1]);
            f1.append(forecasts[0]);
            f5.append(forecasts[4]);
        }
        for (DoubleColumn c : List.of(coef, se, nwSe, nwT, r2)) {
            c.setPrintFormatter(fixed(4));
        }
        for (DoubleColumn c : List.of(last, f1, f5)) {
            c.setPrintFormatter(scientific());
        }
        Table coefficients = Table.create("HAR-RV (Corsi 2009), OLS; Newey-West with " + NEWEY_WEST_LAGS + " lags",
                series, term, coef, se, nwSe, nwT);
        Table summary = Table.create("HAR-RV fit and forecasts (1 step, and step 5 of the iterated forecast)",
                sSeries, days, rows, r2, last, f1, f5, note);
        return new Table[] {coefficients, summary};
    }

    /** The {@code rv_pct2} column of the reference daily RV file, checked row by row. */
    static double[] referenceDailyRv() {
        String text;
        try (InputStream in = FeatureResearch.class.getResourceAsStream(HAR_REFERENCE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(HAR_REFERENCE_RESOURCE + " is missing next to "
                        + FeatureResearch.class.getName() + " on the class path");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + HAR_REFERENCE_RESOURCE, e);
        }
        String[] lines = text.split("\n");
        if (!lines[0].strip().equals("date,n_returns,rv,rv_pct2")) {
            throw new IllegalStateException(HAR_REFERENCE_RESOURCE + ", line 1: expected the header "
                    + "date,n_returns,rv,rv_pct2, was " + lines[0]);
        }
        double[] out = new double[lines.length - 1];
        int n = 0;
        for (int l = 1; l < lines.length; l++) {
            String line = lines[l].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",");
            double v;
            try {
                v = f.length == 4 ? Double.parseDouble(f[3]) : Double.NaN;
            } catch (NumberFormatException e) {
                v = Double.NaN;
            }
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalStateException(HAR_REFERENCE_RESOURCE + ", line " + (l + 1)
                        + ", field rv_pct2: expected a finite variance > 0 in the 4th of 4 fields, was " + line);
            }
            out[n++] = v;
        }
        return Arrays.copyOf(out, n);
    }

    /** The two mids of a pair on the common grid points where both are defined. */
    private record PairSeries(double[] y, double[] x, int leftOut) {
    }

    private static PairSeries pairSeries(MidPriceGrid a, MidPriceGrid b) {
        if (a.size() == 0 || b.size() == 0) {
            return new PairSeries(new double[0], new double[0], 0);
        }
        long from = Math.max(a.firstIndex(), b.firstIndex());
        long to = Math.min(a.firstIndex() + a.size(), b.firstIndex() + b.size());
        int n = (int) Math.max(0, to - from);
        double[] y = new double[n];
        double[] x = new double[n];
        int used = 0;
        for (long k = from; k < to; k++) {
            double ya = a.at(k);
            double xb = b.at(k);
            if (Double.isFinite(ya) && Double.isFinite(xb)) {
                y[used] = ya;
                x[used] = xb;
                used++;
            }
        }
        return new PairSeries(Arrays.copyOf(y, used), Arrays.copyOf(x, used), n - used);
    }

    private static Table engleGrangerTable(Scan scan, Settings settings) {
        StringColumn pair = StringColumn.create("pair (y ~ x)");
        IntColumn points = IntColumn.create("points");
        IntColumn leftOut = IntColumn.create("left_out");
        DoubleColumn hedge = DoubleColumn.create("hedge_ratio");
        DoubleColumn intercept = DoubleColumn.create("intercept");
        DoubleColumn tStat = DoubleColumn.create("eg_t");
        DoubleColumn crit5 = DoubleColumn.create("eg_crit_5%");
        DoubleColumn p = DoubleColumn.create("eg_p_value");
        DoubleColumn halfLife = DoubleColumn.create("half_life_s");
        double stepSeconds = settings.gridNanos() / 1e9;
        int n = scan.instruments.size();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                PairSeries s = pairSeries(scan.grids[i], scan.grids[j]);
                pair.append(pairName(scan, i, j));
                points.append(s.y().length);
                leftOut.append(s.leftOut());
                if (s.y().length < MIN_PAIR_POINTS) {
                    for (DoubleColumn c : List.of(hedge, intercept, tStat, crit5, p, halfLife)) {
                        c.append(Double.NaN);
                    }
                    continue;
                }
                EngleGrangerResult eg = EngleGranger.builder().build().test(s.y(), s.x());
                HalfLifeEstimate hl = OrnsteinUhlenbeckHalfLife.estimate(eg.spread());
                hedge.append(eg.hedgeRatio());
                intercept.append(eg.intercept());
                tStat.append(eg.tStatistic());
                crit5.append(eg.criticalValues().fivePercent());
                p.append(eg.pValue());
                halfLife.append(hl.halfLifeDiscrete() * stepSeconds);
            }
        }
        for (DoubleColumn c : List.of(hedge, intercept, tStat, crit5, p, halfLife)) {
            c.setPrintFormatter(fixed(4));
        }
        String grid = BigDecimal.valueOf(stepSeconds).stripTrailingZeros().toPlainString();
        return Table.create("Engle-Granger (constant, ADF lag by AIC) and OU half-life of the spread, mids on a "
                + grid + " s grid; pairs with at least " + MIN_PAIR_POINTS + " points", pair, points, leftOut, hedge,
                intercept, tStat, crit5, p, halfLife);
    }

    private static Table johansenTable(Scan scan) {
        StringColumn pair = StringColumn.create("pair");
        StringColumn h0 = StringColumn.create("H0");
        DoubleColumn eigen = DoubleColumn.create("eigenvalue");
        DoubleColumn trace = DoubleColumn.create("trace");
        DoubleColumn crit = DoubleColumn.create("crit_95%");
        StringColumn reject = StringColumn.create("reject_95%");
        int n = scan.instruments.size();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                PairSeries s = pairSeries(scan.grids[i], scan.grids[j]);
                if (s.y().length < MIN_PAIR_POINTS) {
                    continue;
                }
                JohansenResult jo = new Johansen(0, 1).test(s.y(), s.x());
                for (int r = 0; r < jo.traceStatistics().length; r++) {
                    pair.append(pairName(scan, i, j));
                    h0.append("rank <= " + r);
                    eigen.append(jo.eigenvalues()[r]);
                    trace.append(jo.traceStatistics()[r]);
                    double c = jo.traceCriticalValues()[r][JohansenResult.LEVEL_95];
                    crit.append(c);
                    reject.append(jo.traceStatistics()[r] > c ? "yes" : "no");
                }
            }
        }
        for (DoubleColumn c : List.of(eigen, trace, crit)) {
            c.setPrintFormatter(fixed(4));
        }
        return Table.create("Johansen trace test (det_order 0, 1 lagged difference) on the same grid", pair, h0,
                eigen, trace, crit, reject);
    }

    private static String pairName(Scan scan, int i, int j) {
        return scan.instruments.get(i).symbol() + " ~ " + scan.instruments.get(j).symbol();
    }

    private static NumberColumnFormatter fixed(int decimals) {
        DecimalFormat f = new DecimalFormat("#,##0." + "0".repeat(decimals), DecimalFormatSymbols.getInstance(
                Locale.ROOT));
        return new NumberColumnFormatter(f, "NaN");
    }

    private static NumberColumnFormatter scientific() {
        return new NumberColumnFormatter(new DecimalFormat("0.0000E0", DecimalFormatSymbols.getInstance(Locale.ROOT)),
                "NaN");
    }
}
