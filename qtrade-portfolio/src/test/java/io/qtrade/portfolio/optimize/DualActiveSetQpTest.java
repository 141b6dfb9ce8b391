package io.qtrade.portfolio.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/**
 * Goldfarb-Idnani on small degenerate problems, where a violated row is linearly dependent on the active set and no
 * multiplier can be dropped: infeasible exactly when the row's gap to the active rows is negative (a Farkas
 * certificate), and solved when the row is implied by them. Expected values by hand.
 */
class DualActiveSetQpTest {

    @Test
    void aDependentRowWithANegativeGapIsInfeasible() {
        // min 1/2 |x|^2, x1 + x2 = 1, x1 <= 0.4, x2 <= 0.4: after x1 = 0.4 is active, x2 <= 0.4 is -(x1 + x2) + x1 with
        // the inequality's coefficient -1 <= 0 and gap 0.4 - 0.6 = -0.2: no x satisfies all three.
        DualActiveSetQp qp = new DualActiveSetQp(new double[][] {{1, 0}, {0, 1}}, new double[2],
                new double[][] {{1, 1}}, new double[] {1}, new double[][] {{1, 0}, {0, 1}}, new double[] {0.4, 0.4});
        assertThat(qp.solve()).isEqualTo(DualActiveSetQp.Status.INFEASIBLE);
    }

    @Test
    void aTurnoverLimitOfZeroLeavesTheCurrentWeights() {
        // w (3) and trades t (3) with a ridge of 1e-9 on t: sum w = 1, |w_i - w0_i| <= t_i, sum t <= 0. The only
        // feasible point is w = w0, t = 0: seven active rows on six variables.
        double[] w0 = {0.2, 0.3, 0.5};
        double[][] g = new double[6][6];
        double[][] cov = {{4e-4, 1e-4, 5e-5}, {1e-4, 3e-4, 8e-5}, {5e-5, 8e-5, 2e-4}};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                g[i][j] = 2 * cov[i][j] / 3e-4;
            }
            g[3 + i][3 + i] = 2e-9;
        }
        double[][] ci = new double[7][6];
        double[] bi = new double[7];
        for (int i = 0; i < 3; i++) {
            ci[2 * i][i] = 1;
            ci[2 * i][3 + i] = -1;
            bi[2 * i] = w0[i];
            ci[2 * i + 1][i] = -1;
            ci[2 * i + 1][3 + i] = -1;
            bi[2 * i + 1] = -w0[i];
            ci[6][3 + i] = 1;
        }
        DualActiveSetQp qp = new DualActiveSetQp(g, new double[6], new double[][] {{1, 1, 1, 0, 0, 0}},
                new double[] {1}, ci, bi);
        assertThat(qp.solve()).isEqualTo(DualActiveSetQp.Status.OPTIMAL);
        for (int i = 0; i < 3; i++) {
            assertThat(qp.solution()[i]).isCloseTo(w0[i], offset(1e-12));
            assertThat(qp.solution()[3 + i]).isCloseTo(0.0, offset(1e-12));
        }
    }
}
