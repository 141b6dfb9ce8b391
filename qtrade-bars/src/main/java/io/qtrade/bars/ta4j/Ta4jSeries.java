package io.qtrade.bars.ta4j;

import io.qtrade.core.bar.BarBatch;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNum;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Builds ta4j {@link BarSeries} from qtrade bars, with {@link DoubleNum} (the same doubles qtrade fills at, so a
 * ta4j trade price and a qtrade fill price compare bit for bit). A ta4j bar has an end time and a duration: they are
 * the qtrade bar's {@code endTs} (in {@code zone}) and {@code endTs - startTs}.
 */
public final class Ta4jSeries {

    private Ta4jSeries() {
    }

    /** An empty series with {@link DoubleNum}, for bars added one at a time. */
    public static BarSeries empty(String name) {
        return new BaseBarSeriesBuilder().withName(name).withNumTypeOf(DoubleNum.class).build();
    }

    /** The rows of {@code bars} whose instrument is {@code instrument}, in order, as a new series. */
    public static BarSeries of(String name, BarBatch bars, int instrument, ZoneId zone) {
        BarSeries series = empty(name);
        for (int r = 0; r < bars.size(); r++) {
            if (bars.instrument(r) == instrument) {
                add(series, bars.startTs(r), bars.endTs(r), bars.open(r), bars.high(r), bars.low(r), bars.close(r),
                        bars.volume(r), zone);
            }
        }
        return series;
    }

    /**
     * The bars of {@code series} as the engine's source (instrument 0, {@code instrument}), read from the series
     * now: with {@link Ta4jAdapter#onSource} the engine runs on the series' own bars and the adapter need not compare
     * each engine bar with the series' (see {@link Ta4jSeriesSource}).
     */
    public static Ta4jSeriesSource source(io.qtrade.core.Instrument instrument, BarSeries series) {
        return new Ta4jSeriesSource(instrument, series);
    }

    /** Appends one bar to {@code series}. */
    public static void add(BarSeries series, long startTs, long endTs, double open, double high, double low,
                           double close, double volume, ZoneId zone) {
        ZonedDateTime end = ZonedDateTime.ofInstant(Instant.ofEpochSecond(Math.floorDiv(endTs, 1_000_000_000L),
                Math.floorMod(endTs, 1_000_000_000L)), zone);
        series.addBar(Duration.ofNanos(endTs - startTs), end, DoubleNum.valueOf(open), DoubleNum.valueOf(high),
                DoubleNum.valueOf(low), DoubleNum.valueOf(close), DoubleNum.valueOf(volume));
    }
}
