package io.qtrade.risk.margin;

import io.qtrade.core.Instrument;
import io.qtrade.core.margin.LeverageBrackets;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.core.portfolio.Position;
import io.qtrade.risk.PreTradeCheck;
import io.qtrade.risk.RiskActions;
import io.qtrade.risk.RiskDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A circuit breaker that acts before the venue's liquidation: when a strategy's margin ratio reaches
 * {@code triggerRatio} it does what its {@link Action} says, and rejects the strategy's new orders that add margin
 * until the ratio is back below the trigger.
 * <ul>
 *   <li>{@link Action#STOP}: stops the strategy ({@link RiskActions#stopStrategy}: cancel its orders and close every
 *   position with market orders).</li>
 *   <li>{@link Action#REDUCE}: cancels the strategy's open orders and reduces each margined position with a
 *   reduce-only market order ({@link RiskActions#reducePosition}) through the venue's normal fill path, by the
 *   {@link Reduction}: a fixed fraction of every position, or the fraction that brings the margin ratio down to a
 *   target. The strategy keeps running.</li>
 * </ul>
 * <pre>{@code
 * marginRatio = sum_i MM_i / equity      (Binance "Margin Ratio"; the venue liquidates a cross account at 1)
 * trip when marginRatio >= triggerRatio  (e.g. 0.8: reduce at 80 % of the way to liquidation)
 * REDUCE, FRACTION f:            close f * |q_i| of every margined position i
 * REDUCE, TARGET_MARGIN_RATIO t: close f * |q_i| of every margined position, f the smallest in [0, 1] with
 *                                sum_i MM_i((1 - f) |notional_i|) / equity <= t   (bisection; equity unchanged: the
 *                                reduction is valued at the same mids, before its fees and slippage)
 * qty_i = min(|q_i|, ceil(f |q_i| / lot) * lot)    rounded up to the instrument's lot: at least the fraction
 * }</pre>
 * A trip acts once: the breaker re-arms when the ratio is back below the trigger, so a reduction that leaves it at or
 * above the trigger is not repeated (choose a target below the trigger; a {@code TARGET_MARGIN_RATIO} must be).
 * {@link Action#REDUCE_THEN_STOP} reduces at the trigger and stops the strategy if the ratio goes on to its
 * {@code stopRatio} (a ratio past both at once stops without reducing).
 * Evaluated on every market event (it {@link #needsMarketData()}), at each equity mark and after each fill, with the
 * positions valued at the latest mids. The margin ratio it sees is the portfolio's (mids), not the venue's (mark
 * price): a gap between them is the breaker's blind spot. Each trip is recorded ({@link #trips()}).
 */
public final class MarginRatioBreaker implements PreTradeCheck {

    /** The reason code of its rejections. */
    public static final String REASON_CODE = "MARGIN_RATIO_BREAKER";

    /** One trip: when, which strategy, and the ratio. */
    public record Trip(String strategyId, long nowNanos, double marginRatio) {
    }

    /** What the breaker does when it trips. */
    public enum Action {
        /** Stop the strategy: cancel its orders and flatten every position ({@link RiskActions#stopStrategy}). */
        STOP,
        /** Cancel its orders and reduce its margined positions by the {@link Reduction}; the strategy keeps running. */
        REDUCE,
        /**
         * {@link #REDUCE} at the trigger, and {@link #STOP} if the ratio still reaches the breaker's {@code stopRatio}
         * (between the trigger and the venue's 1): reduce first, stop before liquidation.
         */
        REDUCE_THEN_STOP
    }

    /** How a {@link Action#REDUCE} sizes the reduction. */
    public enum Sizing {
        /** Close a fixed fraction, in {@code (0, 1]}, of every margined position. */
        FRACTION,
        /** Close the fraction of every margined position that brings the margin ratio down to a target. */
        TARGET_MARGIN_RATIO
    }

    /**
     * The size of a {@link Action#REDUCE}.
     *
     * @param sizing how {@code value} is read
     * @param value  the fraction to close, in {@code (0, 1]}, or the target margin ratio, in {@code (0, trigger)}
     */
    public record Reduction(Sizing sizing, double value) {
        public Reduction {
            Objects.requireNonNull(sizing, "margin ratio breaker reduction: sizing");
            if (sizing == Sizing.FRACTION && !(value > 0 && value <= 1)) {
                throw new IllegalArgumentException("margin ratio breaker reduction: a FRACTION must be in (0, 1], was "
                        + value);
            }
            if (sizing == Sizing.TARGET_MARGIN_RATIO && !(value > 0 && value < 1)) {
                throw new IllegalArgumentException("margin ratio breaker reduction: a TARGET_MARGIN_RATIO must be in"
                        + " (0, 1), was " + value);
            }
        }

        /** Close {@code fraction} of every margined position. */
        public static Reduction fraction(double fraction) {
            return new Reduction(Sizing.FRACTION, fraction);
        }

        /** Close what brings the margin ratio down to {@code target}. */
        public static Reduction toMarginRatio(double target) {
            return new Reduction(Sizing.TARGET_MARGIN_RATIO, target);
        }
    }

    /** One reduce-only market order the breaker asked for. */
    public record Reduce(String strategyId, Instrument instrument, double qty, long nowNanos, double marginRatio) {
    }

    private final double triggerRatio;
    private final Action action;
    private final Reduction reduction;
    private final double stopRatio;
    private final MarginCalc calc;
    private final double[] gross = new double[2];
    private final double[] mm = new double[2];
    /** The strategies seen so far and their portfolios, by index (iterated per event without an iterator). */
    private final List<String> ids = new ArrayList<>();
    private final List<Portfolio> portfolios = new ArrayList<>();
    private final List<Boolean> tripped = new ArrayList<>();
    private final List<Boolean> stopped = new ArrayList<>();
    private final List<Trip> trips = new ArrayList<>();
    private final List<Reduce> reductions = new ArrayList<>();
    private RiskActions actions = RiskActions.NONE;

    /**
     * A breaker that stops the strategy ({@link Action#STOP}).
     *
     * @param triggerRatio the margin ratio at which it acts, in {@code (0, 1)}
     * @param brackets     the leverage brackets of each margined instrument
     */
    public MarginRatioBreaker(double triggerRatio, Map<Instrument, LeverageBrackets> brackets) {
        this(triggerRatio, brackets, Action.STOP, null);
    }

    /**
     * @param triggerRatio the margin ratio at which it acts, in {@code (0, 1)}
     * @param brackets     the leverage brackets of each margined instrument (the instruments it reduces)
     * @param action       stop the strategy, or reduce its positions
     * @param reduction    the size of a {@link Action#REDUCE}; null for {@link Action#STOP}
     * @throws IllegalArgumentException for a trigger outside {@code (0, 1)}, a REDUCE without a reduction or a STOP
     *                                  with one, or a target margin ratio not below the trigger
     */
    public MarginRatioBreaker(double triggerRatio, Map<Instrument, LeverageBrackets> brackets, Action action,
                              Reduction reduction) {
        this(triggerRatio, brackets, action, reduction, Double.NaN);
    }

    /**
     * @param triggerRatio the margin ratio at which it acts, in {@code (0, 1)}
     * @param brackets     the leverage brackets of each margined instrument (the instruments it reduces)
     * @param action       stop the strategy, reduce its positions, or reduce then stop
     * @param reduction    the size of a reduction; null for {@link Action#STOP}
     * @param stopRatio    for {@link Action#REDUCE_THEN_STOP}: the ratio, in {@code (triggerRatio, 1)}, at which it
     *                     stops the strategy; NaN for the other actions
     * @throws IllegalArgumentException for a trigger outside {@code (0, 1)}, a reduction missing or given where it does
     *                                  not belong, a target margin ratio not below the trigger, or a stop ratio
     *                                  missing, out of range or given to another action
     */
    public MarginRatioBreaker(double triggerRatio, Map<Instrument, LeverageBrackets> brackets, Action action,
                              Reduction reduction, double stopRatio) {
        if (!(triggerRatio > 0 && triggerRatio < 1)) {
            throw new IllegalArgumentException("margin ratio breaker: triggerRatio must be in (0, 1), was "
                    + triggerRatio);
        }
        Objects.requireNonNull(action, "margin ratio breaker: action");
        if (action != Action.STOP && reduction == null) {
            throw new IllegalArgumentException("margin ratio breaker: action " + action + " needs a Reduction"
                    + " (Reduction.fraction or Reduction.toMarginRatio)");
        }
        if (action == Action.REDUCE_THEN_STOP ? !(stopRatio > triggerRatio && stopRatio < 1) : !Double.isNaN(stopRatio)) {
            throw new IllegalArgumentException("margin ratio breaker: " + (action == Action.REDUCE_THEN_STOP
                    ? "action REDUCE_THEN_STOP needs a stopRatio in (triggerRatio " + triggerRatio + ", 1), was "
                    : "only action REDUCE_THEN_STOP takes a stopRatio (NaN otherwise), " + action + " was given ")
                    + stopRatio);
        }
        if (action == Action.STOP && reduction != null) {
            throw new IllegalArgumentException("margin ratio breaker: action STOP closes everything and takes no"
                    + " reduction, was given " + reduction);
        }
        if (reduction != null && reduction.sizing() == Sizing.TARGET_MARGIN_RATIO && reduction.value() >= triggerRatio) {
            throw new IllegalArgumentException("margin ratio breaker: target margin ratio " + reduction.value()
                    + " must be below the trigger " + triggerRatio + " (else the reduction would not disarm it)");
        }
        this.triggerRatio = triggerRatio;
        this.action = action;
        this.reduction = reduction;
        this.stopRatio = stopRatio;
        this.calc = new MarginCalc(brackets);
    }

    /** A breaker that reduces the positions by {@code reduction} ({@link Action#REDUCE}). */
    public static MarginRatioBreaker reducing(double triggerRatio, Map<Instrument, LeverageBrackets> brackets,
                                              Reduction reduction) {
        return new MarginRatioBreaker(triggerRatio, brackets, Action.REDUCE, reduction);
    }

    /** Every reduce-only order asked for so far ({@link Action#REDUCE}). */
    public List<Reduce> reductions() {
        return List.copyOf(reductions);
    }

    /** The margin ratio of {@code portfolio} at the latest mids. */
    public double marginRatio(Portfolio portfolio) {
        calc.measure(portfolio, null, Double.NaN, gross, mm);
        return MaxMarginUsage.ratio(mm[MarginCalc.NOW], calc.equity(portfolio));
    }

    /** Every trip so far. */
    public List<Trip> trips() {
        return List.copyOf(trips);
    }

    @Override
    public void bind(RiskActions actions) {
        this.actions = Objects.requireNonNull(actions, "actions");
    }

    @Override
    public RiskDecision check(String strategyId, OrderRequest request, Portfolio portfolio, long nowNanos) {
        int k = index(strategyId, portfolio);
        if (!tripped.get(k)) {
            return RiskDecision.ACCEPT;
        }
        double price = calc.orderPrice(request);
        if (Double.isNaN(price)) {
            price = request.price();
        }
        calc.measure(portfolio, request, price, gross, mm);
        if (mm[MarginCalc.AFTER] > mm[MarginCalc.NOW]) {
            return RiskDecision.reject(REASON_CODE, "strategy " + strategyId + " is stopped by the margin ratio"
                    + " breaker (trigger " + triggerRatio + ", ratio " + marginRatio(portfolio) + "): "
                    + request.instrument().id() + " " + request.side() + " " + request.qty() + " would add margin");
        }
        return RiskDecision.ACCEPT;
    }

    @Override
    public boolean needsMarketData() {
        return true;
    }

    @Override
    public void onMarketData(Instrument instrument, double mid, long nowNanos) {
        calc.mid(instrument, mid);
        for (int k = 0, n = ids.size(); k < n; k++) {
            evaluate(k, nowNanos);
        }
    }

    @Override
    public void onMark(String strategyId, Portfolio portfolio, long nowNanos) {
        evaluate(index(strategyId, portfolio), nowNanos);
    }

    @Override
    public void onFill(String strategyId, Fill fill, Portfolio portfolio, long nowNanos) {
        evaluate(index(strategyId, portfolio), nowNanos);
    }

    private int index(String strategyId, Portfolio portfolio) {
        int k = ids.indexOf(strategyId);
        if (k < 0) {
            ids.add(strategyId);
            portfolios.add(portfolio);
            tripped.add(Boolean.FALSE);
            stopped.add(Boolean.FALSE);
            k = ids.size() - 1;
        }
        return k;
    }

    private void evaluate(int k, long nowNanos) {
        String strategyId = ids.get(k);
        double ratio = marginRatio(portfolios.get(k));
        boolean was = tripped.get(k);
        boolean stopNow = action == Action.REDUCE_THEN_STOP && ratio >= stopRatio && !stopped.get(k);
        if (ratio >= triggerRatio && !was) {
            tripped.set(k, Boolean.TRUE);
            trips.add(new Trip(strategyId, nowNanos, ratio));
            String reason = "margin ratio " + ratio + " >= trigger " + triggerRatio;
            if (action == Action.STOP) {
                actions.stopStrategy(strategyId, reason, nowNanos);
            } else if (!stopNow) {
                reduce(strategyId, portfolios.get(k), ratio, reason, nowNanos);
            }
        } else if (ratio < triggerRatio && was) {
            tripped.set(k, Boolean.FALSE);
            stopped.set(k, Boolean.FALSE);
        }
        if (stopNow) {
            stopped.set(k, Boolean.TRUE);
            actions.stopStrategy(strategyId, "margin ratio " + ratio + " >= stop ratio " + stopRatio
                    + " (reduced from the trigger " + triggerRatio + ")", nowNanos);
        }
    }

    /** The fraction of every margined position to close now (see the class Javadoc). */
    double reductionFraction(Portfolio portfolio) {
        if (reduction.sizing() == Sizing.FRACTION) {
            return reduction.value();
        }
        double equity = calc.equity(portfolio);
        if (!(equity > 0)) {
            return 1.0;
        }
        double target = reduction.value();
        if (mmAfter(portfolio, 0.0) / equity <= target) {
            return 0.0;
        }
        double lo = 0.0;
        double hi = 1.0;
        for (int it = 0; it < 60; it++) {
            double mid = 0.5 * (lo + hi);
            if (mmAfter(portfolio, mid) / equity <= target) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /** Maintenance margin with every margined position reduced by {@code fraction}, the others as they are. */
    private double mmAfter(Portfolio portfolio, double fraction) {
        double total = 0.0;
        for (Instrument inst : calc.tradedInstruments(portfolio)) {
            Position p = portfolio.position(inst);
            if (p.qty() != 0.0) {
                double v = Math.abs(inst.notional(calc.price(portfolio, inst, p), p.qty()));
                total += calc.mm(inst, calc.margined(inst) ? (1.0 - fraction) * v : v);
            }
        }
        return total;
    }

    private void reduce(String strategyId, Portfolio portfolio, double ratio, String reason, long nowNanos) {
        double f = reductionFraction(portfolio);
        for (Instrument inst : calc.tradedInstruments(portfolio)) {
            double q = Math.abs(portfolio.position(inst).qty());
            if (q == 0.0 || !calc.margined(inst) || f == 0.0) {
                continue;
            }
            double lot = inst.lotSize();
            double qty = Math.min(q, Math.ceil(f * q / lot - 1e-9) * lot);
            if (qty <= 0.0) {
                continue;
            }
            reductions.add(new Reduce(strategyId, inst, qty, nowNanos, ratio));
            actions.reducePosition(strategyId, inst, qty, reason + ": reduce " + inst.id() + " by " + qty + " of "
                    + q + " (" + reduction + ")", nowNanos);
        }
    }

    @Override
    public String toString() {
        return "MarginRatioBreaker[triggerRatio=" + triggerRatio + ", action=" + action
                + (reduction == null ? "" : ", reduction=" + reduction)
                + (Double.isNaN(stopRatio) ? "" : ", stopRatio=" + stopRatio) + "]";
    }
}
