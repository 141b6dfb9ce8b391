package io.qtrade.portfolio.factor;

/** The cross-sectional correlation of an information coefficient. */
public enum CorrelationMethod {
    /** Spearman's rank correlation with average ranks for ties (alphalens' IC, scipy {@code spearmanr}). */
    SPEARMAN,
    /** Pearson's linear correlation (scipy {@code pearsonr}). */
    PEARSON
}
