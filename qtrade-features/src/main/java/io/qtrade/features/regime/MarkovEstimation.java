package io.qtrade.features.regime;

/** How {@link MarkovSwitching} estimates its parameters (details in its Javadoc). */
public enum MarkovEstimation {
    /** Multi-start maximisation of the exact likelihood, polished by Newton steps (statsmodels' {@code fit}). */
    MAXIMUM_LIKELIHOOD,
    /** Hamilton's (1990) EM algorithm to convergence (order 0 only). */
    EM
}
