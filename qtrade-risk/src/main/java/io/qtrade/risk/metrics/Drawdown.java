package io.qtrade.risk.metrics;

/**
 * The maximum drawdown of a wealth path and where it happened.
 *
 * <pre>{@code
 * compounded (from returns):  W_0 = 1, W_t = prod_{s<=t} (1 + r_s);   DD_t = 1 - W_t / max_{s<=t} W_s
 * additive (from returns):    C_0 = 0, C_t = sum_{s<=t} r_s;          DD_t = max_{s<=t} C_s - C_t
 * from equity E_0..E_n:       DD_t = 1 - E_t / max_{s<=t} E_s          (amountDrawdown = max_{s<=t} E_s - E_t)
 * maxDrawdown = max_t DD_t  (a positive number, 0 for a path that never falls)
 * }</pre>
 *
 * Indices are in the wealth path, where 0 is the initial wealth before the first return, so the return at array
 * index {@code i} moves the path from index {@code i} to {@code i + 1}. The peak is the first index of the running
 * maximum that the deepest trough is measured from (the earliest trough on ties); the recovery the first index after
 * the trough where the path is back at or above the peak. Duration in periods: peak to recovery, or peak to the last
 * index when it has not recovered. The longest underwater spell is the longest run of indices below the running
 * maximum (plus the new high that ends it), whatever its depth. A path that never falls has peak, trough and
 * recovery at index 0 and lasts 0 periods.
 *
 * <p>Reference: Magdon-Ismail and Atiya (2004), "Maximum drawdown", <i>Risk</i> 17(10), 99-102 (definition);
 * checked against numpy in {@code refcases/performance_metrics_expected.json}.
 *
 * @param maxDrawdown              the deepest drawdown: a fraction of the peak (compounded, equity) or a sum of
 *                                 returns (additive); positive
 * @param maxDrawdownAmount        the deepest drawdown in the path's own units (equity currency, or wealth per 1 at
 *                                 the start); for the additive path the same as {@code maxDrawdown}
 * @param peakIndex                index of the peak in the wealth path
 * @param troughIndex              index of the trough in the wealth path
 * @param recoveryIndex            first index at or above the peak after the trough, {@link #NOT_RECOVERED} if none
 * @param durationPeriods          periods from peak to recovery (or to the last index if not recovered)
 * @param longestUnderwaterPeriods the longest spell below a previous high, in periods
 */
public record Drawdown(double maxDrawdown, double maxDrawdownAmount, int peakIndex, int troughIndex,
                       int recoveryIndex, int durationPeriods, int longestUnderwaterPeriods) {

    /** {@link #recoveryIndex()} of a drawdown the path has not recovered from. */
    public static final int NOT_RECOVERED = -1;

    /** Whether the path got back to the peak after the trough. */
    public boolean recovered() {
        return recoveryIndex != NOT_RECOVERED;
    }

    /**
     * The drawdown's duration in time: from the peak to the recovery (or to the last timestamp).
     *
     * @param tsNanos the timestamps of the wealth path (index 0 = the initial wealth), not modified
     */
    public long durationNanos(long[] tsNanos) {
        int end = recovered() ? recoveryIndex : tsNanos.length - 1;
        if (end >= tsNanos.length || peakIndex >= tsNanos.length) {
            throw new IllegalArgumentException("drawdown: tsNanos has " + tsNanos.length + " entries, the path needs "
                    + (Math.max(end, peakIndex) + 1));
        }
        return tsNanos[end] - tsNanos[peakIndex];
    }

    /**
     * Compounded drawdown of simple returns: wealth starts at 1 and compounds.
     *
     * @param returns simple returns, finite, each > -1 (not modified)
     */
    public static Drawdown ofReturnsCompounded(double[] returns) {
        PerformanceMetrics.requireReturns(returns, "returns");
        double[] w = new double[returns.length + 1];
        w[0] = 1.0;
        for (int i = 0; i < returns.length; i++) {
            w[i + 1] = w[i] * (1.0 + returns[i]);
        }
        return ofPath(w, false);
    }

    /**
     * Additive drawdown of returns: the cumulative sum from 0, the drawdown measured in return units (right for
     * returns on a constant capital, or PnL per unit of capital).
     *
     * @param returns returns, finite (not modified)
     */
    public static Drawdown ofReturnsAdditive(double[] returns) {
        PerformanceMetrics.requireFinite(returns, "returns");
        double[] c = new double[returns.length + 1];
        for (int i = 0; i < returns.length; i++) {
            c[i + 1] = c[i] + returns[i];
        }
        return ofPath(c, true);
    }

    /**
     * Drawdown of an equity path, as a fraction of the running peak ({@code maxDrawdownAmount} in currency).
     *
     * @param equity equity values E_0..E_n, finite, > 0 (not modified)
     */
    public static Drawdown ofEquity(double[] equity) {
        PerformanceMetrics.requireFinite(equity, "equity");
        for (int i = 0; i < equity.length; i++) {
            if (!(equity[i] > 0.0)) {
                throw new IllegalArgumentException("equity[" + i + "] = " + equity[i]
                        + ", expected > 0 for a drawdown as a fraction of the peak");
            }
        }
        return ofPath(equity, false);
    }

    private static Drawdown ofPath(double[] w, boolean additive) {
        if (w.length == 0) {
            throw new IllegalArgumentException("drawdown: empty path");
        }
        double peak = w[0];
        int peakAt = 0;
        double best = 0.0;
        double bestAmount = 0.0;
        int bestPeak = 0;
        int bestTrough = 0;
        int longest = 0;
        for (int t = 1; t < w.length; t++) {
            if (w[t] >= peak) {
                longest = Math.max(longest, t - peakAt - 1 > 0 ? t - peakAt : 0);
                peak = w[t];
                peakAt = t;
                continue;
            }
            double amount = peak - w[t];
            double dd = additive ? amount : 1.0 - w[t] / peak;
            if (dd > best) {
                best = dd;
                bestAmount = amount;
                bestPeak = peakAt;
                bestTrough = t;
            }
        }
        longest = Math.max(longest, w.length - 1 - peakAt);
        // A path that never falls: peak = trough = recovery = 0, duration 0.
        int recovery = best > 0.0 ? NOT_RECOVERED : 0;
        if (best > 0.0) {
            double level = w[bestPeak];
            for (int t = bestTrough + 1; t < w.length; t++) {
                if (w[t] >= level) {
                    recovery = t;
                    break;
                }
            }
        }
        int duration = best > 0.0 ? (recovery == NOT_RECOVERED ? w.length - 1 : recovery) - bestPeak : 0;
        return new Drawdown(best, bestAmount, bestPeak, bestTrough, recovery, duration, longest);
    }
}
