package io.qtrade.sql.clickhouse;

import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Writes canonical market events into a {@link TickTable} over ClickHouse's HTTP interface, in batches of
 * {@link Builder#flushRows(int)} rows, each one {@code INSERT ... FORMAT RowBinary}.
 *
 * <p>RowBinary, as ClickHouse documents it: each row is its columns back to back, integers and floats in
 * little-endian order at their width ({@code Int8} 1 byte, {@code Int32} 4, {@code Int64} and {@code Float64} 8),
 * a {@code String} as its byte length in unsigned LEB128 followed by the UTF-8 bytes. A row here is the two
 * instrument strings (pre-encoded once per instrument) and 54 bytes of numbers, written into one reusable byte array:
 * nothing is allocated per event. {@code seq} numbers the rows in the order they were written, from
 * {@link Builder#firstSeq(long)}, so that the source can give events with equal {@code exch_ts} back in that order.
 *
 * <p>Rows are checked once, when they entered their {@link EventBatch}; the sink checks only that each row's
 * instrument index is in the list it was given. An insert the server refuses raises a {@link ClickHouseException}
 * with the status and ClickHouse's message; the sink is then failed (every later call raises an
 * {@link IllegalStateException} naming the first failure) and {@link #rowsWritten()} counts the rows acknowledged
 * before it. An insert of at most {@link #MAX_FLUSH_ROWS} rows is one block on the server, stored
 * whole or not at all, so rows are never half-stored. Not
 * thread-safe.
 *
 * <pre>{@code
 * try (ClickHouseSink sink = ClickHouseSink.builder(client, new TickTable("ticks"), market.instruments()).build()) {
 *     sink.writeAll(market);
 * }
 * }</pre>
 */
public final class ClickHouseSink implements AutoCloseable {

    /** Rows per insert when none is given: ClickHouse prefers few large inserts (about 5.5 MB here). */
    public static final int DEFAULT_FLUSH_ROWS = 100_000;
    /**
     * The largest {@link Builder#flushRows(int)}: ClickHouse's default {@code max_insert_block_size}, up to which one
     * insert is stored as one block, all or nothing.
     */
    public static final int MAX_FLUSH_ROWS = 1_048_576;

    /** Bytes of the fixed-width columns of one row: 8+8+1+1+8+8+8+4+8. */
    static final int FIXED_ROW_BYTES = 54;

    private static final Logger LOG = LoggerFactory.getLogger(ClickHouseSink.class);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final ClickHouseClient client;
    private final TickTable table;
    private final List<Instrument> instruments;
    private final int flushRows;
    private final byte[][] instrumentPrefix;
    private final String insertStatement;
    private final byte[] buffer;
    private final EventBatch readBuffer;
    private int position;
    private int bufferedRows;
    private long nextSeq;
    private long rowsWritten;
    private long inserts;
    private RuntimeException failure;
    private boolean closed;

    private ClickHouseSink(Builder b) {
        this.client = b.client;
        this.table = b.table;
        this.instruments = b.instruments;
        this.flushRows = b.flushRows;
        this.nextSeq = b.firstSeq;
        this.instrumentPrefix = new byte[instruments.size()][];
        int longestPrefix = 0;
        for (int i = 0; i < instrumentPrefix.length; i++) {
            Instrument instrument = instruments.get(i);
            instrumentPrefix[i] = concat(rowBinaryString(instrument.venue()), rowBinaryString(instrument.symbol()));
            longestPrefix = Math.max(longestPrefix, instrumentPrefix[i].length);
        }
        long bufferBytes = (long) flushRows * (longestPrefix + FIXED_ROW_BYTES);
        if (bufferBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("flushRows " + flushRows + " rows of up to "
                    + (longestPrefix + FIXED_ROW_BYTES) + " bytes need " + bufferBytes
                    + " bytes, more than one Java array holds: lower flushRows");
        }
        this.buffer = new byte[(int) bufferBytes];
        this.readBuffer = new EventBatch(Math.min(flushRows, 8192));
        this.insertStatement = table.insertStatement();
        if (b.createTable) {
            table.createIfMissing(client);
        }
    }

    /**
     * A builder for a sink into {@code table}.
     *
     * @param instruments the instrument list the events' {@code instrument} indices refer to, normally the source's
     *                    {@link EventSource#instruments()}
     */
    public static Builder builder(ClickHouseClient client, TickTable table, List<Instrument> instruments) {
        return new Builder(client, table, instruments);
    }

    /**
     * Appends every row of {@code batch}; sends an insert each time {@link Builder#flushRows(int)} rows are
     * buffered.
     *
     * @throws IllegalArgumentException when a row's instrument index is outside the sink's instrument list (no row
     *                                  of the batch from that one on is buffered)
     * @throws ClickHouseException      when an insert is refused
     * @throws IllegalStateException    when the sink is closed or failed earlier
     */
    public void write(EventBatch batch) {
        ensureOpen();
        int size = batch.size();
        for (int row = 0; row < size; row++) {
            int instrument = batch.instrument(row);
            if (instrument >= instrumentPrefix.length) {
                throw new IllegalArgumentException("event row " + row + " of the batch (exchTs " + batch.exchTs(row)
                        + ") refers to instrument " + instrument + " but the sink was given "
                        + instrumentPrefix.length + " instruments");
            }
            byte[] prefix = instrumentPrefix[instrument];
            byte[] buf = buffer;
            int p = position;
            System.arraycopy(prefix, 0, buf, p, prefix.length);
            p += prefix.length;
            LONG.set(buf, p, batch.exchTs(row));
            LONG.set(buf, p + 8, batch.localTs(row));
            buf[p + 16] = batch.kindCode(row);
            buf[p + 17] = batch.sideCode(row);
            LONG.set(buf, p + 18, Double.doubleToRawLongBits(batch.price(row)));
            LONG.set(buf, p + 26, Double.doubleToRawLongBits(batch.qty(row)));
            LONG.set(buf, p + 34, batch.orderId(row));
            INT.set(buf, p + 42, batch.flags(row));
            LONG.set(buf, p + 46, nextSeq++);
            position = p + FIXED_ROW_BYTES;
            if (++bufferedRows == flushRows) {
                flush();
            }
        }
    }

    /**
     * Reads {@code source} to its end and writes every event, then flushes.
     *
     * @return the rows written by this call
     */
    public long writeAll(EventSource source) {
        Objects.requireNonNull(source, "source");
        if (!source.instruments().equals(instruments)) {
            throw new IllegalArgumentException("source " + source + " lists instruments " + ids(source.instruments())
                    + " but the sink was built for " + ids(instruments));
        }
        long before = rowsWritten + bufferedRows;
        while (source.readBatch(readBuffer)) {
            write(readBuffer);
        }
        flush();
        return rowsWritten - before;
    }

    /** Sends the buffered rows, if any, as one insert. */
    public void flush() {
        ensureOpen();
        if (bufferedRows == 0) {
            return;
        }
        try {
            client.insert(insertStatement, buffer, 0, position);
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        }
        rowsWritten += bufferedRows;
        inserts++;
        LOG.debug("inserted {} rows into {} ({} bytes); {} rows so far", bufferedRows, table.name(), position,
                rowsWritten);
        bufferedRows = 0;
        position = 0;
    }

    /** Rows the server has acknowledged. */
    public long rowsWritten() {
        return rowsWritten;
    }

    /** Rows waiting for the next insert. */
    public int rowsBuffered() {
        return bufferedRows;
    }

    /** Inserts sent and acknowledged. */
    public long inserts() {
        return inserts;
    }

    /** The {@code seq} the next row gets. */
    public long nextSeq() {
        return nextSeq;
    }

    /** Flushes what is buffered (unless the sink failed) and closes the sink; a second call does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            if (failure == null) {
                flush();
            }
        } finally {
            closed = true;
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("sink into " + table.name() + " is closed");
        }
        if (failure != null) {
            throw new IllegalStateException("sink into " + table.name() + " failed earlier after " + rowsWritten
                    + " acknowledged rows: " + failure.getMessage(), failure);
        }
    }

    /** {@code s} as a RowBinary {@code String}: unsigned LEB128 byte length, then the UTF-8 bytes. */
    static byte[] rowBinaryString(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[varIntLength(utf8.length) + utf8.length];
        int p = 0;
        int n = utf8.length;
        while ((n & ~0x7F) != 0) {
            out[p++] = (byte) ((n & 0x7F) | 0x80);
            n >>>= 7;
        }
        out[p++] = (byte) n;
        System.arraycopy(utf8, 0, out, p, utf8.length);
        return out;
    }

    private static int varIntLength(int n) {
        int bytes = 1;
        while ((n & ~0x7F) != 0) {
            n >>>= 7;
            bytes++;
        }
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static String ids(List<Instrument> list) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < list.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(list.get(i).id());
        }
        return sb.append(']').toString();
    }

    @Override
    public String toString() {
        return "ClickHouseSink[table=" + table.name() + ", instruments=" + ids(instruments) + ", flushRows="
                + flushRows + ", rowsWritten=" + rowsWritten + ", rowsBuffered=" + bufferedRows + ", nextSeq="
                + nextSeq + ", client=" + client + "]";
    }

    /** Options of a {@link ClickHouseSink}. */
    public static final class Builder {
        private final ClickHouseClient client;
        private final TickTable table;
        private final List<Instrument> instruments;
        private int flushRows = DEFAULT_FLUSH_ROWS;
        private long firstSeq;
        private boolean createTable = true;

        private Builder(ClickHouseClient client, TickTable table, List<Instrument> instruments) {
            this.client = Objects.requireNonNull(client, "client");
            this.table = Objects.requireNonNull(table, "table");
            this.instruments = List.copyOf(Objects.requireNonNull(instruments, "instruments"));
            if (this.instruments.isEmpty()) {
                throw new IllegalArgumentException("a sink needs at least one instrument");
            }
        }

        /** Rows per insert, 1..{@link #MAX_FLUSH_ROWS}; default {@link #DEFAULT_FLUSH_ROWS}. */
        public Builder flushRows(int rows) {
            if (rows < 1 || rows > MAX_FLUSH_ROWS) {
                throw new IllegalArgumentException("flushRows must be in 1.." + MAX_FLUSH_ROWS + ", was " + rows);
            }
            this.flushRows = rows;
            return this;
        }

        /**
         * The {@code seq} of the first row, >= 0; default 0. Use {@link TickTable#nextSeq(ClickHouseClient)} when
         * appending rows that can share a timestamp with rows already in the table.
         */
        public Builder firstSeq(long seq) {
            if (seq < 0) {
                throw new IllegalArgumentException("firstSeq must be >= 0, was " + seq);
            }
            this.firstSeq = seq;
            return this;
        }

        /** Whether {@link #build()} creates the table when missing; default {@code true}. */
        public Builder createTable(boolean create) {
            this.createTable = create;
            return this;
        }

        /**
         * The sink; creates the table first unless {@link #createTable(boolean)} said not to.
         *
         * @throws ClickHouseException when the table cannot be created
         */
        public ClickHouseSink build() {
            return new ClickHouseSink(this);
        }
    }
}
