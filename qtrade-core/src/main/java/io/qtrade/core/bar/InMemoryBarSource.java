package io.qtrade.core.bar;

import io.qtrade.core.Instrument;

import java.util.List;
import java.util.Objects;

/**
 * Serves the rows of one {@link BarBatch} held in memory, a slice at a time: for tests, small hand-built scenarios
 * and benchmarks that must not measure I/O. The batch is read, never modified; {@link #rewind()} starts over.
 * Construction checks that every row's instrument is in range and that rows are ordered by end time, then
 * instrument, naming the first row that is not.
 */
public final class InMemoryBarSource implements BarSource {

    private final List<Instrument> instruments;
    private final BarBatch bars;
    private int next;

    public InMemoryBarSource(List<Instrument> instruments, BarBatch bars) {
        this.instruments = List.copyOf(instruments);
        this.bars = Objects.requireNonNull(bars, "bars");
        for (int row = 0; row < bars.size; row++) {
            if (bars.instrument[row] >= this.instruments.size()) {
                throw new IllegalArgumentException("bar row " + row + " refers to instrument " + bars.instrument[row]
                        + " but only " + this.instruments.size() + " instruments were given");
            }
            if (row > 0 && (bars.endTs[row] < bars.endTs[row - 1]
                    || bars.endTs[row] == bars.endTs[row - 1] && bars.instrument[row] <= bars.instrument[row - 1])) {
                throw new IllegalArgumentException("bar row " + row + " (instrument " + bars.instrument[row]
                        + ", endTs " + bars.endTs[row] + ") is duplicate or out of order after row " + (row - 1)
                        + " (instrument " + bars.instrument[row - 1] + ", endTs " + bars.endTs[row - 1]
                        + "): rows must be ordered by endTs, then instrument");
            }
        }
    }

    @Override
    public List<Instrument> instruments() {
        return instruments;
    }

    @Override
    public boolean readBatch(BarBatch into) {
        into.clear();
        int end = Math.min(bars.size, next + into.capacity());
        into.addRange(bars, next, end - next);
        next = end;
        return !into.isEmpty();
    }

    /** Starts the stream over from the first row. */
    public void rewind() {
        next = 0;
    }

    @Override
    public String toString() {
        return "InMemoryBarSource[instruments=" + instruments.size() + ", bars=" + bars.size + "]";
    }
}
