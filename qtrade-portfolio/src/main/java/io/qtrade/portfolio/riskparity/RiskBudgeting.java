package io.qtrade.portfolio.riskparity;

import io.qtrade.portfolio.covariance.Covariances;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Long-only, fully invested risk budgeting (equal risk contribution when every budget is 1/N), in the convex form of
 * Spinu (2013), "An algorithm for computing risk parity weights", SSRN 2297383:
 * <pre>{@code
 * x* = argmin_{x > 0}  1/2 x' Sigma x - sum_i b_i ln x_i       (first-order condition (Sigma x)_i = b_i / x_i)
 * w  = x* / sum x*;   then RC_i / sigma = b_i  (budgets normalised to sum 1)
 * }</pre>
 * Solved by Newton's method (Hessian {@code Sigma + diag(b/x^2)}, positive definite) with a step halved until x stays
 * positive and the objective decreases, from {@code x_i = 1/sigma_i}, until {@code max|grad| <= 1e-14 * scale}.
 * Same solution as Maillard, Roncalli and Teiletche (2010), "The properties of equally weighted risk contribution
 * portfolios", J. Portfolio Management 36(4).
 */
public final class RiskBudgeting {

    private static final int MAX_ITERATIONS = 200;

    private RiskBudgeting() {
    }

    /** Equal risk contribution: every budget 1/N. */
    public static RiskBudgetResult equalRiskContribution(double[][] cov) {
        int n = Covariances.checkCovariance("equal risk contribution", cov);
        double[] b = new double[n];
        Arrays.fill(b, 1.0 / n);
        return solve(cov, b);
    }

    /**
     * @param cov     N x N covariance, positive definite, not modified
     * @param budgets N positive risk budgets (normalised here to sum 1), not modified
     */
    public static RiskBudgetResult solve(double[][] cov, double[] budgets) {
        int n = Covariances.checkCovariance("risk budgeting", cov);
        Covariances.checkVector("risk budgeting", "budgets", budgets, n);
        double sumB = 0.0;
        for (int i = 0; i < n; i++) {
            if (!(budgets[i] > 0.0)) {
                throw new IllegalArgumentException("risk budgeting: budget " + i + " = " + budgets[i]
                        + ", expected > 0 (long-only risk budgeting needs positive budgets)");
            }
            sumB += budgets[i];
        }
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = budgets[i] / sumB;
            if (!(cov[i][i] > 0.0)) {
                throw new IllegalArgumentException("risk budgeting: variance of asset " + i + " = " + cov[i][i]
                        + ", expected > 0");
            }
        }
        double[] x = new double[n];
        double scale = 0.0;
        for (int i = 0; i < n; i++) {
            x[i] = 1.0 / Math.sqrt(cov[i][i]);
            scale = Math.max(scale, Math.sqrt(cov[i][i]));
        }
        // Start on the right scale: x = c x0 with c minimising the objective along x0, c^2 x0'Sigma x0 = sum b.
        double q0 = Covariances.variance(x, cov);
        double c0 = Math.sqrt(1.0 / q0);
        for (int i = 0; i < n; i++) {
            x[i] *= c0;
        }
        DMatrixRMaj h = new DMatrixRMaj(n, n);
        DMatrixRMaj g = new DMatrixRMaj(n, 1);
        DMatrixRMaj step = new DMatrixRMaj(n, 1);
        double[] trial = new double[n];
        double f = objective(cov, b, x);
        int it = 0;
        double gradNorm = gradientNorm(cov, b, x);
        double tol = 1e-15 * scale;
        while (gradNorm > tol && it < MAX_ITERATIONS) {
            double[] sx = Covariances.multiply(cov, x);
            for (int i = 0; i < n; i++) {
                g.set(i, 0, sx[i] - b[i] / x[i]);
                for (int j = 0; j < n; j++) {
                    h.set(i, j, cov[i][j] + (i == j ? b[i] / (x[i] * x[i]) : 0.0));
                }
            }
            if (!CommonOps_DDRM.solve(h, g, step)) {
                throw new IllegalArgumentException("risk budgeting: the Newton system is singular at iteration " + it
                        + "; is the covariance positive definite?");
            }
            double t = 1.0;
            double ft = Double.POSITIVE_INFINITY;
            for (int half = 0; half < 60; half++) {
                boolean positive = true;
                for (int i = 0; i < n; i++) {
                    trial[i] = x[i] - t * step.get(i, 0);
                    positive &= trial[i] > 0.0;
                }
                if (positive) {
                    ft = objective(cov, b, trial);
                    if (ft <= f + 1e-16 * Math.abs(f)) {
                        break;
                    }
                }
                t *= 0.5;
            }
            if (!(ft <= f + 1e-16 * Math.abs(f))) {
                break; // no decrease at machine precision: converged as far as doubles allow
            }
            System.arraycopy(trial, 0, x, 0, n);
            f = ft;
            it++;
            gradNorm = gradientNorm(cov, b, x);
        }
        double sum = 0.0;
        for (double v : x) {
            sum += v;
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = x[i] / sum;
        }
        return new RiskBudgetResult(x, RiskContributions.of(w, cov), it, gradNorm);
    }

    private static double objective(double[][] cov, double[] b, double[] x) {
        double s = 0.5 * Covariances.variance(x, cov);
        for (int i = 0; i < x.length; i++) {
            s -= b[i] * Math.log(x[i]);
        }
        return s;
    }

    private static double gradientNorm(double[][] cov, double[] b, double[] x) {
        double[] sx = Covariances.multiply(cov, x);
        double m = 0.0;
        for (int i = 0; i < x.length; i++) {
            m = Math.max(m, Math.abs(sx[i] - b[i] / x[i]));
        }
        return m;
    }
}
