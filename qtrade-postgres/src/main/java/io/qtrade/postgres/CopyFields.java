package io.qtrade.postgres;

import java.nio.charset.StandardCharsets;

/**
 * One row of PostgreSQL's COPY text format as {@code COPY ... TO STDOUT} sends it (a byte array holding one row and
 * its newline), split into fields on tabs: {@link #isNull}, {@link #getLong}, {@link #getDouble}, {@link #getText}
 * by field index, with text unescaped ({@code \\ \t \n \r \b \f \v} and octal {@code \ddd}).
 */
final class CopyFields {

    private static final int MAX_FIELDS = 256;
    private final int[] start = new int[MAX_FIELDS];
    private final int[] end = new int[MAX_FIELDS];
    private byte[] row;
    private int count;
    private final String table;

    CopyFields(String table) {
        this.table = table;
    }

    /** Splits {@code bytes}; fails naming the table when the row has not {@code expected} fields. */
    CopyFields reset(byte[] bytes, int expected) {
        row = bytes;
        int n = bytes.length;
        if (n > 0 && bytes[n - 1] == '\n') {
            n--;
        }
        count = 0;
        int s = 0;
        for (int i = 0; i <= n; i++) {
            if (i == n || bytes[i] == '\t') {
                if (count == MAX_FIELDS) {
                    throw new PgException("row of " + table + " has more than " + MAX_FIELDS + " fields");
                }
                start[count] = s;
                end[count] = i;
                count++;
                s = i + 1;
            }
        }
        if (count != expected) {
            throw new PgException("row of " + table + " has " + count + " fields, expected " + expected + ": "
                    + new String(bytes, StandardCharsets.UTF_8).strip());
        }
        return this;
    }

    int count() {
        return count;
    }

    boolean isNull(int f) {
        return end[f] - start[f] == 2 && row[start[f]] == '\\' && row[start[f] + 1] == 'N';
    }

    long getLong(int f) {
        int i = start[f];
        int e = end[f];
        boolean neg = false;
        if (i < e && row[i] == '-') {
            neg = true;
            i++;
        }
        if (i == e) {
            throw bad(f, "an integer");
        }
        long v = 0;
        for (; i < e; i++) {
            int d = row[i] - '0';
            if (d < 0 || d > 9) {
                throw bad(f, "an integer");
            }
            v = v * 10 - d; // accumulate negatively: Long.MIN_VALUE fits
        }
        return neg ? v : -v;
    }

    double getDouble(int f) {
        try {
            return Double.parseDouble(new String(row, start[f], end[f] - start[f], StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            throw bad(f, "a double");
        }
    }

    boolean getBoolean(int f) {
        if (end[f] - start[f] == 1 && (row[start[f]] == 't' || row[start[f]] == 'f')) {
            return row[start[f]] == 't';
        }
        throw bad(f, "a boolean");
    }

    String getText(int f) {
        int s = start[f];
        int e = end[f];
        boolean escaped = false;
        for (int i = s; i < e; i++) {
            if (row[i] == '\\') {
                escaped = true;
                break;
            }
        }
        if (!escaped) {
            return new String(row, s, e - s, StandardCharsets.UTF_8);
        }
        byte[] out = new byte[e - s];
        int o = 0;
        for (int i = s; i < e; i++) {
            byte b = row[i];
            if (b != '\\' || i + 1 == e) {
                out[o++] = b;
                continue;
            }
            byte c = row[++i];
            switch (c) {
                case 't' -> out[o++] = '\t';
                case 'n' -> out[o++] = '\n';
                case 'r' -> out[o++] = '\r';
                case 'b' -> out[o++] = '\b';
                case 'f' -> out[o++] = '\f';
                case 'v' -> out[o++] = 0x0b;
                default -> {
                    if (c >= '0' && c <= '7') {
                        int v = c - '0';
                        for (int k = 0; k < 2 && i + 1 < e && row[i + 1] >= '0' && row[i + 1] <= '7'; k++) {
                            v = v * 8 + (row[++i] - '0');
                        }
                        out[o++] = (byte) v;
                    } else {
                        out[o++] = c;
                    }
                }
            }
        }
        return new String(out, 0, o, StandardCharsets.UTF_8);
    }

    private PgException bad(int f, String what) {
        return new PgException("field " + f + " of a row of " + table + " is not " + what + ": '"
                + new String(row, start[f], end[f] - start[f], StandardCharsets.UTF_8) + "'");
    }
}
