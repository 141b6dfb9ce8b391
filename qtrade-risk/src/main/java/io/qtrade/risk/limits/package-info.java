/**
 * Pre-trade limits, each a {@link io.qtrade.risk.PreTradeCheck} with a stable reason code: order size
 * ({@link io.qtrade.risk.limits.MaxOrderQty}, {@link io.qtrade.risk.limits.MaxOrderNotional}), position
 * ({@link io.qtrade.risk.limits.MaxPosition}), exposure ({@link io.qtrade.risk.limits.MaxGrossExposure},
 * {@link io.qtrade.risk.limits.MaxNetExposure}), fat-finger price band ({@link io.qtrade.risk.limits.PriceBand}), order
 * rate ({@link io.qtrade.risk.limits.OrderRateLimit}) and open orders ({@link io.qtrade.risk.limits.MaxOpenOrders}).
 *
 * <p>Conventions: a value exactly at its limit passes, above it is rejected; quantities are instrument units, prices
 * and notionals quote currency ({@code price * qty * contractMultiplier}), times epoch nanoseconds of the engine's
 * clock. Checks that need a reference price take the latest mid of the market data the engine feeds them
 * ({@link io.qtrade.risk.RiskGate#onMarketData}). Checks are mutable where they keep state and are driven by one
 * engine thread.
 */
package io.qtrade.risk.limits;
