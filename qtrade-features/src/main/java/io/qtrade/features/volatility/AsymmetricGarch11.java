package io.qtrade.features.volatility;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.special.Gamma;

/**
 * Asymmetric GARCH(1,1) models with a leverage term, fitted by maximum likelihood, normal or standardised Student t
 * errors ({@link GarchErrors}), a constant, zero or fixed mean ({@link GarchMean}).
 *
 * <pre>{@code
 * r_t = mu + eps_t,  eps_t = sqrt(h_t) z_t
 * GJR:     h_t    = omega + (alpha + gamma 1{eps_{t-1} < 0}) eps_{t-1}^2 + beta h_{t-1}
 *          constraints omega > 0, alpha >= 0, alpha + gamma >= 0, beta >= 0, alpha + gamma/2 + beta < 1
 * EGARCH:  ln h_t = omega + alpha (|z_{t-1}| - E|z|) + gamma z_{t-1} + beta ln h_{t-1},   |beta| < 1
 *          E|z| = sqrt(2/pi) (normal);  2 sqrt(nu-2) Gamma((nu+1)/2) / ((nu-1) Gamma(nu/2) sqrt(pi)) (t)
 * h_1 = m2 = mean((r - mu)^2)  (FIRST_IS_MEAN_SQUARE; CONDITIONAL_ON_FIRST also leaves y_1 out of the likelihood)
 * }</pre>
 * References: Glosten, L.R., Jagannathan, R., Runkle, D.E. (1993), "On the Relation between the Expected Value and
 * the Volatility of the Nominal Excess Return on Stocks", J. Finance 48(5), 1779-1801; Nelson, D.B. (1991),
 * "Conditional Heteroskedasticity in Asset Returns: A New Approach", Econometrica 59(2), 347-370. Negative gamma in
 * EGARCH and positive gamma in GJR mean that falls raise the variance more than rises.
 *
 * <p>Optimiser: BOBYQA (commons-math3) over a box in scaled coordinates ({@code (mu - mean)/sd}, omega / var for GJR,
 * {@code omega - (1 - beta) ln var} for EGARCH, alpha, gamma, beta, 1/nu), with the constraints outside the box
 * (GJR's alpha + gamma >= 0 and persistence < 1) returning minus infinity. Standard errors: the inverse of the
 * central-difference Hessian of -LL in (mu, omega, alpha, gamma, beta[, nu]), step 1e-4 max(|theta|, 0.01), as
 * {@link Garch11}. No reference implementation is available here (statsmodels has neither model, arch and rugarch
 * are not packaged): the tests recover the parameters of seeded simulations within their standard errors and check
 * that GJR with gamma = 0 is {@link Garch11}.
 */
public final class AsymmetricGarch11 {

    /** The variance equation. */
    public enum Kind {
        /** Glosten-Jagannathan-Runkle (1993). */
        GJR,
        /** Nelson's (1991) exponential GARCH. */
        EGARCH
    }

    private static final double LN_2PI = Math.log(2.0 * Math.PI);
    private static final double MAX_PERSISTENCE = 1.0 - 1e-6;

    private final Kind kind;
    private final GarchErrors errors;
    private final GarchMean mean;
    private final double fixedMean;
    private final GarchInitialisation initialisation;

    private AsymmetricGarch11(Builder b) {
        this.kind = b.kind;
        this.errors = b.errors;
        this.mean = b.mean;
        this.fixedMean = b.fixedMean;
        this.initialisation = b.initialisation;
    }

    /** A GJR-GARCH(1,1) builder (normal errors, estimated mean, h_1 = m2). */
    public static Builder gjr() {
        return new Builder(Kind.GJR);
    }

    /** An EGARCH(1,1) builder (normal errors, estimated mean, h_1 = m2). */
    public static Builder egarch() {
        return new Builder(Kind.EGARCH);
    }

    /** The variance equation. */
    public Kind kind() {
        return kind;
    }

    /** The error distribution. */
    public GarchErrors errors() {
        return errors;
    }

    /**
     * Log-likelihood at given parameters.
     *
     * @param returns returns (not modified)
     * @param p       {mu, omega, alpha, gamma, beta} or with nu last for t errors
     */
    public double logLikelihood(double[] returns, AsymmetricGarchParameters p) {
        return ll(returns, p.mu(), p.omega(), p.alpha(), p.gamma(), p.beta(), p.nu(), null);
    }

