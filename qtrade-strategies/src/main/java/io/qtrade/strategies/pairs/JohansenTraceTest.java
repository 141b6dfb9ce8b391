package io.qtrade.strategies.pairs;

import io.qtrade.features.cointegration.Johansen;
import io.qtrade.features.cointegration.JohansenResult;

/**
 * Accepts cointegration when the Johansen trace test ({@link Johansen}) rejects rank 0 for the pair [y, x]:
 * <pre>{@code
 * trace_0 = -T (ln(1 - lambda_1) + ln(1 - lambda_2)) > cv_0(level)
 * }</pre>
 * with the MacKinnon-Haug-Michelis (1999) critical value at 90, 95 or 99%. Johansen, S. (1991), Econometrica 59(6),
 * 1551-1580. Immutable.
 */
public final class JohansenTraceTest implements CointegrationTest {

    private final Johansen test;
    private final int level;

    /**
     * A trace test.
     *
     * @param detOrder       deterministic terms as statsmodels' {@code det_order}: -1, 0 or 1
     * @param lagDifferences lagged differences {@code k_ar_diff}, {@code >= 0}
     * @param level          {@link JohansenResult#LEVEL_90}, {@link JohansenResult#LEVEL_95} or
     *                       {@link JohansenResult#LEVEL_99}
     */
    public JohansenTraceTest(int detOrder, int lagDifferences, int level) {
        if (level < JohansenResult.LEVEL_90 || level > JohansenResult.LEVEL_99) {
            throw new IllegalArgumentException("Johansen level " + level
                    + ": expected LEVEL_90 (0), LEVEL_95 (1) or LEVEL_99 (2)");
        }
        this.test = new Johansen(detOrder, lagDifferences);
        this.level = level;
    }

    /** Constant, one lagged difference, 95%. */
    public static JohansenTraceTest atFivePercent() {
        return new JohansenTraceTest(0, 1, JohansenResult.LEVEL_95);
    }

    @Override
    public CointegrationVerdict test(double[] y, double[] x) {
        JohansenResult r = test.test(y, x);
        double trace = r.traceStatistics()[0];
        double critical = r.traceCriticalValues()[0][level];
        return new CointegrationVerdict(trace > critical, trace, critical);
    }

    @Override
    public String toString() {
        return "JohansenTraceTest[" + test + ", level=" + level + "]";
    }
}
