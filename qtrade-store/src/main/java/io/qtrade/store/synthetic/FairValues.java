package io.qtrade.store.synthetic;

import java.util.SplittableRandom;

/**
 * The latent fair values of the instruments of a {@link SyntheticMarket}: correlated Brownian motions in ticks,
 * <pre>{@code
 * F_i(t) = F_i(0) + sigma * sum_k w_ik * W_k(t)        W_k independent standard Brownian motions
 * }</pre>
 * with loadings {@code w} such that {@code sum_k w_ik w_jk = rho_ij}. Two forms of loadings:
 * <ul>
 * <li>common factor, for one pairwise correlation {@code rho >= 0}: {@code W_0} is shared,
 *     {@code w_i0 = sqrt(rho)}, {@code w_i(i+1) = sqrt(1 - rho)}; two factors per instrument, whatever their
 *     number;</li>
 * <li>Cholesky, for a correlation matrix {@code C = L L^T}: {@code w_ik = L_ik}, {@code k <= i}.</li>
 * </ul>
 * With jumps ({@link #withJumps}), each instrument's fair value adds its own compound Poisson process
 * {@code J_i(t) = sum_{n <= N_i(t)} Y_n}, {@code N_i} a Poisson process of rate {@code lambda_J} per model time
 * unit, {@code Y_n} i.i.d. Laplace (double exponential, symmetric, mean absolute size {@code eta} ticks): the jump
 * part of Kou's (2002) jump-diffusion, independent across instruments and of the Brownian factors.
 * Each factor is advanced lazily, only when an instrument that loads on it needs its fair value, by an exact
 * Gaussian increment {@code W_k(t) - W_k(s) ~ N(0, t - s)}; the times asked for never decrease, since the generator
 * processes events in time order. Gaussian draws use the Marsaglia polar method over {@link SplittableRandom} and
 * {@link StrictMath}, so a seed gives the same path on every JVM. Not thread-safe; allocation-free after
 * construction.
 */
final class FairValues {

    private final double sigmaTicks;
    private final double[] initialTicks;
    private final int[][] factorIndex;
    private final double[][] factorWeight;
    private final double[] factorValue;
    private final double[] factorTime;
    private final SplittableRandom random;
    private double jumpRate;
    private double jumpMeanAbsTicks;
    private SplittableRandom jumpRandom;
    private double[] nextJumpTime;
    private double[] jumpSum;

    private FairValues(double sigmaTicks, double[] initialTicks, int[][] factorIndex, double[][] factorWeight,
                       int factors, SplittableRandom random) {
        this.sigmaTicks = sigmaTicks;
        this.initialTicks = initialTicks.clone();
        this.factorIndex = factorIndex;
        this.factorWeight = factorWeight;
        this.factorValue = new double[factors];
        this.factorTime = new double[factors];
        this.random = random;
    }

    /** One shared factor with loading {@code sqrt(rho)} and one own factor with loading {@code sqrt(1 - rho)}. */
    static FairValues commonFactor(double rho, double sigmaTicks, double[] initialTicks, SplittableRandom random) {
        int n = initialTicks.length;
        int[][] index = new int[n][];
        double[][] weight = new double[n][];
        for (int i = 0; i < n; i++) {
            index[i] = new int[] {0, i + 1};
            weight[i] = new double[] {StrictMath.sqrt(rho), StrictMath.sqrt(1.0 - rho)};
        }
        return new FairValues(sigmaTicks, initialTicks, index, weight, n + 1, random);
    }

    /** Loadings from the lower-triangular Cholesky factor {@code lower} of the correlation matrix. */
    static FairValues cholesky(double[][] lower, double sigmaTicks, double[] initialTicks, SplittableRandom random) {
        int n = initialTicks.length;
        int[][] index = new int[n][];
        double[][] weight = new double[n][];
        for (int i = 0; i < n; i++) {
            int nonZero = 0;
            for (int k = 0; k <= i; k++) {
                if (lower[i][k] != 0.0) {
                    nonZero++;
                }
            }
            index[i] = new int[nonZero];
            weight[i] = new double[nonZero];
            int m = 0;
            for (int k = 0; k <= i; k++) {
                if (lower[i][k] != 0.0) {
                    index[i][m] = k;
                    weight[i][m++] = lower[i][k];
                }
            }
        }
        return new FairValues(sigmaTicks, initialTicks, index, weight, n, random);
    }

