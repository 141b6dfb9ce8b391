package io.qtrade.store;

import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import io.qtrade.core.market.EventSource;
import io.qtrade.core.market.MergedEventSource;
import io.qtrade.core.time.Timestamps;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import io.qtrade.core.market.EventKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A tick store rooted at a directory in the {@link HiveLayout}: write any {@link EventSource} into it, list what it
 * holds, read it back as one time-ordered {@link EventSource}.
 *
 * <pre>{@code
 * TickStore store = TickStore.at(Path.of("data/ticks"));
 * store.write(market, TickFormat.PARQUET);                        // one part per instrument and UTC date
 * for (CatalogEntry e : store.catalog()) System.out.println(e);
 * try (EventSource s = store.read(TickQuery.symbols("BTCUSDT").withRange(from, to))) { ... }
 * }</pre>
 *
 * <p>Writes are crash-safe: each part is written under a hidden in-progress name, synced and renamed atomically;
 * a failed write deletes its unfinished parts and leaves the earlier ones as they were, and a write into a date that
 * already has parts adds {@code part-N+1}. Reading several instruments merges them by {@code exch_ts} into the
 * stream core's {@link MergedEventSource} would give (ties go to the instrument listed first: venues, then symbols,
 * in name order), in runs ({@link InstrumentMergedSource}).
 */
public final class TickStore {

    private static final Logger LOG = LoggerFactory.getLogger(TickStore.class);
    private static final int WRITE_BATCH = 4096;

    private final Path root;

    private TickStore(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /** The store rooted at {@code root}; the directory is created by the first write. */
    public static TickStore at(Path root) {
        return new TickStore(root);
    }

    /** The root directory. */
    public Path root() {
        return root;
    }

    /**
     * Writes every event of {@code source} (closing it afterwards), one new part per instrument and UTC date of
     * {@code exch_ts}, and each symbol directory's {@code _instrument.json}.
     *
     * <p>Any failure (of the source, the disk, a check) is rethrown as it is, with the failures of the clean-up that
     * follows (deleting the unfinished and the already committed parts of this call) attached as suppressed
     * exceptions. Before a partition directory gets a new part, in-progress files there that no writer holds any
     * more (a killed process's, unmodified for a minute) are removed.
     *
     * @return the parts written and the rows in them
     * @throws TickDataException      when an instrument's events are not in {@code exch_ts} order, or a symbol
     *                                directory already describes a different instrument; the parts of this call are
     *                                then deleted
     * @throws IllegalArgumentException when the source lists one venue and symbol twice
     */
    public WriteSummary write(EventSource source, TickFormat format) {
        List<Instrument> instruments = source.instruments();
        int n = instruments.size();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (instruments.get(i).venue().equals(instruments.get(j).venue())
                        && instruments.get(i).symbol().equals(instruments.get(j).symbol())) {
                    source.close();
                    throw new IllegalArgumentException("instruments " + j + " and " + i + " of " + source
                            + " are both " + instruments.get(i).symbol() + "@" + instruments.get(i).venue()
                            + ": one partition directory cannot hold two instruments");
                }
            }
        }
        PartWriter[] writers = new PartWriter[n];
        LocalDate[] dates = new LocalDate[n];
        List<Path> written = new ArrayList<>();
        long rows = 0;
        EventBatch batch = new EventBatch(WRITE_BATCH);
        EventCursor cursor = new EventCursor();
        try (source) {
            for (Instrument instrument : instruments) {
                describe(instrument);
            }
            while (source.readBatch(batch)) {
                cursor.reset(batch);
                while (cursor.next()) {
                    int i = cursor.instrument();
                    long day = Math.floorDiv(cursor.exchTs(), Timestamps.NANOS_PER_DAY);
                    if (writers[i] == null || dates[i].toEpochDay() != day) {
                        if (writers[i] != null) {
                            written.add(writers[i].commit());
                            writers[i] = null;
                        }
                        dates[i] = LocalDate.ofEpochDay(day);
                        writers[i] = open(instruments.get(i), dates[i], format);
                    }
                    writers[i].write(cursor);
                    rows++;
                }
            }
            for (int i = 0; i < n; i++) {
                if (writers[i] != null) {
                    written.add(writers[i].commit());
                    writers[i] = null;
                }
            }
        } catch (RuntimeException | Error e) {
            // The clean-up's own failures are kept as suppressed exceptions: the cause reported is the real one.
            for (PartWriter w : writers) {
                if (w != null) {
                    try {
                        w.abort();
                    } catch (RuntimeException cleanup) {
                        e.addSuppressed(cleanup);
                    }
                }
            }
            // Parts of this call committed before the failure (earlier dates) go too, as documented.
            for (Path part : written) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException cleanup) {
                    LOG.warn("could not delete {} after a failed write: {}", part, cleanup.toString());
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
        LOG.debug("wrote {} rows into {} parts under {}", rows, written.size(), root);
        return new WriteSummary(rows, List.copyOf(written));
    }

