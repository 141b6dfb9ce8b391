package io.qtrade.portfolio.optimize;

/**
 * The dual active-set method of Goldfarb and Idnani (1983), "A numerically stable dual method for solving strictly
 * convex quadratic programs", Mathematical Programming 27, the algorithm of R's {@code quadprog} (Turlach and
 * Weingessel) and of Di Gaspero's QuadProg++:
 * <pre>{@code
 * min 1/2 x'Gx + g'x   s.t.   ce_i'x = be_i  (i < me),   ci_j'x <= bi_j
 * }</pre>
 * with G symmetric positive definite. It starts from the unconstrained minimum, adds the equalities, then repeatedly
 * adds the most violated inequality, taking partial steps that drop constraints whose multiplier would turn negative;
 * {@code J = L^-T Q} (stored transposed, so that each rotation touches two contiguous rows) and the triangular R are
 * updated by Givens rotations, O(n^2) per change of the active set; sparse constraint rows (bounds) cost O(n nnz). Dense
 * and allocation-light: the portfolio problems it serves have n <= a few hundred and dense covariance matrices.
 *
 * <p>Package-private: {@link QpModel} calls it first and falls back to ojAlgo if it reports a failure.
 */
final class DualActiveSetQp {

    /** Outcome of a solve. */
    enum Status {
        OPTIMAL,
        INFEASIBLE,
        /** G is not positive definite, or the equalities are linearly dependent. */
        FAILED
    }

    private final int n;
    private final double[][] g;
    private final double[] lin;
    private final double[][] ce;
    private final double[] be;
    private final double[][] ci;
    private final double[] bi;

    private final double[] x;
    private Status status;
    private int[][] ciIdx;
    private int[] activeList;
    private int[] activeCount;
    private double startMagnitude;
    private double[][] ciVal;

    DualActiveSetQp(double[][] g, double[] lin, double[][] ce, double[] be, double[][] ci, double[] bi) {
        this.n = lin.length;
        this.g = g;
        this.lin = lin;
        this.ce = ce;
        this.be = be;
        this.ci = ci;
        this.bi = bi;
        this.x = new double[n];
    }

    Status status() {
        return status;
    }

    /**
     * The largest |x_i| of the unconstrained minimum the method starts from: the steps back from it leave rounding of
     * about 1e-16 of this size in the solution.
     */
    double startMagnitude() {
        return startMagnitude;
    }

    /**
     * The inequalities active at the solution (indices into the inequality rows), linearly independent together with
     * the equalities: Goldfarb-Idnani adds a constraint only if it is independent of those already active.
     */
    int[] activeInequalities() {
        int me = ce.length;
        int q = activeCount == null ? me : activeCount[0];
        int[] out = new int[Math.max(0, q - me)];
        for (int k = me; k < q; k++) {
            out[k - me] = activeList[k];
        }
        return out;
    }

    double[] solution() {
        return x;
    }

    Status solve() {
        status = run();
        return status;
    }

