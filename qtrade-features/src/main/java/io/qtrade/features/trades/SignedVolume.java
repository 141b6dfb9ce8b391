package io.qtrade.features.trades;

/**
 * Signed trade volume: buyer-initiated minus seller-initiated quantity, the trade-flow counterpart of order flow
 * imbalance (Cont, Kukanov and Stoikov [1] compare the two as predictors of price changes).
 * <pre>{@code
 * V_buy  = sum q_t 1{s_t = +1}      V_sell = sum q_t 1{s_t = -1}
 * net    = V_buy - V_sell = sum s_t q_t
 * ratio  = net / (V_buy + V_sell)   in [-1, 1], NaN without signed volume
 * }</pre>
 * over the current window (closed by the caller with {@link #closeWindow()}, or feed {@code s_t q_t} to a
 * {@link io.qtrade.features.flow.BucketedSum} for count or time buckets). Trades with sign 0 (unclassified) are kept
 * apart in {@link #unsignedVolume()}, never counted on a side.
 *
 * <p>[1] R. Cont, A. Kukanov, S. Stoikov (2014), "The price impact of order book events", Journal of Financial
 * Econometrics 12(1), 47-88.
 *
 * <p>Streaming, {@code O(1)}, allocation-free; not thread-safe.
 */
public final class SignedVolume {

    private double buyVolume;
    private double sellVolume;
    private double unsignedVolume;
    private long trades;

    /** An empty window. */
    public SignedVolume() {
    }

    /**
     * Adds one trade.
     *
     * @param sign {@code +1}, {@code -1} or {@code 0} (unclassified)
     * @param qty  traded quantity, finite and {@code > 0}
     * @return {@code sign * qty}
     * @throws IllegalArgumentException for another sign or a quantity that is not finite and positive
     */
    public double update(int sign, double qty) {
        if (!(qty > 0.0) || qty == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("signed volume: trade qty must be finite and > 0, was " + qty);
        }
        trades++;
        switch (sign) {
            case 1 -> buyVolume += qty;
            case -1 -> sellVolume += qty;
            case 0 -> unsignedVolume += qty;
            default -> throw new IllegalArgumentException("signed volume: sign must be -1, 0 or 1, was " + sign);
        }
        return sign * qty;
    }

    /** Buyer-initiated volume in the window. */
    public double buyVolume() {
        return buyVolume;
    }

    /** Seller-initiated volume in the window. */
    public double sellVolume() {
        return sellVolume;
    }

    /** Volume of unclassified trades in the window. */
    public double unsignedVolume() {
        return unsignedVolume;
    }

    /** {@code V_buy - V_sell}. */
    public double net() {
        return buyVolume - sellVolume;
    }

    /** {@code net / (V_buy + V_sell)}, {@code NaN} without signed volume. */
    public double ratio() {
        double total = buyVolume + sellVolume;
        return total > 0.0 ? (buyVolume - sellVolume) / total : Double.NaN;
    }

    /** Trades in the window. */
    public long trades() {
        return trades;
    }

    /** Returns {@link #net()} and empties the window. */
    public double closeWindow() {
        double net = net();
        buyVolume = 0.0;
        sellVolume = 0.0;
        unsignedVolume = 0.0;
        trades = 0;
        return net;
    }

    /**
     * Batch form: {@code out[t] = s_t q_t} (inputs not modified, {@code out} modified).
     *
     * @return {@code out}
     * @throws IllegalArgumentException as {@link #update}, naming the trade index, or when lengths disagree
     */
    public static double[] signedVolumes(int[] signs, double[] qtys, double[] out) {
        if (signs.length != qtys.length || out.length < signs.length) {
            throw new IllegalArgumentException("signed volume columns: signs " + signs.length + ", qtys "
                    + qtys.length + ", output " + out.length + "; expected equal lengths");
        }
        SignedVolume v = new SignedVolume();
        for (int t = 0; t < signs.length; t++) {
            try {
                out[t] = v.update(signs[t], qtys[t]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("trade " + t + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "SignedVolume[buyVolume=" + buyVolume + ", sellVolume=" + sellVolume + ", unsignedVolume="
                + unsignedVolume + ", trades=" + trades + "]";
    }
}
