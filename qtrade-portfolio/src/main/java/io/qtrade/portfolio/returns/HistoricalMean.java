package io.qtrade.portfolio.returns;

import io.qtrade.portfolio.covariance.Covariances;

/**
 * The arithmetic mean of each column, {@code mu_i = 1/T sum_t r_ti} (numpy {@code R.mean(axis=0)}; PyPortfolioOpt
 * {@code mean_historical_return(compounding=False)} before annualisation). Needs T >= 1.
 */
public final class HistoricalMean implements ExpectedReturnsEstimator {

    /** The estimator (stateless). */
    public static final HistoricalMean INSTANCE = new HistoricalMean();

    private HistoricalMean() {
    }

    @Override
    public double[] estimate(double[][] returns) {
        Covariances.checkReturns("historical mean", returns, 1);
        return Covariances.columnMeans(returns);
    }

    @Override
    public String toString() {
        return "HistoricalMean";
    }
}
