package io.qtrade.store.zerodha;

import java.util.Arrays;

/**
 * Kite Connect historical candles held column by column: candle open time in epoch nanoseconds UTC, open, high, low,
 * close (rupees), volume (shares or contracts traded in the candle) and open interest (contracts; {@link #NO_OI} when
 * the request did not ask for it with {@code oi=1}). Immutable; the arrays handed out are copies.
 */
public final class KiteCandleSeries {

    /** The open interest of a candle fetched without {@code oi=1}. */
    public static final long NO_OI = -1L;

    private final long[] timeNanos;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final long[] volume;
    private final long[] openInterest;
    private final boolean hasOpenInterest;
    private final long skippedCandles;

    KiteCandleSeries(long[] timeNanos, double[] open, double[] high, double[] low, double[] close, long[] volume,
                     long[] openInterest, boolean hasOpenInterest, int size, long skippedCandles) {
        this.skippedCandles = skippedCandles;
        this.timeNanos = Arrays.copyOf(timeNanos, size);
        this.open = Arrays.copyOf(open, size);
        this.high = Arrays.copyOf(high, size);
        this.low = Arrays.copyOf(low, size);
        this.close = Arrays.copyOf(close, size);
        this.volume = Arrays.copyOf(volume, size);
        this.openInterest = Arrays.copyOf(openInterest, size);
        this.hasOpenInterest = hasOpenInterest;
    }

    /** Bad candles skipped in lenient mode (0 in strict mode, where the first one throws). */
    public long skippedCandles() {
        return skippedCandles;
    }

    /** Number of candles. */
    public int size() {
        return timeNanos.length;
    }

    /** Open time of candle {@code i}, epoch nanoseconds UTC. */
    public long timeNanos(int i) {
        return timeNanos[i];
    }

    /** Open price of candle {@code i}. */
    public double open(int i) {
        return open[i];
    }

    /** High price of candle {@code i}. */
    public double high(int i) {
        return high[i];
    }

    /** Low price of candle {@code i}. */
    public double low(int i) {
        return low[i];
    }

    /** Close price of candle {@code i}. */
    public double close(int i) {
        return close[i];
    }

    /** Volume of candle {@code i}. */
    public long volume(int i) {
        return volume[i];
    }

    /** Open interest at candle {@code i}, or {@link #NO_OI}. */
    public long openInterest(int i) {
        return openInterest[i];
    }

    /** Whether the candles carry open interest (fetched with {@code oi=1}). */
    public boolean hasOpenInterest() {
        return hasOpenInterest;
    }

    /** A copy of the time column, epoch nanoseconds UTC. */
    public long[] timeNanos() {
        return timeNanos.clone();
    }

    /** A copy of the close column. */
    public double[] close() {
        return close.clone();
    }

    @Override
    public String toString() {
        return "KiteCandleSeries[size=" + size() + ", hasOpenInterest=" + hasOpenInterest
                + (size() > 0 ? ", from=" + timeNanos[0] + ", to=" + timeNanos[size() - 1] : "") + "]";
    }
}
