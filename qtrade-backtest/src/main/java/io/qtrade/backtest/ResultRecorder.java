package io.qtrade.backtest;

import io.qtrade.core.Instrument;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.order.Liquidity;
import io.qtrade.core.order.Order;
import io.qtrade.core.portfolio.MarkValuation;
import io.qtrade.core.portfolio.Portfolio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Records the orders, fills and equity rows of a run made by another engine than {@link Backtest} (the bar engine
 * of {@code qtrade-bars}) and builds the same {@link BacktestResult} from them: the same four tables, so metrics,
 * {@link io.qtrade.backtest.attribution.PnlAttribution PnL attribution} and the
 * {@link io.qtrade.backtest.report.HtmlReport HTML report} work on it unchanged.
 *
 * <p>Strategies and instruments are addressed by their index in the lists given at construction. Orders are kept
 * as the {@link Order} objects the engine updates, so the orders table shows each order as the run left it.
 * Columns only a tick simulation knows (arrival mid, queue ahead, latencies) are NaN or 0. Mutable, one run only.
 */
public final class ResultRecorder {

    private final List<String> strategyIds;
    private final List<Instrument> instruments;
    private final String[] ids;
    private final List<OrderRecord> orders = new ArrayList<>();
    private final List<FillRecord> fills = new ArrayList<>();
    private final EquitySeries equity = new EquitySeries();
    private final int[][] ordersSent;
    private final int[][] makerFills;
    private final int[][] takerFills;
    private final OrderHistory history;
    private boolean finished;

    /**
     * Keeps every order and fill ({@link OrderHistory#ALL}).
     *
     * @param strategyIds the strategies, by index
     * @param instruments the instruments, by index
     */
    public ResultRecorder(List<String> strategyIds, List<Instrument> instruments) {
        this(strategyIds, instruments, OrderHistory.ALL);
    }

    /**
     * @param strategyIds the strategies, by index
     * @param instruments the instruments, by index
     * @param history     {@link OrderHistory#OPEN_ONLY}: count orders and fills but keep no rows (bounded memory)
     */
    public ResultRecorder(List<String> strategyIds, List<Instrument> instruments, OrderHistory history) {
        this.history = Objects.requireNonNull(history, "history");
        this.strategyIds = List.copyOf(strategyIds);
        this.instruments = List.copyOf(instruments);
        this.ids = new String[this.instruments.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = this.instruments.get(i).id();
        }
        this.ordersSent = new int[strategyIds.size()][instruments.size()];
        this.makerFills = new int[strategyIds.size()][instruments.size()];
        this.takerFills = new int[strategyIds.size()][instruments.size()];
    }

    /**
     * Records an order sent at {@code sendTs} (epoch nanoseconds); {@code typeName} is the engine's name of its type
     * (shown in the orders table's {@code type} column), {@code null} for the core order's own.
     */
    public void order(int strategy, int instrument, Order order, String typeName, long sendTs) {
        Objects.requireNonNull(order, "order");
        ordersSent[strategy][instrument]++;
        if (history == OrderHistory.OPEN_ONLY) {
            return;
        }
        OrderRecord r = new OrderRecord(strategyIds.get(strategy), instrument, order, sendTs);
        r.typeName(typeName);
        r.arrived(sendTs, 0);
        orders.add(r);
    }

    /** Records a fill of an order of strategy {@code strategy} in instrument {@code instrument}. */
    public void fill(int strategy, int instrument, long orderId, io.qtrade.core.Side side, double price, double qty,
                     double fee, Liquidity liquidity, long ts) {
        if (history == OrderHistory.ALL) {
            fills.add(new FillRecord(strategyIds.get(strategy), orderId, instrument, ids[instrument],
                    side, price, qty, fee, liquidity, ts, ts, Double.NaN, 0.0, 0L, 0L));
        }
        if (liquidity == Liquidity.MAKER) {
            makerFills[strategy][instrument]++;
        } else {
            takerFills[strategy][instrument]++;
        }
    }

    /**
     * Records one equity row: strategy {@code strategy}'s position in instrument {@code instrument} at {@code ts}
     * with its mark, realized and unrealized PnL and fees, and the strategy's equity and net PnL over all
     * instruments.
     */
    public void equity(long ts, int strategy, int instrument, double position, double markPrice, double realizedPnl,
                       double unrealizedPnl, double fees, double strategyEquity, double strategyNetPnl) {
        equity.add(ts, strategy, instrument, position, markPrice, realizedPnl, unrealizedPnl, fees, strategyEquity,
                strategyNetPnl);
    }

    /**
     * Records the equity rows of a run of marks between fills: one row per bar of {@code bars} in rows
     * {@code [from, to)}, at the bar's end time and marked at its close, with strategy {@code strategy}'s position in
     * instrument {@code instrument}, its realized PnL and fees as given, and the unrealized PnL, strategy equity and
     * net PnL that {@code valuation} gives at that close ({@code positionUnrealizedPnl}, {@code equity},
     * {@code netPnl}). Those three are computed when the equity table is built, from the valuation and the close;
     * the rows are, bit for bit, those {@link #equity} would record with the values. Only the time and the close
     * are copied now.
     *
     * @throws IndexOutOfBoundsException if {@code [from, to)} is not within the batch's rows
     */
    public void equityMarks(int strategy, int instrument, double position, double realizedPnl, double fees,
                            MarkValuation valuation, BarBatch bars, int from, int to) {
        Objects.requireNonNull(valuation, "valuation");
        Objects.checkFromToIndex(from, to, bars.size());
        equity.addMarks(strategy, instrument, position, realizedPnl, fees, valuation, bars, from, to);
    }

    /** Equity rows recorded so far. */
    public int equityRows() {
        return equity.size;
    }

    /**
     * Builds the result. {@code portfolios} maps each strategy id to its final portfolio; {@code events} is the
     * number of market events (bars) processed.
     *
     * @throws IllegalStateException if called twice
     * @throws IllegalArgumentException if a strategy has no portfolio
     */
    public BacktestResult finish(Map<String, Portfolio> portfolios, long events, long wallNanos) {
        if (finished) {
            throw new IllegalStateException("result recorder: finish called twice");
        }
        finished = true;
        Map<String, Portfolio> ordered = new LinkedHashMap<>();
        for (String id : strategyIds) {
            Portfolio p = portfolios.get(id);
            if (p == null) {
                throw new IllegalArgumentException("result recorder: no portfolio for strategy '" + id + "'");
            }
            ordered.put(id, p);
        }
        return new BacktestResult(strategyIds, instruments, history, ordered, orders, ordersSent, makerFills,
                takerFills, fills, equity, events, 0L, wallNanos);
    }
}
