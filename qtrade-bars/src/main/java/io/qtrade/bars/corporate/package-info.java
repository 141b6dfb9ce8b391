/**
 * Corporate actions: splits and cash dividends ({@link io.qtrade.bars.corporate.CorporateAction}), read from a CSV
 * file ({@link io.qtrade.bars.corporate.CorporateActions#readCsv}), applied by the bar engine to positions, open
 * orders and cash on their ex-dates while raw prices drive the fills, and the back-adjusted price series data
 * vendors publish for signals ({@link io.qtrade.bars.corporate.BackAdjustment}).
 */
package io.qtrade.bars.corporate;
