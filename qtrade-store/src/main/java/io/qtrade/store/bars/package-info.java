/**
 * Bars in the store and their importers: {@link io.qtrade.store.bars.BarStore} keeps a {@code bars} dataset in the
 * store's Hive layout with the interval in the path
 * ({@code ROOT/bars/interval=1d/venue=V/symbol=S/year=YYYY/part-N.parquet|csv}), which Spark and DuckDB read as it
 * is; {@link io.qtrade.store.bars.BinanceKlines} reads Binance's public spot and USD-M kline files (with or without
 * header, millisecond or microsecond times), {@link io.qtrade.store.bars.KiteBars} turns Zerodha Kite historical
 * candles into bars, and {@link io.qtrade.store.bars.BarCsvReader} reads CSV bars with a header (Yahoo/Stooq daily
 * sessions in an exchange's zone, intraday bars with offsets, local times under daylight-saving rules, epoch
 * numbers).
 */
package io.qtrade.store.bars;
