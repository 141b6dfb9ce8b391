package io.qtrade.backtest.marketmaking;

import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.FillRecord;
import io.qtrade.backtest.OrderRecord;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBook;
import io.qtrade.core.market.EventSource;
import io.qtrade.core.order.Liquidity;
import io.qtrade.core.order.Order;
import io.qtrade.core.order.OrderType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Market-making diagnostics of one backtest: per fill its spread capture and markouts ({@link FillMarkout}), per
 * strategy and instrument the quote time at the touch ({@link QuoteTime}), the time-weighted inventory histogram
 * ({@link InventoryHistogram}) and a summary ({@link MarketMakingSummary}), each also as a Tablesaw table.
 *
 * <pre>{@code
 * MarketMakingDiagnostics mm = MarketMakingDiagnostics.of(result, TouchTape.of(source));   // source rewound
 * mm.summaries();        // per strategy and instrument: spread capture, markouts at 1 s, 5 s, 30 s, 5 min (bps)
 * HtmlReport.write(result, path, ReportOptions.builder().section(MarketMakingSection.of(mm)).build());
 * }</pre>
 * Definitions are on each record; markouts follow the usual desk definition (e.g. Cartea, Jaimungal and Penalva,
 * "Algorithmic and High-Frequency Trading", 2015, ch. 4: the fill's value marked to the mid a horizon later, signed
 * by side). Fills need the result's order history ({@link io.qtrade.backtest.OrderHistory#ALL}); the tape must be the
 * market the backtest ran on. Not on the hot path: computed once after the run.
 */
public final class MarketMakingDiagnostics {

    /** 1 second, 5 seconds, 30 seconds and 5 minutes. */
    public static final long[] DEFAULT_HORIZONS_NANOS = {1_000_000_000L, 5_000_000_000L, 30_000_000_000L,
            300_000_000_000L};
    /** At most this many distinct positions get a bin each in an inventory histogram; more are binned in 20. */
    public static final int MAX_EXACT_BINS = 41;

    private final BacktestResult result;
    private final TouchTape tape;
    private final long[] horizons;
    private final List<FillMarkout> fills;
    private final List<QuoteTime> quoteTimes;
    private final List<InventoryHistogram> inventories;
    private final List<MarketMakingSummary> summaries;

    private MarketMakingDiagnostics(BacktestResult result, TouchTape tape, long[] horizons) {
        this.result = result;
        this.tape = tape;
        this.horizons = horizons;
        this.fills = List.copyOf(markouts());
        List<QuoteTime> q = new ArrayList<>();
        List<InventoryHistogram> inv = new ArrayList<>();
        List<MarketMakingSummary> sum = new ArrayList<>();
        for (String strategy : result.strategyIds()) {
            for (int i = 0; i < result.instruments().size(); i++) {
                if (!traded(strategy, i)) {
                    continue;
                }
                QuoteTime qt = quoteTime(strategy, i);
                q.add(qt);
                inv.add(inventory(strategy, i));
                sum.add(summary(strategy, i, qt));
            }
        }
        this.quoteTimes = List.copyOf(q);
        this.inventories = List.copyOf(inv);
        this.summaries = List.copyOf(sum);
    }

    /** The diagnostics at the {@link #DEFAULT_HORIZONS_NANOS} (1 s, 5 s, 30 s, 5 min). */
    public static MarketMakingDiagnostics of(BacktestResult result, TouchTape tape) {
        return of(result, tape, DEFAULT_HORIZONS_NANOS);
    }

    /** The diagnostics with the market replayed from {@code source} (a rewound copy of the backtest's source). */
    public static MarketMakingDiagnostics of(BacktestResult result, EventSource source) {
        return of(result, TouchTape.of(source));
    }

    /**
     * The diagnostics at the given markout horizons.
     *
     * @param horizonsNanos markout horizons, each {@code > 0}, not modified
     * @throws IllegalArgumentException if the tape's instruments are not the result's, or a horizon is not positive
     */
    public static MarketMakingDiagnostics of(BacktestResult result, TouchTape tape, long... horizonsNanos) {
        Objects.requireNonNull(result, "market-making diagnostics: result");
        Objects.requireNonNull(tape, "market-making diagnostics: tape");
        Objects.requireNonNull(horizonsNanos, "market-making diagnostics: horizonsNanos");
        if (!tape.instruments().equals(result.instruments())) {
            throw new IllegalArgumentException("market-making diagnostics: the tape's instruments "
                    + tape.instruments().stream().map(Instrument::id).toList() + " are not the result's "
                    + result.instruments().stream().map(Instrument::id).toList());
        }
        for (long h : horizonsNanos) {
            if (h <= 0) {
                throw new IllegalArgumentException("market-making diagnostics: horizon " + h
                        + " ns, expected > 0");
            }
        }
        return new MarketMakingDiagnostics(result, tape, horizonsNanos.clone());
    }

