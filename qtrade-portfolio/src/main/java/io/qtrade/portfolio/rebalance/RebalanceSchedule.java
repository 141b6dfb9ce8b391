package io.qtrade.portfolio.rebalance;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/**
 * When to rebalance, decided at the close of each date after the first rebalance.
 * <ul>
 * <li>{@link #monthly()}: on the first date of each new calendar month;</li>
 * <li>{@link #weekly()}: on the first date of each new ISO week;</li>
 * <li>{@link #everyPeriods(int)}: every k dates;</li>
 * <li>{@link #driftThreshold(double)}: when {@code max_i |w_i - target_i| > threshold}, the drifted weights against
 * the last target.</li>
 * </ul>
 */
@FunctionalInterface
public interface RebalanceSchedule {

    /**
     * @param previous     the date before, its close already processed
     * @param today        the date whose close this is
     * @param periodsSince dates since the last rebalance (1 the date after it)
     * @param drifted      weights held now, after today's returns, not modified
     * @param lastTarget   the weights set at the last rebalance, not modified
     */
    boolean rebalanceToday(LocalDate previous, LocalDate today, int periodsSince, double[] drifted,
                           double[] lastTarget);

    /** The first date of each month. */
    static RebalanceSchedule monthly() {
        return (previous, today, since, drifted, target) -> today.getYear() != previous.getYear()
                || today.getMonthValue() != previous.getMonthValue();
    }

    /** The first date of each ISO week. */
    static RebalanceSchedule weekly() {
        return (previous, today, since, drifted, target) -> today.get(IsoFields.WEEK_BASED_YEAR)
                != previous.get(IsoFields.WEEK_BASED_YEAR)
                || today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) != previous.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    /** Every k dates, k >= 1. */
    static RebalanceSchedule everyPeriods(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("rebalance schedule: every " + k + " periods, expected >= 1");
        }
        return (previous, today, since, drifted, target) -> since >= k;
    }

    /** When some weight has drifted more than {@code threshold} (absolute weight, e.g. 0.05) from its target. */
    static RebalanceSchedule driftThreshold(double threshold) {
        if (!(threshold >= 0.0)) {
            throw new IllegalArgumentException("rebalance schedule: drift threshold " + threshold + ", expected >= 0");
        }
        return (previous, today, since, drifted, target) -> {
            for (int i = 0; i < drifted.length; i++) {
                if (Math.abs(drifted[i] - target[i]) > threshold) {
                    return true;
                }
            }
            return false;
        };
    }
}
