package io.qtrade.features.regime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import tech.tablesaw.api.NumericColumn;

/**
 * Hamilton's Markov-switching regression ({@code p = 0}, statsmodels {@code MarkovRegression(y, k, trend="c",
 * switching_variance)}) and autoregression ({@code p > 0}, {@code MarkovAutoregression(y, k, order=p, trend="c",
 * switching_ar, switching_variance)}); model in {@link MarkovSwitchingParameters}. The likelihood conditions on the
 * first p observations (nobs = n - p) and starts from the ergodic regime distribution, as statsmodels does.
 *
 * <p>Estimation ({@link MarkovEstimation}):
 * <ul>
 *   <li>MAXIMUM_LIKELIHOOD (default): from several starts (four deterministic: stay probability 0.9 or 0.7, means
 *       equal or spread by half a standard deviation, variances spread geometrically over a factor 4; plus
 *       {@link Builder#randomStarts(int)} draws of {@code U(-2, 2)} added to the first start in the unconstrained
 *       coordinates, from a fixed seed), each start improved by 20 EM steps when {@code p = 0} and then by BOBYQA (trust radius 0.3 down to 1e-5) in
 *       unconstrained coordinates (multinomial logits of the transition rows, log variances), the best polished by
 *       Newton steps with a central-difference Hessian until the gradient is below 1e-8 relative. Variances are kept
 *       above 1e-6 var(y): the switching-variance likelihood is unbounded as a variance goes to 0.</li>
 *   <li>EM: Hamilton (1990) EM iterations from the same deterministic starts until the log-likelihood changes by less
 *       than 1e-12 relative ({@code p = 0} only). The initial ergodic distribution is held fixed inside each M-step
 *       (as in statsmodels' {@code em_iter}), so the EM fixed point can differ from the exact maximum in the last
 *       digits; MAXIMUM_LIKELIHOOD finishes at the exact maximum.</li>
 * </ul>
 * Regimes are then labelled by increasing variance (by increasing mean when the variance does not switch): regime 0
 * is the calm one. Standard errors: {@code sqrt(diag(-H^-1))}, H the central-difference Hessian of the log-likelihood
 * in the natural parameters in statsmodels' order ({@code cov_type="approx"}; statsmodels uses complex-step
 * differences), with steps of 1e-4 of each parameter's scale (see {@code covariance}). Batch work; {@link HamiltonFilter} is the streaming filter.
 */
public final class MarkovSwitching {

    private final int regimes;
    private final int order;
    private final boolean switchingMean;
    private final boolean switchingVariance;
    private final boolean switchingAr;
    private final MarkovEstimation estimation;
    private final int randomStarts;
    private final long seed;
    private final MarkovVarianceIndexing varianceIndexing;

    private MarkovSwitching(Builder b) {
        this.varianceIndexing = b.varianceIndexing;
        if (b.estimation == MarkovEstimation.EM && b.order > 0) {
            throw new IllegalArgumentException("EM estimation covers order 0 (MarkovRegression); order " + b.order
                    + " needs MAXIMUM_LIKELIHOOD");
        }
        this.regimes = b.regimes;
        this.order = b.order;
        this.switchingMean = b.switchingMean;
        this.switchingVariance = b.switchingVariance;
        this.switchingAr = b.switchingAr;
        this.estimation = b.estimation;
        this.randomStarts = b.randomStarts;
        this.seed = b.seed;
        if (!switchingMean && !switchingVariance && !(switchingAr && order > 0)) {
            throw new IllegalArgumentException("nothing switches: set switchingMean, switchingVariance or"
                    + " switchingAr (with order > 0)");
        }
    }

    /** A builder: 2 regimes, order 0, switching mean and variance, maximum likelihood. */
    public static Builder builder() {
        return new Builder();
    }

    /** Parameter layout in statsmodels' order. */
    final class Layout {
        final int k = regimes;
        final int nTrans = regimes * (regimes - 1);
        final int nMean = switchingMean ? regimes : 1;
        final int nVar = switchingVariance ? regimes : 1;
        final int nArPerLag = switchingAr ? regimes : 1;
        final int size = nTrans + nMean + nVar + order * nArPerLag;

