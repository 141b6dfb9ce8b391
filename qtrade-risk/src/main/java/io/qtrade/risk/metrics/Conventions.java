package io.qtrade.risk.metrics;

import java.util.Objects;

/**
 * The conventions a performance summary is computed under, all explicit.
 *
 * <pre>{@code
 * annualised return     (1 + total)^(periodsPerYear / n) - 1              (compound annual growth)
 * annualised volatility std(r, ddof) * sqrt(periodsPerYear)
 * Sharpe                mean(r - riskFree) / std(r - riskFree, ddof) * sqrt(periodsPerYear)
 * Sortino               mean(r - mar) / sqrt(sum_t min(r_t - mar, 0)^2 / n) * sqrt(periodsPerYear)
 * VaR, ES               at confidence a, historical with quantileMethod, positive = loss
 * }</pre>
 *
 * @param periodsPerYear      return periods in a year: 252 trading days, 52 weeks, 12 months, 365 * 24 hours for a
 *                            crypto venue; > 0
 * @param ddof                delta degrees of freedom of the standard deviation: 1 (sample, numpy {@code ddof=1},
 *                            pandas' default) or 0 (population)
 * @param riskFreePerPeriod   risk-free return per period subtracted in the Sharpe ratio (not annualised), finite
 * @param marPerPeriod        minimum acceptable return per period of the Sortino ratio, finite
 * @param confidence          the VaR and expected-shortfall confidence of the summary, in (0, 1), e.g. 0.95
 * @param quantileMethod      the sample quantile rule of the historical VaR
 */
public record Conventions(double periodsPerYear, int ddof, double riskFreePerPeriod, double marPerPeriod,
                          double confidence, QuantileMethod quantileMethod) {

    /** Daily returns of an equity market: 252 periods a year, ddof 1, rf = MAR = 0, 95 %, linear quantile. */
    public static final Conventions DAILY = new Conventions(252, 1, 0.0, 0.0, 0.95, QuantileMethod.LINEAR);

    /** Seconds in a 365-day year, the periods per year of 1-second returns on a venue that never closes. */
    public static final double SECONDS_PER_YEAR = 365.0 * 24 * 3600;

    /** Validates every field. */
    public Conventions {
        if (!(periodsPerYear > 0.0) || Double.isInfinite(periodsPerYear)) {
            throw new IllegalArgumentException("conventions: periodsPerYear = " + periodsPerYear
                    + ", expected finite and > 0");
        }
        if (ddof != 0 && ddof != 1) {
            throw new IllegalArgumentException("conventions: ddof = " + ddof + ", expected 0 or 1");
        }
        if (!Double.isFinite(riskFreePerPeriod)) {
            throw new IllegalArgumentException("conventions: riskFreePerPeriod = " + riskFreePerPeriod
                    + ", expected finite");
        }
        if (!Double.isFinite(marPerPeriod)) {
            throw new IllegalArgumentException("conventions: marPerPeriod = " + marPerPeriod + ", expected finite");
        }
        if (!(confidence > 0.0 && confidence < 1.0)) {
            throw new IllegalArgumentException("conventions: confidence = " + confidence + ", expected in (0, 1)");
        }
        Objects.requireNonNull(quantileMethod, "conventions: quantileMethod");
    }

    /** Periods per year for returns sampled every {@code periodNanos} on a venue open all year (365 days). */
    public static double periodsPerYearOf(long periodNanos) {
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("periodNanos = " + periodNanos + ", expected > 0");
        }
        return SECONDS_PER_YEAR * 1e9 / periodNanos;
    }

    /** These conventions with another number of periods per year. */
    public Conventions withPeriodsPerYear(double value) {
        return new Conventions(value, ddof, riskFreePerPeriod, marPerPeriod, confidence, quantileMethod);
    }

    /** These conventions with another ddof (0 or 1). */
    public Conventions withDdof(int value) {
        return new Conventions(periodsPerYear, value, riskFreePerPeriod, marPerPeriod, confidence, quantileMethod);
    }

    /** These conventions with another risk-free return per period. */
    public Conventions withRiskFreePerPeriod(double value) {
        return new Conventions(periodsPerYear, ddof, value, marPerPeriod, confidence, quantileMethod);
    }

    /** These conventions with another minimum acceptable return per period. */
    public Conventions withMarPerPeriod(double value) {
        return new Conventions(periodsPerYear, ddof, riskFreePerPeriod, value, confidence, quantileMethod);
    }

    /** These conventions with another VaR confidence. */
    public Conventions withConfidence(double value) {
        return new Conventions(periodsPerYear, ddof, riskFreePerPeriod, marPerPeriod, value, quantileMethod);
    }

    /** These conventions with another quantile rule. */
    public Conventions withQuantileMethod(QuantileMethod value) {
        return new Conventions(periodsPerYear, ddof, riskFreePerPeriod, marPerPeriod, confidence, value);
    }
}
