/**
 * Orders: what a strategy asks for ({@link io.qtrade.core.order.OrderRequest}, with its
 * {@link io.qtrade.core.order.OrderType} and {@link io.qtrade.core.order.TimeInForce}), the life of one order
 * ({@link io.qtrade.core.order.Order} moving through the {@link io.qtrade.core.order.OrderStatus} transition
 * table, refusing any other move with an {@link io.qtrade.core.order.IllegalOrderTransitionException}), and what
 * the venue reports back: {@link io.qtrade.core.order.ExecutionReport}s and
 * {@link io.qtrade.core.order.Fill}s, each a maker or taker {@link io.qtrade.core.order.Liquidity}.
 *
 * <p>Prices are quote currency per unit, quantities instrument units (contracts, coins, shares), fees quote
 * currency (negative = rebate). Every timestamp is a {@code long} count of nanoseconds since the Unix epoch, UTC:
 * {@code exchTs} stamped by the venue, {@code localTs} when the strategy saw it. An absent price is NaN and an
 * absent reason {@code ""}, each behind a named constant, never null.
 */
package io.qtrade.core.order;
