package io.qtrade.sql.clickhouse;

/**
 * A ClickHouse result stream that cannot be decoded into events: truncated inside a row, or holding a value the
 * event model refuses (an unknown symbol, a kind code that names no kind, a timestamp outside the requested range or
 * out of order, a non-finite price). The message names the table, the row, the field and the byte offset in the
 * response where the bad value starts, and what was expected.
 */
public final class MalformedResponseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long row;
    private final long byteOffset;

    MalformedResponseException(String message, long row, long byteOffset, Throwable cause) {
        super(message, cause);
        this.row = row;
        this.byteOffset = byteOffset;
    }

    /** The 0-based index of the bad row in the response. */
    public long row() {
        return row;
    }

    /** The 0-based byte offset, in the (decompressed) response body, where the bad field starts. */
    public long byteOffset() {
        return byteOffset;
    }
}
