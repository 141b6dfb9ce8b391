package io.qtrade.risk.metrics;

import java.util.Arrays;
import java.util.Objects;

/**
 * Historical (non-parametric) value at risk and expected shortfall: from the empirical distribution of the returns.
 *
 * <pre>{@code
 * VaR_a = -Q_{1-a}(r)                                   Q under the chosen QuantileMethod
 * ES_a  = -mean{ r_t : r_t <= Q_{1-a}(r) }              (TailRule.AT_OR_BELOW_QUANTILE)
 * ES_a  = -mean of the k smallest returns, k = ceil(n (1 - a))     (TailRule.K_SMALLEST)
 * }</pre>
 *
 * {@code k} is computed with a relative tolerance of 1e-12, so that {@code 100 (1 - 0.95)}, which is
 * 5.000000000000004 in doubles, gives the 5 smallest returns rather than 6; at least one return is averaged.
 *
 * <p>References: P. Jorion (2006), <i>Value at Risk</i>, 3rd ed., ch. 5 (historical simulation); C. Acerbi and D.
 * Tasche (2002), "On the coherence of expected shortfall", <i>J. Banking &amp; Finance</i> 26(7), 1487-1503 (the
 * k-smallest tail mean). Checked against numpy 1.24 in {@code refcases/performance_metrics_expected.json} for all 7
 * quantile rules at 95 % and 99 %.
 */
public final class HistoricalVar implements TailRisk {

    /** Which returns the expected shortfall averages. */
    public enum TailRule {
        /** Every return at or below the VaR quantile (under this estimator's quantile rule). */
        AT_OR_BELOW_QUANTILE,
        /** The {@code k = ceil(n (1 - a))} smallest returns (at least one). */
        K_SMALLEST
    }

    private final double confidence;
    private final QuantileMethod quantileMethod;
    private final TailRule tailRule;

    /**
     * A historical estimator.
     *
     * @param confidence     the confidence level, in (0, 1)
     * @param quantileMethod the sample quantile rule of the VaR (and of the ES's threshold)
     * @param tailRule       which returns the ES averages
     */
    public HistoricalVar(double confidence, QuantileMethod quantileMethod, TailRule tailRule) {
        this.confidence = TailRisk.requireConfidence(confidence);
        this.quantileMethod = Objects.requireNonNull(quantileMethod, "quantileMethod");
        this.tailRule = Objects.requireNonNull(tailRule, "tailRule");
    }

    /** Linear quantile (numpy's default), ES over the returns at or below it. */
    public HistoricalVar(double confidence) {
        this(confidence, QuantileMethod.LINEAR, TailRule.AT_OR_BELOW_QUANTILE);
    }

    @Override
    public double confidence() {
        return confidence;
    }

    /** The quantile rule. */
    public QuantileMethod quantileMethod() {
        return quantileMethod;
    }

    /** The tail rule of the expected shortfall. */
    public TailRule tailRule() {
        return tailRule;
    }

    @Override
    public double valueAtRisk(double[] returns) {
        return -quantileMethod.ofSorted(sorted(returns), 1.0 - confidence);
    }

    @Override
    public double expectedShortfall(double[] returns) {
        double[] s = sorted(returns);
        int n = s.length;
        int k;
        if (tailRule == TailRule.K_SMALLEST) {
            k = Math.max(1, (int) Math.ceil(n * (1.0 - confidence) - 1e-12 * n));
        } else {
            double q = quantileMethod.ofSorted(s, 1.0 - confidence);
            k = 0;
            while (k < n && s[k] <= q) {
                k++;
            }
        }
        double sum = 0.0;
        for (int i = 0; i < k; i++) {
            sum += s[i];
        }
        return -sum / k;
    }

    private static double[] sorted(double[] returns) {
        PerformanceMetrics.requireFinite(returns, "returns");
        if (returns.length == 0) {
            throw new IllegalArgumentException("returns: empty, expected at least one return");
        }
        double[] s = returns.clone();
        Arrays.sort(s);
        return s;
    }

    @Override
    public String toString() {
        return "HistoricalVar[confidence=" + confidence + ", quantileMethod=" + quantileMethod + ", tailRule="
                + tailRule + "]";
    }
}
