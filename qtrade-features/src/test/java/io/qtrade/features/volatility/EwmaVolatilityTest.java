package io.qtrade.features.volatility;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** EWMA (RiskMetrics 1996) variance: hand-computed recursions and streaming = batch. */
class EwmaVolatilityTest {

    @Test
    void riskMetricsRecursionSeededWithTheFirstSquaredReturn() {
        // lambda 0.94, r = 0.01, -0.02, 0.03
        // s1 = 0.01^2 = 1e-4
        // s2 = 0.94 * 1e-4 + 0.06 * 4e-4 = 1.18e-4
        // s3 = 0.94 * 1.18e-4 + 0.06 * 9e-4 = 1.1092e-4 + 0.54e-4 = 1.6492e-4
        EwmaVolatility ewma = new EwmaVolatility(EwmaVolatility.RISKMETRICS_DAILY_LAMBDA);
        assertThat(ewma.variance()).isNaN();
        ewma.update(0.01);
        assertThat(ewma.variance()).isCloseTo(1e-4, within(1e-18));
        ewma.update(-0.02);
        assertThat(ewma.variance()).isCloseTo(1.18e-4, within(1e-18));
        ewma.update(0.03);
        assertThat(ewma.variance()).isCloseTo(1.6492e-4, within(1e-18));
        assertThat(ewma.volatility()).isCloseTo(Math.sqrt(1.6492e-4), within(1e-15));
        assertThat(ewma.toString()).isEqualTo("EwmaVolatility[lambda=0.94, seedVariance=first squared return]");
    }

    @Test
    void explicitSeedVarianceIsSigmaSquaredZero() {
        // s0 = 2e-4; s1 = 0.94 * 2e-4 + 0.06 * 1e-4 = 1.94e-4
        EwmaVolatility ewma = new EwmaVolatility(0.94, 2e-4);
        assertThat(ewma.variance()).isEqualTo(2e-4);
        ewma.update(0.01);
        assertThat(ewma.variance()).isCloseTo(1.94e-4, within(1e-18));
        ewma.reset();
        assertThat(ewma.variance()).isEqualTo(2e-4);
        assertThat(ewma.count()).isZero();
    }

    @Test
    void aConstantReturnLeavesTheVarianceAtItsSquare() {
        EwmaVolatility ewma = new EwmaVolatility(0.97);
        for (int i = 0; i < 1000; i++) {
            ewma.update(-0.02);
            assertThat(ewma.variance()).isCloseTo(4e-4, within(1e-17));
        }
    }

    @Property(tries = 200)
    void streamingEqualsBatchBitForBit(@ForAll @Size(min = 1, max = 300) double[] returnsPercent,
                                       @ForAll @DoubleRange(min = 0.5, max = 0.99) double lambda) {
        double[] r = new double[returnsPercent.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.max(-1, Math.min(1, returnsPercent[i] * 1e-3));
            if (!Double.isFinite(r[i])) {
                r[i] = 0.0;
            }
        }
        double[] batch = new double[r.length];
        EwmaVolatility.varianceForecasts(r, lambda, batch);
        EwmaVolatility ewma = new EwmaVolatility(lambda);
        for (int i = 0; i < r.length; i++) {
            ewma.update(r[i]);
            assertThat(ewma.variance()).isEqualTo(batch[i]);
        }
        assertThat(EwmaVolatility.varianceForecasts(DoubleColumn.create("r", r), lambda)).containsExactly(batch);
    }

    @Test
    void rejectsLambdaOutsideTheOpenUnitIntervalAndNonFiniteReturns() {
        assertThatThrownBy(() -> new EwmaVolatility(1.0)).hasMessage("lambda = 1.0 must be in (0, 1)");
        EwmaVolatility ewma = new EwmaVolatility(0.94);
        ewma.update(0.01);
        assertThatThrownBy(() -> ewma.update(Double.NaN)).hasMessage("return #1 = NaN is not finite");
    }
}
