package io.qtrade.ml.evaluation;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The information coefficient: the correlation between a signal's scores and the returns that followed
 * (Grinold and Kahn, <i>Active Portfolio Management</i>, 2nd ed., 2000, ch. 6), in its rank (Spearman) and linear
 * (Pearson) forms:
 *
 * <pre>{@code
 * IC_rank    = Pearson(rank(score), rank(forwardReturn))             average ranks for ties (scipy.stats.spearmanr)
 * p-value    = 2 P(T_{n-2} > |t|),  t = IC sqrt((n-2) / (1 - IC^2))   (scipy's two-sided test)
 * }</pre>
 *
 * @param spearman the rank IC
 * @param spearmanPValue two-sided p-value of the rank IC against 0
 * @param pearson  the linear IC
 * @param n        number of pairs
 */
public record InformationCoefficient(double spearman, double spearmanPValue, double pearson, int n) {

    /**
     * @param score         the signal at each decision, not modified
     * @param forwardReturn the return realised after each decision, not modified
     */
    public static InformationCoefficient of(double[] score, double[] forwardReturn) {
        int n = score.length;
        if (forwardReturn.length != n || n < 3) {
            throw new IllegalArgumentException(n + " scores and " + forwardReturn.length
                    + " returns: need equal counts, at least 3");
        }
        double rho = pearson(Ranks.average(score), Ranks.average(forwardReturn));
        double p;
        if (Math.abs(rho) >= 1) {
            p = 0;
        } else {
            double t = rho * Math.sqrt((n - 2) / ((1 - rho) * (1 + rho)));
            p = 2 * (1 - new TDistribution(null, n - 2).cumulativeProbability(Math.abs(t)));
        }
        return new InformationCoefficient(rho, p, pearson(score, forwardReturn), n);
    }

    static double pearson(double[] a, double[] b) {
        int n = a.length;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
