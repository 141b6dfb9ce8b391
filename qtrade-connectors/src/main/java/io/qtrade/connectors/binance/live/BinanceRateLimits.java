package io.qtrade.connectors.binance.live;

/**
 * What Binance's response headers say about the account's and the IP's use of the rate limits, and whether the next
 * request may go. Binance documents:
 * <pre>{@code
 * X-MBX-USED-WEIGHT-1M    request weight used by the IP in the current minute     (limit: REQUEST_WEIGHT, e.g. 6000)
 * X-MBX-ORDER-COUNT-10S   orders placed by the account in the current 10 s        (limit: ORDERS, e.g. 100)
 * X-MBX-ORDER-COUNT-1D    orders placed by the account today
 * Retry-After             on HTTP 429 / 418: seconds to wait before the next request
 * }</pre>
 * The client respects them: after a 429 or 418 no request is sent before the {@code Retry-After} deadline, and when
 * the used weight reaches {@code weightLimitPerMinute} (or the 10 s order count reaches {@code orderLimitPer10s},
 * for order placement) none is sent before the next minute (10 s window) starts; a refused call throws a
 * {@link io.qtrade.connectors.live.VenueException} with reason {@code RATE_LIMITED} and the time to wait, instead of
 * risking an IP ban. Thread-safe.
 */
public final class BinanceRateLimits {

    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final int weightLimitPerMinute;
    private final int orderLimitPer10s;
    private long usedWeight1m = -1;
    private long orderCount10s = -1;
    private long orderCount1d = -1;
    private long blockedUntilNanos = Long.MIN_VALUE;
    private long weightWindowEndNanos = Long.MIN_VALUE;
    private long orderWindowEndNanos = Long.MIN_VALUE;

    /**
     * @param weightLimitPerMinute the account's REQUEST_WEIGHT limit per minute ({@code exchangeInfo}), {@code > 0}
     * @param orderLimitPer10s     the ORDERS limit per 10 s, {@code > 0}
     */
    public BinanceRateLimits(int weightLimitPerMinute, int orderLimitPer10s) {
        if (weightLimitPerMinute <= 0) {
            throw new IllegalArgumentException("weightLimitPerMinute must be > 0, was " + weightLimitPerMinute);
        }
        if (orderLimitPer10s <= 0) {
            throw new IllegalArgumentException("orderLimitPer10s must be > 0, was " + orderLimitPer10s);
        }
        this.weightLimitPerMinute = weightLimitPerMinute;
        this.orderLimitPer10s = orderLimitPer10s;
    }

    /** Records a response's headers ({@code -1} where absent) at venue time {@code serverNowNanos}. */
    synchronized void record(long serverNowNanos, long usedWeight1m, long orderCount10s, long orderCount1d,
                             int status, long retryAfterNanos) {
        if (usedWeight1m >= 0) {
            this.usedWeight1m = usedWeight1m;
            weightWindowEndNanos = (Math.floorDiv(serverNowNanos, 60_000L * NANOS_PER_MILLI) + 1) * 60_000L
                    * NANOS_PER_MILLI;
        }
        if (orderCount10s >= 0) {
            this.orderCount10s = orderCount10s;
            orderWindowEndNanos = (Math.floorDiv(serverNowNanos, 10_000L * NANOS_PER_MILLI) + 1) * 10_000L
                    * NANOS_PER_MILLI;
        }
        if (orderCount1d >= 0) {
            this.orderCount1d = orderCount1d;
        }
        if ((status == 429 || status == 418) && retryAfterNanos > 0) {
            blockedUntilNanos = Math.max(blockedUntilNanos, serverNowNanos + retryAfterNanos);
        }
    }

    /**
     * Nanoseconds to wait before a request may be sent at {@code serverNowNanos}, 0 if it may go now.
     *
     * @param placesOrder whether the request places an order (the order-count limit applies)
     */
    synchronized long waitNanos(long serverNowNanos, boolean placesOrder) {
        long wait = 0;
        if (serverNowNanos < blockedUntilNanos) {
            wait = blockedUntilNanos - serverNowNanos;
        }
        if (usedWeight1m >= weightLimitPerMinute && serverNowNanos < weightWindowEndNanos) {
            wait = Math.max(wait, weightWindowEndNanos - serverNowNanos);
        }
        if (placesOrder && orderCount10s >= orderLimitPer10s && serverNowNanos < orderWindowEndNanos) {
            wait = Math.max(wait, orderWindowEndNanos - serverNowNanos);
        }
        return wait;
    }

    /** {@code X-MBX-USED-WEIGHT-1M} of the last response that had it, -1 before any. */
    public synchronized long usedWeight1m() {
        return usedWeight1m;
    }

    /** {@code X-MBX-ORDER-COUNT-10S} of the last response that had it, -1 before any. */
    public synchronized long orderCount10s() {
        return orderCount10s;
    }

    /** {@code X-MBX-ORDER-COUNT-1D} of the last response that had it, -1 before any. */
    public synchronized long orderCount1d() {
        return orderCount1d;
    }

    @Override
    public synchronized String toString() {
        return "BinanceRateLimits[weightLimitPerMinute=" + weightLimitPerMinute + ", orderLimitPer10s="
                + orderLimitPer10s + ", usedWeight1m=" + usedWeight1m + ", orderCount10s=" + orderCount10s + "]";
    }
}
