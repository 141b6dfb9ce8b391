package io.qtrade.portfolio.factor;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A factor and the prices it is tested against, as aligned {@code T x N} matrices (rows are dates, oldest first;
 * columns are assets). A missing factor value or price is NaN and the asset is left out of that date's
 * cross-section.
 *
 * @param dates  T dates
 * @param assets N asset names
 * @param factor {@code T x N} factor values known at the close of each date
 * @param prices {@code T x N} closing prices (forward returns {@code P_{t+h}/P_t - 1} are computed from them)
 */
public record FactorData(LocalDate[] dates, String[] assets, double[][] factor, double[][] prices) {

    /** Validates shapes. */
    public FactorData {
        int t = dates.length;
        int n = assets.length;
        if (factor.length != t || prices.length != t) {
            throw new IllegalArgumentException("factor data: " + t + " dates, but " + factor.length
                    + " factor rows and " + prices.length + " price rows");
        }
        for (int k = 0; k < t; k++) {
            if (factor[k].length != n || prices[k].length != n) {
                throw new IllegalArgumentException("factor data: row " + k + " (" + dates[k] + ") has "
                        + factor[k].length + " factor and " + prices[k].length + " price columns, expected " + n);
            }
            if (k > 0 && !dates[k].isAfter(dates[k - 1])) {
                throw new IllegalArgumentException("factor data: dates are not increasing at row " + k + " ("
                        + dates[k - 1] + " then " + dates[k] + ")");
            }
        }
    }

    /**
     * Reads a long table (alphalens' layout: one row per date and asset).
     *
     * @param table  assets keep their order of first appearance, dates are sorted; with a date column, a string asset column, double factor and price columns
     */
    public static FactorData fromTable(Table table, String dateColumn, String assetColumn, String factorColumn,
                                       String priceColumn) {
        DateColumn d = table.dateColumn(dateColumn);
        StringColumn a = table.stringColumn(assetColumn);
        DoubleColumn f = table.doubleColumn(factorColumn);
        DoubleColumn p = table.doubleColumn(priceColumn);
        TreeSet<LocalDate> dateSet = new TreeSet<>();
        java.util.LinkedHashSet<String> assetSet = new java.util.LinkedHashSet<>();
        for (int r = 0; r < table.rowCount(); r++) {
            if (d.isMissing(r) || a.isMissing(r)) {
                throw new IllegalArgumentException("factor table: row " + r + " has no " + (d.isMissing(r)
                        ? dateColumn : assetColumn));
            }
            dateSet.add(d.get(r));
            assetSet.add(a.get(r));
        }
        LocalDate[] dates = dateSet.toArray(new LocalDate[0]);
        String[] assets = assetSet.toArray(new String[0]);
        Map<LocalDate, Integer> di = new HashMap<>();
        for (int k = 0; k < dates.length; k++) {
            di.put(dates[k], k);
        }
        Map<String, Integer> ai = new HashMap<>();
        for (int k = 0; k < assets.length; k++) {
            ai.put(assets[k], k);
        }
        double[][] fm = new double[dates.length][assets.length];
        double[][] pm = new double[dates.length][assets.length];
        for (double[] row : fm) {
            Arrays.fill(row, Double.NaN);
        }
        for (double[] row : pm) {
            Arrays.fill(row, Double.NaN);
        }
        boolean[][] seen = new boolean[dates.length][assets.length];
        for (int r = 0; r < table.rowCount(); r++) {
            int t = di.get(d.get(r));
            int i = ai.get(a.get(r));
            if (seen[t][i]) {
                throw new IllegalArgumentException("factor table: row " + r + " repeats " + a.get(r) + " on "
                        + d.get(r));
            }
            seen[t][i] = true;
            fm[t][i] = f.isMissing(r) ? Double.NaN : f.getDouble(r);
            pm[t][i] = p.isMissing(r) ? Double.NaN : p.getDouble(r);
        }
        return new FactorData(dates, assets, fm, pm);
    }

    /** T. */
    public int dateCount() {
        return dates.length;
    }

    /** N. */
    public int assetCount() {
        return assets.length;
    }

    /**
     * Forward returns over h dates: {@code fwd[t][i] = P[t+h][i] / P[t][i] - 1}, NaN for the last h dates and where
     * a price is missing.
     */
    public double[][] forwardReturns(int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("forward returns: horizon " + horizon + ", expected >= 1");
        }
        int t = dates.length;
        int n = assets.length;
        double[][] out = new double[t][n];
        for (int k = 0; k < t; k++) {
            for (int i = 0; i < n; i++) {
                out[k][i] = k + horizon < t ? prices[k + horizon][i] / prices[k][i] - 1.0 : Double.NaN;
                if (!Double.isFinite(out[k][i])) {
                    out[k][i] = Double.NaN;
                }
            }
        }
        return out;
    }

    /** The data in the long layout (date, asset, factor, price), rows by date then asset. */
    public Table toTable(String name) {
        DateColumn d = DateColumn.create("date");
        StringColumn a = StringColumn.create("asset");
        DoubleColumn f = DoubleColumn.create("factor");
        DoubleColumn p = DoubleColumn.create("price");
        for (int k = 0; k < dates.length; k++) {
            for (int i = 0; i < assets.length; i++) {
                d.append(dates[k]);
                a.append(assets[i]);
                f.append(factor[k][i]);
                p.append(prices[k][i]);
            }
        }
        return Table.create(name, d, a, f, p);
    }
}
