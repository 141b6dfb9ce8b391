package io.qtrade.risk.killswitch;

import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.risk.PreTradeCheck;
import io.qtrade.risk.RiskActions;
import io.qtrade.risk.RiskDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The kill switch: once engaged it rejects every new order with {@link #REASON_CODE} and has the engine it is bound
 * to ({@link #bind}) cancel every open order of every strategy, once, at engagement; it stays engaged until
 * {@link #reset}. Engaging an engaged switch changes nothing and returns {@code false}; every engagement (time, cause,
 * detail, and its reset time) is kept in {@link #engagements()}.
 *
 * <p>Put it first in a {@link io.qtrade.risk.PreTradeRiskGate} so that nothing else is asked while it is engaged.
 * {@link #engage} and {@link #reset} may be called from a strategy's callback, a test, or another check; in a
 * backtest everything runs on the engine's thread. A live engine calls them from its own thread (the flag is
 * volatile, the methods synchronized) and its {@link RiskActions} must hand the cancels to its event loop.
 */
public final class KillSwitch implements PreTradeCheck {

    /** The reason code of its rejections. */
    public static final String REASON_CODE = "KILL_SWITCH";

    private static final Logger LOG = LoggerFactory.getLogger(KillSwitch.class);

    private volatile boolean engaged;
    private RiskDecision rejection;
    private final List<Engagement> engagements = new ArrayList<>();
    private RiskActions actions = RiskActions.NONE;

    /** A disengaged switch with no engagement recorded. */
    public KillSwitch() {
    }

    /**
     * Engages the switch unless it is engaged already.
     *
     * @param cause    why
     * @param detail   what happened, for people
     * @param nowNanos engine time, epoch nanoseconds
     * @return whether this call engaged it ({@code false} if it already was)
     */
    public synchronized boolean engage(EngagementCause cause, String detail, long nowNanos) {
        Objects.requireNonNull(cause, "kill switch: cause must not be null");
        Objects.requireNonNull(detail, "kill switch: detail must not be null");
        if (engaged) {
            return false;
        }
        engagements.add(new Engagement(nowNanos, cause, detail, Engagement.NOT_RESET));
        rejection = RiskDecision.reject(REASON_CODE, "engaged at " + nowNanos + " by " + cause + ": " + detail);
        engaged = true;
        LOG.warn("kill switch engaged at {} by {}: {}", nowNanos, cause, detail);
        actions.cancelAllOrders("kill switch " + cause + ": " + detail, nowNanos);
        return true;
    }

    /**
     * Disengages the switch: new orders pass it again. Orders cancelled at engagement are not restored.
     *
     * @param nowNanos engine time, epoch nanoseconds, not before the engagement
     * @return whether it was engaged
     * @throws IllegalArgumentException if {@code nowNanos} is before the engagement
     */
    public synchronized boolean reset(long nowNanos) {
        if (!engaged) {
            return false;
        }
        int last = engagements.size() - 1;
        Engagement e = engagements.get(last);
        if (nowNanos < e.engagedNanos()) {
            throw new IllegalArgumentException("kill switch: reset at " + nowNanos + " is before its engagement at "
                    + e.engagedNanos());
        }
        engagements.set(last, new Engagement(e.engagedNanos(), e.cause(), e.detail(), nowNanos));
        engaged = false;
        LOG.info("kill switch reset at {} (engaged at {} by {})", nowNanos, e.engagedNanos(), e.cause());
        return true;
    }

    /** Whether it is engaged. */
    public boolean isEngaged() {
        return engaged;
    }

    /** Every engagement so far, oldest first (a copy). */
    public synchronized List<Engagement> engagements() {
        return List.copyOf(engagements);
    }

    /**
     * A check that runs {@code check} and engages this switch with {@link EngagementCause#LIMIT_BREACH} when it
     * rejects an order (the rejection is returned unchanged). Hooks are forwarded to {@code check}.
     */
    public PreTradeCheck engageOnBreach(PreTradeCheck check) {
        return new EngageOnBreach(this, Objects.requireNonNull(check, "kill switch: check must not be null"));
    }

    @Override
    public RiskDecision check(String strategyId, OrderRequest request, Portfolio portfolio, long nowNanos) {
        return engaged ? rejection : RiskDecision.ACCEPT;
    }

    /** The rejection every order gets while engaged; {@link RiskDecision#ACCEPT} while not. */
    public RiskDecision decision() {
        return engaged ? rejection : RiskDecision.ACCEPT;
    }

    @Override
    public synchronized void bind(RiskActions actions) {
        this.actions = Objects.requireNonNull(actions, "kill switch: actions must not be null");
    }

    @Override
    public String toString() {
        return "KillSwitch[engaged=" + engaged + ", engagements=" + engagements.size() + "]";
    }
}
