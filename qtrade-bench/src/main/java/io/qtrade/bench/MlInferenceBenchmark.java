package io.qtrade.bench;

import io.qtrade.ml.model.linear.LogisticRegression;
import io.qtrade.ml.model.onnx.OnnxModel;
import io.qtrade.ml.model.xgboost.XgboostModel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of one model call (one row, cycling through {@value #ROWS} seeded rows), sampled per call so that JMH
 * reports the distribution (p50, p99):
 * <ul>
 *   <li>{@code lstmOnnx}: the refcases LSTM (20 steps x 5 features, hidden 8) through ONNX Runtime on one intra-op
 *       thread ({@link OnnxModel#predict});</li>
 *   <li>{@code xgboost100Trees}: a 100-tree, depth-6 XGBoost model evaluated by the Java reader
 *       ({@link XgboostModel#predict});</li>
 *   <li>{@code logisticBaseline}: a 6-feature logistic regression, the floor of a model call.</li>
 * </ul>
 * {@code java -jar qtrade-bench/target/benchmarks.jar MlInferenceBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class MlInferenceBenchmark {
    /** Calls cycle through this many seeded rows, so that tree paths and caches vary as in a backtest. */
    static final int ROWS = 1024;
    private OnnxModel lstm;
    private XgboostModel xgb;
    private LogisticRegression logistic;
    private double[][] lstmRows;
    private double[][] xgbRows;
    private int next;

    /** Loads and trains the models. */
    @Setup(Level.Trial)
    public void setUp() {
        lstm = MlModels.lstm();
        xgb = MlModels.xgboost100();
        logistic = LogisticRegression.of(new double[] {0.1, -0.2, 0.05, 0.3, -0.1, 0.2}, -0.05);
        lstmRows = new double[ROWS][];
        xgbRows = new double[ROWS][];
        for (int i = 0; i < ROWS; i++) {
            lstmRows[i] = MlModels.row(100, 1 + i);
            xgbRows[i] = MlModels.row(6, 100_000 + i);
        }
    }

    /** Releases ONNX Runtime's session. */
    @TearDown(Level.Trial)
    public void tearDown() {
        lstm.close();
    }

    /** One LSTM forward pass. */
    @Benchmark
    public double lstmOnnx() {
        return lstm.predict(lstmRows[next++ & (ROWS - 1)]);
    }

    /** One 100-tree XGBoost prediction. */
    @Benchmark
    public double xgboost100Trees() {
        return xgb.predict(xgbRows[next++ & (ROWS - 1)]);
    }

    /** One logistic regression. */
    @Benchmark
    public double logisticBaseline() {
        return logistic.predict(xgbRows[next++ & (ROWS - 1)]);
    }
}