    /**
     * Adds independent compound Poisson jumps to every instrument's fair value.
     *
     * @param rate        jumps per model time unit per instrument, > 0
     * @param meanAbsTicks mean absolute jump size, ticks, > 0 (Laplace sizes, symmetric)
     * @param jumps       the random stream of jump times and sizes (apart from the diffusion's)
     * @return this
     */
    FairValues withJumps(double rate, double meanAbsTicks, SplittableRandom jumps) {
        this.jumpRate = rate;
        this.jumpMeanAbsTicks = meanAbsTicks;
        this.jumpRandom = jumps;
        int n = initialTicks.length;
        this.nextJumpTime = new double[n];
        this.jumpSum = new double[n];
        for (int i = 0; i < n; i++) {
            nextJumpTime[i] = exponential(rate);
        }
        return this;
    }

    /**
     * Lower-triangular {@code L} with {@code L L^T = matrix}, for a symmetric positive semi-definite matrix (a zero
     * pivot, as for two perfectly correlated instruments, gives a zero column).
     *
     * @throws IllegalArgumentException naming the row where the matrix turns out not to be positive semi-definite
     */
    static double[][] choleskyLower(double[][] matrix) {
        int n = matrix.length;
        double[][] lower = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = matrix[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= lower[i][k] * lower[j][k];
                }
                if (i == j) {
                    if (sum < -1e-10) {
                        throw new IllegalArgumentException("correlationMatrix is not positive semi-definite: pivot "
                                + sum + " at row " + i + " of the Cholesky factorisation (allowed: >= 0)");
                    }
                    lower[i][i] = sum <= 1e-12 ? 0.0 : StrictMath.sqrt(sum);
                } else {
                    lower[i][j] = lower[j][j] == 0.0 ? 0.0 : sum / lower[j][j];
                }
            }
        }
        return lower;
    }

    /** The fair value of instrument {@code i} at model time {@code t}, in ticks; {@code t} never decreases. */
    double fairTicks(int i, double t) {
        int[] index = factorIndex[i];
        double[] weight = factorWeight[i];
        double sum = 0.0;
        for (int m = 0; m < index.length; m++) {
            int k = index[m];
            double dt = t - factorTime[k];
            if (dt > 0.0) {
                factorValue[k] += StrictMath.sqrt(dt) * nextGaussian();
                factorTime[k] = t;
            }
            sum += weight[m] * factorValue[k];
        }
        if (jumpRandom != null) {
            while (nextJumpTime[i] <= t) {
                // Laplace(0, eta): an exponential size with mean eta and a fair sign.
                double size = exponential(1.0 / jumpMeanAbsTicks);
                jumpSum[i] += jumpRandom.nextBoolean() ? size : -size;
                nextJumpTime[i] += exponential(jumpRate);
            }
            return initialTicks[i] + sigmaTicks * sum + jumpSum[i];
        }
        return initialTicks[i] + sigmaTicks * sum;
    }

    /** An exponential draw of rate {@code rate} from the jump stream. */
    private double exponential(double rate) {
        return -StrictMath.log(1.0 - jumpRandom.nextDouble()) / rate;
    }

    /** A standard normal draw, Marsaglia polar method (the second value of the pair is discarded). */
    private double nextGaussian() {
        double u;
        double v;
        double s;
        do {
            u = 2.0 * random.nextDouble() - 1.0;
            v = 2.0 * random.nextDouble() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        return u * StrictMath.sqrt(-2.0 * StrictMath.log(s) / s);
    }
}
