/**
 * The engine side of the server: {@link io.qtrade.server.tap.EngineTap} wraps a running engine's strategies and hands
 * what they see (books, trades, own orders, fills, portfolios, published signals) to the server thread through
 * bounded single-producer rings and sequence-locked snapshots, without allocating or blocking on the engine thread,
 * and runs the server's commands (orders, cancels, the kill switch) on the engine thread, through its risk gate.
 * Timestamps are epoch nanoseconds, UTC, on the engine's clock ({@code localTs}).
 */
package io.qtrade.server.tap;
