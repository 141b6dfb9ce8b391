/**
 * Constrained mean-variance optimisation: {@link io.qtrade.portfolio.optimize.MeanVarianceOptimizer} (global minimum
 * variance, maximum Sharpe, target return, target volatility, efficient frontier, quadratic utility) under
 * {@link io.qtrade.portfolio.optimize.PortfolioConstraints} (bounds, gross leverage, groups, turnover limit, linear
 * transaction costs). Infeasible constraints throw {@link io.qtrade.portfolio.optimize.InfeasiblePortfolioException}
 * naming them. Solver: a dense Goldfarb-Idnani dual active-set method with a KKT polish; ojAlgo for linear programs,
 * infeasibility diagnosis and as the fallback.
 */
package io.qtrade.portfolio.optimize;
