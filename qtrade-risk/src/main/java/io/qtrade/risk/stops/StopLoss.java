package io.qtrade.risk.stops;

import io.qtrade.core.Instrument;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.core.portfolio.Position;
import io.qtrade.risk.PreTradeCheck;
import io.qtrade.risk.RiskActions;
import io.qtrade.risk.RiskDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Stop-loss per position and per strategy that flattens and stops the strategy:
 * <pre>{@code
 * per position : (mid - avgEntryPrice) * qty * contractMultiplier < -maxLossPerPosition   (unrealized loss)
 * per strategy : realizedPnl + unrealizedPnl - fees < -maxLossPerStrategy                 (Portfolio.netPnl)
 * }</pre>
 * On a breach the strategy is stopped: the engine it is bound to cancels the strategy's open orders and sends a
 * market order flattening each of its positions ({@link RiskActions#stopStrategy}, orders that bypass the gate), and
 * every later order of the strategy is rejected with {@link #REASON_CODE} until {@link #reset}. A loss exactly at
 * its limit does not stop.
 *
 * <p>The position stop is checked on every market event of the instrument (at its mid) and at the engine's marks;
 * the strategy stop at the engine's marks and after each fill (its unrealized part at the portfolio's latest marks).
 * The flattening orders are sized at the moment of the stop; a fill of an older order that raced the cancels is
 * offset by the backtest engine with one more market order of its size (see qtrade-backtest's README, "Risk").
 */
public final class StopLoss implements PreTradeCheck {

    /** The reason code of its rejections. */
    public static final String REASON_CODE = "STOP_LOSS";
    /** A limit that is not set. */
    public static final double NO_LIMIT = Double.POSITIVE_INFINITY;

    private static final Logger LOG = LoggerFactory.getLogger(StopLoss.class);

    /**
     * One stop of a strategy.
     *
     * @param stoppedNanos when, engine time, epoch nanoseconds
     * @param strategyId   the strategy stopped
     * @param reason       the breached limit and the loss
     */
    public record Stop(long stoppedNanos, String strategyId, String reason) {
    }

    private final double maxLossPerPosition;
    private final double maxLossPerStrategy;
    private final ArrayList<String> ids = new ArrayList<>();
    private final ArrayList<Portfolio> portfolios = new ArrayList<>();
    private final ArrayList<RiskDecision> stopped = new ArrayList<>();
    private final List<Stop> stops = new ArrayList<>();
    private RiskActions actions = RiskActions.NONE;

    private StopLoss(double maxLossPerPosition, double maxLossPerStrategy) {
        this.maxLossPerPosition = maxLossPerPosition;
        this.maxLossPerStrategy = maxLossPerStrategy;
    }

    /**
     * A stop-loss.
     *
     * @param maxLossPerPosition largest unrealized loss of one position, quote currency, {@code > 0}, or
     *                           {@link #NO_LIMIT}
     * @param maxLossPerStrategy largest net loss of one strategy, quote currency, {@code > 0}, or {@link #NO_LIMIT}
     * @throws IllegalArgumentException if a limit is not {@code > 0} or neither is set
     */
    public static StopLoss of(double maxLossPerPosition, double maxLossPerStrategy) {
        if (!(maxLossPerPosition > 0)) {
            throw new IllegalArgumentException("stop loss: maxLossPerPosition must be > 0 or NO_LIMIT, was "
                    + maxLossPerPosition);
        }
        if (!(maxLossPerStrategy > 0)) {
            throw new IllegalArgumentException("stop loss: maxLossPerStrategy must be > 0 or NO_LIMIT, was "
                    + maxLossPerStrategy);
        }
        if (maxLossPerPosition == NO_LIMIT && maxLossPerStrategy == NO_LIMIT) {
            throw new IllegalArgumentException("stop loss: set maxLossPerPosition or maxLossPerStrategy (both NO_LIMIT)");
        }
        return new StopLoss(maxLossPerPosition, maxLossPerStrategy);
    }

    /** A stop on each position's unrealized loss only. */
    public static StopLoss perPosition(double maxLossPerPosition) {
        return of(maxLossPerPosition, NO_LIMIT);
    }

    /** A stop on each strategy's net loss only. */
    public static StopLoss perStrategy(double maxLossPerStrategy) {
        return of(NO_LIMIT, maxLossPerStrategy);
    }

    /** Whether {@code strategyId} is stopped. */
    public boolean isStopped(String strategyId) {
        int i = indexOf(strategyId);
        return i >= 0 && stopped.get(i) != null;
    }

    /** Every stop so far, oldest first (a copy). */
    public List<Stop> stops() {
        return List.copyOf(stops);
    }

    /**
     * Lets {@code strategyId} trade again.
     *
     * @return whether it was stopped
     */
    public boolean reset(String strategyId) {
        int i = indexOf(strategyId);
        if (i < 0 || stopped.get(i) == null) {
            return false;
        }
        stopped.set(i, null);
        return true;
    }

    @Override
    public RiskDecision check(String strategyId, OrderRequest request, Portfolio portfolio, long nowNanos) {
        int i = indexOf(strategyId);
        RiskDecision d = i < 0 ? null : stopped.get(i);
        return d == null ? RiskDecision.ACCEPT : d;
    }

    @Override
    public void bind(RiskActions actions) {
        this.actions = Objects.requireNonNull(actions, "stop loss: actions must not be null");
    }

    @Override
    public boolean needsMarketData() {
        return maxLossPerPosition != NO_LIMIT;
    }

    @Override
    public void onMarketData(Instrument instrument, double mid, long nowNanos) {
        if (Double.isNaN(mid)) {
            return;
        }
        for (int i = 0, n = ids.size(); i < n; i++) {
            if (stopped.get(i) == null) {
                Position p = portfolios.get(i).position(instrument);
                if (!p.isFlat()) {
                    checkPosition(i, p, mid, nowNanos);
                }
            }
        }
    }

    @Override
    public void onFill(String strategyId, Fill fill, Portfolio portfolio, long nowNanos) {
        int i = register(strategyId, portfolio);
        if (stopped.get(i) == null) {
            checkStrategy(i, portfolio, nowNanos);
        }
    }

    @Override
    public void onMark(String strategyId, Portfolio portfolio, long nowNanos) {
        int i = register(strategyId, portfolio);
        if (stopped.get(i) != null) {
            return;
        }
        if (maxLossPerPosition != NO_LIMIT) {
            for (Position p : portfolio.positions().values()) {
                double mark = portfolio.markPrice(p.instrument());
                if (!p.isFlat() && !Double.isNaN(mark) && checkPosition(i, p, mark, nowNanos)) {
                    return;
                }
            }
        }
        checkStrategy(i, portfolio, nowNanos);
    }

    private boolean checkPosition(int i, Position p, double price, long nowNanos) {
        double loss = -p.unrealizedPnl(price);
        if (loss > maxLossPerPosition) {
            stop(i, "position " + p.instrument().id() + " qty " + p.qty() + " entry " + p.avgEntryPrice() + " at "
                    + price + ": unrealized loss " + loss + " > limit " + maxLossPerPosition, nowNanos);
            return true;
        }
        return false;
    }

    private void checkStrategy(int i, Portfolio portfolio, long nowNanos) {
        if (maxLossPerStrategy == NO_LIMIT) {
            return;
        }
        double loss = -portfolio.netPnl();
        if (loss > maxLossPerStrategy) {
            stop(i, "net loss " + loss + " > limit " + maxLossPerStrategy, nowNanos);
        }
    }

    private void stop(int i, String what, long nowNanos) {
        String id = ids.get(i);
        String reason = "strategy " + id + " stopped at " + nowNanos + ": " + what;
        stopped.set(i, RiskDecision.reject(REASON_CODE, reason));
        stops.add(new Stop(nowNanos, id, what));
        LOG.warn("stop loss: {}", reason);
        actions.stopStrategy(id, reason, nowNanos);
    }

    private int register(String strategyId, Portfolio portfolio) {
        int i = indexOf(strategyId);
        if (i < 0) {
            i = ids.size();
            ids.add(strategyId);
            portfolios.add(portfolio);
            stopped.add(null);
        }
        return i;
    }

    private int indexOf(String strategyId) {
        for (int i = 0, n = ids.size(); i < n; i++) {
            String id = ids.get(i);
            if (id == strategyId || id.equals(strategyId)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "StopLoss[maxLossPerPosition=" + maxLossPerPosition + ", maxLossPerStrategy=" + maxLossPerStrategy
                + "]";
    }
}