    double ll(double[] r, double mu, double omega, double alpha, double gamma, double beta, double nu, double[] hOut) {
        int n = r.length;
        boolean t = errors == GarchErrors.STUDENT_T;
        if (t && !(nu > 2.0)) {
            return Double.NEGATIVE_INFINITY;
        }
        double m2 = 0.0;
        for (double v : r) {
            m2 += (v - mu) * (v - mu);
        }
        m2 /= n;
        double constant;
        double shape;
        double eAbs;
        if (t) {
            constant = Gamma.logGamma(0.5 * (nu + 1.0)) - Gamma.logGamma(0.5 * nu) - 0.5 * Math.log(Math.PI * (nu - 2.0));
            shape = 0.5 * (nu + 1.0);
            eAbs = 2.0 * Math.sqrt(nu - 2.0) * Math.exp(Gamma.logGamma(0.5 * (nu + 1.0)) - Gamma.logGamma(0.5 * nu))
                    / ((nu - 1.0) * Math.sqrt(Math.PI));
        } else {
            constant = -0.5 * LN_2PI;
            shape = 0.0;
            eAbs = Math.sqrt(2.0 / Math.PI);
        }
        int first = initialisation == GarchInitialisation.CONDITIONAL_ON_FIRST ? 1 : 0;
        double h = m2;
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                double e = r[i - 1] - mu;
                if (kind == Kind.GJR) {
                    h = omega + (alpha + (e < 0.0 ? gamma : 0.0)) * e * e + beta * h;
                } else {
                    double z = e / Math.sqrt(h);
                    h = Math.exp(omega + alpha * (Math.abs(z) - eAbs) + gamma * z + beta * Math.log(h));
                }
            }
            if (!(h > 0.0) || Double.isInfinite(h)) {
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

    /**
     * Maximum-likelihood fit.
     *
     * @param returns at least 20 finite returns, not all equal (not modified)
     * @return the fit
     * @throws IllegalStateException when the optimiser fails or the Hessian is singular
     */
    public AsymmetricGarchFit fit(double[] returns) {
        int n = returns.length;
        if (n < 20) {
            throw new IllegalArgumentException("returns has " + n + " values: need at least 20");
        }
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(returns[i])) {
                throw new IllegalArgumentException("returns[" + i + "] = " + returns[i] + " is not finite");
            }
            sum += returns[i];
        }
        double avg = sum / n;
        double ss = 0.0;
        for (double v : returns) {
            ss += (v - avg) * (v - avg);
        }
        double var = ss / n;
        if (!(var > 0.0)) {
            throw new IllegalArgumentException("returns are all equal: no variance to model");
        }
        double sd = Math.sqrt(var);
        boolean t = errors == GarchErrors.STUDENT_T;
        boolean estMu = mean == GarchMean.ESTIMATED;
        double lnVar = Math.log(var);
        // full box: x0 mu, x1 omega, x2 alpha, x3 gamma, x4 beta, x5 1/nu
        double[] lowerFull;
        double[] upperFull;
        double[] startFull;
        if (kind == Kind.GJR) {
            lowerFull = new double[] {-5, 1e-9, 0, -1, 0, 1e-3};
            upperFull = new double[] {5, 2, 1, 1, MAX_PERSISTENCE, 0.49};
            startFull = new double[] {0, 0.05, 0.05, 0.1, 0.85, 0.125};
        } else {
            lowerFull = new double[] {-5, -5, -1, -1, -MAX_PERSISTENCE, 1e-3};
            upperFull = new double[] {5, 5, 2, 1, MAX_PERSISTENCE, 0.49};
            startFull = new double[] {0, 0, 0.15, -0.05, 0.9, 0.125};
        }
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            if ((i == 0 && !estMu) || (i == 5 && !t)) {
                continue;
            }
            free.add(i);
        }
        int k = free.size();
        double[] lower = new double[k];
        double[] upper = new double[k];
        double[] start = new double[k];
        for (int j = 0; j < k; j++) {
            lower[j] = lowerFull[free.get(j)];
            upper[j] = upperFull[free.get(j)];
            start[j] = startFull[free.get(j)];
        }
        double fixedMu = mean == GarchMean.ZERO ? 0.0 : fixedMean;
        java.util.function.Function<double[], double[]> toTheta = x -> {
            double[] full = startFull.clone();
            for (int j = 0; j < k; j++) {
                full[free.get(j)] = x[j];
            }
            double mu = estMu ? avg + full[0] * sd : fixedMu;
            double omega = kind == Kind.GJR ? full[1] * var : full[1] + (1.0 - full[4]) * lnVar;
            return new double[] {mu, omega, full[2], full[3], full[4], t ? 1.0 / full[5] : Double.NaN};
        };
        ObjectiveFunction f = new ObjectiveFunction(x -> {
            double[] th = toTheta.apply(x);
            if (!admissible(th)) {
                return -Double.MAX_VALUE;
            }
            double l = ll(returns, th[0], th[1], th[2], th[3], th[4], th[5], null);
            return Double.isFinite(l) ? l : -Double.MAX_VALUE;
        });
        BOBYQAOptimizer opt = new BOBYQAOptimizer(2 * k + 1, 0.05, 1e-9);
        PointValuePair best;
        try {
            best = opt.optimize(new MaxEval(50_000), f, GoalType.MAXIMIZE, new InitialGuess(start),
                    new SimpleBounds(lower, upper));
        } catch (TooManyEvaluationsException e) {
            throw new IllegalStateException(kind + " likelihood not maximised within 50,000 evaluations (n = " + n
                    + ")", e);
        }
        double[] th = toTheta.apply(best.getPoint());
        List<GarchParameter> names = new ArrayList<>();
        List<Integer> idx = new ArrayList<>();
        GarchParameter[] all = {GarchParameter.MU, GarchParameter.OMEGA, GarchParameter.ALPHA, GarchParameter.GAMMA,
            GarchParameter.BETA, GarchParameter.NU};
        for (int i = 0; i < 6; i++) {
            if ((i == 0 && !estMu) || (i == 5 && !t)) {
                continue;
            }
            names.add(all[i]);
            idx.add(i);
        }
        double[][] cov = inverseHessian(returns, th, idx);
        double[] h = new double[n];
        double llMax = ll(returns, th[0], th[1], th[2], th[3], th[4], th[5], h);
        AsymmetricGarchParameters params = new AsymmetricGarchParameters(th[0], th[1], th[2], th[3], th[4], th[5]);
        return new AsymmetricGarchFit(this, params, llMax, n, cov, List.copyOf(names), h, opt.getEvaluations());
    }

    private boolean admissible(double[] th) {
        if (kind == Kind.GJR) {
            return th[1] > 0.0 && th[2] >= 0.0 && th[2] + th[3] >= 0.0 && th[4] >= 0.0
                    && th[2] + 0.5 * th[3] + th[4] < 1.0;
        }
        return Math.abs(th[4]) < 1.0;
    }

    private double[][] inverseHessian(double[] r, double[] p, List<Integer> idx) {
        int k = idx.size();
        double[][] hess = new double[k][k];
        double[] step = new double[6];
        for (int i = 0; i < 6; i++) {
            step[i] = Garch11.HESSIAN_RELATIVE_STEP * Math.max(Math.abs(p[i]), 1e-2);
        }
        double f0 = -ll(r, p[0], p[1], p[2], p[3], p[4], p[5], null);
        for (int a = 0; a < k; a++) {
            int i = idx.get(a);
            double[] q = p.clone();
            q[i] = p[i] + step[i];
            double fp = -ll(r, q[0], q[1], q[2], q[3], q[4], q[5], null);
            q[i] = p[i] - step[i];
            double fm = -ll(r, q[0], q[1], q[2], q[3], q[4], q[5], null);
            hess[a][a] = (fp - 2 * f0 + fm) / (step[i] * step[i]);
            for (int b = 0; b < a; b++) {
                int j = idx.get(b);
                double[] s = p.clone();
                s[i] += step[i];
                s[j] += step[j];
                double fpp = -ll(r, s[0], s[1], s[2], s[3], s[4], s[5], null);
                s[j] = p[j] - step[j];
                double fpm = -ll(r, s[0], s[1], s[2], s[3], s[4], s[5], null);
                s[i] = p[i] - step[i];
                double fmm = -ll(r, s[0], s[1], s[2], s[3], s[4], s[5], null);
                s[j] = p[j] + step[j];
                double fmp = -ll(r, s[0], s[1], s[2], s[3], s[4], s[5], null);
                double v = (fpp - fpm - fmp + fmm) / (4 * step[i] * step[j]);
                hess[a][b] = v;
                hess[b][a] = v;
            }
        }
        try {
            return new LUDecomposition(new Array2DRowRealMatrix(hess, false)).getSolver().getInverse().getData();
        } catch (SingularMatrixException e) {
            throw new IllegalStateException("the Hessian of the " + kind + " log-likelihood is singular at "
                    + java.util.Arrays.toString(p) + ": standard errors undefined", e);
        }
    }

    /**
     * Simulates returns from the model (for tests and Monte Carlo), starting from the unconditional variance
     * (GJR: {@code omega / (1 - alpha - gamma/2 - beta)}; EGARCH: {@code exp(omega / (1 - beta))}).
     *
     * @param p    parameters
     * @param n    number of returns
     * @param seed seed of a {@link java.util.SplittableRandom}
     */
    public double[] simulate(AsymmetricGarchParameters p, int n, long seed) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        boolean t = errors == GarchErrors.STUDENT_T;
        double eAbs = t ? 2.0 * Math.sqrt(p.nu() - 2.0) * Math.exp(Gamma.logGamma(0.5 * (p.nu() + 1.0))
                - Gamma.logGamma(0.5 * p.nu())) / ((p.nu() - 1.0) * Math.sqrt(Math.PI)) : Math.sqrt(2.0 / Math.PI);
        double h = kind == Kind.GJR ? p.omega() / (1.0 - p.alpha() - 0.5 * p.gamma() - p.beta())
                : Math.exp(p.omega() / (1.0 - p.beta()));
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double z = t ? studentT(rng, p.nu()) : normal(rng);
            double e = Math.sqrt(h) * z;
            out[i] = p.mu() + e;
            if (kind == Kind.GJR) {
                h = p.omega() + (p.alpha() + (e < 0.0 ? p.gamma() : 0.0)) * e * e + p.beta() * h;
            } else {
                h = Math.exp(p.omega() + p.alpha() * (Math.abs(z) - eAbs) + p.gamma() * z + p.beta() * Math.log(h));
            }
        }
        return out;
    }

    private static double normal(java.util.SplittableRandom rng) {
        return Math.sqrt(-2.0 * Math.log(1.0 - rng.nextDouble())) * Math.cos(2.0 * Math.PI * rng.nextDouble());
    }

    /** Standardised t (variance 1): normal / sqrt(chi2_nu / nu) * sqrt((nu - 2) / nu). */
    private static double studentT(java.util.SplittableRandom rng, double nu) {
        org.apache.commons.math3.random.RandomGenerator g =
                new org.apache.commons.math3.random.Well19937c(rng.nextLong());
        double chi2 = new org.apache.commons.math3.distribution.ChiSquaredDistribution(g, nu).sample();
        return normal(rng) / Math.sqrt(chi2 / nu) * Math.sqrt((nu - 2.0) / nu);
    }

    @Override
    public String toString() {
        return "AsymmetricGarch11[kind=" + kind + ", errors=" + errors + ", mean=" + mean
                + (mean == GarchMean.ESTIMATED ? "" : " " + fixedMean) + ", initialisation=" + initialisation + "]";
    }

    /** Options; each setter checks its value. */
    public static final class Builder {
        private final Kind kind;
        private GarchErrors errors = GarchErrors.NORMAL;
        private GarchMean mean = GarchMean.ESTIMATED;
        private double fixedMean;
        private GarchInitialisation initialisation = GarchInitialisation.FIRST_IS_MEAN_SQUARE;

        private Builder(Kind kind) {
            this.kind = kind;
        }

        /** Error distribution (default NORMAL). */
        public Builder errors(GarchErrors value) {
            this.errors = Objects.requireNonNull(value, "errors");
            return this;
        }

        /** ESTIMATED (default) or ZERO; {@link #fixedMean(double)} for a given value. */
        public Builder mean(GarchMean value) {
            Objects.requireNonNull(value, "mean");
            if (value == GarchMean.FIXED) {
                throw new IllegalArgumentException("mean FIXED needs its value: call fixedMean(mu)");
            }
            this.mean = value;
            return this;
        }

        /** Fixes mu. */
        public Builder fixedMean(double mu) {
            if (!Double.isFinite(mu)) {
                throw new IllegalArgumentException("fixedMean " + mu + ": expected a finite value");
            }
            this.mean = GarchMean.FIXED;
            this.fixedMean = mu;
            return this;
        }

        /** FIRST_IS_MEAN_SQUARE (default) or CONDITIONAL_ON_FIRST. */
        public Builder initialisation(GarchInitialisation value) {
            if (value != GarchInitialisation.FIRST_IS_MEAN_SQUARE && value != GarchInitialisation.CONDITIONAL_ON_FIRST) {
                throw new IllegalArgumentException("initialisation " + value + ": asymmetric GARCH supports"
                        + " FIRST_IS_MEAN_SQUARE and CONDITIONAL_ON_FIRST");
            }
            this.initialisation = value;
            return this;
        }

        /** The model. */
        public AsymmetricGarch11 build() {
            return new AsymmetricGarch11(this);
        }
    }
}
