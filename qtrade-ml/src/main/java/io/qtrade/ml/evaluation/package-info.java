/**
 * Honest evaluation of a model's out-of-sample predictions: classification metrics as scikit-learn computes them,
 * with a binomial test of the accuracy against a coin ({@link io.qtrade.ml.evaluation.ClassificationMetrics}),
 * and the information coefficient ({@link io.qtrade.ml.evaluation.InformationCoefficient}).
 */
package io.qtrade.ml.evaluation;
