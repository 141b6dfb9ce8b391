/**
 * Labels for supervised learning on prices (Lopez de Prado, <i>Advances in Financial Machine Learning</i>, 2018):
 * event sampling by the CUSUM filter ({@link io.qtrade.ml.label.CusumFilter}), fixed-horizon returns and signs ({@link io.qtrade.ml.label.FixedHorizonLabels}), the triple-barrier method with
 * volatility-scaled horizontal barriers ({@link io.qtrade.ml.label.TripleBarrier}, target from
 * {@link io.qtrade.ml.label.EwmVolatility}), meta-labels, and sample weights by label uniqueness
 * ({@link io.qtrade.ml.label.SampleUniqueness}). Bars are 0-based row indices of the close series; every label
 * carries its span ({@link io.qtrade.ml.label.LabelSpans}) so that validation can purge overlaps.
 */
package io.qtrade.ml.label;
