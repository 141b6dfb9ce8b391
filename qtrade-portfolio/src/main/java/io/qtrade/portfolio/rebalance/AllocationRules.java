package io.qtrade.portfolio.rebalance;

import io.qtrade.portfolio.covariance.CovarianceEstimator;
import io.qtrade.portfolio.hrp.HierarchicalRiskParity;
import io.qtrade.portfolio.optimize.MeanVarianceOptimizer;
import io.qtrade.portfolio.optimize.PortfolioConstraints;
import io.qtrade.portfolio.returns.ExpectedReturnsEstimator;
import io.qtrade.portfolio.riskparity.RiskBudgeting;
import java.util.Arrays;

/**
 * The usual allocation rules as {@link AllocationRule}s. Mean-variance rules whose constraints carry current weights
 * (for a turnover limit or a cost penalty) get the drifted weights held at each rebalance as their current weights.
 */
public final class AllocationRules {

    private AllocationRules() {
    }

    /** 1/N. */
    public static AllocationRule equalWeight() {
        return (window, current) -> {
            double[] w = new double[current.length];
            Arrays.fill(w, 1.0 / current.length);
            return w;
        };
    }

    /** Minimum variance under the constraints. */
    public static AllocationRule minimumVariance(CovarianceEstimator covariance, PortfolioConstraints constraints) {
        return (window, current) -> MeanVarianceOptimizer.of(covariance.estimate(window), null, 0.0,
                withCurrent(constraints, current)).minimumVariance().weights();
    }

    /** Maximum Sharpe ratio (rf per period) under the constraints. */
    public static AllocationRule maximumSharpe(CovarianceEstimator covariance, ExpectedReturnsEstimator expected,
                                               double riskFreeRate, PortfolioConstraints constraints) {
        return (window, current) -> MeanVarianceOptimizer.of(covariance.estimate(window), expected.estimate(window),
                riskFreeRate, withCurrent(constraints, current)).maximumSharpe().weights();
    }

    /** Equal risk contribution (long-only). */
    public static AllocationRule equalRiskContribution(CovarianceEstimator covariance) {
        return (window, current) -> RiskBudgeting.equalRiskContribution(covariance.estimate(window)).weights();
    }

    /** Risk budgeting with the given budgets. */
    public static AllocationRule riskBudgets(CovarianceEstimator covariance, double[] budgets) {
        double[] b = budgets.clone();
        return (window, current) -> RiskBudgeting.solve(covariance.estimate(window), b).weights();
    }

    /** Hierarchical Risk Parity. */
    public static AllocationRule hierarchicalRiskParity(CovarianceEstimator covariance, HierarchicalRiskParity hrp) {
        return (window, current) -> hrp.allocate(covariance.estimate(window)).weights();
    }

    private static PortfolioConstraints withCurrent(PortfolioConstraints c, double[] current) {
        if (!c.hasCurrentWeights()) {
            return c;
        }
        double sum = 0.0;
        for (double w : current) {
            sum += w;
        }
        // Before the first rebalance nothing is held; the turnover limit then cannot apply (it would pin w to 0).
        if (sum == 0.0) {
            PortfolioConstraints.Builder b = PortfolioConstraints.builder(c.assets());
            for (int i = 0; i < c.assets(); i++) {
                b.assetBounds(i, c.lower(i), c.upper(i));
            }
            if (c.grossLeverage() != Double.POSITIVE_INFINITY) {
                b.grossLeverage(c.grossLeverage());
            }
            c.groups().forEach(b::group);
            return b.build();
        }
        return c.toBuilder().currentWeights(current).build();
    }
}
