package io.qtrade.portfolio.returns;

import io.qtrade.portfolio.covariance.Covariances;

/**
 * Exponentially weighted mean of each column with the weights normalised over the window, pandas
 * {@code R.ewm(alpha=1-lambda, adjust=True).mean().iloc[-1]}:
 * <pre>{@code
 * mu_i = sum_{k=0..T-1} lambda^k r_{T-k,i} / sum_{k=0..T-1} lambda^k
 * }</pre>
 * With a span s (pandas {@code span=s}) lambda = 1 - 2/(s+1). Needs T >= 1.
 *
 * @param lambda decay in (0, 1): the weight of the newest return relative to the one before
 */
public record EwmaMean(double lambda) implements ExpectedReturnsEstimator {

    /** Validates. */
    public EwmaMean {
        if (!(lambda > 0.0 && lambda < 1.0)) {
            throw new IllegalArgumentException("EWMA mean: lambda = " + lambda + ", expected 0 < lambda < 1");
        }
    }

    /** The pandas {@code span} form: lambda = 1 - 2/(span + 1), span > 1. */
    public static EwmaMean ofSpan(double span) {
        if (!(span > 1.0)) {
            throw new IllegalArgumentException("EWMA mean: span = " + span + ", expected > 1");
        }
        return new EwmaMean(1.0 - 2.0 / (span + 1.0));
    }

    @Override
    public double[] estimate(double[][] returns) {
        int n = Covariances.checkReturns("EWMA mean", returns, 1);
        double[] mu = new double[n];
        double w = 1.0;
        double sw = 0.0;
        for (int t = returns.length - 1; t >= 0; t--) {
            for (int i = 0; i < n; i++) {
                mu[i] += w * returns[t][i];
            }
            sw += w;
            w *= lambda;
        }
        for (int i = 0; i < n; i++) {
            mu[i] /= sw;
        }
        return mu;
    }
}
