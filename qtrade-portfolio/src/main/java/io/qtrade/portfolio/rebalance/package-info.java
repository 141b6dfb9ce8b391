/**
 * Walk-forward rebalancing as a pure component: {@link io.qtrade.portfolio.rebalance.Rebalancer} runs an
 * {@link io.qtrade.portfolio.rebalance.AllocationRule} (estimator + optimiser, see
 * {@link io.qtrade.portfolio.rebalance.AllocationRules}) on a {@link io.qtrade.portfolio.rebalance.RebalanceSchedule}
 * (monthly, weekly, every k dates, drift threshold) over a returns matrix, with turnover and linear costs;
 * {@link io.qtrade.portfolio.rebalance.RebalancingStrategy} does the same in the bar engine as a strategy that sends
 * target-weight orders ({@code BarContext.rebalanceToWeights}), with the engine's lots and costs.
 */
package io.qtrade.portfolio.rebalance;