        String[] names() {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < k - 1; i++) {
                for (int j = 0; j < k; j++) {
                    out.add("p[" + j + "->" + i + "]");
                }
            }
            for (int i = 0; i < nMean; i++) {
                out.add(switchingMean ? "const[" + i + "]" : "const");
            }
            for (int i = 0; i < nVar; i++) {
                out.add(switchingVariance ? "sigma2[" + i + "]" : "sigma2");
            }
            for (int l = 1; l <= order; l++) {
                for (int i = 0; i < nArPerLag; i++) {
                    out.add(switchingAr ? "ar.L" + l + "[" + i + "]" : "ar.L" + l);
                }
            }
            return out.toArray(new String[0]);
        }

        /** Natural vector -> parameters; null when a transition row leaves [0, 1]. */
        MarkovSwitchingParameters toParams(double[] th) {
            double[][] tr = new double[k][k];
            int c = 0;
            for (int i = 0; i < k - 1; i++) {
                for (int j = 0; j < k; j++) {
                    tr[j][i] = th[c++];
                }
            }
            for (int j = 0; j < k; j++) {
                double s = 0.0;
                for (int i = 0; i < k - 1; i++) {
                    if (!(tr[j][i] >= 0.0 && tr[j][i] <= 1.0)) {
                        return null;
                    }
                    s += tr[j][i];
                }
                if (s > 1.0) {
                    return null;
                }
                tr[j][k - 1] = 1.0 - s;
            }
            double[] mu = new double[k];
            for (int i = 0; i < k; i++) {
                mu[i] = th[c + (switchingMean ? i : 0)];
            }
            c += nMean;
            double[] var = new double[k];
            for (int i = 0; i < k; i++) {
                var[i] = th[c + (switchingVariance ? i : 0)];
                if (!(var[i] > 0.0)) {
                    return null;
                }
            }
            c += nVar;
            double[][] ar = new double[k][order];
            for (int l = 0; l < order; l++) {
                for (int i = 0; i < k; i++) {
                    ar[i][l] = th[c + l * nArPerLag + (switchingAr ? i : 0)];
                }
            }
            return new MarkovSwitchingParameters(tr, mu, var, ar);
        }

        double[] toVector(MarkovSwitchingParameters q) {
            double[] th = new double[size];
            int c = 0;
            for (int i = 0; i < k - 1; i++) {
                for (int j = 0; j < k; j++) {
                    th[c++] = q.transition(j, i);
                }
            }
            for (int i = 0; i < nMean; i++) {
                th[c++] = q.means()[i];
            }
            for (int i = 0; i < nVar; i++) {
                th[c++] = q.variances()[i];
            }
            for (int l = 0; l < order; l++) {
                for (int i = 0; i < nArPerLag; i++) {
                    th[c++] = q.ar()[i][l];
                }
            }
            return th;
        }

        /** Unconstrained coordinates: transition logits against the last regime, log variances. */
        double[] toFree(MarkovSwitchingParameters q) {
            double[] x = toVector(q);
            int c = 0;
            for (int i = 0; i < k - 1; i++) {
                for (int j = 0; j < k; j++) {
                    double last = Math.max(q.transition(j, k - 1), 1e-300);
                    x[c++] = Math.log(Math.max(q.transition(j, i), 1e-300) / last);
                }
            }
            c += nMean;
            for (int i = 0; i < nVar; i++) {
                x[c + i] = Math.log(x[c + i]);
            }
            return x;
        }

