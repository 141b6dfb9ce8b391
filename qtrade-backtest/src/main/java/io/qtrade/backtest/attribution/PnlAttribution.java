package io.qtrade.backtest.attribution;

import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.FillRecord;
import io.qtrade.core.time.Timestamps;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * PnL of a backtest attributed to strategy, instrument and UTC hour of the day, with fees and rebates apart.
 *
 * <pre>{@code
 * gross_t         = realized_pnl_t + unrealized_pnl_t        (equity table, per strategy and instrument, at marks)
 * trading[h]      = sum over marks t with hour(t) = h of (gross_t - gross_{previous mark}),  gross before the first = 0
 * feesPaid[h]     = sum of fee > 0 over fills with hour(localTs) = h
 * rebates[h]      = sum of -fee over fills with fee < 0 and hour(localTs) = h
 * funding[h]      = sum of funding paid at funding times with hour(fundingTime) = h   (perpetuals; negative: received)
 * net[h]          = trading[h] - feesPaid[h] + rebates[h] - funding[h]
 * hour(t)         = floor((t mod 1 day) / 1 hour), UTC
 * }</pre>
 *
 * Summed over the hours, trading PnL telescopes to the last mark's realized plus unrealized PnL, which is the totals
 * table's; fees paid minus rebates are the totals' fees (the same fills). So every sum reconciles with
 * {@link BacktestResult#totals()} to floating-point rounding (a few ulps of the largest running value), and
 * {@code PnlAttributionTest} checks it.
 *
 * <p>Time resolution: trading PnL is known at the equity marks (the backtest's {@code markIntervalNanos}, 1 s by
 * default, and the final mark); the PnL accrued between two marks goes to the later mark's hour. Fees are exact per
 * fill (the strategy's time of the fill, when its portfolio books it).
 */
public final class PnlAttribution {

    /** The strategy or symbol of a bucket that sums over all of them. */
    public static final String ALL = BacktestResult.ALL_INSTRUMENTS;
    /** The hour of a bucket that sums over the whole day. */
    public static final int ALL_HOURS = -1;
    /** Hours in a day: the hour buckets are 0..23 UTC. */
    public static final int HOURS = 24;

    private final List<PnlBucket> buckets;

    private PnlAttribution(List<PnlBucket> buckets) {
        this.buckets = Collections.unmodifiableList(buckets);
    }

    /**
     * Attributes a backtest's PnL.
     *
     * @throws IllegalArgumentException if the equity table lacks a needed column
     */
    public static PnlAttribution of(BacktestResult result) {
        Objects.requireNonNull(result, "pnl attribution: result");
        requireFillRecords(result, "pnl attribution");
        Table equity = result.equity();
        for (String column : new String[] {"ts", "strategy", "symbol", "realized_pnl", "unrealized_pnl"}) {
            if (!equity.columnNames().contains(column)) {
                throw new IllegalArgumentException("pnl attribution: the equity table has no column '" + column
                        + "'; columns: " + equity.columnNames());
            }
        }
        LongColumn ts = equity.longColumn("ts");
        StringColumn strategy = equity.stringColumn("strategy");
        StringColumn symbol = equity.stringColumn("symbol");
        DoubleColumn realized = equity.doubleColumn("realized_pnl");
        DoubleColumn unrealized = equity.doubleColumn("unrealized_pnl");
        // key -> [24 trading, 24 fees paid, 24 rebates, last gross, 24 funding]
        Map<String, double[]> acc = new LinkedHashMap<>();
        Map<String, String[]> names = new LinkedHashMap<>();
        for (String s : result.strategyIds()) {
            for (var inst : result.instruments()) {
                String key = s + '\u0000' + inst.id();
                acc.put(key, new double[4 * HOURS + 1]);
                names.put(key, new String[] {s, inst.id()});
            }
        }
        for (int r = 0; r < equity.rowCount(); r++) {
            double[] a = cell(acc, strategy.get(r), symbol.get(r), "equity row " + r);
            double gross = realized.getDouble(r) + unrealized.getDouble(r);
            a[hourOf(ts.getLong(r))] += gross - a[3 * HOURS];
            a[3 * HOURS] = gross;
        }
        for (FillRecord f : result.fillRecords()) {
            double[] a = cell(acc, f.strategyId(), f.symbol(), "fill of order " + f.orderId());
            int h = hourOf(f.localTs());
            if (f.fee() > 0.0) {
                a[HOURS + h] += f.fee();
            } else if (f.fee() < 0.0) {
                a[2 * HOURS + h] -= f.fee();
            }
        }
        for (io.qtrade.backtest.margin.FundingRecord f : result.fundingRecords()) {
            double[] a = cell(acc, result.strategyIds().get(f.strategy()), result.instruments().get(f.instrument()).id(),
                    "funding at " + f.fundingTime());
            a[3 * HOURS + 1 + hourOf(f.fundingTime())] += f.paid();
        }
        List<PnlBucket> out = new ArrayList<>();
        for (Map.Entry<String, double[]> e : acc.entrySet()) {
            double[] a = e.getValue();
            String[] n = names.get(e.getKey());
            for (int h = 0; h < HOURS; h++) {
                double funding = a[3 * HOURS + 1 + h];
                out.add(new PnlBucket(n[0], n[1], h, a[h], a[HOURS + h], a[2 * HOURS + h], funding,
                        a[h] - a[HOURS + h] + a[2 * HOURS + h] - funding));
            }
        }
        return new PnlAttribution(out);
    }

    /**
     * Refuses a result that counted fills in its totals but kept no fill records (a run with a bounded-memory order
     * history): fees and rebates per hour cannot be told apart without them, and leaving them out would not
     * reconcile.
     *
     * @throws IllegalArgumentException naming the count of fills the totals report
     */
    public static void requireFillRecords(BacktestResult result, String what) {
        long counted = 0;
        Table totals = result.totals();
        for (int r = 0; r < totals.rowCount(); r++) {
            if (totals.stringColumn("symbol").get(r).equals(BacktestResult.ALL_INSTRUMENTS)) {
                counted += ((Number) totals.column("fills").get(r)).longValue();
            }
        }
        if (counted != result.fillRecords().size()) {
            throw new IllegalArgumentException(what + ": the totals count " + counted + " fills but the result kept "
                    + result.fillRecords().size() + " fill records; run the backtest with its full order history "
                    + "(every order and fill kept) to attribute fees and measure executions");
        }
    }

    private static double[] cell(Map<String, double[]> acc, String strategy, String symbol, String where) {
        double[] a = acc.get(strategy + '\u0000' + symbol);
        if (a == null) {
            throw new IllegalArgumentException("pnl attribution: " + where + " names strategy '" + strategy
                    + "' and symbol '" + symbol + "', which the result does not list");
        }
        return a;
    }

    /** The UTC hour of the day of an epoch-nanosecond time, 0..23. */
    public static int hourOf(long epochNanos) {
        return (int) (Math.floorMod(epochNanos, Timestamps.NANOS_PER_DAY) / Timestamps.NANOS_PER_HOUR);
    }

    /** Every strategy x instrument x hour bucket (24 per pair, empty hours included), strategies then instruments. */
    public List<PnlBucket> buckets() {
        return buckets;
    }

    /** One bucket per strategy: all instruments, all hours. */
    public List<PnlBucket> byStrategy() {
        return group(true, false, false);
    }

    /** One bucket per instrument: all strategies, all hours. */
    public List<PnlBucket> byInstrument() {
        return group(false, true, false);
    }

    /** One bucket per strategy and instrument, all hours: the attribution's counterpart of the totals rows. */
    public List<PnlBucket> byStrategyAndInstrument() {
        return group(true, true, false);
    }

    /** 24 buckets, one per UTC hour: all strategies and instruments. */
    public List<PnlBucket> byHour() {
        return group(false, false, true);
    }

    /** Everything: one bucket, all strategies, instruments and hours. */
    public PnlBucket total() {
        return group(false, false, false).get(0);
    }

    private List<PnlBucket> group(boolean byStrategy, boolean bySymbol, boolean byHour) {
        Map<String, double[]> acc = new LinkedHashMap<>();
        Map<String, PnlBucket> keys = new LinkedHashMap<>();
        if (byHour) {
            for (int h = 0; h < HOURS; h++) {
                String key = ALL + '\u0000' + ALL + '\u0000' + h;
                acc.put(key, new double[4]);
                keys.put(key, new PnlBucket(ALL, ALL, h, 0, 0, 0, 0));
            }
        }
        for (PnlBucket b : buckets) {
            String s = byStrategy ? b.strategyId() : ALL;
            String y = bySymbol ? b.symbol() : ALL;
            int h = byHour ? b.hourUtc() : ALL_HOURS;
            String key = s + '\u0000' + y + '\u0000' + h;
            keys.putIfAbsent(key, new PnlBucket(s, y, h, 0, 0, 0, 0));
            double[] a = acc.computeIfAbsent(key, k -> new double[4]);
            a[0] += b.tradingPnl();
            a[1] += b.feesPaid();
            a[2] += b.rebates();
            a[3] += b.fundingPaid();
        }
        List<PnlBucket> out = new ArrayList<>();
        for (Map.Entry<String, PnlBucket> e : keys.entrySet()) {
            double[] a = acc.get(e.getKey());
            PnlBucket k = e.getValue();
            out.add(new PnlBucket(k.strategyId(), k.symbol(), k.hourUtc(), a[0], a[1], a[2], a[3],
                    a[0] - a[1] + a[2] - a[3]));
        }
        if (out.isEmpty()) {
            out.add(new PnlBucket(ALL, ALL, ALL_HOURS, 0, 0, 0, 0));
        }
        return out;
    }

    /** Buckets as a Tablesaw table {@code pnl_attribution}: strategy, symbol, hour_utc and the four amounts. */
    public static Table table(List<PnlBucket> rows) {
        Table t = Table.create("pnl_attribution", StringColumn.create("strategy"), StringColumn.create("symbol"),
                IntColumn.create("hour_utc"), DoubleColumn.create("trading_pnl"), DoubleColumn.create("fees_paid"),
                DoubleColumn.create("rebates"), DoubleColumn.create("funding_paid"), DoubleColumn.create("net_pnl"));
        for (PnlBucket b : rows) {
            t.stringColumn(0).append(b.strategyId());
            t.stringColumn(1).append(b.symbol());
            t.intColumn(2).append(b.hourUtc());
            t.doubleColumn(3).append(b.tradingPnl());
            t.doubleColumn(4).append(b.feesPaid());
            t.doubleColumn(5).append(b.rebates());
            t.doubleColumn(6).append(b.fundingPaid());
            t.doubleColumn(7).append(b.netPnl());
        }
        return t;
    }

    /** {@link #buckets()} as a table. */
    public Table table() {
        return table(buckets);
    }

    @Override
    public String toString() {
        PnlBucket t = total();
        return "PnlAttribution[buckets=" + buckets.size() + ", trading=" + t.tradingPnl() + ", feesPaid="
                + t.feesPaid() + ", rebates=" + t.rebates() + ", net=" + t.netPnl() + "]";
    }
}
