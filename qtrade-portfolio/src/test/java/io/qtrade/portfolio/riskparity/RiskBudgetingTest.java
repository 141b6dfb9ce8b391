package io.qtrade.portfolio.riskparity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import io.qtrade.portfolio.RefCases;
import io.qtrade.portfolio.covariance.SampleCovariance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Risk budgeting against {@code portfolio_risk_parity_expected.json} (scipy 1.10.1, Spinu's problem solved to a
 * gradient of ~1e-18): equal budgets on dj10, unequal budgets (0.1 x 5, 0.05 x 10) on dj15. Weights to 1e-9, risk
 * contributions to 1e-9 relative.
 */
class RiskBudgetingTest {

    private static final String FILE = "portfolio_risk_parity_expected.json";

    static java.util.List<String> cases() {
        return RefCases.CASES;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesScipyWithRiskContributions(String name) {
        double[][] cov = SampleCovariance.INSTANCE.estimate(RefCases.returns(name));
        JsonNode e = RefCases.expected(FILE, name);
        double[] budgets = RefCases.vector(e.get("risk_budgets"));
        RiskBudgetResult r = RiskBudgeting.solve(cov, budgets);
        assertThat(RefCases.maxAbsError(r.weights(), RefCases.vector(e.get("weights")))).isLessThan(1e-9);
        assertThat(RefCases.maxRelativeError(r.unnormalised(), RefCases.vector(e.get("x_unnormalised")), 1.0))
                .isLessThan(1e-9);
        RiskContributions rc = r.risk();
        assertThat(rc.volatility()).isCloseTo(e.get("portfolio_volatility_daily").asDouble(), offset(1e-12));
        assertThat(RefCases.maxRelativeError(rc.marginal(),
                RefCases.vector(e.get("marginal_risk_contribution_(Sw)_i/sigma")), 1e-6)).isLessThan(1e-9);
        assertThat(RefCases.maxRelativeError(rc.contributions(),
                RefCases.vector(e.get("risk_contribution_w_i(Sw)_i/sigma")), 1e-6)).isLessThan(1e-9);
        assertThat(RefCases.maxAbsError(rc.fractions(), budgets)).isLessThan(1e-12);
        assertThat(r.gradientNorm()).isLessThan(1e-12);
    }

    @Test
    void equalRiskContributionOfUncorrelatedAssetsIsInverseVolatility() {
        double[][] cov = {{0.04, 0, 0}, {0, 0.01, 0}, {0, 0, 0.0025}};
        // w_i proportional to 1/sigma_i = 5, 10, 20 -> 1/7, 2/7, 4/7.
        double[] w = RiskBudgeting.equalRiskContribution(cov).weights();
        assertThat(w[0]).isCloseTo(1.0 / 7, offset(1e-14));
        assertThat(w[1]).isCloseTo(2.0 / 7, offset(1e-14));
        assertThat(w[2]).isCloseTo(4.0 / 7, offset(1e-14));
    }

    @Test
    void nonPositiveBudgetIsRejected() {
        assertThatThrownBy(() -> RiskBudgeting.solve(new double[][] {{1, 0}, {0, 1}}, new double[] {1.0, 0.0}))
                .hasMessageContaining("budget 1 = 0.0");
    }
}
