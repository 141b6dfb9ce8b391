package io.qtrade.bench.wsclient;

import java.nio.charset.StandardCharsets;

/**
 * What the load test reads of one stream message (one JSON object, UTF-8, as bytes), without building a String or
 * parsing the whole object: its {@code "type"}, and a number field such as {@code "pub"} (the engine's
 * {@code System.nanoTime()} at publication) or a gap's {@code "lost"} / {@code "lostByEngineTap"}.
 *
 * <p>A field is found by its key pattern {@code "name":} searched from the end of the message (qtrade-server writes
 * {@code "type"} and {@code "pub"} last in a fill, so the search is short; any field order is found, only slower).
 * Inside a JSON string every {@code "} is escaped, so the pattern cannot match inside a string value. The messages
 * read this way (fill, top, gap) are flat objects; in a message with nested objects a nested key of the same name
 * after the top-level one would be found first.
 */
public final class StreamMessage {

    /** A message's kind, as far as the load test cares. */
    public enum Kind {
        FILL, TOP, GAP, OTHER
    }

    /** Returned by {@link #longField} for a field that is absent or not an integer. */
    public static final long ABSENT = Long.MIN_VALUE;

    private static final byte[] TYPE = key("type");
    private static final byte[] FILL = "fill\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TOP = "top\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GAP = "gap\"".getBytes(StandardCharsets.US_ASCII);

    private StreamMessage() {
    }

    /** The pattern of a key: {@code "name":}. */
    public static byte[] key(String name) {
        return ("\"" + name + "\":").getBytes(StandardCharsets.UTF_8);
    }

    /** The kind of the message {@code bytes[from, to)}, from its {@code "type"} string. */
    public static Kind kind(byte[] bytes, int from, int to) {
        int at = lastIndexOf(bytes, from, to, TYPE);
        if (at < 0) {
            return Kind.OTHER;
        }
        int v = skipSpaces(bytes, at + TYPE.length, to);
        if (v >= to || bytes[v] != '"') {
            return Kind.OTHER;
        }
        v++;
        if (startsWith(bytes, v, to, FILL)) {
            return Kind.FILL;
        }
        if (startsWith(bytes, v, to, TOP)) {
            return Kind.TOP;
        }
        if (startsWith(bytes, v, to, GAP)) {
            return Kind.GAP;
        }
        return Kind.OTHER;
    }

    /**
     * The integer value of the field whose key pattern ({@link #key}) is {@code key}, or {@link #ABSENT} if the
     * message has no such field or its value is not an integer.
     */
    public static long longField(byte[] bytes, int from, int to, byte[] key) {
        int at = lastIndexOf(bytes, from, to, key);
        if (at < 0) {
            return ABSENT;
        }
        int p = skipSpaces(bytes, at + key.length, to);
        boolean negative = p < to && bytes[p] == '-';
        if (negative) {
            p++;
        }
        int start = p;
        long v = 0;
        while (p < to && bytes[p] >= '0' && bytes[p] <= '9') {
            v = v * 10 + (bytes[p++] - '0');
        }
        if (p == start || p - start > 18) {
            return ABSENT;
        }
        return negative ? -v : v;
    }

    private static int skipSpaces(byte[] bytes, int p, int to) {
        while (p < to && (bytes[p] == ' ' || bytes[p] == '\t' || bytes[p] == '\r' || bytes[p] == '\n')) {
            p++;
        }
        return p;
    }

    private static boolean startsWith(byte[] bytes, int at, int to, byte[] pattern) {
        if (at + pattern.length > to) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            if (bytes[at + i] != pattern[i]) {
                return false;
            }
        }
        return true;
    }

    /** The last index of {@code pattern} (starting with {@code "}) in {@code bytes[from, to)}, or -1. */
    static int lastIndexOf(byte[] bytes, int from, int to, byte[] pattern) {
        byte first = pattern[0];
        for (int i = to - pattern.length; i >= from; i--) {
            if (bytes[i] == first && startsWith(bytes, i, to, pattern)) {
                return i;
            }
        }
        return -1;
    }
}
