/**
 * State-space filters for trading signals: the Kalman filter of a dynamic hedge ratio
 * ({@link io.qtrade.features.filter.KalmanHedgeRatio}), streaming and allocation-free, writing into a
 * caller-owned {@link io.qtrade.features.filter.HedgeRatioEstimate}.
 */
package io.qtrade.features.filter;
