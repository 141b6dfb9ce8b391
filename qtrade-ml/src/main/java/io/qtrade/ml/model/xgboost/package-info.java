/**
 * XGBoost models in XGBoost's own JSON and UBJ formats, evaluated in Java
 * ({@link io.qtrade.ml.model.xgboost.XgboostModel}): train in Python, R or xgboost4j, save with
 * {@code Booster.save_model}, predict here with the same numbers.
 */
package io.qtrade.ml.model.xgboost;
