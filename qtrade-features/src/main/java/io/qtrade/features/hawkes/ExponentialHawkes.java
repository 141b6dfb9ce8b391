package io.qtrade.features.hawkes;

import java.util.Arrays;
import java.util.SplittableRandom;
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

/**
 * Univariate and multivariate Hawkes processes with exponential kernels ({@link HawkesParameters}): exact
 * log-likelihood and gradient in O(n M^2), maximum likelihood with standard errors, intensity paths, the
 * time-rescaling goodness of fit and Ogata thinning simulation.
 *
 * <pre>{@code
 * LL = sum_m [ sum_{i in m} ln lambda_m(t^m_i) - mu_m T - sum_n alpha_mn sum_{k in n} (1 - exp(-beta_mn (T - t^n_k))) ]
 * O(n) recursion per pair (m, n), events merged in time order:
 *   A_mn(t_i) = exp(-beta_mn (t_i - t_{i-1})) (A_mn(t_{i-1}) + [event i-1 is of type n])
 *   lambda_m(t_i) = mu_m + sum_n alpha_mn beta_mn A_mn(t_i)
 * dA/dbeta: B(t_i) = exp(-beta dt) (B(t_{i-1}) - dt (A(t_{i-1}) + [i-1 in n]))
 * }</pre>
 * The sum in {@code lambda} is over events strictly before {@code t}: events at the same time (trade prints that
 * share a timestamp) do not excite one another. The recursion handles such ties exactly (the states are carried from
 * the last earlier time), so it equals the O(n^2) direct sum {@link #logLikelihoodDirect} with or without ties.
 *
 * <p>Maximum likelihood: BOBYQA (commons-math3) on {@code x = ln theta} inside the box {@code mu in [1e-6 r, 100 r]}
 * ({@code r} = the dimension's event rate), {@code alpha in [1e-6, 0.999]}, {@code beta in [1e-4, 1e4] / g}
 * ({@code g} = the mean gap between events), from four starts (trust radius 0.5 down to 1e-5); the best is polished
 * by Newton steps on the
 * analytic gradient with the central-difference Hessian, until the gradient in {@code x} is below 1e-7 relative.
 * Standard errors {@code sqrt(diag(H^-1))}, {@code H = -Hessian of LL} in theta by central differences of the analytic
 * gradient with step {@code 1e-5 |theta_j|}, symmetrised (as the reference case's). Batch work; it allocates.
 */
public final class ExponentialHawkes {

    /** Lower bound of a branching ratio in the fit. */
    static final double ALPHA_MIN = 1e-6;
    /** Upper bound of a branching ratio in the fit. */
    static final double ALPHA_MAX = 0.999;

    private ExponentialHawkes() {
    }

    /** Events of all dimensions merged in time order. */
    static final class Events {
        final int dims;
        final double[] t;
        final int[] type;
        final int[] counts;
        final double horizon;

        Events(double[][] times, double horizon) {
            dims = times.length;
            if (dims < 1) {
                throw new IllegalArgumentException("no event dimensions: expected at least one array of times");
            }
            if (!(horizon > 0.0) || Double.isInfinite(horizon)) {
                throw new IllegalArgumentException("horizon T = " + horizon + ": expected finite and > 0");
            }
            this.horizon = horizon;
            counts = new int[dims];
            int n = 0;
            for (int m = 0; m < dims; m++) {
                double[] s = times[m];
                for (int i = 0; i < s.length; i++) {
                    if (!(s[i] >= 0.0 && s[i] <= horizon)) {
                        throw new IllegalArgumentException("times[" + m + "][" + i + "] = " + s[i]
                                + ": expected inside the window [0, " + horizon + "]");
                    }
                    if (i > 0 && s[i] < s[i - 1]) {
                        throw new IllegalArgumentException("times[" + m + "][" + i + "] = " + s[i] + " < times[" + m
                                + "][" + (i - 1) + "] = " + s[i - 1] + ": expected non-decreasing times");
                    }
                }
                counts[m] = s.length;
                n += s.length;
            }
            t = new double[n];
            type = new int[n];
            int[] pos = new int[dims];
            for (int k = 0; k < n; k++) {
                int best = -1;
                double bt = Double.POSITIVE_INFINITY;
                for (int m = 0; m < dims; m++) {
                    if (pos[m] < times[m].length && times[m][pos[m]] < bt) {
                        bt = times[m][pos[m]];
                        best = m;
                    }
                }
                t[k] = bt;
                type[k] = best;
                pos[best]++;
            }
        }
    }

