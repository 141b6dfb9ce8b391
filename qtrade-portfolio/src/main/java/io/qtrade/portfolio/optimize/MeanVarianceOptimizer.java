package io.qtrade.portfolio.optimize;

import io.qtrade.portfolio.covariance.Covariances;
import java.util.ArrayList;
import java.util.List;

/**
 * Constrained mean-variance optimisation (Markowitz 1952, "Portfolio selection", J. Finance 7(1)) over a covariance
 * Sigma, optional expected returns mu and a risk-free rate rf (all per period), under {@link PortfolioConstraints}:
 * <pre>{@code
 * minimumVariance:      min  w'Sigma w + cost(w)
 * efficientReturn(r):   min  w'Sigma w + cost(w)          s.t. mu'w = r
 * efficientVolatility(s): max mu'w                        s.t. sqrt(w'Sigma w) <= s   (see below)
 * maximumSharpe:        max  (mu'w - cost(w) - rf) / sqrt(w'Sigma w)
 * maximumUtility(d):    max  mu'w - cost(w) - d/2 w'Sigma w
 * all s.t. sum w = 1, bounds, leverage, groups, turnover;   cost(w) = sum c_i |w_i - w0_i|
 * }</pre>
 * Max Sharpe uses the homogeneous transform of Cornuejols and Tutuncu (2007, "Optimization Methods in Finance",
 * section 8.2), as cvxopt/PyPortfolioOpt do: {@code y = k w, k >= 0}, {@code min y'Sigma y} s.t.
 * {@code (mu - rf)'y - c'|y - k w0| >= 1}, {@code sum y = k}, every constant bound {@code a'w <= b} becomes
 * {@code a'y <= b k}; then {@code w = y / k}. It needs a feasible portfolio with net expected return above rf.
 * The target volatility solves the efficient-return problem for the return at which the frontier's volatility equals
 * the target (bisection between the minimum-variance return and the largest feasible return, to 1e-13 relative);
 * a target above the largest feasible return's volatility gives that portfolio.
 *
 * <p>Each QP is solved by ojAlgo's convex (active-set) solver and polished on its active set to machine precision;
 * infeasible constraints throw {@link InfeasiblePortfolioException} naming them, never NaN weights. Instances are
 * immutable; each call solves anew.
 */
public final class MeanVarianceOptimizer {

    private final double[][] cov;
    private final double[] mu;
    private final double riskFreeRate;
    private final PortfolioConstraints constraints;
    private final double scale;

    private MeanVarianceOptimizer(double[][] cov, double[] mu, double riskFreeRate, PortfolioConstraints constraints) {
        int n = Covariances.checkCovariance("mean-variance", cov);
        if (mu != null) {
            Covariances.checkVector("mean-variance", "expected returns", mu, n);
        }
        if (constraints.assets() != n) {
            throw new IllegalArgumentException("mean-variance: constraints are for " + constraints.assets()
                    + " assets, the covariance has " + n);
        }
        if (!Double.isFinite(riskFreeRate)) {
            throw new IllegalArgumentException("mean-variance: riskFreeRate = " + riskFreeRate + ", expected finite");
        }
        this.cov = Covariances.copy(cov);
        this.mu = mu == null ? null : mu.clone();
        this.riskFreeRate = riskFreeRate;
        this.constraints = constraints;
        double tr = 0.0;
        for (int i = 0; i < n; i++) {
            tr += cov[i][i];
        }
        this.scale = tr > 0.0 ? n / tr : 1.0;
    }

    /**
     * @param covariance     N x N, per period, not modified
     * @param expectedReturns N per period, or null (then only {@link #minimumVariance()} works)
     * @param riskFreeRate   per period, used by the Sharpe ratio
     * @param constraints    for N assets
     */
    public static MeanVarianceOptimizer of(double[][] covariance, double[] expectedReturns, double riskFreeRate,
                                           PortfolioConstraints constraints) {
        return new MeanVarianceOptimizer(covariance, expectedReturns, riskFreeRate, constraints);
    }

    /** The constraints. */
    public PortfolioConstraints constraints() {
        return constraints;
    }

    /** A copy optimising under other constraints (e.g. new current weights at the next rebalance). */
    public MeanVarianceOptimizer withConstraints(PortfolioConstraints other) {
        return new MeanVarianceOptimizer(cov, mu, riskFreeRate, other);
    }

