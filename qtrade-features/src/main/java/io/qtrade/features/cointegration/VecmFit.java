package io.qtrade.features.cointegration;

/**
 * A fitted {@link Vecm}: statsmodels {@code VECMResults} by named accessor. Matrices are {@code [row][column]}
 * arrays; rows are equations (the series, in input order) unless said otherwise.
 *
 * @param deterministic                 the deterministic terms
 * @param spec                          where the error-correction term sits (TRANSITORY: {@code Y_{t-1}}, statsmodels)
 * @param lagDifferences                k ({@code k_ar_diff})
 * @param rank                          r ({@code coint_rank})
 * @param seasons                       seasonal period, 0 without
 * @param firstSeason                   season of data row 0
 * @param exogenousCount                number of exogenous columns
 * @param effectiveNobs                 T = n - k - 1
 * @param observations                  n, the rows of the input
 * @param alpha                         loadings, K x r ({@code alpha})
 * @param beta                          cointegrating vectors, K x r, {@code beta[:r, :r] = I} ({@code beta})
 * @param restrictedCoefficients        restricted deterministic rows of the relations, one row per restricted term
 *                                      (constant, then trend) x r ({@code det_coef_coint})
 * @param gamma                         {@code [Gamma_1 | .. | Gamma_k]}, K x Kk; column {@code (j-1)K + l} is the
 *                                      coefficient of {@code dy_{l,t-j}} ({@code gamma})
 * @param deterministicCoefficients     unrestricted terms, K x (constant, seasonal dummies, trend, exogenous)
 *                                      ({@code det_coef})
 * @param pi                            {@code alpha beta'}, K x K ({@code alpha.dot(beta.T)})
 * @param piDeterministic               {@code alpha rho'}, K x restricted terms
 * @param alphaStandardErrors           ({@code stderr_alpha})
 * @param betaStandardErrors            K x r, zero on the identity rows ({@code stderr_beta})
 * @param restrictedStandardErrors      ({@code stderr_det_coef_coint})
 * @param gammaStandardErrors           ({@code stderr_gamma})
 * @param deterministicStandardErrors   ({@code stderr_det_coef})
 * @param residualCovariance            {@code Sigma_u = u'u / T} ({@code sigma_u})
 * @param logLikelihood                 {@code -T/2 (K ln 2 pi + ln det Sigma_u + K)} ({@code llf})
 * @param eigenvalues                   the Johansen eigenvalues of the model's reduced-rank regression
 * @param lastLevels                    the last k+2 rows of the input, newest first ({@code [l][series]} =
 *                                      {@code y_{n-1-l}}), the start of the forecasts
 */
public record VecmFit(JohansenDeterministic deterministic, JohansenSpec spec, int lagDifferences, int rank, int seasons,
                      int firstSeason, int exogenousCount, int effectiveNobs, int observations, double[][] alpha,
                      double[][] beta, double[][] restrictedCoefficients, double[][] gamma,
                      double[][] deterministicCoefficients, double[][] pi, double[][] piDeterministic,
                      double[][] alphaStandardErrors, double[][] betaStandardErrors,
                      double[][] restrictedStandardErrors, double[][] gammaStandardErrors,
                      double[][] deterministicStandardErrors, double[][] residualCovariance, double logLikelihood,
                      double[] eigenvalues, double[][] lastLevels) {

    /**
     * Point forecasts in levels, {@code steps} rows ahead (statsmodels {@code predict(steps)}); row 0 is one step
     * ahead. Refused when the model has exogenous columns (use {@link #forecast(int, double[][])}).
     *
     * @param steps h >= 1
     * @return {@code [h][series]}
     */
    public double[][] forecast(int steps) {
        if (exogenousCount > 0) {
            throw new IllegalArgumentException("the model has " + exogenousCount
                    + " exogenous columns: pass their future values to forecast(steps, futureExogenous)");
        }
        return forecast(steps, new double[0][]);
    }

    /**
     * Point forecasts in levels with given future exogenous values.
     *
     * @param steps           h >= 1
     * @param futureExogenous one array of at least h values per exogenous column (not modified)
     * @return {@code [h][series]}
     */
    public double[][] forecast(int steps, double[][] futureExogenous) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps " + steps + ": expected at least 1");
        }
        if (futureExogenous.length != exogenousCount) {
            throw new IllegalArgumentException(futureExogenous.length + " future exogenous columns: the model has "
                    + exogenousCount);
        }
        for (int e = 0; e < exogenousCount; e++) {
            if (futureExogenous[e].length < steps) {
                throw new IllegalArgumentException("futureExogenous[" + e + "] has " + futureExogenous[e].length
                        + " values: expected at least " + steps);
            }
        }
        int m = pi.length;
        int k = lagDifferences;
        // history of levels, newest last: y_{n-1-k} .. y_{n-1}, then the forecasts
        int hist = k + 2;
        double[][] y = new double[hist + steps][];
        for (int l = 0; l < hist; l++) {
            y[hist - 1 - l] = lastLevels[l].clone();
        }
        int levelLag = spec == JohansenSpec.TRANSITORY ? 1 : k + 1;
        double[][] out = new double[steps][];
        for (int h = 0; h < steps; h++) {
            int t = observations + h;
            int cur = hist + h;
            double[] prev = y[cur - 1];
            double[] ectLevel = y[cur - levelLag];
            double[] next = new double[m];
            for (int i = 0; i < m; i++) {
                double dy = 0.0;
                for (int j = 0; j < m; j++) {
                    dy += pi[i][j] * ectLevel[j];
                }
                int rc = 0;
                if (deterministic.restrictedConstant()) {
                    dy += piDeterministic[i][rc++];
                }
                if (deterministic.restrictedTrend()) {
                    dy += piDeterministic[i][rc] * (t - levelLag + 1);
                }
                for (int lag = 1; lag <= k; lag++) {
                    double[] a = y[cur - lag];
                    double[] b = y[cur - lag - 1];
                    for (int j = 0; j < m; j++) {
                        dy += gamma[i][(lag - 1) * m + j] * (a[j] - b[j]);
                    }
                }
                int c = 0;
                double[] dc = deterministicCoefficients[i];
                if (deterministic.unrestrictedConstant()) {
                    dy += dc[c++];
                }
                if (seasons > 1) {
                    for (int s = 0; s < seasons - 1; s++) {
                        int phase = Math.floorMod(t - (s - firstSeason), seasons);
                        dy += dc[c++] * ((phase == 0 ? 1.0 : 0.0) - 1.0 / seasons);
                    }
                }
                if (deterministic.unrestrictedTrend()) {
                    dy += dc[c++] * (t + 1);
                }
                for (int e = 0; e < exogenousCount; e++) {
                    dy += dc[c++] * futureExogenous[e][h];
                }
                next[i] = prev[i] + dy;
            }
            y[cur] = next;
            out[h] = next.clone();
        }
        return out;
    }

    @Override
    public String toString() {
        return "VecmFit[deterministic=" + deterministic + ", lagDifferences=" + lagDifferences + ", rank=" + rank
                + ", T=" + effectiveNobs + ", llf=" + logLikelihood + "]";
    }
}
