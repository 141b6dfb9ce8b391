package io.qtrade.research.montecarlo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SharpeInferenceTest {

    /**
     * Bailey and López de Prado (2014), "The deflated Sharpe ratio", numerical example: N = 100 trials whose
     * annualised Sharpe ratios have variance 1/2, the selected one 2.5 annualised over 5 years of daily returns
     * (T = 1250, 250 days a year), skew -3, kurtosis 10. The paper reports SR0 = 0.1132 (per day) and DSR = 0.9004;
     * to the 4 decimals printed.
     */
    @Test
    void thePapersNumericalExampleGivesSr0AndDsrAsPublished() {
        double perDay = Math.sqrt(250.0);
        double sr0 = SharpeInference.expectedMaxSharpe(100, 0.5 / 250.0);
        assertThat(sr0).isCloseTo(0.1132, within(5e-5));
        double dsr = SharpeInference.deflatedSharpeRatio(2.5 / perDay, 1250, -3, 10, 100, 0.5 / 250.0);
        assertThat(dsr).isCloseTo(0.9004, within(5e-5));
    }

    @Test
    void psrOfNormalReturnsIsThePhiOfTheSharpeTStatistic() {
        // Normal returns (skew 0, kurtosis 3): the denominator is sqrt(1 + SR^2 / 2).
        double sr = 0.1;
        double z = 0.1 * Math.sqrt(99) / Math.sqrt(1 + 0.01 / 2);
        double expected = new org.apache.commons.math3.distribution.NormalDistribution().cumulativeProbability(z);
        assertThat(SharpeInference.probabilisticSharpeRatio(sr, 0, 100, 0, 3)).isCloseTo(expected, within(1e-15));
        // At the benchmark the probability is one half, whatever the moments.
        assertThat(SharpeInference.probabilisticSharpeRatio(0.2, 0.2, 500, -1, 8)).isEqualTo(0.5);
    }

    @Test
    void moreTrialsRaiseTheBarAndLowerTheDeflatedSharpe() {
        double v = 0.5 / 252;
        assertThat(SharpeInference.expectedMaxSharpe(10, v)).isLessThan(SharpeInference.expectedMaxSharpe(1000, v));
        assertThat(SharpeInference.deflatedSharpeRatio(0.1, 1000, 0, 3, 10, v))
                .isGreaterThan(SharpeInference.deflatedSharpeRatio(0.1, 1000, 0, 3, 1000, v));
    }

    @Test
    void skewAndKurtosisAreThePopulationMoments() {
        double[] x = {1, 2, 3, 10};
        // mean 4; deviations -3, -2, -1, 6; m2 = 50/4 = 12.5, m3 = (-27 - 8 - 1 + 216)/4 = 45, m4 = (81+16+1+1296)/4
        double[] sk = SharpeInference.skewAndKurtosis(x);
        assertThat(sk[0]).isCloseTo(45 / Math.pow(12.5, 1.5), within(1e-15));
        assertThat(sk[1]).isCloseTo(348.5 / (12.5 * 12.5), within(1e-15));
    }

    @Test
    void badInputsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> SharpeInference.probabilisticSharpeRatio(0.1, 0, 1, 0, 3))
                .hasMessage("probabilistic Sharpe ratio: n = 1, expected >= 2");
        assertThatThrownBy(() -> SharpeInference.expectedMaxSharpe(1, 0.1))
                .hasMessageStartingWith("expected maximum Sharpe ratio: trials = 1, expected >= 2");
        assertThatThrownBy(() -> SharpeInference.probabilisticSharpeRatio(2, 0, 100, 3, 0))
                .hasMessageContaining("expected > 0 (is the kurtosis raw, 3 for a normal?)");
    }
}
