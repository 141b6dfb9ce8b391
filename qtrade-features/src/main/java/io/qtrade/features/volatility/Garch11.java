package io.qtrade.features.volatility;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.special.Gamma;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.DoubleColumn;

/**
 * GARCH(1,1) with a constant mean, fitted by maximum likelihood.
 *
 * <pre>{@code
 * r_t = mu + eps_t,   eps_t = sqrt(h_t) z_t,   z_t iid, mean 0, variance 1 (normal or standardised t)
 * h_t = omega + alpha eps^2_{t-1} + beta h_{t-1},   t = 2..n;   h_1 from GarchInitialisation
 * LL  = sum_{t=1..n} ln f(eps_t | h_t)       (all n observations; densities in GarchErrors)
 * constraints: omega > 0, alpha >= 0, beta >= 0, alpha + beta < 1, nu > 2
 * AIC = 2k - 2 LL,   BIC = k ln n - 2 LL,    k = 4 (normal) or 5 (t)
 * }</pre>
 *
 * <p>References: T. Bollerslev (1986), "Generalized Autoregressive Conditional Heteroskedasticity", <i>J.
 * Econometrics</i> 31, 307-327; Bollerslev (1987) for the t errors; Fiorentini, Calzolari and Panattoni (1996) for
 * the benchmark convention (see {@link GarchInitialisation}).
 *
 * <p>Optimiser: commons-math3 {@link BOBYQAOptimizer} (bound-constrained, derivative-free) on a reparametrisation
 * whose box is exactly the constraint set: {@code x = ((mu - mean)/sd, omega/var, alpha + beta, alpha/(alpha+beta),
 * 1/nu)} with bounds {@code [-5, 5] x [1e-9, 2] x [0, 1 - 1e-6] x [0, 1] x [1e-3, 0.49]} (var and sd of the sample), so
 * the persistence alpha + beta < 1 is a bound, not a penalty. The trust region shrinks from 0.05 to
 * {@link Builder#stoppingRadius(double)} (default 1e-9). A maximum on a bound of the box (alpha = 0, persistence
 * at 1 - 1e-6, ...) is reported by {@link Garch11Fit#boundaryParameters()} and logged as a warning. Standard errors are the square roots of the diagonal of
 * the inverse of the numerical Hessian of -LL in the original parameters (mu, omega, alpha, beta[, nu]), central
 * differences with relative step 1e-4 (the "non-robust" MLE covariance; fGarch reports the same kind).
 *
 * <p>A fit is batch work: it allocates. The O(1) streaming variance update with fitted parameters is
 * {@link Garch11Filter}. Instances are immutable and thread-safe.
 */
public final class Garch11 {

    /** Default largest number of likelihood evaluations of the optimiser. */
    public static final int DEFAULT_MAX_EVALUATIONS = 20_000;
    /** Default final trust-region radius of BOBYQA, in the reparametrised (unit-scaled) coordinates. */
    public static final double DEFAULT_STOPPING_RADIUS = 1e-9;
    /** Relative step of the central-difference Hessian. */
    static final double HESSIAN_RELATIVE_STEP = 1e-4;

    private static final Logger LOG = LoggerFactory.getLogger(Garch11.class);
    private static final String[] BOX_NAMES = {"mu (mean +- 5 sd)", "omega/var", "alpha + beta", "alpha/(alpha + beta)",
        "1/nu"};
    private static final double LN_2PI = Math.log(2.0 * Math.PI);
    private static final double MAX_PERSISTENCE = 1.0 - 1e-6;

    private final GarchErrors errors;
    private final GarchInitialisation initialisation;
    private final int maxEvaluations;
    private final double stoppingRadius;
    private final GarchMean mean;
    private final double fixedMean;

    private Garch11(Builder b) {
        this.mean = b.mean;
        this.fixedMean = b.fixedMean;
        this.errors = b.errors;
        this.initialisation = b.initialisation;
        this.maxEvaluations = b.maxEvaluations;
        this.stoppingRadius = b.stoppingRadius;
    }

    /** A builder: normal errors, {@link GarchInitialisation#PRESAMPLE_MEAN_SQUARE}, default optimiser settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** The error distribution. */
    public GarchErrors errors() {
        return errors;
    }

    /** How mu is treated. */
    public GarchMean mean() {
        return mean;
    }

    /** mu when it is not estimated (0 for ZERO), NaN when it is. */
    public double fixedMean() {
        return mean == GarchMean.ESTIMATED ? Double.NaN : fixedMean;
    }

    /** The start of the variance recursion. */
    public GarchInitialisation initialisation() {
        return initialisation;
    }

