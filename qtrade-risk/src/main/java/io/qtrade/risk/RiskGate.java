package io.qtrade.risk;

import io.qtrade.core.Instrument;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.order.OrderView;
import io.qtrade.core.portfolio.Portfolio;

/**
 * The pre-trade gate between a strategy's submit and the venue. Every new order is checked once, when the strategy
 * sends it, against the strategy's own portfolio as the strategy knows it at that time; a rejection never reaches the
 * venue and comes back to the strategy as a REJECTED order update carrying {@link RiskDecision#reason()}.
 *
 * <h2>Lifecycle hooks</h2>
 * Checks that need state beyond one order (open orders, order rate, a reference mid, exposure at marks, equity for
 * circuit breakers, a feed heartbeat) override the default no-op hooks; the engine (backtest, paper or live) calls
 * them, all on its one thread and with its clock (epoch nanoseconds):
 * <ul>
 *   <li>{@link #bind(RiskActions)} once before the run, with what the gate may ask the engine to do (cancel every
 *       order, stop a strategy).</li>
 *   <li>{@link #onOrderAccepted} after {@link #check} accepted an order and it left for the venue;
 *       {@link #onOrderDone} when such an order reached a terminal state (filled, cancelled, rejected by the venue,
 *       expired). An order the gate itself rejected gets neither.</li>
 *   <li>{@link #onFill} after a fill was applied to the strategy's portfolio; {@link #onMark} after the engine
 *       marked a strategy's portfolio to the mids (its equity sampling).</li>
 *   <li>{@link #onMarketData} on every market event the strategies see, only when {@link #needsMarketData()} says
 *       so, so that {@link #NONE} costs the event loop one branch.</li>
 *   <li>{@link #onWake} at {@link #wakeAtNanos()} of engine time, only when {@link #needsWakeUps()} says so, for
 *       timeouts that must fire while nothing else happens (a feed heartbeat).</li>
 * </ul>
 *
 * <p>Implementations must be deterministic (no wall clock, no hash-order iteration) so a backtest stays
 * reproducible, and should return {@link RiskDecision#ACCEPT} without allocating on the accept path.
 * {@link #check} must not change state: a later check of a composite gate may still reject the order, so state that
 * depends on the order going out is updated in {@link #onOrderAccepted}.
 */
@FunctionalInterface
public interface RiskGate {

    /** {@link #wakeAtNanos()} of a gate that needs no wake-up. */
    long NO_WAKE = Long.MAX_VALUE;

    /** Accepts every order: the default when no gate is configured. */
    RiskGate NONE = new RiskGate() {
        @Override
        public RiskDecision check(String strategyId, OrderRequest request, Portfolio portfolio, long nowNanos) {
            return RiskDecision.ACCEPT;
        }

        @Override
        public String toString() {
            return "RiskGate.NONE";
        }
    };

    /**
     * Decides whether {@code request} may go to the venue.
     *
     * @param strategyId the strategy sending it
     * @param request    the order
     * @param portfolio  the strategy's portfolio (read it, do not apply fills to it)
     * @param nowNanos   the strategy's clock, epoch nanoseconds
     * @return {@link RiskDecision#ACCEPT} or a rejection
     */
    RiskDecision check(String strategyId, OrderRequest request, Portfolio portfolio, long nowNanos);

    /**
     * Gives the gate what it may ask the engine to do; called by the engine once before a run. The default ignores
     * it (a gate that only accepts or rejects needs nothing).
     */
    default void bind(RiskActions actions) {
    }

    /** Whether {@link #onMarketData} must be called on every market event; {@code false} by default. */
    default boolean needsMarketData() {
        return false;
    }

    /**
     * A market event of {@code instrument} reached the strategies at {@code nowNanos}; called only when
     * {@link #needsMarketData()}.
     *
     * @param instrument the instrument whose book changed or traded
     * @param mid        its mid after the event, quote currency; NaN while one side of the book is empty
     * @param nowNanos   engine time, epoch nanoseconds
     */
    default void onMarketData(Instrument instrument, double mid, long nowNanos) {
    }

    /** {@code order} passed {@link #check} and left for the venue at {@code nowNanos}. */
    default void onOrderAccepted(String strategyId, OrderView order, long nowNanos) {
    }

    /**
     * An order that passed {@link #check} reached a terminal state at {@code nowNanos}; what never filled is
     * {@code order.qty() - order.filledQty()} ({@link OrderView#leavesQty()} is 0 once terminal).
     */
    default void onOrderDone(String strategyId, OrderView order, long nowNanos) {
    }

    /** {@code fill} of one of the strategy's orders has been applied to {@code portfolio}. */
    default void onFill(String strategyId, Fill fill, Portfolio portfolio, long nowNanos) {
    }

    /** The engine marked {@code portfolio} (the strategy's) to the latest mids at {@code nowNanos}. */
    default void onMark(String strategyId, Portfolio portfolio, long nowNanos) {
    }

    /**
     * Whether this gate ever asks for a wake-up ({@link #wakeAtNanos()} other than {@link #NO_WAKE}); {@code false} by
     * default, so the engine never asks for one.
     */
    default boolean needsWakeUps() {
        return false;
    }

    /**
     * The engine time at which {@link #onWake} is due, {@link #NO_WAKE} for none (the default). Read by the engine
     * after its own steps and whenever it is earlier than the last one read; a deadline that moved later may be
     * woken at its old time, so {@link #onWake} must check that its deadline has really passed.
     */
    default long wakeAtNanos() {
        return NO_WAKE;
    }

    /** Engine time reached {@link #wakeAtNanos()}. */
    default void onWake(long nowNanos) {
    }
}
