/**
 * Market events: what they say ({@link io.qtrade.core.market.EventKind}), how they travel (columnar
 * {@link io.qtrade.core.market.EventBatch}es read through an {@link io.qtrade.core.market.EventCursor}), where they
 * come from ({@link io.qtrade.core.market.EventSource}) and how streams of several instruments are merged in time
 * ({@link io.qtrade.core.market.MergedEventSource}).
 *
 * <p>Every timestamp is a {@code long} count of nanoseconds since the Unix epoch, UTC. Each event carries two:
 * {@code exchTs}, stamped by the venue, and {@code localTs}, when the researcher's machine saw it; the feed latency
 * is their difference. Strategies see events at {@code localTs}; a simulated exchange acts at {@code exchTs}.
 */
package io.qtrade.core.market;
