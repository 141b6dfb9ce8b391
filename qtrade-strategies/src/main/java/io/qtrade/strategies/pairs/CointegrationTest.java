package io.qtrade.strategies.pairs;

/**
 * A test of whether two price series are cointegrated, used by {@link RollingCointegrationGate} to decide whether a
 * pair may be traded. Implementations are immutable and delegate to the features module's tests.
 */
public interface CointegrationTest {

    /**
     * Runs the test on a window.
     *
     * @param y dependent series, oldest first (not modified)
     * @param x regressor series, same length (not modified)
     * @return whether cointegration is accepted (the null of no cointegration rejected), with the statistic
     */
    CointegrationVerdict test(double[] y, double[] x);
}
