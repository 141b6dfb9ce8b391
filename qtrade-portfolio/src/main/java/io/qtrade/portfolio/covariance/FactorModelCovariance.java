package io.qtrade.portfolio.covariance;

import io.qtrade.features.factor.PcaResult;
import io.qtrade.features.factor.PrincipalComponents;

/**
 * A statistical factor-model covariance from qtrade's PCA ({@link PrincipalComponents} on the covariance, not the
 * correlation): the first k principal components are the factors, the rest is diagonal specific risk.
 * <pre>{@code
 * S = sample covariance (ddof 1) = V diag(ev) V'
 * B = V[:, 0..k-1]   (N x k loadings);   F = diag(ev_0..ev_{k-1})   (factor variances)
 * D = diag(S_ii - (B F B')_ii)   (specific variances, >= 0 up to rounding; negatives from rounding are set to 0)
 * Sigma = B F B' + D
 * }</pre>
 * The diagonal of Sigma equals the sample variances; the off-diagonal part keeps only the k factors' covariance.
 * Connor and Korajczyk (1988), "Risk and return in an equilibrium APT", J. Financial Economics 21; the same
 * construction as Riskfolio-Lib's PCA-based factor covariance. Needs T >= 2 and 1 <= k <= min(T, N).
 *
 * @param factors k, the number of principal components kept
 */
public record FactorModelCovariance(int factors) implements CovarianceEstimator {

    /** Validates. */
    public FactorModelCovariance {
        if (factors < 1) {
            throw new IllegalArgumentException("factor-model covariance: factors = " + factors + ", expected >= 1");
        }
    }

    @Override
    public double[][] estimate(double[][] returns) {
        int n = Covariances.checkReturns("factor-model covariance", returns, 2);
        PcaResult pca = new PrincipalComponents(false).fit(returns);
        if (factors > pca.components()) {
            throw new IllegalArgumentException("factor-model covariance: factors = " + factors + ", but only "
                    + pca.components() + " components exist for " + returns.length + " x " + n + " returns");
        }
        double[][] sample = SampleCovariance.INSTANCE.estimate(returns);
        double[][] b = pca.loadings();
        double[] ev = pca.explainedVariance();
        double[][] cov = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0.0;
                for (int f = 0; f < factors; f++) {
                    s += b[i][f] * ev[f] * b[j][f];
                }
                cov[i][j] = s;
                cov[j][i] = s;
            }
        }
        for (int i = 0; i < n; i++) {
            double specific = sample[i][i] - cov[i][i];
            cov[i][i] += Math.max(specific, 0.0);
        }
        return cov;
    }
}
