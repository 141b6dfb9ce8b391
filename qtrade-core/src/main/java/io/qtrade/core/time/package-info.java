/**
 * Time: every timestamp in qtrade is a {@code long} count of nanoseconds since the Unix epoch, UTC, and durations
 * carry their unit in their name ({@code latencyNanos}). Code reads "now" through a {@link io.qtrade.core.time.Clock}:
 * simulated in a backtest, the system's in paper and live trading.
 */
package io.qtrade.core.time;
