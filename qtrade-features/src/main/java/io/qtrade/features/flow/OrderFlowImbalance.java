package io.qtrade.features.flow;

import io.qtrade.core.book.OrderBook;
import io.qtrade.core.book.OrderBookView;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Order flow imbalance at the best level, exactly as defined by Cont, Kukanov and Stoikov [1].
 *
 * <p>With {@code P^B_n, q^B_n} the best bid price and size and {@code P^A_n, q^A_n} the best ask price and size after
 * the {@code n}-th book event, the contribution of event {@code n} is
 * <pre>{@code
 * e_n = 1{P^B_n >= P^B_{n-1}} q^B_n - 1{P^B_n <= P^B_{n-1}} q^B_{n-1}
 *     - 1{P^A_n <= P^A_{n-1}} q^A_n + 1{P^A_n >= P^A_{n-1}} q^A_{n-1}
 * }</pre>
 * and the order flow imbalance over events {@code N(t_{k-1}) + 1 .. N(t_k)} (a count or time bucket) is
 * {@code OFI_k = sum e_n}. A bid that rises or a bid queue that grows adds buying pressure, a bid queue that shrinks
 * or a bid that falls removes it; symmetrically for the ask. Units: the instrument's quantity units (lots or shares).
 *
 * <h2>Empty side</h2>
 * [1] assume both quotes always exist. Here {@code e_n} is {@code NaN} when either side is empty after event
 * {@code n} or after event {@code n - 1} (an empty side has no price to compare); it is never replaced by 0. The
 * first event has no predecessor: its {@code e_n} is {@code NaN} and it belongs to no window (warm-up: one event).
 * A window sum that contains any other {@code NaN} is {@code NaN}; {@link #undefinedEvents()} counts those.
 *
 * <h2>Forms</h2>
 * Streaming: {@link #update(OrderBookView)} or {@link #update(double, double, double, double)} after every book
 * event, {@code O(1)} and allocation-free; {@link #windowSum()} and {@link #closeWindow()} aggregate over a window
 * chosen by the caller, or feed {@code e_n} to a {@link BucketedSum} for event-count or time buckets. Batch:
 * {@link #contributions} over {@code double[]} columns and {@link #contributions(Table, String, String, String,
 * String)} over a Tablesaw table; both give the streaming numbers bit for bit.
 *
 * <p>[1] R. Cont, A. Kukanov, S. Stoikov (2014), "The price impact of order book events", Journal of Financial
 * Econometrics 12(1), 47-88.
 *
 * <p>Not thread-safe: one instance per book and event loop.
 */
public final class OrderFlowImbalance {

    private double prevBid = Double.NaN;
    private double prevBidQty;
    private double prevAsk = Double.NaN;
    private double prevAskQty;
    private double last = Double.NaN;
    private double windowSum;
    private long windowEvents;
    private long events;
    private long undefinedEvents;

    /** A fresh instance with no previous book state. */
    public OrderFlowImbalance() {
    }

    /**
     * Feeds the book's best bid and ask after one event. The prices are compared in ticks, so feed one instance
     * either through this method or through {@link #update(double, double, double, double)}, not both.
     *
     * @return {@code e_n}, {@code NaN} as the class documentation says
     */
    public double update(OrderBookView book) {
        // Prices in ticks (exact integers as doubles, same order as the prices): no tick-to-price conversion per
        // event. An instance is fed through one of the two update forms, not both.
        long bidTicks = book.bestBidTicks();
        long askTicks = book.bestAskTicks();
        // A book's quantities are positive by construction: no check here.
        return accept(bidTicks == OrderBook.NO_BID ? Double.NaN : (double) bidTicks, book.bestBidQty(),
                askTicks == OrderBook.NO_ASK ? Double.NaN : (double) askTicks, book.bestAskQty());
    }

    /**
     * Feeds the best bid and ask after one event. An empty side is a {@code NaN} price (its quantity is then ignored).
     *
     * @param bidPrice best bid price, {@code NaN} when there are no bids
     * @param bidQty   quantity at the best bid, finite and {@code > 0} when the bid exists
     * @param askPrice best ask price, {@code NaN} when there are no asks
     * @param askQty   quantity at the best ask, finite and {@code > 0} when the ask exists
     * @return {@code e_n}
     * @throws IllegalArgumentException when an existing side's quantity is not finite and positive
     */
    public double update(double bidPrice, double bidQty, double askPrice, double askQty) {
        checkSide("bid", bidPrice, bidQty);
        checkSide("ask", askPrice, askQty);
        return accept(bidPrice, bidQty, askPrice, askQty);
    }

    private double accept(double bidPrice, double bidQty, double askPrice, double askQty) {
        double e = contribution(prevBid, prevBidQty, prevAsk, prevAskQty, bidPrice, bidQty, askPrice, askQty);
        prevBid = bidPrice;
        prevBidQty = bidQty;
        prevAsk = askPrice;
        prevAskQty = askQty;
        last = e;
        if (events++ == 0) {
            return e; // warm-up: the first state only seeds the comparison
        }
        windowEvents++;
        windowSum += e;
        if (e != e) {
            undefinedEvents++;
        }
        return e;
    }

    /**
     * {@code e_n} from the previous and the current best quotes (see the class formula); {@code NaN} when any of
     * the four prices is {@code NaN}.
     */
    public static double contribution(double prevBid, double prevBidQty, double prevAsk, double prevAskQty,
                                      double bid, double bidQty, double ask, double askQty) {
        if (bid != bid || ask != ask || prevBid != prevBid || prevAsk != prevAsk) {
            return Double.NaN;
        }
        double e = 0.0;
        if (bid >= prevBid) {
            e += bidQty;
        }
        if (bid <= prevBid) {
            e -= prevBidQty;
        }
        if (ask <= prevAsk) {
            e -= askQty;
        }
        if (ask >= prevAsk) {
            e += prevAskQty;
        }
        return e;
    }

    /** The last {@code e_n}, {@code NaN} before the second event. */
    public double last() {
        return last;
    }

    /** The sum of {@code e_n} since the last {@link #closeWindow()} (or construction), {@code NaN} if one was. */
    public double windowSum() {
        return windowSum;
    }

    /** The number of events in the current window. */
    public long windowEvents() {
        return windowEvents;
    }

    /** Returns {@link #windowSum()} and starts a new window; the previous book state is kept. */
    public double closeWindow() {
        double sum = windowSum;
        windowSum = 0.0;
        windowEvents = 0;
        return sum;
    }

    /** Events fed since construction or {@link #reset()}. */
    public long events() {
        return events;
    }

    /** Events after the first whose {@code e_n} was {@code NaN} (an empty side now or before). */
    public long undefinedEvents() {
        return undefinedEvents;
    }

    /** Forgets the previous book state, the window and the counters. */
    public void reset() {
        prevBid = Double.NaN;
        prevAsk = Double.NaN;
        prevBidQty = 0.0;
        prevAskQty = 0.0;
        last = Double.NaN;
        windowSum = 0.0;
        windowEvents = 0;
        events = 0;
        undefinedEvents = 0;
    }

    /**
     * Batch form: {@code out[n] = e_n} for rows {@code 0 .. n-1} of best-quote columns, {@code out[0] = NaN}.
     *
     * @param bidPrice best bid per row, {@code NaN} for no bid (not modified)
     * @param bidQty   best bid size per row (not modified)
     * @param askPrice best ask per row, {@code NaN} for no ask (not modified)
     * @param askQty   best ask size per row (not modified)
     * @param out      receives {@code e_n} (modified), at least as long as the inputs
     * @return {@code out}
     * @throws IllegalArgumentException when the arrays differ in length, {@code out} is shorter, or a row of an
     *                                  existing side has a quantity that is not finite and positive (the message names
     *                                  the row)
     */
    public static double[] contributions(double[] bidPrice, double[] bidQty, double[] askPrice, double[] askQty,
                                         double[] out) {
        int n = bidPrice.length;
        if (bidQty.length != n || askPrice.length != n || askQty.length != n) {
            throw new IllegalArgumentException("OFI columns must have one length: bidPrice " + n + ", bidQty "
                    + bidQty.length + ", askPrice " + askPrice.length + ", askQty " + askQty.length);
        }
        if (out.length < n) {
            throw new IllegalArgumentException("OFI output has length " + out.length + ", expected >= " + n);
        }
        OrderFlowImbalance ofi = new OrderFlowImbalance();
        for (int i = 0; i < n; i++) {
            try {
                out[i] = ofi.update(bidPrice[i], bidQty[i], askPrice[i], askQty[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("OFI row " + i + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * Batch form over a Tablesaw table of best quotes, one row per book event: a column {@code "ofi"} of
     * {@code e_n}, equal to the streaming values.
     *
     * @throws IllegalArgumentException as {@link #contributions(double[], double[], double[], double[], double[])},
     *                                  or when a column is missing or not numeric (named)
     */
    public static DoubleColumn contributions(Table quotes, String bidPriceColumn, String bidQtyColumn,
                                             String askPriceColumn, String askQtyColumn) {
        double[] bid = TableColumns.doubles(quotes, bidPriceColumn);
        double[] out = contributions(bid, TableColumns.doubles(quotes, bidQtyColumn),
                TableColumns.doubles(quotes, askPriceColumn), TableColumns.doubles(quotes, askQtyColumn),
                new double[bid.length]);
        return DoubleColumn.create("ofi", out);
    }

    static void checkSide(String side, double price, double qty) {
        if (price == price && !(qty > 0.0 && qty < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(side + " at price " + price + ": qty must be finite and > 0, was "
                    + qty);
        }
    }

    @Override
    public String toString() {
        return "OrderFlowImbalance[events=" + events + ", undefinedEvents=" + undefinedEvents + ", windowSum="
                + windowSum + "]";
    }
}
