package io.qtrade.postgres;

/**
 * How a sink sends rows: {@link #COPY} (one {@code COPY ... FROM STDIN} per batch through the driver's
 * {@code CopyManager}, the fast path) or {@link #JDBC_BATCH} (a prepared {@code INSERT} with
 * {@code addBatch}/{@code executeBatch}, the baseline the benchmark compares COPY with).
 */
public enum WriteMode {
    COPY,
    JDBC_BATCH
}
