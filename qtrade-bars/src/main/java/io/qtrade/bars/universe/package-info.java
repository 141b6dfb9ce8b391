/**
 * Survivorship: the {@link io.qtrade.bars.universe.Universe} file says when each symbol enters and leaves the
 * tradable universe; the bar engine never shows a strategy a bar before the listing date and closes a delisted
 * symbol's position at its last price.
 */
package io.qtrade.bars.universe;
