package io.qtrade.portfolio.blacklitterman;

/**
 * The Black-Litterman posterior (He and Litterman 1999 notation).
 *
 * @param impliedReturns      pi, the prior (equilibrium) expected excess returns
 * @param pick                P, k x N
 * @param viewReturns         Q, k
 * @param omega               Omega, k x k
 * @param posteriorMean       mu_BL
 * @param posteriorMeanCovariance M, the covariance of the posterior mean
 * @param posteriorCovariance Sigma + M, the posterior covariance of returns
 */
public record BlackLittermanResult(double[] impliedReturns, double[][] pick, double[] viewReturns, double[][] omega,
                                   double[] posteriorMean, double[][] posteriorMeanCovariance,
                                   double[][] posteriorCovariance) {
}