    /** Global minimum variance (plus the cost penalty, if set). */
    public OptimalPortfolio minimumVariance() {
        QpModel m = new QpModel(constraints, false);
        m.addCovariance(cov, 2.0 * scale);
        m.addCosts(constraints, scale);
        return result(m.solve("minimum variance"));
    }

    /** Minimum variance (plus cost) among portfolios with {@code mu'w = targetReturn}. */
    public OptimalPortfolio efficientReturn(double targetReturn) {
        requireMu("efficient return");
        if (!Double.isFinite(targetReturn)) {
            throw new IllegalArgumentException("efficient return: target " + targetReturn + ", expected finite");
        }
        QpModel m = new QpModel(constraints, false);
        m.addCovariance(cov, 2.0 * scale);
        m.addCosts(constraints, scale);
        m.addEquality(mu, targetReturn, "expected return = " + targetReturn);
        try {
            return result(m.solve("efficient return " + targetReturn));
        } catch (InfeasiblePortfolioException e) {
            double max = maximumFeasibleReturn();
            double min = -new QpModel(constraints, false).maximiseLinear(negate(mu));
            if (targetReturn > max || targetReturn < min) {
                throw new InfeasiblePortfolioException("efficient return: target return " + targetReturn
                        + " is outside the feasible range [" + min + ", " + max + "] under " + describe());
            }
            throw e;
        }
    }

    /** The largest expected return any portfolio reaches under the constraints (an LP). */
    public double maximumFeasibleReturn() {
        requireMu("maximum feasible return");
        double r = new QpModel(constraints, false).maximiseLinear(mu);
        if (Double.isNaN(r)) {
            new QpModel(constraints, false).solve("maximum feasible return"); // throws the named infeasibility
            throw new InfeasiblePortfolioException("maximum feasible return: no feasible portfolio under "
                    + describe());
        }
        if (r == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("maximum feasible return: unbounded under " + describe()
                    + "; add bounds or a gross-leverage cap");
        }
        return r;
    }

    /** The efficient portfolio of largest return whose volatility does not exceed {@code targetVolatility}. */
    public OptimalPortfolio efficientVolatility(double targetVolatility) {
        requireMu("efficient volatility");
        if (!(targetVolatility > 0.0) || !Double.isFinite(targetVolatility)) {
            throw new IllegalArgumentException("efficient volatility: target " + targetVolatility
                    + ", expected finite and > 0");
        }
        OptimalPortfolio gmv = minimumVariance();
        if (targetVolatility < gmv.volatility() * (1.0 - 1e-12)) {
            throw new InfeasiblePortfolioException("efficient volatility: target volatility " + targetVolatility
                    + " is below the minimum feasible volatility " + gmv.volatility() + " under " + describe());
        }
        double lo = gmv.expectedReturn();
        double hi = maximumFeasibleReturn();
        OptimalPortfolio top = efficientReturn(hi);
        if (top.volatility() <= targetVolatility) {
            return top;
        }
        OptimalPortfolio best = gmv;
        for (int it = 0; it < 200 && hi - lo > 1e-13 * Math.max(1e-300, Math.abs(hi) + Math.abs(lo)); it++) {
            double mid = 0.5 * (lo + hi);
            OptimalPortfolio p = efficientReturn(mid);
            if (p.volatility() <= targetVolatility) {
                lo = mid;
                best = p;
            } else {
                hi = mid;
            }
        }
        return best;
    }

