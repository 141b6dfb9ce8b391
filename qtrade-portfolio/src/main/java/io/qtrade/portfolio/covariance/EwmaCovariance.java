package io.qtrade.portfolio.covariance;

/**
 * Exponentially weighted covariance, RiskMetrics (J.P. Morgan/Reuters, RiskMetrics Technical Document, 4th ed. 1996,
 * section 5.2): zero mean (returns are not demeaned), decay {@code lambda} (0.94 for daily data).
 * <pre>{@code
 * SEEDED_RECURSIVE:   Sigma_m = 1/m sum_{t=1..m} r_t r_t';  Sigma_t = lambda Sigma_{t-1} + (1 - lambda) r_t r_t', t = m+1..T
 * NORMALISED_WEIGHTS: Sigma   = sum_{i=0..T-1} (1 - lambda) lambda^i / (1 - lambda^T) r_{T-i} r_{T-i}'
 * }</pre>
 * The value after the last return is reported. SEEDED_RECURSIVE needs T >= m; NORMALISED_WEIGHTS needs T >= 1.
 *
 * @param lambda         decay in (0, 1)
 * @param seedWindow     m, the number of returns averaged for the seed (used by SEEDED_RECURSIVE only), >= 1
 * @param initialisation how the recursion starts
 */
public record EwmaCovariance(double lambda, int seedWindow, EwmaInitialisation initialisation)
        implements CovarianceEstimator {

    /** RiskMetrics' daily decay. */
    public static final double RISKMETRICS_DAILY_LAMBDA = 0.94;

    /** Validates. */
    public EwmaCovariance {
        if (!(lambda > 0.0 && lambda < 1.0)) {
            throw new IllegalArgumentException("EWMA covariance: lambda = " + lambda + ", expected 0 < lambda < 1");
        }
        if (seedWindow < 1) {
            throw new IllegalArgumentException("EWMA covariance: seedWindow = " + seedWindow + ", expected >= 1");
        }
        if (initialisation == null) {
            throw new IllegalArgumentException("EWMA covariance: initialisation is null");
        }
    }

    /** RiskMetrics daily: lambda 0.94 seeded with the first 20 returns. */
    public static EwmaCovariance riskMetricsDaily() {
        return new EwmaCovariance(RISKMETRICS_DAILY_LAMBDA, 20, EwmaInitialisation.SEEDED_RECURSIVE);
    }

    @Override
    public double[][] estimate(double[][] returns) {
        int minRows = initialisation == EwmaInitialisation.SEEDED_RECURSIVE ? seedWindow : 1;
        int n = Covariances.checkReturns("EWMA covariance", returns, minRows);
        int t = returns.length;
        double[][] s = new double[n][n];
        if (initialisation == EwmaInitialisation.SEEDED_RECURSIVE) {
            for (int k = 0; k < seedWindow; k++) {
                addOuter(s, returns[k], 1.0 / seedWindow);
            }
            for (int k = seedWindow; k < t; k++) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j <= i; j++) {
                        s[i][j] *= lambda;
                    }
                }
                addOuter(s, returns[k], 1.0 - lambda);
            }
        } else {
            double norm = (1.0 - lambda) / (1.0 - Math.pow(lambda, t));
            double w = norm;
            for (int k = t - 1; k >= 0; k--) {
                addOuter(s, returns[k], w);
                w *= lambda;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                s[j][i] = s[i][j];
            }
        }
        return s;
    }

    private static void addOuter(double[][] s, double[] r, double w) {
        for (int i = 0; i < r.length; i++) {
            double ri = w * r[i];
            for (int j = 0; j <= i; j++) {
                s[i][j] += ri * r[j];
            }
        }
    }
}
