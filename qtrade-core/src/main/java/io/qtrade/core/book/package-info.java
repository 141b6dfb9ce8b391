/**
 * Order books: {@link io.qtrade.core.book.OrderBook}, the L2 price-level book (best bid/ask, quantity at a price,
 * top-N depth, mid, spread, microprice), and {@link io.qtrade.core.book.MboBook}, the L3 market-by-order book (FIFO
 * queue per level, per-order lookup, quantity ahead), whose aggregated levels are an {@code OrderBook}.
 *
 * <p>Books key prices by integer ticks ({@code priceTicks}), converted once at the edge with
 * {@link io.qtrade.core.Instrument#toTicks(double)}, so that level lookup is exact; quantities are {@code double}.
 * An empty side is a named constant ({@link io.qtrade.core.book.OrderBook#NO_BID},
 * {@link io.qtrade.core.book.OrderBook#NO_ASK}), and derived prices of a book with an empty side are {@code NaN}.
 * A book is never left crossed or locked: an update that would do so is resolved by its
 * {@link io.qtrade.core.book.CrossedBookPolicy} (prune the stale opposite levels, or throw a
 * {@link io.qtrade.core.book.CrossedBookException}).
 *
 * <p>Updates are allocation-free after warm-up: sides, orders and queues live in primitive arrays and primitive hash
 * maps, never in an object per level or per order. Outputs with several values are written into arrays the caller
 * owns. Timestamps ({@code lastExchTs}, {@code lastLocalTs}) are epoch nanoseconds, UTC. Books are not thread-safe:
 * each belongs to one event loop.
 */
package io.qtrade.core.book;
