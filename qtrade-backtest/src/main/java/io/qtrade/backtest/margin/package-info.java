/**
 * Perpetuals and futures in the backtest: {@link io.qtrade.backtest.margin.MarginSettings} per instrument (margin
 * mode, leverage, brackets) and the {@link io.qtrade.backtest.margin.MarginLedger} that settles funding, checks new
 * orders against the available margin, liquidates (cancelling the open orders first) and delivers dated futures at
 * expiry, on the accounting of {@code io.qtrade.core.margin}.
 */
package io.qtrade.backtest.margin;