    /**
     * Log-likelihood of {@code returns} at {@code params} under this model's errors and initialisation.
     *
     * @param returns returns (not modified), at least 2
     * @param params  parameters; {@code nu} must be set for t errors and NaN for normal errors
     */
    public double logLikelihood(double[] returns, Garch11Parameters params) {
        checkReturns(returns);
        boolean t = errors == GarchErrors.STUDENT_T;
        if (t == Double.isNaN(params.nu())) {
            throw new IllegalArgumentException("nu = " + params.nu() + " does not fit " + errors
                    + " errors (t needs nu > 2, normal needs NaN)");
        }
        return logLikelihood(returns, params.mu(), params.omega(), params.alpha(), params.beta(), params.nu(), null);
    }

    /** Fits a Tablesaw column of returns (a missing value is rejected with its row). */
    public Garch11Fit fit(DoubleColumn returns) {
        return fit(RealizedMeasures.columnValues(returns));
    }

    /**
     * Maximum likelihood fit.
     *
     * @param returns returns (not modified), at least 10, finite, not all equal
     * @throws IllegalStateException if the optimiser runs out of evaluations or the Hessian is singular
     */
    public Garch11Fit fit(double[] returns) {
        checkReturns(returns);
        int n = returns.length;
        if (n < 10) {
            throw new IllegalArgumentException("returns has " + n + " values, need at least 10 to fit a GARCH(1,1)");
        }
        double sum = 0.0;
        for (double r : returns) {
            sum += r;
        }
        double mean = sum / n;
        double ss = 0.0;
        for (double r : returns) {
            ss += (r - mean) * (r - mean);
        }
        double var = ss / n;
        if (!(var > 0.0)) {
            throw new IllegalArgumentException("returns are all equal to " + returns[0] + ": no variance to model");
        }
        double sd = Math.sqrt(var);
        boolean t = errors == GarchErrors.STUDENT_T;
        boolean estMu = this.mean == GarchMean.ESTIMATED;
        int from = estMu ? 0 : 1;
        int kFull = t ? 5 : 4;
        int k = kFull - from;
        double[] lowerFull = t ? new double[] {-5, 1e-9, 0, 0, 1e-3} : new double[] {-5, 1e-9, 0, 0};
        double[] upperFull = t ? new double[] {5, 2, MAX_PERSISTENCE, 1, 0.49}
                : new double[] {5, 2, MAX_PERSISTENCE, 1};
        double[] startFull = t ? new double[] {0, 0.1, 0.9, 1.0 / 9.0, 0.125} : new double[] {0, 0.1, 0.9, 1.0 / 9.0};
        double[] lower = java.util.Arrays.copyOfRange(lowerFull, from, kFull);
        double[] upper = java.util.Arrays.copyOfRange(upperFull, from, kFull);
        double[] start = java.util.Arrays.copyOfRange(startFull, from, kFull);
        double[] scratch = new double[n];
        ObjectiveFunction objective = new ObjectiveFunction(xr -> {
            double[] p = toParameters(full(xr, from), mean, sd, var);
            if (!estMu) {
                p[0] = fixedMean;
            }
            double ll = logLikelihood(returns, p[0], p[1], p[2], p[3], t ? p[4] : Double.NaN, scratch);
            // Inside the box h_t > 0, so LL is finite unless the data overflow; such a point must lose.
            return Double.isFinite(ll) ? ll : -Double.MAX_VALUE;
        });
        BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * k + 1, 0.05, stoppingRadius);
        PointValuePair best;
        try {
            best = optimizer.optimize(new MaxEval(maxEvaluations), objective, GoalType.MAXIMIZE,
                    new InitialGuess(start), new SimpleBounds(lower, upper));
        } catch (TooManyEvaluationsException e) {
            throw new IllegalStateException("GARCH(1,1) likelihood not maximised within maxEvaluations = "
                    + maxEvaluations + " (n = " + n + ")", e);
        }
        double[] x = full(best.getPoint(), from);
        List<String> atBound = new ArrayList<>();
        for (int i = from; i < kFull; i++) {
            double tol = 1e-7 * (upperFull[i] - lowerFull[i]);
            if (x[i] - lowerFull[i] <= tol || upperFull[i] - x[i] <= tol) {
                atBound.add(BOX_NAMES[i] + (x[i] - lowerFull[i] <= tol ? " at its lower bound " + lowerFull[i]
                        : " at its upper bound " + upperFull[i]));
            }
        }
        if (!atBound.isEmpty()) {
            LOG.warn("GARCH(1,1) maximum on the boundary of the parameter set ({}), n = {}: the Hessian standard "
                    + "errors assume an interior optimum", atBound, n);
        }
        double[] p = toParameters(x, mean, sd, var);
        if (!estMu) {
            p[0] = fixedMean;
        }
        Garch11Parameters params = new Garch11Parameters(p[0], p[1], p[2], p[3], t ? p[4] : Double.NaN);
        double[] h = new double[n];
        double ll = logLikelihood(returns, p[0], p[1], p[2], p[3], params.nu(), h);
        double[][] covariance = inverseHessianOfNegativeLogLikelihood(returns, p, t, from);
        List<GarchParameter> names = new ArrayList<>(List.of(GarchParameter.MU, GarchParameter.OMEGA,
                GarchParameter.ALPHA, GarchParameter.BETA, GarchParameter.NU).subList(from, kFull));
        return new Garch11Fit(this, params, ll, n, covariance, h, returns[n - 1] - p[0],
                optimizer.getEvaluations(), List.copyOf(atBound), List.copyOf(names));
    }

    /** The full box vector with a dummy 0 for mu when it is fixed. */
    private static double[] full(double[] xr, int from) {
        if (from == 0) {
            return xr;
        }
        double[] x = new double[xr.length + 1];
        System.arraycopy(xr, 0, x, 1, xr.length);
        return x;
    }

    private static double[] toParameters(double[] x, double mean, double sd, double var) {
        double mu = mean + x[0] * sd;
        double omega = x[1] * var;
        double alpha = x[2] * x[3];
        double beta = x[2] * (1.0 - x[3]);
        return x.length == 5 ? new double[] {mu, omega, alpha, beta, 1.0 / x[4]}
                : new double[] {mu, omega, alpha, beta};
    }

    private double[][] inverseHessianOfNegativeLogLikelihood(double[] returns, double[] p, boolean t, int from) {
        int k = p.length;
        double[] step = new double[k];
        for (int i = 0; i < k; i++) {
            step[i] = HESSIAN_RELATIVE_STEP * Math.max(Math.abs(p[i]), 1e-2);
        }
        double[][] hess = new double[k][k];
        double[] q = p.clone();
        double f0 = -ll(returns, q, t);
        for (int i = from; i < k; i++) {
            q[i] = p[i] + step[i];
            double fp = -ll(returns, q, t);
            q[i] = p[i] - step[i];
            double fm = -ll(returns, q, t);
            q[i] = p[i];
            hess[i][i] = (fp - 2.0 * f0 + fm) / (step[i] * step[i]);
            for (int j = from; j < i; j++) {
                q[i] = p[i] + step[i];
                q[j] = p[j] + step[j];
                double fpp = -ll(returns, q, t);
                q[j] = p[j] - step[j];
                double fpm = -ll(returns, q, t);
                q[i] = p[i] - step[i];
                double fmm = -ll(returns, q, t);
                q[j] = p[j] + step[j];
                double fmp = -ll(returns, q, t);
                q[i] = p[i];
                q[j] = p[j];
                double hij = (fpp - fpm - fmp + fmm) / (4.0 * step[i] * step[j]);
                hess[i][j] = hij;
                hess[j][i] = hij;
            }
        }
        double[][] sub = new double[k - from][k - from];
        for (int i = from; i < k; i++) {
            for (int j = from; j < k; j++) {
                sub[i - from][j - from] = hess[i][j];
            }
        }
        RealMatrix m = new Array2DRowRealMatrix(sub, false);
        try {
            return new LUDecomposition(m).getSolver().getInverse().getData();
        } catch (SingularMatrixException e) {
            throw new IllegalStateException("the Hessian of the GARCH(1,1) log-likelihood is singular at "
                    + java.util.Arrays.toString(p) + ": standard errors undefined", e);
        }
    }

    private double ll(double[] returns, double[] p, boolean t) {
        return logLikelihood(returns, p[0], p[1], p[2], p[3], t ? p[4] : Double.NaN, null);
    }

    /**
     * The log-likelihood; writes h_1..h_n into {@code hOut} when it is not null. No parameter checks: the Hessian
     * steps just outside the constraint set.
     */
    double logLikelihood(double[] r, double mu, double omega, double alpha, double beta, double nu, double[] hOut) {
        int n = r.length;
        double m2 = 0.0;
        for (int i = 0; i < n; i++) {
            double e = r[i] - mu;
            m2 += e * e;
        }
        m2 /= n;
        double h;
        switch (initialisation) {
            case PRESAMPLE_MEAN_SQUARE:
                h = omega + (alpha + beta) * m2;
                break;
            case FIRST_IS_MEAN_SQUARE:
            case CONDITIONAL_ON_FIRST:
                h = m2;
                break;
            default:
                h = omega / (1.0 - alpha - beta);
                break;
        }
        boolean t = errors == GarchErrors.STUDENT_T;
        double constant;
        double shape;
        if (t) {
            constant = Gamma.logGamma(0.5 * (nu + 1.0)) - Gamma.logGamma(0.5 * nu) - 0.5 * Math.log(Math.PI * (nu - 2.0));
            shape = 0.5 * (nu + 1.0);
        } else {
            constant = -0.5 * LN_2PI;
            shape = 0.0;
        }
        double sum = 0.0;
        int first = initialisation == GarchInitialisation.CONDITIONAL_ON_FIRST ? 1 : 0;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                double prev = r[i - 1] - mu;
                h = omega + alpha * prev * prev + beta * h;
            }
            if (!(h > 0.0)) {
                return Double.NEGATIVE_INFINITY;
            }
            if (hOut != null) {
                hOut[i] = h;
            }
            if (i < first) {
                continue;
            }
            double e = r[i] - mu;
            if (t) {
                sum += constant - 0.5 * Math.log(h) - shape * Math.log1p(e * e / ((nu - 2.0) * h));
            } else {
                sum += constant - 0.5 * (Math.log(h) + e * e / h);
            }
        }
        return sum;
    }

    private static void checkReturns(double[] returns) {
        if (returns.length < 2) {
            throw new IllegalArgumentException("returns has " + returns.length + " values, need at least 2");
        }
        for (int i = 0; i < returns.length; i++) {
            if (!Double.isFinite(returns[i])) {
                throw new IllegalArgumentException("returns[" + i + "] = " + returns[i] + " is not finite");
            }
        }
    }

    @Override
    public String toString() {
        return "Garch11[errors=" + errors + ", initialisation=" + initialisation + ", mean=" + mean
                + (mean == GarchMean.ESTIMATED ? "" : " " + fixedMean) + ", maxEvaluations="
                + maxEvaluations + ", stoppingRadius=" + stoppingRadius + "]";
    }

    /** Options of a {@link Garch11}; each setter checks its value. */
    public static final class Builder {
        private GarchErrors errors = GarchErrors.NORMAL;
        private GarchInitialisation initialisation = GarchInitialisation.PRESAMPLE_MEAN_SQUARE;
        private int maxEvaluations = DEFAULT_MAX_EVALUATIONS;
        private double stoppingRadius = DEFAULT_STOPPING_RADIUS;
        private GarchMean mean = GarchMean.ESTIMATED;
        private double fixedMean;

        private Builder() {
        }

        /** The mean: ESTIMATED (default) or ZERO; for a given value use {@link #fixedMean(double)}. */
        public Builder mean(GarchMean value) {
            Objects.requireNonNull(value, "mean");
            if (value == GarchMean.FIXED) {
                throw new IllegalArgumentException("mean FIXED needs its value: call fixedMean(mu)");
            }
            this.mean = value;
            this.fixedMean = 0.0;
            return this;
        }

        /** Fixes mu at a finite value (not estimated, no standard error). */
        public Builder fixedMean(double mu) {
            if (!Double.isFinite(mu)) {
                throw new IllegalArgumentException("fixedMean " + mu + ": expected a finite value");
            }
            this.mean = GarchMean.FIXED;
            this.fixedMean = mu;
            return this;
        }

        /** Innovation distribution (default NORMAL). */
        public Builder errors(GarchErrors errors) {
            this.errors = Objects.requireNonNull(errors, "errors");
            return this;
        }

        /** Start of the variance recursion (default PRESAMPLE_MEAN_SQUARE, fGarch's "mci"). */
        public Builder initialisation(GarchInitialisation initialisation) {
            this.initialisation = Objects.requireNonNull(initialisation, "initialisation");
            return this;
        }

        /** Largest number of likelihood evaluations, > 0 (default 20,000). */
        public Builder maxEvaluations(int maxEvaluations) {
            if (maxEvaluations <= 0) {
                throw new IllegalArgumentException("maxEvaluations = " + maxEvaluations + " must be > 0");
            }
            this.maxEvaluations = maxEvaluations;
            return this;
        }

        /** Final BOBYQA trust-region radius in (0, 0.01] (default 1e-9). */
        public Builder stoppingRadius(double stoppingRadius) {
            if (!(stoppingRadius > 0.0 && stoppingRadius <= 0.01)) {
                throw new IllegalArgumentException("stoppingRadius = " + stoppingRadius + " must be in (0, 0.01]");
            }
            this.stoppingRadius = stoppingRadius;
            return this;
        }

        /** The model. */
        public Garch11 build() {
            return new Garch11(this);
        }
    }
}