    private Status run() {
        final double eps = 1e-14;
        int me = ce.length;
        int mi = ci.length;
        int mAll = me + mi;
        // Cholesky G = L L'
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = g[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0.0)) {
                        return Status.FAILED;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        // jm holds J' = L^-1 (lower triangular), row by row: row i = (e_i - sum_{k<i} L[i][k] row k) / L[i][i].
        // Storing J transposed keeps every later operation on contiguous rows.
        double[][] jm = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] row = jm[i];
            row[i] = 1.0;
            for (int k = 0; k < i; k++) {
                double lik = l[i][k];
                if (lik != 0.0) {
                    double[] rk = jm[k];
                    for (int c = 0; c <= k; c++) {
                        row[c] -= lik * rk[c];
                    }
                }
            }
            double inv = 1.0 / l[i][i];
            for (int c = 0; c <= i; c++) {
                row[c] *= inv;
            }
        }
        // unconstrained minimum x = -G^-1 lin = -J J' lin
        double[] tmp = new double[n];
        for (int i = 0; i < n; i++) {
            tmp[i] = dot(jm[i], lin);
        }
        java.util.Arrays.fill(x, 0.0);
        for (int k = 0; k < n; k++) {
            double v = -tmp[k];
            double[] rk = jm[k];
            for (int i = 0; i < n; i++) {
                x[i] += v * rk[i];
            }
        }
        startMagnitude = 0.0;
        for (double v : x) {
            startMagnitude = Math.max(startMagnitude, Math.abs(v));
        }
        double[][] r = new double[n][n];
        double[] rNorm = {1.0};
        double[] d = new double[n];
        double[] z = new double[n];
        double[] rr = new double[n];
        double[] np = new double[n];
        double[] u = new double[mAll + 1];
        int[] a = new int[mAll + 1];
        int[] iq = {0};
        activeList = a;
        activeCount = iq;
        for (int i = 0; i < me; i++) {
            // ce_i'x - be_i = 0: normal np = ce_i, value ce_i'x - be_i
            System.arraycopy(ce[i], 0, np, 0, n);
            computeD(d, jm, np);
            updateZ(z, jm, d, iq[0]);
            updateR(r, rr, d, iq[0]);
            double t2 = 0.0;
            double zz = dot(z, z);
            if (Math.abs(zz) > eps) {
                t2 = -(dot(np, x) - be[i]) / dot(z, np);
            }
            for (int k = 0; k < n; k++) {
                x[k] += t2 * z[k];
            }
            u[iq[0]] = t2;
            for (int k = 0; k < iq[0]; k++) {
                u[k] -= t2 * rr[k];
            }
            a[i] = -i - 1;
            if (!addConstraint(r, jm, d, iq, rNorm)) {
                return Status.FAILED;
            }
        }
        // Inequalities in the form s_j = bi_j - ci_j'x >= 0: normal np = -ci_j.
        int[] iai = new int[mi];
        boolean[] iaexcl = new boolean[mi];
        double[] s = new double[mi];
        double[] xOld = new double[n];
        double[] uOld = new double[mAll + 1];
        int[] aOld = new int[mAll + 1];
        double[] tol = new double[mi];
        double[] rowNorm = new double[mi];
        ciIdx = new int[mi][];
        ciVal = new double[mi][];
        for (int i = 0; i < mi; i++) {
            iai[i] = i;
            rowNorm[i] = Math.max(Math.sqrt(dot(ci[i], ci[i])), 1e-300);
            int nz = 0;
            for (double v : ci[i]) {
                if (v != 0.0) {
                    nz++;
                }
            }
            ciIdx[i] = new int[nz];
            ciVal[i] = new double[nz];
            nz = 0;
            for (int k = 0; k < n; k++) {
                if (ci[i][k] != 0.0) {
                    ciIdx[i][nz] = k;
                    ciVal[i][nz++] = ci[i][k];
                }
            }
        }
        int iterations = 0;
        int maxIterations = 50 * (n + mAll) + 100;
        while (true) { // l1
            if (++iterations > maxIterations) {
                return Status.FAILED;
            }
            for (int i = me; i < iq[0]; i++) {
                iai[a[i]] = -1;
            }
            boolean violated = false;
            double xMax = 1.0;
            for (int k = 0; k < n; k++) {
                xMax = Math.max(xMax, Math.abs(x[k]));
            }
            for (int i = 0; i < mi; i++) {
                iaexcl[i] = true;
                double v = bi[i] - sparseDot(i, x);
                s[i] = v;
                tol[i] = 1e-13 * (Math.abs(bi[i]) + rowNorm[i] * xMax);
                violated |= v < -tol[i];
            }
            if (!violated) {
                return Status.OPTIMAL;
            }
            System.arraycopy(u, 0, uOld, 0, iq[0]);
            System.arraycopy(a, 0, aOld, 0, iq[0]);
            System.arraycopy(x, 0, xOld, 0, n);
            boolean restart = false;
            while (!restart) { // l2
                double ss = 0.0;
                int ip = -1;
                for (int i = 0; i < mi; i++) {
                    if (s[i] < -tol[i] && iai[i] != -1 && iaexcl[i] && s[i] / rowNorm[i] < ss) {
                        ss = s[i] / rowNorm[i];
                        ip = i;
                    }
                }
                if (ip < 0) {
                    return Status.OPTIMAL;
                }
                for (int k = 0; k < n; k++) {
                    np[k] = -ci[ip][k];
                }
                int npRow = ip;
                u[iq[0]] = 0.0;
                a[iq[0]] = ip;
                while (true) { // l2a
                    if (++iterations > maxIterations) {
                        return Status.FAILED;
                    }
                    computeDSparse(d, jm, npRow);
                    updateZ(z, jm, d, iq[0]);
                    updateR(r, rr, d, iq[0]);
                    int lDrop = -1;
                    double t1 = Double.POSITIVE_INFINITY;
                    for (int k = me; k < iq[0]; k++) {
                        if (rr[k] > 0.0 && u[k] / rr[k] < t1) {
                            t1 = u[k] / rr[k];
                            lDrop = a[k];
                        }
                    }
                    double t2 = Math.abs(dot(z, z)) > eps ? -s[ip] / dot(z, np) : Double.POSITIVE_INFINITY;
                    double t = Math.min(t1, t2);
                    if (t == Double.POSITIVE_INFINITY) {
                        // ip is linearly dependent on the active set (z = 0), np = sum_k rr_k n_k, and no inequality
                        // multiplier can be dropped (rr_k <= 0 for all of them). For every feasible x' its value is
                        // v_ip(x') = gap + sum_k rr_k v_k(x') <= gap, so gap < 0 certifies infeasibility (Farkas).
                        // gap >= 0 (up to rounding) means ip is implied by the active rows and only rounding makes
                        // it look violated: degenerate problems (a turnover limit of 0, w = w0 with t = 0) meet this.
                        if (impliedByActiveSet(ip, x, rr, a, iq[0], me)) {
                            iaexcl[ip] = false;
                            break; // back to l2: the next violated constraint
                        }
                        return Status.INFEASIBLE;
                    }
                    if (t2 == Double.POSITIVE_INFINITY) {
                        for (int k = 0; k < iq[0]; k++) {
                            u[k] -= t * rr[k];
                        }
                        u[iq[0]] += t;
                        iai[lDrop] = lDrop;
                        deleteConstraint(r, jm, a, u, me, iq, lDrop);
                        continue;
                    }
                    for (int k = 0; k < n; k++) {
                        x[k] += t * z[k];
                    }
                    for (int k = 0; k < iq[0]; k++) {
                        u[k] -= t * rr[k];
                    }
                    u[iq[0]] += t;
                    if (Math.abs(t - t2) < eps) {
                        if (!addConstraint(r, jm, d, iq, rNorm)) {
                            iaexcl[ip] = false;
                            deleteConstraint(r, jm, a, u, me, iq, ip);
                            for (int i = 0; i < mi; i++) {
                                iai[i] = i;
                            }
                            for (int i = me; i < iq[0]; i++) {
                                a[i] = aOld[i];
                                u[i] = uOld[i];
                                iai[a[i]] = -1;
                            }
                            System.arraycopy(xOld, 0, x, 0, n);
                            break; // back to l2
                        }
                        iai[ip] = -1;
                        restart = true; // back to l1
                        break;
                    }
                    iai[lDrop] = lDrop;
                    deleteConstraint(r, jm, a, u, me, iq, lDrop);
                    s[ip] = bi[ip] - sparseDot(ip, x);
                }
            }
        }
    }

    /**
     * Whether the violated inequality {@code ip}, linearly dependent on the active set with coefficients {@code rr},
     * is implied by it: the gap {@code v_ip(x) - sum_k rr_k v_k(x)} (a constant in x, the values v measured so that
     * feasible means v >= 0 for an inequality and v = 0 for an equality) is zero in exact arithmetic then. Rounding in
     * the slacks (about n eps of each term) and in rr (cond(R) eps) leaves ~1e-12 of the terms' magnitude on the
     * problems served; 1e-9 of it is far above that and far below any gap a real conflict between user constraints
     * leaves, which is a bound, a budget or a limit missed by at least 1e-9 of its size.
     */
    private boolean impliedByActiveSet(int ip, double[] xv, double[] rr, int[] a, int iq, int me) {
        double xMax = 1.0;
        for (double v : xv) {
            xMax = Math.max(xMax, Math.abs(v));
        }
        double gap = bi[ip] - sparseDot(ip, xv);
        double size = Math.abs(bi[ip]) + rowNorm(ci[ip]) * xMax;
        for (int k = 0; k < iq; k++) {
            double vk;
            double sk;
            if (k < me) {
                int e = -a[k] - 1;
                vk = dot(ce[e], xv) - be[e];
                sk = Math.abs(be[e]) + rowNorm(ce[e]) * xMax;
            } else {
                vk = bi[a[k]] - sparseDot(a[k], xv);
                sk = Math.abs(bi[a[k]]) + rowNorm(ci[a[k]]) * xMax;
            }
            gap -= rr[k] * vk;
            size += Math.abs(rr[k]) * sk;
        }
        return gap >= -1e-9 * size;
    }

    private static double rowNorm(double[] row) {
        return Math.sqrt(dot(row, row));
    }

    private void computeD(double[] d, double[][] jm, double[] np) {
        for (int i = 0; i < n; i++) {
            d[i] = dot(jm[i], np);
        }
    }

    /** {@code d = J' np} for np = -ci_row, from the row's non-zeros: d = -sum_k ci_k J[k][.]. */
    private void computeDSparse(double[] d, double[][] jm, int row) {
        int[] idx = ciIdx[row];
        double[] val = ciVal[row];
        for (int i = 0; i < n; i++) {
            double[] jr = jm[i];
            double s = 0.0;
            for (int t = 0; t < idx.length; t++) {
                s -= val[t] * jr[idx[t]];
            }
            d[i] = s;
        }
    }

    private double sparseDot(int row, double[] v) {
        int[] idx = ciIdx[row];
        double[] val = ciVal[row];
        double s = 0.0;
        for (int t = 0; t < idx.length; t++) {
            s += val[t] * v[idx[t]];
        }
        return s;
    }

    private void updateZ(double[] z, double[][] jm, double[] d, int iq) {
        java.util.Arrays.fill(z, 0.0);
        for (int k = iq; k < n; k++) {
            double v = d[k];
            if (v != 0.0) {
                double[] row = jm[k];
                for (int i = 0; i < n; i++) {
                    z[i] += v * row[i];
                }
            }
        }
    }

    private static void updateR(double[][] r, double[] rr, double[] d, int iq) {
        for (int i = iq - 1; i >= 0; i--) {
            double s = 0.0;
            for (int k = i + 1; k < iq; k++) {
                s += r[i][k] * rr[k];
            }
            rr[i] = (d[i] - s) / r[i][i];
        }
    }

    private boolean addConstraint(double[][] r, double[][] jm, double[] d, int[] iqRef, double[] rNorm) {
        int iq = iqRef[0];
        for (int j = n - 1; j >= iq + 1; j--) {
            double cc = d[j - 1];
            double ss = d[j];
            double h = Math.hypot(cc, ss);
            if (h == 0.0) {
                continue;
            }
            d[j] = 0.0;
            ss /= h;
            cc /= h;
            if (cc < 0.0) {
                cc = -cc;
                ss = -ss;
                d[j - 1] = -h;
            } else {
                d[j - 1] = h;
            }
            double xny = ss / (1.0 + cc);
            double[] ja = jm[j - 1];
            double[] jb = jm[j];
            for (int k = 0; k < n; k++) {
                double t1 = ja[k];
                double t2 = jb[k];
                ja[k] = t1 * cc + t2 * ss;
                jb[k] = xny * (t1 + ja[k]) - t2;
            }
        }
        iq++;
        for (int i = 0; i < iq; i++) {
            r[i][iq - 1] = d[i];
        }
        iqRef[0] = iq;
        if (Math.abs(d[iq - 1]) <= 1e-14 * rNorm[0]) {
            return false;
        }
        rNorm[0] = Math.max(rNorm[0], Math.abs(d[iq - 1]));
        return true;
    }

    private void deleteConstraint(double[][] r, double[][] jm, int[] a, double[] u, int me, int[] iqRef, int lc) {
        int iq = iqRef[0];
        int qq = -1;
        for (int i = me; i < iq; i++) {
            if (a[i] == lc) {
                qq = i;
                break;
            }
        }
        if (qq < 0) {
            throw new IllegalStateException("dual active set: constraint " + lc + " is not active");
        }
        for (int i = qq; i < iq - 1; i++) {
            a[i] = a[i + 1];
            u[i] = u[i + 1];
            for (int j = 0; j < n; j++) {
                r[j][i] = r[j][i + 1];
            }
        }
        a[iq - 1] = a[iq];
        u[iq - 1] = u[iq];
        a[iq] = 0;
        u[iq] = 0.0;
        for (int j = 0; j < iq; j++) {
            r[j][iq - 1] = 0.0;
        }
        iq--;
        iqRef[0] = iq;
        if (iq == 0) {
            return;
        }
        for (int j = qq; j < iq; j++) {
            double cc = r[j][j];
            double ss = r[j + 1][j];
            double h = Math.hypot(cc, ss);
            if (h == 0.0) {
                continue;
            }
            cc /= h;
            ss /= h;
            r[j + 1][j] = 0.0;
            if (cc < 0.0) {
                r[j][j] = -h;
                cc = -cc;
                ss = -ss;
            } else {
                r[j][j] = h;
            }
            double xny = ss / (1.0 + cc);
            for (int k = j + 1; k < iq; k++) {
                double t1 = r[j][k];
                double t2 = r[j + 1][k];
                r[j][k] = t1 * cc + t2 * ss;
                r[j + 1][k] = xny * (t1 + r[j][k]) - t2;
            }
            double[] ja = jm[j];
            double[] jb = jm[j + 1];
            for (int k = 0; k < n; k++) {
                double t1 = ja[k];
                double t2 = jb[k];
                ja[k] = t1 * cc + t2 * ss;
                jb[k] = xny * (ja[k] + t1) - t2;
            }
        }
    }

    private static double dot(double[] p, double[] q) {
        double s = 0.0;
        for (int i = 0; i < p.length; i++) {
            s += p[i] * q[i];
        }
        return s;
    }
}
