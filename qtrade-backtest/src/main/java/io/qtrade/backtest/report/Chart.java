package io.qtrade.backtest.report;

/** The charts an {@link HtmlReport} can hold. */
public enum Chart {
    /** Each strategy's equity over time (at the marks). */
    EQUITY,
    /** Each strategy's drawdown from its running peak, percent (on the resampled grid). */
    DRAWDOWN,
    /** Each strategy's position per instrument over time (at the marks). */
    INVENTORY,
    /** Net PnL, trading PnL, fees paid and rebates per UTC hour of the day. */
    PNL_BY_HOUR,
    /** Net PnL, trading PnL, fees paid and rebates per strategy and instrument. */
    PNL_BY_STRATEGY
}
