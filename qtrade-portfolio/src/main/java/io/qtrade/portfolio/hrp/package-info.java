/**
 * Hierarchical Risk Parity (Lopez de Prado 2016): {@link io.qtrade.portfolio.hrp.HierarchicalRiskParity} with the
 * {@link io.qtrade.portfolio.hrp.Linkage} (scipy's format), quasi-diagonal order and every bisection step exposed.
 */
package io.qtrade.portfolio.hrp;
