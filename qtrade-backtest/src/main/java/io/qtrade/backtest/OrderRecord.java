package io.qtrade.backtest;

import io.qtrade.core.order.Order;

/**
 * One order of a backtest: the strategy-side {@link Order} (status, fills, fees) and the venue-side facts only a
 * simulation knows. Filled in as the run goes; read it from {@link BacktestResult} after the run.
 */
public final class OrderRecord {

    /** {@link #exchArrivalTs()} of an order that never reached the venue (refused by the risk gate). */
    public static final long NEVER = Long.MIN_VALUE;

    private final String strategyId;
    private final Order order;
    private int instrument;
    private long sendTs;
    private long exchArrivalTs;
    private long entryLatencyNanos;
    private double arrivalMid;
    private double qtyAheadAtEntry;
    private long responses;
    private long exchEndTs;
    private double venueFilledQty;
    /** Messages about this order queued to the venue or back to the strategy and not yet delivered. */
    private int inFlight;
    /** The order type as the engine that sent it names it; {@code null}: the core order's type. */
    private String typeName;

    OrderRecord(String strategyId, int instrument, Order order, long sendTs) {
        this.strategyId = strategyId;
        this.order = order;
        reuse(instrument, sendTs);
    }

    /**
     * Starts the record over for the order its {@link Order} now holds ({@link OrderHistory#OPEN_ONLY} recycles
     * records whose order finished and has nothing in flight).
     */
    void reuse(int instrument, long sendTs) {
        this.instrument = instrument;
        this.sendTs = sendTs;
        this.exchArrivalTs = NEVER;
        this.entryLatencyNanos = 0;
        this.arrivalMid = Double.NaN;
        this.qtyAheadAtEntry = Double.NaN;
        this.responses = 0;
        this.inFlight = 0;
        this.exchEndTs = NEVER;
        this.venueFilledQty = 0.0;
    }

    void messageSent() {
        inFlight++;
    }

    void messageDelivered() {
        inFlight--;
    }

    /** Whether nothing more can happen to the order: it is terminal for the strategy and no message is in flight. */
    boolean finished() {
        return inFlight == 0 && order.status().isTerminal();
    }

    void arrived(long exchTs, long entryLatency) {
        this.exchArrivalTs = exchTs;
        this.entryLatencyNanos = entryLatency;
    }

    /** The ordinal of the order's next venue response (0, 1, ...): part of its latency draw's salt. */
    long nextResponseOrdinal() {
        return responses++;
    }

    /** The venue filled {@code qty} at {@code exchTs}; the order ends there when it is filled completely. */
    void venueFilled(double qty, long exchTs) {
        venueFilledQty += qty;
        if (venueFilledQty >= order.qty() - 1e-9 * Math.max(1.0, order.qty())) {
            exchEndTs = exchTs;
        }
    }

    /** The venue cancelled, expired or rejected the order at {@code exchTs}. */
    void venueEnded(long exchTs) {
        if (exchEndTs == NEVER) {
            exchEndTs = exchTs;
        }
    }

    /**
     * When the order stopped working at the venue (venue time: its last fill, or its cancel, expiry or rejection
     * there), {@link #NEVER} while it still works or if it never reached the venue.
     */
    public long exchEndTs() {
        return exchEndTs;
    }

    void accepted(double qtyAhead, double mid) {
        this.qtyAheadAtEntry = qtyAhead;
        this.arrivalMid = mid;
    }

    void typeName(String name) {
        this.typeName = name;
    }

    /**
     * The order's type as its engine names it: the core {@link Order#type()} for the tick engine; the bar engine's
     * own type ({@code MARKET_ON_OPEN}, {@code STOP_LIMIT}, ...) for a bar order.
     */
    public String typeName() {
        return typeName == null ? order.type().name() : typeName;
    }

    /** The strategy that sent it. */
    public String strategyId() {
        return strategyId;
    }

    /** Index of its instrument in the backtest. */
    public int instrument() {
        return instrument;
    }

    /** The order as the strategy saw it at the end of the run. */
    public Order order() {
        return order;
    }

    /** When the strategy sent it (its local time plus any callback time), epoch nanoseconds. */
    public long sendTs() {
        return sendTs;
    }

    /** When it reached the venue, {@link #NEVER} if it did not. */
    public long exchArrivalTs() {
        return exchArrivalTs;
    }

    /** Its entry latency, 0 if it never reached the venue. */
    public long entryLatencyNanos() {
        return entryLatencyNanos;
    }

    /** The venue's mid when it arrived, NaN if unknown. */
    public double arrivalMid() {
        return arrivalMid;
    }

    /** The queue ahead of it when it arrived, NaN if it was not accepted. */
    public double qtyAheadAtEntry() {
        return qtyAheadAtEntry;
    }

    @Override
    public String toString() {
        return "OrderRecord[strategyId=" + strategyId + ", sendTs=" + sendTs + ", exchArrivalTs=" + exchArrivalTs
                + ", entryLatencyNanos=" + entryLatencyNanos + ", arrivalMid=" + arrivalMid + ", qtyAheadAtEntry="
                + qtyAheadAtEntry + ", order=" + order + "]";
    }
}
