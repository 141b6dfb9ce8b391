package io.qtrade.features.trades;

/**
 * The sample autocorrelation of trade signs at lags {@code 1..L}, whose slow (power-law) decay is the long memory
 * of order flow documented by Lillo and Farmer [1] and Bouchaud, Gefen, Potters and Wyart [2].
 * <pre>{@code
 * m        = (1/N) sum_{t=1..N} s_t
 * gamma(k) = (1/N) sum_{t=1..N-k} (s_t - m)(s_{t+k} - m)
 * rho(k)   = gamma(k) / gamma(0),        k = 1..L
 * }</pre>
 * the standard (biased, full-sample mean) estimator, as in Box and Jenkins. Streaming, it keeps
 * {@code S = sum s_t}, {@code SS = sum s_t^2}, {@code P_k = sum s_t s_{t+k}}, the first {@code L} and the last
 * {@code L} signs, and evaluates the sum exactly as
 * {@code sum (s_t - m)(s_{t+k} - m) = P_k - m (A_k + B_k) + (N - k) m^2} with {@code A_k = S - (last k)} and
 * {@code B_k = S - (first k)}: {@code O(L)} per trade, allocation-free, equal to {@link #batch} up to rounding
 * (1e-12 relative in the tests). {@code rho(k)} is {@code NaN} while {@code N <= k} or when every sign is equal
 * ({@code gamma(0) = 0}).
 *
 * <p>Signs are {@code +1} or {@code -1}: unclassified trades (sign 0) are refused, so that the caller decides whether
 * to drop them or fix them.
 *
 * <p>[1] F. Lillo, J. D. Farmer (2004), "The long memory of the efficient market", Studies in Nonlinear Dynamics and
 * Econometrics 8(3). [2] J.-P. Bouchaud, Y. Gefen, M. Potters, M. Wyart (2004), "Fluctuations and response in
 * financial markets: the subtle nature of 'random' price changes", Quantitative Finance 4(2), 176-190.
 */
public final class SignAutocorrelation {

    private final int maxLag;
    private final int[] first;
    private final int[] ring;
    private final long[] lagProducts;
    private long count;
    private long sum;
    private long sumSquares;

    /**
     * @param maxLag {@code L}, {@code >= 1}
     * @throws IllegalArgumentException when {@code maxLag < 1}
     */
    public SignAutocorrelation(int maxLag) {
        if (maxLag < 1) {
            throw new IllegalArgumentException("maxLag must be >= 1, was " + maxLag);
        }
        this.maxLag = maxLag;
        this.first = new int[maxLag];
        this.ring = new int[maxLag];
        this.lagProducts = new long[maxLag + 1];
    }

    /** {@code L}. */
    public int maxLag() {
        return maxLag;
    }

    /**
     * Adds the next trade's sign.
     *
     * @throws IllegalArgumentException when {@code sign} is not {@code +1} or {@code -1}
     */
    public void update(int sign) {
        if (sign != 1 && sign != -1) {
            throw new IllegalArgumentException("trade sign " + sign + " at trade " + count
                    + ": expected +1 or -1 (drop or classify unsigned trades first)");
        }
        long n = count;
        int lags = (int) Math.min(n, maxLag);
        for (int k = 1; k <= lags; k++) {
            lagProducts[k] += (long) sign * ring[(int) ((n - k) % maxLag)];
        }
        if (n < maxLag) {
            first[(int) n] = sign;
        }
        ring[(int) (n % maxLag)] = sign;
        count = n + 1;
        sum += sign;
        sumSquares += 1;
    }

    /** Trades seen. */
    public long count() {
        return count;
    }

    /** {@code rho(k)} for {@code k} in {@code 1..L}, {@code NaN} as documented. */
    public double autocorrelation(int lag) {
        if (lag < 1 || lag > maxLag) {
            throw new IllegalArgumentException("lag must be in [1, " + maxLag + "], was " + lag);
        }
        long n = count;
        if (n <= lag) {
            return Double.NaN;
        }
        double m = (double) sum / n;
        double gamma0 = sumSquares - n * m * m;
        if (!(gamma0 > 0.0)) {
            return Double.NaN;
        }
        long lastK = 0;
        long firstK = 0;
        for (int j = 1; j <= lag; j++) {
            lastK += ring[(int) ((n - j) % maxLag)];
            firstK += first[j - 1];
        }
        double a = sum - lastK;
        double b = sum - firstK;
        double gammaK = lagProducts[lag] - m * (a + b) + (n - lag) * m * m;
        return gammaK / gamma0;
    }

    /**
     * Writes {@code rho(1..L)} into {@code out[0..L-1]} (modified).
     *
     * @return {@code out}
     * @throws IllegalArgumentException when {@code out} is shorter than {@code L}
     */
    public double[] autocorrelations(double[] out) {
        if (out.length < maxLag) {
            throw new IllegalArgumentException("autocorrelation output has length " + out.length + ", expected >= "
                    + maxLag);
        }
        for (int k = 1; k <= maxLag; k++) {
            out[k - 1] = autocorrelation(k);
        }
        return out;
    }

    /**
     * Batch form, straight from the definition: {@code out[k-1] = rho(k)} for {@code k = 1..L} of {@code signs[0..n)}
     * (not modified).
     *
     * @return {@code out}
     * @throws IllegalArgumentException when a sign is not +1 or -1 (named by index) or {@code out} is shorter than
     *                                  {@code maxLag}
     */
    public static double[] batch(int[] signs, int n, int maxLag, double[] out) {
        if (maxLag < 1 || out.length < maxLag || n < 0 || n > signs.length) {
            throw new IllegalArgumentException("sign autocorrelation batch: maxLag " + maxLag + " must be >= 1, "
                    + "output length " + out.length + " >= maxLag, n " + n + " in [0, " + signs.length + "]");
        }
        double mean = 0.0;
        for (int t = 0; t < n; t++) {
            if (signs[t] != 1 && signs[t] != -1) {
                throw new IllegalArgumentException("trade sign " + signs[t] + " at trade " + t
                        + ": expected +1 or -1");
            }
            mean += signs[t];
        }
        mean /= n;
        double gamma0 = 0.0;
        for (int t = 0; t < n; t++) {
            gamma0 += (signs[t] - mean) * (signs[t] - mean);
        }
        for (int k = 1; k <= maxLag; k++) {
            if (n <= k || !(gamma0 > 0.0)) {
                out[k - 1] = Double.NaN;
                continue;
            }
            double g = 0.0;
            for (int t = 0; t + k < n; t++) {
                g += (signs[t] - mean) * (signs[t + k] - mean);
            }
            out[k - 1] = g / gamma0;
        }
        return out;
    }

    @Override
    public String toString() {
        return "SignAutocorrelation[maxLag=" + maxLag + ", count=" + count + "]";
    }
}
