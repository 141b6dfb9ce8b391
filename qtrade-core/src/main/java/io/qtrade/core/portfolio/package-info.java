/**
 * Accounting: a {@link io.qtrade.core.portfolio.Position} per instrument under the average-cost method (signed
 * quantity, average entry price, realized PnL gross of fees, fees, traded volume), and a
 * {@link io.qtrade.core.portfolio.Portfolio} of cash and positions marked to the latest prices, with the invariant
 * {@code equity - initialCash == realizedPnl + unrealizedPnl - fees}.
 *
 * <p>Money is quote currency; a fill of {@code qty} at {@code price} moves {@code price * qty * contractMultiplier}
 * of it. Applying a fill allocates nothing once the instrument is known, so a backtest can account every fill.
 */
package io.qtrade.core.portfolio;
