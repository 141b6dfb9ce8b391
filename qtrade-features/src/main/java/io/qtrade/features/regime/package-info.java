/**
 * Regime switching: Hamilton's Markov-switching regression and autoregression (switching mean and/or variance, k
 * regimes, optional AR terms), fitted by EM or maximum likelihood, with filtered and smoothed regime probabilities,
 * the transition matrix and expected durations, and a streaming Hamilton filter with fixed parameters for use inside
 * a strategy.
 *
 * <p>Hamilton, J.D. (1989), "A New Approach to the Economic Analysis of Nonstationary Time Series and the Business
 * Cycle", Econometrica 57(2), 357-384; Kim, C.-J. (1994), "Dynamic linear models with Markov-switching", J.
 * Econometrics 60, 1-22 (the smoother); Hamilton, J.D. (1990), "Analysis of time series subject to changes in
 * regime", J. Econometrics 45, 39-70 (EM). Numerically equal to statsmodels 0.13.5 {@code MarkovRegression} and
 * {@code MarkovAutoregression}.
 */
package io.qtrade.features.regime;
