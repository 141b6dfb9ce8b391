/**
 * PostgreSQL (and TimescaleDB) as a store for bars, backtest results and live fills, through the PostgreSQL JDBC
 * driver: {@link io.qtrade.postgres.PgSettings} (credentials from the environment or a file, never logged),
 * {@link io.qtrade.postgres.PgSchema} (the tables, created if missing; hypertables when the TimescaleDB extension is
 * installed), {@link io.qtrade.postgres.PgBarSink} and {@link io.qtrade.postgres.PgBarSource} (core
 * {@link io.qtrade.core.bar.BarBatch}es of any {@link io.qtrade.core.bar.BarInterval}),
 * {@link io.qtrade.postgres.PgResults} ({@link io.qtrade.backtest.BacktestResult} tables under a run id with its
 * parameters) and {@link io.qtrade.postgres.PgFillSink} (live {@link io.qtrade.core.order.Fill}s).
 *
 * <p>Bulk data moves by {@code COPY ... FROM STDIN} / {@code COPY (...) TO STDOUT} in PostgreSQL's text format
 * through the driver's {@code CopyManager} (PostgreSQL documentation, "COPY"); a JDBC batch/fetch path is kept as
 * the benchmark baseline ({@link io.qtrade.postgres.WriteMode}, {@link io.qtrade.postgres.ReadMode}). Times are
 * {@code bigint} epoch nanoseconds, UTC; doubles round-trip bit for bit. Tested against PostgreSQL 15 (Debian
 * bookworm's package).
 */
package io.qtrade.postgres;
