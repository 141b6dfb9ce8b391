/**
 * Black-Litterman (He and Litterman 1999; Idzorek 2005): implied equilibrium returns, views P/Q, Omega by He-Litterman
 * or given, posterior mean and covariance ({@link io.qtrade.portfolio.blacklitterman.BlackLitterman}).
 */
package io.qtrade.portfolio.blacklitterman;
