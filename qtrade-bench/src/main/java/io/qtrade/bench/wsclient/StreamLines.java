package io.qtrade.bench.wsclient;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Splits the payload of the server's stream messages into lines, one JSON message each (qtrade-server writes each
 * frame as messages joined by {@code '\n'}; the last line of a WebSocket message has no {@code '\n'} after it). A
 * line lying whole in one chunk is handed over in place; only a line split across chunks (a socket read or a frame
 * ending inside it) is copied, into a buffer of this object's that grows to the longest such line.
 *
 * <p>The {@code '\n'} search reads 8 bytes at a time (a SWAR test for a zero byte in {@code word ^ 0x0A0A...}:
 * {@code (x - 0x0101...) & ~x & 0x8080...}, whose lowest set bit marks the first zero byte exactly; Mycroft, 1987, in
 * Anderson, "Bit Twiddling Hacks", "Determine if a word has a zero byte"). The payload is UTF-8, in which the byte
 * 0x0A occurs only as the newline itself.
 */
public final class StreamLines {

    /** Receives each complete line: {@code bytes[from, to)}, without its {@code '\n'}, valid only during the call. */
    public interface LineSink {
        void onLine(byte[] bytes, int from, int to);
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private final LineSink sink;
    private byte[] carry = new byte[1024];
    private int carryLength;

    public StreamLines(LineSink sink) {
        this.sink = sink;
    }

    /** A part of a message's payload. */
    public void onData(byte[] bytes, int from, int to) {
        int p = from;
        while (p < to) {
            int nl = indexOfNewline(bytes, p, to);
            if (nl < 0) {
                append(bytes, p, to);
                return;
            }
            if (carryLength > 0) {
                append(bytes, p, nl);
                line(carry, 0, carryLength);
                carryLength = 0;
            } else {
                line(bytes, p, nl);
            }
            p = nl + 1;
        }
    }

    /** The message ended: its last line (no {@code '\n'} after it) is complete. */
    public void onMessageEnd() {
        if (carryLength > 0) {
            line(carry, 0, carryLength);
            carryLength = 0;
        }
    }

    private void line(byte[] bytes, int from, int to) {
        if (to > from) {
            sink.onLine(bytes, from, to);
        }
    }

    private void append(byte[] bytes, int from, int to) {
        int n = to - from;
        if (carryLength + n > carry.length) {
            carry = Arrays.copyOf(carry, Math.max(carryLength + n, carry.length * 2));
        }
        System.arraycopy(bytes, from, carry, carryLength, n);
        carryLength += n;
    }

    /** The index of the first {@code '\n'} in {@code bytes[from, to)}, or -1. */
    static int indexOfNewline(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(bytes, i) ^ NEWLINES;
            long t = (x - ONES) & ~x & HIGHS;
            if (t != 0) {
                return i + (Long.numberOfTrailingZeros(t) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
