package io.qtrade.portfolio.covariance;

/**
 * Ledoit-Wolf shrinkage towards a scaled identity, exactly as sklearn's {@code LedoitWolf().fit(R)}
 * ({@code assume_centered=False}); Ledoit and Wolf (2004), "A well-conditioned estimator for large-dimensional
 * covariance matrices", J. Multivariate Analysis 88(2):
 * <pre>{@code
 * X = R - mean(R);  S = X'X / T  (ddof 0);  mu = tr(S) / p
 * b2 = 1/(p T) * ( 1/T * sum_t ||x_t||^4 - ||S||_F^2 )
 * d2 = ||S - mu I||_F^2 / p
 * s  = min(b2, d2) / d2        (0 when d2 = 0)
 * Sigma = (1 - s) S + s mu I
 * }</pre>
 * Here {@code ||x_t||^4 = (sum_i x_ti^2)^2}; sklearn's {@code ledoit_wolf_shrinkage} computes
 * {@code beta_ = sum((X^2)'(X^2)) / T} which is the same quantity. Needs T >= 2.
 */
public final class LedoitWolf implements CovarianceEstimator {

    /** The estimator (stateless). */
    public static final LedoitWolf INSTANCE = new LedoitWolf();

    private LedoitWolf() {
    }

    /** The fit with its shrinkage and target scale. */
    public LedoitWolfResult fit(double[][] returns) {
        int p = Covariances.checkReturns("Ledoit-Wolf", returns, 2);
        int t = returns.length;
        double[] mean = Covariances.columnMeans(returns);
        double[][] s = SampleCovariance.scatter(returns, t);
        double mu = 0.0;
        for (int i = 0; i < p; i++) {
            mu += s[i][i];
        }
        mu /= p;
        double sumNorm4 = 0.0;
        for (double[] row : returns) {
            double sq = 0.0;
            for (int i = 0; i < p; i++) {
                double x = row[i] - mean[i];
                sq += x * x;
            }
            sumNorm4 += sq * sq;
        }
        double frob = 0.0;
        double d2 = 0.0;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                frob += s[i][j] * s[i][j];
                double e = s[i][j] - (i == j ? mu : 0.0);
                d2 += e * e;
            }
        }
        d2 /= p;
        double b2 = (sumNorm4 / t - frob) / ((double) p * t);
        double shrinkage = d2 == 0.0 ? 0.0 : Math.min(b2, d2) / d2;
        double[][] cov = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                cov[i][j] = (1.0 - shrinkage) * s[i][j] + (i == j ? shrinkage * mu : 0.0);
            }
        }
        return new LedoitWolfResult(shrinkage, mu, mean, cov);
    }

    @Override
    public double[][] estimate(double[][] returns) {
        return fit(returns).covariance();
    }

    @Override
    public String toString() {
        return "LedoitWolf[target=scaled identity, sklearn convention]";
    }
}