    private void describe(Instrument instrument) {
        Path dir = HiveLayout.symbolDir(root, instrument.venue(), instrument.symbol());
        if (Files.exists(dir.resolve(HiveLayout.INSTRUMENT_FILE))) {
            Instrument existing = InstrumentFile.read(dir);
            if (!existing.equals(instrument)) {
                throw new TickDataException(dir.resolve(HiveLayout.INSTRUMENT_FILE), -1, "instrument",
                        "the store holds " + existing + "; refusing to add rows of " + instrument);
            }
        } else {
            InstrumentFile.write(dir, instrument);
        }
    }

    private PartWriter open(Instrument instrument, LocalDate date, TickFormat format) {
        Path dir = HiveLayout.partitionDir(root, instrument.venue(), instrument.symbol(), date);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("creating " + dir, e);
        }
        WriterLock.removeStale(dir, Instant.now());
        int part = HiveLayout.nextPartNumber(dir);
        Path tmp = HiveLayout.inProgressFile(dir, part, format);
        Path target = HiveLayout.partFile(dir, part, format);
        return format == TickFormat.PARQUET ? new ParquetPartWriter(tmp, target, instrument)
                : new CsvPartWriter(tmp, target);
    }

    /** The instruments in the store, by venue then symbol name. */
    public List<Instrument> instruments() {
        List<Instrument> out = new ArrayList<>();
        for (Path dir : symbolDirs(null, List.of())) {
            out.add(InstrumentFile.read(dir));
        }
        return out;
    }

    /** One entry per instrument: venue, symbol, date range, part and row counts, bytes; by venue then symbol. */
    public List<CatalogEntry> catalog() {
        List<CatalogEntry> out = new ArrayList<>();
        for (Path symbolDir : symbolDirs(null, List.of())) {
            LocalDate first = null;
            LocalDate last = null;
            int dates = 0;
            int parquet = 0;
            int csv = 0;
            long rows = 0;
            long bytes = 0;
            Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
            Instrument instrument = null;
            for (Path dateDir : dateDirs(symbolDir)) {
                LocalDate d = LocalDate.parse(HiveLayout.partitionValue(dateDir, "date"));
                List<HiveLayout.Part> parts = HiveLayout.parts(dateDir, null);
                if (parts.isEmpty()) {
                    continue;
                }
                dates++;
                first = first == null || d.isBefore(first) ? d : first;
                last = last == null || d.isAfter(last) ? d : last;
                for (HiveLayout.Part p : parts) {
                    if (p.format() == TickFormat.PARQUET) {
                        parquet++;
                        rows += parquetRows(p.file());
                    } else {
                        csv++;
                        rows += csvRows(p.file());
                    }
                    bytes += size(p.file());
                    if (instrument == null) {
                        instrument = InstrumentFile.read(symbolDir);
                    }
                    kinds.addAll(kinds(p, instrument));
                }
            }
            if (dates > 0) {
                out.add(new CatalogEntry(HiveLayout.partitionValue(symbolDir.getParent(), "venue"),
                        HiveLayout.partitionValue(symbolDir, "symbol"), first, last, dates, parquet, csv, rows,
                        bytes, kinds));
            }
        }
        return out;
    }

    /**
     * One entry per instrument and date partition, by venue, symbol and date: the parts, their rows and the event
     * kinds they hold (depth and trades of one day side by side, say).
     */
    public List<PartitionEntry> partitions() {
        List<PartitionEntry> out = new ArrayList<>();
        for (Path symbolDir : symbolDirs(null, List.of())) {
            Instrument instrument = null;
            for (Path dateDir : dateDirs(symbolDir)) {
                List<HiveLayout.Part> parts = HiveLayout.parts(dateDir, null);
                if (parts.isEmpty()) {
                    continue;
                }
                if (instrument == null) {
                    instrument = InstrumentFile.read(symbolDir);
                }
                long rows = 0;
                Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
                List<Path> files = new ArrayList<>();
                for (HiveLayout.Part p : parts) {
                    rows += p.format() == TickFormat.PARQUET ? parquetRows(p.file()) : csvRows(p.file());
                    kinds.addAll(kinds(p, instrument));
                    files.add(p.file());
                }
                out.add(new PartitionEntry(HiveLayout.partitionValue(symbolDir.getParent(), "venue"),
                        HiveLayout.partitionValue(symbolDir, "symbol"),
                        LocalDate.parse(HiveLayout.partitionValue(dateDir, "date")), files, rows, kinds));
            }
        }
        return out;
    }

    /**
     * The event kinds of one part file of a store (its instrument from the symbol directory's
     * {@code _instrument.json}).
     */
    public static Set<EventKind> kindsOf(Path partFile) {
        TickFormat format = partFile.getFileName().toString().endsWith(TickFormat.CSV.extension())
                ? TickFormat.CSV : TickFormat.PARQUET;
        return kinds(new HiveLayout.Part(partFile, 0, format), InstrumentFile.read(partFile.getParent().getParent()));
    }

    /** The kinds of one part: the Parquet footer's {@code qtrade.kinds}, or by reading its {@code kind} column. */
    static Set<EventKind> kinds(HiveLayout.Part part, Instrument instrument) {
        Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
        if (part.format() == TickFormat.PARQUET) {
            try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(part.file()))) {
                String text = r.getFooter().getFileMetaData().getKeyValueMetaData().get(TickSchema.META_KINDS);
                if (text != null) {
                    for (String name : text.split(",")) {
                        if (!name.isEmpty()) {
                            kinds.add(EventKind.valueOf(name));
                        }
                    }
                    return kinds;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading the footer of " + part.file(), e);
            }
        }
        try (EventSource s = part.format() == TickFormat.PARQUET
                ? new ParquetTickReader(part.file(), instrument, TickReadOptions.DEFAULT)
                : new CsvTickReader(part.file(), instrument, TickReadOptions.DEFAULT)) {
            EventBatch b = new EventBatch(WRITE_BATCH);
            while (s.readBatch(b)) {
                for (int i = 0; i < b.size(); i++) {
                    kinds.add(b.kind(i));
                }
            }
        }
        return kinds;
    }

    /**
     * Reads what {@code query} selects as one source ordered by {@code exch_ts}: per instrument its date partitions
     * in order (those wholly outside the query's range are not opened), the parts of one date merged by
     * {@code exch_ts} (depth and trades of one day in separate parts), and the instruments merged.
     *
     * @throws IllegalArgumentException when nothing in the store matches, naming what the store holds
     */
    public EventSource read(TickQuery query) {
        List<EventSource> sources = new ArrayList<>();
        TickReadOptions options = query.options();
        for (Path symbolDir : symbolDirs(query.venue(), query.symbols())) {
            Instrument instrument = InstrumentFile.read(symbolDir);
            List<HiveLayout.Part> selected = new ArrayList<>();
            for (Path dateDir : dateDirs(symbolDir)) {
                LocalDate d = LocalDate.parse(HiveLayout.partitionValue(dateDir, "date"));
                long dayStart = Timestamps.startOfDay(d);
                long dayEnd = dayStart + Timestamps.NANOS_PER_DAY;
                if (options.maxBackwardsNanos() == 0 && (dayEnd <= options.fromNanos()
                        || dayStart >= options.toNanos())) {
                    continue;
                }
                List<HiveLayout.Part> parts = HiveLayout.parts(dateDir, query.format() == null
                        ? TickFormat.PARQUET : query.format());
                if (parts.isEmpty() && query.format() == null) {
                    parts = HiveLayout.parts(dateDir, TickFormat.CSV);
                }
                selected.addAll(parts);
            }
            if (!selected.isEmpty()) {
                sources.add(new ConcatenatedSource(instrument, selected, p -> p.format() == TickFormat.PARQUET
                        ? new ParquetTickReader(p.file(), instrument, options)
                        : new CsvTickReader(p.file(), instrument, options), options.maxBackwardsNanos()));
            }
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no parts under " + root + " match " + query + "; the store holds "
                    + catalog());
        }
        return sources.size() == 1 ? sources.get(0)
                : new InstrumentMergedSource(sources, MergedEventSource.DEFAULT_BUFFER_CAPACITY);
    }

    private List<Path> symbolDirs(String venue, List<String> symbols) {
        List<Path> out = new ArrayList<>();
        for (Path venueDir : children(root, "venue")) {
            if (venue != null && !venue.equals(HiveLayout.partitionValue(venueDir, "venue"))) {
                continue;
            }
            for (Path symbolDir : children(venueDir, "symbol")) {
                if (symbols.isEmpty() || symbols.contains(HiveLayout.partitionValue(symbolDir, "symbol"))) {
                    out.add(symbolDir);
                }
            }
        }
        return out;
    }

    private static List<Path> dateDirs(Path symbolDir) {
        return children(symbolDir, "date");
    }

    private static List<Path> children(Path dir, String key) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isDirectory(p) && HiveLayout.partitionValue(p, key) != null) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + dir, e);
        }
        out.sort(null);
        return out;
    }

    private static long parquetRows(Path file) {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
            long n = 0;
            for (BlockMetaData b : r.getRowGroups()) {
                n += b.getRowCount();
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the footer of " + file, e);
        }
    }

    private static long csvRows(Path file) {
        byte[] buf = new byte[1 << 16];
        long lines = 0;
        int lastByte = '\n';
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
                lastByte = buf[n - 1];
            }
        } catch (IOException e) {
            throw new UncheckedIOException("counting the lines of " + file, e);
        }
        if (lastByte != '\n') {
            lines++;
        }
        return Math.max(0, lines - 1);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the size of " + file, e);
        }
    }

    @Override
    public String toString() {
        return "TickStore[" + root + "]";
    }

    /**
     * What one {@link #write} did.
     *
     * @param rows  events written
     * @param parts the part files created, in the order they were completed
     */
    public record WriteSummary(long rows, List<Path> parts) {
    }
}
