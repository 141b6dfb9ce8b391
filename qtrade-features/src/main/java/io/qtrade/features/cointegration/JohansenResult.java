package io.qtrade.features.cointegration;

import java.util.Arrays;

/**
 * Result of the Johansen test; index {@code r = 0..m-1} is the null "rank at most r", as statsmodels' {@code lr1},
 * {@code lr2}, {@code cvt}, {@code cvm}.
 *
 * @param eigenvalues            {@code lambda_1 >= .. >= lambda_p}, in [0, 1); {@code p = m} plus one per
 *                               restricted deterministic term (its extra eigenvalue is 0 up to rounding, as urca's)
 * @param eigenvectors           {@code [row][column]}, p x p; column j is the cointegrating vector of
 *                               {@code lambda_j}, normalised so that {@code v' S_KK v = 1}, its first non-zero element
 *                               positive (statsmodels' scale); rows: the m series, then the restricted constant or
 *                               trend
 * @param traceStatistics        {@code -T sum_{i > r} ln(1 - lambda_i)}
 * @param maxEigenStatistics     {@code -T ln(1 - lambda_{r+1})}
 * @param traceCriticalValues    {@code [r][90%, 95%, 99%]}; NaN when {@code m - r > 12}
 * @param maxEigenCriticalValues {@code [r][90%, 95%, 99%]}; NaN when {@code m - r > 12}
 * @param effectiveNobs          T, the number of rows of the reduced-rank regression
 * @param deterministic          the deterministic terms
 * @param lagDifferences         number of lagged differences ({@code k_ar_diff}; urca's K - 1)
 * @param eigenvectorsNormalised the eigenvectors with each column divided by its first element (urca's {@code V})
 * @param table                  the table the critical values come from
 * @param spec                   urca's spec
 * @param seasons                period of the centred seasonal dummies, 0 without
 * @param loadings               urca's {@code W = S_0K V (V' S_KK V)^-1}, m x p, for the normalised vectors V: column j
 *                               is the loading of the j-th relation (for rank 1, column 0 is the VECM's alpha)
 * @param pi                     urca's {@code PI = S_0K S_KK^-1}, m x p: the unrestricted (full-rank) Pi, the restricted
 *                               terms' columns last
 */
public record JohansenResult(double[] eigenvalues, double[][] eigenvectors, double[] traceStatistics,
                             double[] maxEigenStatistics, double[][] traceCriticalValues,
                             double[][] maxEigenCriticalValues, int effectiveNobs,
                             JohansenDeterministic deterministic, int lagDifferences,
                             double[][] eigenvectorsNormalised, JohansenTable table, JohansenSpec spec,
                             int seasons, double[][] loadings, double[][] pi) {

    /** Index of the 90% critical value in a row of the critical-value tables. */
    public static final int LEVEL_90 = 0;
    /** Index of the 95% critical value. */
    public static final int LEVEL_95 = 1;
    /** Index of the 99% critical value. */
    public static final int LEVEL_99 = 2;

    /**
     * The statsmodels det_order of the deterministic terms.
     *
     * @return -1, 0 or 1
     * @throws IllegalStateException when statsmodels' coint_johansen has no equivalent
     * @deprecated use {@link #deterministic()}
     */
    @Deprecated
    public int detOrder() {
        return deterministic.statsmodelsDetOrder();
    }

    /**
     * The cointegration rank chosen by the sequential trace test: the first r whose trace statistic does not
     * exceed its critical value (m if every null is rejected).
     *
     * @param level {@link #LEVEL_90}, {@link #LEVEL_95} or {@link #LEVEL_99}
     * @return the rank, 0..m
     */
    public int rankByTrace(int level) {
        return rank(traceStatistics, traceCriticalValues, level);
    }

    /**
     * The cointegration rank chosen by the sequential maximum-eigenvalue test.
     *
     * @param level {@link #LEVEL_90}, {@link #LEVEL_95} or {@link #LEVEL_99}
     * @return the rank, 0..m
     */
    public int rankByMaxEigen(int level) {
        return rank(maxEigenStatistics, maxEigenCriticalValues, level);
    }

    private static int rank(double[] stats, double[][] crit, int level) {
        if (level < 0 || level > 2) {
            throw new IllegalArgumentException("level " + level
                    + ": expected LEVEL_90 (0), LEVEL_95 (1) or LEVEL_99 (2)");
        }
        for (int r = 0; r < stats.length; r++) {
            if (Double.isNaN(crit[r][level])) {
                throw new IllegalStateException("no critical value for rank " + r + " (" + (stats.length - r)
                        + " common trends): the table has none for this deterministic choice or this many series");
            }
            if (!(stats[r] > crit[r][level])) {
                return r;
            }
        }
        return stats.length;
    }

    @Override
    public String toString() {
        return "JohansenResult[deterministic=" + deterministic + ", lagDifferences=" + lagDifferences + ", T=" + effectiveNobs
                + ", eigenvalues=" + Arrays.toString(eigenvalues) + ", trace=" + Arrays.toString(traceStatistics)
                + ", maxEigen=" + Arrays.toString(maxEigenStatistics) + "]";
    }
}
