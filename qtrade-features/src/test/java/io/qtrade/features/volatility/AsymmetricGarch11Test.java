package io.qtrade.features.volatility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * GJR-GARCH and EGARCH(1,1). No reference implementation is packaged here (statsmodels has neither; arch, rugarch
 * are not in Debian), so: simulated-parameter recovery (4,000 seeded returns, every estimate within 4 standard
 * errors of the truth: a statistical check with fixed seeds, each interval fails with probability 6e-5) for normal
 * and Student t errors; GJR with gamma = 0 is GARCH(1,1) (the same likelihood to 1e-12 relative); the t density
 * tends to the normal one as nu grows (arithmetic).
 */
class AsymmetricGarch11Test {

    private static void recovered(AsymmetricGarchFit fit, AsymmetricGarchParameters truth) {
        for (GarchParameter p : fit.estimatedParameters()) {
            double est = fit.params().value(p);
            assertThat(Math.abs(est - truth.value(p))).as(p + " " + est + " vs " + truth.value(p) + " se "
                    + fit.standardError(p)).isLessThan(4 * fit.standardError(p));
        }
    }

    @Test
    void gjrWithNormalErrorsRecoversItsParameters() {
        AsymmetricGarchParameters truth = AsymmetricGarchParameters.normal(0.05, 0.05, 0.04, 0.12, 0.85);
        AsymmetricGarch11 model = AsymmetricGarch11.gjr().build();
        AsymmetricGarchFit fit = model.fit(model.simulate(truth, 4000, 1L));
        recovered(fit, truth);
        assertThat(fit.params().gamma()).isGreaterThan(0.0);
        assertThat(fit.estimatedParameters()).containsExactly(GarchParameter.MU, GarchParameter.OMEGA,
                GarchParameter.ALPHA, GarchParameter.GAMMA, GarchParameter.BETA);
    }

    @Test
    void gjrWithStudentTErrorsRecoversItsParameters() {
        AsymmetricGarchParameters truth = new AsymmetricGarchParameters(0.0, 0.05, 0.05, 0.10, 0.85, 6.0);
        AsymmetricGarch11 model = AsymmetricGarch11.gjr().errors(GarchErrors.STUDENT_T).build();
        AsymmetricGarchFit fit = model.fit(model.simulate(truth, 4000, 2L));
        recovered(fit, truth);
    }

    @Test
    void egarchWithNormalErrorsRecoversItsParameters() {
        AsymmetricGarchParameters truth = AsymmetricGarchParameters.normal(0.02, -0.05, 0.15, -0.08, 0.95);
        AsymmetricGarch11 model = AsymmetricGarch11.egarch().build();
        AsymmetricGarchFit fit = model.fit(model.simulate(truth, 4000, 3L));
        recovered(fit, truth);
        assertThat(fit.params().gamma()).isLessThan(0.0);
    }

    @Test
    void egarchWithStudentTErrorsAndZeroMeanRecoversItsParameters() {
        AsymmetricGarchParameters truth = new AsymmetricGarchParameters(0.0, -0.02, 0.12, -0.06, 0.96, 7.0);
        AsymmetricGarch11 model = AsymmetricGarch11.egarch().errors(GarchErrors.STUDENT_T).mean(GarchMean.ZERO)
                .build();
        AsymmetricGarchFit fit = model.fit(model.simulate(truth, 4000, 4L));
        recovered(fit, truth);
        assertThat(fit.params().mu()).isZero();
        assertThatThrownBy(() -> fit.standardError(GarchParameter.MU)).hasMessageContaining("MU is not estimated");
    }

    @Test
    void gjrWithoutLeverageIsGarch11() {
        double[] r = Garch11Test.fxReturns();
        AsymmetricGarch11 gjr = AsymmetricGarch11.gjr().build();
        Garch11 garch = Garch11.builder().initialisation(GarchInitialisation.FIRST_IS_MEAN_SQUARE).build();
        double a = gjr.logLikelihood(r, AsymmetricGarchParameters.normal(-0.006, 0.0108, 0.153, 0.0, 0.806));
        double b = garch.logLikelihood(r, Garch11Parameters.normal(-0.006, 0.0108, 0.153, 0.806));
        assertThat(a).isCloseTo(b, within(1e-12 * Math.abs(b)));
        double t = AsymmetricGarch11.gjr().errors(GarchErrors.STUDENT_T).build()
                .logLikelihood(r, new AsymmetricGarchParameters(-0.006, 0.0108, 0.153, 0.0, 0.806, 1e7));
        assertThat(t).isCloseTo(b, within(1e-3));
    }
}
