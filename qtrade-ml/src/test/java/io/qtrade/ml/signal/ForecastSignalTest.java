package io.qtrade.ml.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qtrade.ml.RefCases;
import io.qtrade.ml.dataset.ReturnLagFeatures;
import io.qtrade.ml.model.Model;
import io.qtrade.ml.model.linear.LogisticRegression;
import io.qtrade.ml.model.xgboost.XgboostModel;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The forecast signal: warm-up, equality with the batch model, swaps, and no allocation per call. */
class ForecastSignalTest {

    private static double[] closes() {
        return RefCases.csv("synthetic_ibm_close_19981231_20001229.csv").doubles("close");
    }

    @Test
    void scoresEqualTheBatchModelAndAreNaNDuringWarmUp() {
        double[] close = closes();
        XgboostModel xgb = XgboostModel.fromJson(RefCases.bytes("xgb_synthetic_ibm_1999_2000_t20_d3.json"), "xgb");
        ReturnLagFeatures features = new ReturnLagFeatures(5, 20);
        ForecastSignal signal = new ForecastSignal(features, xgb);
        double[][] batch = ReturnLagFeatures.rows(close, 5, 20);
        for (int t = 0; t < close.length; t++) {
            features.update(close[t]);
            double s = signal.score();
            if (t < 20) {
                assertThat(s).isNaN();
            } else {
                assertThat(s).isEqualTo(xgb.predict(batch[t]));
            }
        }
        assertThat(signal.calls()).isEqualTo(close.length);
    }

    @Test
    void scheduleSwapsModelsAtTheirBoundaries() {
        Model up = constant(0.9);
        Model down = constant(0.1);
        ReturnLagFeatures features = new ReturnLagFeatures(1, 2);
        ForecastSignal signal = new ForecastSignal(features,
                ModelSchedule.builder().add(100, up).add(200, down).build());
        for (double c : new double[] {100, 101, 102}) {
            features.update(c);
        }
        assertThat(signal.score(99)).isNaN();          // before the first model
        assertThat(signal.score(100)).isEqualTo(0.9);
        assertThat(signal.score(199)).isEqualTo(0.9);
        assertThat(signal.score(200)).isEqualTo(0.1);
        assertThat(signal.swaps()).isEqualTo(2);
        assertThatThrownBy(() -> signal.swapModel(LogisticRegression.of(new double[5], 0)))
                .hasMessageContaining("expects 5 features but the feature vector has 2 [lag1, vol2]");
    }

    @Test
    void scoreAllocatesNothingPerCallAfterWarmUp() {
        double[] close = closes();
        XgboostModel xgb = XgboostModel.fromJson(RefCases.bytes("xgb_synthetic_ibm_1999_2000_t20_d3.json"), "xgb");
        ReturnLagFeatures features = new ReturnLagFeatures(5, 20);
        ForecastSignal signal = new ForecastSignal(features, xgb);
        for (int t = 0; t < 100; t++) {
            features.update(close[t]);
            signal.score();
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        double sink = 0;
        // warm the measured loop itself (JIT) before measuring
        for (int round = 0; round < 2; round++) {
            long before = mx.getThreadAllocatedBytes(thread);
            for (int k = 0; k < 20_000; k++) {
                features.update(close[100 + k % 400]);
                sink += signal.score();
            }
            long allocated = mx.getThreadAllocatedBytes(thread) - before;
            if (round == 1) {
                // 20,000 calls: any per-call allocation would be >= 16 bytes each, i.e. >= 320 kB
                assertThat(allocated).as("bytes allocated by 20,000 update+score calls").isLessThan(4096);
            }
        }
        assertThat(sink).isPositive();
    }

    private static Model constant(double value) {
        return new Model() {
            @Override
            public int inputSize() {
                return 2;
            }

            @Override
            public double predict(double[] features) {
                return value;
            }
        };
    }
}
