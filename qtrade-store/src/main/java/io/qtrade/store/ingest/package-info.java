/**
 * What the vendor importers share: {@link io.qtrade.store.ingest.ImportException} (bad input, naming the file,
 * line or byte offset, field and what was expected), {@link io.qtrade.store.ingest.ImportOptions} (strict or
 * lenient mode, the backwards-time tolerance, the assumed feed latency for files without a local receive time),
 * {@link io.qtrade.store.ingest.SkipCounter} (lenient mode's counted and logged skips, summed by reason),
 * {@link io.qtrade.store.ingest.ClockSkew} and {@link io.qtrade.store.ingest.ClockSkewReport} (a recorder's clock
 * against the venue's: measured, reported, kept, offset or clamped),
 * {@link io.qtrade.store.ingest.TimeOrder} (the backwards-time check), the allocation-free field parsers of
 * {@link io.qtrade.store.ingest.CsvLine} and {@link io.qtrade.store.ingest.Decimals}, and
 * {@link io.qtrade.store.ingest.StagedEventSource}, the base of every streaming importer.
 *
 * <p>Timestamps are {@code long} epoch nanoseconds, UTC, once an importer has converted its vendor's unit and time
 * zone (each importer states both).
 */
package io.qtrade.store.ingest;
