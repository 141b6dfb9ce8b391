package io.qtrade.features.cointegration;

import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import tech.tablesaw.api.NumericColumn;

/**
 * Vector error-correction model of a chosen cointegration rank, estimated by Johansen's reduced-rank regression
 * (maximum likelihood), numerically equal to statsmodels 0.13.5 {@code VECM(endog, k_ar_diff, coint_rank,
 * deterministic, seasons, first_season).fit()} and, for alpha, beta and Gamma, to urca {@code cajorls(ca.jo(...,
 * spec="transitory"), r)}.
 *
 * <p>Lütkepohl, H. (2005), New Introduction to Multiple Time Series Analysis, ch. 7 (7.2.3 for the standard
 * errors); Johansen (1995), Likelihood-Based Inference in Cointegrated Vector Autoregressive Models. Model, with
 * {@code p = k} lagged differences and {@code T = n - k - 1} rows:
 * <pre>{@code
 * dY_t = alpha (beta' Y_{t-1} + rho' d^co_t) + Gamma_1 dY_{t-1} + .. + Gamma_k dY_{t-k} + C d_t + u_t
 * beta = V_r (V_r[:r, :r])^-1          V_r = the first r Johansen eigenvectors (v' S_KK v = 1), restricted rows
 *                                      included: beta[:r, :r] = I, rho = the restricted rows
 * alpha = S_0K beta (beta' S_KK beta)^-1
 * [Gamma | C] = OLS of dY_t - alpha beta~' Y~_{t-1} on the unrestricted regressors
 * Sigma_u = u'u / T;   LL = -T/2 (K ln 2 pi + ln det Sigma_u + K)
 * Cov(vec[alpha | Gamma | C]) = (sum_t w_t w_t')^-1 (x) Sigma_u,   w_t = [beta~' Y~_{t-1}; unrestricted regressors]
 * }</pre>
 * Standard errors are statsmodels' asymptotic ones (no degrees-of-freedom correction), including its layout of the
 * beta standard errors ({@code stderr_coint}: the diagonal of {@code (R12 R12')^-1 (x) (alpha' Sigma_u^-1
 * alpha)^-1} reshaped column-major), which for {@code r > 1} pairs each beta entry with statsmodels' element of that
 * Kronecker diagonal. The unrestricted deterministic coefficients are ordered constant, seasonal dummies, trend,
 * exogenous (statsmodels' {@code det_coef}). Forecasts iterate the VECM in levels with the deterministic terms
 * extended to future rows ({@code predict(steps)}). Batch only.
 */
public final class Vecm {

    private final JohansenDeterministic deterministic;
    private final int lagDifferences;
    private final int rank;
    private final int seasons;
    private final int firstSeason;
    private final double[][] exogenous;
    private final JohansenSpec spec;

    private Vecm(Builder b) {
        this.spec = b.spec;
        if (b.deterministic == JohansenDeterministic.DETRENDED) {
            throw new IllegalArgumentException("deterministic DETRENDED is statsmodels' coint_johansen det_order=1"
                    + " and defines no VECM: use CONSTANT_RESTRICTED_TREND (urca trend, VECM coli) or"
                    + " CONSTANT_LINEAR_TREND (colo)");
        }
        if (b.rank < 1) {
            throw new IllegalArgumentException("rank " + b.rank + ": expected at least 1 (set rank(r))");
        }
        this.deterministic = b.deterministic;
        this.lagDifferences = b.lagDifferences;
        this.rank = b.rank;
        this.seasons = b.seasons;
        this.firstSeason = b.firstSeason;
        this.exogenous = b.exogenous;
    }

    /** A builder: defaults {@link JohansenDeterministic#CONSTANT}, one lagged difference; the rank must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Fits Tablesaw columns.
     *
     * @param columns the K series
     * @return the fit
     */
    public VecmFit fit(NumericColumn<?>... columns) {
        double[][] s = new double[columns.length][];
        for (int j = 0; j < columns.length; j++) {
            s[j] = Series.fromColumn(columns[j], "columns[" + j + "]");
        }
        return fit(s);
    }

