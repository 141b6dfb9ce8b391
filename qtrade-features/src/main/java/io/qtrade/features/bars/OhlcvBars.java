package io.qtrade.features.bars;

import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNum;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;

/**
 * A growing columnar list of OHLCV bars (one primitive array per field), written by {@link BarAggregator}:
 * <pre>{@code
 * startTs, endTs     epoch nanoseconds: the clock interval of a time bar, first and last trade of the others
 * open, high, low, close
 * volume             sum q_i
 * dollarVolume       sum p_i q_i c
 * vwap               dollarVolume / (c * volume)
 * trades             n
 * }</pre>
 * Appending grows the arrays by doubling (amortised {@code O(1)}; no allocation once the capacity is reached).
 * {@link #toBarSeries} gives a ta4j {@link BarSeries} with {@link DoubleNum} values; {@link #toTable} a Tablesaw
 * table with one column per field.
 */
public final class OhlcvBars {

    private long[] startTs;
    private long[] endTs;
    private double[] open;
    private double[] high;
    private double[] low;
    private double[] close;
    private double[] volume;
    private double[] dollarVolume;
    private int[] trades;
    private final double contractMultiplier;
    private int size;

    /**
     * @param initialCapacity    bars held before the first growth, {@code >= 1}
     * @param contractMultiplier {@code c} used for {@link #vwap}, finite and {@code > 0}
     */
    public OhlcvBars(int initialCapacity, double contractMultiplier) {
        if (initialCapacity < 1) {
            throw new IllegalArgumentException("initialCapacity must be >= 1, was " + initialCapacity);
        }
        if (!(contractMultiplier > 0.0) || contractMultiplier == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("contractMultiplier must be finite and > 0, was "
                    + contractMultiplier);
        }
        this.contractMultiplier = contractMultiplier;
        startTs = new long[initialCapacity];
        endTs = new long[initialCapacity];
        open = new double[initialCapacity];
        high = new double[initialCapacity];
        low = new double[initialCapacity];
        close = new double[initialCapacity];
        volume = new double[initialCapacity];
        dollarVolume = new double[initialCapacity];
        trades = new int[initialCapacity];
    }

    void append(long start, long end, double o, double h, double l, double c, double vol, double dollars, int n) {
        if (size == startTs.length) {
            int cap = size * 2;
            startTs = Arrays.copyOf(startTs, cap);
            endTs = Arrays.copyOf(endTs, cap);
            open = Arrays.copyOf(open, cap);
            high = Arrays.copyOf(high, cap);
            low = Arrays.copyOf(low, cap);
            close = Arrays.copyOf(close, cap);
            volume = Arrays.copyOf(volume, cap);
            dollarVolume = Arrays.copyOf(dollarVolume, cap);
            trades = Arrays.copyOf(trades, cap);
        }
        startTs[size] = start;
        endTs[size] = end;
        open[size] = o;
        high[size] = h;
        low[size] = l;
        close[size] = c;
        volume[size] = vol;
        dollarVolume[size] = dollars;
        trades[size] = n;
        size++;
    }

    /** The number of bars. */
    public int size() {
        return size;
    }

    /** Removes every bar; the capacity stays. */
    public void clear() {
        size = 0;
    }

    /** Start of bar {@code i}, epoch nanoseconds. */
    public long startTs(int i) {
        return startTs[check(i)];
    }

    /** End of bar {@code i}, epoch nanoseconds. */
    public long endTs(int i) {
        return endTs[check(i)];
    }

    /** First trade price of bar {@code i}. */
    public double open(int i) {
        return open[check(i)];
    }

    /** Highest trade price of bar {@code i}. */
    public double high(int i) {
        return high[check(i)];
    }

    /** Lowest trade price of bar {@code i}. */
    public double low(int i) {
        return low[check(i)];
    }

    /** Last trade price of bar {@code i}. */
    public double close(int i) {
        return close[check(i)];
    }

    /** Traded quantity of bar {@code i}. */
    public double volume(int i) {
        return volume[check(i)];
    }

    /** Traded notional {@code sum p q c} of bar {@code i}. */
    public double dollarVolume(int i) {
        return dollarVolume[check(i)];
    }

    /** {@code dollarVolume / (c * volume)}. */
    public double vwap(int i) {
        return dollarVolume[check(i)] / (contractMultiplier * volume[i]);
    }

    /** Number of trades in bar {@code i}. */
    public int trades(int i) {
        return trades[check(i)];
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("bar " + i + " of " + size);
        }
        return i;
    }

    /**
     * The bars as a ta4j series: one {@link BaseBar} per bar, {@code endTime = endTs} in {@code zone},
     * {@code timePeriod = endTs - startTs}, {@code amount = dollarVolume}, values as {@link DoubleNum}.
     *
     * @throws IllegalArgumentException when two bars end at the same nanosecond or out of order (ta4j needs strictly
     *                                  increasing end times); the message names both bars
     */
    public BarSeries toBarSeries(String name, ZoneId zone) {
        BarSeries series = new BaseBarSeriesBuilder().withName(name).withNumTypeOf(DoubleNum.class).build();
        for (int i = 0; i < size; i++) {
            if (i > 0 && endTs[i] <= endTs[i - 1]) {
                throw new IllegalArgumentException("bars " + (i - 1) + " and " + i + " of " + name + " end at "
                        + endTs[i - 1] + " and " + endTs[i] + " ns; a ta4j BarSeries needs strictly increasing end "
                        + "times (use coarser bars or time bars)");
            }
            ZonedDateTime end = ZonedDateTime.ofInstant(Instant.ofEpochSecond(0, endTs[i]), zone);
            series.addBar(new BaseBar(Duration.ofNanos(endTs[i] - startTs[i]), end, DoubleNum.valueOf(open[i]),
                    DoubleNum.valueOf(high[i]), DoubleNum.valueOf(low[i]), DoubleNum.valueOf(close[i]),
                    DoubleNum.valueOf(volume[i]), DoubleNum.valueOf(dollarVolume[i]), trades[i]));
        }
        return series;
    }

    /**
     * The bars as a Tablesaw table with columns {@code start_ts, end_ts} (long, epoch ns), {@code open, high, low,
     * close, volume, dollar_volume, vwap} (double) and {@code trades} (int).
     */
    public Table toTable(String name) {
        double[] vw = new double[size];
        for (int i = 0; i < size; i++) {
            vw[i] = vwap(i);
        }
        return Table.create(name,
                LongColumn.create("start_ts", Arrays.copyOf(startTs, size)),
                LongColumn.create("end_ts", Arrays.copyOf(endTs, size)),
                DoubleColumn.create("open", Arrays.copyOf(open, size)),
                DoubleColumn.create("high", Arrays.copyOf(high, size)),
                DoubleColumn.create("low", Arrays.copyOf(low, size)),
                DoubleColumn.create("close", Arrays.copyOf(close, size)),
                DoubleColumn.create("volume", Arrays.copyOf(volume, size)),
                DoubleColumn.create("dollar_volume", Arrays.copyOf(dollarVolume, size)),
                DoubleColumn.create("vwap", vw),
                IntColumn.create("trades", Arrays.copyOf(trades, size)));
    }

    @Override
    public String toString() {
        return "OhlcvBars[size=" + size + ", contractMultiplier=" + contractMultiplier + "]";
    }
}
