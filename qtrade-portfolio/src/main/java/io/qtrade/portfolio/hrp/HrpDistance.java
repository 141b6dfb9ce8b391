package io.qtrade.portfolio.hrp;

/** Which distances the HRP linkage clusters. */
public enum HrpDistance {
    /** The correlation distance {@code d_ij = sqrt((1 - rho_ij)/2)} (scipy {@code linkage(squareform(d))}). */
    CORRELATION,
    /**
     * The paper's published code: it passes the square matrix d to {@code sch.linkage}, which treats its rows as
     * observations, so the linkage clusters {@code D_ij = ||d_i. - d_j.||_2} (Euclidean distance between rows of d).
     */
    EUCLIDEAN_OF_DISTANCE_ROWS
}
