package io.qtrade.strategies.pairs;

/**
 * The outcome of one {@link CointegrationTest} on a window.
 *
 * @param accepted  whether cointegration is accepted
 * @param statistic the test's statistic (Engle-Granger: the p-value; Johansen: the trace statistic for rank 0)
 * @param threshold what the statistic was compared with (the largest accepted p-value; the critical value)
 */
public record CointegrationVerdict(boolean accepted, double statistic, double threshold) {

    /** The verdict before any test ran: not accepted, statistic and threshold NaN. */
    public static final CointegrationVerdict NONE = new CointegrationVerdict(false, Double.NaN, Double.NaN);
}
