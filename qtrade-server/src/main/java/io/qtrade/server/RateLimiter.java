package io.qtrade.server;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (a token's index, or a remote address for failed authentications): {@code burst} requests
 * at once, refilled at {@code perSecond}. A request that finds the bucket empty is refused with the time until the
 * next one is allowed (Turner 1986, "New directions in communications"; the leaky/token bucket of RFC 2697's
 * committed rate).
 */
final class RateLimiter {

    private final double perNano;
    private final double burst;
    private final ConcurrentHashMap<Object, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(double perSecond, int burst) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
    }

    private static final class Bucket {
        double tokens;
        long lastNanos;
    }

    /** 0 if allowed (one token taken), else the nanoseconds until one is available. */
    long acquire(Object key, long nowNanos) {
        Bucket b = buckets.computeIfAbsent(key, k -> {
            Bucket n = new Bucket();
            n.tokens = burst;
            n.lastNanos = nowNanos;
            return n;
        });
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (nowNanos - b.lastNanos) * perNano);
            b.lastNanos = nowNanos;
            if (b.tokens >= 1.0) {
                b.tokens -= 1.0;
                return 0;
            }
            return (long) Math.ceil((1.0 - b.tokens) / perNano);
        }
    }

    /** Forgets keys idle long enough to have a full bucket (bounds the map for per-address keys). */
    void prune(long nowNanos) {
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().tokens + (nowNanos - e.getValue().lastNanos) * perNano >= burst;
            }
        });
    }
}
