package io.qtrade.ml.evaluation;

import java.util.Arrays;
import java.util.Comparator;

/** Ranks 1..n with ties given their average rank (scipy.stats.rankdata 'average'). */
final class Ranks {
    private Ranks() {
    }

    static double[] average(double[] v) {
        int n = v.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(v[i])) {
                throw new IllegalArgumentException("value " + i + " is NaN; ranks need numbers");
            }
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
        double[] r = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[order[k]] = avg;
            }
            i = j + 1;
        }
        return r;
    }
}
