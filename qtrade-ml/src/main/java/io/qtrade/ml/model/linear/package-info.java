/**
 * Baseline models fitted in Java to the exact optimum of scikit-learn's objectives: L2-regularised logistic
 * regression ({@link io.qtrade.ml.model.linear.LogisticRegression}), ridge / least-squares regression
 * ({@link io.qtrade.ml.model.linear.RidgeRegression}), and the standardisation in front of them
 * ({@link io.qtrade.ml.model.linear.StandardScaler}).
 */
package io.qtrade.ml.model.linear;
