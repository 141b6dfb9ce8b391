package io.qtrade.portfolio.returns;

import io.qtrade.portfolio.covariance.Covariances;

/**
 * Expected returns the caller supplies (a model's forecasts, Black-Litterman posterior, analyst views), returned as
 * they are whatever the history; the history only fixes N, which must match.
 */
public final class GivenReturns implements ExpectedReturnsEstimator {

    private final double[] expected;

    /** @param expected N expected returns per period, copied */
    public GivenReturns(double[] expected) {
        Covariances.checkVector("given returns", "expected", expected, expected == null ? 0 : expected.length);
        this.expected = expected.clone();
    }

    @Override
    public double[] estimate(double[][] returns) {
        int n = Covariances.checkReturns("given returns", returns, 0);
        if (returns.length > 0 && n != expected.length) {
            throw new IllegalArgumentException("given returns: " + expected.length + " expected returns, but the return"
                    + " matrix has " + n + " assets");
        }
        return expected.clone();
    }

    @Override
    public String toString() {
        return "GivenReturns" + java.util.Arrays.toString(expected);
    }
}
