package io.qtrade.postgres;

/**
 * How a source reads rows: {@link #COPY} ({@code COPY (SELECT ...) TO STDOUT}, streamed row by row through the
 * driver's {@code CopyManager}) or {@link #JDBC} (the same {@code SELECT} through a {@code PreparedStatement} with a
 * fetch size, streamed by a server-side cursor; the benchmark's baseline).
 */
public enum ReadMode {
    COPY,
    JDBC
}
