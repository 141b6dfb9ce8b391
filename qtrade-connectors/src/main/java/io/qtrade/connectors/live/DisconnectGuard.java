package io.qtrade.connectors.live;

import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.time.Clock;
import io.qtrade.risk.killswitch.EngagementCause;
import io.qtrade.risk.killswitch.KillSwitch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;

/**
 * The kill switch on disconnect, for live order entry: a {@link LiveEventListener} put between a market-data client
 * and its real listener that passes every message on and, when the client reports a lost connection, engages a
 * {@link KillSwitch} with {@link EngagementCause#DISCONNECT} and, if that call engaged it, cancels every open order of
 * each guarded instrument at the venue through {@link OrderGateway#cancelAll}, once. Quoting blind is the risk it
 * removes: while the feed is down the book the orders were priced on is unknown.
 *
 * <p>The cancels run on the client's supervisor thread before it reconnects, so no market data arrives before they
 * are done. A venue error on one instrument is logged at ERROR and counted in {@link #cancelFailures()}; the other
 * instruments are still cancelled. The switch stays engaged (every order the caller checks against it is rejected)
 * until someone calls {@link KillSwitch#reset}; a disconnect while it is engaged cancels nothing more (the orders went
 * at the engagement). In paper trading the engine's own cancel-all does this job (see
 * {@code io.qtrade.connectors.paper.PaperTrading}).
 */
public final class DisconnectGuard implements LiveEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(DisconnectGuard.class);

    private final LiveEventListener downstream;
    private final KillSwitch killSwitch;
    private final OrderGateway gateway;
    private final List<Instrument> instruments;
    private final Clock clock;
    private volatile long cancelAllCalls;
    private volatile long ordersCancelled;
    private volatile long cancelFailures;
    private volatile long disconnects;

    /**
     * @param downstream  receives every message and disconnect first
     * @param killSwitch  engaged on a disconnect
     * @param gateway     where the open orders are cancelled
     * @param instruments the instruments whose orders are cancelled, all on the gateway's venue
     * @param clock       the time of the engagement
     * @throws IllegalArgumentException if an instrument is on another venue than the gateway's, or none is given
     */
    public DisconnectGuard(LiveEventListener downstream, KillSwitch killSwitch, OrderGateway gateway,
                           List<Instrument> instruments, Clock clock) {
        this.downstream = Objects.requireNonNull(downstream, "downstream");
        this.killSwitch = Objects.requireNonNull(killSwitch, "killSwitch");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (instruments.isEmpty()) {
            throw new IllegalArgumentException("disconnect guard: instruments: at least one expected");
        }
        for (Instrument i : instruments) {
            if (!i.venue().equals(gateway.venue())) {
                throw new IllegalArgumentException("disconnect guard: instrument " + i.id() + " is on venue "
                        + i.venue() + ", the gateway sends to " + gateway.venue());
            }
        }
        this.instruments = List.copyOf(instruments);
    }

    @Override
    public void onEvents(EventBatch batch) {
        downstream.onEvents(batch);
    }

    @Override
    public void onDisconnect(String reason) {
        disconnects++;
        downstream.onDisconnect(reason);
        if (!killSwitch.engage(EngagementCause.DISCONNECT, "market data disconnected: " + reason, clock.nowNanos())) {
            LOG.info("disconnect ({}) while the kill switch is engaged already: nothing more to cancel", reason);
            return;
        }
        for (Instrument i : instruments) {
            cancelAllCalls++;
            try {
                List<ExecutionReport> cancelled = gateway.cancelAll(i);
                ordersCancelled += cancelled.size();
                LOG.warn("{}: {} open orders cancelled after the disconnect", i.id(), cancelled.size());
            } catch (RuntimeException e) {
                cancelFailures++;
                LOG.error("{}: cancelling every open order after the disconnect failed: {}", i.id(),
                        Redaction.redact(e.getMessage()));
            }
        }
    }

    /** {@link OrderGateway#cancelAll} calls made (one per instrument per engagement). */
    public long cancelAllCalls() {
        return cancelAllCalls;
    }

    /** Orders the venue reported cancelled by those calls. */
    public long ordersCancelled() {
        return ordersCancelled;
    }

    /** {@link OrderGateway#cancelAll} calls that failed. */
    public long cancelFailures() {
        return cancelFailures;
    }

    /** Disconnects reported by the client. */
    public long disconnects() {
        return disconnects;
    }

    /** The instruments guarded. */
    public List<Instrument> instruments() {
        return instruments;
    }

    @Override
    public String toString() {
        return "DisconnectGuard[venue=" + gateway.venue() + ", instruments=" + instruments.size() + ", killSwitch="
                + killSwitch + ", disconnects=" + disconnects + ", cancelAllCalls=" + cancelAllCalls + "]";
    }
}
