package io.qtrade.features.cointegration;

/**
 * Which published table supplies the Johansen critical values (90%, 95%, 99%).
 *
 * <ul>
 *   <li>{@link #MACKINNON_HAUG_MICHELIS}: MacKinnon, Haug and Michelis (1999), J. Applied Econometrics 14(5),
 *       563-577, as statsmodels {@code coint_johansen} holds them ({@code n - r = 1..12}). Cases:
 *       {@link JohansenDeterministic#NONE} (det_order -1), {@link JohansenDeterministic#CONSTANT} (det_order 0),
 *       {@link JohansenDeterministic#DETRENDED} and {@link JohansenDeterministic#CONSTANT_RESTRICTED_TREND}
 *       (det_order 1, the trend case).</li>
 *   <li>{@link #OSTERWALD_LENUM}: Osterwald-Lenum (1992), Oxford Bull. Econ. Stat. 54(3), as urca {@code ca.jo}
 *       holds them ({@code n - r = 1..11}). Cases: {@link JohansenDeterministic#CONSTANT} (ecdet "none"),
 *       {@link JohansenDeterministic#RESTRICTED_CONSTANT} (ecdet "const"),
 *       {@link JohansenDeterministic#CONSTANT_RESTRICTED_TREND} (ecdet "trend").</li>
 * </ul>
 * A table chosen for a case it lacks is refused when the test is built; by default such cases get NaN critical
 * values. With more common trends than a table covers the critical values are NaN.
 */
public enum JohansenTable {
    /** MacKinnon-Haug-Michelis (1999), statsmodels' table. */
    MACKINNON_HAUG_MICHELIS,
    /** Osterwald-Lenum (1992), urca's table. */
    OSTERWALD_LENUM;

    /** Table row index for a deterministic choice, or -1 when this table has none. */
    int caseIndex(JohansenDeterministic det) {
        if (this == MACKINNON_HAUG_MICHELIS) {
            switch (det) {
                case NONE:
                    return 0;
                case CONSTANT:
                    return 1;
                case DETRENDED:
                case CONSTANT_RESTRICTED_TREND:
                    return 2;
                default:
                    return -1;
            }
        }
        switch (det) {
            case CONSTANT:
                return 0;
            case RESTRICTED_CONSTANT:
                return 1;
            case CONSTANT_RESTRICTED_TREND:
                return 2;
            default:
                return -1;
        }
    }

    /** Critical values [90, 95, 99%] for the trace (true) or max-eigenvalue statistic with {@code trends = n - r}. */
    double[] values(JohansenDeterministic det, boolean trace, int trends) {
        int c = caseIndex(det);
        double[][][] t;
        if (this == MACKINNON_HAUG_MICHELIS) {
            t = trace ? JohansenCriticalValues.TRACE : JohansenCriticalValues.MAX_EIGEN;
        } else {
            t = trace ? JohansenCriticalValues.OL_TRACE : JohansenCriticalValues.OL_MAX_EIGEN;
        }
        if (c < 0 || trends > t[c].length) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        return t[c][trends - 1].clone();
    }

    /** The default table for a deterministic choice: statsmodels' where it has one, else urca's. */
    static JohansenTable defaultFor(JohansenDeterministic det) {
        return MACKINNON_HAUG_MICHELIS.caseIndex(det) >= 0 && det != JohansenDeterministic.CONSTANT_RESTRICTED_TREND
                ? MACKINNON_HAUG_MICHELIS : OSTERWALD_LENUM;
    }
}