    /** The markout horizons, nanoseconds (a copy). */
    public long[] horizonsNanos() {
        return horizons.clone();
    }

    /** The backtest result. */
    public BacktestResult result() {
        return result;
    }

    /** The market's touch. */
    public TouchTape tape() {
        return tape;
    }

    /** Every fill with its spread capture and markouts, in the result's fill order. */
    public List<FillMarkout> fills() {
        return fills;
    }

    /** Quote time at the touch per strategy and instrument that had orders or fills. */
    public List<QuoteTime> quoteTimes() {
        return quoteTimes;
    }

    /** The inventory histogram per strategy and instrument that had orders or fills. */
    public List<InventoryHistogram> inventories() {
        return inventories;
    }

    /** The summary per strategy and instrument that had orders or fills. */
    public List<MarketMakingSummary> summaries() {
        return summaries;
    }

    /** A horizon as a short label: {@code 1s}, {@code 5s}, {@code 30s}, {@code 5min}, {@code 250ms}. */
    public static String label(long nanos) {
        if (nanos % 60_000_000_000L == 0) {
            return nanos / 60_000_000_000L + "min";
        }
        if (nanos % 1_000_000_000L == 0) {
            return nanos / 1_000_000_000L + "s";
        }
        if (nanos % 1_000_000L == 0) {
            return nanos / 1_000_000L + "ms";
        }
        return nanos + "ns";
    }

    private boolean traded(String strategy, int instrument) {
        for (OrderRecord o : result.orderRecords()) {
            if (o.strategyId().equals(strategy) && o.instrument() == instrument) {
                return true;
            }
        }
        for (FillRecord f : result.fillRecords()) {
            if (f.strategyId().equals(strategy) && f.instrument() == instrument) {
                return true;
            }
        }
        return false;
    }

    private List<FillMarkout> markouts() {
        List<FillMarkout> out = new ArrayList<>();
        for (FillRecord f : result.fillRecords()) {
            int i = f.instrument();
            double s = f.side() == Side.BUY ? 1.0 : -1.0;
            double mid = tape.midBefore(i, f.exchTs());
            if (Double.isNaN(mid)) {
                mid = tape.midAt(i, f.exchTs());
            }
            double capture = s * (mid - f.price());
            double[] m = new double[horizons.length];
            double[] bps = new double[horizons.length];
            long last = tape.lastTs(i);
            for (int k = 0; k < horizons.length; k++) {
                long t = f.exchTs() + horizons[k];
                m[k] = t > last ? Double.NaN : s * (tape.midAt(i, t) - f.price());
                bps[k] = m[k] / mid * 1e4;
            }
            out.add(new FillMarkout(f.strategyId(), f.orderId(), i, f.symbol(), f.side(), f.liquidity(), f.exchTs(),
                    f.price(), f.qty(), mid, capture, capture / mid * 1e4, horizons, m, bps));
        }
        return out;
    }

    private MarketMakingSummary summary(String strategy, int instrument, QuoteTime qt) {
        int n = 0;
        int maker = 0;
        double qty = 0;
        double capture = 0;
        double captureQty = 0;
        double[] markout = new double[horizons.length];
        double[] markoutQty = new double[horizons.length];
        for (FillMarkout f : fills) {
            if (!f.strategyId().equals(strategy) || f.instrument() != instrument) {
                continue;
            }
            n++;
            if (f.liquidity() == Liquidity.MAKER) {
                maker++;
            }
            qty += f.qty();
            if (!Double.isNaN(f.spreadCaptureBps())) {
                capture += f.qty() * f.spreadCaptureBps();
                captureQty += f.qty();
            }
            for (int k = 0; k < horizons.length; k++) {
                if (!Double.isNaN(f.markoutBps(k))) {
                    markout[k] += f.qty() * f.markoutBps(k);
                    markoutQty[k] += f.qty();
                }
            }
        }
        for (int k = 0; k < horizons.length; k++) {
            markout[k] = markoutQty[k] > 0 ? markout[k] / markoutQty[k] : Double.NaN;
        }
        return new MarketMakingSummary(strategy, instrument, result.instruments().get(instrument).id(), n, maker, qty,
                captureQty > 0 ? capture / captureQty : Double.NaN, horizons, markout, qt);
    }