    /**
     * The exact log-likelihood of a univariate process on {@code [0, T]}, O(n).
     *
     * @param times   event times, non-decreasing, inside {@code [0, T]} (not modified)
     * @param horizon T
     * @param params  univariate parameters
     */
    public static double logLikelihood(double[] times, double horizon, HawkesParameters params) {
        return logLikelihood(new double[][] {times}, horizon, params);
    }

    /**
     * The exact log-likelihood of an M-dimensional process on {@code [0, T]}, O(n M^2).
     *
     * @param times   one array of non-decreasing event times per dimension (not modified)
     * @param horizon T
     * @param params  parameters of dimension M = times.length
     */
    public static double logLikelihood(double[][] times, double horizon, HawkesParameters params) {
        Events ev = new Events(times, horizon);
        requireDimension(ev, params);
        return evaluate(ev, params.toVector(), null);
    }

    /**
     * The log-likelihood by the direct O(n^2) double sum over event pairs (for checking the recursion).
     *
     * @param times   one array of event times per dimension (not modified)
     * @param horizon T
     * @param params  parameters
     */
    public static double logLikelihoodDirect(double[][] times, double horizon, HawkesParameters params) {
        Events ev = new Events(times, horizon);
        requireDimension(ev, params);
        int dims = ev.dims;
        double ll = 0.0;
        for (int i = 0; i < ev.t.length; i++) {
            int m = ev.type[i];
            double lam = params.mu(m);
            for (int j = 0; j < ev.t.length; j++) {
                if (ev.t[j] < ev.t[i]) {
                    int n = ev.type[j];
                    lam += params.alpha(m, n) * params.beta(m, n) * Math.exp(-params.beta(m, n) * (ev.t[i] - ev.t[j]));
                }
            }
            ll += Math.log(lam);
        }
        for (int m = 0; m < dims; m++) {
            ll -= params.mu(m) * horizon;
        }
        for (int k = 0; k < ev.t.length; k++) {
            int n = ev.type[k];
            for (int m = 0; m < dims; m++) {
                ll -= params.alpha(m, n) * (1.0 - Math.exp(-params.beta(m, n) * (horizon - ev.t[k])));
            }
        }
        return ll;
    }

    /**
     * The analytic gradient of the log-likelihood in the order {@code [mu_0..mu_{M-1}, alpha row-major, beta
     * row-major]}.
     */
    public static double[] gradient(double[][] times, double horizon, HawkesParameters params) {
        Events ev = new Events(times, horizon);
        requireDimension(ev, params);
        double[] g = new double[params.toVector().length];
        evaluate(ev, params.toVector(), g);
        return g;
    }

    private static void requireDimension(Events ev, HawkesParameters p) {
        if (p.dimension() != ev.dims) {
            throw new IllegalArgumentException("parameters of dimension " + p.dimension() + " for " + ev.dims
                    + " event arrays");
        }
    }

