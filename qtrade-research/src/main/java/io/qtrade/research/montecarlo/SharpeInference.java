package io.qtrade.research.montecarlo;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * How much an observed Sharpe ratio can be trusted, given the sample's length, skew and kurtosis (the probabilistic
 * Sharpe ratio) and also the number of strategies or parameter sets tried to find it (the deflated Sharpe ratio).
 * Sharpe ratios here are per period (not annualised); kurtosis is the raw fourth standardised moment (3 for a normal).
 *
 * <pre>{@code
 * PSR(SR*) = Phi( (SR - SR*) * sqrt(n - 1) / sqrt(1 - skew * SR + (kurtosis - 1) / 4 * SR^2) )
 * SR0      = sqrt(V) * ( (1 - g) * Phi^-1(1 - 1/N) + g * Phi^-1(1 - 1/(N e)) ),   g = 0.5772156649 (Euler-Mascheroni)
 * DSR      = PSR(SR0)
 * }</pre>
 * where {@code n} is the number of returns, {@code N} the number of independent trials and {@code V} the variance of
 * their Sharpe ratios (per period). References: Bailey and López de Prado (2012), "The Sharpe ratio efficient
 * frontier", Journal of Risk 15(2) (PSR); Bailey and López de Prado (2014), "The deflated Sharpe ratio: correcting for
 * selection bias, backtest overfitting and non-normality", Journal of Portfolio Management 40(5), 94-107 (SR0, DSR;
 * its numerical example, SR0 = 0.1132 and DSR = 0.9004, is a test here).
 */
public final class SharpeInference {

    /** The Euler-Mascheroni constant. */
    public static final double EULER_MASCHERONI = 0.5772156649015329;

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0.0, 1.0);

    private SharpeInference() {
    }

    /**
     * The probability that the true Sharpe ratio exceeds {@code benchmark}, given the observed one.
     *
     * @param sharpe    observed Sharpe ratio per period
     * @param benchmark the benchmark Sharpe ratio per period (0: is there any skill?)
     * @param n         number of returns behind {@code sharpe}, {@code >= 2}
     * @param skew      skewness of the returns
     * @param kurtosis  raw kurtosis of the returns (3 for normal)
     * @throws IllegalArgumentException for {@code n < 2}, a non-finite input, or moments that make the variance of
     *                                  the estimate non-positive
     */
    public static double probabilisticSharpeRatio(double sharpe, double benchmark, long n, double skew,
                                                  double kurtosis) {
        if (n < 2) {
            throw new IllegalArgumentException("probabilistic Sharpe ratio: n = " + n + ", expected >= 2");
        }
        requireFinite("sharpe", sharpe);
        requireFinite("benchmark", benchmark);
        requireFinite("skew", skew);
        requireFinite("kurtosis", kurtosis);
        double variance = 1.0 - skew * sharpe + (kurtosis - 1.0) / 4.0 * sharpe * sharpe;
        if (!(variance > 0.0)) {
            throw new IllegalArgumentException("probabilistic Sharpe ratio: 1 - skew*SR + (kurtosis-1)/4*SR^2 = "
                    + variance + " for SR " + sharpe + ", skew " + skew + ", kurtosis " + kurtosis
                    + "; expected > 0 (is the kurtosis raw, 3 for a normal?)");
        }
        return NORMAL.cumulativeProbability((sharpe - benchmark) * Math.sqrt(n - 1.0) / Math.sqrt(variance));
    }

    /**
     * The Sharpe ratio per period that the best of {@code trials} independent strategies without skill is expected to
     * show: SR0 above.
     *
     * @param trials         number of independent trials N, {@code >= 2}
     * @param sharpeVariance variance V of the trials' Sharpe ratios, per period, {@code >= 0}
     */
    public static double expectedMaxSharpe(long trials, double sharpeVariance) {
        if (trials < 2) {
            throw new IllegalArgumentException("expected maximum Sharpe ratio: trials = " + trials
                    + ", expected >= 2 (with one trial there is no selection: use PSR with benchmark 0)");
        }
        if (!(sharpeVariance >= 0.0) || Double.isInfinite(sharpeVariance)) {
            throw new IllegalArgumentException("expected maximum Sharpe ratio: sharpeVariance = " + sharpeVariance
                    + ", expected finite and >= 0");
        }
        double g = EULER_MASCHERONI;
        return Math.sqrt(sharpeVariance) * ((1.0 - g) * NORMAL.inverseCumulativeProbability(1.0 - 1.0 / trials)
                + g * NORMAL.inverseCumulativeProbability(1.0 - 1.0 / (trials * Math.E)));
    }

    /**
     * The deflated Sharpe ratio: the probability that the true Sharpe ratio of the selected strategy exceeds what the
     * best of {@code trials} skill-less ones would show.
     *
     * @param sharpe         the selected strategy's observed Sharpe ratio per period
     * @param n              its number of returns
     * @param skew           skewness of its returns
     * @param kurtosis       raw kurtosis of its returns
     * @param trials         independent trials N, {@code >= 2}
     * @param sharpeVariance variance of the trials' Sharpe ratios per period
     */
    public static double deflatedSharpeRatio(double sharpe, long n, double skew, double kurtosis, long trials,
                                             double sharpeVariance) {
        return probabilisticSharpeRatio(sharpe, expectedMaxSharpe(trials, sharpeVariance), n, skew, kurtosis);
    }

    /** Skewness {@code m3 / m2^1.5} and raw kurtosis {@code m4 / m2^2} of {@code values} (population moments). */
    public static double[] skewAndKurtosis(double[] values) {
        if (values.length < 2) {
            throw new IllegalArgumentException("skew and kurtosis need >= 2 values, got " + values.length);
        }
        double[] m = io.qtrade.risk.metrics.PerformanceMetrics.centralMoments(values);
        if (!(m[1] > 0.0)) {
            throw new IllegalArgumentException("skew and kurtosis of a constant series are undefined");
        }
        return new double[] {m[2] / Math.pow(m[1], 1.5), m[3] / (m[1] * m[1])};
    }

    private static void requireFinite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("probabilistic Sharpe ratio: " + name + " = " + v + ", expected finite");
        }
    }
}
