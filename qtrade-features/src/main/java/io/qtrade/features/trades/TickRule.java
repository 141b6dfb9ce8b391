package io.qtrade.features.trades;

/**
 * The tick rule with zero-tick continuation (Lee and Ready [1]): a trade above the previous trade price
 * is a buy (uptick), below it a sell (downtick); a trade at the same price takes the sign of the last price change
 * (zero-uptick a buy, zero-downtick a sell).
 * <pre>{@code
 * s_t = +1 if p_t > p_{t-1};   -1 if p_t < p_{t-1};   s_{t-1} if p_t == p_{t-1}
 * }</pre>
 * Before the first price change the sign is unknown: 0 (warm-up: until the first trade at a different price).
 *
 * <p>[1] C. M. C. Lee, M. J. Ready (1991), "Inferring trade direction from intraday data", Journal of Finance 46(2),
 * 733-746.
 *
 * <p>Streaming, {@code O(1)}, allocation-free; not thread-safe.
 */
public final class TickRule {

    private double lastPrice = Double.NaN;
    private int lastSign;

    /** A tick rule that has seen no trade. */
    public TickRule() {
    }

    /**
     * Classifies a trade at {@code price} and remembers it.
     *
     * @return {@code +1}, {@code -1}, or {@code 0} before the first price change
     * @throws IllegalArgumentException when {@code price} is not finite
     */
    public int classify(double price) {
        if (!Double.isFinite(price)) {
            throw new IllegalArgumentException("tick rule: trade price must be finite, was " + price);
        }
        if (price > lastPrice) {
            lastSign = 1;
        } else if (price < lastPrice) {
            lastSign = -1;
        }
        lastPrice = price;
        return lastSign;
    }

    /** The sign the next trade would get at the last price (the last nonzero tick's sign), 0 before any. */
    public int lastSign() {
        return lastSign;
    }

    /** Forgets every trade. */
    public void reset() {
        lastPrice = Double.NaN;
        lastSign = 0;
    }

    /**
     * Batch form: the signs of a sequence of trade prices (not modified) into {@code out} (modified).
     *
     * @return {@code out}
     * @throws IllegalArgumentException when {@code out} is shorter or a price is not finite (named by index)
     */
    public static int[] classify(double[] prices, int[] out) {
        if (out.length < prices.length) {
            throw new IllegalArgumentException("tick rule output has length " + out.length + ", expected >= "
                    + prices.length);
        }
        TickRule rule = new TickRule();
        for (int i = 0; i < prices.length; i++) {
            if (!Double.isFinite(prices[i])) {
                throw new IllegalArgumentException("tick rule: trade " + i + " has price " + prices[i]
                        + ", expected a finite price");
            }
            out[i] = rule.classify(prices[i]);
        }
        return out;
    }

    @Override
    public String toString() {
        return "TickRule[lastPrice=" + lastPrice + ", lastSign=" + lastSign + "]";
    }
}