    /** LL at parameter vector v; the gradient into g when not null. */
    static double evaluate(Events ev, double[] v, double[] g) {
        int d = ev.dims;
        int dd = d * d;
        double[] mu = Arrays.copyOf(v, d);
        double[] alpha = Arrays.copyOfRange(v, d, d + dd);
        double[] beta = Arrays.copyOfRange(v, d + dd, d + 2 * dd);
        double[] s = new double[dd];
        double[] sb = new double[dd];
        double[] a = new double[dd];
        double[] b = new double[dd];
        if (g != null) {
            Arrays.fill(g, 0.0);
        }
        double ll = 0.0;
        double tPrev = Double.NaN;
        int n = ev.t.length;
        for (int i = 0; i < n; i++) {
            double ti = ev.t[i];
            if (i == 0 || ti > tPrev) {
                if (i > 0) {
                    double dt = ti - tPrev;
                    for (int p = 0; p < dd; p++) {
                        double decay = Math.exp(-beta[p] * dt);
                        double an = s[p] * decay;
                        double bn = (sb[p] - dt * s[p]) * decay;
                        a[p] = an;
                        b[p] = bn;
                        s[p] = an;
                        sb[p] = bn;
                    }
                }
                tPrev = ti;
            }
            int m = ev.type[i];
            double lam = mu[m];
            for (int src = 0; src < d; src++) {
                int p = m * d + src;
                lam += alpha[p] * beta[p] * a[p];
            }
            if (!(lam > 0.0)) {
                return Double.NEGATIVE_INFINITY;
            }
            ll += Math.log(lam);
            if (g != null) {
                double inv = 1.0 / lam;
                g[m] += inv;
                for (int src = 0; src < d; src++) {
                    int p = m * d + src;
                    g[d + p] += beta[p] * a[p] * inv;
                    g[d + dd + p] += alpha[p] * (a[p] + beta[p] * b[p]) * inv;
                }
            }
            // event i now counts for later times (not for ties)
            int src = ev.type[i];
            for (int tgt = 0; tgt < d; tgt++) {
                s[tgt * d + src] += 1.0;
            }
        }
        double horizon = ev.horizon;
        for (int m = 0; m < d; m++) {
            ll -= mu[m] * horizon;
            if (g != null) {
                g[m] -= horizon;
            }
        }
        for (int k = 0; k < n; k++) {
            int src = ev.type[k];
            double rest = horizon - ev.t[k];
            for (int tgt = 0; tgt < d; tgt++) {
                int p = tgt * d + src;
                double e = Math.exp(-beta[p] * rest);
                ll -= alpha[p] * (1.0 - e);
                if (g != null) {
                    g[d + p] -= 1.0 - e;
                    g[d + dd + p] -= alpha[p] * rest * e;
                }
            }
        }
        return ll;
    }

    /**
     * Maximum-likelihood fit of a univariate process.
     *
     * @param times   event times, non-decreasing, inside {@code [0, T]} (not modified); at least 10
     * @param horizon T
     * @return the fit
     */
    public static HawkesFit fit(double[] times, double horizon) {
        return fit(new double[][] {times}, horizon);
    }

    /**
     * Maximum-likelihood fit of an M-dimensional process (M = times.length; the buy/sell case is M = 2).
     *
     * @param times   one array of non-decreasing event times per dimension (not modified), each with at least 10
     * @param horizon T
     * @return the fit
     * @throws IllegalStateException if the optimiser fails or the Hessian is singular
     */
    public static HawkesFit fit(double[][] times, double horizon) {
        Events ev = new Events(times, horizon);
        int d = ev.dims;
        int dd = d * d;
        int k = d + 2 * dd;
        for (int m = 0; m < d; m++) {
            if (ev.counts[m] < 10) {
                throw new IllegalArgumentException("dimension " + m + " has " + ev.counts[m]
                        + " events: need at least 10 to fit");
            }
        }
        double gap = horizon / ev.t.length;
        double[] lower = new double[k];
        double[] upper = new double[k];
        for (int m = 0; m < d; m++) {
            double rate = ev.counts[m] / horizon;
            lower[m] = Math.log(1e-6 * rate);
            upper[m] = Math.log(100.0 * rate);
        }
        for (int p = 0; p < dd; p++) {
            lower[d + p] = Math.log(ALPHA_MIN);
            upper[d + p] = Math.log(ALPHA_MAX);
            lower[d + dd + p] = Math.log(1e-4 / gap);
            upper[d + dd + p] = Math.log(1e4 / gap);
        }
        double[][] startAlphaBeta = {{0.3, 1.0}, {0.6, 0.1}, {0.1, 10.0}, {0.5, 100.0}};
        double bestLl = Double.NEGATIVE_INFINITY;
        double[] bestX = null;
        int evaluations = 0;
        for (double[] sab : startAlphaBeta) {
            double[] x0 = new double[k];
            double aStart = sab[0] / d;
            for (int m = 0; m < d; m++) {
                double rate = ev.counts[m] / horizon;
                x0[m] = Math.log(rate * (1.0 - sab[0]));
            }
            for (int p = 0; p < dd; p++) {
                x0[d + p] = Math.log(aStart);
                x0[d + dd + p] = Math.log(sab[1] / gap);
            }
            ObjectiveFunction f = new ObjectiveFunction(x -> {
                double ll = evaluate(ev, exp(x), null);
                return Double.isFinite(ll) ? ll : -Double.MAX_VALUE;
            });
            BOBYQAOptimizer opt = new BOBYQAOptimizer(2 * k + 1, 0.5, 1e-5);
            try {
                PointValuePair r = opt.optimize(new MaxEval(20_000), f, GoalType.MAXIMIZE, new InitialGuess(x0),
                        new SimpleBounds(lower, upper));
                evaluations += opt.getEvaluations();
                if (r.getValue() > bestLl) {
                    bestLl = r.getValue();
                    bestX = r.getPoint();
                }
            } catch (TooManyEvaluationsException e) {
                evaluations += 20_000;
            }
        }
        if (bestX == null) {
            throw new IllegalStateException("no start of the Hawkes likelihood maximisation converged within 20,000"
                    + " evaluations");
        }
        double[] x = polish(ev, bestX, lower, upper);
        double[] theta = exp(x);
        double ll = evaluate(ev, theta, null);
        double[][] cov = covariance(ev, theta);
        boolean atBound = false;
        for (int j = 0; j < k; j++) {
            if (x[j] - lower[j] < 1e-6 || upper[j] - x[j] < 1e-6) {
                atBound = true;
            }
        }
        HawkesParameters params = HawkesParameters.fromVector(theta, d);
        return new HawkesFit(params, ll, cov, horizon, ev.t.length, evaluations, atBound,
                goodnessOfFit(times, horizon, params));
    }