    private QuoteTime quoteTime(String strategy, int i) {
        long from = tape.firstTs(i);
        long to = tape.lastTs(i);
        String symbol = result.instruments().get(i).id();
        if (from == Long.MIN_VALUE || to <= from) {
            return new QuoteTime(strategy, i, symbol, 0, Double.NaN, Double.NaN, Double.NaN);
        }
        Instrument inst = result.instruments().get(i);
        List<long[]> bid = new ArrayList<>();
        List<long[]> ask = new ArrayList<>();
        for (OrderRecord o : result.orderRecords()) {
            Order order = o.order();
            if (!o.strategyId().equals(strategy) || o.instrument() != i || o.exchArrivalTs() == OrderRecord.NEVER
                    || order.type() != OrderType.LIMIT) {
                continue;
            }
            long start = Math.max(from, o.exchArrivalTs());
            long end = Math.min(to, o.exchEndTs() == OrderRecord.NEVER ? to : o.exchEndTs());
            if (end <= start) {
                continue;
            }
            boolean isBuy = order.side() == Side.BUY;
            long p = inst.toTicks(order.price());
            atTouch(i, isBuy, p, start, end, isBuy ? bid : ask);
        }
        long[][] b = merge(bid);
        long[][] a = merge(ask);
        double window = to - from;
        return new QuoteTime(strategy, i, symbol, to - from, length(b) / window, length(a) / window,
                intersection(b, a) / window);
    }

    /** Appends the parts of {@code [start, end)} where an order at {@code p} is at or better than the market touch. */
    private void atTouch(int i, boolean isBuy, long p, long start, long end, List<long[]> out) {
        int k = tape.indexAtOrBefore(i, start);
        long t = start;
        while (t < end) {
            long next = k + 1 < tape.size(i) ? Math.min(end, tape.ts(i, k + 1)) : end;
            boolean at;
            if (k < 0) {
                at = true;   // no market touch yet: the order is the touch
            } else if (isBuy) {
                long best = tape.bidTicks(i, k);
                at = best == OrderBook.NO_BID || p >= best;
            } else {
                long best = tape.askTicks(i, k);
                at = best == OrderBook.NO_ASK || p <= best;
            }
            if (at && next > t) {
                out.add(new long[]{t, next});
            }
            t = next;
            k++;
        }
    }

    private static long[][] merge(List<long[]> intervals) {
        intervals.sort(Comparator.comparingLong(x -> x[0]));
        List<long[]> out = new ArrayList<>();
        for (long[] x : intervals) {
            if (!out.isEmpty() && x[0] <= out.get(out.size() - 1)[1]) {
                long[] last = out.get(out.size() - 1);
                last[1] = Math.max(last[1], x[1]);
            } else {
                out.add(new long[]{x[0], x[1]});
            }
        }
        return out.toArray(new long[0][]);
    }

    private static double length(long[][] xs) {
        double sum = 0;
        for (long[] x : xs) {
            sum += x[1] - x[0];
        }
        return sum;
    }

    private static double intersection(long[][] a, long[][] b) {
        double sum = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            long lo = Math.max(a[i][0], b[j][0]);
            long hi = Math.min(a[i][1], b[j][1]);
            if (hi > lo) {
                sum += hi - lo;
            }
            if (a[i][1] < b[j][1]) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }

    private InventoryHistogram inventory(String strategy, int i) {
        long from = tape.firstTs(i);
        long to = tape.lastTs(i);
        String symbol = result.instruments().get(i).id();
        List<FillRecord> own = new ArrayList<>();
        for (FillRecord f : result.fillRecords()) {
            if (f.strategyId().equals(strategy) && f.instrument() == i) {
                own.add(f);
            }
        }
        own.sort(Comparator.comparingLong(FillRecord::localTs));
        TreeMap<Double, Double> time = new TreeMap<>();
        double position = 0;
        double area = 0;
        double maxAbs = 0;
        long t = from;
        for (FillRecord f : own) {
            long at = Math.min(Math.max(f.localTs(), from), to);
            if (at > t) {
                time.merge(position, (double) (at - t), Double::sum);
                area += position * (at - t);
                t = at;
            }
            position += f.side() == Side.BUY ? f.qty() : -f.qty();
            position = Math.rint(position * 1e9) / 1e9 + 0.0;   // no -0.0 key, no 1e-16 residue
            maxAbs = Math.max(maxAbs, Math.abs(position));
        }
        if (to > t) {
            time.merge(position, (double) (to - t), Double::sum);
            area += position * (to - t);
        }
        double window = to - from;
        List<InventoryBin> bins = new ArrayList<>();
        if (window <= 0) {
            return new InventoryHistogram(strategy, i, symbol, bins, Double.NaN, maxAbs);
        }
        if (time.size() <= MAX_EXACT_BINS) {
            time.forEach((pos, dt) -> bins.add(new InventoryBin(pos, pos, dt / window)));
        } else {
            double lo = time.firstKey();
            double hi = time.lastKey();
            double width = (hi - lo) / 20;
            double[] frac = new double[20];
            time.forEach((pos, dt) -> frac[Math.min(19, (int) ((pos - lo) / width))] += dt / window);
            for (int k = 0; k < 20; k++) {
                bins.add(new InventoryBin(lo + k * width, k == 19 ? hi : lo + (k + 1) * width, frac[k]));
            }
        }
        return new InventoryHistogram(strategy, i, symbol, bins, area / window, maxAbs);
    }

