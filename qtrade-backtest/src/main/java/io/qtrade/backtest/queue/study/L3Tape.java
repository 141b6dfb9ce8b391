package io.qtrade.backtest.queue.study;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;

import java.util.Objects;

/**
 * Market-by-order messages of one instrument with the L2 view beside them, as primitive arrays indexed by message
 * {@code k} (none is copied: the caller must not modify them afterwards):
 * <pre>{@code
 * tsNanos[k]     venue time, epoch (or since-midnight) nanoseconds, non-decreasing
 * action[k]      what the message does (L3Action)
 * orderId[k]     the venue order it concerns
 * qty[k]         its size (added, cancelled, deleted or executed)
 * priceTicks[k]  its price in the instrument's ticks
 * buy[k]         whether the order concerned is a buy (bid) order
 * levelQty[k]    the visible quantity at (buy[k], priceTicks[k]) after message k; NaN where the L2 view does not
 *                show that level (deeper than the file's levels)
 * bestBidTicks[k], bestBidQty[k], bestAskTicks[k], bestAskQty[k]   the touch after message k
 *                (NO_BID / NO_ASK of OrderBook and qty 0 for an empty side)
 * }</pre>
 * plus the L2 levels before the first message ({@code initialBidTicks/Qty}, {@code initialAskTicks/Qty}).
 */
public final class L3Tape {

    final Instrument instrument;
    final long[] tsNanos;
    final L3Action[] action;
    final long[] orderId;
    final double[] qty;
    final long[] priceTicks;
    final boolean[] buy;
    final double[] levelQty;
    final long[] bestBidTicks;
    final double[] bestBidQty;
    final long[] bestAskTicks;
    final double[] bestAskQty;
    final long[] initialBidTicks;
    final double[] initialBidQty;
    final long[] initialAskTicks;
    final double[] initialAskQty;

    /**
     * @throws IllegalArgumentException if the arrays differ in length or the times decrease, naming the message
     */
    public L3Tape(Instrument instrument, long[] tsNanos, L3Action[] action, long[] orderId, double[] qty,
                  long[] priceTicks, boolean[] buy, double[] levelQty, long[] bestBidTicks, double[] bestBidQty,
                  long[] bestAskTicks, double[] bestAskQty, long[] initialBidTicks, double[] initialBidQty,
                  long[] initialAskTicks, double[] initialAskQty) {
        this.instrument = Objects.requireNonNull(instrument, "L3 tape: instrument");
        int n = tsNanos.length;
        check("action", action.length, n);
        check("orderId", orderId.length, n);
        check("qty", qty.length, n);
        check("priceTicks", priceTicks.length, n);
        check("buy", buy.length, n);
        check("levelQty", levelQty.length, n);
        check("bestBidTicks", bestBidTicks.length, n);
        check("bestBidQty", bestBidQty.length, n);
        check("bestAskTicks", bestAskTicks.length, n);
        check("bestAskQty", bestAskQty.length, n);
        if (initialBidTicks.length != initialBidQty.length || initialAskTicks.length != initialAskQty.length) {
            throw new IllegalArgumentException("L3 tape of " + instrument.id()
                    + ": initial level prices and quantities differ in length");
        }
        for (int k = 1; k < n; k++) {
            if (tsNanos[k] < tsNanos[k - 1]) {
                throw new IllegalArgumentException("L3 tape of " + instrument.id() + ": message " + k + " at "
                        + tsNanos[k] + " ns is before message " + (k - 1) + " at " + tsNanos[k - 1] + " ns");
            }
        }
        this.tsNanos = tsNanos;
        this.action = action;
        this.orderId = orderId;
        this.qty = qty;
        this.priceTicks = priceTicks;
        this.buy = buy;
        this.levelQty = levelQty;
        this.bestBidTicks = bestBidTicks;
        this.bestBidQty = bestBidQty;
        this.bestAskTicks = bestAskTicks;
        this.bestAskQty = bestAskQty;
        this.initialBidTicks = initialBidTicks;
        this.initialBidQty = initialBidQty;
        this.initialAskTicks = initialAskTicks;
        this.initialAskQty = initialAskQty;
    }

    private void check(String name, int length, int n) {
        if (length != n) {
            throw new IllegalArgumentException("L3 tape of " + instrument.id() + ": " + name + " has " + length
                    + " entries, tsNanos has " + n);
        }
    }

    /** The instrument. */
    public Instrument instrument() {
        return instrument;
    }

    /** How many messages. */
    public int size() {
        return tsNanos.length;
    }

    /** The venue time of message {@code k}. */
    public long tsNanos(int k) {
        return tsNanos[k];
    }

    /** What message {@code k} does. */
    public L3Action action(int k) {
        return action[k];
    }

    /** The side of the order message {@code k} concerns. */
    public Side side(int k) {
        return buy[k] ? Side.BUY : Side.SELL;
    }

    @Override
    public String toString() {
        return "L3Tape[" + instrument.id() + ", messages=" + tsNanos.length + "]";
    }
}
