package io.qtrade.portfolio.hrp;

/**
 * How the distance between two clusters is computed when they merge (Lance-Williams updates, as scipy's
 * {@code scipy.cluster.hierarchy.linkage(method=...)}).
 */
public enum LinkageMethod {
    /** {@code d(u, v) = min d(i, j)}; scipy {@code 'single'} (Lopez de Prado 2016's choice). */
    SINGLE,
    /** {@code d(u, v) = mean d(i, j)} (UPGMA); scipy {@code 'average'}. */
    AVERAGE,
    /**
     * Ward's minimum variance: {@code d(i+j, k) = sqrt(((n_i+n_k) d_ik^2 + (n_j+n_k) d_jk^2 - n_k d_ij^2) /
     * (n_i+n_j+n_k))}; scipy {@code 'ward'} on the given distances.
     */
    WARD
}
