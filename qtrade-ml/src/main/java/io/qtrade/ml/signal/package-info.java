/**
 * Models inside strategies: {@link io.qtrade.ml.signal.ForecastSignal} turns live features
 * ({@link io.qtrade.ml.signal.FeatureVector}) and a model into a score per call, allocation-free, with models that
 * take over at walk-forward boundaries ({@link io.qtrade.ml.signal.ModelSchedule}).
 */
package io.qtrade.ml.signal;
