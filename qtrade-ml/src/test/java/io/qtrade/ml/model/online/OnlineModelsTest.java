package io.qtrade.ml.model.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

/**
 * Online learners: RLS equals the closed-form weighted ridge it minimises (computed with commons-math LU) after
 * every step, with and without forgetting; online logistic regression's first steps by hand, its schedules, and its
 * convergence to the generating coefficients on a long seeded stream.
 */
class OnlineModelsTest {

    @Test
    void rlsEqualsTheExponentiallyWeightedRidgeSolutionAtEveryStep() {
        for (double lambda : new double[] {1.0, 0.97}) {
            double delta = 0.5;
            RecursiveLeastSquares rls = new RecursiveLeastSquares(3, lambda, delta);
            SplittableRandom rnd = new SplittableRandom(7);
            int n = 60;
            double[][] xs = new double[n][];
            double[] ys = new double[n];
            for (int t = 0; t < n; t++) {
                xs[t] = new double[] {1, rnd.nextDouble() * 2 - 1, rnd.nextDouble() * 2 - 1};
                ys[t] = 0.3 + (t < 30 ? 1.5 : -0.5) * xs[t][1] + 0.7 * xs[t][2] + 0.05 * (rnd.nextDouble() - 0.5);
                rls.update(xs[t], ys[t]);
                // closed form: (sum lambda^{m-i} x x' + lambda^m delta I) w = sum lambda^{m-i} x y, m = t+1
                int m = t + 1;
                RealMatrix a = new Array2DRowRealMatrix(3, 3);
                RealVector b = new ArrayRealVector(3);
                for (int i = 0; i < m; i++) {
                    double f = Math.pow(lambda, m - 1 - i);
                    RealVector x = new ArrayRealVector(xs[i]);
                    a = a.add(x.outerProduct(x).scalarMultiply(f));
                    b = b.add(x.mapMultiply(f * ys[i]));
                }
                for (int j = 0; j < 3; j++) {
                    a.addToEntry(j, j, Math.pow(lambda, m) * delta);
                }
                double[] w = new LUDecomposition(a).getSolver().solve(b).toArray();
                for (int j = 0; j < 3; j++) {
                    assertThat(rls.coefficient(j)).as("lambda %s step %d coef %d", lambda, t, j)
                            .isCloseTo(w[j], within(1e-9));
                }
            }
        }
    }

    @Test
    void onlineLogisticFirstStepsByHand() {
        OnlineLogisticRegression m = new OnlineLogisticRegression(2, 0.1, LearningRateSchedule.constant(0.5));
        double p1 = m.update(new double[] {1, 2}, 1);
        assertThat(p1).isEqualTo(0.5);                     // w = 0, b = 0
        // r = -0.5: w = 0 - 0.5 * (-0.5 * x + 0.1 * 0) = (0.25, 0.5); b = 0.25
        assertThat(m.coefficient(0)).isCloseTo(0.25, within(1e-15));
        assertThat(m.coefficient(1)).isCloseTo(0.5, within(1e-15));
        assertThat(m.intercept()).isCloseTo(0.25, within(1e-15));
        double z = 0.25 + 0.25 * -1 + 0.5 * 1;             // x = (-1, 1)
        double p2 = m.update(new double[] {-1, 1}, 0);
        assertThat(p2).isCloseTo(1 / (1 + Math.exp(-z)), within(1e-15));
        double r = p2;
        assertThat(m.coefficient(0)).isCloseTo(0.25 - 0.5 * (r * -1 + 0.1 * 0.25), within(1e-15));
        assertThat(m.coefficient(1)).isCloseTo(0.5 - 0.5 * (r * 1 + 0.1 * 0.5), within(1e-15));
        assertThat(m.intercept()).isCloseTo(0.25 - 0.5 * r, within(1e-15));
    }

    @Test
    void schedulesFollowTheirFormulas() {
        assertThat(LearningRateSchedule.inverseScaling(0.1, 0.5).rate(4)).isCloseTo(0.05, within(1e-15));
        assertThat(LearningRateSchedule.inverseDecay(0.1, 0.01).rate(1000)).isCloseTo(0.1 / 2, within(1e-15));
        assertThat(LearningRateSchedule.constant(0.3).rate(1_000_000)).isEqualTo(0.3);
    }

    @Test
    void onlineLogisticRecoversTheGeneratingCoefficients() {
        // y ~ Bernoulli(sigmoid(-0.5 + 2 x0 - 1 x1)), x uniform on [-2, 2]^2; 200,000 observations, eta_t = 1/sqrt(t)
        OnlineLogisticRegression m = new OnlineLogisticRegression(2, 0, LearningRateSchedule.inverseScaling(0.5, 0.7));
        SplittableRandom rnd = new SplittableRandom(11);
        double[] x = new double[2];
        for (int t = 0; t < 200_000; t++) {
            x[0] = rnd.nextDouble() * 4 - 2;
            x[1] = rnd.nextDouble() * 4 - 2;
            double p = 1 / (1 + Math.exp(-(-0.5 + 2 * x[0] - x[1])));
            m.update(x, rnd.nextDouble() < p ? 1 : 0);
        }
        // sampling error of the MLE at n = 2e5 is about 0.01; SGD with this schedule adds a little more
        assertThat(m.coefficient(0)).isCloseTo(2.0, within(0.1));
        assertThat(m.coefficient(1)).isCloseTo(-1.0, within(0.1));
        assertThat(m.intercept()).isCloseTo(-0.5, within(0.1));
    }
}
