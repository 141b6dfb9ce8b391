package io.qtrade.sql.clickhouse;

import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.EventSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the events of one venue's symbols in a half-open venue-time range {@code [fromExchTs, toExchTs)} back from a
 * {@link TickTable}, as an {@link EventSource} ordered by {@code exch_ts}.
 *
 * <p>One query, streamed:
 * <pre>{@code
 * SELECT symbol, exch_ts, local_ts, kind, side, price, qty, order_id, flags FROM <table>
 * WHERE venue = '<venue>' AND symbol IN ('<s1>', ...) AND exch_ts >= <from> AND exch_ts < <to>
 * ORDER BY exch_ts, seq FORMAT RowBinary
 * }</pre>
 * The merge across symbols is the server's {@code ORDER BY exch_ts, seq}, not a client-side k-way merge
 * ({@link io.qtrade.core.market.MergedEventSource}): it is one connection instead of one per symbol, and ordering by
 * the sink's {@code seq} gives back the exact order in which events with equal timestamps were written, across
 * symbols too, where a client-side merge could only break ties by symbol. The sorting key
 * {@code (venue, symbol, exch_ts, seq)} lets the server read only the granules of the range. The server sorts the
 * selected range in its memory (or on disk when the user's {@code max_bytes_before_external_sort} is set): read very
 * long ranges a day at a time.
 *
 * <p>The response body is decoded as it arrives through one 64 KiB buffer straight into the caller's
 * {@link EventBatch}: memory stays bounded whatever the range, and nothing is allocated per event. Every row is
 * checked: a symbol outside the list, a timestamp outside the range or earlier than the previous row's, a kind code
 * that names no kind, or a value {@link EventBatch#add} refuses raises a {@link MalformedResponseException} naming
 * the row, the field and its byte offset in the response; a response that ends inside a row raises one naming the
 * field cut off and the offset. An error the server appends to a result already being streamed (it cannot change
 * the status by then) raises a {@link ClickHouseException} with ClickHouse's message. Rows decoded before a bad one
 * stay in the caller's batch; the response is then closed and every later {@link #readBatch} raises an
 * {@link IllegalStateException} naming the error: a stream is never resumed past a bad row. The query is sent at the
 * first {@link #readBatch}; {@link #close()} ends it. Not thread-safe.
 */
public final class ClickHouseSource implements EventSource {

    /** Bytes of the fixed-width columns read per row: exch_ts, local_ts, kind, side, price, qty, order_id, flags. */
    static final int FIXED_ROW_BYTES = 46;

    /** The longest symbol a source reads, in UTF-8 bytes: a row must fit the 64 KiB read buffer. */
    public static final int MAX_SYMBOL_BYTES = 1024;

    private static final String[] FIELD_NAMES = {"exch_ts", "local_ts", "kind", "side", "price", "qty", "order_id",
        "flags"};
    private static final int[] FIELD_OFFSETS = {0, 8, 16, 17, 18, 26, 34, 42};
    private static final int MAX_ERROR_TEXT_BYTES = 16 * 1024;

    private final ClickHouseClient client;
    private final TickTable table;
    private final List<Instrument> instruments;
    private final String venue;
    private final long fromExchTs;
    private final long toExchTs;
    private final String query;
    private final SymbolIndex symbols;
    private RowBinaryInput input;
    private boolean exhausted;
    private long rowsRead;
    private long lastExchTs = Long.MIN_VALUE;
    private RuntimeException failure;

    private ClickHouseSource(Builder b) {
        this.client = b.client;
        this.table = b.table;
        this.instruments = b.instruments;
        this.venue = instruments.get(0).venue();
        this.fromExchTs = b.fromExchTs;
        this.toExchTs = b.toExchTs;
        this.symbols = new SymbolIndex(instruments);
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < instruments.size(); i++) {
            in.append(i == 0 ? "" : ", ").append(Identifiers.literal(instruments.get(i).symbol()));
        }
        this.query = "SELECT symbol, exch_ts, local_ts, kind, side, price, qty, order_id, flags FROM " + table.name()
                + " WHERE venue = " + Identifiers.literal(venue) + " AND symbol IN (" + in + ")"
                + " AND exch_ts >= " + fromExchTs + " AND exch_ts < " + toExchTs
                + " ORDER BY exch_ts, seq FORMAT RowBinary";
    }

    /**
     * A builder for the events of {@code instruments}, which must share one venue, in {@code [fromExchTs, toExchTs)}.
     */
    public static Builder builder(ClickHouseClient client, TickTable table, List<Instrument> instruments) {
        return new Builder(client, table, instruments);
    }

    @Override
    public List<Instrument> instruments() {
        return instruments;
    }

    /** The statement this source sends. */
    public String query() {
        return query;
    }

    /** Rows decoded so far. */
    public long rowsRead() {
        return rowsRead;
    }

    @Override
    public boolean readBatch(EventBatch into) {
        into.clear();
        if (failure != null) {
            throw new IllegalStateException("source " + table.name() + " failed earlier at row " + rowsRead + ": "
                    + failure.getMessage(), failure);
        }
        if (exhausted) {
            return false;
        }
        try {
            if (input == null) {
                input = new RowBinaryInput(client.query(query));
            }
            while (!into.isFull()) {
                if (!readRow(into)) {
                    exhausted = true;
                    closeInput();
                    break;
                }
            }
        } catch (RuntimeException e) {
            failure = e;
            exhausted = true;
            try {
                closeInput();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        return !into.isEmpty();
    }

    /** Decodes {@code response} instead of sending the query: for tests of the decoder alone. */
    void decode(InputStream response) {
        if (input != null || exhausted) {
            throw new IllegalStateException("the source has already started reading");
        }
        input = new RowBinaryInput(response);
    }

    /** Decodes one row into {@code into}; {@code false} at the clean end of the response. */
    private boolean readRow(EventBatch into) {
        RowBinaryInput in = input;
        if (!in.request(1)) {
            return false;
        }
        byte first = in.buf[in.pos];
        if ((first == 'C' || first == '_' || first == '\n') && in.request(13) && isServerError(in)) {
            throw new ClickHouseException(client.where(), 200, in.rest(MAX_ERROR_TEXT_BYTES), query);
        }
        // symbol: unsigned LEB128 length, then UTF-8 bytes; k counts the row's bytes (request() may move them)
        int length = 0;
        int shift = 0;
        int k = 0;
        while (true) {
            if (!in.request(k + 1)) {
                throw truncated("symbol length", 0, k, in);
            }
            byte b = in.buf[in.pos + k];
            k++;
            // The 5th byte adds bits 28..34 and only 28..30 fit in a non-negative int: 0x78 masks bits 31..34.
            if (shift > 28 || (shift == 28 && (b & 0x78) != 0)) {
                throw malformed("symbol", in.offset(in.pos), "a string length that fits 31 bits", null);
            }
            length |= (b & 0x7F) << shift;
            if (b >= 0) {
                break;
            }
            shift += 7;
        }
        int headerBytes = k;
        if (length > symbols.maxLength()) {
            throw malformed("symbol", in.offset(in.pos), "one of " + ClickHouseSink.ids(instruments)
                    + ", got a string of " + length + " bytes, longer than every listed symbol", null);
        }
        int rowBytes = headerBytes + length + FIXED_ROW_BYTES;
        if (!in.request(rowBytes)) {
            int have = in.limit - in.pos;
            if (have < headerBytes + length) {
                throw truncated("symbol", headerBytes, have, in);
            }
            int field = fieldAt(have - headerBytes - length);
            throw truncated(FIELD_NAMES[field], headerBytes + length + FIELD_OFFSETS[field], have, in);
        }
        int rowStart = in.pos;
        byte[] buf = in.buf;
        int symbolAt = rowStart + headerBytes;
        int instrument = symbols.find(buf, symbolAt, length);
        if (instrument < 0) {
            throw malformed("symbol", in.offset(rowStart), "one of " + ClickHouseSink.ids(instruments) + ", got \""
                    + new String(buf, symbolAt, length, StandardCharsets.UTF_8) + "\"", null);
        }
        int f = symbolAt + length;
        long exchTs = in.int64(f);
        if (exchTs < fromExchTs || exchTs >= toExchTs) {
            throw malformed("exch_ts", in.offset(f), "a time in [" + fromExchTs + ", " + toExchTs + "), got "
                    + exchTs, null);
        }
        if (exchTs < lastExchTs) {
            throw malformed("exch_ts", in.offset(f), "rows ordered by exch_ts, got " + exchTs + ", "
                    + (lastExchTs - exchTs) + " ns before the previous row's " + lastExchTs, null);
        }
        long localTs = in.int64(f + 8);
        byte kindCode = buf[f + 16];
        if (kindCode < 1 || kindCode > EventKind.FUNDING_RATE.code()) {
            throw malformed("kind", in.offset(f + 16), "an EventKind code in 1.." + EventKind.FUNDING_RATE.code()
                    + ", got " + kindCode, null);
        }
        byte side = buf[f + 17];
        double price = in.float64(f + 18);
        double qty = in.float64(f + 26);
        long orderId = in.int64(f + 34);
        int flags = in.int32(f + 42);
        try {
            into.add(instrument, exchTs, localTs, EventKind.fromCode(kindCode), side, price, qty, orderId, flags);
        } catch (IllegalArgumentException e) {
            throw malformed("a value", in.offset(f), "a valid event (" + e.getMessage() + ")", e);
        }
        in.pos = rowStart + rowBytes;
        lastExchTs = exchTs;
        rowsRead++;
        return true;
    }

    private static boolean isServerError(RowBinaryInput in) {
        int save = in.pos;
        while (in.pos < in.limit && in.buf[in.pos] == '\n') {
            in.pos++;
        }
        boolean error = in.startsWith("Code: ") || in.startsWith("__exception__");
        if (!error) {
            in.pos = save;
        }
        return error;
    }

    /** The index of the fixed-width field cut off when {@code fixedBytesPresent} of them arrived. */
    private static int fieldAt(int fixedBytesPresent) {
        for (int i = FIELD_OFFSETS.length - 1; i > 0; i--) {
            if (fixedBytesPresent >= FIELD_OFFSETS[i]) {
                return i;
            }
        }
        return 0;
    }

    private MalformedResponseException truncated(String field, int fieldStartInRow, int bytesOfRow,
                                                 RowBinaryInput in) {
        long rowOffset = in.offset(in.pos);
        long fieldOffset = rowOffset + fieldStartInRow;
        return new MalformedResponseException("ClickHouse response for table " + table.name()
                + " is truncated inside row " + rowsRead + " (starting at byte offset " + rowOffset + "): field "
                + field + " starts at byte offset " + fieldOffset + " but the response ended at byte offset "
                + (rowOffset + bytesOfRow), rowsRead, fieldOffset, null);
    }

    private MalformedResponseException malformed(String field, long offset, String expected, Throwable cause) {
        return new MalformedResponseException("ClickHouse response for table " + table.name() + ", row " + rowsRead
                + ", field " + field + " at byte offset " + offset + ": expected " + expected, rowsRead, offset,
                cause);
    }

    private void closeInput() {
        if (input != null) {
            RowBinaryInput open = input;
            input = null;
            open.close();
        }
    }

    /** Ends the query if it is still streaming. */
    @Override
    public void close() {
        exhausted = true;
        closeInput();
    }

    @Override
    public String toString() {
        return "ClickHouseSource[table=" + table.name() + ", venue=" + venue + ", instruments="
                + ClickHouseSink.ids(instruments) + ", fromExchTs=" + fromExchTs + ", toExchTs=" + toExchTs
                + ", rowsRead=" + rowsRead + ", client=" + client + "]";
    }

    /** Open-addressing map from a symbol's UTF-8 bytes to its instrument index; lookups allocate nothing. */
    private static final class SymbolIndex {
        private final byte[][] keys;
        private final int[] values;
        private final int mask;
        private final int maxLength;

        SymbolIndex(List<Instrument> instruments) {
            int size = Integer.highestOneBit(Math.max(4, instruments.size() * 4) - 1) << 1;
            keys = new byte[size][];
            values = new int[size];
            mask = size - 1;
            int longest = 0;
            for (int i = 0; i < instruments.size(); i++) {
                byte[] key = instruments.get(i).symbol().getBytes(StandardCharsets.UTF_8);
                longest = Math.max(longest, key.length);
                int slot = hash(key, 0, key.length) & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = key;
                values[slot] = i;
            }
            maxLength = longest;
        }

        int maxLength() {
            return maxLength;
        }

        int find(byte[] buf, int from, int length) {
            int slot = hash(buf, from, length) & mask;
            while (true) {
                byte[] key = keys[slot];
                if (key == null) {
                    return -1;
                }
                if (key.length == length && Arrays.equals(key, 0, length, buf, from, from + length)) {
                    return values[slot];
                }
                slot = (slot + 1) & mask;
            }
        }

        private static int hash(byte[] b, int from, int length) {
            int h = 1;
            for (int i = from; i < from + length; i++) {
                h = 31 * h + b[i];
            }
            return h ^ (h >>> 16);
        }
    }

    /** Options of a {@link ClickHouseSource}; {@link #range(long, long)} is required. */
    public static final class Builder {
        private final ClickHouseClient client;
        private final TickTable table;
        private final List<Instrument> instruments;
        private long fromExchTs;
        private long toExchTs;
        private boolean rangeSet;

        private Builder(ClickHouseClient client, TickTable table, List<Instrument> instruments) {
            this.client = Objects.requireNonNull(client, "client");
            this.table = Objects.requireNonNull(table, "table");
            this.instruments = List.copyOf(Objects.requireNonNull(instruments, "instruments"));
            if (this.instruments.isEmpty()) {
                throw new IllegalArgumentException("a source needs at least one instrument");
            }
            String venue = this.instruments.get(0).venue();
            Set<String> seen = new HashSet<>();
            for (Instrument instrument : this.instruments) {
                if (!instrument.venue().equals(venue)) {
                    throw new IllegalArgumentException("a source reads one venue: " + instrument.id()
                            + " is not on " + venue + " like " + this.instruments.get(0).id());
                }
                if (instrument.symbol().getBytes(StandardCharsets.UTF_8).length > MAX_SYMBOL_BYTES) {
                    throw new IllegalArgumentException("symbol of " + instrument.venue() + " is longer than "
                            + MAX_SYMBOL_BYTES + " UTF-8 bytes: " + instrument.symbol().length() + " characters");
                }
                if (!seen.add(instrument.symbol())) {
                    throw new IllegalArgumentException("symbol " + instrument.symbol() + " is listed twice");
                }
            }
        }

        /**
         * The venue-time range {@code [fromExchTs, toExchTs)}, epoch nanoseconds.
         *
         * @throws IllegalArgumentException when {@code fromExchTs >= toExchTs}
         */
        public Builder range(long fromExchTs, long toExchTs) {
            if (fromExchTs >= toExchTs) {
                throw new IllegalArgumentException("range [" + fromExchTs + ", " + toExchTs
                        + ") is empty: fromExchTs must be < toExchTs");
            }
            this.fromExchTs = fromExchTs;
            this.toExchTs = toExchTs;
            this.rangeSet = true;
            return this;
        }

        /** The source; the query is sent at the first {@link ClickHouseSource#readBatch}. */
        public ClickHouseSource build() {
            if (!rangeSet) {
                throw new IllegalStateException("range(fromExchTs, toExchTs) was not set");
            }
            return new ClickHouseSource(this);
        }
    }
}
