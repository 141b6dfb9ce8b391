package io.qtrade.features.cointegration;

/**
 * An Ornstein-Uhlenbeck fit of a spread by the AR(1) regression {@code ds_t = a + b s_{t-1} + e_t}.
 *
 * @param intercept          a
 * @param slope              b (negative for a mean-reverting spread)
 * @param halfLifeDiscrete   {@code -ln 2 / ln(1 + b)} in observations; +Infinity for {@code b >= 0}, NaN for
 *                           {@code b <= -1} (the AR coefficient {@code 1 + b} is not positive)
 * @param halfLifeContinuous {@code -ln 2 / b} in observations; +Infinity for {@code b >= 0}
 * @param longRunMean        {@code -a / b}, the level the spread reverts to; NaN for {@code b = 0}
 * @param pairs              number of {@code (s_{t-1}, s_t)} pairs in the fit
 */
public record HalfLifeEstimate(double intercept, double slope, double halfLifeDiscrete, double halfLifeContinuous,
                               double longRunMean, long pairs) {
}
