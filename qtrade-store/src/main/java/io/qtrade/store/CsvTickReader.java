package io.qtrade.store;

import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.EventSource;
import io.qtrade.store.ingest.Decimals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads one CSV part of the tick store (header {@link TickSchema#CSV_HEADER}, eight comma-separated fields per
 * line, {@code \n} or {@code \r\n} line ends) as an {@link EventSource} of one instrument. Bytes are parsed in place
 * from a reused buffer: integers digit by digit, doubles by {@link Decimals#parseDouble} (the importers' parser:
 * exact for text of any length, correctly rounded, {@code NaN} for anything outside the decimal grammar or outside
 * the normal double range), so nothing is allocated per line in the common case. The literal {@code NaN} is read
 * for a kind without a price (what {@link CsvPartWriter} writes there); Java-only spellings ({@code 1f},
 * {@code 0x1p3}, {@code Infinity}, blanks) are refused.
 *
 * <p>Time: every row is read to the end of the file, also past the end of a range query, so that a row out of
 * order after it is reported rather than dropped with the rest of the file.
 *
 * <p>A malformed line (wrong number of fields, a line over {@value #MAX_LINE_BYTES} bytes), a non-numeric field, or
 * a row {@link RowChecker} refuses raises a {@link TickDataException} naming the file, the 1-based line (the header
 * is line 1) and the field, or in lenient mode is counted in {@link #skippedRows()} and logged.
 */
public final class CsvTickReader implements EventSource {

    /** The longest line accepted, bytes. */
    public static final int MAX_LINE_BYTES = 1 << 16;
    private static final int BUFFER_BYTES = 1 << 20;

    private final Path file;
    private final Instrument instrument;
    private final TickReadOptions options;
    private final RowChecker checker;
    private final InputStream in;
    private final byte[] buf = new byte[BUFFER_BYTES];
    private final Latin1Range bytes = new Latin1Range();
    private int pos;
    private int limit;
    private boolean eof;
    private long line;
    private int lineStart;
    private int lineEnd;
    private String error;

    /**
     * Opens {@code file} and checks its header.
     *
     * @param file       a CSV part
     * @param instrument the instrument its rows belong to (CSV carries no metadata: see {@link InstrumentFile})
     * @param options    time range, strictness and backwards tolerance
     * @throws TickDataException when the header is not {@link TickSchema#CSV_HEADER}
     */
    public CsvTickReader(Path file, Instrument instrument, TickReadOptions options) {
        this.file = file;
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.options = options;
        this.checker = new RowChecker(file, options);
        try {
            this.in = Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("opening " + file, e);
        }
        if (!nextLine()) {
            close();
            throw new TickDataException(file, 1, "line", "empty file: expected the header " + TickSchema.CSV_HEADER);
        }
        String header = new String(buf, lineStart, lineEnd - lineStart, StandardCharsets.ISO_8859_1);
        if (!header.equals(TickSchema.CSV_HEADER)) {
            close();
            throw new TickDataException(file, 1, "line", "expected the header " + TickSchema.CSV_HEADER + ", was "
                    + header);
        }
    }

    @Override
    public List<Instrument> instruments() {
        return List.of(instrument);
    }

    /** Bad rows skipped so far in lenient mode (0 in strict mode, where the first one throws). */
    public long skippedRows() {
        return checker.skipped();
    }

    @Override
    public boolean readBatch(EventBatch into) {
        into.clear();
        long from = options.fromNanos();
        long to = options.toNanos();
        while (!into.isFull() && nextLine()) {
            int p = lineStart;
            int end = lineEnd;
            error = null;
            int c0 = comma(p, end);
            long exchTs = parseLong(p, c0);
            if (error != null) {
                if (c0 == end) {
                    checker.reject(line, "line", "expected 8 comma-separated fields, found 1");
                } else {
                    checker.reject(line, "exch_ts", error);
                }
                continue;
            }
            int c1 = comma(c0 + 1, end);
            long localTs = parseLong(c0 + 1, c1);
            if (bad(c1, end, "local_ts", 2)) {
                continue;
            }
            int c2 = comma(c1 + 1, end);
            long kind = parseLong(c1 + 1, c2);
            if (bad(c2, end, "kind", 3)) {
                continue;
            }
            int c3 = comma(c2 + 1, end);
            long side = parseLong(c2 + 1, c3);
            if (bad(c3, end, "side", 4)) {
                continue;
            }
            int c4 = comma(c3 + 1, end);
            double price = parseDouble(c3 + 1, c4);
            if (bad(c4, end, "price", 5)) {
                continue;
            }
            int c5 = comma(c4 + 1, end);
            double qty = parseDouble(c4 + 1, c5);
            if (bad(c5, end, "qty", 6)) {
                continue;
            }
            int c6 = comma(c5 + 1, end);
            long orderId = parseLong(c5 + 1, c6);
            if (bad(c6, end, "order_id", 7)) {
                continue;
            }
            if (c6 == end) {
                checker.reject(line, "line", "expected 8 comma-separated fields, found 7");
                continue;
            }
            int c7 = comma(c6 + 1, end);
            long flags = parseLong(c6 + 1, c7);
            if (error != null) {
                checker.reject(line, "flags", error);
                continue;
            }
            if (c7 != end) {
                checker.reject(line, "line", "expected 8 comma-separated fields, found more");
                continue;
            }
            if (kind != (int) kind || side != (int) side || flags != (int) flags) {
                String field = kind != (int) kind ? "kind" : side != (int) side ? "side" : "flags";
                checker.reject(line, field, "value out of the int range");
                continue;
            }
            if (exchTs < from || exchTs >= to) {
                // Outside the range: not passed on, but still checked for order (rows after it may go backwards).
                checker.checkTime(line, exchTs);
                continue;
            }
            if (checker.accept(line, exchTs, (int) kind, (int) side, price, qty, orderId)) {
                into.add(0, exchTs, localTs, EventKind.fromCode((byte) kind), (byte) side, price, qty, orderId,
                        (int) flags);
            }
        }
        return !into.isEmpty();
    }

    /** After parsing the field that ends at {@code comma}: reports a parse error or a line that ended too soon. */
    private boolean bad(int comma, int end, String field, int fieldsSoFar) {
        if (error != null) {
            checker.reject(line, field, error);
            return true;
        }
        if (comma == end) {
            checker.reject(line, "line", "expected 8 comma-separated fields, found " + fieldsSoFar);
            return true;
        }
        return false;
    }

    private int comma(int from, int end) {
        int i = from;
        while (i < end && buf[i] != ',') {
            i++;
        }
        return i;
    }

    private long parseLong(int from, int to) {
        if (from >= to) {
            error = "empty field: expected an integer";
            return 0;
        }
        int i = from;
        boolean negative = buf[i] == '-';
        if (negative || buf[i] == '+') {
            i++;
        }
        if (i == to) {
            error = "expected an integer, was '" + text(from, to) + "'";
            return 0;
        }
        long v = 0;
        for (; i < to; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                error = "expected an integer, was '" + text(from, to) + "'";
                return 0;
            }
            // Accumulate negatively so Long.MIN_VALUE parses too.
            if (v < (Long.MIN_VALUE + d) / 10) {
                error = "integer out of the long range: '" + text(from, to) + "'";
                return 0;
            }
            v = v * 10 - d;
        }
        if (!negative) {
            if (v == Long.MIN_VALUE) {
                error = "integer out of the long range: '" + text(from, to) + "'";
                return 0;
            }
            return -v;
        }
        return v;
    }

    private double parseDouble(int from, int to) {
        if (from >= to) {
            error = "empty field: expected a number";
            return 0;
        }
        if (to - from == 3 && buf[from] == 'N' && buf[from + 1] == 'a' && buf[from + 2] == 'N') {
            return Double.NaN; // written for kinds without a price; RowChecker refuses it where a price is needed
        }
        double v = Decimals.parseDouble(bytes.set(buf, from, to - from), 0, to - from);
        if (Double.isNaN(v)) {
            error = "expected a number, was '" + text(from, to) + "' (a decimal whose magnitude is 0 or within"
                    + " [2.2250738585072014E-308, 1.7976931348623157E308])";
            return 0;
        }
        return v;
    }

    private String text(int from, int to) {
        return new String(buf, from, Math.min(to - from, 80), StandardCharsets.ISO_8859_1);
    }

    /** Finds the next line in the buffer, refilling it as needed; sets lineStart, lineEnd (without \r\n). */
    private boolean nextLine() {
        while (true) {
            int nl = -1;
            for (int i = pos; i < limit; i++) {
                if (buf[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            if (nl >= 0) {
                setLine(pos, nl);
                pos = nl + 1;
                return true;
            }
            if (eof) {
                if (pos < limit) {
                    setLine(pos, limit);
                    pos = limit;
                    return true;
                }
                return false;
            }
            if (limit - pos > MAX_LINE_BYTES) {
                line++;
                throw new TickDataException(file, line, "line", "line longer than " + MAX_LINE_BYTES + " bytes");
            }
            fill();
        }
    }

    private void setLine(int start, int end) {
        line++;
        lineStart = start;
        lineEnd = end > start && buf[end - 1] == '\r' ? end - 1 : end;
    }

    private void fill() {
        int remaining = limit - pos;
        System.arraycopy(buf, pos, buf, 0, remaining);
        pos = 0;
        limit = remaining;
        try {
            while (limit < buf.length) {
                int n = in.read(buf, limit, buf.length - limit);
                if (n < 0) {
                    eof = true;
                    break;
                }
                limit += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + " near line " + line, e);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing " + file, e);
        }
    }

    /** This file. */
    @Override
    public String origin(int instrument, long exchTs) {
        return "part file " + file;
    }

    @Override
    public String toString() {
        return "CsvTickReader[" + file + ", " + instrument.symbol() + "@" + instrument.venue() + ", " + options + "]";
    }
}
