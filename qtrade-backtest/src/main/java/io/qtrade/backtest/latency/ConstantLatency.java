package io.qtrade.backtest.latency;

/**
 * Fixed entry and response latencies: {@code entry = entryLatencyNanos}, {@code response = responseLatencyNanos},
 * for every order (hftbacktest {@code ConstantLatency}). The round trip is their sum.
 */
public final class ConstantLatency implements LatencyModel {

    /** No latency at all: orders act at the venue at the time they are sent and responses are seen at once. */
    public static final ConstantLatency ZERO = new ConstantLatency(0, 0);

    private final long entryLatencyNanos;
    private final long responseLatencyNanos;

    /**
     * @param entryLatencyNanos    request to venue, {@code >= 0}
     * @param responseLatencyNanos venue to strategy, {@code >= 0}
     */
    public ConstantLatency(long entryLatencyNanos, long responseLatencyNanos) {
        if (entryLatencyNanos < 0) {
            throw new IllegalArgumentException("ConstantLatency: entryLatencyNanos must be >= 0, was " + entryLatencyNanos);
        }
        if (responseLatencyNanos < 0) {
            throw new IllegalArgumentException("ConstantLatency: responseLatencyNanos must be >= 0, was "
                    + responseLatencyNanos);
        }
        this.entryLatencyNanos = entryLatencyNanos;
        this.responseLatencyNanos = responseLatencyNanos;
    }

    @Override
    public long entryLatencyNanos(long requestTs, long orderId, long salt) {
        return entryLatencyNanos;
    }

    @Override
    public long responseLatencyNanos(long exchTs, long orderId, long salt) {
        return responseLatencyNanos;
    }

    @Override
    public String toString() {
        return "ConstantLatency[entryLatencyNanos=" + entryLatencyNanos + ", responseLatencyNanos="
                + responseLatencyNanos + "]";
    }
}
