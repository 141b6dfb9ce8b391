package io.qtrade.store.cli;

import io.qtrade.store.CsvTickReader;
import io.qtrade.store.HiveLayout;
import io.qtrade.store.InstrumentFile;
import io.qtrade.store.ParquetTickReader;
import io.qtrade.store.TickFormat;
import io.qtrade.store.TickReadOptions;
import io.qtrade.core.market.EventBatch;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that the parts one conversion added to a store come after the parts their date partitions already held.
 *
 * <p>The store reads the parts of an instrument's date one after the other, by part number. A part added by a later
 * conversion (trades after depth of the same day, say) whose first {@code exch_ts} is earlier than the last
 * {@code exch_ts} of an earlier part would therefore be read back out of time order. Such a conversion is refused:
 * {@link #firstConflict} names the parts and the times, and {@link Convert} deletes the new parts. Appending data
 * that starts at or after the end of what is there (a later session of the same day) is accepted.
 *
 * <p>Time ranges come from the Parquet footers' {@code exch_ts} statistics, or from reading the part when it has
 * none (CSV parts).
 */
final class AppendCheck {

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
                if (range[1] >= range[0] && before[1] >= before[0] && range[0] < before[1]) {
                    return "the new part " + part + " starts at " + iso(range[0]) + ", before the part "
                            + old.file().getFileName() + " already there ends at " + iso(before[1])
                            + ": the store reads a date's parts one after the other, so its rows would come back out"
                            + " of time order. Convert each instrument and date from one kind of file in one call"
                            + " (or into another store)";
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
