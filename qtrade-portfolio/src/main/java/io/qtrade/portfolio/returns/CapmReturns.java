package io.qtrade.portfolio.returns;

import io.qtrade.portfolio.covariance.Covariances;

/**
 * CAPM-implied expected returns (Sharpe 1964), as PyPortfolioOpt's {@code capm_return} before annualisation:
 * <pre>{@code
 * r_m,t  = sum_i w_i r_ti        (the market portfolio's return; or a given market series)
 * beta_i = cov(r_i, r_m) / var(r_m)   (sample moments, ddof 1)
 * mu_i   = rf + beta_i (mean(r_m) - rf)
 * }</pre>
 * Per period units: rf is the risk-free return per period. Needs T >= 2 and a market series with non-zero variance.
 */
public final class CapmReturns implements ExpectedReturnsEstimator {

    private final double riskFreeRate;
    private final double[] marketWeights;

    private CapmReturns(double riskFreeRate, double[] marketWeights) {
        if (!Double.isFinite(riskFreeRate)) {
            throw new IllegalArgumentException("CAPM returns: riskFreeRate = " + riskFreeRate + ", expected finite");
        }
        this.riskFreeRate = riskFreeRate;
        this.marketWeights = marketWeights;
    }

    /** The market is the portfolio with the given weights over the same assets (e.g. capitalisation weights). */
    public static CapmReturns withMarketWeights(double riskFreeRate, double[] marketWeights) {
        Covariances.checkVector("CAPM returns", "marketWeights", marketWeights, marketWeights.length);
        return new CapmReturns(riskFreeRate, marketWeights.clone());
    }

    /** The market is the equal-weighted portfolio of the assets (PyPortfolioOpt's default without a benchmark). */
    public static CapmReturns equalWeightedMarket(double riskFreeRate) {
        return new CapmReturns(riskFreeRate, null);
    }

    @Override
    public double[] estimate(double[][] returns) {
        int n = Covariances.checkReturns("CAPM returns", returns, 2);
        double[] w = marketWeights;
        if (w == null) {
            w = new double[n];
            java.util.Arrays.fill(w, 1.0 / n);
        } else if (w.length != n) {
            throw new IllegalArgumentException("CAPM returns: marketWeights has " + w.length + " entries, returns has "
                    + n + " assets");
        }
        double[] market = new double[returns.length];
        for (int t = 0; t < returns.length; t++) {
            market[t] = Covariances.dot(returns[t], w);
        }
        return estimate(returns, market);
    }

    /**
     * With an explicit market return series (e.g. an index), aligned with the rows of {@code returns}.
     *
     * @param market T market returns, not modified
     */
    public double[] estimate(double[][] returns, double[] market) {
        int n = Covariances.checkReturns("CAPM returns", returns, 2);
        int t = returns.length;
        Covariances.checkVector("CAPM returns", "market", market, t);
        double mm = 0.0;
        for (double m : market) {
            mm += m;
        }
        mm /= t;
        double[] mean = Covariances.columnMeans(returns);
        double varM = 0.0;
        double[] cov = new double[n];
        for (int k = 0; k < t; k++) {
            double dm = market[k] - mm;
            varM += dm * dm;
            for (int i = 0; i < n; i++) {
                cov[i] += (returns[k][i] - mean[i]) * dm;
            }
        }
        if (varM == 0.0) {
            throw new IllegalArgumentException("CAPM returns: the market series has zero variance over " + t
                    + " returns");
        }
        double premium = mm - riskFreeRate;
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            mu[i] = riskFreeRate + cov[i] / varM * premium;
        }
        return mu;
    }

    @Override
    public String toString() {
        return "CapmReturns[riskFreeRate=" + riskFreeRate + ", market="
                + (marketWeights == null ? "equal-weighted" : java.util.Arrays.toString(marketWeights)) + "]";
    }
}
