package io.qtrade.ml.label;

/** Which barrier of the triple-barrier method a label's path touched first (AFML ch. 3). */
public enum BarrierTouch {
    /** The upper, profit-taking barrier: path return {@code > pt * target}. */
    PROFIT_TAKING,
    /** The lower, stop-loss barrier: path return {@code < -sl * target}. */
    STOP_LOSS,
    /** Neither horizontal barrier before the vertical one, after {@code verticalBars} bars. */
    VERTICAL
}
