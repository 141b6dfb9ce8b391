package io.qtrade.portfolio.riskparity;

import io.qtrade.portfolio.covariance.Covariances;

/**
 * The Euler decomposition of a portfolio's volatility (Roncalli 2013, "Introduction to Risk Parity and Budgeting",
 * ch. 2):
 * <pre>{@code
 * sigma = sqrt(w' Sigma w);  MRC_i = (Sigma w)_i / sigma;  RC_i = w_i MRC_i;  sum_i RC_i = sigma;  fraction_i = RC_i / sigma
 * }</pre>
 *
 * @param weights       N weights
 * @param volatility    sigma, per period
 * @param marginal      MRC_i
 * @param contributions RC_i
 * @param fractions     RC_i / sigma, summing to 1
 */
public record RiskContributions(double[] weights, double volatility, double[] marginal, double[] contributions,
                                double[] fractions) {

    /** The decomposition of any weights under a covariance. */
    public static RiskContributions of(double[] weights, double[][] cov) {
        int n = Covariances.checkCovariance("risk contributions", cov);
        Covariances.checkVector("risk contributions", "weights", weights, n);
        double[] sw = Covariances.multiply(cov, weights);
        double var = Covariances.dot(weights, sw);
        double sigma = Math.sqrt(var);
        if (!(sigma > 0.0)) {
            throw new IllegalArgumentException("risk contributions: portfolio variance " + var + ", expected > 0");
        }
        double[] mrc = new double[n];
        double[] rc = new double[n];
        double[] frac = new double[n];
        for (int i = 0; i < n; i++) {
            mrc[i] = sw[i] / sigma;
            rc[i] = weights[i] * mrc[i];
            frac[i] = rc[i] / sigma;
        }
        return new RiskContributions(weights.clone(), sigma, mrc, rc, frac);
    }
}
