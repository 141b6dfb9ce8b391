package io.qtrade.portfolio.hrp;

import java.util.Arrays;

/**
 * An agglomerative clustering in scipy's linkage format: row i merges clusters {@code left(i)} and {@code right(i)}
 * (ids below N are assets, id N+j is the cluster made by row j; the smaller id comes first) at {@code distance(i)},
 * giving a cluster of {@code size(i)} assets. Rows are in merge order, distances non-decreasing.
 *
 * @param assets N
 * @param rows   {@code N-1} rows {@code [left, right, distance, size]}, as scipy's Z
 */
public record Linkage(int assets, double[][] rows) {

    /** Left child id of row i. */
    public int left(int i) {
        return (int) rows[i][0];
    }

    /** Right child id of row i. */
    public int right(int i) {
        return (int) rows[i][1];
    }

    /** Merge distance of row i. */
    public double distance(int i) {
        return rows[i][2];
    }

    /** Number of assets in the cluster made by row i. */
    public int size(int i) {
        return (int) rows[i][3];
    }

    /**
     * The quasi-diagonal order: the leaves of the dendrogram from the last row, left child before right (scipy
     * {@code leaves_list}).
     */
    public int[] leaves() {
        int[] out = new int[assets];
        int[] stack = new int[2 * assets];
        int top = 0;
        int k = 0;
        stack[top++] = assets == 1 ? 0 : assets + rows.length - 1;
        while (top > 0) {
            int id = stack[--top];
            if (id < assets) {
                out[k++] = id;
            } else {
                int r = id - assets;
                stack[top++] = right(r);
                stack[top++] = left(r);
            }
        }
        return out;
    }

    /**
     * Clusters a symmetric distance matrix by naive agglomeration: merge the closest pair (first in row-major order
     * on ties), update distances with the method's Lance-Williams formula. For distinct distances this gives scipy's
     * Z exactly (scipy uses an MST for single and nearest-neighbour chains for average and Ward; all three are
     * monotone, so the merges come in the same order).
     *
     * @param distance N x N, symmetric, zero diagonal, not modified
     */
    public static Linkage of(double[][] distance, LinkageMethod method) {
        int n = distance.length;
        double[][] d = new double[n][];
        for (int i = 0; i < n; i++) {
            if (distance[i].length != n) {
                throw new IllegalArgumentException("linkage: distance row " + i + " has " + distance[i].length
                        + " entries, expected " + n);
            }
            d[i] = distance[i].clone();
        }
        int[] id = new int[n];
        int[] size = new int[n];
        boolean[] alive = new boolean[n];
        for (int i = 0; i < n; i++) {
            id[i] = i;
            size[i] = 1;
            alive[i] = true;
        }
        double[][] z = new double[Math.max(0, n - 1)][];
        for (int step = 0; step < n - 1; step++) {
            int bi = -1;
            int bj = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (!alive[i]) {
                    continue;
                }
                for (int j = i + 1; j < n; j++) {
                    if (alive[j] && d[i][j] < best) {
                        best = d[i][j];
                        bi = i;
                        bj = j;
                    }
                }
            }
            if (bi < 0) {
                throw new IllegalArgumentException("linkage: distances are not finite");
            }
            int a = Math.min(id[bi], id[bj]);
            int b = Math.max(id[bi], id[bj]);
            int ni = size[bi];
            int nj = size[bj];
            z[step] = new double[] {a, b, best, ni + nj};
            for (int k = 0; k < n; k++) {
                if (!alive[k] || k == bi || k == bj) {
                    continue;
                }
                double dik = d[bi][k];
                double djk = d[bj][k];
                double nk = size[k];
                double nd = switch (method) {
                    case SINGLE -> Math.min(dik, djk);
                    case AVERAGE -> (ni * dik + nj * djk) / (ni + nj);
                    case WARD -> Math.sqrt(((ni + nk) * dik * dik + (nj + nk) * djk * djk - nk * best * best)
                            / (ni + nj + nk));
                };
                d[bi][k] = nd;
                d[k][bi] = nd;
            }
            alive[bj] = false;
            id[bi] = n + step;
            size[bi] = ni + nj;
        }
        return new Linkage(n, z);
    }

    @Override
    public String toString() {
        return "Linkage[assets=" + assets + ", rows=" + Arrays.deepToString(rows) + "]";
    }
}
