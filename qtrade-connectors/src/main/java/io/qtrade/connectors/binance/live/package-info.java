/**
 * Live Binance adapters (spot and USD-M futures), thin translators between Binance's wire formats and qtrade's core
 * events and orders, on the JDK's {@code java.net.http} and Jackson only:
 * {@link io.qtrade.connectors.binance.live.BinanceMarketDataClient} (combined WebSocket streams of diff depth,
 * trades, aggregate trades and book tickers; the local book kept in step with REST snapshots by
 * {@link io.qtrade.store.binance.BinanceDepthSynchronizer}), {@link io.qtrade.connectors.binance.live.BinanceFrameParser},
 * {@link io.qtrade.connectors.binance.live.BinanceRestClient} (signed orders, an
 * {@link io.qtrade.connectors.live.OrderGateway}), {@link io.qtrade.connectors.binance.live.BinanceSigner} (HMAC-SHA256)
 * and {@link io.qtrade.connectors.binance.live.BinanceUserDataParser} (execution reports of the user-data stream).
 *
 * <p>Binance sends times in epoch milliseconds; every event and report here carries epoch nanoseconds UTC.
 */
package io.qtrade.connectors.binance.live;
