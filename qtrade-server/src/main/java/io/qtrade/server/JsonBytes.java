package io.qtrade.server;

import java.util.Arrays;

/**
 * A reusable writer of one JSON message straight into UTF-8 bytes, for the stream messages the hub writes thousands
 * of times a second (fills): no intermediate {@code String}, no map, no allocation once its buffer has grown. Strings
 * are escaped as Jackson escapes them ({@code "}, {@code \}, and control characters; nothing else), numbers are
 * written as {@link Long#toString(long)} writes longs and doubles with the fewest digits that parse back to the same
 * double ({@link Double#toString(double)}'s text on JDK 19 and later; JDK 17 prints a few values one digit longer),
 * and NaN and the infinities as {@code null}, as {@link Json} writes them.
 */
final class JsonBytes {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private byte[] buf = new byte[512];
    private int length;
    private final StringBuilder digits = new StringBuilder(32);

    /** Starts a new message. */
    JsonBytes reset() {
        length = 0;
        return this;
    }

    byte[] bytes() {
        return buf;
    }

    int length() {
        return length;
    }

    /** Appends ASCII text as is (keys and punctuation written by the caller: no escaping). */
    JsonBytes raw(String ascii) {
        int n = ascii.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[length++] = (byte) ascii.charAt(i);
        }
        return this;
    }

    JsonBytes raw(char c) {
        ensure(1);
        buf[length++] = (byte) c;
        return this;
    }

    /** Appends {@code s} as a JSON string (quoted, escaped, UTF-8), or {@code null}. */
    JsonBytes string(String s) {
        if (s == null) {
            return raw("null");
        }
        int n = s.length();
        ensure(n * 3 + 2);
        buf[length++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                buf[length++] = (byte) c;
            } else if (c == '"' || c == '\\') {
                ensure(2 + (n - i) * 3);
                buf[length++] = '\\';
                buf[length++] = (byte) c;
            } else if (c < 0x20) {
                ensure(6 + (n - i) * 3);
                buf[length++] = '\\';
                switch (c) {
                    case '\n' -> buf[length++] = 'n';
                    case '\r' -> buf[length++] = 'r';
                    case '\t' -> buf[length++] = 't';
                    case '\b' -> buf[length++] = 'b';
                    case '\f' -> buf[length++] = 'f';
                    default -> {
                        buf[length++] = 'u';
                        buf[length++] = '0';
                        buf[length++] = '0';
                        buf[length++] = HEX[c >> 4];
                        buf[length++] = HEX[c & 0xF];
                    }
                }
            } else if (c < 0x800) {
                buf[length++] = (byte) (0xC0 | c >> 6);
                buf[length++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[length++] = (byte) (0xF0 | cp >> 18);
                buf[length++] = (byte) (0x80 | cp >> 12 & 0x3F);
                buf[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
                buf[length++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                buf[length++] = '?';   // a lone surrogate, as String.getBytes(UTF_8) replaces it
            } else {
                buf[length++] = (byte) (0xE0 | c >> 12);
                buf[length++] = (byte) (0x80 | c >> 6 & 0x3F);
                buf[length++] = (byte) (0x80 | c & 0x3F);
            }
        }
        buf[length++] = '"';
        return this;
    }

    /** Appends a long in decimal. */
    JsonBytes number(long v) {
        ensure(20);
        if (v == Long.MIN_VALUE) {
            return raw("-9223372036854775808");
        }
        if (v < 0) {
            buf[length++] = '-';
            v = -v;
        }
        int start = length;
        do {
            buf[length++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
        for (int i = start, j = length - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
        return this;
    }

    /**
     * Appends a finite double, or {@code null}: the decimal with the fewest fraction digits that parses back to the
     * same double, written as {@link Double#toString(double)} writes that range ({@code 100.01}, {@code 3.0}); outside
     * {@code [1e-3, 1e7)}, and for the rare value that needs more than 18 fraction digits, exactly
     * {@link Double#toString(double)}'s text (which allocates).
     *
     * <p>Exact without allocating: with {@code v = f * 2^-k} ({@code f} the 53-bit significand), {@code v * 10^d}
     * is split exactly into an integer {@code m} and a remainder {@code r / 2^k} by a 128-bit product
     * ({@link Math#multiplyHigh}); the decimal {@code m} (or {@code m + 1}) times {@code 10^-d} parses back to
     * {@code v} if it lies strictly inside {@code v}'s rounding interval (half an ulp either side; a quarter below
     * when {@code f} is a power of two). The first {@code d} with such a decimal gives the shortest fraction (Steele
     * and White, 1990, "How to print floating-point numbers accurately", the free-format condition).
     */
    JsonBytes number(double v) {
        if (!Double.isFinite(v)) {
            return raw("null");
        }
        if (!fastNumber(v)) {
            digits.setLength(0);
            digits.append(v);
            int n = digits.length();
            ensure(n);
            for (int i = 0; i < n; i++) {
                buf[length++] = (byte) digits.charAt(i);
            }
        }
        return this;
    }

    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private boolean fastNumber(double v) {
        long bits = Double.doubleToRawLongBits(v);
        boolean negative = bits < 0;
        double a = Math.abs(v);
        if (a == 0) {
            raw(negative ? "-0.0" : "0.0");
            return true;
        }
        if (a < 1e-3 || a >= 1e7) {
            return false;
        }
        int biased = (int) (bits >>> 52 & 0x7FF);
        long f = bits & 0xF_FFFF_FFFF_FFFFL | 1L << 52;
        int k = 1075 - biased;   // a = f * 2^-k, k in [29, 62] on this range
        boolean lowerCloser = (bits & 0xF_FFFF_FFFF_FFFFL) == 0;   // f a power of two: the gap below is half
        long unit = 1L << k;
        long mask = unit - 1;
        for (int d = 0; d < POW10.length; d++) {
            long p = POW10[d];
            long hi = Math.multiplyHigh(f, p);
            long lo = f * p;
            long m = hi << 64 - k | lo >>> k;
            long r = lo & mask;
            // m * 10^-d lies r / 2^k below a (in units of 10^-d); (m + 1) * 10^-d lies (2^k - r) / 2^k above.
            // Inside the rounding interval: r / 2^k < 10^d / 2^(k+1) (below: / 2^(k+2) when lowerCloser), i.e.
            // 2r < 10^d (4r < 10^d); above: 2 (2^k - r) < 10^d.
            boolean below = r <= (lowerCloser ? (p - 1) >> 2 : (p - 1) >> 1);
            boolean above = unit - r <= (p - 1) >> 1;
            if (below || above) {
                long c = below && (!above || r <= unit - r) ? m : m + 1;
                writeFixed(negative, c, d);
                return true;
            }
        }
        return false;
    }

    /** Writes {@code c * 10^-d} with at least one fraction digit and no trailing zero after the first. */
    private void writeFixed(boolean negative, long c, int d) {
        while (d > 0 && c % 10 == 0) {
            c /= 10;
            d--;
        }
        ensure(40);
        if (negative) {
            buf[length++] = '-';
        }
        long p = POW10[d];
        number(c / p);
        buf[length++] = '.';
        if (d == 0) {
            buf[length++] = '0';
            return;
        }
        long frac = c % p;
        for (long q = p / 10; q > 0; q /= 10) {
            buf[length++] = (byte) ('0' + frac / q % 10);
        }
    }

    JsonBytes bool(boolean v) {
        return raw(v ? "true" : "false");
    }

    /** {@code ,"name":} (the comma only after the opening brace's first field: the caller writes the first key). */
    JsonBytes key(String name) {
        ensure(name.length() + 4);
        buf[length++] = ',';
        buf[length++] = '"';
        for (int i = 0; i < name.length(); i++) {
            buf[length++] = (byte) name.charAt(i);
        }
        buf[length++] = '"';
        buf[length++] = ':';
        return this;
    }

    private void ensure(int more) {
        if (length + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(length + more, buf.length * 2));
        }
    }

    @Override
    public String toString() {
        return new String(buf, 0, length, java.nio.charset.StandardCharsets.UTF_8);
    }
}
