/**
 * Fitted models behind one small interface ({@link io.qtrade.ml.model.Model}: features in, score out): ONNX models
 * trained anywhere ({@code model.onnx}), XGBoost models in XGBoost's own JSON and UBJ formats
 * ({@code model.xgboost}), L2-regularised linear and logistic regression fitted in Java ({@code model.linear}), and
 * online learners that update one observation at a time ({@code model.online}).
 */
package io.qtrade.ml.model;
