package io.qtrade.portfolio.blacklitterman;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.qtrade.portfolio.RefCases;
import io.qtrade.portfolio.covariance.SampleCovariance;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Black-Litterman against {@code portfolio_black_litterman_expected.json} (numpy 1.24.2): Sigma = 252 x sample
 * covariance, price-weighted market weights, delta 2.5, tau 0.05; He-Litterman Omega and a given Omega. Everything to
 * 1e-9 relative (inverses of well-conditioned 10-15 dimensional matrices).
 */
class BlackLittermanTest {

    private static final String FILE = "portfolio_black_litterman_expected.json";

    static java.util.List<String> cases() {
        return RefCases.CASES;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void posteriorMatchesNumpy(String name) {
        JsonNode e = RefCases.expected(FILE, name);
        double[][] daily = SampleCovariance.INSTANCE.estimate(RefCases.returns(name));
        int n = daily.length;
        double ann = e.get("params").get("annualisation").asDouble();
        double[][] sigma = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                sigma[i][j] = ann * daily[i][j];
            }
        }
        assertThat(RefCases.maxRelativeError(sigma, RefCases.matrix(e.get("Sigma_annual")), 1e-3)).isLessThan(1e-9);
        double delta = e.get("params").get("delta").asDouble();
        double tau = e.get("params").get("tau").asDouble();
        double[] prices = RefCases.vector(e.get("last_close_prices"));
        double total = 0.0;
        for (double p : prices) {
            total += p;
        }
        double[] wMkt = new double[n];
        for (int i = 0; i < n; i++) {
            wMkt[i] = prices[i] / total;
        }
        assertThat(RefCases.maxAbsError(wMkt, RefCases.vector(e.get("w_mkt")))).isLessThan(1e-15);
        double[] pi = BlackLitterman.impliedReturns(sigma, wMkt, delta);
        assertThat(RefCases.maxRelativeError(pi, RefCases.vector(e.get("pi_implied")), 1e-3)).isLessThan(1e-9);
        double[][] p = RefCases.matrix(e.get("P"));
        double[] q = RefCases.vector(e.get("Q"));
        List<View> views = new ArrayList<>();
        for (int v = 0; v < q.length; v++) {
            views.add(new View(p[v], q[v]));
        }
        BlackLittermanResult r = BlackLitterman.posterior(sigma, pi, views, tau);
        double[] omegaDiag = new double[q.length];
        for (int v = 0; v < q.length; v++) {
            omegaDiag[v] = r.omega()[v][v];
        }
        assertThat(RefCases.maxRelativeError(omegaDiag, RefCases.vector(e.get("Omega_diag")), 1e-6)).isLessThan(1e-9);
        assertThat(RefCases.maxRelativeError(r.posteriorMean(), RefCases.vector(e.get("posterior_mean")), 1e-3))
                .isLessThan(1e-9);
        assertThat(RefCases.maxRelativeError(r.posteriorMeanCovariance(),
                RefCases.matrix(e.get("M_posterior_cov_of_mean")), 1e-4)).isLessThan(1e-9);
        assertThat(RefCases.maxRelativeError(r.posteriorCovariance(),
                RefCases.matrix(e.get("posterior_cov_Sigma_plus_M")), 1e-3)).isLessThan(1e-9);
        double[] w = BlackLitterman.unconstrainedWeights(r.posteriorCovariance(), r.posteriorMean(), delta);
        assertThat(RefCases.maxAbsError(w, RefCases.vector(e.get("weights_unconstrained_(delta(Sigma+M))^-1_mu_bl"))))
                .isLessThan(1e-9);
        double[] wIdz = BlackLitterman.unconstrainedWeights(sigma, r.posteriorMean(), delta);
        assertThat(RefCases.maxAbsError(wIdz, RefCases.vector(e.get("weights_variant_(delta Sigma)^-1_mu_bl"))))
                .isLessThan(1e-9);
        // With the prior alone the weights are the market weights: (delta Sigma)^-1 pi = w_mkt.
        assertThat(RefCases.maxAbsError(BlackLitterman.unconstrainedWeights(sigma, pi, delta), wMkt))
                .isLessThan(1e-12);

        // Idzorek's confidences: 50% reproduces He-Litterman's Omega; 80% scales it by (1 - 0.8)/0.8 = 0.25 and pulls
        // the posterior towards the views (the first view is absolute, so its posterior moves towards Q_0).
        double[] half = new double[q.length];
        double[] high = new double[q.length];
        java.util.Arrays.fill(half, 0.5);
        java.util.Arrays.fill(high, 0.8);
        double[][] omHalf = BlackLitterman.idzorekOmega(sigma, views, tau, half);
        double[][] omHigh = BlackLitterman.idzorekOmega(sigma, views, tau, high);
        for (int v = 0; v < q.length; v++) {
            assertThat(omHalf[v][v]).isEqualTo(r.omega()[v][v]);
            // (1 - 0.8) / 0.8 is 0.24999999999999994 in binary, not 0.25: a few ulps apart, so 1e-15 relative (an
            // absolute 1e-18 was below one ulp of an Omega entry of 6e-3 and failed on the synthetic data by 2e-18).
            assertThat(omHigh[v][v]).isCloseTo(0.25 * r.omega()[v][v],
                    org.assertj.core.data.Offset.offset(1e-15 * 0.25 * r.omega()[v][v]));
        }
        BlackLittermanResult confident = BlackLitterman.posterior(sigma, pi, views, tau, omHigh);
        double[] pick = views.get(0).pick();
        double before = 0.0;
        double after = 0.0;
        for (int i = 0; i < n; i++) {
            before += pick[i] * r.posteriorMean()[i];
            after += pick[i] * confident.posteriorMean()[i];
        }
        assertThat(Math.abs(after - q[0])).isLessThan(Math.abs(before - q[0]));

        JsonNode g = e.get("variant_omega_given");
        double[] od = RefCases.vector(g.get("Omega_diag"));
        double[][] omega = new double[od.length][od.length];
        for (int v = 0; v < od.length; v++) {
            omega[v][v] = od[v];
        }
        BlackLittermanResult rg = BlackLitterman.posterior(sigma, pi, views, tau, omega);
        assertThat(RefCases.maxRelativeError(rg.posteriorMean(), RefCases.vector(g.get("posterior_mean")), 1e-3))
                .isLessThan(1e-9);
        assertThat(RefCases.maxRelativeError(rg.posteriorMeanCovariance(),
                RefCases.matrix(g.get("M_posterior_cov_of_mean")), 1e-4)).isLessThan(1e-9);
        double[] wg = BlackLitterman.unconstrainedWeights(rg.posteriorCovariance(), rg.posteriorMean(), delta);
        assertThat(RefCases.maxAbsError(wg, RefCases.vector(g.get("weights_unconstrained_(delta(Sigma+M))^-1_mu_bl"))))
                .isLessThan(1e-9);
    }
}
