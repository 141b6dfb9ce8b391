/**
 * Live Zerodha Kite Connect adapters on the JDK's {@code java.net.http} and Jackson:
 * {@link io.qtrade.connectors.zerodha.live.KiteTickParser} (the ticker's binary packets),
 * {@link io.qtrade.connectors.zerodha.live.KiteTickerClient} (the WebSocket, subscriptions, core events,
 * reconnection), {@link io.qtrade.connectors.zerodha.live.KiteOrderClient} (REST orders, an
 * {@link io.qtrade.connectors.live.OrderGateway}) and {@link io.qtrade.connectors.zerodha.live.KiteSession} (the
 * login checksum and the access-token exchange).
 *
 * <p>Kite sends prices as integers in paise (1/100 rupee; other divisors for currency segments) and times in epoch
 * seconds; every event here carries rupees and epoch nanoseconds UTC.
 */
package io.qtrade.connectors.zerodha.live;
