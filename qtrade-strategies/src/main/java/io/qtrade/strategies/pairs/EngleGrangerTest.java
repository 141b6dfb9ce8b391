package io.qtrade.strategies.pairs;

import io.qtrade.features.cointegration.EngleGranger;

import java.util.Objects;

/**
 * Accepts cointegration when the Engle-Granger two-step test ({@link EngleGranger}: OLS of y on x with a constant,
 * ADF on the residuals, MacKinnon p-value) gives
 * <pre>{@code
 * p-value < maxPValue
 * }</pre>
 * Engle, R.F., Granger, C.W.J. (1987), Econometrica 55(2), 251-276; MacKinnon, J.G. (1994). Immutable.
 */
public final class EngleGrangerTest implements CointegrationTest {

    /** The default significance level: 5%. */
    public static final double DEFAULT_MAX_P_VALUE = 0.05;

    private final double maxPValue;
    private final EngleGranger test;

    /**
     * A test at significance {@code maxPValue}, statsmodels' defaults otherwise (constant, AIC lag choice).
     *
     * @param maxPValue in (0, 1)
     */
    public EngleGrangerTest(double maxPValue) {
        this(maxPValue, EngleGranger.builder().build());
    }

    /**
     * A test at significance {@code maxPValue} with a configured {@link EngleGranger}.
     *
     * @param maxPValue in (0, 1)
     * @param test      the configured test
     */
    public EngleGrangerTest(double maxPValue, EngleGranger test) {
        if (!(maxPValue > 0 && maxPValue < 1)) {
            throw new IllegalArgumentException("Engle-Granger maxPValue " + maxPValue + ": expected 0 < p < 1");
        }
        this.maxPValue = maxPValue;
        this.test = Objects.requireNonNull(test, "Engle-Granger test: test must not be null");
    }

    @Override
    public CointegrationVerdict test(double[] y, double[] x) {
        double p = test.test(y, x).pValue();
        return new CointegrationVerdict(p < maxPValue, p, maxPValue);
    }

    /** The largest p-value that accepts cointegration (exclusive). */
    public double maxPValue() {
        return maxPValue;
    }

    @Override
    public String toString() {
        return "EngleGrangerTest[maxPValue=" + maxPValue + ", " + test + "]";
    }
}
