package io.qtrade.postgres;

/**
 * A failure talking to PostgreSQL, with a message naming the table, run or operation and the server's reason (its
 * SQLSTATE in {@link #sqlState()} when it gave one). Messages never contain a password: the settings scrub it from
 * anything the driver says before it is put here.
 */
public final class PgException extends RuntimeException {

    private final String sqlState;

    public PgException(String message, String sqlState) {
        super(message);
        this.sqlState = sqlState;
    }

    public PgException(String message) {
        this(message, null);
    }

    /** The five-character SQLSTATE the server reported, or {@code null}. */
    public String sqlState() {
        return sqlState;
    }
}
