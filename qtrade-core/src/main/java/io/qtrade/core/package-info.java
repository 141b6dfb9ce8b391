/**
 * The vocabulary every qtrade module shares: {@link io.qtrade.core.Instrument} (tick and lot grid, exact
 * price-to-tick conversion) and {@link io.qtrade.core.Side}. Sub-packages hold market events, order books, orders,
 * portfolio accounting, clocks and the {@code Strategy} API. This module depends on slf4j only.
 */
package io.qtrade.core;
