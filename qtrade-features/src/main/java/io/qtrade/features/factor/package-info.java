/**
 * Statistical factor models of a cross-section of returns: principal component analysis
 * ({@link io.qtrade.features.factor.PrincipalComponents}) by the EJML singular value decomposition, giving
 * loadings, explained variance and factor returns ({@link io.qtrade.features.factor.PcaResult}).
 */
package io.qtrade.features.factor;
