package io.qtrade.portfolio.covariance;

/**
 * The unbiased sample covariance, numpy's {@code np.cov(R, rowvar=False, ddof=1)}:
 * <pre>{@code
 * Sigma_ij = 1/(T - 1) * sum_t (r_ti - mean_i)(r_tj - mean_j)
 * }</pre>
 * Needs T >= 2 rows. Two-pass (means first), so it stays accurate for returns with a large mean.
 */
public final class SampleCovariance implements CovarianceEstimator {

    /** The estimator (stateless). */
    public static final SampleCovariance INSTANCE = new SampleCovariance();

    private SampleCovariance() {
    }

    @Override
    public double[][] estimate(double[][] returns) {
        Covariances.checkReturns("sample covariance", returns, 2);
        return scatter(returns, returns.length - 1.0);
    }

    /** {@code X'X / divisor} with X the demeaned returns. */
    static double[][] scatter(double[][] returns, double divisor) {
        int n = returns[0].length;
        double[] mean = Covariances.columnMeans(returns);
        double[][] s = new double[n][n];
        double[] x = new double[n];
        for (double[] row : returns) {
            for (int i = 0; i < n; i++) {
                x[i] = row[i] - mean[i];
            }
            for (int i = 0; i < n; i++) {
                double xi = x[i];
                double[] si = s[i];
                for (int j = 0; j <= i; j++) {
                    si[j] += xi * x[j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                s[i][j] /= divisor;
                s[j][i] = s[i][j];
            }
        }
        return s;
    }

    @Override
    public String toString() {
        return "SampleCovariance[ddof=1]";
    }
}
