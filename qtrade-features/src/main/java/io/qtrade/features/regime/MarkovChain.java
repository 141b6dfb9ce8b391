package io.qtrade.features.regime;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** The ergodic distribution, and the batch filter with Kim's smoother over the expanded regime chain. */
final class MarkovChain {

    private MarkovChain() {
    }

    /** Solves {@code pi P = pi, sum pi = 1} for a row-stochastic P. */
    static double[] ergodic(double[][] tr) {
        int k = tr.length;
        DMatrixRMaj a = new DMatrixRMaj(k, k);
        for (int i = 0; i < k - 1; i++) {
            for (int j = 0; j < k; j++) {
                a.set(i, j, tr[j][i] - (i == j ? 1.0 : 0.0));
            }
        }
        for (int j = 0; j < k; j++) {
            a.set(k - 1, j, 1.0);
        }
        DMatrixRMaj b = new DMatrixRMaj(k, 1);
        b.set(k - 1, 0, 1.0);
        DMatrixRMaj x = new DMatrixRMaj(k, 1);
        if (!CommonOps_DDRM.solve(a, b, x)) {
            throw new IllegalArgumentException("the transition matrix has no unique ergodic distribution");
        }
        double[] pi = new double[k];
        for (int i = 0; i < k; i++) {
            pi[i] = Math.max(0.0, x.get(i, 0));
        }
        return pi;
    }

    /** The log-likelihood only: one filter pass, nothing stored. */
    static double logLikelihood(double[] y, MarkovSwitchingParameters q, MarkovVarianceIndexing indexing) {
        HamiltonFilter f = new HamiltonFilter(q, indexing);
        double[] tmp = new double[q.regimes()];
        double ll = 0.0;
        int p = q.order();
        for (int t = 0; t < y.length; t++) {
            double l = f.update(y[t], tmp);
            if (t >= p) {
                ll += l;
            }
        }
        return ll;
    }

    /** Result of a batch pass. */
    record Pass(double logLikelihood, double[][] filtered, double[][] smoothed, double[][] transitionsSmoothed) {
    }

    /**
     * Filters y (and smooths when asked).
     *
     * @param wantSmoothed also run Kim's smoother
     * @param wantXi       also return the smoothed joint {@code Pr(S_{t-1} = i, S_t = j | Y)} summed over t (EM)
     */
    static Pass run(double[] y, MarkovSwitchingParameters q, boolean wantSmoothed, boolean wantXi) {
        return run(y, q, wantSmoothed, wantXi, MarkovVarianceIndexing.CURRENT_REGIME);
    }

    static Pass run(double[] y, MarkovSwitchingParameters q, boolean wantSmoothed, boolean wantXi,
                    MarkovVarianceIndexing indexing) {
        HamiltonFilter f = new HamiltonFilter(q, indexing);
        int k = q.regimes();
        int p = q.order();
        int n = y.length;
        int nobs = n - p;
        int states = f.states();
        double[][] filtered = new double[nobs][k];
        double[][] predJ = wantSmoothed ? new double[nobs][states] : null;
        double[][] filtJ = wantSmoothed ? new double[nobs][states] : null;
        double ll = 0.0;
        double[] tmp = new double[k];
        for (int t = 0; t < n; t++) {
            double l = f.update(y[t], tmp);
            if (t >= p) {
                ll += l;
                System.arraycopy(tmp, 0, filtered[t - p], 0, k);
                if (wantSmoothed) {
                    f.copyPredicted(predJ[t - p]);
                    f.copyFiltered(filtJ[t - p]);
                }
            }
        }
        if (!wantSmoothed) {
            return new Pass(ll, filtered, null, null);
        }
        int[][] digits = f.digits();
        int kp = states / k;
        double[][] tr = q.transition();
        double[][] smJ = new double[nobs][states];
        System.arraycopy(filtJ[nobs - 1], 0, smJ[nobs - 1], 0, states);
        double[][] xi = wantXi ? new double[k][k] : null;
        for (int t = nobs - 2; t >= 0; t--) {
            double[] ratio = new double[states];
            for (int z = 0; z < states; z++) {
                ratio[z] = predJ[t + 1][z] > 0.0 ? smJ[t + 1][z] / predJ[t + 1][z] : 0.0;
            }
            for (int z = 0; z < states; z++) {
                double fz = filtJ[t][z];
                if (fz == 0.0) {
                    continue;
                }
                int s0 = digits[z][0];
                int base = z / k;
                double acc = 0.0;
                for (int s = 0; s < k; s++) {
                    double term = tr[s0][s] * ratio[s * kp + base];
                    acc += term;
                    if (xi != null) {
                        xi[s0][s] += fz * term;
                    }
                }
                smJ[t][z] = fz * acc;
            }
        }
        double[][] smoothed = new double[nobs][k];
        for (int t = 0; t < nobs; t++) {
            for (int z = 0; z < states; z++) {
                smoothed[t][digits[z][0]] += smJ[t][z];
            }
        }
        return new Pass(ll, filtered, smoothed, xi);
    }
}
