package io.qtrade.store.ingest;

/**
 * One comma-separated line split into fields without copying: field {@code i} is the range
 * {@code [start(i), end(i))} of the line. A field in double quotes ({@code "a, b"}, with {@code ""} for a quote inside)
 * may hold commas; its range excludes the quotes. Typed accessors parse a field in place and throw an
 * {@link ImportException} naming the file, line and column when it is not what was expected. Reused for every line:
 * {@link #reset} allocates nothing once the field arrays have grown to the widest line.
 */
public final class CsvLine {

    private final String file;
    private String line;
    private long lineNumber;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean[] quoted = new boolean[16];
    private int fields;

    /** @param file the file's name, for error messages */
    public CsvLine(String file) {
        this.file = file;
    }

    /**
     * Splits {@code text} (one line, without its line terminator) into fields.
     *
     * @throws ImportException when a quoted field is not closed or is followed by anything but a comma
     */
    public CsvLine reset(String text, long number) {
        this.line = text;
        this.lineNumber = number;
        this.fields = 0;
        int n = text.length();
        int i = 0;
        while (true) {
            if (fields == starts.length) {
                grow();
            }
            if (i < n && text.charAt(i) == '"') {
                int close = i + 1;
                while (true) {
                    close = text.indexOf('"', close);
                    if (close < 0) {
                        throw error(null, "unclosed double quote in field " + (fields + 1));
                    }
                    if (close + 1 < n && text.charAt(close + 1) == '"') {
                        close += 2;
                        continue;
                    }
                    break;
                }
                starts[fields] = i + 1;
                ends[fields] = close;
                quoted[fields] = true;
                fields++;
                i = close + 1;
                if (i == n) {
                    break;
                }
                if (text.charAt(i) != ',') {
                    throw error(null, "a closing double quote must be followed by a comma, found '"
                            + text.charAt(i) + "'");
                }
                i++;
            } else {
                int comma = text.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                starts[fields] = i;
                ends[fields] = end;
                quoted[fields] = false;
                fields++;
                if (comma < 0) {
                    break;
                }
                i = comma + 1;
            }
        }
        return this;
    }

    private void grow() {
        int size = starts.length * 2;
        starts = java.util.Arrays.copyOf(starts, size);
        ends = java.util.Arrays.copyOf(ends, size);
        quoted = java.util.Arrays.copyOf(quoted, size);
    }

    /** The file's name. */
    public String file() {
        return file;
    }

    /** The current line's 1-based number. */
    public long lineNumber() {
        return lineNumber;
    }

    /** The current line's text. */
    public String text() {
        return line;
    }

    /** How many fields the line has. */
    public int fields() {
        return fields;
    }

    /**
     * Checks the field count.
     *
     * @throws ImportException when the line has fewer than {@code min} or more than {@code max} fields
     */
    public void requireFields(int min, int max, String expected) {
        if (fields < min || fields > max) {
            throw error(null, "malformed line: " + fields + " fields, expected " + expected);
        }
    }

    /** Whether field {@code col} is empty. */
    public boolean isEmpty(int col) {
        return starts[col] == ends[col];
    }

    /** Whether field {@code col} equals {@code literal} (case-sensitive), without allocating. */
    public boolean is(int col, String literal) {
        int len = ends[col] - starts[col];
        return len == literal.length() && line.regionMatches(starts[col], literal, 0, len);
    }

    /** Field {@code col} as a new string (quotes removed and {@code ""} unescaped). */
    public String string(int col) {
        String s = line.substring(starts[col], ends[col]);
        return quoted[col] ? s.replace("\"\"", "\"") : s;
    }

    /**
     * Field {@code col} as a finite decimal.
     *
     * @throws ImportException naming {@code name} when it is empty, not a number, NaN or infinite
     */
    public double decimal(int col, String name) {
        double v = Decimals.parseDouble(line, starts[col], ends[col]);
        if (Double.isNaN(v)) {
            throw error(name, "not a finite decimal number: '" + string(col) + "'");
        }
        return v;
    }

    /**
     * Field {@code col} as a finite, non-negative quantity.
     *
     * @throws ImportException naming {@code name} when it is not a number or negative
     */
    public double quantity(int col, String name) {
        double v = decimal(col, name);
        if (v < 0) {
            throw error(name, "negative quantity " + string(col) + ": expected >= 0");
        }
        return v;
    }

    /**
     * Field {@code col} as a finite, positive price.
     *
     * @throws ImportException naming {@code name} when it is not a number or not positive
     */
    public double price(int col, String name) {
        double v = decimal(col, name);
        if (!(v > 0)) {
            throw error(name, "price " + string(col) + " is not positive");
        }
        return v;
    }

    /**
     * Field {@code col} as a {@code long}.
     *
     * @throws ImportException naming {@code name} when it is not an integer
     */
    public long integer(int col, String name) {
        try {
            return Decimals.parseLong(line, starts[col], ends[col]);
        } catch (NumberFormatException e) {
            throw error(name, "not an integer: '" + string(col) + "' (" + e.getMessage() + ")");
        }
    }

    /**
     * Field {@code col} as {@code true}/{@code false} (also {@code True}/{@code False}, as Python writers spell them).
     *
     * @throws ImportException naming {@code name} otherwise
     */
    public boolean bool(int col, String name) {
        if (is(col, "true") || is(col, "True") || is(col, "TRUE")) {
            return true;
        }
        if (is(col, "false") || is(col, "False") || is(col, "FALSE")) {
            return false;
        }
        throw error(name, "not a boolean: '" + string(col) + "', expected true or false");
    }

    /** An {@link ImportException} at this line and {@code field} (null for the whole line). */
    public ImportException error(String field, String problem) {
        return ImportException.atLine(file, lineNumber, field, problem);
    }

    @Override
    public String toString() {
        return "CsvLine[" + file + ":" + lineNumber + ", fields=" + fields + "]";
    }
}
