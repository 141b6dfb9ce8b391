package io.qtrade.store.cli;

import io.qtrade.store.CsvTickReader;
import io.qtrade.store.HiveLayout;
import io.qtrade.store.InstrumentFile;
import io.qtrade.store.ParquetTickReader;
import io.qtrade.store.TickFormat;
import io.qtrade.store.TickReadOptions;
import io.qtrade.store.TickStore;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.EventSource;
import io.qtrade.core.time.Timestamps;
import org.apache.parquet.column.statistics.LongStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.LocalInputFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that the parts one conversion added to a store do not repeat data their date partitions already held.
 *
 * <p>The store reads the parts of an instrument's date merged by {@code exch_ts}, so trades added after the depth of
 * the same day (a vendor day is several files) sit beside it and come back in time order. What is refused is the
 * same kind of data twice over the same time: a new part whose {@code exch_ts} range overlaps an older part's and
 * which shares an event kind with it (snapshot framing and clears aside), as when one file is converted twice.
 * {@link #firstConflict} names both parts, their times and the kinds, and {@link Convert} deletes the new parts.
 * Appending a later stretch of the same day is accepted.
 *
 * <p>Time ranges come from the Parquet footers' {@code exch_ts} statistics, or from reading the part when it has
 * none (CSV parts).
 */
final class AppendCheck {

    /** Kinds that frame others (snapshots, clears) and do not make two parts the same data. */
    private static final Set<EventKind> FRAMING = EnumSet.of(EventKind.BOOK_CLEAR, EventKind.SNAPSHOT_BEGIN,
            EventKind.SNAPSHOT_END);

    private AppendCheck() {
    }

    /**
     * The first conflict between {@code written} and the parts that were there before, or {@code null} when every
     * new part starts at or after the end of every older part of its date.
     */
    static String firstConflict(List<Path> written) {
        Set<Path> fresh = new HashSet<>();
        for (Path p : written) {
            fresh.add(p.toAbsolutePath().normalize());
        }
        for (Path part : written) {
            long[] range = null;
            for (HiveLayout.Part old : HiveLayout.parts(part.getParent(), null)) {
                if (fresh.contains(old.file().toAbsolutePath().normalize())) {
                    continue;
                }
                if (range == null) {
                    range = range(part);
                }
                long[] before = range(old.file());
                if (range[1] >= range[0] && before[1] >= before[0] && range[0] < before[1]
                        && before[0] < range[1]) {
                    Set<EventKind> shared = EnumSet.noneOf(EventKind.class);
                    shared.addAll(TickStore.kindsOf(part));
                    shared.retainAll(TickStore.kindsOf(old.file()));
                    shared.removeAll(FRAMING);
                    if (!shared.isEmpty()) {
                        return "the new part " + part + " (" + iso(range[0]) + " to " + iso(range[1]) + ") and the"
                                + " part " + old.file().getFileName() + " already there (" + iso(before[0]) + " to "
                                + iso(before[1]) + ") both hold " + shared + " rows over the same time: the same data"
                                + " twice? A date holds several kinds side by side (depth and trades), each once";
                    }
                }
            }
        }
        return null;
    }

    /** {@code {min, max}} of {@code exch_ts}; {@code min > max} for a part without rows. */
    private static long[] range(Path part) {
        long[] fromFooter = part.getFileName().toString().endsWith(TickFormat.PARQUET.extension())
                ? footerRange(part) : null;
        if (fromFooter != null) {
            return fromFooter;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        boolean parquet = part.getFileName().toString().endsWith(TickFormat.PARQUET.extension());
        EventBatch batch = new EventBatch(4096);
        try (EventSource s = parquet ? new ParquetTickReader(part, null, TickReadOptions.DEFAULT)
                : new CsvTickReader(part, InstrumentFile.read(part.getParent().getParent()), TickReadOptions.DEFAULT)) {
            while (s.readBatch(batch)) {
                for (int i = 0; i < batch.size(); i++) {
                    min = Math.min(min, batch.exchTs(i));
                    max = Math.max(max, batch.exchTs(i));
                }
            }
        }
        return new long[] {min, max};
    }

    private static long[] footerRange(Path part) {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(part))) {
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (BlockMetaData block : r.getFooter().getBlocks()) {
                Statistics<?> stats = block.getColumns().get(0).getStatistics();
                if (block.getRowCount() == 0) {
                    continue;
                }
                if (!(stats instanceof LongStatistics ls) || !ls.hasNonNullValue()) {
                    return null;
                }
                min = Math.min(min, ls.getMin());
                max = Math.max(max, ls.getMax());
            }
            return new long[] {min, max};
        } catch (IOException e) {
            throw new UncheckedIOException("reading the footer of " + part, e);
        }
    }

    private static String iso(long nanos) {
        return Timestamps.toInstant(nanos) + " (" + nanos + " ns)";
    }
}
