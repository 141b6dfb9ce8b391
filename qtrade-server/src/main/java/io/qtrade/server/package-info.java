/**
 * An optional embedded service over a running engine: {@link io.qtrade.server.QtradeServer} (REST under
 * {@code /api/v1}, WebSocket streams, an OpenAPI description and a live dashboard, Javalin on Jetty), its settings
 * ({@link io.qtrade.server.ServerConfig}, {@link io.qtrade.server.TlsConfig}) and bearer tokens with two roles ({@link io.qtrade.server.ApiTokens},
 * {@link io.qtrade.server.Role}). Streams send one frame per client per flush, one JSON message per line; latest
 * values (top of book, depth, portfolio, signals) are conflated for a client that is behind, events (fills, orders,
 * risk) are queued and, on overflow, dropped with a count and a {@code gap} message. Nothing else in the SDK depends on this package. Timestamps in every answer are
 * epoch nanoseconds, UTC; amounts are in the instrument's quote currency.
 */
package io.qtrade.server;
