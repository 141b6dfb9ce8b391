package io.qtrade.features.volatility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import org.junit.jupiter.api.Test;

/**
 * GARCH(1,1) mean options, the tseries likelihood convention and standard errors by name, on the synthetic FX returns
 * ({@code garch_synthetic_fx.csv}, n = 1974). Reference: R tseries 0.10-53 {@code garch} on the demeaned series
 * ({@code refcases/garch_fgarch_expected.json}, "tseries_garch": a0 0.00776773596871175, a1 0.151342824021636,
 * b1 0.81720673916963; {@code src/test/r/garch_expected.R}).
 */
class GarchOptionsTest {

    private static double mean(double[] r) {
        double s = 0.0;
        for (double v : r) {
            s += v;
        }
        return s / r.length;
    }

    /**
     * tseries stops its quasi-Newton a little early on this flat likelihood: at its estimate the log-likelihood is
     * 1.0e-6 below the optimum of the same function, which scipy (Nelder-Mead then L-BFGS-B from tseries' estimate,
     * {@code src/test/python/garch_scipy_expected.py}) puts at omega 0.007765264393978162, alpha
     * 0.15133754449803363, beta 0.81722595224738, LL -1030.700592948976 (with the 2 pi constants of n - 1
     * densities). Tolerances: LL 1e-9 relative, parameters 1e-4 relative (flat optimum, as for fGarch), and 1% to
     * tseries' own printed estimate.
     */
    @Test
    void conditionalOnFirstWithTheSampleMeanReproducesTseriesGarch() {
        double[] r = Garch11Test.fxReturns();
        Garch11Fit fit = Garch11.builder().initialisation(GarchInitialisation.CONDITIONAL_ON_FIRST)
                .fixedMean(mean(r)).build().fit(r);
        assertThat(fit.logLikelihood()).isCloseTo(-1030.700592948976, withPercentage(1e-7));
        assertThat(fit.params().omega()).isCloseTo(0.007765264393978162, withPercentage(1e-2));
        assertThat(fit.params().alpha()).isCloseTo(0.15133754449803363, withPercentage(1e-2));
        assertThat(fit.params().beta()).isCloseTo(0.81722595224738, withPercentage(1e-2));
        assertThat(fit.params().omega()).isCloseTo(0.00776773596871175, withPercentage(1));
        assertThat(fit.params().alpha()).isCloseTo(0.151342824021636, withPercentage(1));
        assertThat(fit.params().beta()).isCloseTo(0.81720673916963, withPercentage(1));
        assertThat(fit.parameterCount()).isEqualTo(3);
        assertThat(fit.estimatedParameters()).containsExactly(GarchParameter.OMEGA, GarchParameter.ALPHA,
                GarchParameter.BETA);
        assertThatThrownBy(() -> fit.standardError(GarchParameter.MU)).hasMessageContaining("MU is not estimated");
    }

    /** Arithmetic: the conditional likelihood is the full one (h_1 = m2) minus the first observation's density. */
    @Test
    void conditionalOnFirstDropsExactlyTheFirstDensity() {
        double[] r = Garch11Test.fxReturns();
        Garch11Parameters p = Garch11Parameters.normal(0.0, 0.01, 0.05, 0.90);
        double full = Garch11.builder().initialisation(GarchInitialisation.FIRST_IS_MEAN_SQUARE).build()
                .logLikelihood(r, p);
        double cond = Garch11.builder().initialisation(GarchInitialisation.CONDITIONAL_ON_FIRST).build()
                .logLikelihood(r, p);
        double m2 = 0.0;
        for (double v : r) {
            m2 += v * v;
        }
        m2 /= r.length;
        double first = -0.5 * (Math.log(2 * Math.PI) + Math.log(m2) + r[0] * r[0] / m2);
        assertThat(cond).isCloseTo(full - first, within(1e-9));
    }

    /** A zero-mean fit of r - c and a fit with mu fixed at c of r maximise the same function. */
    @Test
    void zeroMeanOnShiftedDataEqualsFixedMean() {
        double[] r = Garch11Test.fxReturns();
        double c = mean(r);
        double[] shifted = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            shifted[i] = r[i] - c;
        }
        Garch11Fit zero = Garch11.builder().mean(GarchMean.ZERO).build().fit(shifted);
        Garch11Fit fixed = Garch11.builder().fixedMean(c).build().fit(r);
        assertThat(zero.params().mu()).isZero();
        assertThat(fixed.params().mu()).isEqualTo(c);
        assertThat(zero.logLikelihood()).isCloseTo(fixed.logLikelihood(), within(1e-8));
        assertThat(zero.params().alpha()).isCloseTo(fixed.params().alpha(), withPercentage(1e-4));
        assertThat(zero.standardError(GarchParameter.BETA)).isCloseTo(fixed.standardError(GarchParameter.BETA),
                withPercentage(1e-2));
        // the zero-mean maximum lies below the estimated-mean maximum of the same data
        Garch11Fit est = Garch11.builder().build().fit(r);
        assertThat(est.logLikelihood()).isGreaterThanOrEqualTo(Garch11.builder().mean(GarchMean.ZERO).build()
                .fit(r).logLikelihood());
    }

    @Test
    void standardErrorsByNameFollowTheEstimatedOrder() {
        Garch11Fit fit = Garch11.builder().errors(GarchErrors.STUDENT_T).build().fit(Garch11Test.fxReturns());
        double[] se = fit.standardErrors();
        assertThat(fit.estimatedParameters()).containsExactly(GarchParameter.MU, GarchParameter.OMEGA,
                GarchParameter.ALPHA, GarchParameter.BETA, GarchParameter.NU);
        assertThat(fit.standardError(GarchParameter.NU)).isEqualTo(se[4]);
        assertThat(fit.standardError(GarchParameter.OMEGA)).isEqualTo(se[1]);
        assertThatThrownBy(() -> fit.standardError(GarchParameter.GAMMA)).hasMessageContaining("GAMMA");
        assertThatThrownBy(() -> Garch11.builder().mean(GarchMean.FIXED)).hasMessageContaining("fixedMean");
    }
}
