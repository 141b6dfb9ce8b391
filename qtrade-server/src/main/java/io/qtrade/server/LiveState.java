package io.qtrade.server;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.Liquidity;
import io.qtrade.core.order.OrderStatus;
import io.qtrade.core.order.OrderType;
import io.qtrade.core.order.TimeInForce;
import io.qtrade.server.tap.EngineTap;
import io.qtrade.server.tap.TapEvent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the server knows of the run, built on its hub thread from the tap's events and read by the HTTP threads
 * (every method synchronized): open orders, the last {@link #HISTORY} finished orders and fills, the last trades,
 * every strategy's sampled equity, and counts of rejections by reason.
 */
final class LiveState {

    /** Finished orders and fills kept for the history endpoints. */
    static final int HISTORY = 10_000;
    /** Trade prints kept for the price chart. */
    static final int TRADES = 2_000;
    /** Equity points kept per strategy before halving the resolution. */
    static final int EQUITY_POINTS = 4_096;

    private static final OrderType[] ORDER_TYPES = OrderType.values();
    private static final TimeInForce[] TIME_IN_FORCES = TimeInForce.values();

    private final List<Instrument> instruments;
    private final String[] instrumentIds;
    private final OpenOrders open = new OpenOrders();
    private final ArrayDeque<OrderState> finished = new ArrayDeque<>();
    private final ArrayDeque<FillState> fills = new ArrayDeque<>();
    private final ArrayDeque<TradeState> trades = new ArrayDeque<>();
    private final Map<String, Long> rejections = new TreeMap<>();
    private final List<EquitySeries> equity = new ArrayList<>();
    private long fillCount;
    private long orderUpdates;
    private long tradeCount;

    LiveState(EngineTap tap) {
        this.instruments = tap.instruments();
        this.instrumentIds = new String[instruments.size()];
        for (int i = 0; i < instrumentIds.length; i++) {
            instrumentIds[i] = instruments.get(i).id();
        }
    }

    /** An order as the server last heard of it. */
    static final class OrderState {
        long orderId;
        String strategy;
        Instrument instrument;
        /** The instrument's id ({@code SYMBOL@VENUE}). */
        String instrumentId;
        String side;
        String type;
        String timeInForce;
        double price;
        double qty;
        OrderStatus status;
        double filledQty;
        double leavesQty;
        String reason;
        boolean external;
        long createdTs;
        long updatedTs;

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("orderId", orderId);
            m.put("strategy", strategy);
            m.put("instrument", instrumentId);
            m.put("side", side);
            m.put("type", type);
            m.put("timeInForce", timeInForce);
            m.put("price", Json.num(price));
            m.put("qty", Json.num(qty));
            m.put("status", status.name());
            m.put("filledQty", Json.num(filledQty));
            m.put("leavesQty", Json.num(leavesQty));
            m.put("reason", reason);
            m.put("viaApi", external);
            m.put("createdTs", createdTs);
            m.put("updatedTs", updatedTs);
            return m;
        }
    }

    /**
     * A fill with the position after it. Mutable and reused: the fill history is a ring of these (the oldest one,
     * pushed out of the history, holds the next fill), so a fill allocates nothing on the hub thread.
     */
    static final class FillState {
        String strategy;
        Instrument instrument;
        String instrumentId;
        long orderId;
        Side side;
        double price;
        double qty;
        double fee;
        Liquidity liquidity;
        long exchTs;
        long localTs;
        boolean external;
        double positionQty;
        double avgEntryPrice;
        double realizedPnl;
        double fees;
        double cash;

        String strategy() {
            return strategy;
        }

        /** The instrument's id ({@code SYMBOL@VENUE}). */
        String instrumentId() {
            return instrumentId;
        }

        long orderId() {
            return orderId;
        }

        Side side() {
            return side;
        }

        double price() {
            return price;
        }

        double qty() {
            return qty;
        }

        double fee() {
            return fee;
        }

        Liquidity liquidity() {
            return liquidity;
        }

        long exchTs() {
            return exchTs;
        }

        long localTs() {
            return localTs;
        }

        boolean external() {
            return external;
        }

        double positionQty() {
            return positionQty;
        }

        double avgEntryPrice() {
            return avgEntryPrice;
        }

        double realizedPnl() {
            return realizedPnl;
        }

        double fees() {
            return fees;
        }

        double cash() {
            return cash;
        }

        /** The fill as the engine reported it. */
        Fill fill() {
            return new Fill(orderId, instrument, side, price, qty, fee, liquidity, exchTs, localTs);
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("orderId", orderId);
            m.put("strategy", strategy);
            m.put("instrument", instrumentId);
            m.put("side", side.name());
            m.put("price", Json.num(price));
            m.put("qty", Json.num(qty));
            m.put("fee", Json.num(fee));
            m.put("liquidity", liquidity.name());
            m.put("exchTs", exchTs);
            m.put("localTs", localTs);
            m.put("viaApi", external);
            m.put("positionQty", Json.num(positionQty));
            m.put("avgEntryPrice", Json.num(avgEntryPrice));
            m.put("realizedPnl", Json.num(realizedPnl));
            m.put("fees", Json.num(fees));
            m.put("cash", Json.num(cash));
            return m;
        }
    }

    /** A trade print. Mutable and reused, as {@link FillState}: the oldest print pushed out holds the next. */
    static final class TradeState {
        String instrument;
        String aggressor;
        double price;
        double qty;
        long localTs;

        String instrument() {
            return instrument;
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("instrument", instrument);
            m.put("aggressor", aggressor);
            m.put("price", Json.num(price));
            m.put("qty", Json.num(qty));
            m.put("localTs", localTs);
            return m;
        }
    }

    /** Sampled equity of one strategy: halves its resolution when full, so it always spans the whole run. */
    static final class EquitySeries {
        final String strategy;
        long[] ts = new long[EQUITY_POINTS];
        double[] equity = new double[EQUITY_POINTS];
        int size;
        int stride = 1;
        long seen;

        EquitySeries(String strategy) {
            this.strategy = strategy;
        }

        void add(long t, double e) {
            if (seen++ % stride != 0) {
                return;
            }
            if (size == ts.length) {
                for (int i = 0; i < size / 2; i++) {
                    ts[i] = ts[2 * i];
                    equity[i] = equity[2 * i];
                }
                size /= 2;
                stride *= 2;
            }
            ts[size] = t;
            equity[size] = e;
            size++;
        }
    }

    synchronized OrderState onOrderUpdate(TapEvent e, List<String> strategyIds) {
        orderUpdates++;
        long id = e.orderId();
        OrderStatus status = e.status();
        OrderState o = open.get(id);
        if (o == null) {
            // A new order reuses the state of the oldest finished order pushed out of the history.
            o = finished.size() >= HISTORY ? finished.removeFirst() : new OrderState();
            o.orderId = id;
            o.strategy = strategyIds.get(e.strategy());
            o.instrument = instruments.get(e.instrument());
            o.instrumentId = instrumentIds[e.instrument()];
            o.side = e.side() < 0 ? null : e.side() == 0 ? "BUY" : "SELL";
            o.type = e.orderType() < 0 ? null : ORDER_TYPES[e.orderType()].name();
            o.timeInForce = e.timeInForce() < 0 ? null : TIME_IN_FORCES[e.timeInForce()].name();
            o.price = e.price();
            o.qty = e.qty();
            o.external = e.external();
            o.createdTs = e.localTs();
        }
        o.status = status;
        o.filledQty = e.filledQty();
        o.leavesQty = e.leavesQty();
        o.reason = e.reason();
        o.updatedTs = e.localTs();
        if (status.isTerminal()) {
            open.remove(id);
            finished.addLast(o);
            if (finished.size() > HISTORY) {
                finished.removeFirst();
            }
            if (status == OrderStatus.REJECTED) {
                String code = o.reason;
                int colon = code.indexOf(':');
                rejections.merge(colon > 0 ? code.substring(0, colon) : code, 1L, Long::sum);
            }
        } else {
            open.put(id, o);
        }
        return o;
    }

    synchronized FillState onFill(TapEvent e, List<String> strategyIds) {
        fillCount++;
        FillState f = fills.size() >= HISTORY ? fills.removeFirst() : new FillState();
        f.strategy = strategyIds.get(e.strategy());
        f.instrument = instruments.get(e.instrument());
        f.instrumentId = instrumentIds[e.instrument()];
        f.orderId = e.orderId();
        f.side = e.side() == 0 ? Side.BUY : Side.SELL;
        f.price = e.price();
        f.qty = e.qty();
        f.fee = e.fee();
        f.liquidity = e.liquidity();
        f.exchTs = e.exchTs();
        f.localTs = e.localTs();
        f.external = e.external();
        f.positionQty = e.positionQty();
        f.avgEntryPrice = e.avgEntryPrice();
        f.realizedPnl = e.realizedPnl();
        f.fees = e.fees();
        f.cash = e.cash();
        fills.addLast(f);
        return f;
    }

    synchronized TradeState onTrade(TapEvent e) {
        tradeCount++;
        TradeState t = trades.size() >= TRADES ? trades.removeFirst() : new TradeState();
        t.instrument = instrumentIds[e.instrument()];
        t.aggressor = e.side() == 0 ? "BUY" : "SELL";
        t.price = e.price();
        t.qty = e.qty();
        t.localTs = e.localTs();
        trades.addLast(t);
        return t;
    }

    synchronized void onEquity(int strategy, String id, long ts, double value) {
        while (equity.size() <= strategy) {
            equity.add(null);
        }
        if (equity.get(strategy) == null) {
            equity.set(strategy, new EquitySeries(id));
        }
        equity.get(strategy).add(ts, value);
    }

    synchronized double[] equityValues(int strategy) {
        if (strategy >= equity.size() || equity.get(strategy) == null) {
            return new double[0];
        }
        EquitySeries s = equity.get(strategy);
        return java.util.Arrays.copyOf(s.equity, s.size);
    }

    synchronized List<Map<String, Object>> equityJson(int strategy, int maxPoints) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (strategy >= equity.size() || equity.get(strategy) == null) {
            return out;
        }
        EquitySeries s = equity.get(strategy);
        int step = Math.max(1, (s.size + maxPoints - 1) / maxPoints);
        for (int i = 0; i < s.size; i += step) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ts", s.ts[i]);
            m.put("equity", Json.num(s.equity[i]));
            out.add(m);
        }
        return out;
    }

    /** Oldest (lowest order id) first. */
    synchronized List<Map<String, Object>> openOrders(String strategy) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (OrderState o : open.values()) {
            if (strategy == null || o.strategy.equals(strategy)) {
                out.add(o.json());
            }
        }
        return out;
    }

    /** The strategy of open order {@code orderId}, or null if the order is not open. */
    synchronized String openOrderStrategy(long orderId) {
        OrderState o = open.get(orderId);
        return o == null ? null : o.strategy;
    }

    synchronized int openOrderCount(String strategy) {
        int n = 0;
        for (OrderState o : open.values()) {
            if (o.strategy.equals(strategy)) {
                n++;
            }
        }
        return n;
    }

    synchronized Map<String, Object> findOrder(long orderId) {
        OrderState o = open.get(orderId);
        if (o != null) {
            return o.json();
        }
        for (Iterator<OrderState> it = finished.descendingIterator(); it.hasNext(); ) {
            OrderState f = it.next();
            if (f.orderId == orderId) {
                return f.json();
            }
        }
        return null;
    }

    /** Newest first. */
    synchronized List<Map<String, Object>> orderHistory(String strategy, int limit) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Iterator<OrderState> it = finished.descendingIterator(); it.hasNext() && out.size() < limit; ) {
            OrderState o = it.next();
            if (strategy == null || o.strategy.equals(strategy)) {
                out.add(o.json());
            }
        }
        return out;
    }

    /** Newest first. */
    synchronized List<Map<String, Object>> fills(String strategy, int limit) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Iterator<FillState> it = fills.descendingIterator(); it.hasNext() && out.size() < limit; ) {
            FillState f = it.next();
            if (strategy == null || f.strategy().equals(strategy)) {
                out.add(f.json());
            }
        }
        return out;
    }

    /** Oldest first. */
    synchronized List<Map<String, Object>> trades(String instrumentId, int limit) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Iterator<TradeState> it = trades.descendingIterator(); it.hasNext() && out.size() < limit; ) {
            TradeState t = it.next();
            if (instrumentId == null || t.instrument().equals(instrumentId)) {
                out.add(0, t.json());
            }
        }
        return out;
    }

    synchronized Map<String, Long> rejections() {
        return new TreeMap<>(rejections);
    }

    synchronized long fillCount() {
        return fillCount;
    }

    synchronized long orderUpdates() {
        return orderUpdates;
    }

    synchronized long tradeCount() {
        return tradeCount;
    }
}
