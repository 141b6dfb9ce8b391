/**
 * Parquet files of Tablesaw tables: the backtest's result tables ({@code BacktestResult.tables()}) written one file
 * per table, with a Parquet schema derived from the Tablesaw column types, through parquet's local-file I/O (no
 * Hadoop installation or file system), each file published by an atomic rename so that a reader (DuckDB, Spark,
 * pandas, parquet-avro) sees either the previous complete file or the new complete one.
 */
package io.qtrade.backtest.parquet;
