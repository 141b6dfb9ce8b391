/**
 * Bars in the store and their importers: {@link io.qtrade.store.bars.BarStore} keeps a {@code bars} dataset in the
 * store's Hive layout with the interval in the path
 * ({@code ROOT/bars/interval=1d/venue=V/symbol=S/year=YYYY/part-N.parquet|csv}), which Spark and DuckDB read as it
 * is; {@link io.qtrade.store.bars.BinanceKlines} reads Binance's public spot and USD-M kline files (with or without
 * header, millisecond or microsecond times) and {@link io.qtrade.store.bars.KiteBars} turns Zerodha Kite historical
 * candles into bars.
 */
package io.qtrade.store.bars;
