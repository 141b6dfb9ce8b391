/**
 * Reading bars from CSV files with a header (Yahoo / Stooq style: {@code Date, Open, High, Low, Close, Adj Close,
 * Volume}, any order and case): {@link io.qtrade.bars.csv.BarCsvReader}, one file per symbol, into a
 * {@link io.qtrade.core.bar.BarSource}. Daily rows are sessions in an explicit exchange time zone.
 */
package io.qtrade.bars.csv;
