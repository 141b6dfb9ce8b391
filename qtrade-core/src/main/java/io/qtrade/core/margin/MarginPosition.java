package io.qtrade.core.margin;

import io.qtrade.core.Instrument;

/**
 * One derivative position inside a {@link MarginAccount}: signed contracts, average entry price, its margin mode,
 * leverage and bracket table, its isolated wallet balance, and what it has realised, paid in fees and in funding.
 *
 * <pre>{@code
 * linear:   notional(p) = |qty| * m * p           upnl(p) = qty * m * (p - entry)         entry: arithmetic mean
 * inverse:  notional(p) = |qty| * m / p           upnl(p) = qty * m * (1/entry - 1/p)     entry: harmonic mean
 * maintenanceMargin = notional(mark) * MMR - cum   (bracket of notional(mark))
 * initialMargin     = notional(mark) / leverage
 * }</pre>
 * The inverse entry price is the harmonic mean of the fill prices weighted by contracts (Binance COIN-M "Average
 * Entry Price"), which makes the PnL of several fills add up exactly. Read-only view; the account changes it.
 */
public final class MarginPosition {

    /** The entry price of a flat position: none. */
    public static final double NO_PRICE = Double.NaN;

    final Instrument instrument;
    final boolean inverse;
    final double m;
    final double flatTolerance;
    MarginMode mode;
    double leverage;
    LeverageBrackets brackets;
    double qty;
    double entryPrice = NO_PRICE;
    double isolatedWallet;
    double mark = Double.NaN;
    double realizedPnl;
    double fees;
    double funding;

    MarginPosition(Instrument instrument, MarginMode mode, double leverage, LeverageBrackets brackets) {
        this.instrument = instrument;
        this.inverse = instrument.kind().isInverse();
        this.m = instrument.contractMultiplier();
        this.flatTolerance = 1e-9 * instrument.lotSize();
        this.mode = mode;
        this.leverage = leverage;
        this.brackets = brackets;
    }

    public Instrument instrument() {
        return instrument;
    }

    public MarginMode mode() {
        return mode;
    }

    public double leverage() {
        return leverage;
    }

    public LeverageBrackets brackets() {
        return brackets;
    }

    /** Signed contracts, long positive. */
    public double qty() {
        return qty;
    }

    public boolean isFlat() {
        return qty == 0.0;
    }

    /** Average entry price, {@link #NO_PRICE} when flat. */
    public double entryPrice() {
        return entryPrice;
    }

    /** The isolated wallet balance (0 in cross mode), settlement asset. */
    public double isolatedWallet() {
        return isolatedWallet;
    }

    /** The latest mark price, NaN before the first. */
    public double markPrice() {
        return mark;
    }

    /** PnL realised by reducing the position, gross of fees, settlement asset. */
    public double realizedPnl() {
        return realizedPnl;
    }

    /** Fees paid on fills (negative: rebates), settlement asset. */
    public double fees() {
        return fees;
    }

    /** Funding paid (negative: received), settlement asset. */
    public double funding() {
        return funding;
    }

    /** {@code |qty|} at {@code price} in the settlement asset (see the class Javadoc). */
    public double notional(double price) {
        return Math.abs(instrument.settlementNotional(price, qty));
    }

    /** Unrealised PnL at {@code price}, settlement asset. */
    public double unrealizedPnl(double price) {
        if (qty == 0.0) {
            return 0.0;
        }
        return inverse ? qty * m * (1.0 / entryPrice - 1.0 / price) : qty * m * (price - entryPrice);
    }

    /** Unrealised PnL at the mark price (at the entry price before the first mark: 0). */
    public double unrealizedPnl() {
        return Double.isNaN(mark) ? 0.0 : unrealizedPnl(mark);
    }

    /** The price margins are computed at: the mark, or the entry price before the first mark. */
    double marginPrice() {
        return Double.isNaN(mark) ? entryPrice : mark;
    }

    /** {@code notional(mark) * MMR - cum} of the bracket of {@code notional(mark)}; 0 when flat. */
    public double maintenanceMargin() {
        if (qty == 0.0) {
            return 0.0;
        }
        return brackets.maintenanceMargin(notional(marginPrice()));
    }

    /** {@code notional(mark) / leverage}; 0 when flat. */
    public double initialMargin() {
        return qty == 0.0 ? 0.0 : notional(marginPrice()) / leverage;
    }

    /** Isolated: {@code isolatedWallet + upnl(mark)}; cross positions have no margin balance of their own (NaN). */
    public double isolatedMarginBalance() {
        return mode == MarginMode.ISOLATED ? isolatedWallet + unrealizedPnl() : Double.NaN;
    }

    @Override
    public String toString() {
        return "MarginPosition[" + instrument.id() + " " + mode + " x" + leverage + ", qty=" + qty + ", entry="
                + entryPrice + ", mark=" + mark + ", isolatedWallet=" + isolatedWallet + ", realized=" + realizedPnl
                + ", fees=" + fees + ", funding=" + funding + "]";
    }
}
