package io.qtrade.risk.killswitch;

import io.qtrade.core.Instrument;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.risk.PreTradeCheck;
import io.qtrade.risk.RiskDecision;

/**
 * Engages a {@link KillSwitch} with {@link EngagementCause#HEARTBEAT_TIMEOUT} when the feed falls silent:
 * <pre>{@code
 * lastData = engine time of the latest market event (any instrument)
 * engage at lastData + heartbeatTimeoutNanos if no market event arrived meanwhile
 * }</pre>
 * The engine wakes it at that time ({@link #wakeAtNanos()}), so the switch engages, and the open orders are
 * cancelled, at the moment the timeout expires even when nothing else happens; an event arriving exactly at the
 * deadline keeps it disengaged (a silence of exactly the timeout is allowed, a longer one is not). An order checked
 * after the deadline also engages it. Nothing is watched before the first market event, and no wake-up is due while
 * the switch is engaged; after a reset the next market event re-arms it.
 */
public final class HeartbeatMonitor implements PreTradeCheck {

    private static final long NO_DATA = Long.MIN_VALUE;

    private final KillSwitch killSwitch;
    private final long heartbeatTimeoutNanos;
    private long lastDataNanos = NO_DATA;

    /**
     * @param killSwitch            the switch to engage
     * @param heartbeatTimeoutNanos the longest allowed silence of the feed, nanoseconds of engine time, {@code > 0}
     */
    public HeartbeatMonitor(KillSwitch killSwitch, long heartbeatTimeoutNanos) {
        this.killSwitch = java.util.Objects.requireNonNull(killSwitch, "heartbeat monitor: killSwitch must not be null");
        if (heartbeatTimeoutNanos <= 0) {
            throw new IllegalArgumentException("heartbeat monitor: heartbeatTimeoutNanos must be > 0, was "
                    + heartbeatTimeoutNanos);
        }
        this.heartbeatTimeoutNanos = heartbeatTimeoutNanos;
    }

    /** The longest allowed silence of the feed, nanoseconds. */
    public long heartbeatTimeoutNanos() {
        return heartbeatTimeoutNanos;
    }

    /** Engine time of the latest market event, {@link Long#MIN_VALUE} before the first. */
    public long lastDataNanos() {
        return lastDataNanos;
    }

    @Override
    public boolean needsMarketData() {
        return true;
    }

    @Override
    public void onMarketData(Instrument instrument, double mid, long nowNanos) {
        lastDataNanos = Math.max(lastDataNanos, nowNanos);
    }

    @Override
    public boolean needsWakeUps() {
        return true;
    }

    @Override
    public long wakeAtNanos() {
        return lastDataNanos == NO_DATA || killSwitch.isEngaged() ? NO_WAKE : lastDataNanos + heartbeatTimeoutNanos;
    }

    @Override
    public void onWake(long nowNanos) {
        expireIfSilent(nowNanos);
    }

    @Override
    public RiskDecision check(String strategyId, OrderRequest request, Portfolio portfolio, long nowNanos) {
        if (lastDataNanos != NO_DATA && nowNanos - lastDataNanos > heartbeatTimeoutNanos) {
            expireIfSilent(nowNanos);
            return killSwitch.decision();
        }
        return RiskDecision.ACCEPT;
    }

    private void expireIfSilent(long nowNanos) {
        if (lastDataNanos != NO_DATA && nowNanos - lastDataNanos >= heartbeatTimeoutNanos) {
            killSwitch.engage(EngagementCause.HEARTBEAT_TIMEOUT, "no market data for " + (nowNanos - lastDataNanos)
                    + " ns since " + lastDataNanos + ", timeout " + heartbeatTimeoutNanos + " ns", nowNanos);
        }
    }

    @Override
    public String toString() {
        return "HeartbeatMonitor[heartbeatTimeoutNanos=" + heartbeatTimeoutNanos + "]";
    }
}
