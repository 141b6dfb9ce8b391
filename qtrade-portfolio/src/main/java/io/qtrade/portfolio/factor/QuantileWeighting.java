package io.qtrade.portfolio.factor;

/** How assets are weighted inside a quantile portfolio. */
public enum QuantileWeighting {
    /** Each asset of the quantile 1/n (alphalens {@code mean_return_by_quantile}). */
    EQUAL,
    /** Weights proportional to {@code |factor|} inside the quantile. */
    FACTOR
}
