/**
 * LOBSTER importer: the message file and orderbook file pair of one ticker and day, replayed as market-by-order (L3)
 * events with the reconstructed book checked against the orderbook file after every message
 * ({@link io.qtrade.store.lobster.LobsterSource}).
 *
 * <p>LOBSTER time is seconds after midnight (decimals up to nanoseconds) in the exchange's time zone
 * (NASDAQ: America/New_York) on the day in the file name; converted here exactly to epoch nanoseconds UTC. Prices
 * are dollars times 10,000. The files carry no local receive time.
 */
package io.qtrade.store.lobster;