        MarkovSwitchingParameters fromFree(double[] x) {
            double[] th = x.clone();
            for (int j = 0; j < k; j++) {
                double denom = 1.0;
                for (int i = 0; i < k - 1; i++) {
                    denom += Math.exp(x[i * k + j]);
                }
                for (int i = 0; i < k - 1; i++) {
                    th[i * k + j] = Math.exp(x[i * k + j]) / denom;
                }
            }
            int c = nTrans + nMean;
            for (int i = 0; i < nVar; i++) {
                th[c + i] = Math.exp(x[c + i]);
            }
            return toParams(th);
        }
    }

    /**
     * Fits Tablesaw column values.
     *
     * @param y the series (missing values refused)
     * @return the fit
     */
    public MarkovSwitchingFit fit(NumericColumn<?> y) {
        double[] v = y.asDoubleArray();
        for (int i = 0; i < v.length; i++) {
            if (y.isMissing(i)) {
                throw new IllegalArgumentException("column '" + y.name() + "' row " + i + ": missing value");
            }
        }
        return fit(v);
    }

    /**
     * Fits the model.
     *
     * @param y the series, oldest first (not modified), finite
     * @return the fit
     * @throws IllegalStateException when no start reaches a finite likelihood or the Hessian is singular
     */
    public MarkovSwitchingFit fit(double[] y) {
        Layout lay = new Layout();
        int n = y.length;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("y[" + i + "] = " + y[i] + ": expected finite");
            }
        }
        if (n - order <= lay.size + 10) {
            throw new IllegalArgumentException(n + " observations for " + lay.size + " parameters and order " + order
                    + ": need more than " + (lay.size + order + 10));
        }
        double mean = 0.0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double var = 0.0;
        for (double v : y) {
            var += (v - mean) * (v - mean);
        }
        var /= n;
        if (!(var > 0.0)) {
            throw new IllegalArgumentException("y is constant: no variance to switch");
        }
        double sd = Math.sqrt(var);
        double[] phi0 = arStart(y, mean);
        double resVar = residualVariance(y, mean, phi0);
        List<MarkovSwitchingParameters> starts = new ArrayList<>();
        for (double stay : new double[] {0.9, 0.7}) {
            for (double spread : new double[] {0.0, 0.5}) {
                starts.add(start(stay, spread, mean, sd, resVar, phi0));
            }
        }
        double lowVar = Math.log(1e-6 * var);
        double highVar = Math.log(1e4 * var);
        double[] lower = new double[lay.size];
        double[] upper = new double[lay.size];
        for (int j = 0; j < lay.size; j++) {
            if (j < lay.nTrans) {
                lower[j] = -25;
                upper[j] = 25;
            } else if (j < lay.nTrans + lay.nMean) {
                lower[j] = mean - 20 * sd;
                upper[j] = mean + 20 * sd;
            } else if (j < lay.nTrans + lay.nMean + lay.nVar) {
                lower[j] = lowVar;
                upper[j] = highVar;
            } else {
                lower[j] = -5;
                upper[j] = 5;
            }
        }
        if (estimation == MarkovEstimation.MAXIMUM_LIKELIHOOD && randomStarts > 0) {
            SplittableRandom rng = new SplittableRandom(seed);
            double[] x0 = lay.toFree(starts.get(0));
            for (int r = 0; r < randomStarts; r++) {
                double[] x = x0.clone();
                for (int j = 0; j < x.length; j++) {
                    x[j] = clamp(x[j] + rng.nextDouble(-2.0, 2.0), lower[j], upper[j]);
                }
                MarkovSwitchingParameters q = lay.fromFree(x);
                if (q != null) {
                    starts.add(q);
                }
            }
        }
        double bestLl = Double.NEGATIVE_INFINITY;
        MarkovSwitchingParameters best = null;
        int evaluations = 0;
        for (MarkovSwitchingParameters s0 : starts) {
            MarkovSwitchingParameters s = s0;
            if (order == 0) {
                s = em(y, s, estimation == MarkovEstimation.EM ? 100_000 : 20, lowVar);
            }
            if (estimation == MarkovEstimation.EM) {
                double ll = MarkovChain.logLikelihood(y, s, varianceIndexing);
                if (ll > bestLl) {
                    bestLl = ll;
                    best = s;
                }
                continue;
            }
            double[] x0 = lay.toFree(s);
            for (int j = 0; j < x0.length; j++) {
                x0[j] = clamp(x0[j], lower[j] + 1e-3, upper[j] - 1e-3);
            }
            ObjectiveFunction f = new ObjectiveFunction(x -> {
                double ll = logLikelihoodFree(y, lay, x);
                return Double.isFinite(ll) ? ll : -Double.MAX_VALUE;
            });
            BOBYQAOptimizer opt = new BOBYQAOptimizer(2 * lay.size + 1, 0.3, 1e-5);
            try {
                PointValuePair r = opt.optimize(new MaxEval(20_000), f, GoalType.MAXIMIZE, new InitialGuess(x0),
                        new SimpleBounds(lower, upper));
                evaluations += opt.getEvaluations();
                if (r.getValue() > bestLl) {
                    bestLl = r.getValue();
                    best = lay.fromFree(r.getPoint());
                }
            } catch (TooManyEvaluationsException e) {
                evaluations += 20_000;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no start reached a finite Markov-switching likelihood");
        }
        if (estimation == MarkovEstimation.MAXIMUM_LIKELIHOOD) {
            best = lay.fromFree(polish(y, lay, lay.toFree(best), lower, upper));
        }
        best = relabel(best);
        double[] theta = lay.toVector(best);
        double[][] cov = covariance(y, lay, theta);
        MarkovChain.Pass pass = MarkovChain.run(y, best, true, false, varianceIndexing);
        return new MarkovSwitchingFit(this, best, pass.logLikelihood(), lay.names(), theta, cov, pass.filtered(),
                pass.smoothed(), n - order, evaluations);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private MarkovSwitchingParameters start(double stay, double spread, double mean, double sd, double resVar,
                                            double[] phi) {
        int k = regimes;
        double[][] tr = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                tr[i][j] = i == j ? stay : (1.0 - stay) / (k - 1);
            }
        }
        double[] mu = new double[k];
        double[] v = new double[k];
        double[][] ar = new double[k][order];
        for (int i = 0; i < k; i++) {
            double pos = k == 1 ? 0.0 : (double) i / (k - 1);
            mu[i] = switchingMean ? mean + spread * sd * (pos - 0.5) * 2.0 : mean;
            v[i] = switchingVariance ? resVar * 0.5 * Math.pow(4.0, pos) : resVar;
            ar[i] = phi.clone();
        }
        return new MarkovSwitchingParameters(tr, mu, v, ar);
    }

    /** OLS AR(p) coefficients of the demeaned series (the start of every regime's AR terms). */
    private double[] arStart(double[] y, double mean) {
        if (order == 0) {
            return new double[0];
        }
        int n = y.length;
        double[][] xtx = new double[order][order];
        double[] xty = new double[order];
        for (int t = order; t < n; t++) {
            for (int a = 0; a < order; a++) {
                double xa = y[t - a - 1] - mean;
                xty[a] += xa * (y[t] - mean);
                for (int b = 0; b < order; b++) {
                    xtx[a][b] += xa * (y[t - b - 1] - mean);
                }
            }
        }
        try {
            return new LUDecomposition(new Array2DRowRealMatrix(xtx)).getSolver().solve(new ArrayRealVector(xty))
                    .toArray();
        } catch (SingularMatrixException e) {
            return new double[order];
        }
    }

    private double residualVariance(double[] y, double mean, double[] phi) {
        int n = y.length;
        double s = 0.0;
        for (int t = order; t < n; t++) {
            double e = y[t] - mean;
            for (int a = 0; a < order; a++) {
                e -= phi[a] * (y[t - a - 1] - mean);
            }
            s += e * e;
        }
        return s / (n - order);
    }

    double logLikelihoodFree(double[] y, Layout lay, double[] x) {
        MarkovSwitchingParameters q = lay.fromFree(x);
        if (q == null) {
            return Double.NEGATIVE_INFINITY;
        }
        return MarkovChain.logLikelihood(y, q, varianceIndexing);
    }

    private double logLikelihoodNatural(double[] y, Layout lay, double[] th) {
        MarkovSwitchingParameters q = lay.toParams(th);
        if (q == null) {
            return Double.NEGATIVE_INFINITY;
        }
        return MarkovChain.logLikelihood(y, q, varianceIndexing);
    }

    /** EM (order 0): Hamilton (1990) M-steps with the smoothed probabilities. */
    private MarkovSwitchingParameters em(double[] y, MarkovSwitchingParameters q0, int maxIter, double lowLogVar) {
        int k = regimes;
        int n = y.length;
        MarkovSwitchingParameters q = q0;
        double prevLl = Double.NEGATIVE_INFINITY;
        double floor = Math.exp(lowLogVar);
        for (int iter = 0; iter < maxIter; iter++) {
            MarkovChain.Pass pass = MarkovChain.run(y, q, true, true);
            double ll = pass.logLikelihood();
            if (iter > 0 && Math.abs(ll - prevLl) <= 1e-12 * Math.abs(ll)) {
                break;
            }
            prevLl = ll;
            double[][] g = pass.smoothed();
            double[][] xi = pass.transitionsSmoothed();
            double[][] tr = new double[k][k];
            for (int i = 0; i < k; i++) {
                double row = 0.0;
                for (int j = 0; j < k; j++) {
                    row += xi[i][j];
                }
                for (int j = 0; j < k; j++) {
                    tr[i][j] = row > 0.0 ? xi[i][j] / row : 1.0 / k;
                }
            }
            double[] w = new double[k];
            for (int t = 0; t < n; t++) {
                for (int i = 0; i < k; i++) {
                    w[i] += g[t][i];
                }
            }
            double[] v = q.variances();
            double[] newMu = new double[k];
            if (switchingMean) {
                for (int i = 0; i < k; i++) {
                    double s = 0.0;
                    for (int t = 0; t < n; t++) {
                        s += g[t][i] * y[t];
                    }
                    newMu[i] = s / w[i];
                }
            } else {
                double num = 0.0;
                double den = 0.0;
                for (int t = 0; t < n; t++) {
                    for (int i = 0; i < k; i++) {
                        num += g[t][i] * y[t] / v[i];
                        den += g[t][i] / v[i];
                    }
                }
                Arrays.fill(newMu, num / den);
            }
            double[] newV = new double[k];
            if (switchingVariance) {
                for (int i = 0; i < k; i++) {
                    double s = 0.0;
                    for (int t = 0; t < n; t++) {
                        double e = y[t] - newMu[i];
                        s += g[t][i] * e * e;
                    }
                    newV[i] = Math.max(s / w[i], floor);
                }
            } else {
                double s = 0.0;
                for (int t = 0; t < n; t++) {
                    for (int i = 0; i < k; i++) {
                        double e = y[t] - newMu[i];
                        s += g[t][i] * e * e;
                    }
                }
                Arrays.fill(newV, Math.max(s / n, floor));
            }
            q = new MarkovSwitchingParameters(tr, newMu, newV, q.ar());
        }
        return q;
    }

    /** Newton steps in the unconstrained coordinates with central differences. */
    private double[] polish(double[] y, Layout lay, double[] x0, double[] lower, double[] upper) {
        int d = x0.length;
        double[] x = x0.clone();
        double ll = logLikelihoodFree(y, lay, x);
        for (int iter = 0; iter < 50; iter++) {
            double[] g = new double[d];
            double[][] h = new double[d][d];
            double[] step = new double[d];
            for (int j = 0; j < d; j++) {
                step[j] = 1e-4 * Math.max(1.0, Math.abs(x[j]));
            }
            double[] fPlus = new double[d];
            double[] fMinus = new double[d];
            for (int j = 0; j < d; j++) {
                double[] xp = x.clone();
                xp[j] += step[j];
                double[] xm = x.clone();
                xm[j] -= step[j];
                fPlus[j] = logLikelihoodFree(y, lay, xp);
                fMinus[j] = logLikelihoodFree(y, lay, xm);
                g[j] = (fPlus[j] - fMinus[j]) / (2 * step[j]);
                h[j][j] = (fPlus[j] - 2 * ll + fMinus[j]) / (step[j] * step[j]);
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < a; b++) {
                    double[] xpp = x.clone();
                    xpp[a] += step[a];
                    xpp[b] += step[b];
                    double[] xmm = x.clone();
                    xmm[a] -= step[a];
                    xmm[b] -= step[b];
                    double fpp = logLikelihoodFree(y, lay, xpp);
                    double fmm = logLikelihoodFree(y, lay, xmm);
                    // f(x+ea+eb) + f(x-ea-eb) = 2f + h_aa s_a^2 + h_bb s_b^2 + 2 h_ab s_a s_b
                    double v = (fpp + fmm - 2 * ll - h[a][a] * step[a] * step[a] - h[b][b] * step[b] * step[b])
                            / (2 * step[a] * step[b]);
                    h[a][b] = v;
                    h[b][a] = v;
                }
            }
            double gmax = 0.0;
            for (int j = 0; j < d; j++) {
                gmax = Math.max(gmax, Math.abs(g[j]));
            }
            if (gmax < 1e-8 * Math.max(1.0, Math.abs(ll))) {
                break;
            }
            double[] dx;
            try {
                dx = new LUDecomposition(new Array2DRowRealMatrix(h, false)).getSolver().solve(new ArrayRealVector(g))
                        .toArray();
            } catch (SingularMatrixException e) {
                break;
            }
            double scale = 1.0;
            boolean improved = false;
            for (int half = 0; half < 30; half++) {
                double[] xn = new double[d];
                for (int j = 0; j < d; j++) {
                    xn[j] = clamp(x[j] - scale * dx[j], lower[j], upper[j]);
                }
                double lln = logLikelihoodFree(y, lay, xn);
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

    /** Regimes by increasing variance (or mean when the variance does not switch). */
    private MarkovSwitchingParameters relabel(MarkovSwitchingParameters q) {
        int k = regimes;
        Integer[] order0 = new Integer[k];
        for (int i = 0; i < k; i++) {
            order0[i] = i;
        }
        double[] key = switchingVariance ? q.variances() : switchingMean ? q.means() : q.ar()[0].length > 0
                ? column(q.ar(), 0) : q.means();
        Arrays.sort(order0, (a, b) -> Double.compare(key[a], key[b]));
        double[][] tr = new double[k][k];
        double[] mu = new double[k];
        double[] v = new double[k];
        double[][] ar = new double[k][];
        for (int i = 0; i < k; i++) {
            int src = order0[i];
            mu[i] = q.means()[src];
            v[i] = q.variances()[src];
            ar[i] = q.ar()[src].clone();
            for (int j = 0; j < k; j++) {
                tr[i][j] = q.transition(src, order0[j]);
            }
        }
        return new MarkovSwitchingParameters(tr, mu, v, ar);
    }

    private static double[] column(double[][] a, int c) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i][c];
        }
        return out;
    }

    /**
     * -H^-1 in the natural parameters, H by central differences with steps scaled to each parameter's range: a
     * transition probability 1e-4 min(p, 1 - p) (at least 1e-9), a mean 1e-4 times the smallest regime standard
     * deviation, a variance 1e-4 times itself, an AR coefficient 1e-4.
     */
    private double[][] covariance(double[] y, Layout lay, double[] th) {
        int d = th.length;
        double f0 = logLikelihoodNatural(y, lay, th);
        double[] step = new double[d];
        double minSd = Double.POSITIVE_INFINITY;
        for (int i = 0; i < lay.nVar; i++) {
            minSd = Math.min(minSd, Math.sqrt(th[lay.nTrans + lay.nMean + i]));
        }
        for (int j = 0; j < d; j++) {
            if (j < lay.nTrans) {
                step[j] = Math.max(1e-4 * Math.min(th[j], 1.0 - th[j]), 1e-9);
            } else if (j < lay.nTrans + lay.nMean) {
                step[j] = 1e-4 * minSd;
            } else if (j < lay.nTrans + lay.nMean + lay.nVar) {
                step[j] = 1e-4 * th[j];
            } else {
                step[j] = 1e-4;
            }
        }
        double[][] h = new double[d][d];
        for (int a = 0; a < d; a++) {
            double[] tp = th.clone();
            tp[a] += step[a];
            double[] tm = th.clone();
            tm[a] -= step[a];
            h[a][a] = (logLikelihoodNatural(y, lay, tp) - 2 * f0 + logLikelihoodNatural(y, lay, tm))
                    / (step[a] * step[a]);
            for (int b = 0; b < a; b++) {
                double[] pp = th.clone();
                pp[a] += step[a];
                pp[b] += step[b];
                double[] pm = th.clone();
                pm[a] += step[a];
                pm[b] -= step[b];
                double[] mp = th.clone();
                mp[a] -= step[a];
                mp[b] += step[b];
                double[] mm = th.clone();
                mm[a] -= step[a];
                mm[b] -= step[b];
                double v = (logLikelihoodNatural(y, lay, pp) - logLikelihoodNatural(y, lay, pm)
                        - logLikelihoodNatural(y, lay, mp) + logLikelihoodNatural(y, lay, mm))
                        / (4 * step[a] * step[b]);
                h[a][b] = v;
                h[b][a] = v;
            }
        }
        try {
            double[][] inv = new LUDecomposition(new Array2DRowRealMatrix(h, false)).getSolver().getInverse()
                    .getData();
            for (double[] row : inv) {
                for (int j = 0; j < d; j++) {
                    row[j] = -row[j];
                }
            }
            return inv;
        } catch (SingularMatrixException e) {
            throw new IllegalStateException("the Hessian of the Markov-switching log-likelihood is singular at "
                    + Arrays.toString(th) + ": standard errors undefined", e);
        }
    }

    /** Which regime's variance applies with order >= 2. */
    public MarkovVarianceIndexing varianceIndexing() {
        return varianceIndexing;
    }

    /** Number of regimes k. */
    public int regimes() {
        return regimes;
    }

    /** AR order p. */
    public int order() {
        return order;
    }

    /** statsmodels' parameter names, in order. */
    public String[] parameterNames() {
        return new Layout().names();
    }

    /**
     * The log-likelihood at given parameters (conditioning on the first p observations).
     *
     * @param y      the series (not modified)
     * @param params parameters with this model's k and p
     */
    public static double logLikelihood(double[] y, MarkovSwitchingParameters params) {
        return MarkovChain.logLikelihood(y, params, MarkovVarianceIndexing.CURRENT_REGIME);
    }

    @Override
    public String toString() {
        return "MarkovSwitching[regimes=" + regimes + ", order=" + order + ", switchingMean=" + switchingMean
                + ", switchingVariance=" + switchingVariance + ", switchingAr=" + switchingAr + ", estimation="
                + estimation + ", randomStarts=" + randomStarts + ", seed=" + seed + ", varianceIndexing="
                + varianceIndexing + "]";
    }

    /** Options; each setter checks its value. */
    public static final class Builder {
        private int regimes = 2;
        private int order;
        private boolean switchingMean = true;
        private boolean switchingVariance = true;
        private boolean switchingAr;
        private MarkovEstimation estimation = MarkovEstimation.MAXIMUM_LIKELIHOOD;
        private int randomStarts = 8;
        private long seed = 20240611L;
        private MarkovVarianceIndexing varianceIndexing = MarkovVarianceIndexing.CURRENT_REGIME;

        private Builder() {
        }

        /**
         * Which regime's variance applies with order >= 2 (default CURRENT_REGIME; STATSMODELS_0_13_5 reproduces that
         * version's indexing, see {@link MarkovVarianceIndexing}).
         */
        public Builder varianceIndexing(MarkovVarianceIndexing value) {
            this.varianceIndexing = java.util.Objects.requireNonNull(value, "varianceIndexing");
            return this;
        }

        /** Number of regimes k >= 2 (default 2). */
        public Builder regimes(int value) {
            if (value < 2) {
                throw new IllegalArgumentException("regimes " + value + ": expected at least 2");
            }
            this.regimes = value;
            return this;
        }

        /** AR order p >= 0 (default 0: MarkovRegression). */
        public Builder order(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("order " + value + ": expected >= 0");
            }
            this.order = value;
            return this;
        }

        /** Whether the mean switches (default true). */
        public Builder switchingMean(boolean value) {
            this.switchingMean = value;
            return this;
        }

        /** Whether the variance switches (default true). */
        public Builder switchingVariance(boolean value) {
            this.switchingVariance = value;
            return this;
        }

        /** Whether the AR coefficients switch (default false, Hamilton 1989). */
        public Builder switchingAr(boolean value) {
            this.switchingAr = value;
            return this;
        }

        /** EM or maximum likelihood (default MAXIMUM_LIKELIHOOD). */
        public Builder estimation(MarkovEstimation value) {
            this.estimation = java.util.Objects.requireNonNull(value, "estimation");
            return this;
        }

        /** Random starts added to the four deterministic ones (default 8, maximum likelihood only). */
        public Builder randomStarts(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("randomStarts " + value + ": expected >= 0");
            }
            this.randomStarts = value;
            return this;
        }

        /** Seed of the random starts (default 20240611). */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** The model. */
        public MarkovSwitching build() {
            return new MarkovSwitching(this);
        }
    }
}
