package io.qtrade.store;

import java.nio.file.Path;

/**
 * Bad data in a tick file: names the file, the row (the 1-based line of a CSV file, header included, or the 0-based
 * row of a Parquet file), the field and what was expected.
 */
public final class TickDataException extends RuntimeException {

    private final transient Path file;
    private final long row;
    private final String field;

    /**
     * @param file   the file read or written
     * @param row    the CSV line (1-based, header is line 1) or Parquet row (0-based); -1 when not about one row
     * @param field  the column, or {@code "line"} when the row as a whole is malformed
     * @param detail what was found and what was expected
     */
    public TickDataException(Path file, long row, String field, String detail) {
        super(file + (row >= 0 ? (isCsv(file) ? ", line " : ", row ") + row : "") + ", field " + field + ": "
                + detail);
        this.file = file;
        this.row = row;
        this.field = field;
    }

    /**
     * The same, with the exception that revealed the problem (a decoder's, an I/O error) as the cause.
     */
    public TickDataException(Path file, long row, String field, String detail, Throwable cause) {
        this(file, row, field, detail);
        initCause(cause);
    }

    private static boolean isCsv(Path file) {
        return file != null && file.toString().endsWith(".csv");
    }

    /** The file the bad data is in. */
    public Path file() {
        return file;
    }

    /** The CSV line (1-based) or Parquet row (0-based), -1 when the problem is not one row's. */
    public long row() {
        return row;
    }

    /** The column name, or {@code "line"} for a malformed row. */
    public String field() {
        return field;
    }
}
