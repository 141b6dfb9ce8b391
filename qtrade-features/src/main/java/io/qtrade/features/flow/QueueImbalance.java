package io.qtrade.features.flow;

import io.qtrade.core.book.OrderBookView;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Queue imbalance at the best quotes and the size-weighted mid that follows from it.
 * <pre>{@code
 * I        = q^B / (q^B + q^A)                       in (0, 1)       (Stoikov [1]; Gould & Bonart [2])
 * rho      = (q^B - q^A) / (q^B + q^A) = 2 I - 1     in (-1, 1)      (Gould & Bonart [2], "queue imbalance")
 * weighted = I * P^A + (1 - I) * P^B = (P^A q^B + P^B q^A) / (q^B + q^A)     (Stoikov [1])
 * }</pre>
 * {@code q^B, q^A} are the quantities at the best bid and ask, {@code P^B, P^A} their prices. A large bid queue
 * ({@code I} near 1) predicts an up-move: the weighted mid then leans to the ask. All three are {@code NaN} when a
 * side is empty. Stateless: the streaming form is a call per event ({@link #imbalance(OrderBookView)}), the batch
 * forms map columns row by row and give the same numbers.
 *
 * <p>[1] S. Stoikov (2018), "The micro-price: a high-frequency estimator of future prices", Quantitative Finance
 * 18(12), 1959-1966. [2] M. D. Gould, J. Bonart (2016), "Queue imbalance as a one-tick-ahead price predictor in a
 * limit order book", Market Microstructure and Liquidity 2(2).
 */
public final class QueueImbalance {

    private QueueImbalance() {
    }

    /** {@code I = q^B / (q^B + q^A)}; {@code NaN} when either quantity is not positive (an empty side). */
    public static double imbalance(double bidQty, double askQty) {
        if (!(bidQty > 0.0) || !(askQty > 0.0)) {
            return Double.NaN;
        }
        return bidQty / (bidQty + askQty);
    }

    /** {@code I} of the book's best quotes, {@code NaN} when a side is empty. */
    public static double imbalance(OrderBookView book) {
        return imbalance(book.bestBidQty(), book.bestAskQty());
    }

    /** {@code rho = (q^B - q^A) / (q^B + q^A)}; {@code NaN} when either quantity is not positive. */
    public static double signedImbalance(double bidQty, double askQty) {
        if (!(bidQty > 0.0) || !(askQty > 0.0)) {
            return Double.NaN;
        }
        return (bidQty - askQty) / (bidQty + askQty);
    }

    /** {@code rho} of the book's best quotes, {@code NaN} when a side is empty. */
    public static double signedImbalance(OrderBookView book) {
        return signedImbalance(book.bestBidQty(), book.bestAskQty());
    }

    /**
     * The size-weighted mid {@code (P^A q^B + P^B q^A) / (q^B + q^A)}; {@code NaN} when a price is {@code NaN} or a
     * quantity is not positive.
     */
    public static double weightedMid(double bidPrice, double bidQty, double askPrice, double askQty) {
        if (!(bidQty > 0.0) || !(askQty > 0.0)) {
            return Double.NaN;
        }
        return (askPrice * bidQty + bidPrice * askQty) / (bidQty + askQty);
    }

    /**
     * The size-weighted mid of the book's best quotes, {@code NaN} when a side is empty. Computed in ticks,
     * {@code (P^A_ticks q^B + P^B_ticks q^A) / (q^B + q^A) * tickSize}, one division per call.
     */
    public static double weightedMid(OrderBookView book) {
        double bidQty = book.bestBidQty();
        double askQty = book.bestAskQty();
        if (!(bidQty > 0.0) || !(askQty > 0.0)) {
            return Double.NaN;
        }
        double bidTicks = book.bestBidTicks();
        double askTicks = book.bestAskTicks();
        return (askTicks * bidQty + bidTicks * askQty) / (bidQty + askQty) * book.instrument().tickSize();
    }

    /**
     * Batch {@code I} per row.
     *
     * @param bidQty best bid sizes (not modified)
     * @param askQty best ask sizes (not modified)
     * @param out    receives {@code I} per row (modified), at least as long as the inputs
     * @return {@code out}
     * @throws IllegalArgumentException when the lengths disagree
     */
    public static double[] imbalances(double[] bidQty, double[] askQty, double[] out) {
        checkLengths(bidQty.length, askQty.length, out.length);
        for (int i = 0; i < bidQty.length; i++) {
            out[i] = imbalance(bidQty[i], askQty[i]);
        }
        return out;
    }

    /**
     * Batch size-weighted mid per row (inputs not modified, {@code out} modified).
     *
     * @return {@code out}
     * @throws IllegalArgumentException when the lengths disagree
     */
    public static double[] weightedMids(double[] bidPrice, double[] bidQty, double[] askPrice, double[] askQty,
                                        double[] out) {
        checkLengths(bidPrice.length, bidQty.length, out.length);
        checkLengths(askPrice.length, askQty.length, out.length);
        checkLengths(bidPrice.length, askPrice.length, out.length);
        for (int i = 0; i < bidPrice.length; i++) {
            out[i] = weightedMid(bidPrice[i], bidQty[i], askPrice[i], askQty[i]);
        }
        return out;
    }

    /** Batch {@code I} over a Tablesaw table: a column {@code "queue_imbalance"}. */
    public static DoubleColumn imbalances(Table quotes, String bidQtyColumn, String askQtyColumn) {
        double[] bid = TableColumns.doubles(quotes, bidQtyColumn);
        return DoubleColumn.create("queue_imbalance",
                imbalances(bid, TableColumns.doubles(quotes, askQtyColumn), new double[bid.length]));
    }

    /** Batch size-weighted mid over a Tablesaw table: a column {@code "weighted_mid"}. */
    public static DoubleColumn weightedMids(Table quotes, String bidPriceColumn, String bidQtyColumn,
                                            String askPriceColumn, String askQtyColumn) {
        double[] bid = TableColumns.doubles(quotes, bidPriceColumn);
        return DoubleColumn.create("weighted_mid", weightedMids(bid, TableColumns.doubles(quotes, bidQtyColumn),
                TableColumns.doubles(quotes, askPriceColumn), TableColumns.doubles(quotes, askQtyColumn),
                new double[bid.length]));
    }

    private static void checkLengths(int a, int b, int out) {
        if (a != b || out < a) {
            throw new IllegalArgumentException("queue imbalance columns must have one length and the output at "
                    + "least that: lengths " + a + " and " + b + ", output " + out);
        }
    }
}
