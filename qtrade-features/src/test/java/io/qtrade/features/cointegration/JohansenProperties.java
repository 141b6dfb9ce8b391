package io.qtrade.features.cointegration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * The moment-matrix Johansen against a slow reference written from the textbook steps: explicit residual
 * regressions by commons-math QR (detrending by OLS on {@code [t, 1]} for det_order 1, demeaning for 0 and 1), the
 * product moment matrices, and the eigenvalues of {@code S_kk^-1 S_k0 S_00^-1 S_0k} from a general (non-symmetric)
 * eigen-decomposition; seeded random systems with 2-4 series, one cointegrating relation, k_ar_diff 0-3.
 */
class JohansenProperties {

    @Property(tries = 40)
    void eigenvaluesEqualTheTextbookComputation(@ForAll @IntRange(min = 2, max = 4) int m,
                                                @ForAll @IntRange(min = -1, max = 1) int detOrder,
                                                @ForAll @IntRange(min = 0, max = 3) int k,
                                                @ForAll long seed) {
        Random rnd = new Random(seed);
        int n = 150;
        double[][] y = new double[m][n];
        double u = 0.0;
        for (int t = 0; t < n; t++) {
            u = 0.6 * u + rnd.nextGaussian();
            for (int j = 0; j < m - 1; j++) {
                y[j][t] = (t == 0 ? 10.0 * j : y[j][t - 1]) + 0.05 + rnd.nextGaussian();
            }
            y[m - 1][t] = y[0][t] + u;
        }
        double[] fast = new Johansen(detOrder, k).test(y).eigenvalues();
        double[] slow = slowEigenvalues(y, detOrder, k);
        for (int i = 0; i < m; i++) {
            assertThat(fast[i]).as("lambda %d", i).isCloseTo(slow[i],
                    org.assertj.core.data.Offset.offset(1e-9 * Math.max(1e-3, slow[i])));
        }
    }

    private static double[] slowEigenvalues(double[][] series, int detOrder, int k) {
        int m = series.length;
        int n = series[0].length;
        double[][] y = new double[m][];
        for (int j = 0; j < m; j++) {
            y[j] = series[j].clone();
            if (detOrder == 1) {
                double[][] tr = new double[n][1];
                for (int t = 0; t < n; t++) {
                    tr[t][0] = t;
                }
                OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
                ols.newSampleData(y[j], tr);
                y[j] = ols.estimateResiduals();
            }
        }
        int rows = n - k - 1;
        double[][] dx = new double[rows][m];
        double[][] lx = new double[rows][m];
        double[][] z = new double[rows][m * k];
        for (int r = 0; r < rows; r++) {
            int t = r + k + 1;
            for (int j = 0; j < m; j++) {
                dx[r][j] = y[j][t] - y[j][t - 1];
                lx[r][j] = y[j][r + 1];
                for (int l = 1; l <= k; l++) {
                    z[r][(l - 1) * m + j] = y[j][t - l] - y[j][t - l - 1];
                }
            }
        }
        double[][] r0 = residuals(dx, z, detOrder >= 0);
        double[][] rk = residuals(lx, z, detOrder >= 0);
        RealMatrix s00 = moment(r0, r0);
        RealMatrix s0k = moment(r0, rk);
        RealMatrix skk = moment(rk, rk);
        RealMatrix a = new LUDecomposition(skk).getSolver().getInverse().multiply(s0k.transpose())
                .multiply(new LUDecomposition(s00).getSolver().getInverse()).multiply(s0k);
        double[] ev = new EigenDecomposition(a).getRealEigenvalues();
        Arrays.sort(ev);
        double[] desc = new double[m];
        for (int i = 0; i < m; i++) {
            desc[i] = ev[m - 1 - i];
        }
        return desc;
    }

    private static double[][] residuals(double[][] target, double[][] z, boolean constant) {
        int rows = target.length;
        int m = target[0].length;
        double[][] out = new double[rows][m];
        for (int j = 0; j < m; j++) {
            double[] yj = new double[rows];
            for (int r = 0; r < rows; r++) {
                yj[r] = target[r][j];
            }
            double[] res;
            if (z[0].length == 0) {
                double mean = 0.0;
                if (constant) {
                    for (double v : yj) {
                        mean += v;
                    }
                    mean /= rows;
                }
                res = new double[rows];
                for (int r = 0; r < rows; r++) {
                    res[r] = yj[r] - mean;
                }
            } else {
                OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
                ols.setNoIntercept(!constant);
                ols.newSampleData(yj, z);
                res = ols.estimateResiduals();
            }
            for (int r = 0; r < rows; r++) {
                out[r][j] = res[r];
            }
        }
        return out;
    }

    private static RealMatrix moment(double[][] a, double[][] b) {
        RealMatrix ma = new Array2DRowRealMatrix(a, false);
        RealMatrix mb = new Array2DRowRealMatrix(b, false);
        return ma.transpose().multiply(mb).scalarMultiply(1.0 / a.length);
    }
}
