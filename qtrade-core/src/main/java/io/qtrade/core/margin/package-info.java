/**
 * Derivatives accounting: a {@link io.qtrade.core.margin.MarginAccount} per settlement asset holding linear and
 * inverse perpetual and future positions in cross or isolated margin, leverage brackets loaded from a file
 * ({@link io.qtrade.core.margin.LeverageBrackets}), funding settlements ({@link io.qtrade.core.margin.FundingPayment}),
 * Binance's liquidation price formulas ({@link io.qtrade.core.margin.LiquidationPrice}), liquidation with its
 * clearance fee and insurance-fund rule ({@link io.qtrade.core.margin.Liquidation}), the delivery of dated futures
 * at expiry ({@link io.qtrade.core.margin.Delivery}), and the pre-trade margin check
 * ({@link io.qtrade.core.margin.MarginCheck}). Amounts are in the account's settlement asset; times are epoch
 * nanoseconds.
 */
package io.qtrade.core.margin;
