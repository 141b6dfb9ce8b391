package io.qtrade.research.montecarlo;

import io.qtrade.risk.metrics.Drawdown;
import io.qtrade.risk.metrics.PerformanceMetrics;

import java.util.SplittableRandom;

/**
 * Monte Carlo of a result by bootstrap: resamples a series of trade PnLs or per-period returns
 * {@code resamples} times and gives the distributions of its final value, Sharpe ratio and maximum drawdown.
 *
 * <pre>{@code
 * ADDITIVE (PnLs, or returns on a constant capital):  final = sum x,            path C_t = sum_{s<=t} x_s,
 *                                                      maxDrawdown = max_t (max_{s<=t} C_s - C_t)
 * COMPOUNDED (returns reinvested):                     final = prod (1 + x) - 1, path W_t = prod_{s<=t} (1 + x_s),
 *                                                      maxDrawdown = max_t (1 - W_t / max_{s<=t} W_s)
 * sharpe = mean(x) / std(x, ddof 1) * sqrt(periodsPerYear)        (periodsPerYear 1: per period or per trade)
 * }</pre>
 * Resample {@code b} uses a {@link SplittableRandom} split from one seeded with {@code seed}, so the distributions are
 * the same for the same seed. Reference for the method: Efron and Tibshirani (1993), <i>An Introduction to the
 * Bootstrap</i>; for blocks, Politis and Romano (1994) ({@link Bootstrap}).
 *
 * <pre>{@code
 * MonteCarloResult mc = MonteCarlo.builder().values(tradePnls).resamples(10_000).seed(7)
 *         .bootstrap(Bootstrap.STATIONARY_BLOCK, 10).build().run();
 * mc.interval(MonteCarloResult.Statistic.FINAL, 0.95);   // [2.5 %, 97.5 %] percentile interval
 * }</pre>
 */
public final class MonteCarlo {

    /** How values accumulate into a path. */
    public enum Accumulation {
        /** Summed: PnLs, or returns on a constant capital. */
        ADDITIVE,
        /** Compounded: returns reinvested. */
        COMPOUNDED
    }

    private final double[] values;
    private final int resamples;
    private final long seed;
    private final Bootstrap bootstrap;
    private final double meanBlockLength;
    private final Accumulation accumulation;
    private final double periodsPerYear;

    private MonteCarlo(Builder b) {
        this.values = b.values.clone();
        this.resamples = b.resamples;
        this.seed = b.seed;
        this.bootstrap = b.bootstrap;
        this.meanBlockLength = b.meanBlockLength;
        this.accumulation = b.accumulation;
        this.periodsPerYear = b.periodsPerYear;
    }

    /** A Monte Carlo to configure. */
    public static Builder builder() {
        return new Builder();
    }

    /** Draws the resamples and measures each. */
    public MonteCarloResult run() {
        double[] finals = new double[resamples];
        double[] sharpes = new double[resamples];
        double[] drawdowns = new double[resamples];
        SplittableRandom root = new SplittableRandom(seed);
        double[] sample = new double[values.length];
        for (int b = 0; b < resamples; b++) {
            bootstrap.resample(values, meanBlockLength, root.split(), sample);
            finals[b] = finalValue(sample);
            sharpes[b] = sharpe(sample);
            drawdowns[b] = maxDrawdown(sample);
        }
        return new MonteCarloResult(finalValue(values), sharpe(values), maxDrawdown(values), finals, sharpes,
                drawdowns, this);
    }

    double finalValue(double[] x) {
        if (accumulation == Accumulation.ADDITIVE) {
            double s = 0.0;
            for (double v : x) {
                s += v;
            }
            return s;
        }
        return PerformanceMetrics.totalReturn(x);
    }

    double sharpe(double[] x) {
        double sd = PerformanceMetrics.std(x, 1);
        return sd == 0.0 ? Double.NaN : PerformanceMetrics.mean(x) / sd * Math.sqrt(periodsPerYear);
    }

