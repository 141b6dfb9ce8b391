package io.qtrade.backtest.attribution;

/**
 * The PnL of one strategy, instrument and hour of the day (or of {@link PnlAttribution#ALL} of one of them), in the
 * instruments' quote currency. {@code netPnl = tradingPnl - feesPaid + rebates - fundingPaid}.
 *
 * @param strategyId the strategy, or {@link PnlAttribution#ALL}
 * @param symbol     the instrument's {@code symbol@venue}, or {@link PnlAttribution#ALL}
 * @param hourUtc    the UTC hour of the day 0..23, or {@link PnlAttribution#ALL_HOURS}
 * @param tradingPnl gross PnL: the change of realized plus unrealized PnL (marked to the mid), before fees
 * @param feesPaid   fees charged (the positive fees), >= 0
 * @param rebates    rebates received (the negative fees, as a positive number), >= 0
 * @param fundingPaid perpetual funding paid (negative: received), by funding time; 0 without instruments on margin
 * @param netPnl     {@code tradingPnl - feesPaid + rebates - fundingPaid}
 */
public record PnlBucket(String strategyId, String symbol, int hourUtc, double tradingPnl, double feesPaid,
                        double rebates, double fundingPaid, double netPnl) {

    /** A bucket without funding. */
    public PnlBucket(String strategyId, String symbol, int hourUtc, double tradingPnl, double feesPaid,
                     double rebates, double netPnl) {
        this(strategyId, symbol, hourUtc, tradingPnl, feesPaid, rebates, 0.0, netPnl);
    }

    /** Net fees: {@code feesPaid - rebates} (negative when rebates exceed fees). */
    public double netFees() {
        return feesPaid - rebates;
    }
}
