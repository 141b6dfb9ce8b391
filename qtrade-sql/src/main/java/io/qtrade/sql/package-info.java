/**
 * SQL over the tick store: DuckDB, embedded in-process through its JDBC driver, reads the Hive-layout Parquet files
 * as they are and returns Tablesaw tables (one-minute OHLCV bars, daily summaries, or any SQL).
 */
package io.qtrade.sql;
