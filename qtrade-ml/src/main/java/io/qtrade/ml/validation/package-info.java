/**
 * Validation without leakage: purged k-fold with an embargo ({@link io.qtrade.ml.validation.PurgedKFold}, AFML
 * ch. 7), anchored and rolling walk-forward with purging ({@link io.qtrade.ml.validation.WalkForward}), and the
 * look-ahead check ({@link io.qtrade.ml.validation.LookAheadCheck}). Splits are row indices
 * ({@link io.qtrade.ml.validation.Split}).
 */
package io.qtrade.ml.validation;
