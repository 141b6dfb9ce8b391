package io.qtrade.store;

import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventSource;

import java.util.List;
import java.util.function.Function;

/**
 * The part files of one instrument, oldest date and lowest part number first, read one after the other as a single
 * source; each file is opened only when the one before is exhausted, so at most one is open at a time.
 *
 * <p>Each reader checks the time order inside its file; this class checks it across files: a part whose first
 * {@code exch_ts} falls more than {@code maxBackwardsNanos} below the last {@code exch_ts} of the part before (two
 * overlapping parts of one date, written by separate {@link TickStore#write} calls) is refused with a
 * {@link TickDataException} naming both parts, rather than handed on out of order.
 */
final class ConcatenatedSource implements EventSource {

    private final Instrument instrument;
    private final List<HiveLayout.Part> parts;
    private final Function<HiveLayout.Part, EventSource> opener;
    private final long maxBackwardsNanos;
    private int next;
    private EventSource current;
    private boolean firstBatchOfPart;
    private long lastExchTs = Long.MIN_VALUE;
    private HiveLayout.Part lastPart;
    private long skipped;

    ConcatenatedSource(Instrument instrument, List<HiveLayout.Part> parts,
                       Function<HiveLayout.Part, EventSource> opener, long maxBackwardsNanos) {
        this.instrument = instrument;
        this.parts = List.copyOf(parts);
        this.opener = opener;
        this.maxBackwardsNanos = maxBackwardsNanos;
    }

    @Override
    public List<Instrument> instruments() {
        return List.of(instrument);
    }

    /** Bad rows skipped in lenient mode by the files finished so far and the current one. */
    long skippedRows() {
        return skipped + skippedOf(current);
    }

    private static long skippedOf(EventSource s) {
        if (s instanceof ParquetTickReader p) {
            return p.skippedRows();
        }
        if (s instanceof CsvTickReader c) {
            return c.skippedRows();
        }
        return 0;
    }

    @Override
    public boolean readBatch(EventBatch into) {
        while (true) {
            if (current == null) {
                if (next == parts.size()) {
                    into.clear();
                    return false;
                }
                current = opener.apply(parts.get(next++));
                firstBatchOfPart = true;
            }
            if (current.readBatch(into) && !into.isEmpty()) {
                if (firstBatchOfPart) {
                    firstBatchOfPart = false;
                    checkJoin(into.exchTs(0));
                }
                lastExchTs = into.exchTs(into.size() - 1);
                lastPart = parts.get(next - 1);
                return true;
            }
            skipped += skippedOf(current);
            current.close();
            current = null;
        }
    }

    private void checkJoin(long firstExchTs) {
        if (lastPart != null && firstExchTs < lastExchTs - maxBackwardsNanos) {
            HiveLayout.Part part = parts.get(next - 1);
            close();
            throw new TickDataException(part.file(), part.format() == TickFormat.CSV ? 2 : 0, "exch_ts",
                    "the part starts at exch_ts " + firstExchTs + ", before " + lastPart.file().getFileName()
                            + " ended (exch_ts " + lastExchTs + "); parts of one date must not overlap in time"
                            + " (tolerance " + maxBackwardsNanos + " ns)");
        }
    }

    @Override
    public void close() {
        if (current != null) {
            skipped += skippedOf(current);
            current.close();
            current = null;
        }
    }

    @Override
    public String toString() {
        return "ConcatenatedSource[" + instrument.symbol() + "@" + instrument.venue() + ", parts=" + parts.size()
                + "]";
    }
}
