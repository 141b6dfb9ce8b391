package io.qtrade.ml.evaluation;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Out-of-sample metrics of a binary classifier's probabilities, as scikit-learn 1.2 computes them, plus a binomial
 * test of the accuracy against a coin:
 *
 * <pre>{@code
 * class_i     = 1 if p_i > threshold else 0                         (threshold 0.5: sklearn's predict)
 * accuracy    = mean(class_i == y_i)
 * precision   = TP / (TP + FP),  recall = TP / (TP + FN),  F1 = 2 PR / (P + R)   of class 1 (0 when undefined,
 *               sklearn's zero_division behaviour)
 * ROC AUC     = P(p_pos > p_neg) + 0.5 P(p_pos = p_neg)             (Mann-Whitney with average ranks; equals
 *               sklearn's trapezoidal roc_auc_score, ties included)
 * log loss    = -mean(y ln p + (1-y) ln(1-p)),  p clipped to [1e-15, 1-1e-15] as sklearn 1.2
 * Brier       = mean((p - y)^2)
 * binomial p  = P(X >= k) for X ~ Binomial(n, 0.5), k correct (one-sided: better than a coin); the two-sided
 *               value 2 min(P(X <= k), P(X >= k)) capped at 1 (scipy.stats.binomtest) is given too
 * }</pre>
 *
 * @param n                 number of rows
 * @param positives         rows with {@code y = 1}
 * @param accuracy          fraction classified correctly
 * @param precision         of class 1
 * @param recall            of class 1
 * @param f1                of class 1
 * @param rocAuc            area under the ROC curve (NaN when one class is absent)
 * @param logLoss           mean negative log-likelihood
 * @param brier             mean squared error of the probabilities
 * @param binomialPValueGreater   one-sided p-value of the accuracy against 50 %
 * @param binomialPValueTwoSided  two-sided p-value against 50 %
 */
public record ClassificationMetrics(int n, int positives, double accuracy, double precision, double recall, double f1,
                                    double rocAuc, double logLoss, double brier, double binomialPValueGreater,
                                    double binomialPValueTwoSided) {

    private static final double LOG_LOSS_EPS = 1e-15;

    /** Metrics with the 0.5 threshold. */
    public static ClassificationMetrics of(int[] y, double[] probability) {
        return of(y, probability, 0.5);
    }

    /**
     * @param y           labels 0 or 1, not modified
     * @param probability predicted probabilities of class 1, in [0, 1], not modified
     * @param threshold   class 1 when {@code p > threshold}
     */
    public static ClassificationMetrics of(int[] y, double[] probability, double threshold) {
        int n = y.length;
        if (probability.length != n || n == 0) {
            throw new IllegalArgumentException(n + " labels and " + probability.length
                    + " probabilities: need equal, non-zero counts");
        }
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int correct = 0;
        int positives = 0;
        double ll = 0;
        double brier = 0;
        for (int i = 0; i < n; i++) {
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("label " + i + " must be 0 or 1, got " + y[i]);
            }
            double p = probability[i];
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("probability " + i + " must be in [0, 1], got " + p);
            }
            int c = p > threshold ? 1 : 0;
            positives += y[i];
            if (c == y[i]) {
                correct++;
            }
            if (c == 1 && y[i] == 1) {
                tp++;
            } else if (c == 1) {
                fp++;
            } else if (y[i] == 1) {
                fn++;
            }
            double pc = Math.min(Math.max(p, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
            ll -= y[i] == 1 ? Math.log(pc) : Math.log(1 - pc);
            brier += (p - y[i]) * (p - y[i]);
        }
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        BinomialDistribution coin = new BinomialDistribution(null, n, 0.5);
        double greater = correct == 0 ? 1.0 : 1 - coin.cumulativeProbability(correct - 1);
        double less = coin.cumulativeProbability(correct);
        double twoSided = Math.min(1.0, 2 * Math.min(greater, less));
        return new ClassificationMetrics(n, positives, (double) correct / n, precision, recall, f1,
                rocAuc(y, probability), ll / n, brier / n, greater, twoSided);
    }

    /** ROC AUC by the rank-sum (average ranks for ties); NaN when one class is absent. */
    public static double rocAuc(int[] y, double[] score) {
        double[] ranks = Ranks.average(score);
        double sumPos = 0;
        long pos = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] == 1) {
                sumPos += ranks[i];
                pos++;
            }
        }
        long neg = y.length - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (sumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }
}
