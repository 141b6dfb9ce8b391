/**
 * What every live venue adapter shares: {@link io.qtrade.connectors.live.ApiSecret} and
 * {@link io.qtrade.connectors.live.Credentials} (from the environment or a file, masked in every {@code toString}),
 * the {@link io.qtrade.connectors.live.ReconnectPolicy} (exponential backoff with seeded jitter), the
 * {@link io.qtrade.connectors.live.OrderGateway} that the Binance and Kite REST clients implement (so that a kill
 * switch can call {@code cancelAll} on any venue), the {@link io.qtrade.connectors.live.VenueException} that a
 * venue's error codes map to, and the {@link io.qtrade.connectors.live.MalformedFrameException} of the wire
 * parsers; the {@link io.qtrade.connectors.live.LiveEventSource} that turns the clients' callbacks into the
 * {@code EventSource} of paper trading, and the {@link io.qtrade.connectors.live.DisconnectGuard} that engages a kill
 * switch and cancels every open order at the venue when a client's connection is lost.
 *
 * <p>Timestamps are {@code long} epoch nanoseconds UTC; durations carry their unit in their name.
 */
package io.qtrade.connectors.live;
