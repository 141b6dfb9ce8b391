package io.qtrade.sql.clickhouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A RowBinary stream read through one reusable buffer: the caller asks for {@code n} bytes to be buffered, then reads
 * little-endian values at absolute buffer positions. Tracks the byte offset in the stream for error messages.
 */
final class RowBinaryInput implements AutoCloseable {

    static final int BUFFER_BYTES = 64 * 1024;

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLE =
            MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final InputStream in;
    final byte[] buf = new byte[BUFFER_BYTES];
    /** Next unread byte. */
    int pos;
    /** End of the buffered bytes. */
    int limit;
    /** Stream offset of {@code buf[0]}. */
    private long base;
    private boolean eof;

    RowBinaryInput(InputStream in) {
        this.in = in;
    }

    /** Stream offset of {@code buf[at]}. */
    long offset(int at) {
        return base + at;
    }

    /**
     * Makes at least {@code n} bytes (at most {@link #BUFFER_BYTES}) available from {@link #pos}.
     *
     * @return {@code false} when the stream ends first; {@code limit - pos} bytes are then all there is
     */
    boolean request(int n) {
        if (limit - pos >= n) {
            return true;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            base += pos;
            limit -= pos;
            pos = 0;
        }
        while (limit < n && !eof) {
            int read;
            try {
                read = in.read(buf, limit, buf.length - limit);
            } catch (IOException e) {
                throw new UncheckedIOException("reading the ClickHouse response at byte offset " + offset(limit)
                        + " failed: " + e.getMessage(), e);
            }
            if (read < 0) {
                eof = true;
            } else {
                limit += read;
            }
        }
        return limit >= n;
    }

    long int64(int at) {
        return (long) LONG.get(buf, at);
    }

    int int32(int at) {
        return (int) INT.get(buf, at);
    }

    double float64(int at) {
        return (double) DOUBLE.get(buf, at);
    }

    /** Whether the buffered bytes from {@link #pos} start with {@code ascii} (which must be buffered). */
    boolean startsWith(String ascii) {
        if (limit - pos < ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (buf[pos + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Everything left in the stream, up to {@code maxBytes}, as UTF-8 text. */
    String rest(int maxBytes) {
        request(Math.min(maxBytes, BUFFER_BYTES));
        int n = Math.min(limit - pos, maxBytes);
        String text = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return text;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing the ClickHouse response failed", e);
        }
    }
}
