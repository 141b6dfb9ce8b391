/**
 * Trading fee models: what a fill costs in quote currency, by liquidity (maker or taker). Negative fees are rebates.
 */
package io.qtrade.backtest.fee;
