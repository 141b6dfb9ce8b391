package io.qtrade.features.cointegration;

import tech.tablesaw.api.NumericColumn;

/** Input checks and Tablesaw conversion shared by the tests of this package. */
final class Series {

    private Series() {
    }

    /** Throws naming the first non-finite element. */
    static void requireFinite(double[] x, String name) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + x[i] + ": expected a finite value");
            }
        }
    }

    /** The column's values; refuses missing values, naming the row. */
    static double[] fromColumn(NumericColumn<?> column, String what) {
        if (column == null) {
            throw new NullPointerException(what);
        }
        double[] x = column.asDoubleArray();
        for (int i = 0; i < x.length; i++) {
            if (column.isMissing(i) || !Double.isFinite(x[i])) {
                throw new IllegalArgumentException(what + " '" + column.name() + "' row " + i
                        + ": missing or non-finite value " + x[i]);
            }
        }
        return x;
    }
}
