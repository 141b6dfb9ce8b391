package io.qtrade.portfolio.blacklitterman;

import java.util.Arrays;

/**
 * One investor view: the portfolio {@code p} (a row of P) is expected to return {@code q} (an element of Q), in the
 * units of Sigma and pi (annual when Sigma is annualised). An absolute view has one entry 1; a relative view sums to
 * zero (long minus short).
 *
 * @param pick N weights of the view portfolio
 * @param q    its expected (excess) return
 */
public record View(double[] pick, double q) {

    /** Validates and copies. */
    public View {
        if (pick == null || pick.length == 0) {
            throw new IllegalArgumentException("view: empty pick vector");
        }
        pick = pick.clone();
        boolean any = false;
        for (int i = 0; i < pick.length; i++) {
            if (!Double.isFinite(pick[i])) {
                throw new IllegalArgumentException("view: pick[" + i + "] = " + pick[i] + ", expected finite");
            }
            any |= pick[i] != 0.0;
        }
        if (!any) {
            throw new IllegalArgumentException("view: the pick vector is all zeros");
        }
        if (!Double.isFinite(q)) {
            throw new IllegalArgumentException("view: q = " + q + ", expected finite");
        }
    }

    /** "Asset i returns q". */
    public static View absolute(int assets, int asset, double q) {
        double[] p = new double[assets];
        p[asset] = 1.0;
        return new View(p, q);
    }

    /**
     * "The equal-weighted basket of {@code longs} outperforms that of {@code shorts} by q": each long gets
     * {@code 1/|longs|}, each short {@code -1/|shorts|}.
     */
    public static View relative(int assets, int[] longs, int[] shorts, double q) {
        double[] p = new double[assets];
        for (int i : longs) {
            p[i] += 1.0 / longs.length;
        }
        for (int i : shorts) {
            p[i] -= 1.0 / shorts.length;
        }
        return new View(p, q);
    }

    @Override
    public String toString() {
        return "View[pick=" + Arrays.toString(pick) + ", q=" + q + "]";
    }
}
