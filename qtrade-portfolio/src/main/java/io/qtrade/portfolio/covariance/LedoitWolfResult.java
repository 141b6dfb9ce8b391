package io.qtrade.portfolio.covariance;

/**
 * A Ledoit-Wolf fit, with sklearn's names.
 *
 * @param shrinkage  the shrinkage intensity s in [0, 1] ({@code shrinkage_})
 * @param mu         {@code tr(S)/p}, the scale of the identity target
 * @param location   the column means ({@code location_})
 * @param covariance {@code (1 - s) S + s mu I} ({@code covariance_})
 */
public record LedoitWolfResult(double shrinkage, double mu, double[] location, double[][] covariance) {
}
