package io.qtrade.portfolio.rebalance;

import java.time.LocalDate;

/**
 * One rebalance at a date's close.
 *
 * @param index    row of the returns matrix
 * @param date     its date
 * @param before   weights held before trading (after drift)
 * @param target   weights after trading
 * @param turnover {@code sum_i |target_i - before_i|} (two-way: buying 10% and selling 10% is 0.2)
 * @param cost     {@code costRate * turnover}, the fraction of wealth paid
 */
public record RebalanceEvent(int index, LocalDate date, double[] before, double[] target, double turnover,
                             double cost) {
}
