package io.qtrade.features.regime;

import java.util.Arrays;

/**
 * Hamilton's filter with fixed parameters, one observation at a time: O(k^{p+1} (k + p)) per observation, no
 * allocation after construction. Usable inside a strategy with parameters from {@link MarkovSwitching#fit}; the batch
 * fit runs this same code, so its filtered probabilities are identical.
 *
 * <pre>{@code
 * state z_t = (S_t, S_{t-1}, .., S_{t-p}),   Pr(z_t | Y_{t-1}) = sum_{z_{t-1}} Pr(z_{t-1} | Y_{t-1}) P[S_{t-1}][S_t]
 * f(y_t | z_t) = N(y_t - mu_{S_t} - sum_i phi_{i,S_t} (y_{t-i} - mu_{S_{t-i}}); 0, sigma2_{S_t})
 * Pr(z_t | Y_t) = Pr(z_t | Y_{t-1}) f(y_t | z_t) / f(y_t | Y_{t-1}),   ln f(y_t | Y_{t-1}) adds to the log-likelihood
 * }</pre>
 * The first p observations only fill the lags (statsmodels conditions on them): {@link #update} returns NaN for them
 * and writes NaN probabilities. The first filtered observation starts from the ergodic distribution of p + 1
 * consecutive regimes (statsmodels' default). Not thread-safe.
 */
public final class HamiltonFilter {

    private static final double LN_2PI = Math.log(2.0 * Math.PI);

    private final MarkovSwitchingParameters params;
    private final int k;
    private final int p;
    private final int kp;
    private final int states;
    private final double[][] tr;
    private final double[] mu;
    private final double[] var;
    private final double[] lnVar;
    private final double[][] phi;
    private final int[][] digits;
    private final double[] pred;
    private final double[] filt;
    private final double[] logf;
    private final double[] lags;
    private final double[] initial;
    private final int varianceDigit;
    private long seen;

    /** A filter at the start of the data, the variance of the current regime. */
    public HamiltonFilter(MarkovSwitchingParameters params) {
        this(params, MarkovVarianceIndexing.CURRENT_REGIME);
    }

    /**
     * A filter at the start of the data.
     *
     * @param params   fixed parameters
     * @param indexing which regime's variance applies (see {@link MarkovVarianceIndexing})
     */
    public HamiltonFilter(MarkovSwitchingParameters params, MarkovVarianceIndexing indexing) {
        this.params = params;
        this.varianceDigit = indexing == MarkovVarianceIndexing.STATSMODELS_0_13_5 && params.order() >= 2
                ? params.order() - 1 : 0;
        this.k = params.regimes();
        this.p = params.order();
        int pow = 1;
        for (int i = 0; i < p; i++) {
            pow *= k;
        }
        this.kp = pow;
        this.states = pow * k;
        this.tr = params.transition();
        this.mu = params.means();
        this.var = params.variances();
        this.lnVar = new double[k];
        for (int i = 0; i < k; i++) {
            lnVar[i] = Math.log(var[i]);
        }
        this.phi = params.ar();
        this.digits = new int[states][p + 1];
        for (int z = 0; z < states; z++) {
            int rest = z;
            for (int j = p; j >= 0; j--) {
                digits[z][j] = rest % k;
                rest /= k;
            }
        }
        this.pred = new double[states];
        this.filt = new double[states];
        this.logf = new double[states];
        this.lags = new double[Math.max(p, 1)];
        this.initial = new double[states];
        double[] pi = MarkovChain.ergodic(tr);
        for (int z = 0; z < states; z++) {
            int[] d = digits[z];
            double w = pi[d[p]];
            for (int j = p; j >= 1; j--) {
                w *= tr[d[j]][d[j - 1]];
            }
            initial[z] = w;
        }
        reset();
    }

    /** Back to the start of the data. */
    public void reset() {
        seen = 0;
        System.arraycopy(initial, 0, pred, 0, states);
        Arrays.fill(filt, 0.0);
    }

    /**
     * Filters one observation.
     *
     * @param y        the observation
     * @param filtered overwritten with {@code Pr(S_t = i | y_1..y_t)}, i = 0..k-1 (NaN during the first p)
     * @return {@code ln f(y_t | y_1..y_{t-1})}, NaN during the first p observations
     */
    public double update(double y, double[] filtered) {
        if (seen < p) {
            lags[(int) (seen % p)] = y;
            seen++;
            Arrays.fill(filtered, 0, k, Double.NaN);
            return Double.NaN;
        }
        if (seen > p) {
            // predict: z' = s' * k^p + z / k
            Arrays.fill(pred, 0.0);
            for (int z = 0; z < states; z++) {
                double f = filt[z];
                if (f == 0.0) {
                    continue;
                }
                int s0 = digits[z][0];
                int base = z / k;
                double[] row = tr[s0];
                for (int s = 0; s < k; s++) {
                    pred[s * kp + base] += f * row[s];
                }
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int z = 0; z < states; z++) {
            int[] d = digits[z];
            int s0 = d[0];
            double e = y - mu[s0];
            for (int i = 1; i <= p; i++) {
                double lagY = lags[(int) ((seen - i) % p)];
                e -= phi[s0][i - 1] * (lagY - mu[d[i]]);
            }
            int sv = d[varianceDigit];
            double lf = -0.5 * (LN_2PI + lnVar[sv] + e * e / var[sv]);
            logf[z] = lf;
            if (pred[z] > 0.0 && lf > max) {
                max = lf;
            }
        }
        double total = 0.0;
        for (int z = 0; z < states; z++) {
            double w = pred[z] > 0.0 ? pred[z] * Math.exp(logf[z] - max) : 0.0;
            filt[z] = w;
            total += w;
        }
        double inv = 1.0 / total;
        Arrays.fill(filtered, 0, k, 0.0);
        for (int z = 0; z < states; z++) {
            filt[z] *= inv;
            filtered[digits[z][0]] += filt[z];
        }
        if (p > 0) {
            lags[(int) (seen % p)] = y;
        }
        seen++;
        return Math.log(total) + max;
    }

    /** Observations seen. */
    public long observations() {
        return seen;
    }

    /** The parameters. */
    public MarkovSwitchingParameters params() {
        return params;
    }

    /** Number of expanded states k^{p+1}. */
    int states() {
        return states;
    }

    /** The predicted joint probabilities of the last filtered observation (for the smoother). */
    void copyPredicted(double[] out) {
        System.arraycopy(pred, 0, out, 0, states);
    }

    /** The filtered joint probabilities of the last filtered observation (for the smoother). */
    void copyFiltered(double[] out) {
        System.arraycopy(filt, 0, out, 0, states);
    }

    int[][] digits() {
        return digits;
    }

    @Override
    public String toString() {
        return "HamiltonFilter[" + params + ", observations=" + seen + "]";
    }
}
