package io.qtrade.portfolio.rebalance;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * One rebalance decided by a {@link RebalancingStrategy} in the bar engine.
 * <pre>{@code
 * turnover = sum_i |target_i - held_i|      (weights of equity at the decision close)
 * }</pre>
 *
 * @param barIndex the bar time's number (0 = the first bar time the strategy saw)
 * @param ts       the bar time, epoch nanoseconds
 * @param date     the date of the bar (the zone's date of {@code ts - 1 ns}, the last instant the bar covers)
 * @param held     weights held at the decision (position value over equity at the latest closes), copied
 * @param target   the weights sent to {@code rebalanceToWeights} (the rule's weights times the invested fraction),
 *                 copied
 * @param orders   orders the engine sent (after lot rounding and the minimum trade size)
 */
public record StrategyRebalance(int barIndex, long ts, LocalDate date, double[] held, double[] target, int orders) {

    /** Copies the arrays. */
    public StrategyRebalance {
        held = held.clone();
        target = target.clone();
    }

    /** {@code sum_i |target_i - held_i|}. */
    public double turnover() {
        double s = 0.0;
        for (int i = 0; i < held.length; i++) {
            s += Math.abs(target[i] - held[i]);
        }
        return s;
    }

    @Override
    public double[] held() {
        return held.clone();
    }

    @Override
    public double[] target() {
        return target.clone();
    }

    @Override
    public String toString() {
        return "StrategyRebalance[" + date + ", bar " + barIndex + ", held=" + Arrays.toString(held) + ", target="
                + Arrays.toString(target) + ", orders=" + orders + "]";
    }
}
