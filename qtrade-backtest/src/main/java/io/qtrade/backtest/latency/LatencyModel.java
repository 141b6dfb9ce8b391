package io.qtrade.backtest.latency;

/**
 * Order entry and response latency, separately, in nanoseconds, as in hftbacktest's {@code LatencyModel}
 * ({@code entry(timestamp, order)} and {@code response(timestamp, order)}).
 *
 * <pre>{@code
 * exchange receives the request at   requestTs + entryLatencyNanos(requestTs, orderId)
 * strategy receives a response at    exchTs    + responseLatencyNanos(exchTs, orderId)
 * }</pre>
 * Implementations are immutable and deterministic: the same arguments always give the same latency, whatever was
 * asked before (a seeded random model derives its draw from the seed and the arguments, not from a shared stream), so
 * adding an instrument or a strategy to a backtest never changes another one's latencies. A venue refusing an order
 * is an explicit answer of {@link #rejectsEntry}, never a negative latency. Latencies are {@code >= 0}.
 */
public interface LatencyModel {

    /**
     * Time from the strategy sending a request (new order or cancel) at {@code requestTs} to the venue receiving it.
     *
     * @param requestTs when the strategy sent it, epoch nanoseconds
     * @param orderId   the order it concerns
     * @param salt      distinguishes requests of one order at one time (the engine folds in the run seed and whether it is a new order or a cancel)
     */
    long entryLatencyNanos(long requestTs, long orderId, long salt);

    /**
     * Time from the venue acting at {@code exchTs} to the strategy receiving the response.
     *
     * @param exchTs  when the venue acted, epoch nanoseconds
     * @param orderId the order it concerns
     * @param salt    distinguishes responses of one order at one venue time (the engine folds in the run seed and the response ordinal)
     */
    long responseLatencyNanos(long exchTs, long orderId, long salt);

    /** Whether the venue refuses a new order sent at {@code requestTs}; {@code false} unless a recording says so. */
    default boolean rejectsEntry(long requestTs, long orderId) {
        return false;
    }
}
