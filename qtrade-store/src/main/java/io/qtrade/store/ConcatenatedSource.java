package io.qtrade.store;

import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The part files of one instrument read as a single source ordered by {@code exch_ts}: date partitions one after the
 * other, oldest first; the parts of one date (depth and trades of the same day written by separate
 * {@link TickStore#write} calls, say) merged by {@code exch_ts} ({@link TimeMergedSource}; equal times keep part
 * number order). A date's parts are opened when the date before is exhausted.
 *
 * <p>Each reader checks the time order inside its file; this class checks it across dates: a date whose first
 * {@code exch_ts} falls more than {@code maxBackwardsNanos} below the last {@code exch_ts} of the date before (a row
 * filed under the wrong date) is refused with a {@link TickDataException} naming both parts.
 */
final class ConcatenatedSource implements EventSource {

    private static final int MERGE_BUFFER_ROWS = 1024;

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
        if (s instanceof TimeMergedSource m) {
            long sum = 0;
            for (EventSource e : m.sources()) {
                sum += skippedOf(e);
            }
            return sum;
        }
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
                // every part of this date: one reader, or a time merge of the date's parts
                int from = next;
                Path dir = parts.get(from).file().getParent();
                while (next < parts.size() && parts.get(next).file().getParent().equals(dir)) {
                    next++;
                }
                if (next - from == 1) {
                    current = opener.apply(parts.get(from));
                } else {
                    List<EventSource> day = new ArrayList<>();
                    try {
                        for (int i = from; i < next; i++) {
                            day.add(opener.apply(parts.get(i)));
                        }
                    } catch (RuntimeException e) {
                        for (EventSource s : day) {
                            s.close();
                        }
                        throw e;
                    }
                    current = new TimeMergedSource(day, MERGE_BUFFER_ROWS, maxBackwardsNanos);
                }
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
                    "the date starts at exch_ts " + firstExchTs + ", before " + lastPart.file()
                            + " ended (exch_ts " + lastExchTs + "); a date partition holds the rows of its UTC date"
                            + " only (tolerance " + maxBackwardsNanos + " ns)");
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

    /** The part files of the UTC date of {@code exchTs} (the date partition that holds the row). */
    @Override
    public String origin(int instrument, long exchTs) {
        String date = java.time.LocalDate.ofEpochDay(Math.floorDiv(exchTs, 86_400_000_000_000L)).toString();
        List<String> files = new ArrayList<>();
        for (HiveLayout.Part p : parts) {
            if (p.file().getParent().getFileName().toString().equals("date=" + date)) {
                files.add(p.file().toString());
            }
        }
        return files.isEmpty() ? null : files.size() == 1 ? "part file " + files.get(0)
                : "one of the part files " + String.join(", ", files);
    }

    @Override
    public String toString() {
        return "ConcatenatedSource[" + instrument.symbol() + "@" + instrument.venue() + ", parts=" + parts.size()
                + "]";
    }
}
