package io.qtrade.portfolio.hrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import io.qtrade.portfolio.RefCases;
import io.qtrade.portfolio.covariance.SampleCovariance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HRP against {@code portfolio_hrp_expected.json} (scipy 1.10.1 {@code linkage}/{@code leaves_list} + numpy): distance
 * matrix, linkage rows (ids exact, distances to 1e-12), order exact, weights to 1e-12, every bisection step; for
 * single, average and Ward linkage and the paper code's Euclidean-rows variant.
 */
class HierarchicalRiskParityTest {

    private static final String FILE = "portfolio_hrp_expected.json";

    static java.util.List<String> cases() {
        return RefCases.CASES;
    }

    private static void assertSame(HrpResult r, JsonNode e) {
        double[][] z = RefCases.matrix(e.get("linkage"));
        assertThat(r.linkage().rows().length).isEqualTo(z.length);
        for (int i = 0; i < z.length; i++) {
            assertThat(r.linkage().left(i)).as("row %d left", i).isEqualTo((int) z[i][0]);
            assertThat(r.linkage().right(i)).as("row %d right", i).isEqualTo((int) z[i][1]);
            assertThat(r.linkage().distance(i)).isCloseTo(z[i][2], offset(1e-12));
            assertThat(r.linkage().size(i)).isEqualTo((int) z[i][3]);
        }
        double[] order = RefCases.vector(e.get("order_indices"));
        for (int i = 0; i < order.length; i++) {
            assertThat(r.order()[i]).isEqualTo((int) order[i]);
        }
        assertThat(RefCases.maxAbsError(r.weights(), RefCases.vector(e.get("weights")))).isLessThan(1e-12);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void singleLinkageMatchesScipyStepByStep(String name) {
        double[][] cov = SampleCovariance.INSTANCE.estimate(RefCases.returns(name));
        JsonNode e = RefCases.expected(FILE, name);
        HrpResult r = HierarchicalRiskParity.SINGLE.allocate(cov);
        assertThat(RefCases.maxRelativeError(r.distance(), RefCases.matrix(e.get("distance_matrix")), 1.0))
                .isLessThan(1e-12);
        assertSame(r, e);
        JsonNode steps = e.get("bisection_steps");
        java.util.List<String> assets = new java.util.ArrayList<>();
        e.get("assets").forEach(a -> assets.add(a.asText()));
        assertThat(r.bisection()).hasSize(steps.size());
        for (int s = 0; s < steps.size(); s++) {
            BisectionStep step = r.bisection().get(s);
            JsonNode x = steps.get(s);
            for (int i = 0; i < step.left().length; i++) {
                assertThat(assets.get(step.left()[i])).isEqualTo(x.get("left").get(i).asText());
            }
            for (int i = 0; i < step.right().length; i++) {
                assertThat(assets.get(step.right()[i])).isEqualTo(x.get("right").get(i).asText());
            }
            assertThat(step.varianceLeft()).isCloseTo(x.get("var_left").asDouble(), offset(1e-15));
            assertThat(step.varianceRight()).isCloseTo(x.get("var_right").asDouble(), offset(1e-15));
            assertThat(step.alphaLeft()).isCloseTo(x.get("alpha_left").asDouble(), offset(1e-12));
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void averageAndWardLinkageMatchScipy(String name) {
        double[][] cov = SampleCovariance.INSTANCE.estimate(RefCases.returns(name));
        JsonNode e = RefCases.expected(FILE, name).get("other_linkage_methods");
        assertSame(new HierarchicalRiskParity(LinkageMethod.AVERAGE, HrpDistance.CORRELATION).allocate(cov),
                e.get("average"));
        assertSame(new HierarchicalRiskParity(LinkageMethod.WARD, HrpDistance.CORRELATION).allocate(cov),
                e.get("ward"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void paperCodeVariantMatchesScipyOnDistanceRows(String name) {
        double[][] cov = SampleCovariance.INSTANCE.estimate(RefCases.returns(name));
        JsonNode e = RefCases.expected(FILE, name).get("variant_paper_code_linkage_on_distance_matrix_rows");
        assertSame(new HierarchicalRiskParity(LinkageMethod.SINGLE, HrpDistance.EUCLIDEAN_OF_DISTANCE_ROWS)
                .allocate(cov), e);
    }
}
