package io.qtrade.store.binance;

/**
 * Which Binance market a file comes from: the two differ in the depth-stream synchronisation rules and in the
 * public-data CSV columns.
 */
public enum BinanceMarket {
    /** Spot ({@code api.binance.com}): diff events chain by {@code U == previous u + 1}. */
    SPOT,
    /** USD-M futures ({@code fapi.binance.com}): diff events chain by {@code pu == previous u}. */
    USDM_FUTURES
}
