/**
 * An optional embedded service over a running engine: {@link io.qtrade.server.QtradeServer} (REST under
 * {@code /api/v1}, WebSocket streams, an OpenAPI description and a live dashboard, Javalin on Jetty), its settings
 * ({@link io.qtrade.server.ServerConfig}) and bearer tokens with two roles ({@link io.qtrade.server.ApiTokens},
 * {@link io.qtrade.server.Role}). Nothing else in the SDK depends on this package. Timestamps in every answer are
 * epoch nanoseconds, UTC; amounts are in the instrument's quote currency.
 */
package io.qtrade.server;
