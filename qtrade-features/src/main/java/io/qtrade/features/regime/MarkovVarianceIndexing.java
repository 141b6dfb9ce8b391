package io.qtrade.features.regime;

/**
 * Which regime's variance an autoregressive Markov-switching model of order p >= 2 uses at time t.
 *
 * <ul>
 *   <li>{@link #CURRENT_REGIME} (default): {@code sigma2_{S_t}}, the model as Hamilton (1989) and statsmodels'
 *       documentation write it.</li>
 *   <li>{@link #STATSMODELS_0_13_5}: {@code sigma2_{S_{t-p+1}}}, what statsmodels 0.13.5
 *       {@code MarkovAutoregression._conditional_loglikelihoods} computes for {@code order >= 2} with
 *       {@code switching_variance=True}: it reshapes the variances to {@code (k, 1, 1)}, which broadcasts against the
 *       last three axes of the {@code (k,)*(order+1) + (nobs,)} residual array, i.e. along the axis of
 *       {@code S_{t-order+1}}. For {@code order <= 1} the two are the same. Use it only to reproduce numbers from
 *       that version (checked against it at fixed parameters in the tests).</li>
 * </ul>
 */
public enum MarkovVarianceIndexing {
    /** The variance of the current regime. */
    CURRENT_REGIME,
    /** statsmodels 0.13.5's indexing for order >= 2 (the regime p - 1 periods back). */
    STATSMODELS_0_13_5
}
