package io.qtrade.portfolio.factor;

import java.util.Arrays;

/** Ranks and correlations over the finite pairs of two cross-sections. */
final class Ranks {

    private Ranks() {
    }

    /** Average ranks (1-based, ties get the mean of their positions; scipy {@code rankdata(method='average')}). */
    static double[] average(double[] x) {
        int n = x.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(x[a], x[b]));
        double[] r = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && x[idx[j + 1]] == x[idx[i]]) {
                j++;
            }
            double avg = 0.5 * (i + j) + 1.0;
            for (int k = i; k <= j; k++) {
                r[idx[k]] = avg;
            }
            i = j + 1;
        }
        return r;
    }

    /** Pearson correlation; NaN for fewer than 2 points or a constant input. */
    static double pearson(double[] a, double[] b) {
        int n = a.length;
        if (n < 2) {
            return Double.NaN;
        }
        double ma = 0.0;
        double mb = 0.0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0.0;
        double saa = 0.0;
        double sbb = 0.0;
        for (int i = 0; i < n; i++) {
            double da = a[i] - ma;
            double db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        if (saa == 0.0 || sbb == 0.0) {
            return Double.NaN;
        }
        return sab / Math.sqrt(saa * sbb);
    }

    /** The pairs (a_i, b_i) where both are finite, as two arrays. */
    static double[][] finitePairs(double[] a, double[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (Double.isFinite(a[i]) && Double.isFinite(b[i])) {
                n++;
            }
        }
        double[] x = new double[n];
        double[] y = new double[n];
        int k = 0;
        for (int i = 0; i < a.length; i++) {
            if (Double.isFinite(a[i]) && Double.isFinite(b[i])) {
                x[k] = a[i];
                y[k] = b[i];
                k++;
            }
        }
        return new double[][] {x, y};
    }
}
