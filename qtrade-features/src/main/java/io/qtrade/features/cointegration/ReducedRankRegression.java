package io.qtrade.features.cointegration;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The moment matrices of Johansen's reduced-rank regression for every deterministic option, written out as urca
 * {@code ca.jo} builds them: {@code Z0 = dY_t}, {@code ZK = [Y_lag, restricted terms]}, {@code Z1 = [unrestricted
 * constant, centred seasonal dummies, unrestricted trend, exogenous, dY_{t-1..t-k}]}, over the rows
 * {@code t = k+1..n-1}.
 *
 * <p>Numerics: with an unrestricted constant every other column is shifted by its mean (a shift lies in the span of
 * the constant, so residuals, eigenvalues and slopes are unchanged and the cross products are well conditioned);
 * trend columns are divided by {@code n} and the coefficients scaled back. Moments {@code G = W'W} of
 * {@code W = [Z0 | ZK | Z1]}; {@code S_ab = (G_ab - G_a1 G_11^-1 G_1b) / T}.
 */
final class ReducedRankRegression {

    final int m;
    final int k;
    final int n;
    final int bigT;
    final int p1;
    final int q1;
    final JohansenDeterministic det;
    final JohansenSpec spec;
    final int seasons;
    final int firstSeason;
    final int exogCount;
    /** Columns: z0 (m), zk (p1), z1 (q1), each of length T, in "used" units (shifted and scaled). */
    final double[][] z0;
    final double[][] zk;
    final double[][] z1;
    /** Shift subtracted from each column (0 when there is no unrestricted constant). */
    final double[] shift0;
    final double[] shiftK;
    final double[] shift1;
    /** used = scale * raw for each ZK and Z1 column. */
    final double[] scaleK;
    final double[] scale1;
    /** Index of the unrestricted constant in Z1, or -1. */
    final int constIndex;
    /** Index of the first lagged-difference column in Z1. */
    final int lagStart;
    final DMatrixRMaj g;
    final DMatrixRMaj s00;
    final DMatrixRMaj s0k;
    final DMatrixRMaj skk;
    /** G_11^-1 (q1 x q1), null when q1 = 0. */
    final DMatrixRMaj g11Inv;

    ReducedRankRegression(double[][] y, JohansenDeterministic det, JohansenSpec spec, int k, int seasons,
                          int firstSeason, double[][] exog) {
        this.m = y.length;
        this.n = y[0].length;
        this.k = k;
        this.det = det;
        this.spec = spec;
        this.seasons = seasons;
        this.firstSeason = firstSeason;
        this.exogCount = exog == null ? 0 : exog.length;
        this.bigT = n - k - 1;
        int nr = det.restrictedTerms();
        this.p1 = m + nr;
        int nSeason = seasons > 1 ? seasons - 1 : 0;
        this.q1 = (det.unrestrictedConstant() ? 1 : 0) + nSeason + (det.unrestrictedTrend() ? 1 : 0) + exogCount
                + m * k;
        if (bigT <= p1 + q1) {
            throw new IllegalArgumentException(n + " observations for " + m + " series, " + k
                    + " lagged differences and " + (q1 - m * k + nr) + " deterministic/exogenous columns: need more than "
                    + (p1 + q1 + k + 1));
        }
        double trendScale = 1.0 / n;
        z0 = new double[m][bigT];
        zk = new double[p1][bigT];
        z1 = new double[q1][bigT];
        scaleK = new double[p1];
        scale1 = new double[q1];
        java.util.Arrays.fill(scaleK, 1.0);
        java.util.Arrays.fill(scale1, 1.0);
        int levelLag = spec == JohansenSpec.TRANSITORY ? 1 : k + 1;
        for (int i = 0; i < bigT; i++) {
            int t = i + k + 1;
            for (int j = 0; j < m; j++) {
                z0[j][i] = y[j][t] - y[j][t - 1];
                zk[j][i] = y[j][t - levelLag];
            }
        }
        int c = m;
        if (det.restrictedConstant()) {
            java.util.Arrays.fill(zk[c], 1.0);
            c++;
        }
        if (det.restrictedTrend()) {
            scaleK[c] = trendScale;
            for (int i = 0; i < bigT; i++) {
                int t = i + k + 1;
                zk[c][i] = (t - levelLag + 1) * trendScale;
            }
        }
        c = 0;
        if (det.unrestrictedConstant()) {
            java.util.Arrays.fill(z1[0], 1.0);
            constIndex = 0;
            c = 1;
        } else {
            constIndex = -1;
        }
        for (int s = 0; s < nSeason; s++, c++) {
            for (int i = 0; i < bigT; i++) {
                int t = i + k + 1;
                z1[c][i] = seasonalDummy(t, s);
            }
        }
        if (det.unrestrictedTrend()) {
            scale1[c] = trendScale;
            for (int i = 0; i < bigT; i++) {
                int t = i + k + 1;
                z1[c][i] = (t + 1) * trendScale;
            }
            c++;
        }
        for (int e = 0; e < exogCount; e++, c++) {
            System.arraycopy(exog[e], k + 1, z1[c], 0, bigT);
        }
        lagStart = c;
        for (int lag = 1; lag <= k; lag++) {
            for (int j = 0; j < m; j++, c++) {
                for (int i = 0; i < bigT; i++) {
                    int t = i + k + 1;
                    z1[c][i] = y[j][t - lag] - y[j][t - lag - 1];
                }
            }
        }
        shift0 = new double[m];
        shiftK = new double[p1];
        shift1 = new double[q1];
        if (det.unrestrictedConstant()) {
            shiftColumns(z0, shift0, -1);
            shiftColumns(zk, shiftK, -1);
            shiftColumns(z1, shift1, constIndex);
        }
        int w = m + p1 + q1;
        double[][] cols = new double[w][];
        System.arraycopy(z0, 0, cols, 0, m);
        System.arraycopy(zk, 0, cols, m, p1);
        System.arraycopy(z1, 0, cols, m + p1, q1);
        g = new DMatrixRMaj(w, w);
        for (int a = 0; a < w; a++) {
            for (int b = a; b < w; b++) {
                double v = dot(cols[a], cols[b]);
                g.unsafe_set(a, b, v);
                g.unsafe_set(b, a, v);
            }
        }
        int p = m + p1;
        DMatrixRMaj s = CommonOps_DDRM.extract(g, 0, p, 0, p);
        if (q1 > 0) {
            DMatrixRMaj g11 = CommonOps_DDRM.extract(g, p, w, p, w);
            DMatrixRMaj g1a = CommonOps_DDRM.extract(g, p, w, 0, p);
            LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(q1);
            if (!solver.setA(g11.copy())) {
                throw new IllegalArgumentException("the unrestricted regressors (deterministic terms, seasonal dummies,"
                        + " exogenous columns, lagged differences) are collinear: their moment matrix is singular");
            }
            g11Inv = new DMatrixRMaj(q1, q1);
            solver.invert(g11Inv);
            DMatrixRMaj sol = new DMatrixRMaj(q1, p);
            CommonOps_DDRM.mult(g11Inv, g1a, sol);
            DMatrixRMaj corr = new DMatrixRMaj(p, p);
            CommonOps_DDRM.multTransA(g1a, sol, corr);
            CommonOps_DDRM.subtractEquals(s, corr);
        } else {
            g11Inv = null;
        }
        CommonOps_DDRM.scale(1.0 / bigT, s);
        s00 = CommonOps_DDRM.extract(s, 0, m, 0, m);
        s0k = CommonOps_DDRM.extract(s, 0, m, m, p);
        skk = CommonOps_DDRM.extract(s, m, p, m, p);
    }

    /** Centred seasonal dummy s (0..seasons-2) at data row t: {@code 1 - 1/S} in its season, else {@code -1/S}. */
    double seasonalDummy(int t, int s) {
        int phase = Math.floorMod(t - (s - firstSeason), seasons);
        return (phase == 0 ? 1.0 : 0.0) - 1.0 / seasons;
    }

    private void shiftColumns(double[][] cols, double[] shift, int skip) {
        for (int j = 0; j < cols.length; j++) {
            if (j == skip) {
                continue;
            }
            double sum = 0.0;
            for (double v : cols[j]) {
                sum += v;
            }
            double mean = sum / bigT;
            shift[j] = mean;
            double[] col = cols[j];
            for (int i = 0; i < col.length; i++) {
                col[i] -= mean;
            }
        }
    }

    static double dot(double[] a, double[] b) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int len = a.length;
        int i = 0;
        for (; i + 3 < len; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < len; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
