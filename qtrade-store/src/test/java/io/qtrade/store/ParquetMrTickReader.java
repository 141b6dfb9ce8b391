package io.qtrade.store;

import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.EventSource;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.statistics.LongStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The tick store's Parquet reader as it was before issue 22 (parquet-mr's page readers and value decoders, through
 * {@link ColumnDecoder}), kept in the tests as the reference the new reader is compared with row by row. It reads
 * one Parquet part of the tick store as an {@link EventSource} of one instrument, with parquet's page-level
 * API (a {@link ColumnDecoder} per column over the row group's pages): each call fills the caller's
 * {@link EventBatch} column by column into primitive arrays the reader keeps (no object per event), so memory is one
 * row group plus one batch whatever the file's size. Row groups whose {@code exch_ts} statistics lie wholly outside the requested range are skipped unread.
 *
 * <p>The instrument comes from the file's key-value metadata ({@link TickSchema#META_SYMBOL} ...), or from the
 * caller when the file was written by another tool. Each row is checked ({@link TickReadOptions}); a bad one raises a
 * {@link TickDataException} naming the file, the 0-based row and the field, or in lenient mode is counted in
 * {@link #skippedRows()} and logged.
 *
 * <p>A corrupt file is a {@link TickDataException} too, naming the file and, where known, the row group and the
 * column, with the decoder's exception as its cause: page CRCs are verified (where the writer stored them, as the
 * store's writer does), and the footer and page headers are checked against the file before anything they claim is
 * allocated ({@link ParquetSanity}: chunks inside the file, pages of at most 64 MiB, page values adding up to the
 * row count).
 */
final class ParquetMrTickReader implements EventSource {

    private final Path file;
    private final Instrument instrument;
    private final TickReadOptions options;
    private final ParquetFileReader reader;
    private final MessageType schema;
    private final ColumnDescriptor[] columns = new ColumnDescriptor[8];
    private final List<BlockMetaData> rowGroups;
    private final RowChecker checker;
    private final ColumnDecoder[] decoders = new ColumnDecoder[8];
    private int nextRowGroup;
    private long rowGroupRemaining;
    private long rowIndex;
    private long[] exchTs = new long[0];
    private long[] localTs = new long[0];
    private int[] kind = new int[0];
    private int[] side = new int[0];
    private double[] price = new double[0];
    private double[] qty = new double[0];
    private long[] orderId = new long[0];
    private int[] flags = new int[0];
    private int rowGroupsSkipped;
    private int currentRowGroup = -1;

    /** Opens {@code file}, taking the instrument from its metadata, with {@link TickReadOptions#DEFAULT}. */
    ParquetMrTickReader(Path file) {
        this(file, null, TickReadOptions.DEFAULT);
    }

    /**
     * @param file       a Parquet file with the {@link TickSchema} columns
     * @param instrument the instrument, or {@code null} to read it from the file's metadata
     * @param options    time range, strictness and backwards tolerance
     * @throws TickDataException when the columns differ from {@link TickSchema} or the instrument metadata is
     *                           missing and none was given
     */
    ParquetMrTickReader(Path file, Instrument instrument, TickReadOptions options) {
        this.file = file;
        this.options = options;
        this.checker = new RowChecker(file, options);
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new UncheckedIOException("opening " + file, new java.nio.file.NoSuchFileException(file.toString()));
        }
        try {
            this.reader = ParquetFileReader.open(new LocalInputFile(file),
                    ParquetReadOptions.builder(new PlainParquetConfiguration()).usePageChecksumVerification(true)
                            .build());
        } catch (IOException | RuntimeException | LinkageError e) {
            throw new TickDataException(file, -1, "footer", "not a readable Parquet file: " + e, e);
        }
        try {
            this.schema = reader.getFileMetaData().getSchema();
            List<ColumnDescriptor> found = schema.getColumns();
            for (int c = 0; c < 8; c++) {
                String expected = TickSchema.COLUMNS.get(c);
                if (c >= found.size() || !found.get(c).getPath()[0].equals(expected)
                        || !found.get(c).getPrimitiveType().equals(TickSchema.parquet().getColumns().get(c)
                        .getPrimitiveType())) {
                    throw new TickDataException(file, -1, expected, "expected column " + c + " to be "
                            + TickSchema.parquet().getColumns().get(c).getPrimitiveType() + ", file schema is "
                            + schema);
                }
                columns[c] = found.get(c);
            }
            this.instrument = instrument != null ? instrument : instrumentFromMetadata(file,
                    reader.getFileMetaData().getKeyValueMetaData());
            this.rowGroups = reader.getRowGroups();
        } catch (TickDataException e) {
            closeQuietly();
            throw e;
        } catch (RuntimeException | LinkageError e) {
            closeQuietly();
            throw new TickDataException(file, -1, "footer", "corrupt Parquet footer: " + e, e);
        }
    }

    /** The instrument described by a tick store Parquet footer. */
    static Instrument instrumentFromMetadata(Path file, Map<String, String> meta) {
        String symbol = meta.get(TickSchema.META_SYMBOL);
        String venue = meta.get(TickSchema.META_VENUE);
        if (symbol == null || venue == null) {
            throw new TickDataException(file, -1, TickSchema.META_SYMBOL, "the footer names no instrument ("
                    + TickSchema.META_SYMBOL + ", " + TickSchema.META_VENUE + "): pass the instrument explicitly");
        }
        return new Instrument(symbol, venue, metaNumber(file, meta, TickSchema.META_TICK_SIZE),
                metaNumber(file, meta, TickSchema.META_LOT_SIZE),
                metaNumber(file, meta, TickSchema.META_CONTRACT_MULTIPLIER));
    }

    private static double metaNumber(Path file, Map<String, String> meta, String key) {
        String v = meta.get(key);
        try {
            return Double.parseDouble(v);
        } catch (NullPointerException | NumberFormatException e) {
            throw new TickDataException(file, -1, key, "expected a decimal number in the footer, was " + v);
        }
    }

    @Override
    public List<Instrument> instruments() {
        return List.of(instrument);
    }

    /** The file read. */
    public Path file() {
        return file;
    }

    /** Rows in the file, from the footer. */
    public long totalRows() {
        long n = 0;
        for (BlockMetaData b : rowGroups) {
            n += b.getRowCount();
        }
        return n;
    }

    /** Row groups in the file. */
    public int rowGroups() {
        return rowGroups.size();
    }

    /** Row groups passed over unread so far because their {@code exch_ts} statistics lie outside the range. */
    public int rowGroupsSkipped() {
        return rowGroupsSkipped;
    }

    /** Bad rows skipped so far in lenient mode (0 in strict mode, where the first one throws). */
    public long skippedRows() {
        return checker.skipped();
    }

    @Override
    public boolean readBatch(EventBatch into) {
        into.clear();
        int cap = into.capacity();
        if (exchTs.length < cap) {
            allocate(cap);
        }
        while (into.isEmpty()) {
            if (rowGroupRemaining == 0 && !nextRowGroup()) {
                return false;
            }
            int n = (int) Math.min(rowGroupRemaining, cap);
            readColumns(n);
            rowGroupRemaining -= n;
            long from = options.fromNanos();
            long to = options.toNanos();
            for (int i = 0; i < n; i++) {
                long row = rowIndex++;
                long ts = exchTs[i];
                if (ts < from || ts >= to) {
                    checker.checkTime(row, ts); // not passed on, but time order holds across the whole file
                    continue;
                }
                if (checker.accept(row, ts, kind[i], side[i], price[i], qty[i], orderId[i])) {
                    into.add(0, ts, localTs[i], EventKind.fromCode((byte) kind[i]), (byte) side[i], price[i],
                            qty[i], orderId[i], flags[i]);
                }
            }
        }
        return true;
    }

    private boolean nextRowGroup() {
        try {
            while (nextRowGroup < rowGroups.size()) {
                BlockMetaData block = rowGroups.get(nextRowGroup++);
                Statistics<?> stats = block.getColumns().get(0).getStatistics();
                if (stats instanceof LongStatistics ls && ls.hasNonNullValue()
                        && (ls.getMax() < options.fromNanos() || ls.getMin() >= options.toNanos())) {
                    // Skipped unread, but still checked for order: a group that starts too far below the time
                    // seen so far holds a row that goes backwards (reported at the group's first row).
                    checker.checkTime(rowIndex, ls.getMin());
                    checker.checkTime(rowIndex + block.getRowCount() - 1, ls.getMax());
                    rowIndex += block.getRowCount();
                    rowGroupsSkipped++;
                    reader.skipNextRowGroup();
                    continue;
                }
                int g = nextRowGroup - 1;
                currentRowGroup = g;
                PageReadStore pages;
                try {
                    pages = reader.readNextRowGroup();
                } catch (IOException | RuntimeException | LinkageError e) {
                    throw new TickDataException(file, -1, "row group", "row group " + g + ": unreadable (" + e
                            + ")", e);
                }
                if (pages == null || pages.getRowCount() != block.getRowCount()) {
                    throw new TickDataException(file, -1, "row group", "row group " + g + ": the footer promises "
                            + block.getRowCount() + " rows, the reader found "
                            + (pages == null ? "none" : pages.getRowCount()));
                }
                for (int c = 0; c < 8; c++) {
                    try {
                        decoders[c] = new ColumnDecoder(file, g, columns[c], pages.getPageReader(columns[c]));
                    } catch (TickDataException e) {
                        throw e;
                    } catch (RuntimeException | LinkageError e) {
                        throw columnFailure(c, e);
                    }
                }
                rowGroupRemaining = pages.getRowCount();
                return true;
            }
            return false;
        } catch (RuntimeException e) {
            throw e;
        }
    }

    private void readColumns(int n) {
        int c = 0;
        try {
            decoders[c].readLongs(exchTs, n);
            decoders[++c].readLongs(localTs, n);
            decoders[++c].readInts(kind, n);
            decoders[++c].readInts(side, n);
            decoders[++c].readDoubles(price, n);
            decoders[++c].readDoubles(qty, n);
            decoders[++c].readLongs(orderId, n);
            decoders[++c].readInts(flags, n);
        } catch (TickDataException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            // Decoding errors of a corrupt page: parquet-mr's own exceptions, index and cast errors, a codec whose
            // class is missing; each becomes a located TickDataException with the original as its cause.
            throw columnFailure(c, e);
        }
    }

    private TickDataException columnFailure(int c, Throwable e) {
        return new TickDataException(file, -1, TickSchema.COLUMNS.get(c), "row group " + currentRowGroup
                + ", rows from " + (rowIndex) + ": cannot decode the column (" + e + ")", e);
    }

    private void allocate(int cap) {
        exchTs = new long[cap];
        localTs = new long[cap];
        kind = new int[cap];
        side = new int[cap];
        price = new double[cap];
        qty = new double[cap];
        orderId = new long[cap];
        flags = new int[cap];
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing " + file, e);
        }
    }

    private void closeQuietly() {
        try {
            reader.close();
        } catch (IOException | RuntimeException e) {
            // Already failing with a more useful exception.
        }
    }

    /** This file. */
    @Override
    public String origin(int instrument, long exchTs) {
        return "part file " + file;
    }

    @Override
    public String toString() {
        return "ParquetMrTickReader[" + file + ", " + instrument.symbol() + "@" + instrument.venue() + ", rowGroups="
                + rowGroups.size() + ", " + options + "]";
    }
}
