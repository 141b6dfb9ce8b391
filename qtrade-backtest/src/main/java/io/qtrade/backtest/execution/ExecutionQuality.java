package io.qtrade.backtest.execution;

import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.FillRecord;
import io.qtrade.backtest.OrderRecord;
import io.qtrade.backtest.attribution.PnlAttribution;
import io.qtrade.core.Instrument;
import io.qtrade.core.order.Order;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Execution quality of every order and fill of a backtest, against the market in a {@link MarketTape}.
 *
 * <p>With {@code s = +1} for a buy and {@code -1} for a sell, {@code m} the contract multiplier, {@code Q} the order
 * quantity, fills {@code (p_i, q_i, fee_i)}, {@code F = sum q_i}, {@code P = sum p_i q_i / F}:
 *
 * <pre>{@code
 * benchmarks    decision price Pd = mid(decision time)   (the arrival mid when the tape has no mid then)
 *               arrival mid   Pa  = venue mid when the order arrived
 *               interval      [arrival, last fill]:  VWAP of the market's trades, TWAP of the mid
 *               end mid       Pe  = mid(end of the order: last fill if complete, else cancel/expiry/end of run)
 * slippage(B)   = s (P - B) / B * 1e4                                          bps, positive = cost
 * implementation shortfall (Perold 1988): the paper portfolio trades Q at Pd, free; the real one
 *   IS = s m sum q_i (p_i - Pd)  +  sum fee_i  +  s m (Q - F) (Pe - Pd)
 *      =   delay   s m F (Pa - Pd)
 *        + trading s m sum q_i (p_i - Pa)
 *        + fees    sum fee_i
 *        + opportunity cost  s m (Q - F) (Pe - Pd)
 *   IS_bps = IS / (m Q Pd) * 1e4
 * per fill      vs arrival mid, vs the mid just before the fill (effective half spread), vs the VWAP from the
 *               parent's arrival to the fill, fee in bps of the fill's notional
 * }</pre>
 *
 * <p>References: A. F. Perold (1988), "The implementation shortfall: paper versus reality", <i>J. Portfolio
 * Management</i> 14(3), 4-9; W. H. Wagner and M. Edwards (1993), "Best execution", <i>Financial Analysts J.</i> 49(1),
 * 65-71 (the delay / trading / opportunity split); R. Kissell (2013), <i>The Science of Algorithmic Trading and
 * Portfolio Management</i>, ch. 3 (arrival, VWAP and TWAP benchmarks, bps sign convention).
 *
 * <p>Times: the decision time is the strategy's send time, read on the venue's clock (the tape is in {@code exchTs}),
 * so the delay cost includes the feed and order-entry latency. A cancelled or expired order's end is the strategy's
 * time of its last update (the response latency after the venue's); an order still open when the run ended ends at
 * its instrument's last tape time. Orders refused before the venue (risk gate) have no arrival: all of their
 * shortfall is opportunity cost.
 */
public final class ExecutionQuality {

    private final List<OrderExecution> orders;
    private final List<FillExecution> fills;
    private final List<ExecutionSummary> summaries;

    private ExecutionQuality(List<OrderExecution> orders, List<FillExecution> fills,
                             List<ExecutionSummary> summaries) {
        this.orders = Collections.unmodifiableList(orders);
        this.fills = Collections.unmodifiableList(fills);
        this.summaries = Collections.unmodifiableList(summaries);
    }

    /**
     * Measures every order and fill of a backtest.
     *
     * @param result the backtest's result (read through its public records)
     * @param tape   the market the backtest ran on, with the same instrument indices
     * @throws IllegalArgumentException if the tape's instruments are not the backtest's, or the result kept fewer
     *                                  order or fill records than its totals count
     */
    public static ExecutionQuality of(BacktestResult result, MarketTape tape) {
        Objects.requireNonNull(result, "execution quality: result");
        Objects.requireNonNull(tape, "execution quality: tape");
        PnlAttribution.requireFillRecords(result, "execution quality");
        long orders = 0;
        Table totals = result.totals();
        for (int r = 0; r < totals.rowCount(); r++) {
            if (totals.stringColumn("symbol").get(r).equals(BacktestResult.ALL_INSTRUMENTS)) {
                orders += ((Number) totals.column("orders").get(r)).longValue();
            }
        }
        if (orders != result.orderRecords().size()) {
            throw new IllegalArgumentException("execution quality: the totals count " + orders + " orders but the "
                    + "result kept " + result.orderRecords().size() + " order records; run the backtest with its "
                    + "full order history (every order and fill kept)");
        }
        if (!tape.instruments().equals(result.instruments())) {
            throw new IllegalArgumentException("execution quality: the tape's instruments " + ids(tape.instruments())
                    + " are not the backtest's " + ids(result.instruments()));
        }
        return of(parentOrders(result, tape), tape);
    }

    /** Measures hand-built (or filtered) parent orders. */
    public static ExecutionQuality of(List<ParentOrder> parents, MarketTape tape) {
        List<OrderExecution> orders = new ArrayList<>(parents.size());
        List<FillExecution> fills = new ArrayList<>();
        for (ParentOrder p : parents) {
            orders.add(measure(p, tape));
            fills.addAll(measureFills(p, tape));
        }
        return new ExecutionQuality(orders, fills, summarise(parents, orders));
    }

    /** The parent orders of a backtest: each {@link OrderRecord} with its {@link FillRecord}s. */
    public static List<ParentOrder> parentOrders(BacktestResult result, MarketTape tape) {
        Map<String, List<ParentOrder.ChildFill>> byOrder = new HashMap<>();
        for (FillRecord f : result.fillRecords()) {
            byOrder.computeIfAbsent(f.strategyId() + '\u0000' + f.orderId(), k -> new ArrayList<>())
                    .add(new ParentOrder.ChildFill(f.price(), f.qty(), f.fee(), f.liquidity(), f.exchTs()));
        }
        List<ParentOrder> out = new ArrayList<>(result.orderRecords().size());
        for (OrderRecord r : result.orderRecords()) {
            Order o = r.order();
            List<ParentOrder.ChildFill> fs = byOrder.getOrDefault(r.strategyId() + '\u0000' + o.orderId(), List.of());
            long end;
            if (!fs.isEmpty() && o.leavesQty() <= 1e-9 * o.instrument().lotSize()) {
                end = fs.get(fs.size() - 1).exchTs();
            } else if (o.status().isTerminal()) {
                end = o.lastUpdateTs();
            } else {
                end = Math.max(tape.lastTs(r.instrument()), o.lastUpdateTs());
            }
            long arrival = r.exchArrivalTs() == OrderRecord.NEVER ? ParentOrder.NEVER_ARRIVED : r.exchArrivalTs();
            out.add(new ParentOrder(r.strategyId(), o.orderId(), r.instrument(), o.instrument().id(), o.side(),
                    o.qty(), o.instrument().contractMultiplier(), r.sendTs(), arrival, r.arrivalMid(), end, fs));
        }
        return out;
    }

    /** Execution quality of one parent order (formulas in the class comment). */
    public static OrderExecution measure(ParentOrder p, MarketTape tape) {
        double s = MarketTape.sign(p.side());
        double m = p.contractMultiplier();
        int i = p.instrument();
        double filled = 0.0;
        double pq = 0.0;
        double fees = 0.0;
        long lastFill = ParentOrder.NEVER_ARRIVED;
        for (ParentOrder.ChildFill f : p.fills()) {
            filled += f.qty();
            pq += f.price() * f.qty();
            fees += f.fee();
            lastFill = Math.max(lastFill, f.exchTs());
        }
        double avg = filled > 0.0 ? pq / filled : Double.NaN;
        double decision = tape.midAt(i, p.decisionTs());
        if (Double.isNaN(decision)) {
            decision = p.arrivalMid();
        }
        double arrivalMid = p.arrivalMid();
        boolean arrived = p.arrivalTs() != ParentOrder.NEVER_ARRIVED;
        double vwap = Double.NaN;
        double twap = Double.NaN;
        if (arrived && filled > 0.0) {
            vwap = tape.vwap(i, p.arrivalTs(), lastFill);
            twap = tape.twapOfMid(i, p.arrivalTs(), Math.max(lastFill, p.arrivalTs()));
        }
        double endMid = tape.midAt(i, p.endTs());
        double unfilled = Math.max(0.0, p.qty() - filled);
        double opportunity = unfilled == 0.0 ? 0.0 : s * m * unfilled * (endMid - decision);
        double execution = filled == 0.0 ? 0.0 : s * m * (pq - filled * decision);
        double shortfall = execution + fees + opportunity;
        double delay = filled == 0.0 ? 0.0 : s * m * filled * (arrivalMid - decision);
        double trading = filled == 0.0 ? 0.0 : s * m * (pq - filled * arrivalMid);
        return new OrderExecution(p.strategyId(), p.orderId(), p.symbol(), p.side(), p.qty(), filled, avg, fees,
                p.decisionTs(), p.arrivalTs(), lastFill, p.endTs(), decision, arrivalMid, vwap, twap, endMid,
                bps(s, avg, arrivalMid), bps(s, avg, vwap), bps(s, avg, twap), delay, trading, opportunity, shortfall,
                shortfall / (m * p.qty() * decision) * 1e4);
    }

    /** Execution quality of each fill of one parent order (formulas in the class comment). */
    public static List<FillExecution> measureFills(ParentOrder p, MarketTape tape) {
        double s = MarketTape.sign(p.side());
        List<FillExecution> out = new ArrayList<>(p.fills().size());
        for (ParentOrder.ChildFill f : p.fills()) {
            double midBefore = tape.midBefore(p.instrument(), f.exchTs());
            double vwap = p.arrivalTs() == ParentOrder.NEVER_ARRIVED ? Double.NaN
                    : tape.vwap(p.instrument(), p.arrivalTs(), f.exchTs());
            out.add(new FillExecution(p.strategyId(), p.orderId(), p.symbol(), p.side(), f.price(), f.qty(), f.fee(),
                    f.liquidity(), f.exchTs(), p.arrivalMid(), midBefore, vwap, bps(s, f.price(), p.arrivalMid()),
                    bps(s, f.price(), midBefore), bps(s, f.price(), vwap),
                    f.fee() / (f.price() * f.qty() * p.contractMultiplier()) * 1e4));
        }
        return out;
    }

    private static double bps(double sign, double price, double benchmark) {
        return sign * (price - benchmark) / benchmark * 1e4;
    }

    private static List<ExecutionSummary> summarise(List<ParentOrder> parents, List<OrderExecution> orders) {
        Map<String, double[]> acc = new LinkedHashMap<>();
        Map<String, String[]> keys = new LinkedHashMap<>();
        for (int k = 0; k < orders.size(); k++) {
            OrderExecution o = orders.get(k);
            ParentOrder p = parents.get(k);
            for (String symbol : new String[] {o.symbol(), BacktestResult.ALL_INSTRUMENTS}) {
                String key = o.strategyId() + '\u0000' + symbol;
                keys.putIfAbsent(key, new String[] {o.strategyId(), symbol});
                double[] a = acc.computeIfAbsent(key, x -> new double[13]);
                double notional = o.filledQty() > 0.0 ? o.avgFillPrice() * o.filledQty() * p.contractMultiplier()
                        : 0.0;
                a[0]++;
                a[1] += o.filledQty() > 0.0 ? 1 : 0;
                a[2] += p.fills().size();
                a[3] += o.filledQty();
                a[4] += notional;
                a[5] += o.fees();
                accumulate(a, 6, o.slippageVsArrivalBps(), notional);
                accumulate(a, 8, o.slippageVsVwapBps(), notional);
                accumulate(a, 10, o.slippageVsTwapBps(), notional);
                double paper = p.contractMultiplier() * p.qty() * o.decisionPrice();
                if (Double.isFinite(o.implementationShortfall()) && Double.isFinite(paper)) {
                    a[12] += o.implementationShortfall();
                    acc.computeIfAbsent(key + "\u0000paper", x -> new double[1])[0] += paper;
                }
            }
        }
        List<ExecutionSummary> out = new ArrayList<>();
        for (Map.Entry<String, String[]> e : keys.entrySet()) {
            double[] a = acc.get(e.getKey());
            double[] paper = acc.get(e.getKey() + "\u0000paper");
            double paperNotional = paper == null ? 0.0 : paper[0];
            out.add(new ExecutionSummary(e.getValue()[0], e.getValue()[1], (int) a[0], (int) a[1], (int) a[2], a[3],
                    a[4], a[5], a[7] > 0 ? a[6] / a[7] : Double.NaN, a[9] > 0 ? a[8] / a[9] : Double.NaN,
                    a[11] > 0 ? a[10] / a[11] : Double.NaN, a[12],
                    paperNotional > 0 ? a[12] / paperNotional * 1e4 : Double.NaN));
        }
        return out;
    }

    private static void accumulate(double[] a, int at, double value, double weight) {
        if (Double.isFinite(value) && weight > 0.0) {
            a[at] += value * weight;
            a[at + 1] += weight;
        }
    }

    private static List<String> ids(List<Instrument> instruments) {
        List<String> ids = new ArrayList<>();
        for (Instrument i : instruments) {
            ids.add(i.id());
        }
        return ids;
    }

    /** Every order, in the order measured. */
    public List<OrderExecution> orders() {
        return orders;
    }

    /** Every fill, parent by parent. */
    public List<FillExecution> fills() {
        return fills;
    }

    /** Per strategy and instrument, then per strategy over all instruments ({@code symbol = "*"}). */
    public List<ExecutionSummary> summaries() {
        return summaries;
    }

    /** {@link #summaries()} as a Tablesaw table {@code execution_summary}. */
    public Table summaryTable() {
        int n = summaries.size();
        Table t = Table.create("execution_summary", StringColumn.create("strategy"), StringColumn.create("symbol"),
                IntColumn.create("orders"), IntColumn.create("filled_orders"), IntColumn.create("fills"),
                DoubleColumn.create("filled_qty"), DoubleColumn.create("filled_notional"),
                DoubleColumn.create("fees"), DoubleColumn.create("slippage_vs_arrival_bps"),
                DoubleColumn.create("slippage_vs_vwap_bps"), DoubleColumn.create("slippage_vs_twap_bps"),
                DoubleColumn.create("implementation_shortfall"), DoubleColumn.create("implementation_shortfall_bps"));
        for (int k = 0; k < n; k++) {
            ExecutionSummary s = summaries.get(k);
            t.stringColumn(0).append(s.strategyId());
            t.stringColumn(1).append(s.symbol());
            t.intColumn(2).append(s.orders());
            t.intColumn(3).append(s.filledOrders());
            t.intColumn(4).append(s.fills());
            t.doubleColumn(5).append(s.filledQty());
            t.doubleColumn(6).append(s.filledNotional());
            t.doubleColumn(7).append(s.fees());
            t.doubleColumn(8).append(s.slippageVsArrivalBps());
            t.doubleColumn(9).append(s.slippageVsVwapBps());
            t.doubleColumn(10).append(s.slippageVsTwapBps());
            t.doubleColumn(11).append(s.implementationShortfall());
            t.doubleColumn(12).append(s.implementationShortfallBps());
        }
        return t;
    }

    /** {@link #orders()} as a Tablesaw table {@code execution_orders}. */
    public Table ordersTable() {
        Table t = Table.create("execution_orders", StringColumn.create("strategy"), LongColumn.create("order_id"),
                StringColumn.create("symbol"), StringColumn.create("side"), DoubleColumn.create("qty"),
                DoubleColumn.create("filled_qty"), DoubleColumn.create("avg_fill_price"), DoubleColumn.create("fees"),
                LongColumn.create("decision_ts"), LongColumn.create("arrival_ts"), LongColumn.create("last_fill_ts"),
                LongColumn.create("end_ts"), DoubleColumn.create("decision_price"), DoubleColumn.create("arrival_mid"),
                DoubleColumn.create("interval_vwap"), DoubleColumn.create("interval_twap"),
                DoubleColumn.create("end_mid"), DoubleColumn.create("slippage_vs_arrival_bps"),
                DoubleColumn.create("slippage_vs_vwap_bps"), DoubleColumn.create("slippage_vs_twap_bps"),
                DoubleColumn.create("delay_cost"), DoubleColumn.create("trading_cost"),
                DoubleColumn.create("opportunity_cost"), DoubleColumn.create("implementation_shortfall"),
                DoubleColumn.create("implementation_shortfall_bps"));
        for (OrderExecution o : orders) {
            t.stringColumn(0).append(o.strategyId());
            t.longColumn(1).append(o.orderId());
            t.stringColumn(2).append(o.symbol());
            t.stringColumn(3).append(o.side().name());
            double[] d = {o.qty(), o.filledQty(), o.avgFillPrice(), o.fees()};
            for (int k = 0; k < d.length; k++) {
                t.doubleColumn(4 + k).append(d[k]);
            }
            t.longColumn(8).append(o.decisionTs());
            t.longColumn(9).append(o.arrivalTs());
            t.longColumn(10).append(o.lastFillTs());
            t.longColumn(11).append(o.endTs());
            double[] e = {o.decisionPrice(), o.arrivalMid(), o.intervalVwap(), o.intervalTwap(), o.endMid(),
                    o.slippageVsArrivalBps(), o.slippageVsVwapBps(), o.slippageVsTwapBps(), o.delayCost(),
                    o.tradingCost(), o.opportunityCost(), o.implementationShortfall(),
                    o.implementationShortfallBps()};
            for (int k = 0; k < e.length; k++) {
                t.doubleColumn(12 + k).append(e[k]);
            }
        }
        return t;
    }

    /** {@link #fills()} as a Tablesaw table {@code execution_fills}. */
    public Table fillsTable() {
        Table t = Table.create("execution_fills", StringColumn.create("strategy"), LongColumn.create("order_id"),
                StringColumn.create("symbol"), StringColumn.create("side"), DoubleColumn.create("price"),
                DoubleColumn.create("qty"), DoubleColumn.create("fee"), StringColumn.create("liquidity"),
                LongColumn.create("exch_ts"), DoubleColumn.create("arrival_mid"),
                DoubleColumn.create("mid_before_fill"), DoubleColumn.create("interval_vwap"),
                DoubleColumn.create("slippage_vs_arrival_bps"), DoubleColumn.create("slippage_vs_mid_bps"),
                DoubleColumn.create("slippage_vs_vwap_bps"), DoubleColumn.create("fee_bps"));
        for (FillExecution f : fills) {
            t.stringColumn(0).append(f.strategyId());
            t.longColumn(1).append(f.orderId());
            t.stringColumn(2).append(f.symbol());
            t.stringColumn(3).append(f.side().name());
            t.doubleColumn(4).append(f.price());
            t.doubleColumn(5).append(f.qty());
            t.doubleColumn(6).append(f.fee());
            t.stringColumn(7).append(f.liquidity().name());
            t.longColumn(8).append(f.exchTs());
            double[] e = {f.arrivalMid(), f.midBeforeFill(), f.intervalVwap(), f.slippageVsArrivalBps(),
                    f.slippageVsMidBps(), f.slippageVsVwapBps(), f.feeBps()};
            for (int k = 0; k < e.length; k++) {
                t.doubleColumn(9 + k).append(e[k]);
            }
        }
        return t;
    }

    @Override
    public String toString() {
        return "ExecutionQuality[orders=" + orders.size() + ", fills=" + fills.size() + ", summaries="
                + summaries.size() + "]";
    }
}
