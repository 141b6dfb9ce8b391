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
 * the L2 view after message k, best first, depth levels a side:
 *   bidTicks[k * depth + l], bidQty[k * depth + l]    level l of the bids (NO_BID and 0 where the side has fewer)
 *   askTicks[k * depth + l], askQty[k * depth + l]    likewise for the asks (NO_ASK and 0)
 * initialBidTicks/Qty[l], initialAskTicks/Qty[l]     the L2 view before the first message
 * }</pre>
 * The L2 view is what an L2 feed of that depth shows; it may change at levels no message names (LOBSTER's book shows
 * orders entering without an add message, e.g. after the opening cross).
 */
public final class L3Tape {

    final Instrument instrument;
    final int depth;
    final long[] tsNanos;
    final L3Action[] action;
    final long[] orderId;
    final double[] qty;
    final long[] priceTicks;
    final boolean[] buy;
    final long[] bidTicks;
    final double[] bidQty;
    final long[] askTicks;
    final double[] askQty;
    final long[] initialBidTicks;
    final double[] initialBidQty;
    final long[] initialAskTicks;
    final double[] initialAskQty;

    /**
     * @throws IllegalArgumentException if the arrays' lengths do not fit {@code depth} and the message count, or the
     *                                  times decrease, naming the array or message
     */
    public L3Tape(Instrument instrument, int depth, long[] tsNanos, L3Action[] action, long[] orderId, double[] qty,
                  long[] priceTicks, boolean[] buy, long[] bidTicks, double[] bidQty, long[] askTicks,
                  double[] askQty, long[] initialBidTicks, double[] initialBidQty, long[] initialAskTicks,
                  double[] initialAskQty) {
        this.instrument = Objects.requireNonNull(instrument, "L3 tape: instrument");
        if (depth < 1) {
            throw new IllegalArgumentException("L3 tape of " + instrument.id() + ": depth must be >= 1, was " + depth);
        }
        this.depth = depth;
        int n = tsNanos.length;
        check("action", action.length, n);
        check("orderId", orderId.length, n);
        check("qty", qty.length, n);
        check("priceTicks", priceTicks.length, n);
        check("buy", buy.length, n);
        check("bidTicks", bidTicks.length, n * depth);
        check("bidQty", bidQty.length, n * depth);
        check("askTicks", askTicks.length, n * depth);
        check("askQty", askQty.length, n * depth);
        check("initialBidTicks", initialBidTicks.length, depth);
        check("initialBidQty", initialBidQty.length, depth);
        check("initialAskTicks", initialAskTicks.length, depth);
        check("initialAskQty", initialAskQty.length, depth);
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
        this.bidTicks = bidTicks;
        this.bidQty = bidQty;
        this.askTicks = askTicks;
        this.askQty = askQty;
        this.initialBidTicks = initialBidTicks;
        this.initialBidQty = initialBidQty;
        this.initialAskTicks = initialAskTicks;
        this.initialAskQty = initialAskQty;
    }

    private void check(String name, int length, int expected) {
        if (length != expected) {
            throw new IllegalArgumentException("L3 tape of " + instrument.id() + ": " + name + " has " + length
                    + " entries, expected " + expected);
        }
    }

    /** The instrument. */
    public Instrument instrument() {
        return instrument;
    }

    /** Levels a side in the L2 view. */
    public int depth() {
        return depth;
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

    /** The best bid in ticks after message {@code k}, {@code OrderBook.NO_BID} if none. */
    public long bestBidTicks(int k) {
        return bidTicks[k * depth];
    }

    /** The best ask in ticks after message {@code k}, {@code OrderBook.NO_ASK} if none. */
    public long bestAskTicks(int k) {
        return askTicks[k * depth];
    }

    /** The best bid's quantity after message {@code k}. */
    public double bestBidQty(int k) {
        return bidQty[k * depth];
    }

    /** The best ask's quantity after message {@code k}. */
    public double bestAskQty(int k) {
        return askQty[k * depth];
    }

    @Override
    public String toString() {
        return "L3Tape[" + instrument.id() + ", messages=" + tsNanos.length + ", depth=" + depth + "]";
    }
}
