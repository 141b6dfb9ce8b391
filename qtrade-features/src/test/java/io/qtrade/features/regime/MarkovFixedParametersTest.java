package io.qtrade.features.regime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The likelihood, filter and smoother at fixed parameters against statsmodels 0.13.5 {@code model.smooth(params)}
 * ({@code markov_fixed_params_expected.json}, written by {@code scripts/markov_fixed_params.py}): an order-2
 * autoregression with switching AR and variance (8 expanded states), and 3 regimes with a common variance. No
 * optimiser is involved, so the tolerance is 1e-9 (log-likelihood, relative) and 1e-9 (probabilities, absolute).
 */
class MarkovFixedParametersTest {

    private static String resource() {
        try (InputStream in = MarkovFixedParametersTest.class
                .getResourceAsStream("/refcases/markov_fixed_params_expected.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The numbers of the JSON array that follows {@code "key": } inside the case object. */
    private static double[] numbers(String caseJson, String key) {
        int at = caseJson.indexOf("\"" + key + "\": ");
        int start = at + key.length() + 4;
        int depth = 0;
        int end = start;
        for (; end < caseJson.length(); end++) {
            char c = caseJson.charAt(end);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
                if (depth == 0) {
                    break;
                }
            } else if (depth == 0 && (c == ',' || c == '}')) {
                break;
            }
        }
        Matcher m = Pattern.compile("-?[0-9][0-9.eE+-]*").matcher(caseJson.substring(start, end + 1));
        List<Double> out = new ArrayList<>();
        while (m.find()) {
            out.add(Double.parseDouble(m.group()));
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String caseJson(String name) {
        String all = resource();
        int at = all.indexOf("\"" + name + "\": {");
        int next = all.indexOf("}", all.indexOf("\"smoothed\"", at));
        return all.substring(at, next + 1);
    }

    private static void check(String name, MarkovSwitching model, int k, MarkovVarianceIndexing indexing) {
        String c = caseJson(name);
        double[] theta = numbers(c, "params");
        MarkovSwitchingParameters q = model.new Layout().toParams(theta);
        double[] y = MarkovData.column("markov_synthetic_21day_blocks_pct.csv", "y");
        MarkovChain.Pass pass = MarkovChain.run(y, q, true, false, indexing);
        double llf = numbers(c, "llf")[0];
        assertThat(Math.abs(pass.logLikelihood() - llf)).as(name + " llf").isLessThan(1e-9 * Math.abs(llf));
        double[] f = numbers(c, "filtered");
        double[] s = numbers(c, "smoothed");
        assertThat(f.length).isEqualTo(pass.filtered().length * k);
        double worst = 0.0;
        for (int t = 0; t < pass.filtered().length; t++) {
            for (int i = 0; i < k; i++) {
                worst = Math.max(worst, Math.abs(pass.filtered()[t][i] - f[t * k + i]));
                worst = Math.max(worst, Math.abs(pass.smoothed()[t][i] - s[t * k + i]));
            }
        }
        assertThat(worst).as(name + " probabilities").isLessThan(1e-9);
    }

    @Test
    void orderTwoWithSwitchingArEqualsStatsmodels() {
        MarkovSwitching m = MarkovSwitching.builder().order(2).switchingAr(true).build();
        assertThat(m.parameterNames()).containsExactly("p[0->0]", "p[1->0]", "const[0]", "const[1]", "sigma2[0]",
                "sigma2[1]", "ar.L1[0]", "ar.L1[1]", "ar.L2[0]", "ar.L2[1]");
        // statsmodels 0.13.5 attaches the variance to S_{t-1} at order 2 (see MarkovVarianceIndexing)
        check("ar2_switching_ar", m, 2, MarkovVarianceIndexing.STATSMODELS_0_13_5);
    }

    @Test
    void orderTwoWithZeroArIsTheMarkovRegressionOfTheLaterObservations() {
        // The default (the variance of S_t) with zero AR terms is statsmodels' MarkovRegression on y[2:]
        // (order2_zero_ar_equals_markov_regression_on_y2 in the same file), to 1e-9.
        String all = resource();
        String c = all.substring(all.indexOf("\"order2_zero_ar_equals_markov_regression_on_y2\""));
        double llf = numbers(c, "llf")[0];
        double[] y = MarkovData.column("markov_synthetic_21day_blocks_pct.csv", "y");
        MarkovSwitchingParameters q = new MarkovSwitchingParameters(new double[][] {{0.97, 0.03}, {0.10, 0.90}},
                new double[] {0.8, -1.5}, new double[] {12.0, 120.0}, new double[][] {{0.0, 0.0}, {0.0, 0.0}});
        assertThat(Math.abs(MarkovSwitching.logLikelihood(y, q) - llf)).isLessThan(1e-9 * Math.abs(llf));
        assertThat(Math.abs(MarkovChain.logLikelihood(y, q, MarkovVarianceIndexing.STATSMODELS_0_13_5) - llf))
                .isGreaterThan(0.1);
    }

    @Test
    void threeRegimesWithACommonVarianceEqualStatsmodels() {
        MarkovSwitching m = MarkovSwitching.builder().regimes(3).switchingVariance(false).build();
        assertThat(m.parameterNames()).containsExactly("p[0->0]", "p[1->0]", "p[2->0]", "p[0->1]", "p[1->1]",
                "p[2->1]", "const[0]", "const[1]", "const[2]", "sigma2");
        check("k3_common_variance", m, 3, MarkovVarianceIndexing.CURRENT_REGIME);
    }
}
