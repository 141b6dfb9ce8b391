package io.qtrade.backtest;

import io.qtrade.core.Instrument;
import io.qtrade.core.order.Liquidity;
import io.qtrade.core.order.Order;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.core.portfolio.Position;
import io.qtrade.backtest.margin.FundingRecord;
import io.qtrade.core.margin.Liquidation;
import io.qtrade.core.margin.MarginAccount;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a backtest produced: every order and fill, an equity/PnL series per strategy and instrument, totals, and each
 * strategy's final {@link Portfolio}; the four as Tablesaw tables ({@link #orders()}, {@link #fills()},
 * {@link #equity()}, {@link #totals()}), written to CSV by {@link #writeCsv(Path)} and, with the optional
 * {@code qtrade-backtest-parquet} module, to Parquet by its {@code ResultParquetWriter}.
 *
 * <p>{@link #tables()} lists the tables in a fixed order under their file names, which is all a columnar writer
 * needs: a Parquet export iterates it exactly as {@link #writeCsv} does. Timestamps are epoch nanoseconds in
 * {@code long} columns, prices and quantities {@code double}, NaN (an empty CSV cell) where a value does not apply.
 *
 * <p>The tables are built on first use (the same table object on every later call): {@link #orders()},
 * {@link #fills()} and {@link #equity()} from the run's records, {@link #totals()} from the figures taken when the
 * run ended (the portfolios may still change afterwards; the totals do not). A run whose tables are never read never
 * pays for them.
 *
 * <p>Equity identity per strategy, exact in real arithmetic (core {@link Portfolio}):
 * {@code equity - initialCash = realizedPnl + unrealizedPnl - fees - funding}.
 *
 * <p>With instruments on margin ({@code Backtest.Builder.margin}) the equity and totals tables carry the funding paid
 * ({@code funding}, negative: received), the fills table flags the liquidation engine's fills ({@code liquidation}),
 * and two more tables list every funding settlement ({@link #funding()}) and liquidation ({@link #liquidations()});
 * {@link #marginAccount} gives each strategy's final {@link MarginAccount} per settlement asset.
 */
public final class BacktestResult {

    /** The {@code instrument} value of a strategy's all-instrument row in {@link #totals()}. */
    public static final String ALL_INSTRUMENTS = "*";

    private final List<String> strategyIds;
    private final List<Instrument> instruments;
    private final Map<String, Portfolio> portfolios = new LinkedHashMap<>();
    private final List<OrderRecord> orders = new ArrayList<>();
    private final List<FillRecord> fills;
    private final OrderHistory orderHistory;
    /** Per strategy (row) and instrument (column): orders sent, maker fills, taker fills. */
    private final int[][] ordersSent;
    private final int[][] makerFills;
    private final int[][] takerFills;
    private final long events;
    private final long lateLocalEvents;
    private final long wallNanos;
    private final EquitySeries equity;
    /** Perpetuals and margin: empty unless the run held instruments on margin. */
    private final List<FundingRecord> fundingRecords = new ArrayList<>();
    private final List<String> liquidationStrategies = new ArrayList<>();
    private final List<Liquidation> liquidationRecords = new ArrayList<>();
    private final List<String> deliveryStrategies = new ArrayList<>();
    private final List<io.qtrade.core.margin.Delivery> deliveryRecords = new ArrayList<>();
    private final Map<String, Map<String, MarginAccount>> marginAccounts = new LinkedHashMap<>();
    // Built on first use from the run's records (a sweep that reads only portfolios and counts never pays for
    // them); guarded by this.
    private Table ordersTable;
    private Table fillsTable;
    private Table equityTable;
    /** The totals' cells, taken when the run ended; the table is built from them on first use. */
    private final Totals totals;
    private Table totalsTable;

    BacktestResult(Backtest config, StrategySlot[] slots, List<FillRecord> fills, EquitySeries equity, long events,
                   long lateLocalEvents, long wallNanos) {
        this(config.strategyIds, config.instruments, config.orderHistory, portfoliosOf(slots), ordersOf(slots),
                countsOf(slots, 0), countsOf(slots, 1), countsOf(slots, 2), fills, equity, events, lateLocalEvents,
                wallNanos);
        for (StrategySlot s : slots) {
            if (s.ledger != null) {
                fundingRecords.addAll(s.ledger.fundingRecords());
                for (Liquidation l : s.ledger.liquidations()) {
                    liquidationStrategies.add(s.id);
                    liquidationRecords.add(l);
                }
                for (io.qtrade.core.margin.Delivery d : s.ledger.deliveries()) {
                    deliveryStrategies.add(s.id);
                    deliveryRecords.add(d);
                }
                marginAccounts.put(s.id, s.ledger.accounts());
            }
        }
    }

    /** Whether the run held instruments on margin (so the funding and liquidations tables exist). */
    public boolean hasMargin() {
        return !marginAccounts.isEmpty();
    }

    /**
     * Strategy {@code strategyId}'s margin account in {@code settlementAsset} as the run left it.
     *
     * @throws IllegalArgumentException if the strategy held nothing on margin in that asset
     */
    public MarginAccount marginAccount(String strategyId, String settlementAsset) {
        Map<String, MarginAccount> m = marginAccounts.get(strategyId);
        MarginAccount a = m == null ? null : m.get(settlementAsset);
        if (a == null) {
            throw new IllegalArgumentException("backtest result: strategy '" + strategyId + "' has no margin account in "
                    + settlementAsset + "; accounts: " + marginAccounts);
        }
        return a;
    }

    /** Every funding settlement, per strategy in time order. */
    public List<FundingRecord> fundingRecords() {
        return Collections.unmodifiableList(fundingRecords);
    }

    /** Every liquidation, per strategy in time order. */
    public List<Liquidation> liquidationRecords() {
        return Collections.unmodifiableList(liquidationRecords);
    }

    /**
     * The funding settlements as table {@code funding}: strategy, symbol, funding_ts, position, mark_price, rate,
     * paid (settlement asset; negative: received), income ({@code -paid}, Binance's FUNDING_FEE sign).
     */
    public Table funding() {
        int n = fundingRecords.size();
        Table t = Table.create("funding", StringColumn.create("strategy"), StringColumn.create("symbol"),
                LongColumn.create("funding_ts"), DoubleColumn.create("position"), DoubleColumn.create("mark_price"),
                DoubleColumn.create("rate"), DoubleColumn.create("paid"), DoubleColumn.create("income"));
        for (int r = 0; r < n; r++) {
            FundingRecord f = fundingRecords.get(r);
            t.stringColumn(0).append(strategyIds.get(f.strategy()));
            t.stringColumn(1).append(instruments.get(f.instrument()).id());
            t.longColumn(2).append(f.fundingTime());
            t.doubleColumn(3).append(f.qty());
            t.doubleColumn(4).append(f.markPrice());
            t.doubleColumn(5).append(f.rate());
            t.doubleColumn(6).append(f.paid());
            t.doubleColumn(7).append(-f.paid());
        }
        return forPeople(t);
    }

    /**
     * The liquidations as table {@code liquidations}: strategy, symbol, exch_ts, mode, side (of the closing fill), qty,
     * entry_price, price (the mark it closed at), liquidation_price, margin_balance, maintenance_margin, realized_pnl,
     * clearance_fee and insurance_fund_cover (settlement asset).
     */
    public Table liquidations() {
        Table t = Table.create("liquidations", StringColumn.create("strategy"), StringColumn.create("symbol"),
                LongColumn.create("exch_ts"), StringColumn.create("mode"), StringColumn.create("side"),
                DoubleColumn.create("qty"), DoubleColumn.create("entry_price"), DoubleColumn.create("price"),
                DoubleColumn.create("liquidation_price"), DoubleColumn.create("margin_balance"),
                DoubleColumn.create("maintenance_margin"), DoubleColumn.create("realized_pnl"),
                DoubleColumn.create("clearance_fee"), DoubleColumn.create("insurance_fund_cover"));
        for (int r = 0; r < liquidationRecords.size(); r++) {
            Liquidation l = liquidationRecords.get(r);
            t.stringColumn(0).append(liquidationStrategies.get(r));
            t.stringColumn(1).append(l.instrument().id());
            t.longColumn(2).append(l.exchTs());
            t.stringColumn(3).append(l.mode().name());
            t.stringColumn(4).append(l.side().name());
            t.doubleColumn(5).append(l.qty());
            t.doubleColumn(6).append(l.entryPrice());
            t.doubleColumn(7).append(l.price());
            t.doubleColumn(8).append(l.liquidationPrice());
            t.doubleColumn(9).append(l.marginBalance());
            t.doubleColumn(10).append(l.maintenanceMargin());
            t.doubleColumn(11).append(l.realizedPnl());
            t.doubleColumn(12).append(l.clearanceFee());
            t.doubleColumn(13).append(l.insuranceFundCover());
        }
        return forPeople(t);
    }

    /** Every delivery of a dated future at its expiry, per strategy in time order. */
    public List<io.qtrade.core.margin.Delivery> deliveryRecords() {
        return Collections.unmodifiableList(deliveryRecords);
    }

    /**
     * The deliveries of dated futures as table {@code deliveries}, the delivery's own cash flow line: strategy, symbol,
     * expiry_ts, mode, position (signed contracts delivered), entry_price, delivery_price, realized_pnl and
     * released_margin (settlement asset). A delivery is not a fill: it is not in {@link #fills()}; the portfolio books
     * it as a fee-free close at the delivery price.
     */
    public Table deliveries() {
        Table t = Table.create("deliveries", StringColumn.create("strategy"), StringColumn.create("symbol"),
                LongColumn.create("expiry_ts"), StringColumn.create("mode"), DoubleColumn.create("position"),
                DoubleColumn.create("entry_price"), DoubleColumn.create("delivery_price"),
                DoubleColumn.create("realized_pnl"), DoubleColumn.create("released_margin"));
        for (int r = 0; r < deliveryRecords.size(); r++) {
            io.qtrade.core.margin.Delivery d = deliveryRecords.get(r);
            t.stringColumn(0).append(deliveryStrategies.get(r));
            t.stringColumn(1).append(d.instrument().id());
            t.longColumn(2).append(d.exchTs());
            t.stringColumn(3).append(d.mode().name());
            t.doubleColumn(4).append(d.qty());
            t.doubleColumn(5).append(d.entryPrice());
            t.doubleColumn(6).append(d.deliveryPrice());
            t.doubleColumn(7).append(d.realizedPnl());
            t.doubleColumn(8).append(d.releasedMargin());
        }
        return forPeople(t);
    }

    /** What another engine (the bar engine, through {@link ResultRecorder}) recorded. */
    BacktestResult(List<String> strategyIds, List<Instrument> instruments, OrderHistory orderHistory,
                   Map<String, Portfolio> portfolios, List<OrderRecord> orders, int[][] ordersSent,
                   int[][] makerFills, int[][] takerFills, List<FillRecord> fills, EquitySeries equity, long events,
                   long lateLocalEvents, long wallNanos) {
        this.strategyIds = strategyIds;
        this.instruments = instruments;
        this.orderHistory = orderHistory;
        this.portfolios.putAll(portfolios);
        this.orders.addAll(orders);
        this.ordersSent = ordersSent;
        this.makerFills = makerFills;
        this.takerFills = takerFills;
        this.fills = Collections.unmodifiableList(new ArrayList<>(fills));
        this.events = events;
        this.lateLocalEvents = lateLocalEvents;
        this.wallNanos = wallNanos;
        this.equity = equity;
        // Totals read the portfolios, which the caller can still mark: taken now, as the run left them.
        this.totals = totalsNow();
    }

    private static Map<String, Portfolio> portfoliosOf(StrategySlot[] slots) {
        Map<String, Portfolio> out = new LinkedHashMap<>();
        for (StrategySlot s : slots) {
            out.put(s.id, s.portfolio);
        }
        return out;
    }

    private static List<OrderRecord> ordersOf(StrategySlot[] slots) {
        List<OrderRecord> out = new ArrayList<>();
        for (StrategySlot s : slots) {
            out.addAll(s.orders);
        }
        return out;
    }

    /** Per slot: 0 orders sent, 1 maker fills, 2 taker fills. */
    private static int[][] countsOf(StrategySlot[] slots, int which) {
        int[][] out = new int[slots.length][];
        for (StrategySlot s : slots) {
            out[s.index] = (which == 0 ? s.ordersSent : which == 1 ? s.makerFills : s.takerFills).clone();
        }
        return out;
    }

    /** The strategy ids, in the order they were added. */
    public List<String> strategyIds() {
        return strategyIds;
    }

    /** The instruments, by index. */
    public List<Instrument> instruments() {
        return instruments;
    }

    /**
     * A strategy's final portfolio.
     *
     * @throws IllegalArgumentException for an unknown id
     */
    public Portfolio portfolio(String strategyId) {
        Portfolio p = portfolios.get(strategyId);
        if (p == null) {
            throw new IllegalArgumentException("no strategy '" + strategyId + "' in this result; strategies: "
                    + strategyIds);
        }
        return p;
    }

    /** What the run kept of its order flow: every order and fill, or (bounded memory) totals only. */
    public OrderHistory orderHistory() {
        return orderHistory;
    }

    /** Orders sent by all strategies (counted under either {@link OrderHistory}). */
    public long orderCount() {
        long n = 0;
        for (int[] row : ordersSent) {
            for (int c : row) {
                n += c;
            }
        }
        return n;
    }

    /** Fills received by all strategies (counted under either {@link OrderHistory}). */
    public long fillCount() {
        long n = 0;
        for (int s = 0; s < makerFills.length; s++) {
            for (int i = 0; i < makerFills[s].length; i++) {
                n += makerFills[s][i] + takerFills[s][i];
            }
        }
        return n;
    }

    /** Every order, by strategy then send order; empty under {@link OrderHistory#OPEN_ONLY}. */
    public List<OrderRecord> orderRecords() {
        return Collections.unmodifiableList(orders);
    }

    /** Every fill, in the order the strategies received them; empty under {@link OrderHistory#OPEN_ONLY}. */
    public List<FillRecord> fillRecords() {
        return fills;
    }

    /** Market events the venue side processed. */
    public long events() {
        return events;
    }

    /**
     * Events whose {@code localTs} was earlier than the strategy clock when they were delivered (a feed whose
     * {@code localTs} goes back across instruments); they were shown at the clock's time. 0 for a well-ordered feed.
     */
    public long lateLocalEvents() {
        return lateLocalEvents;
    }

    /** Wall-clock time of the run, nanoseconds (not part of the deterministic results). */
    public long wallNanos() {
        return wallNanos;
    }

    /** {@code events / wall seconds}. */
    public double eventsPerSecond() {
        return wallNanos == 0 ? Double.NaN : events * 1e9 / wallNanos;
    }

    /**
     * Orders: {@code strategy, order_id, symbol, side, type, time_in_force, price, qty, status, filled_qty,
     * avg_fill_price, fees, send_ts, exch_arrival_ts, entry_latency_ns, arrival_mid, qty_ahead_at_entry, reason} ({@code reason}: the reject reason of a REJECTED order, the venue's reason of a
     * CANCELED one it cancelled by itself, e.g. {@code LIQUIDATION: ...}; empty otherwise).
     */
    public synchronized Table orders() {
        if (ordersTable == null) {
            ordersTable = forPeople(ordersTable());
        }
        return ordersTable;
    }

    /**
     * Fills: {@code strategy, order_id, symbol, side, price, qty, fee, liquidity, exch_ts, local_ts, arrival_mid,
     * qty_ahead_at_entry, entry_latency_ns, response_latency_ns}.
     */
    public synchronized Table fills() {
        if (fillsTable == null) {
            fillsTable = forPeople(fillsTable());
        }
        return fillsTable;
    }

    /**
     * Equity/PnL series, one row per strategy and instrument at each mark: {@code ts, strategy, symbol, position,
     * mark_price, realized_pnl, unrealized_pnl, fees, net_pnl} (the instrument's) and {@code strategy_equity,
     * strategy_net_pnl} (the strategy's, over all instruments).
     */
    public synchronized Table equity() {
        if (equityTable == null) {
            equityTable = forPeople(equityTable(equity));
        }
        return equityTable;
    }

    /**
     * Totals per strategy and instrument, plus one {@link #ALL_INSTRUMENTS} row per strategy: {@code strategy,
     * symbol, orders, fills, maker_fills, taker_fills, traded_qty, traded_notional, fees, realized_pnl,
     * unrealized_pnl, net_pnl, final_position}.
     */
    public synchronized Table totals() {
        if (totalsTable == null) {
            totalsTable = forPeople(totals.table());
        }
        return totalsTable;
    }

    /** The four tables under their file base names, in a fixed order: orders, fills, equity, totals. */
    public Map<String, Table> tables() {
        Map<String, Table> out = new LinkedHashMap<>();
        out.put("orders", orders());
        out.put("fills", fills());
        out.put("equity", equity());
        out.put("totals", totals());
        if (hasMargin()) {
            out.put("funding", funding());
            out.put("liquidations", liquidations());
            out.put("deliveries", deliveries());
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Writes {@code orders.csv}, {@code fills.csv}, {@code equity.csv} and {@code totals.csv} (Tablesaw's CSV writer,
     * header row, comma separated) into {@code directory}, creating it.
     *
     * @return the files written, in {@link #tables()} order
     * @throws UncheckedIOException naming the file that could not be written
     */
    public List<Path> writeCsv(Path directory) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create result directory " + directory, e);
        }
        for (Map.Entry<String, Table> t : tables().entrySet()) {
            Path file = directory.resolve(t.getKey() + ".csv");
            try {
                t.getValue().write().csv(file.toFile());
            } catch (RuntimeException e) {
                throw new UncheckedIOException("cannot write backtest table '" + t.getKey() + "' to " + file,
                        new IOException(e));
            }
            written.add(file);
        }
        return written;
    }

    /**
     * Sets each double column's print format to at most 8 decimals with thousands separators ({@code -0.14}, not
     * {@code -0.14000000000001478}) for {@code print()}; the values and the CSV/Parquet exports keep every digit.
     */
    private static Table forPeople(Table t) {
        for (tech.tablesaw.columns.Column<?> c : t.columns()) {
            if (c instanceof DoubleColumn d) {
                d.setPrintFormatter(new tech.tablesaw.columns.numbers.NumberColumnFormatter(
                        new java.text.DecimalFormat("#,##0.########",
                                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)), "NaN"));
            }
        }
        return t;
    }

    private Table ordersTable() {
        int n = orders.size();
        String[] strategy = new String[n];
        long[] id = new long[n];
        String[] symbol = new String[n];
        String[] side = new String[n];
        String[] type = new String[n];
        String[] tif = new String[n];
        double[] price = new double[n];
        double[] qty = new double[n];
        String[] status = new String[n];
        double[] filled = new double[n];
        double[] avg = new double[n];
        double[] fee = new double[n];
        long[] send = new long[n];
        long[] arrival = new long[n];
        long[] entry = new long[n];
        double[] mid = new double[n];
        double[] ahead = new double[n];
        String[] reason = new String[n];
        for (int r = 0; r < n; r++) {
            OrderRecord o = orders.get(r);
            Order order = o.order();
            strategy[r] = o.strategyId();
            id[r] = order.orderId();
            symbol[r] = order.instrument().id();
            side[r] = order.side().name();
            type[r] = o.typeName();
            tif[r] = order.timeInForce().name();
            price[r] = order.price();
            qty[r] = order.qty();
            status[r] = order.status().name();
            filled[r] = order.filledQty();
            avg[r] = order.avgFillPrice();
            fee[r] = order.fees();
            send[r] = o.sendTs();
            arrival[r] = o.exchArrivalTs();
            entry[r] = o.entryLatencyNanos();
            mid[r] = o.arrivalMid();
            ahead[r] = o.qtyAheadAtEntry();
            reason[r] = order.status() == io.qtrade.core.order.OrderStatus.CANCELED ? order.cancelReason()
                    : order.rejectReason();
        }
        return Table.create("orders", StringColumn.create("strategy", strategy), LongColumn.create("order_id", id),
                StringColumn.create("symbol", symbol), StringColumn.create("side", side),
                StringColumn.create("type", type), StringColumn.create("time_in_force", tif),
                DoubleColumn.create("price", price), DoubleColumn.create("qty", qty),
                StringColumn.create("status", status), DoubleColumn.create("filled_qty", filled),
                DoubleColumn.create("avg_fill_price", avg), DoubleColumn.create("fees", fee),
                LongColumn.create("send_ts", send), LongColumn.create("exch_arrival_ts", arrival),
                LongColumn.create("entry_latency_ns", entry), DoubleColumn.create("arrival_mid", mid),
                DoubleColumn.create("qty_ahead_at_entry", ahead), StringColumn.create("reason", reason));
    }

    private Table fillsTable() {
        int n = fills.size();
        String[] strategy = new String[n];
        long[] id = new long[n];
        String[] symbol = new String[n];
        String[] side = new String[n];
        double[] price = new double[n];
        double[] qty = new double[n];
        double[] fee = new double[n];
        String[] liquidity = new String[n];
        long[] exch = new long[n];
        long[] local = new long[n];
        double[] mid = new double[n];
        double[] ahead = new double[n];
        long[] entry = new long[n];
        long[] response = new long[n];
        boolean[] liquidation = new boolean[n];
        for (int r = 0; r < n; r++) {
            FillRecord f = fills.get(r);
            strategy[r] = f.strategyId();
            id[r] = f.orderId();
            symbol[r] = f.symbol();
            side[r] = f.side().name();
            price[r] = f.price();
            qty[r] = f.qty();
            fee[r] = f.fee();
            liquidity[r] = f.liquidity().name();
            exch[r] = f.exchTs();
            local[r] = f.localTs();
            mid[r] = f.arrivalMid();
            ahead[r] = f.qtyAheadAtEntry();
            entry[r] = f.entryLatencyNanos();
            response[r] = f.responseLatencyNanos();
            liquidation[r] = f.liquidation();
        }
        return Table.create("fills", StringColumn.create("strategy", strategy), LongColumn.create("order_id", id),
                StringColumn.create("symbol", symbol), StringColumn.create("side", side),
                DoubleColumn.create("price", price), DoubleColumn.create("qty", qty), DoubleColumn.create("fee", fee),
                StringColumn.create("liquidity", liquidity), LongColumn.create("exch_ts", exch),
                LongColumn.create("local_ts", local), DoubleColumn.create("arrival_mid", mid),
                DoubleColumn.create("qty_ahead_at_entry", ahead), LongColumn.create("entry_latency_ns", entry),
                LongColumn.create("response_latency_ns", response), BooleanColumn.create("liquidation", liquidation));
    }

    private Table equityTable(EquitySeries e) {
        int n = e.size;
        int[] strategyIndex = e.strategy();
        int[] instrumentIndex = e.instrument();
        double[] marks = e.markPrice();
        EquitySeries.Values values = e.values(marks);
        double[] realized = e.column(EquitySeries.Column.REALIZED_PNL);
        double[] unrealized = values.unrealizedPnl();
        double[] fees = e.column(EquitySeries.Column.FEES);
        double[] funding = e.column(EquitySeries.Column.FUNDING);
        String[] strategy = new String[n];
        String[] symbol = new String[n];
        double[] net = new double[n];
        for (int r = 0; r < n; r++) {
            strategy[r] = strategyIds.get(strategyIndex[r]);
            symbol[r] = instruments.get(instrumentIndex[r]).id();
            net[r] = realized[r] + unrealized[r] - fees[r] - funding[r];
        }
        return Table.create("equity", LongColumn.create("ts", e.ts()),
                StringColumn.create("strategy", strategy), StringColumn.create("symbol", symbol),
                DoubleColumn.create("position", e.column(EquitySeries.Column.POSITION)),
                DoubleColumn.create("mark_price", marks),
                DoubleColumn.create("realized_pnl", realized), DoubleColumn.create("unrealized_pnl", unrealized),
                DoubleColumn.create("fees", fees), DoubleColumn.create("funding", funding),
                DoubleColumn.create("net_pnl", net),
                DoubleColumn.create("strategy_equity", values.strategyEquity()),
                DoubleColumn.create("strategy_net_pnl", values.strategyNetPnl()));
    }

    /** The cells of the totals table, one array per column, row {@code s * (instruments + 1) + i}. */
    private record Totals(String[] strategy, String[] symbol, int[] orderCount, int[] fillCount, int[] makerCount,
                          int[] takerCount, double[] tradedQty, double[] notional, double[] fee, double[] realized,
                          double[] unrealized, double[] funding, double[] net, double[] position) {

        /** Built at most once per result ({@link #totals()} keeps it); Tablesaw copies the arrays. */
        Table table() {
            return Table.create("totals", StringColumn.create("strategy", strategy),
                    StringColumn.create("symbol", symbol), IntColumn.create("orders", orderCount),
                    IntColumn.create("fills", fillCount), IntColumn.create("maker_fills", makerCount),
                    IntColumn.create("taker_fills", takerCount), DoubleColumn.create("traded_qty", tradedQty),
                    DoubleColumn.create("traded_notional", notional), DoubleColumn.create("fees", fee),
                    DoubleColumn.create("realized_pnl", realized), DoubleColumn.create("unrealized_pnl", unrealized),
                    DoubleColumn.create("funding", funding), DoubleColumn.create("net_pnl", net),
                    DoubleColumn.create("final_position", position));
        }
    }

    private Totals totalsNow() {
        int rows = strategyIds.size() * (instruments.size() + 1);
        String[] strategy = new String[rows];
        String[] symbol = new String[rows];
        int[] orderCount = new int[rows];
        int[] fillCount = new int[rows];
        int[] makerCount = new int[rows];
        int[] takerCount = new int[rows];
        double[] tradedQty = new double[rows];
        double[] notional = new double[rows];
        double[] fee = new double[rows];
        double[] realized = new double[rows];
        double[] unrealized = new double[rows];
        double[] net = new double[rows];
        double[] funding = new double[rows];
        double[] position = new double[rows];
        int stride = instruments.size() + 1;
        for (int s = 0; s < strategyIds.size(); s++) {
            String sid = strategyIds.get(s);
            Portfolio p = portfolios.get(sid);
            for (int i = 0; i <= instruments.size(); i++) {
                int r = s * stride + i;
                strategy[r] = sid;
                if (i < instruments.size()) {
                    Instrument inst = instruments.get(i);
                    symbol[r] = inst.id();
                    Position pos = p.position(inst);
                    double mark = p.markPrice(inst);
                    tradedQty[r] = pos.tradedQty();
                    notional[r] = pos.tradedNotional();
                    fee[r] = pos.fees();
                    realized[r] = pos.realizedPnl();
                    unrealized[r] = Double.isNaN(mark) ? 0.0 : pos.unrealizedPnl(mark);
                    funding[r] = p.funding(inst);
                    net[r] = realized[r] + unrealized[r] - fee[r] - funding[r];
                    position[r] = pos.qty();
                } else {
                    symbol[r] = ALL_INSTRUMENTS;
                    fee[r] = p.fees();
                    realized[r] = p.realizedPnl();
                    unrealized[r] = p.unrealizedPnl();
                    funding[r] = p.funding();
                    net[r] = p.netPnl();
                    position[r] = Double.NaN;
                    for (int k = 0; k < instruments.size(); k++) {
                        tradedQty[r] += tradedQty[s * stride + k];
                        notional[r] += notional[s * stride + k];
                    }
                }
            }
        }
        for (int s = 0; s < strategyIds.size(); s++) {
            for (int i = 0; i < instruments.size(); i++) {
                for (int r : new int[] {s * stride + i, s * stride + instruments.size()}) {
                    orderCount[r] += ordersSent[s][i];
                    makerCount[r] += makerFills[s][i];
                    takerCount[r] += takerFills[s][i];
                    fillCount[r] += makerFills[s][i] + takerFills[s][i];
                }
            }
        }
        return new Totals(strategy, symbol, orderCount, fillCount, makerCount, takerCount, tradedQty, notional, fee,
                realized, unrealized, funding, net, position);
    }

    @Override
    public String toString() {
        return "BacktestResult[strategies=" + strategyIds + ", instruments=" + instruments.size() + ", events="
                + events + ", orderHistory=" + orderHistory + ", orders=" + orderCount() + ", fills=" + fillCount() + "]";
    }
}
