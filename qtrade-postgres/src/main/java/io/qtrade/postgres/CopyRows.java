package io.qtrade.postgres;

import java.nio.charset.StandardCharsets;

/**
 * Rows in PostgreSQL's COPY text format, built in one reusable buffer: fields separated by a tab, rows ended by a
 * newline, {@code \N} for NULL, and in text the four characters backslash, tab, newline and carriage return escaped
 * as {@code \\ \t \n \r} (PostgreSQL documentation, "COPY", section "Text Format").
 *
 * <p>Doubles are written with {@link Double#toString(double)}, the shortest decimal that reads back to the same
 * double, which PostgreSQL's {@code float8in} (correctly rounded {@code strtod}) turns into the same bits; NaN is
 * written as NULL where the column treats NaN as "no value".
 */
final class CopyRows {

    private final StringBuilder text = new StringBuilder(1 << 16);
    private boolean rowStart = true;
    private int rows;

    void clear() {
        text.setLength(0);
        rowStart = true;
        rows = 0;
    }

    int rows() {
        return rows;
    }

    int length() {
        return text.length();
    }

    private void sep() {
        if (!rowStart) {
            text.append('\t');
        }
        rowStart = false;
    }

    CopyRows addLong(long v) {
        sep();
        text.append(v);
        return this;
    }

    CopyRows addInt(int v) {
        sep();
        text.append(v);
        return this;
    }

    /** A double; NaN as NULL. */
    CopyRows addDoubleOrNull(double v) {
        sep();
        if (Double.isNaN(v)) {
            text.append("\\N");
        } else {
            appendDouble(v);
        }
        return this;
    }

    /** A double, NaN kept as PostgreSQL's {@code NaN}. */
    CopyRows addDouble(double v) {
        sep();
        appendDouble(v);
        return this;
    }

    private void appendDouble(double v) {
        if (v == Double.POSITIVE_INFINITY) {
            text.append("Infinity");
        } else if (v == Double.NEGATIVE_INFINITY) {
            text.append("-Infinity");
        } else {
            text.append(v);
        }
    }

    CopyRows addNull() {
        sep();
        text.append("\\N");
        return this;
    }

    CopyRows addBoolean(boolean v) {
        sep();
        text.append(v ? 't' : 'f');
        return this;
    }

    /**
     * A text field, escaped.
     *
     * @throws IllegalArgumentException when it holds a NUL character, which PostgreSQL text cannot store
     */
    CopyRows addText(String s) {
        sep();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\0' -> throw new IllegalArgumentException("text '" + s.replace('\0', '?')
                        + "' holds a NUL character, which PostgreSQL text cannot store");
                default -> text.append(c);
            }
        }
        return this;
    }

    void endRow() {
        text.append('\n');
        rowStart = true;
        rows++;
    }

    byte[] utf8() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
