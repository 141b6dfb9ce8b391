package io.qtrade.portfolio.hrp;

import io.qtrade.portfolio.covariance.Covariances;
import java.util.ArrayList;
import java.util.List;

/**
 * Hierarchical Risk Parity, Lopez de Prado (2016), "Building diversified portfolios that outperform out of sample",
 * J. Portfolio Management 42(4):
 * <pre>{@code
 * 1. rho = correlation of Sigma;  d_ij = sqrt((1 - rho_ij) / 2)   (diagonal exactly 0)
 * 2. linkage of d (single by default; average, Ward; or the paper code's Euclidean distances between rows of d)
 * 3. quasi-diagonal order = the dendrogram's leaves, left before right
 * 4. recursive bisection: split every cluster into its first floor(len/2) items and the rest;
 *    V = v' Sigma_c v with v = (1/diag Sigma_c) / sum(1/diag Sigma_c) inside each half;
 *    alpha = 1 - V_left / (V_left + V_right); left weights *= alpha, right weights *= 1 - alpha
 * }</pre>
 * Long-only, weights sum to 1. Immutable.
 *
 * @param method   the linkage method
 * @param distance which distances are clustered
 */
public record HierarchicalRiskParity(LinkageMethod method, HrpDistance distance) {

    /** The paper's method as described in its text: single linkage on the correlation distance. */
    public static final HierarchicalRiskParity SINGLE = new HierarchicalRiskParity(LinkageMethod.SINGLE,
            HrpDistance.CORRELATION);

    /** Validates. */
    public HierarchicalRiskParity {
        if (method == null || distance == null) {
            throw new IllegalArgumentException("HRP: method and distance are required");
        }
    }

    /** The correlation distance {@code sqrt((1 - rho)/2)} of a covariance matrix. */
    public static double[][] correlationDistance(double[][] cov) {
        double[][] rho = Covariances.correlation(cov);
        int n = rho.length;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = i == j ? 0.0 : Math.sqrt(Math.max(0.0, 0.5 * (1.0 - rho[i][j])));
            }
        }
        return d;
    }

    /** @param cov N x N covariance, N >= 1, positive variances, not modified */
    public HrpResult allocate(double[][] cov) {
        int n = Covariances.checkCovariance("HRP", cov);
        double[][] d = correlationDistance(cov);
        double[][] clustered = d;
        if (distance == HrpDistance.EUCLIDEAN_OF_DISTANCE_ROWS) {
            clustered = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    double s = 0.0;
                    for (int k = 0; k < n; k++) {
                        double e = d[i][k] - d[j][k];
                        s += e * e;
                    }
                    clustered[i][j] = Math.sqrt(s);
                    clustered[j][i] = clustered[i][j];
                }
            }
        }
        Linkage linkage = Linkage.of(clustered, method);
        int[] order = linkage.leaves();
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0);
        List<BisectionStep> steps = new ArrayList<>();
        List<int[]> clusters = new ArrayList<>();
        clusters.add(order);
        while (!clusters.isEmpty()) {
            List<int[]> next = new ArrayList<>();
            for (int[] c : clusters) {
                if (c.length <= 1) {
                    continue;
                }
                int half = c.length / 2;
                int[] left = java.util.Arrays.copyOfRange(c, 0, half);
                int[] right = java.util.Arrays.copyOfRange(c, half, c.length);
                double vl = clusterVariance(cov, left);
                double vr = clusterVariance(cov, right);
                double alpha = 1.0 - vl / (vl + vr);
                for (int i : left) {
                    w[i] *= alpha;
                }
                for (int i : right) {
                    w[i] *= 1.0 - alpha;
                }
                steps.add(new BisectionStep(left, right, vl, vr, alpha));
                next.add(left);
                next.add(right);
            }
            clusters = next;
        }
        return new HrpResult(w, order, linkage, clustered, List.copyOf(steps));
    }

    /** {@code v' Sigma_c v} with inverse-variance weights v inside the cluster. */
    static double clusterVariance(double[][] cov, int[] members) {
        int m = members.length;
        double[] v = new double[m];
        double s = 0.0;
        for (int a = 0; a < m; a++) {
            double var = cov[members[a]][members[a]];
            if (!(var > 0.0)) {
                throw new IllegalArgumentException("HRP: variance of asset " + members[a] + " = " + var
                        + ", expected > 0");
            }
            v[a] = 1.0 / var;
            s += v[a];
        }
        double out = 0.0;
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                out += v[a] / s * cov[members[a]][members[b]] * v[b] / s;
            }
        }
        return out;
    }
}
