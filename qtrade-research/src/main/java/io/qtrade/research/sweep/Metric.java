package io.qtrade.research.sweep;

/** A figure of {@link RunMetrics} that ranks parameter sets, with the direction that is better. */
public enum Metric {
    /** Net PnL: higher is better. */
    NET_PNL("net_pnl", true),
    /** Annualised Sharpe ratio of sampled PnL changes: higher is better. */
    SHARPE("sharpe", true),
    /** Maximum drawdown in currency: lower is better. */
    MAX_DRAWDOWN("max_drawdown", false),
    /** Fees net of rebates: lower is better. */
    FEES("fees", false),
    /** Fills: higher is better. */
    FILLS("fills", true),
    /** Share of maker fills: higher is better. */
    MAKER_SHARE("maker_share", true);

    private final String column;
    private final boolean higherIsBetter;

    Metric(String column, boolean higherIsBetter) {
        this.column = column;
        this.higherIsBetter = higherIsBetter;
    }

    /** The sweep table's column holding it. */
    public String column() {
        return column;
    }

    /** Whether a larger value ranks first. */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The value in {@code m}. */
    public double of(RunMetrics m) {
        return switch (this) {
            case NET_PNL -> m.netPnl();
            case SHARPE -> m.sharpe();
            case MAX_DRAWDOWN -> m.maxDrawdown();
            case FEES -> m.fees();
            case FILLS -> m.fills();
            case MAKER_SHARE -> m.makerShare();
        };
    }

    /**
     * Orders two values best first; NaN ranks last whatever the direction.
     *
     * @return negative if {@code a} ranks before {@code b}
     */
    public int compareBestFirst(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Boolean.compare(Double.isNaN(a), Double.isNaN(b));
        }
        return higherIsBetter ? Double.compare(b, a) : Double.compare(a, b);
    }
}