    double maxDrawdown(double[] x) {
        return accumulation == Accumulation.ADDITIVE ? Drawdown.ofReturnsAdditive(x).maxDrawdown()
                : Drawdown.ofReturnsCompounded(x).maxDrawdown();
    }

    @Override
    public String toString() {
        return "MonteCarlo[n=" + values.length + ", resamples=" + resamples + ", seed=" + seed + ", bootstrap="
                + bootstrap + (bootstrap == Bootstrap.STATIONARY_BLOCK ? ", meanBlockLength=" + meanBlockLength : "")
                + ", accumulation=" + accumulation + ", periodsPerYear=" + periodsPerYear + "]";
    }

    /** Collects the settings; {@link #build()} checks them together. */
    public static final class Builder {
        private double[] values;
        private int resamples = 10_000;
        private long seed;
        private Bootstrap bootstrap = Bootstrap.IID;
        private double meanBlockLength = 1.0;
        private Accumulation accumulation = Accumulation.ADDITIVE;
        private double periodsPerYear = 1.0;

        private Builder() {
        }

        /** The series: trade PnLs or per-period returns (copied). */
        public Builder values(double[] values) {
            this.values = values.clone();
            return this;
        }

        /** Number of resamples (default 10,000). */
        public Builder resamples(int resamples) {
            this.resamples = resamples;
            return this;
        }

        /** The seed (default 0). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** {@link Bootstrap#IID} (default). */
        public Builder iid() {
            this.bootstrap = Bootstrap.IID;
            return this;
        }

        /** The scheme and, for {@link Bootstrap#STATIONARY_BLOCK}, its mean block length ({@code >= 1}). */
        public Builder bootstrap(Bootstrap scheme, double meanBlockLength) {
            this.bootstrap = scheme;
            this.meanBlockLength = meanBlockLength;
            return this;
        }

        /** {@link Accumulation#ADDITIVE} (default) or compounded. */
        public Builder accumulation(Accumulation accumulation) {
            this.accumulation = accumulation;
            return this;
        }

        /** Periods per year for the Sharpe ratio (default 1: not annualised). */
        public Builder periodsPerYear(double periodsPerYear) {
            this.periodsPerYear = periodsPerYear;
            return this;
        }

        /**
         * The Monte Carlo.
         *
         * @throws IllegalArgumentException naming every problem: fewer than 2 values, a non-finite value (with its
         *                                  index), a return at or below -1 when compounding, resamples < 1, a mean
         *                                  block length < 1, periods per year not > 0
         */
        public MonteCarlo build() {
            StringBuilder problems = new StringBuilder();
            if (values == null || values.length < 2) {
                problems.append("; values: need at least 2, got ").append(values == null ? 0 : values.length);
            } else {
                for (int i = 0; i < values.length; i++) {
                    if (!Double.isFinite(values[i])) {
                        problems.append("; values[").append(i).append("] = ").append(values[i])
                                .append(", expected finite");
                        break;
                    }
                    if (accumulation == Accumulation.COMPOUNDED && values[i] <= -1.0) {
                        problems.append("; values[").append(i).append("] = ").append(values[i])
                                .append(", a compounded return must be > -1");
                        break;
                    }
                }
            }
            if (resamples < 1) {
                problems.append("; resamples must be >= 1, was ").append(resamples);
            }
            if (bootstrap == null) {
                problems.append("; bootstrap must not be null");
            } else if (bootstrap == Bootstrap.STATIONARY_BLOCK && !(meanBlockLength >= 1.0)) {
                problems.append("; meanBlockLength must be >= 1, was ").append(meanBlockLength);
            }
            if (accumulation == null) {
                problems.append("; accumulation must not be null");
            }
            if (!(periodsPerYear > 0.0) || Double.isInfinite(periodsPerYear)) {
                problems.append("; periodsPerYear must be finite and > 0, was ").append(periodsPerYear);
            }
            if (problems.length() > 0) {
                throw new IllegalArgumentException("monte carlo: " + problems.substring(2));
            }
            return new MonteCarlo(this);
        }
    }
}
