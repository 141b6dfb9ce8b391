package io.qtrade.bars.ta4j;

import io.qtrade.core.Instrument;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.bar.BarSource;
import io.qtrade.core.bar.InMemoryBarSource;
import org.ta4j.core.Bar;
import org.ta4j.core.BarSeries;

import java.util.List;
import java.util.Objects;

/**
 * The bars of a ta4j {@link BarSeries} as the bar engine's source, for {@link Ta4jAdapter#onSource}: one instrument
 * (index 0), the series' bars {@code [beginIndex, endIndex]} in order. A bar's {@code endTs} is its end time in epoch
 * nanoseconds, {@code startTs = endTs - timePeriod}, and its prices and volume are the series' {@code Num}s as
 * doubles ({@code doubleValue()}, exact for {@code DoubleNum}); VWAP and trade count are absent.
 *
 * <p>The bars are read from the series once, when the source is built, and served from memory on every run
 * ({@link #rewind()} starts over). The source keeps the series and what it saw of it (begin and end index, the last
 * bar object, its close and its volume); {@link #unchanged()} says whether the series still has exactly those, which
 * {@link Ta4jAdapter} checks at the start and end of a run. ta4j changes a series' bars through {@code addBar} (a new
 * or a replaced last bar), {@code addPrice} and {@code addTrade} (the last bar's close, high, low and volume) and a
 * maximum bar count (the first bars go): each shows in that check, except an {@code addPrice} at the last bar's own
 * close, which changes nothing the check compares (nor, then, its high and low). A bar changed in place through its
 * own {@code Bar.addPrice} / {@code Bar.addTrade} other than the last is not seen: build the source after the series
 * is complete.
 *
 * <p>The engine's bars are trusted as this source wrote them: give the engine's builder this source itself. A source
 * that wraps this one and changes the rows it passes on is not detected (use {@link Ta4jAdapter#onSeries}, which
 * compares every bar's close with the series, for any other source).
 *
 * <p>Not thread-safe; one run at a time.
 */
public final class Ta4jSeriesSource implements BarSource {

    private final List<Instrument> instruments;
    private final BarSeries series;
    /** The bars as read, served by core's in-memory source. */
    private final InMemoryBarSource memory;
    private final int count;
    private final int begin;
    private final int end;
    private final Bar last;
    private final double lastClose;
    private final double lastVolume;
    private int next;
    /** The batch the last {@link #readBatch} filled, and the series index of its row 0. */
    private BarBatch lastInto;
    private int lastFirstIndex;

    Ta4jSeriesSource(Instrument instrument, BarSeries series) {
        this.instruments = List.of(Objects.requireNonNull(instrument, "instrument"));
        this.series = Objects.requireNonNull(series, "series");
        this.begin = series.getBeginIndex();
        this.end = series.getEndIndex();
        int count = series.isEmpty() ? 0 : end - begin + 1;
        this.count = count;
        BarBatch bars = new BarBatch(Math.max(1, count));
        for (int index = begin; index < begin + count; index++) {
            Bar b = series.getBar(index);
            long endTs;
            long startTs;
            try {
                endTs = Math.addExact(Math.multiplyExact(b.getEndTime().toEpochSecond(), 1_000_000_000L),
                        b.getEndTime().getNano());
                startTs = Math.subtractExact(endTs, b.getTimePeriod().toNanos());
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("ta4j series " + series.getName() + ", bar " + index
                        + ": its end time " + b.getEndTime() + " or period " + b.getTimePeriod()
                        + " is outside the epoch-nanosecond range", e);
            }
            try {
                bars.add(0, startTs, endTs, b.getOpenPrice().doubleValue(), b.getHighPrice().doubleValue(),
                        b.getLowPrice().doubleValue(), b.getClosePrice().doubleValue(), b.getVolume().doubleValue());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ta4j series " + series.getName() + ", bar " + index + ": "
                        + e.getMessage(), e);
            }
        }
        this.memory = new InMemoryBarSource(instruments, bars);
        this.last = count == 0 ? null : series.getBar(end);
        this.lastClose = count == 0 ? Double.NaN : last.getClosePrice().doubleValue();
        this.lastVolume = count == 0 ? Double.NaN : last.getVolume().doubleValue();
    }

    /** The series the bars were read from. */
    public BarSeries series() {
        return series;
    }

    @Override
    public List<Instrument> instruments() {
        return instruments;
    }

    @Override
    public boolean readBatch(BarBatch into) {
        boolean more = memory.readBatch(into);
        lastInto = into;
        lastFirstIndex = begin + next;
        next += into.size();
        return more;
    }

    /** Starts the stream over from the series' first bar. */
    public void rewind() {
        memory.rewind();
        next = 0;
        lastInto = null;
    }

    /**
     * Whether row {@code row} of {@code batch} is, as this source wrote it, the series' bar {@code index}: the batch
     * is the one the last {@link #readBatch} filled and that read put bar {@code index} at {@code row}. The rows are
     * trusted from there on: give the engine this source itself, not a source that wraps it and changes its rows.
     */
    boolean wrote(BarBatch batch, int row, int index) {
        return batch == lastInto && lastFirstIndex + row == index;
    }

    /**
     * Whether the series still has the bars this source read: the same begin and end index, the same last bar object
     * with the same close and volume.
     */
    public boolean unchanged() {
        if (series.getBeginIndex() != begin || series.getEndIndex() != end) {
            return false;
        }
        if (last == null) {
            return series.isEmpty();
        }
        Bar now = series.getBar(end);
        return now == last && Double.doubleToRawLongBits(now.getClosePrice().doubleValue())
                == Double.doubleToRawLongBits(lastClose)
                && Double.doubleToRawLongBits(now.getVolume().doubleValue()) == Double.doubleToRawLongBits(lastVolume);
    }

    /** What the source read, for error messages: the series' name, index range and last close. */
    String describe() {
        return "ta4j series " + series.getName() + " as read into its source (bars " + begin + " to " + end
                + ", last close " + lastClose + ")";
    }

    @Override
    public String toString() {
        return "Ta4jSeriesSource[" + series.getName() + ", bars=" + count + "]";
    }
}
