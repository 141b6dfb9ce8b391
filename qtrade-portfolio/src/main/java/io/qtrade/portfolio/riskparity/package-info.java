/**
 * Risk parity: {@link io.qtrade.portfolio.riskparity.RiskBudgeting} (equal risk contribution and general risk budgets,
 * long-only, Spinu's convex form) and {@link io.qtrade.portfolio.riskparity.RiskContributions} (Euler decomposition of
 * volatility for any weights).
 */
package io.qtrade.portfolio.riskparity;
