/**
 * Bars (OHLCV candles) as market events: a columnar {@link io.qtrade.core.bar.BarBatch} read through a
 * {@link io.qtrade.core.bar.BarCursor} (no object per bar), the {@link io.qtrade.core.bar.BarSlice} a bar engine
 * shows a strategy at each bar time (every instrument that has a bar then), the {@link io.qtrade.core.bar.BarInterval}
 * a bar covers, and where bars come from ({@link io.qtrade.core.bar.BarSource}, merged across instruments in time by
 * {@link io.qtrade.core.bar.MergedBarSource}).
 *
 * <p>Every timestamp is a {@code long} count of nanoseconds since the Unix epoch, UTC. A bar covers
 * {@code [startTs, endTs)}; it is known, and a strategy sees it, at {@code endTs}. Bars of several instruments are
 * ordered by {@code endTs}, then by instrument index, which makes a bar engine's slices deterministic.
 */
package io.qtrade.core.bar;
