package io.qtrade.features.trades;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The Lee and Ready [1] trade classification: the quote test against the prevailing mid, with the tick rule for
 * trades at the mid.
 * <pre>{@code
 * m_t = (bid_t + ask_t) / 2                               quotes prevailing just before the trade
 * s_t = +1 if p_t > m_t;   -1 if p_t < m_t;   TickRule(p_t) if p_t == m_t (or a side is missing)
 * }</pre>
 * ({@code p_t == m_t} up to {@link #AT_MID_RELATIVE_TOLERANCE}, the rounding of the binary mid).
 * The tick rule sees every trade, so its zero-tick continuation uses the full trade sequence.
 *
 * <p>Quotes: pass the quotes in force before the trade (in a qtrade replay, the book before the trade's depth
 * updates are applied). [1] compare each trade with the quote 5 seconds earlier, to undo the late trade reports
 * of 1988 NYSE data; with venue-stamped feeds of today that delay misclassifies (Bessembinder [2] recommends no delay
 * for post-1998 data), so it is not offered: a caller who needs it passes the lagged quote.
 *
 * <p>[1] C. M. C. Lee, M. J. Ready (1991), "Inferring trade direction from intraday data", Journal of Finance 46(2),
 * 733-746. [2] H. Bessembinder (2003), "Issues in assessing trade execution costs", Journal of Financial Markets
 * 6(3), 233-257.
 *
 * <p>Streaming, {@code O(1)}, allocation-free; not thread-safe.
 */
public final class LeeReady {

    /**
     * A trade within {@code 1e-9 * mid} of the mid is at the mid: the mid of two decimal prices is not exact in
     * binary ({@code (10.00 + 10.06) / 2 != 10.03} in doubles), while a real difference is at least half a tick,
     * many orders of magnitude larger.
     */
    public static final double AT_MID_RELATIVE_TOLERANCE = 1e-9;

    private final TickRule tickRule = new TickRule();
    private long quoteClassified;
    private long tickClassified;

    /** A classifier that has seen no trade. */
    public LeeReady() {
    }

    /**
     * Classifies a trade at {@code price} against the prevailing quotes.
     *
     * @param price trade price, finite
     * @param bid   best bid before the trade, {@code NaN} when none
     * @param ask   best ask before the trade, {@code NaN} when none
     * @return {@code +1}, {@code -1}, or {@code 0} (at the mid before the tick rule has seen a price change)
     * @throws IllegalArgumentException when {@code price} is not finite
     */
    public int classify(double price, double bid, double ask) {
        int tick = tickRule.classify(price);
        double mid = 0.5 * (bid + ask);
        double tolerance = AT_MID_RELATIVE_TOLERANCE * Math.abs(mid);
        if (price > mid + tolerance) {
            quoteClassified++;
            return 1;
        }
        if (price < mid - tolerance) {
            quoteClassified++;
            return -1;
        }
        tickClassified++;
        return tick;
    }

    /** Trades classified by the quote test. */
    public long quoteClassified() {
        return quoteClassified;
    }

    /** Trades classified by the tick rule (at the mid, or without both quotes). */
    public long tickClassified() {
        return tickClassified;
    }

    /** Forgets every trade. */
    public void reset() {
        tickRule.reset();
        quoteClassified = 0;
        tickClassified = 0;
    }

    /**
     * Batch form over trades with their prevailing quotes (inputs not modified, {@code out} modified).
     *
     * @return {@code out}
     * @throws IllegalArgumentException when the lengths disagree or a price is not finite (named by index)
     */
    public static int[] classify(double[] prices, double[] bids, double[] asks, int[] out) {
        int n = prices.length;
        if (bids.length != n || asks.length != n || out.length < n) {
            throw new IllegalArgumentException("Lee-Ready columns must have one length: prices " + n + ", bids "
                    + bids.length + ", asks " + asks.length + ", output " + out.length);
        }
        LeeReady rule = new LeeReady();
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(prices[i])) {
                throw new IllegalArgumentException("Lee-Ready: trade " + i + " has price " + prices[i]
                        + ", expected a finite price");
            }
            out[i] = rule.classify(prices[i], bids[i], asks[i]);
        }
        return out;
    }

    /**
     * Batch form over a Tablesaw table of trades with their prevailing quotes: an {@code IntColumn "trade_sign"}, equal
     * to {@link #classify(double[], double[], double[], int[])}.
     *
     * @throws IllegalArgumentException when a column is missing or not numeric (named), or as the array form
     */
    public static IntColumn classify(Table trades, String priceColumn, String bidColumn, String askColumn) {
        double[] prices = numeric(trades, priceColumn);
        return IntColumn.create("trade_sign", classify(prices, numeric(trades, bidColumn),
                numeric(trades, askColumn), new int[prices.length]));
    }

    private static double[] numeric(Table table, String name) {
        if (!table.containsColumn(name)) {
            throw new IllegalArgumentException("table " + table.name() + " has no column '" + name
                    + "'; columns are " + table.columnNames());
        }
        Column<?> column = table.column(name);
        if (!(column instanceof NumericColumn<?> numeric)) {
            throw new IllegalArgumentException("column '" + name + "' of table " + table.name()
                    + " must be numeric, was " + column.type());
        }
        return numeric.asDoubleArray();
    }

    @Override
    public String toString() {
        return "LeeReady[quoteClassified=" + quoteClassified + ", tickClassified=" + tickClassified + "]";
    }
}
