package io.qtrade.features.regime;

import java.util.Arrays;

/**
 * Parameters of a Markov-switching (auto)regression with k regimes and AR order p:
 * <pre>{@code
 * y_t - mu_{S_t} = sum_{i=1..p} phi_{i,S_t} (y_{t-i} - mu_{S_{t-i}}) + e_t,   e_t ~ N(0, sigma2_{S_t})
 * Pr(S_t = j | S_{t-1} = i) = transition[i][j]                                (rows sum to 1)
 * }</pre>
 * With p = 0 this is statsmodels' {@code MarkovRegression(trend="c")}; with p > 0 its {@code MarkovAutoregression}
 * (Hamilton 1989: the mean switches inside the AR polynomial). A non-switching mean, variance or AR coefficient has
 * the same value in every regime. statsmodels' {@code regime_transition[i, j] = Pr(S_t = i | S_{t-1} = j)} is the
 * transpose of {@link #transition()} ({@link #transitionColumnStochastic()}).
 *
 * @param transition row-stochastic k x k matrix
 * @param means      mu per regime
 * @param variances  sigma2 per regime, > 0
 * @param ar         phi[regime][lag - 1], k x p
 */
public record MarkovSwitchingParameters(double[][] transition, double[] means, double[] variances, double[][] ar) {

    /** Checks shapes, probabilities and variances. */
    public MarkovSwitchingParameters {
        int k = transition.length;
        if (k < 2) {
            throw new IllegalArgumentException("transition has " + k + " rows: expected at least 2 regimes");
        }
        if (means.length != k || variances.length != k || ar.length != k) {
            throw new IllegalArgumentException("means, variances and ar need one entry per regime (" + k + ")");
        }
        double[][] tr = new double[k][];
        double[][] a = new double[k][];
        int p = ar[0].length;
        for (int i = 0; i < k; i++) {
            if (transition[i].length != k) {
                throw new IllegalArgumentException("transition[" + i + "] has " + transition[i].length
                        + " entries, expected " + k);
            }
            double sum = 0.0;
            for (int j = 0; j < k; j++) {
                double v = transition[i][j];
                if (!(v >= 0.0 && v <= 1.0)) {
                    throw new IllegalArgumentException("transition[" + i + "][" + j + "] = " + v
                            + ": expected a probability");
                }
                sum += v;
            }
            if (Math.abs(sum - 1.0) > 1e-9) {
                throw new IllegalArgumentException("transition row " + i + " sums to " + sum + ": expected 1");
            }
            if (!(variances[i] > 0.0) || Double.isInfinite(variances[i])) {
                throw new IllegalArgumentException("variances[" + i + "] = " + variances[i] + ": expected > 0");
            }
            if (!Double.isFinite(means[i])) {
                throw new IllegalArgumentException("means[" + i + "] = " + means[i] + ": expected finite");
            }
            if (ar[i].length != p) {
                throw new IllegalArgumentException("ar[" + i + "] has " + ar[i].length + " lags, ar[0] has " + p);
            }
            tr[i] = transition[i].clone();
            a[i] = ar[i].clone();
        }
        transition = tr;
        means = means.clone();
        variances = variances.clone();
        ar = a;
    }

    /** Number of regimes k. */
    public int regimes() {
        return means.length;
    }

    /** AR order p. */
    public int order() {
        return ar[0].length;
    }

    /** {@code Pr(S_t = to | S_{t-1} = from)}. */
    public double transition(int from, int to) {
        return transition[from][to];
    }

    /** statsmodels' {@code regime_transition}: {@code [i][j] = Pr(S_t = i | S_{t-1} = j)}. */
    public double[][] transitionColumnStochastic() {
        int k = means.length;
        double[][] out = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                out[i][j] = transition[j][i];
            }
        }
        return out;
    }

    /** Expected duration of each regime, {@code 1 / (1 - p_ii)} periods. */
    public double[] expectedDurations() {
        int k = means.length;
        double[] d = new double[k];
        for (int i = 0; i < k; i++) {
            d[i] = 1.0 / (1.0 - transition[i][i]);
        }
        return d;
    }

    /** The ergodic (stationary) regime distribution {@code pi = pi P}. */
    public double[] ergodicProbabilities() {
        return MarkovChain.ergodic(transition);
    }

    @Override
    public String toString() {
        return "MarkovSwitchingParameters[transition=" + Arrays.deepToString(transition) + ", means="
                + Arrays.toString(means) + ", variances=" + Arrays.toString(variances) + ", ar="
                + Arrays.deepToString(ar) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MarkovSwitchingParameters q && Arrays.deepEquals(transition, q.transition)
                && Arrays.equals(means, q.means) && Arrays.equals(variances, q.variances)
                && Arrays.deepEquals(ar, q.ar);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(transition) * 31 + Arrays.hashCode(means) * 7 + Arrays.hashCode(variances);
    }
}