    /**
     * Fits the model.
     *
     * @param series K series of equal length n (column-major), oldest first (not modified)
     * @return the fit
     * @throws IllegalArgumentException on unequal lengths, non-finite values, a rank not below K, too few rows or
     *                                  collinear regressors
     */
    public VecmFit fit(double[]... series) {
        int m = Johansen.checkSeries(series, exogenous);
        if (rank >= m) {
            throw new IllegalArgumentException("rank " + rank + " with " + m + " series: expected 1.." + (m - 1));
        }
        ReducedRankRegression z = new ReducedRankRegression(series, deterministic, spec,
                lagDifferences, seasons, firstSeason, exogenous);
        int r = rank;
        int p1 = z.p1;
        int q1 = z.q1;
        int bigT = z.bigT;
        Johansen.Eigen e = Johansen.eigen(z.s00, z.s0k, z.skk);
        // beta (used units) = V_r inv(V_r[:r,:r])
        DMatrixRMaj vr = new DMatrixRMaj(p1, r);
        for (int i = 0; i < p1; i++) {
            for (int j = 0; j < r; j++) {
                vr.unsafe_set(i, j, e.vectors()[i][j]);
            }
        }
        DMatrixRMaj top = CommonOps_DDRM.extract(vr, 0, r, 0, r);
        DMatrixRMaj topInv = new DMatrixRMaj(r, r);
        if (!CommonOps_DDRM.invert(top, topInv)) {
            throw new IllegalArgumentException("the first " + r + " rows of the cointegrating vectors are singular:"
                    + " reorder the series");
        }
        DMatrixRMaj beta = new DMatrixRMaj(p1, r);
        CommonOps_DDRM.mult(vr, topInv, beta);
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                beta.unsafe_set(i, j, i == j ? 1.0 : 0.0);
            }
        }
        // alpha = S0K beta (beta' SKK beta)^-1
        DMatrixRMaj skkB = new DMatrixRMaj(p1, r);
        CommonOps_DDRM.mult(z.skk, beta, skkB);
        DMatrixRMaj bsb = new DMatrixRMaj(r, r);
        CommonOps_DDRM.multTransA(beta, skkB, bsb);
        DMatrixRMaj bsbInv = new DMatrixRMaj(r, r);
        CommonOps_DDRM.invert(bsb, bsbInv);
        DMatrixRMaj s0kB = new DMatrixRMaj(m, r);
        CommonOps_DDRM.mult(z.s0k, beta, s0kB);
        DMatrixRMaj alpha = new DMatrixRMaj(m, r);
        CommonOps_DDRM.mult(s0kB, bsbInv, alpha);
        DMatrixRMaj pi = new DMatrixRMaj(m, p1);
        CommonOps_DDRM.multTransB(alpha, beta, pi);
        // C (m x q1) = (G_01 - Pi G_K1) G11^-1
        int w = m + p1 + q1;
        DMatrixRMaj coef = new DMatrixRMaj(m, q1);
        if (q1 > 0) {
            DMatrixRMaj g01 = CommonOps_DDRM.extract(z.g, 0, m, m + p1, w);
            DMatrixRMaj gk1 = CommonOps_DDRM.extract(z.g, m, m + p1, m + p1, w);
            DMatrixRMaj piG = new DMatrixRMaj(m, q1);
            CommonOps_DDRM.mult(pi, gk1, piG);
            CommonOps_DDRM.subtractEquals(g01, piG);
            CommonOps_DDRM.mult(g01, z.g11Inv, coef);
        }
        // residuals and Sigma_u
        double[][] u = new double[m][bigT];
        for (int i = 0; i < m; i++) {
            double[] ui = u[i];
            System.arraycopy(z.z0[i], 0, ui, 0, bigT);
            for (int a = 0; a < p1; a++) {
                double c = pi.unsafe_get(i, a);
                double[] col = z.zk[a];
                for (int t = 0; t < bigT; t++) {
                    ui[t] -= c * col[t];
                }
            }
            for (int a = 0; a < q1; a++) {
                double c = coef.unsafe_get(i, a);
                double[] col = z.z1[a];
                for (int t = 0; t < bigT; t++) {
                    ui[t] -= c * col[t];
                }
            }
        }
        double[][] sigma = new double[m][m];
        DMatrixRMaj sigmaM = new DMatrixRMaj(m, m);
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                double v = ReducedRankRegression.dot(u[i], u[j]) / bigT;
                sigma[i][j] = v;
                sigma[j][i] = v;
                sigmaM.unsafe_set(i, j, v);
                sigmaM.unsafe_set(j, i, v);
            }
        }
        double logDet = Math.log(CommonOps_DDRM.det(sigmaM));
        double llf = -0.5 * bigT * (m * Math.log(2.0 * Math.PI) + logDet + m);

        // Omega = sum w w', w = [beta' ZK; Z1]
        int d = r + q1;
        DMatrixRMaj omega = new DMatrixRMaj(d, d);
        DMatrixRMaj gkk = CommonOps_DDRM.extract(z.g, m, m + p1, m, m + p1);
        DMatrixRMaj tmpKr = new DMatrixRMaj(p1, r);
        CommonOps_DDRM.mult(gkk, beta, tmpKr);
        DMatrixRMaj o11 = new DMatrixRMaj(r, r);
        CommonOps_DDRM.multTransA(beta, tmpKr, o11);
        CommonOps_DDRM.insert(o11, omega, 0, 0);
        if (q1 > 0) {
            DMatrixRMaj gk1 = CommonOps_DDRM.extract(z.g, m, m + p1, m + p1, w);
            DMatrixRMaj o12 = new DMatrixRMaj(r, q1);
            CommonOps_DDRM.multTransA(beta, gk1, o12);
            CommonOps_DDRM.insert(o12, omega, 0, r);
            DMatrixRMaj o21 = new DMatrixRMaj(q1, r);
            CommonOps_DDRM.transpose(o12, o21);
            CommonOps_DDRM.insert(o21, omega, r, 0);
            CommonOps_DDRM.insert(CommonOps_DDRM.extract(z.g, m + p1, w, m + p1, w), omega, r, r);
        }
        DMatrixRMaj omegaInv = new DMatrixRMaj(d, d);
        if (!CommonOps_DDRM.invert(omega, omegaInv)) {
            throw new IllegalArgumentException("the regressors of the VECM are collinear");
        }
        // The constant in raw units, and its variance direction g.
        double[] gvec = null;
        if (z.constIndex >= 0) {
            gvec = new double[d];
            double[] bShift = new double[r];
            for (int j = 0; j < r; j++) {
                double s = 0.0;
                for (int a = 0; a < p1; a++) {
                    s += beta.unsafe_get(a, j) * z.shiftK[a];
                }
                bShift[j] = s;
                gvec[j] = -s;
            }
            for (int a = 0; a < q1; a++) {
                gvec[r + a] = a == z.constIndex ? 1.0 : -z.shift1[a];
            }
            for (int i = 0; i < m; i++) {
                double c = coef.unsafe_get(i, z.constIndex) + z.shift0[i];
                for (int j = 0; j < r; j++) {
                    c -= alpha.unsafe_get(i, j) * bShift[j];
                }
                for (int a = 0; a < q1; a++) {
                    if (a != z.constIndex) {
                        c -= coef.unsafe_get(i, a) * z.shift1[a];
                    }
                }
                coef.unsafe_set(i, z.constIndex, c);
            }
        }
        double constVar = 0.0;
        if (gvec != null) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    constVar += gvec[a] * omegaInv.unsafe_get(a, b) * gvec[b];
                }
            }
        }
        // Assemble in raw units.
        double[][] alphaOut = new double[m][r];
        double[][] alphaSe = new double[m][r];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < r; j++) {
                alphaOut[i][j] = alpha.unsafe_get(i, j);
                alphaSe[i][j] = Math.sqrt(omegaInv.unsafe_get(j, j) * sigma[i][i]);
            }
        }
        double[][] betaOut = new double[m][r];
        int nr = p1 - m;
        double[][] rho = new double[nr][r];
        for (int a = 0; a < p1; a++) {
            for (int j = 0; j < r; j++) {
                double v = beta.unsafe_get(a, j) * z.scaleK[a];
                if (a < m) {
                    betaOut[a][j] = v;
                } else {
                    rho[a - m][j] = v;
                }
            }
        }
        // beta standard errors, statsmodels stderr_coint
        double[][] betaSeAll = new double[p1][r];
        int fr = p1 - r;
        if (fr > 0) {
            DMatrixRMaj r12 = CommonOps_DDRM.extract(z.skk, r, p1, r, p1);
            CommonOps_DDRM.scale(bigT, r12);
            DMatrixRMaj mat1 = new DMatrixRMaj(fr, fr);
            CommonOps_DDRM.invert(r12, mat1);
            DMatrixRMaj sigInv = new DMatrixRMaj(m, m);
            CommonOps_DDRM.invert(sigmaM, sigInv);
            DMatrixRMaj tmp = new DMatrixRMaj(m, r);
            CommonOps_DDRM.mult(sigInv, alpha, tmp);
            DMatrixRMaj asa = new DMatrixRMaj(r, r);
            CommonOps_DDRM.multTransA(alpha, tmp, asa);
            DMatrixRMaj asaInv = new DMatrixRMaj(r, r);
            CommonOps_DDRM.invert(asa, asaInv);
            for (int i = 0; i < fr; i++) {
                for (int j = 0; j < r; j++) {
                    int flat = j * fr + i;
                    int a = flat / r;
                    int b = flat % r;
                    double s = z.scaleK[r + a];
                    betaSeAll[r + i][j] = Math.sqrt(mat1.unsafe_get(a, a) * s * s * asaInv.unsafe_get(b, b));
                }
            }
        }
        double[][] betaSe = new double[m][r];
        double[][] rhoSe = new double[nr][r];
        for (int a = 0; a < p1; a++) {
            if (a < m) {
                betaSe[a] = betaSeAll[a];
            } else {
                rhoSe[a - m] = betaSeAll[a];
            }
        }
        int nDet = z.lagStart;
        int nGamma = q1 - nDet;
        double[][] gamma = new double[m][nGamma];
        double[][] gammaSe = new double[m][nGamma];
        double[][] detCoef = new double[m][nDet];
        double[][] detSe = new double[m][nDet];
        for (int i = 0; i < m; i++) {
            for (int a = 0; a < q1; a++) {
                double s = z.scale1[a];
                double v = coef.unsafe_get(i, a) * s;
                double se = a == z.constIndex ? Math.sqrt(constVar * sigma[i][i])
                        : Math.sqrt(omegaInv.unsafe_get(r + a, r + a) * sigma[i][i]) * s;
                if (a < nDet) {
                    detCoef[i][a] = v;
                    detSe[i][a] = se;
                } else {
                    gamma[i][a - nDet] = v;
                    gammaSe[i][a - nDet] = se;
                }
            }
        }
        double[][] piOut = new double[m][m];
        double[][] piDet = new double[m][nr];
        for (int i = 0; i < m; i++) {
            for (int a = 0; a < p1; a++) {
                double v = pi.unsafe_get(i, a) * z.scaleK[a];
                if (a < m) {
                    piOut[i][a] = v;
                } else {
                    piDet[i][a - m] = v;
                }
            }
        }
        double[][] lastLevels = new double[lagDifferences + 2][m];
        int n = series[0].length;
        for (int l = 0; l <= lagDifferences + 1 && l < n; l++) {
            for (int j = 0; j < m; j++) {
                lastLevels[l][j] = series[j][n - 1 - l];
            }
        }
        return new VecmFit(deterministic, spec, lagDifferences, r, seasons, firstSeason, z.exogCount, bigT, n,
                alphaOut, betaOut, rho, gamma, detCoef, piOut, piDet, alphaSe, betaSe, rhoSe, gammaSe, detSe,
                sigma, llf, e.values(), lastLevels);
    }

    @Override
    public String toString() {
        return "Vecm[deterministic=" + deterministic + ", spec=" + spec + ", lagDifferences=" + lagDifferences + ", rank=" + rank
                + ", seasons=" + seasons + ", firstSeason=" + firstSeason + ", exogenous="
                + (exogenous == null ? 0 : exogenous.length) + "]";
    }

    /** Options of the model; every setter validates its argument. */
    public static final class Builder {
        private JohansenDeterministic deterministic = JohansenDeterministic.CONSTANT;
        private int lagDifferences = 1;
        private int rank;
        private int seasons;
        private int firstSeason;
        private double[][] exogenous;
        private JohansenSpec spec = JohansenSpec.TRANSITORY;

        private Builder() {
        }

        /**
         * Where the error-correction term sits (default TRANSITORY, statsmodels' and urca {@code cajorls}' usual
         * form; LONGRUN puts it at {@code Y_{t-k-1}}: same alpha, beta, Sigma_u and forecasts, long-run Gammas).
         */
        public Builder spec(JohansenSpec value) {
            this.spec = Objects.requireNonNull(value, "spec");
            return this;
        }

        /** Centred seasonal dummies with the first data row in season 0. */
        public Builder seasons(int period) {
            return seasons(period, 0);
        }

        /** Deterministic terms (statsmodels {@code deterministic}; default CONSTANT, "co"). */
        public Builder deterministic(JohansenDeterministic value) {
            this.deterministic = Objects.requireNonNull(value, "deterministic");
            return this;
        }

        /** Lagged differences {@code k_ar_diff >= 0} (default 1). */
        public Builder lagDifferences(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("lagDifferences " + value + ": expected >= 0");
            }
            this.lagDifferences = value;
            return this;
        }

        /** Cointegration rank r, 1..K-1 (statsmodels {@code coint_rank}). */
        public Builder rank(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("rank " + value + ": expected at least 1");
            }
            this.rank = value;
            return this;
        }

        /** Centred seasonal dummies, first data row in season {@code firstSeason} (statsmodels first_season). */
        public Builder seasons(int period, int firstSeason) {
            if (period < 2) {
                throw new IllegalArgumentException("seasons " + period + ": expected at least 2");
            }
            if (firstSeason < 0 || firstSeason >= period) {
                throw new IllegalArgumentException("firstSeason " + firstSeason + ": expected 0.." + (period - 1));
            }
            this.seasons = period;
            this.firstSeason = firstSeason;
            return this;
        }

        /** Unrestricted exogenous regressors, one value per data row (statsmodels {@code exog}); copied. */
        public Builder exogenous(double[]... columns) {
            if (columns.length == 0) {
                this.exogenous = null;
                return this;
            }
            double[][] c = new double[columns.length][];
            for (int j = 0; j < columns.length; j++) {
                c[j] = columns[j].clone();
            }
            this.exogenous = c;
            return this;
        }

        /** The model. */
        public Vecm build() {
            return new Vecm(this);
        }
    }
}
