package io.qtrade.portfolio.hrp;

import java.util.List;

/**
 * A Hierarchical Risk Parity allocation with its intermediate results.
 *
 * @param weights     N weights in the original asset order, positive, summing to 1
 * @param order       the quasi-diagonal order (asset indices, {@link Linkage#leaves()})
 * @param linkage     the clustering
 * @param distance    the N x N distances that were clustered
 * @param bisection   every split, in the order processed (breadth first)
 */
public record HrpResult(double[] weights, int[] order, Linkage linkage, double[][] distance,
                        List<BisectionStep> bisection) {
}
