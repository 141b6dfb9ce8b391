package io.qtrade.features.factor;

import java.util.Arrays;

/**
 * A fitted principal component analysis of a {@code T x N} return matrix; component j is column j of
 * {@code loadings} and of {@code factorReturns}, in decreasing order of explained variance.
 *
 * @param means                  column means used to centre, length N
 * @param scales                 column standard deviations (ddof 1) used to scale when fitting on correlations,
 *                               otherwise all 1; length N
 * @param loadings               {@code [asset][component]}, orthonormal columns (eigenvectors of the covariance or
 *                               correlation matrix), each with its largest-magnitude element positive
 * @param explainedVariance      eigenvalues {@code s_j^2 / (T - 1)}, length K = min(T, N)
 * @param explainedVarianceRatio {@code explainedVariance / sum(explainedVariance)}
 * @param factorReturns          {@code [observation][component]}, {@code Z V} with Z the centred (and scaled) data
 */
public record PcaResult(double[] means, double[] scales, double[][] loadings, double[] explainedVariance,
                        double[] explainedVarianceRatio, double[][] factorReturns) {

    /** Number of assets N. */
    public int assets() {
        return means.length;
    }

    /** Number of components K. */
    public int components() {
        return explainedVariance.length;
    }

    /**
     * Projects one new observation onto the fitted components, allocation-free: the streaming form of the factor
     * returns, {@code f_j = sum_i (r_i - mean_i) / scale_i * loadings[i][j]}.
     *
     * @param returns    one row of N asset returns (not modified)
     * @param factorsOut the K factor returns (overwritten)
     */
    public void project(double[] returns, double[] factorsOut) {
        int n = means.length;
        int k = explainedVariance.length;
        if (returns.length != n) {
            throw new IllegalArgumentException("returns has " + returns.length + " assets, the fit has " + n);
        }
        if (factorsOut.length != k) {
            throw new IllegalArgumentException("factorsOut has " + factorsOut.length + " slots, the fit has " + k
                    + " components");
        }
        for (int j = 0; j < k; j++) {
            factorsOut[j] = 0.0;
        }
        for (int i = 0; i < n; i++) {
            double z = (returns[i] - means[i]) / scales[i];
            double[] row = loadings[i];
            for (int j = 0; j < k; j++) {
                factorsOut[j] += z * row[j];
            }
        }
    }

    @Override
    public String toString() {
        return "PcaResult[assets=" + assets() + ", observations=" + factorReturns.length + ", explainedVarianceRatio="
                + Arrays.toString(explainedVarianceRatio) + "]";
    }
}
