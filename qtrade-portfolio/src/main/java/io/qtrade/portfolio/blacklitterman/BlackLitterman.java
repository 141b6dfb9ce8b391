package io.qtrade.portfolio.blacklitterman;

import io.qtrade.portfolio.covariance.Covariances;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Black-Litterman, as in He and Litterman (1999), "The intuition behind Black-Litterman model portfolios", Goldman
 * Sachs, and Idzorek (2005), "A step-by-step guide to the Black-Litterman model":
 * <pre>{@code
 * pi    = delta Sigma w_mkt                                  (reverse optimisation: implied excess returns)
 * Omega = diag(tau P Sigma P')   (He-Litterman)  or given
 * M     = [(tau Sigma)^-1 + P' Omega^-1 P]^-1                (covariance of the posterior mean)
 * mu_BL = M [(tau Sigma)^-1 pi + P' Omega^-1 Q]
 * Sigma_BL = Sigma + M                                       (posterior covariance of returns)
 * w*    = (delta Sigma_BL)^-1 mu_BL   (He-Litterman);   (delta Sigma)^-1 mu_BL   (Idzorek)
 * }</pre>
 * Units are those of Sigma (e.g. annual with Sigma = 252 x daily covariance); delta is the risk aversion, tau the
 * uncertainty of the prior. The posterior can then be handed to any optimiser
 * ({@code MeanVarianceOptimizer.of(result.posteriorCovariance(), result.posteriorMean(), ...)}).
 */
public final class BlackLitterman {

    private BlackLitterman() {
    }

    /** {@code pi = delta Sigma w_mkt}. */
    public static double[] impliedReturns(double[][] cov, double[] marketWeights, double riskAversion) {
        int n = Covariances.checkCovariance("Black-Litterman", cov);
        Covariances.checkVector("Black-Litterman", "market weights", marketWeights, n);
        if (!(riskAversion > 0.0) || !Double.isFinite(riskAversion)) {
            throw new IllegalArgumentException("Black-Litterman: risk aversion delta = " + riskAversion
                    + ", expected finite and > 0");
        }
        double[] pi = Covariances.multiply(cov, marketWeights);
        for (int i = 0; i < n; i++) {
            pi[i] *= riskAversion;
        }
        return pi;
    }

    /** He and Litterman's {@code Omega = diag(tau P Sigma P')}. */
    public static double[][] heLittermanOmega(double[][] cov, List<View> views, double tau) {
        int k = views.size();
        double[][] omega = new double[k][k];
        for (int v = 0; v < k; v++) {
            double[] p = views.get(v).pick();
            omega[v][v] = tau * Covariances.variance(p, cov);
        }
        return omega;
    }

    /** The posterior with He-Litterman's Omega. */
    public static BlackLittermanResult posterior(double[][] cov, double[] impliedReturns, List<View> views,
                                                 double tau) {
        checkTau(tau);
        return posterior(cov, impliedReturns, views, tau, heLittermanOmega(cov, views, tau));
    }

    /**
     * The posterior with a given Omega (k x k, symmetric positive definite; e.g. the diagonal of view variances).
     *
     * @param impliedReturns pi (N), e.g. from {@link #impliedReturns}
     */
    public static BlackLittermanResult posterior(double[][] cov, double[] impliedReturns, List<View> views,
                                                 double tau, double[][] omega) {
        int n = Covariances.checkCovariance("Black-Litterman", cov);
        Covariances.checkVector("Black-Litterman", "implied returns", impliedReturns, n);
        checkTau(tau);
        int k = views.size();
        if (k == 0) {
            throw new IllegalArgumentException("Black-Litterman: no views (the posterior would be the prior)");
        }
        if (omega.length != k) {
            throw new IllegalArgumentException("Black-Litterman: Omega is " + omega.length + " x ?, expected " + k
                    + " x " + k + " for " + k + " views");
        }
        DMatrixRMaj p = new DMatrixRMaj(k, n);
        DMatrixRMaj q = new DMatrixRMaj(k, 1);
        for (int v = 0; v < k; v++) {
            View view = views.get(v);
            if (view.pick().length != n) {
                throw new IllegalArgumentException("Black-Litterman: view " + v + " picks " + view.pick().length
                        + " assets, expected " + n);
            }
            for (int i = 0; i < n; i++) {
                p.set(v, i, view.pick()[i]);
            }
            q.set(v, 0, view.q());
        }
        DMatrixRMaj om = new DMatrixRMaj(k, k);
        for (int a = 0; a < k; a++) {
            if (omega[a].length != k) {
                throw new IllegalArgumentException("Black-Litterman: Omega row " + a + " has " + omega[a].length
                        + " entries, expected " + k);
            }
            for (int b = 0; b < k; b++) {
                om.set(a, b, omega[a][b]);
            }
        }
        DMatrixRMaj tauSigmaInv = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                tauSigmaInv.set(i, j, tau * cov[i][j]);
            }
        }
        if (!CommonOps_DDRM.invert(tauSigmaInv)) {
            throw new IllegalArgumentException("Black-Litterman: tau Sigma is singular");
        }
        DMatrixRMaj omInv = om.copy();
        if (!CommonOps_DDRM.invert(omInv)) {
            throw new IllegalArgumentException("Black-Litterman: Omega is singular (a view with zero uncertainty?)");
        }
        // A = (tau Sigma)^-1 + P' Omega^-1 P
        DMatrixRMaj omInvP = new DMatrixRMaj(k, n);
        CommonOps_DDRM.mult(omInv, p, omInvP);
        DMatrixRMaj a = tauSigmaInv.copy();
        CommonOps_DDRM.multAddTransA(p, omInvP, a);
        DMatrixRMaj m = a.copy();
        if (!CommonOps_DDRM.invert(m)) {
            throw new IllegalArgumentException("Black-Litterman: (tau Sigma)^-1 + P' Omega^-1 P is singular");
        }
        // rhs = (tau Sigma)^-1 pi + P' Omega^-1 Q
        DMatrixRMaj pi = new DMatrixRMaj(n, 1, true, impliedReturns);
        DMatrixRMaj rhs = new DMatrixRMaj(n, 1);
        CommonOps_DDRM.mult(tauSigmaInv, pi, rhs);
        DMatrixRMaj omInvQ = new DMatrixRMaj(k, 1);
        CommonOps_DDRM.mult(omInv, q, omInvQ);
        CommonOps_DDRM.multAddTransA(p, omInvQ, rhs);
        DMatrixRMaj mu = new DMatrixRMaj(n, 1);
        CommonOps_DDRM.mult(m, rhs, mu);
        double[] post = new double[n];
        double[][] mOut = new double[n][n];
        double[][] sigmaBl = new double[n][n];
        for (int i = 0; i < n; i++) {
            post[i] = mu.get(i, 0);
            for (int j = 0; j < n; j++) {
                double mij = 0.5 * (m.get(i, j) + m.get(j, i));
                mOut[i][j] = mij;
                sigmaBl[i][j] = cov[i][j] + mij;
            }
        }
        double[][] pOut = new double[k][];
        double[] qOut = new double[k];
        for (int v = 0; v < k; v++) {
            pOut[v] = views.get(v).pick();
            qOut[v] = views.get(v).q();
        }
        return new BlackLittermanResult(impliedReturns.clone(), pOut, qOut, Covariances.copy(omega), post, mOut,
                sigmaBl);
    }

    /** Unconstrained mean-variance weights {@code (delta C)^-1 mu} (C = Sigma + M for He-Litterman, Sigma for Idzorek). */
    public static double[] unconstrainedWeights(double[][] cov, double[] expected, double riskAversion) {
        int n = Covariances.checkCovariance("Black-Litterman weights", cov);
        Covariances.checkVector("Black-Litterman weights", "expected returns", expected, n);
        DMatrixRMaj c = new DMatrixRMaj(cov);
        CommonOps_DDRM.scale(riskAversion, c);
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        if (!CommonOps_DDRM.solve(c, new DMatrixRMaj(n, 1, true, expected), x)) {
            throw new IllegalArgumentException("Black-Litterman weights: the covariance is singular");
        }
        return x.getData().clone();
    }

    private static void checkTau(double tau) {
        if (!(tau > 0.0) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException("Black-Litterman: tau = " + tau + ", expected finite and > 0");
        }
    }
}
