/**
 * Feature matrices for learning: features with streaming and batch forms that give the same numbers
 * ({@link io.qtrade.ml.dataset.ReturnLagFeatures}), recorded at event times or on a time grid ({@link io.qtrade.ml.dataset.FeatureSampler}), joined with labels, spans and sample weights into a
 * {@link io.qtrade.ml.dataset.LabelledDataset} that keeps every row's feature time so later steps can check time
 * order.
 */
package io.qtrade.ml.dataset;
