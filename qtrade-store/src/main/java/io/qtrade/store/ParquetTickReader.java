package io.qtrade.store;

import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.EventSource;
import io.qtrade.store.ingest.EpochUnit;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.statistics.LongStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads one Parquet part of the tick store as an {@link EventSource} of one instrument. The footer is parsed by
 * parquet-mr; the column chunks are read and decoded by the store's own page decoder ({@link ColumnChunkDecoder},
 * {@link PageEncodings}): each chunk's bytes into a buffer the reader keeps, each page CRC-checked, decompressed
 * into a reused buffer and decoded whole into a reused {@code long[]}, then copied column by column straight into the
 * caller's {@link EventBatch} ({@link EventBatch#append}: one capacity check and one check pass per batch; the row
 * checker sees a row only when a check would refuse it). After the first row group nothing is allocated per event (a
 * few objects per page header), and
 * memory is one row group's column chunks plus one page per column, whatever the file's size. Row groups whose
 * {@code exch_ts} statistics lie wholly outside the requested range are skipped unread.
 *
 * <p>The instrument comes from the file's key-value metadata ({@link TickSchema#META_SYMBOL} ...), or from the
 * caller when the file was written by another tool. Each row is checked ({@link TickReadOptions}); a bad one raises a
 * {@link TickDataException} naming the file, the 0-based row and the field, or in lenient mode is counted in
 * {@link #skippedRows()} and logged.
 *
 * <p>A corrupt file is a {@link TickDataException} too, naming the file and, where known, the row group and the
 * column, with the decoder's exception as its cause: page CRCs are verified (where the writer stored them, as the
 * store's writer does), the footer is checked against the file ({@link ParquetSanity}) and each page header against
 * its column chunk before anything they claim is allocated (chunks inside the file, pages of at most 64 MiB, page
 * values adding up to the row count), and every length inside a page against the page.
 */
public final class ParquetTickReader implements EventSource {

    /** The code of {@link EventKind#FUNDING_RATE}, the highest kind code, whose rows carry a funding time to check. */
    private static final int FUNDING_RATE_CODE = EventKind.FUNDING_RATE.code();

    private final Path file;
    private final Instrument instrument;
    private final TickReadOptions options;
    private final ParquetSanity sanity;
    private final FileChannel channel;
    private final List<BlockMetaData> rowGroups;
    private final RowChecker checker;
    private DecoderPool.DecoderSet buffers;
    private ColumnChunkDecoder[] decoders;
    private long[][] values;
    private final boolean wholeRange;
    private int nextRowGroup;
    private long rowGroupRemaining;
    private long rowIndex;
    private int rowGroupsSkipped;
    private int currentRowGroup = -1;
    private final RowWriter writer = new RowWriter();
    /** Whether the last rows' {@code kind} / {@code side} values all fitted a byte (else they are in values[]). */
    private boolean kindsFit;
    private boolean sidesFit;

    /** Opens {@code file}, taking the instrument from its metadata, with {@link TickReadOptions#DEFAULT}. */
    public ParquetTickReader(Path file) {
        this(file, null, TickReadOptions.DEFAULT);
    }

    /**
     * @param file       a Parquet file with the {@link TickSchema} columns
     * @param instrument the instrument, or {@code null} to read it from the file's metadata
     * @param options    time range, strictness and backwards tolerance
     * @throws TickDataException when the columns differ from {@link TickSchema} or the instrument metadata is
     *                           missing and none was given
     */
    public ParquetTickReader(Path file, Instrument instrument, TickReadOptions options) {
        this.file = file;
        this.options = options;
        this.checker = new RowChecker(file, options);
        this.wholeRange = options.fromNanos() == Long.MIN_VALUE && options.toNanos() == Long.MAX_VALUE;
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new UncheckedIOException("opening " + file, new java.nio.file.NoSuchFileException(file.toString()));
        }
        ParquetMetadata footer;
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            footer = reader.getFooter();
        } catch (IOException | RuntimeException | LinkageError e) {
            throw new TickDataException(file, -1, "footer", "not a readable Parquet file: " + e, e);
        }
        try {
            this.sanity = new ParquetSanity(file);
        } catch (IOException e) {
            throw new UncheckedIOException("opening " + file, e);
        }
        this.channel = sanity.channel();
        try {
            MessageType schema = footer.getFileMetaData().getSchema();
            List<ColumnDescriptor> found = schema.getColumns();
            for (int c = 0; c < 8; c++) {
                String expected = TickSchema.COLUMNS.get(c);
                PrimitiveType type = TickSchema.parquet().getColumns().get(c).getPrimitiveType();
                if (c >= found.size() || !found.get(c).getPath()[0].equals(expected)
                        || !found.get(c).getPrimitiveType().equals(type)) {
                    throw new TickDataException(file, -1, expected, "expected column " + c + " to be " + type
                            + ", file schema is " + schema);
                }
            }
            this.instrument = instrument != null ? instrument : instrumentFromMetadata(file,
                    footer.getFileMetaData().getKeyValueMetaData());
            this.rowGroups = footer.getBlocks();
            sanity.checkFooter(rowGroups);
            this.buffers = DecoderPool.take(file);
            this.decoders = buffers.decoders;
            this.values = buffers.values;
        } catch (TickDataException e) {
            sanity.close();
            throw e;
        } catch (IOException | RuntimeException | LinkageError e) {
            sanity.close();
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
        if (buffers == null) {
            throw new IllegalStateException("reading " + file + " after close()");
        }
        into.clear();
        int cap = into.capacity();
        if (values[KIND].length < cap) {
            values[KIND] = new long[cap];
            values[SIDE] = new long[cap];
        }
        while (into.isEmpty()) {
            if (rowGroupRemaining == 0 && !nextRowGroup()) {
                return false;
            }
            int n = (int) Math.min(rowGroupRemaining, cap);
            into.append(n, writer);
            if (writer.checked) {
                checker.advance(writer.maxExchTs);
            }
            rowGroupRemaining -= n;
            rowIndex += n;
        }
        return true;
    }

    private static final int KIND = 2;
    private static final int SIDE = 3;

    /**
     * Decodes the next rows of the row group straight into the batch's columns ({@link EventBatch#append}): each
     * column page by page into its column ({@code kind} and {@code side} narrowed to bytes, with their range noted),
     * the instrument index 0. Then the checks {@link EventBatch} does not make itself: kind and side codes within
     * range (from the noted ranges), time order and the time range (one pass over {@code exch_ts}), a funding row's
     * funding time (only when a funding row is there); the batch checks the fields. When either finds a row it would
     * refuse, the rows are checked again one by one by the {@link RowChecker}, which names the file, row and field
     * (or, in lenient mode, counts the row and drops it).
     */
    private final class RowWriter implements EventBatch.ColumnWriter {
        /** Whether the last write's rows passed the quick checks, which left the {@link RowChecker} to update. */
        boolean checked;
        /** The largest {@code exch_ts} of the last write, when {@link #checked}. */
        long maxExchTs;

        @Override
        public int write(EventBatch.Columns columns, int at, int rows) {
            checked = false;
            readColumns(columns, at, rows);
            long[] exchTs = columns.exchTs();
            java.util.Arrays.fill(columns.instrument(), at, at + rows, 0);
            ColumnChunkDecoder kinds = decoders[KIND];
            ColumnChunkDecoder sides = decoders[SIDE];
            boolean ok = rows == 0 || kindsFit && sidesFit && kinds.lastMin() >= 1
                    && kinds.lastMax() <= FUNDING_RATE_CODE && sides.lastMin() >= -1 && sides.lastMax() <= 1
                    && (wholeRange || exchTs[at] >= options.fromNanos()
                    && exchTs[at + rows - 1] < options.toNanos());
            // Time order (which also makes the first and last rows bound the range checked above).
            long last = checker.maxExchTs();
            for (int i = at, end = at + rows; i < end; i++) {
                long ts = exchTs[i];
                ok &= ts >= last;
                last = ts;
            }
            if (ok && kinds.lastMax() == FUNDING_RATE_CODE) {
                byte[] kind = columns.kind();
                long[] orderId = columns.orderId();
                for (int i = at, end = at + rows; i < end; i++) {
                    long id = orderId[i];
                    ok &= kind[i] != FUNDING_RATE_CODE
                            || id > EpochUnit.MIN_PLAUSIBLE_NANOS && id < EpochUnit.MAX_PLAUSIBLE_NANOS;
                }
            }
            if (ok) {
                checked = rows > 0;
                maxExchTs = last;
                return rows;
            }
            return checkRows(columns, at, rows);
        }

        @Override
        public int refused(EventBatch.Columns columns, int at, int written, int row, IllegalArgumentException why) {
            if (!checked) {
                throw new IllegalStateException("a row of " + file + " passed the row checks but not the batch's",
                        why);
            }
            checked = false;
            return checkRows(columns, at, written);
        }

        /**
         * Rows {@code [at, at + rows)} one by one through the {@link RowChecker} (time range, every field check,
         * time order), the rows it passes moved down over the ones it drops.
         */
        private int checkRows(EventBatch.Columns columns, int at, int rows) {
            long[] exchTs = columns.exchTs();
            long[] localTs = columns.localTs();
            byte[] kindOut = columns.kind();
            byte[] sideOut = columns.side();
            double[] price = columns.price();
            double[] qty = columns.qty();
            long[] orderId = columns.orderId();
            int[] flags = columns.flags();
            long[] kind = values[KIND];
            long[] side = values[SIDE];
            long from = options.fromNanos();
            long to = options.toNanos();
            int w = at;
            for (int i = 0; i < rows; i++) {
                long row = rowIndex + i;
                int r = at + i;
                long ts = exchTs[r];
                if (!wholeRange && (ts < from || ts >= to)) {
                    checker.checkTime(row, ts); // not passed on, but time order holds across the whole file
                    continue;
                }
                int k = kindsFit ? kindOut[r] : (int) kind[i];
                int s = sidesFit ? sideOut[r] : (int) side[i];
                if (!checker.accept(row, ts, k, s, price[r], qty[r], orderId[r])) {
                    continue;
                }
                exchTs[w] = ts;
                localTs[w] = localTs[r];
                kindOut[w] = (byte) k;
                sideOut[w] = (byte) s;
                price[w] = price[r];
                qty[w] = qty[r];
                orderId[w] = orderId[r];
                flags[w] = flags[r];
                w++;
            }
            return w - at;
        }

        @Override
        public String toString() {
            return "the row writer of " + ParquetTickReader.this;
        }
    }

    private boolean nextRowGroup() {
        while (nextRowGroup < rowGroups.size()) {
            BlockMetaData block = rowGroups.get(nextRowGroup++);
            int g = nextRowGroup - 1;
            Statistics<?> stats = block.getColumns().isEmpty() ? null : block.getColumns().get(0).getStatistics();
            if (!wholeRange && stats instanceof LongStatistics ls && ls.hasNonNullValue()
                    && (ls.getMax() < options.fromNanos() || ls.getMin() >= options.toNanos())) {
                // Skipped unread, but still checked for order: a group that starts too far below the time
                // seen so far holds a row that goes backwards (reported at the group's first row).
                checker.checkTime(rowIndex, ls.getMin());
                checker.checkTime(rowIndex + block.getRowCount() - 1, ls.getMax());
                rowIndex += block.getRowCount();
                rowGroupsSkipped++;
                continue;
            }
            currentRowGroup = g;
            for (int c = 0; c < 8; c++) {
                ColumnChunkMetaData chunk = chunkOf(block, g, c);
                try {
                    decoders[c].open(channel, g, chunk, block.getRowCount());
                } catch (TickDataException e) {
                    throw e;
                } catch (IOException e) {
                    throw new UncheckedIOException("reading row group " + g + " of " + file, e);
                } catch (RuntimeException | LinkageError e) {
                    throw columnFailure(c, e);
                }
            }
            rowGroupRemaining = block.getRowCount();
            if (rowGroupRemaining > 0) {
                return true;
            }
        }
        return false;
    }

    private ColumnChunkMetaData chunkOf(BlockMetaData block, int g, int c) {
        String name = TickSchema.COLUMNS.get(c);
        List<ColumnChunkMetaData> chunks = block.getColumns();
        if (c < chunks.size() && chunks.get(c).getPath().toDotString().equals(name)) {
            return chunks.get(c);
        }
        for (ColumnChunkMetaData m : chunks) {
            if (m.getPath().toDotString().equals(name)) {
                return m;
            }
        }
        throw new TickDataException(file, -1, name, "row group " + g + " has no column chunk for the column");
    }

    private void readColumns(EventBatch.Columns columns, int at, int n) {
        int c = 0;
        try {
            decoders[c].read(columns.exchTs(), at, n);
            c = 1;
            decoders[c].read(columns.localTs(), at, n);
            c = KIND;
            kindsFit = decoders[c].readBytes(columns.kind(), at, n, values[KIND]);
            c = SIDE;
            sidesFit = decoders[c].readBytes(columns.side(), at, n, values[SIDE]);
            c = 4;
            decoders[c].readDoubles(columns.price(), at, n);
            c = 5;
            decoders[c].readDoubles(columns.qty(), at, n);
            c = 6;
            decoders[c].read(columns.orderId(), at, n);
            c = 7;
            decoders[c].readInts(columns.flags(), at, n);
        } catch (TickDataException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            // Anything else a corrupt page could raise (an index or cast error) becomes a located TickDataException
            // with the original as its cause.
            throw columnFailure(c, e);
        }
    }

    private TickDataException columnFailure(int c, Throwable e) {
        return new TickDataException(file, -1, TickSchema.COLUMNS.get(c), "row group " + currentRowGroup
                + ", rows from " + (rowIndex) + ": cannot decode the column (" + e + ")", e);
    }

    /** The value encodings of the data pages decoded so far, column by column, for tests. */
    java.util.Map<String, java.util.Set<org.apache.parquet.format.Encoding>> encodingsSeen() {
        java.util.Map<String, java.util.Set<org.apache.parquet.format.Encoding>> out = new java.util.LinkedHashMap<>();
        for (int c = 0; c < 8; c++) {
            out.put(TickSchema.COLUMNS.get(c), java.util.Set.copyOf(decoders[c].encodingsSeen()));
        }
        return out;
    }

    /** Closes the file and hands the decoders' buffers to the next reader opened. */
    @Override
    public void close() {
        sanity.close();
        if (buffers != null) {
            DecoderPool.release(buffers);
            buffers = null;
            decoders = null;
            values = null;
        }
    }

    /** This file. */
    @Override
    public String origin(int instrument, long exchTs) {
        return "part file " + file;
    }

    @Override
    public String toString() {
        return "ParquetTickReader[" + file + ", " + instrument.symbol() + "@" + instrument.venue() + ", rowGroups="
                + rowGroups.size() + ", " + options + "]";
    }
}
