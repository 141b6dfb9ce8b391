/**
 * Binance importers: the public-data CSV files ({@code trades}, {@code aggTrades}, {@code bookTicker}; spot and
 * USD-M futures; with or without a header line; millisecond or microsecond timestamps) through
 * {@link io.qtrade.store.binance.BinanceCsvSource}, and WebSocket recordings (qtrade JSON lines or hftbacktest's
 * collector files: depth diffs with REST depth snapshots, trades, bookTicker) through
 * {@link io.qtrade.store.binance.BinanceDepthRecordingSource} (one file, the streams asked for) and
 * {@link io.qtrade.store.binance.BinanceRecordings} (a chain of files, continuation files included, every stream
 * merged by venue time, the recorder's clock skew measured and handled by an
 * {@link io.qtrade.store.ingest.ClockSkew}); the book is rebuilt with the I/O-free
 * {@link io.qtrade.store.binance.BinanceDepthSynchronizer} following Binance's "How to manage a local order book
 * correctly" (spot {@code U}/{@code u} rules, USD-M {@code pu} chain). The perpetual and future data of USD-M and
 * COIN-M ({@code fundingRate}, {@code markPriceKlines}, {@code indexPriceKlines}) become {@code FUNDING_RATE},
 * {@code MARK_PRICE} and {@code INDEX_PRICE} rows through {@link io.qtrade.store.binance.BinanceDerivativeCsvSource},
 * which reads {@code premiumIndexKlines} as bars.
 *
 * <p>Binance stamps events in epoch milliseconds (spot public data from 2025-01-01 in microseconds), UTC;
 * converted here to epoch nanoseconds. Public-data files carry no local receive time: {@code localTs = exchTs +
 * ImportOptions.assumedFeedLatencyNanos()}, logged when a file is opened. Recordings carry the local receive time in
 * nanoseconds.
 */
package io.qtrade.store.binance;
