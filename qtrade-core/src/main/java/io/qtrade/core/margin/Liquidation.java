package io.qtrade.core.margin;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;

/**
 * One forced close of a position by the liquidation engine of a {@link MarginAccount}.
 *
 * <p>What it does, following Binance's liquidation protocol (Binance "Liquidation Protocols",
 * https://www.binance.com/en/support/faq/360033525271, and "Insurance Fund",
 * https://www.binance.com/en/support/articles/360033525371):
 * <pre>{@code
 * trigger:      margin balance < maintenance margin at the mark price
 *               isolated: isolatedWallet + upnl(mark) < MM;  cross: crossWallet + sum upnl < sum MM (every cross position)
 * fill:         the whole position closed at the mark price (an IOC by the engine; here at the mark, see below)
 * remaining   = collateral after the close (isolated wallet, or cross wallet, plus the realised PnL)
 * clearanceFee = min(clearanceFeeRate * |notional at the fill|, max(remaining, 0))   -> to the insurance fund
 * deficit     = max(-remaining, 0)    bankrupt: the insurance fund balances the collateral back to 0
 * fee         = clearanceFee - deficit                  (booked as the fill's fee; negative when the fund pays)
 * }</pre>
 * So an isolated liquidation never takes more than the isolated margin and never leaves a negative balance: the
 * insurance fund absorbs what the close loses beyond it (the only case where the fee is negative, documented here
 * as the exchange documents it).
 *
 * @param instrument       the contract
 * @param mode             the position's margin mode
 * @param exchTs           venue time of the liquidation, epoch nanoseconds
 * @param side             the side of the closing fill (SELL closes a long)
 * @param qty              contracts closed, {@code > 0}
 * @param entryPrice       the position's average entry price
 * @param price            the fill price (the mark price that triggered it)
 * @param liquidationPrice the liquidation price just before (Binance's formula)
 * @param marginBalance    margin balance at the trigger, settlement asset
 * @param maintenanceMargin maintenance margin at the trigger, settlement asset
 * @param realizedPnl      the PnL realised by the close, settlement asset
 * @param clearanceFee     paid to the insurance fund, settlement asset, {@code >= 0}
 * @param insuranceFundCover what the insurance fund paid to bring a bankrupt collateral back to 0, {@code >= 0}
 */
public record Liquidation(Instrument instrument, MarginMode mode, long exchTs, Side side, double qty,
                          double entryPrice, double price, double liquidationPrice, double marginBalance,
                          double maintenanceMargin, double realizedPnl, double clearanceFee,
                          double insuranceFundCover) {

    /** {@code clearanceFee - insuranceFundCover}: the fee the closing fill carries. */
    public double fee() {
        return clearanceFee - insuranceFundCover;
    }
}
