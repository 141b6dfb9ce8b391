/**
 * Tardis.dev CSV importers ({@link io.qtrade.store.tardis.TardisCsvSource}): {@code incremental_book_L2} (with
 * its {@code is_snapshot} rows), {@code trades}, {@code book_snapshot_25} (and the other {@code book_snapshot_N}
 * files, turned into incremental updates by differencing consecutive snapshots), {@code quotes} and
 * {@code derivative_ticker} (mark price, index price and funding rate rows, each when its value changes).
 *
 * <p>Tardis timestamps are microseconds since the epoch, UTC: {@code timestamp} (the exchange's, or the arrival time
 * where the exchange gives none) becomes {@code exchTs}, {@code local_timestamp} (arrival at Tardis' recorder) becomes
 * {@code localTs}, both in nanoseconds.
 */
package io.qtrade.store.tardis;