    /** Maximum Sharpe ratio {@code (mu'w - cost - rf)/sigma} via the homogeneous transform. */
    public OptimalPortfolio maximumSharpe() {
        requireMu("maximum Sharpe");
        int n = mu.length;
        QpModel m = new QpModel(constraints, true);
        m.addCovariance(cov, 2.0 * scale);
        double[] excess = new double[n];
        double excessScale = 0.0;
        for (int i = 0; i < n; i++) {
            excess[i] = mu[i] - riskFreeRate;
            excessScale = Math.max(excessScale, Math.abs(excess[i]));
        }
        if (excessScale == 0.0) {
            throw new InfeasiblePortfolioException("maximum Sharpe: every expected return equals the risk-free rate "
                    + riskFreeRate);
        }
        // (mu - rf)'y >= excessScale keeps y of order one (any positive constant gives the same w = y/k).
        m.addAtLeast(excess, excessScale, true, constraints, "expected return above the risk-free rate "
                + riskFreeRate);
        double[] x;
        try {
            x = m.solve("maximum Sharpe");
        } catch (InfeasiblePortfolioException e) {
            throw new InfeasiblePortfolioException("maximum Sharpe: no feasible portfolio has a net expected return"
                    + " above the risk-free rate " + riskFreeRate + " under " + describe() + " (" + e.getMessage()
                    + ")");
        }
        double k = x[n];
        if (!(k > 0.0)) {
            throw new InfeasiblePortfolioException("maximum Sharpe: the homogeneous solution has k = " + k
                    + ", so no fully invested portfolio reaches a positive excess return under " + describe());
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = x[i] / k;
        }
        return stats(w);
    }

    /** Maximum quadratic utility {@code mu'w - cost(w) - (riskAversion/2) w'Sigma w}, riskAversion > 0. */
    public OptimalPortfolio maximumUtility(double riskAversion) {
        requireMu("maximum utility");
        if (!(riskAversion > 0.0) || !Double.isFinite(riskAversion)) {
            throw new IllegalArgumentException("maximum utility: riskAversion " + riskAversion
                    + ", expected finite and > 0");
        }
        QpModel m = new QpModel(constraints, false);
        m.addCovariance(cov, riskAversion * scale);
        m.addLinear(mu, -scale);
        m.addCosts(constraints, scale);
        return result(m.solve("maximum utility"));
    }

    /**
     * {@code points} efficient portfolios with target returns equally spaced from the minimum-variance portfolio's
     * return to the largest feasible return (both ends included), points >= 2.
     */
    public List<OptimalPortfolio> efficientFrontier(int points) {
        requireMu("efficient frontier");
        if (points < 2) {
            throw new IllegalArgumentException("efficient frontier: points = " + points + ", expected >= 2");
        }
        OptimalPortfolio gmv = minimumVariance();
        double lo = gmv.expectedReturn();
        double hi = maximumFeasibleReturn();
        List<OptimalPortfolio> out = new ArrayList<>(points);
        out.add(constraints.hasCosts() ? efficientReturn(lo) : gmv);
        for (int p = 1; p < points; p++) {
            double r = lo + (hi - lo) * p / (points - 1);
            out.add(efficientReturn(p == points - 1 ? hi : r));
        }
        return out;
    }

    /** Statistics of any weights under this optimiser's inputs. */
    public OptimalPortfolio stats(double[] w) {
        Covariances.checkVector("mean-variance stats", "weights", w, cov.length);
        double var = Covariances.variance(w, cov);
        double vol = Math.sqrt(Math.max(var, 0.0));
        double ret = mu == null ? Double.NaN : Covariances.dot(mu, w);
        double sharpe = mu == null ? Double.NaN : (ret - riskFreeRate) / vol;
        return new OptimalPortfolio(w.clone(), ret, var, vol, sharpe, constraints.turnover(w), constraints.cost(w));
    }

    private OptimalPortfolio result(double[] x) {
        double[] w = new double[cov.length];
        System.arraycopy(x, 0, w, 0, w.length);
        return stats(w);
    }

    private void requireMu(String what) {
        if (mu == null) {
            throw new IllegalStateException(what + ": needs expected returns; the optimiser was built without them");
        }
    }

    private static double[] negate(double[] v) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = -v[i];
        }
        return o;
    }

    private String describe() {
        StringBuilder b = new StringBuilder("full investment + per-asset bounds");
        if (!constraints.groups().isEmpty()) {
            b.append(" + ").append(constraints.groups().size()).append(" group bounds");
        }
        if (constraints.grossLeverage() != Double.POSITIVE_INFINITY) {
            b.append(" + gross leverage <= ").append(constraints.grossLeverage());
        }
        if (constraints.turnoverLimit() != Double.POSITIVE_INFINITY) {
            b.append(" + turnover <= ").append(constraints.turnoverLimit());
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "MeanVarianceOptimizer[assets=" + cov.length + ", riskFreeRate=" + riskFreeRate + ", constraints="
                + constraints + "]";
    }
}
