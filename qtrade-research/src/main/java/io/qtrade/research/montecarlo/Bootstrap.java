package io.qtrade.research.montecarlo;

import java.util.SplittableRandom;

/**
 * Resampling schemes of a series, each drawing one resample into a caller-owned array.
 *
 * <ul>
 *   <li>{@link #IID}: Efron (1979): each element drawn uniformly with replacement; right for independent values
 *       (trade PnLs of unrelated trades).</li>
 *   <li>{@link #STATIONARY_BLOCK}: Politis and Romano (1994), "The stationary bootstrap", JASA 89(428): blocks of
 *       geometric length with mean {@code L} starting at uniform positions, wrapping around the end; keeps the
 *       serial dependence of returns up to about {@code L} periods and, unlike fixed blocks, gives a stationary
 *       resample.
 *       <pre>{@code
 * x*_1 = x_{I_1},  I_1 ~ U{0..n-1}
 * x*_{t+1} = x_{I_t + 1 mod n} with probability 1 - 1/L,  else x_{J},  J ~ U{0..n-1}
 *       }</pre></li>
 * </ul>
 */
public enum Bootstrap {
    /** Independent draws with replacement. */
    IID,
    /** Geometric blocks of mean length {@code meanBlockLength}, circular. */
    STATIONARY_BLOCK;

    /**
     * Fills {@code out} with one resample of {@code data} (same length as {@code out}).
     *
     * @param meanBlockLength the mean block length {@code L >= 1} of {@link #STATIONARY_BLOCK}; ignored by
     *                        {@link #IID}
     */
    public void resample(double[] data, double meanBlockLength, SplittableRandom rng, double[] out) {
        int n = data.length;
        if (this == IID) {
            for (int t = 0; t < out.length; t++) {
                out[t] = data[rng.nextInt(n)];
            }
            return;
        }
        double restart = 1.0 / meanBlockLength;
        int at = rng.nextInt(n);
        for (int t = 0; t < out.length; t++) {
            if (t > 0) {
                at = rng.nextDouble() < restart ? rng.nextInt(n) : (at + 1 == n ? 0 : at + 1);
            }
            out[t] = data[at];
        }
    }
}