    /** Newton steps in x = ln theta with the analytic gradient and a central-difference Hessian. */
    private static double[] polish(Events ev, double[] x0, double[] lower, double[] upper) {
        int k = x0.length;
        double[] x = x0.clone();
        double ll = evaluate(ev, exp(x), null);
        for (int iter = 0; iter < 50; iter++) {
            double[] gx = gradX(ev, x);
            double gmax = 0.0;
            for (int j = 0; j < k; j++) {
                gmax = Math.max(gmax, Math.abs(gx[j]));
            }
            if (gmax < 1e-7 * Math.max(1.0, Math.abs(ll))) {
                break;
            }
            double[][] h = new double[k][k];
            for (int j = 0; j < k; j++) {
                double step = 1e-5;
                double[] xp = x.clone();
                double[] xm = x.clone();
                xp[j] += step;
                xm[j] -= step;
                double[] gp = gradX(ev, xp);
                double[] gm = gradX(ev, xm);
                for (int i = 0; i < k; i++) {
                    h[i][j] = (gp[i] - gm[i]) / (2 * step);
                }
            }
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < i; j++) {
                    double v = 0.5 * (h[i][j] + h[j][i]);
                    h[i][j] = v;
                    h[j][i] = v;
                }
            }
            double[] dx;
            try {
                dx = new LUDecomposition(new Array2DRowRealMatrix(h, false)).getSolver()
                        .solve(new org.apache.commons.math3.linear.ArrayRealVector(gx)).toArray();
            } catch (SingularMatrixException e) {
                break;
            }
            double scale = 1.0;
            boolean improved = false;
            for (int half = 0; half < 30; half++) {
                double[] xn = new double[k];
                for (int j = 0; j < k; j++) {
                    xn[j] = Math.min(upper[j], Math.max(lower[j], x[j] - scale * dx[j]));
                }
                double lln = evaluate(ev, exp(xn), null);
                if (lln >= ll) {
                    x = xn;
                    ll = lln;
                    improved = true;
                    break;
                }
                scale *= 0.5;
            }
            if (!improved) {
                break;
            }
        }
        return x;
    }

    private static double[] gradX(Events ev, double[] x) {
        double[] theta = exp(x);
        double[] g = new double[x.length];
        evaluate(ev, theta, g);
        for (int j = 0; j < x.length; j++) {
            g[j] *= theta[j];
        }
        return g;
    }

    /** Inverse of minus the Hessian in theta: central differences of the analytic gradient, step 1e-5 |theta|. */
    static double[][] covariance(Events ev, double[] theta) {
        int k = theta.length;
        double[][] h = new double[k][k];
        for (int j = 0; j < k; j++) {
            double step = 1e-5 * Math.abs(theta[j]);
            double[] tp = theta.clone();
            double[] tm = theta.clone();
            tp[j] += step;
            tm[j] -= step;
            double[] gp = new double[k];
            double[] gm = new double[k];
            evaluate(ev, tp, gp);
            evaluate(ev, tm, gm);
            for (int i = 0; i < k; i++) {
                h[i][j] = -(gp[i] - gm[i]) / (2 * step);
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                double v = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = v;
                h[j][i] = v;
            }
        }
        RealMatrix m = new Array2DRowRealMatrix(h, false);
        try {
            return new LUDecomposition(m).getSolver().getInverse().getData();
        } catch (SingularMatrixException e) {
            throw new IllegalStateException("the Hessian of the Hawkes log-likelihood is singular at "
                    + Arrays.toString(theta) + ": standard errors undefined", e);
        }
    }

    private static double[] exp(double[] x) {
        double[] t = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            t[j] = Math.exp(x[j]);
        }
        return t;
    }

    /**
     * Intensities {@code lambda_m(s)} at the given times (left limits: events at exactly {@code s} not counted).
     *
     * @param times     event times per dimension (not modified)
     * @param params    parameters
     * @param evalTimes non-decreasing evaluation times (not modified)
     * @return {@code [m][j]} = lambda_m(evalTimes[j])
     */
    public static double[][] intensity(double[][] times, HawkesParameters params, double[] evalTimes) {
        int d = params.dimension();
        if (times.length != d) {
            throw new IllegalArgumentException(times.length + " event arrays for parameters of dimension " + d);
        }
        double last = evalTimes.length == 0 ? 0.0 : Math.max(evalTimes[evalTimes.length - 1], 0.0);
        double maxT = last;
        for (double[] s : times) {
            if (s.length > 0) {
                maxT = Math.max(maxT, s[s.length - 1]);
            }
        }
        Events ev = new Events(times, Math.max(maxT, Double.MIN_NORMAL));
        double[][] out = new double[d][evalTimes.length];
        double[] s = new double[d * d];
        double tState = 0.0;
        int next = 0;
        for (int j = 0; j < evalTimes.length; j++) {
            double te = evalTimes[j];
            if (j > 0 && te < evalTimes[j - 1]) {
                throw new IllegalArgumentException("evalTimes[" + j + "] = " + te + " < evalTimes[" + (j - 1)
                        + "]: expected non-decreasing times");
            }
            while (next < ev.t.length && ev.t[next] < te) {
                decay(s, params, ev.t[next] - tState);
                tState = ev.t[next];
                int src = ev.type[next];
                for (int tgt = 0; tgt < d; tgt++) {
                    s[tgt * d + src] += 1.0;
                }
                next++;
            }
            double dt = te - tState;
            for (int m = 0; m < d; m++) {
                double lam = params.mu(m);
                for (int src = 0; src < d; src++) {
                    double b = params.beta(m, src);
                    lam += params.alpha(m, src) * b * s[m * d + src] * Math.exp(-b * dt);
                }
                out[m][j] = lam;
            }
        }
        return out;
    }

    private static void decay(double[] s, HawkesParameters p, double dt) {
        int d = p.dimension();
        for (int m = 0; m < d; m++) {
            for (int n = 0; n < d; n++) {
                s[m * d + n] *= Math.exp(-p.beta(m, n) * dt);
            }
        }
    }

    /**
     * Compensator increments {@code tau_i = Lambda_m(t^m_i) - Lambda_m(t^m_{i-1})} between consecutive events of
     * each dimension (i = 2..n_m; the piece from 0 to the first event is not used). Under the model they are iid
     * Exp(1) (the time-rescaling theorem; Ogata 1988, J. Amer. Statist. Assoc. 83, 9-27).
     *
     * @return one array per dimension
     */
    public static double[][] compensatorIncrements(double[][] times, double horizon, HawkesParameters params) {
        Events ev = new Events(times, horizon);
        requireDimension(ev, params);
        int d = ev.dims;
        double[][] out = new double[d][];
        int[] fill = new int[d];
        for (int m = 0; m < d; m++) {
            out[m] = new double[Math.max(0, ev.counts[m] - 1)];
        }
        // Lambda_m(t) = mu_m t + sum_n alpha_mn sum_{t_k < t} (1 - exp(-beta_mn (t - t_k)))
        //             = mu_m t + sum_n alpha_mn (N_n(t-) - S_mn(t)),  S_mn(t) = sum exp(-beta (t - t_k))
        double[] s = new double[d * d];
        double[] count = new double[d];
        double tState = 0.0;
        double[] lastLambda = new double[d];
        boolean[] seen = new boolean[d];
        int i = 0;
        int n = ev.t.length;
        while (i < n) {
            double ti = ev.t[i];
            decay(s, params, ti - tState);
            tState = ti;
            int j = i;
            while (j < n && ev.t[j] == ti) {
                int m = ev.type[j];
                double lam = params.mu(m) * ti;
                for (int src = 0; src < d; src++) {
                    lam += params.alpha(m, src) * (count[src] - s[m * d + src]);
                }
                if (seen[m]) {
                    out[m][fill[m]++] = lam - lastLambda[m];
                }
                lastLambda[m] = lam;
                seen[m] = true;
                j++;
            }
            for (int q = i; q < j; q++) {
                int src = ev.type[q];
                count[src] += 1.0;
                for (int tgt = 0; tgt < d; tgt++) {
                    s[tgt * d + src] += 1.0;
                }
            }
            i = j;
        }
        return out;
    }

    /**
     * Kolmogorov-Smirnov test of each dimension's compensator increments against Exp(1).
     *
     * @return one result per dimension
     */
    public static HawkesGoodnessOfFit[] goodnessOfFit(double[][] times, double horizon, HawkesParameters params) {
        double[][] tau = compensatorIncrements(times, horizon, params);
        HawkesGoodnessOfFit[] out = new HawkesGoodnessOfFit[tau.length];
        for (int m = 0; m < tau.length; m++) {
            out[m] = HawkesGoodnessOfFit.of(tau[m]);
        }
        return out;
    }

    /**
     * Simulates on {@code [0, T]} by Ogata's thinning: from time t, draw a candidate after an exponential gap at the
     * rate {@code sum_m lambda_m(t+)} (an upper bound until the next event, as every kernel decays), accept it with
     * probability {@code sum_m lambda_m(candidate) / bound}, and give it dimension m with probability proportional to
     * {@code lambda_m(candidate)}.
     *
     * @param params  parameters
     * @param horizon T
     * @param seed    seed of a {@link SplittableRandom}: the same seed gives the same events
     * @return event times per dimension
     */
    public static double[][] simulate(HawkesParameters params, double horizon, long seed) {
        if (!(horizon > 0.0) || Double.isInfinite(horizon)) {
            throw new IllegalArgumentException("horizon T = " + horizon + ": expected finite and > 0");
        }
        int d = params.dimension();
        SplittableRandom rng = new SplittableRandom(seed);
        double[] s = new double[d * d];
        double[][] buf = new double[d][16];
        int[] cnt = new int[d];
        double t = 0.0;
        double[] lam = new double[d];
        while (true) {
            double bound = 0.0;
            for (int m = 0; m < d; m++) {
                double l = params.mu(m);
                for (int n = 0; n < d; n++) {
                    l += params.alpha(m, n) * params.beta(m, n) * s[m * d + n];
                }
                bound += l;
            }
            double w = -Math.log(1.0 - rng.nextDouble()) / bound;
            decay(s, params, w);
            t += w;
            if (t > horizon) {
                break;
            }
            double total = 0.0;
            for (int m = 0; m < d; m++) {
                double l = params.mu(m);
                for (int n = 0; n < d; n++) {
                    l += params.alpha(m, n) * params.beta(m, n) * s[m * d + n];
                }
                lam[m] = l;
                total += l;
            }
            double u = rng.nextDouble() * bound;
            if (u <= total) {
                int m = 0;
                double acc = lam[0];
                while (u > acc && m < d - 1) {
                    m++;
                    acc += lam[m];
                }
                if (cnt[m] == buf[m].length) {
                    buf[m] = Arrays.copyOf(buf[m], buf[m].length * 2);
                }
                buf[m][cnt[m]++] = t;
                for (int tgt = 0; tgt < d; tgt++) {
                    s[tgt * d + m] += 1.0;
                }
            }
        }
        double[][] out = new double[d][];
        for (int m = 0; m < d; m++) {
            out[m] = Arrays.copyOf(buf[m], cnt[m]);
        }
        return out;
    }
}
