/**
 * The tick store: market events on disk in a Hive-style layout that Spark, DuckDB and ClickHouse read as they are.
 *
 * <pre>{@code
 * root/venue=SIM/symbol=BTCUSDT/_instrument.json
 * root/venue=SIM/symbol=BTCUSDT/date=2024-01-02/part-0.parquet     (or part-0.csv)
 * }</pre>
 * One part file holds one instrument's events in {@code exch_ts} order, with the columns of {@link
 * io.qtrade.store.TickSchema} (timestamps are epoch nanoseconds, UTC; {@code date} is the UTC date of
 * {@code exch_ts}). {@link io.qtrade.store.TickStore} writes (crash-safe: temporary file, then an atomic
 * rename), lists ({@link io.qtrade.store.TickStore#catalog()}, and per date partition with its event kinds
 * {@link io.qtrade.store.TickStore#partitions()}) and reads (a time-ordered
 * {@link io.qtrade.core.market.EventSource} over chosen symbols and a time range; the parts of one date, such as
 * depth and trades of one vendor day, merged by {@code exch_ts} through {@link io.qtrade.store.TimeMergedSource}). Bad input raises a
 * {@link io.qtrade.store.TickDataException} naming the file, the row and the field, or, in lenient mode,
 * is counted and logged. {@link io.qtrade.store.ParquetTickReader} decodes the Parquet pages itself (no object per
 * event, buffers reused across files); {@link io.qtrade.store.ReadAheadSource} runs any source's reading and decoding
 * on a second thread, for a backtest that reads from the store while its event loop runs.
 */
package io.qtrade.store;
