package io.qtrade.backtest.exchange;

/**
 * How the simulated venue sizes fills, after hftbacktest's two exchange processors ({@code PartialFillExchange} and
 * {@code NoPartialFillExchange} in {@code hftbacktest/src/backtest/proc/}).
 */
public enum ExchangeModel {

    /**
     * qtrade's default: arriving orders walk the visible book level by level and rest (GTC) or cancel the rest;
     * resting orders fill in whole lots from what a print leaves past their queue, from a print through their price
     * up to its quantity, and completely when the opposite best reaches their price; a strategy consumes liquidity
     * once. See the fill rules of {@link SimulatedExchange}.
     */
    PARTIAL_FILL,

    /**
     * hftbacktest's {@code NoPartialFillExchange}, for parity runs. Every fill is of the order's whole quantity:
     * <ul>
     *   <li>an arriving limit order at or through the opposite best (GTC, IOC, FOK) and a market order fill completely
     *       at the opposite best price as taker, whatever the quantity there (unrealistic for large orders, as
     *       hftbacktest warns); post-only orders that would cross are rejected; IOC and FOK orders that do not cross
     *       end unfilled;</li>
     *   <li>a resting order fills completely as maker when a print at its price takes its qty ahead at least one lot
     *       below zero ({@code qtyAhead <= -lotSize}, hftbacktest's {@code is_filled > 0}), when a print goes through
     *       its price (subject to the instrument's {@link io.qtrade.backtest.fill.TradeThroughFill}), or when the
     *       opposite best reaches its price;</li>
     *   <li>each resting order sees every print whole: the orders of one strategy do not share a print, and nothing
     *       remembers what a strategy took.</li>
     * </ul>
     */
    NO_PARTIAL_FILL
}
