/**
 * Zerodha Kite Connect importers: historical candles (the JSON the historical-data API returns, timestamps in IST,
 * {@code +0530}) into a columnar {@link io.qtrade.store.zerodha.KiteCandleSeries} with times in epoch
 * nanoseconds UTC ({@link io.qtrade.store.zerodha.KiteCandles}), and the instruments dump CSV into
 * {@link io.qtrade.store.zerodha.KiteInstrument} records convertible to core
 * {@link io.qtrade.core.Instrument}s ({@link io.qtrade.store.zerodha.KiteInstruments}).
 */
package io.qtrade.store.zerodha;
