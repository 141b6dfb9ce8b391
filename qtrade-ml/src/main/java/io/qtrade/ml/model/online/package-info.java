/**
 * Online learners that update one observation at a time, O(p) or O(p^2) and allocation-free, for strategies that
 * adapt during a run: {@link io.qtrade.ml.model.online.OnlineLogisticRegression} with a
 * {@link io.qtrade.ml.model.online.LearningRateSchedule}, and
 * {@link io.qtrade.ml.model.online.RecursiveLeastSquares} with forgetting.
 */
package io.qtrade.ml.model.online;