    /** One row per fill: the fill, mid, spread capture and one markout column (bps) per horizon. */
    public Table fillsTable() {
        Table t = Table.create("mm_fills", StringColumn.create("strategy"), StringColumn.create("symbol"),
                LongColumn.create("order_id"), StringColumn.create("side"), StringColumn.create("liquidity"),
                LongColumn.create("exch_ts"), DoubleColumn.create("price"), DoubleColumn.create("qty"),
                DoubleColumn.create("mid_at_fill"), DoubleColumn.create("spread_capture_bps"));
        for (long h : horizons) {
            t.addColumns(DoubleColumn.create("markout_" + label(h) + "_bps"));
        }
        for (FillMarkout f : fills) {
            t.stringColumn("strategy").append(f.strategyId());
            t.stringColumn("symbol").append(f.symbol());
            t.longColumn("order_id").append(f.orderId());
            t.stringColumn("side").append(f.side().name());
            t.stringColumn("liquidity").append(f.liquidity().name());
            t.longColumn("exch_ts").append(f.exchTs());
            t.doubleColumn("price").append(f.price());
            t.doubleColumn("qty").append(f.qty());
            t.doubleColumn("mid_at_fill").append(f.midAtFill());
            t.doubleColumn("spread_capture_bps").append(f.spreadCaptureBps());
            for (int k = 0; k < horizons.length; k++) {
                t.doubleColumn("markout_" + label(horizons[k]) + "_bps").append(f.markoutBps(k));
            }
        }
        return t;
    }

    /** One row per strategy and instrument: fills, quantity, spread capture, markouts (bps), quote time. */
    public Table summaryTable() {
        Table t = Table.create("mm_summary", StringColumn.create("strategy"), StringColumn.create("symbol"),
                IntColumn.create("fills"), IntColumn.create("maker_fills"), DoubleColumn.create("qty"),
                DoubleColumn.create("spread_capture_bps"));
        for (long h : horizons) {
            t.addColumns(DoubleColumn.create("markout_" + label(h) + "_bps"));
        }
        t.addColumns(DoubleColumn.create("bid_at_touch"), DoubleColumn.create("ask_at_touch"),
                DoubleColumn.create("both_at_touch"));
        for (MarketMakingSummary s : summaries) {
            t.stringColumn("strategy").append(s.strategyId());
            t.stringColumn("symbol").append(s.symbol());
            t.intColumn("fills").append(s.fills());
            t.intColumn("maker_fills").append(s.makerFills());
            t.doubleColumn("qty").append(s.qty());
            t.doubleColumn("spread_capture_bps").append(s.spreadCaptureBps());
            for (int k = 0; k < horizons.length; k++) {
                t.doubleColumn("markout_" + label(horizons[k]) + "_bps").append(s.markoutBps(k));
            }
            t.doubleColumn("bid_at_touch").append(s.quoteTime().bidAtTouch());
            t.doubleColumn("ask_at_touch").append(s.quoteTime().askAtTouch());
            t.doubleColumn("both_at_touch").append(s.quoteTime().bothAtTouch());
        }
        return t;
    }

    /** One row per strategy, instrument and inventory bin. */
    public Table inventoryTable() {
        Table t = Table.create("mm_inventory", StringColumn.create("strategy"), StringColumn.create("symbol"),
                DoubleColumn.create("position_from"), DoubleColumn.create("position_to"),
                DoubleColumn.create("time_fraction"));
        for (InventoryHistogram h : inventories) {
            for (InventoryBin b : h.bins()) {
                t.stringColumn("strategy").append(h.strategyId());
                t.stringColumn("symbol").append(h.symbol());
                t.doubleColumn("position_from").append(b.lower());
                t.doubleColumn("position_to").append(b.upper());
                t.doubleColumn("time_fraction").append(b.timeFraction());
            }
        }
        return t;
    }

    @Override
    public String toString() {
        return "MarketMakingDiagnostics[fills=" + fills.size() + ", horizonsNanos=" + Arrays.toString(horizons)
                + ", pairs=" + summaries.size() + "]";
    }
}
