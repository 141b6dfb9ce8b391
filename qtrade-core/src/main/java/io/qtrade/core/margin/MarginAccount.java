package io.qtrade.core.margin;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.order.Fill;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A futures account in one settlement asset (USDT for Binance USD-M, BTC for the BTC COIN-M contracts): its wallet
 * balance, its derivative positions in cross or isolated margin, funding, margin checks and liquidation, following
 * Binance's published rules.
 *
 * <pre>{@code
 * walletBalance      = initial + sum realizedPnl - sum fees - sum funding paid + insurance fund cover   (settlement asset)
 * crossWalletBalance = walletBalance - sum isolatedWallet
 * unrealizedPnl      = sum upnl(mark)                           (MarginPosition: linear and inverse formulas)
 * marginBalance      = walletBalance + unrealizedPnl            (Binance "Margin Balance"; the account's equity)
 * crossMarginBalance = crossWalletBalance + sum over cross positions upnl
 * maintenanceMargin  = notional(mark) * MMR - cum, per position, bracket of its notional
 * marginRatio        = crossMaintenanceMargin / crossMarginBalance        (Binance "Margin Ratio"; 1 = liquidation)
 * availableBalance   = crossWalletBalance + crossUnrealizedPnl - crossInitialMargin   (initialMargin = notional/leverage)
 * }</pre>
 * Sources: Binance FAQ "Leverage and Margin of USDⓈ-M Futures" (https://www.binance.com/en/support/faq/360033162192),
 * "How to Calculate Liquidation Price of USDⓈ-M Futures Contracts"
 * (https://www.binance.com/en/support/faq/b3c689c1f50a44cabb3a84e663b81d93), "Introduction to Binance Futures Funding
 * Rates" (https://www.binance.com/en/support/faq/360033525031), "Liquidation Protocols"
 * (https://www.binance.com/en/support/faq/360033525271).
 *
 * <p><b>Isolated margin.</b> Opening or adding to an isolated position moves its initial margin
 * {@code notional(fill price) / leverage} from the cross wallet into the position's isolated wallet; reducing it
 * releases the same fraction back; funding of an isolated position is paid from its isolated wallet. Realised PnL and
 * fees go to the wallet balance.
 *
 * <p><b>Liquidation</b> ({@link #liquidateIfDue}): an isolated position is liquidated when
 * {@code isolatedWallet + upnl(mark) < maintenanceMargin}; the cross positions together when
 * {@code crossMarginBalance < sum of their maintenance margins}. The position is closed at the mark price; the
 * clearance fee and the insurance fund's cover are as {@link Liquidation} documents.
 *
 * <p><b>Delivery</b> ({@link #deliver}): a dated future's position is closed at the delivery price without a fee,
 * its PnL realised and its isolated margin released ({@link Delivery}).
 *
 * <p><b>Conservation</b> (checked by a property test): a fill at price {@code p} with the mark at {@code p} leaves
 * {@code marginBalance + fee} unchanged, and a funding settlement changes it by exactly {@code -paid}.
 *
 * <p><b>Not modelled</b>: hedge mode (long and short legs of one symbol), Binance's "open loss" and the margin of
 * resting orders in {@link #checkOrder} (only positions hold margin), partial liquidation (the position is closed at
 * once), auto-deleveraging.
 *
 * <p>Mutable, not thread-safe. {@link #apply}, {@link #mark} and {@link #liquidateIfDue} when nothing is due allocate
 * nothing once the instrument is configured.
 */
public final class MarginAccount {

    /** A default clearance fee rate (0.5 % of the liquidated notional); Binance sets it per symbol: look it up. */
    public static final double DEFAULT_CLEARANCE_FEE_RATE = 0.005;

    private final String asset;
    private final double initialBalance;
    private final double clearanceFeeRate;
    private double walletBalance;
    private double insuranceFundCover;
    private double clearanceFees;
    private double deliveredPnl;
    private final Map<Instrument, MarginPosition> byInstrument = new HashMap<>();
    private final ArrayList<MarginPosition> positions = new ArrayList<>();
    private final List<MarginPosition> positionsView = Collections.unmodifiableList(positions);

    /**
     * @param asset            the settlement asset every configured instrument must settle in
     * @param walletBalance    the initial wallet balance, settlement asset, finite and {@code >= 0}
     * @param clearanceFeeRate the liquidation clearance fee as a fraction of the liquidated notional, {@code >= 0}
     *                         ({@code Double.POSITIVE_INFINITY}: the whole remaining margin goes to the insurance fund)
     */
    public MarginAccount(String asset, double walletBalance, double clearanceFeeRate) {
        this.asset = Objects.requireNonNull(asset, "margin account: asset");
        if (!(walletBalance >= 0) || Double.isInfinite(walletBalance)) {
            throw new IllegalArgumentException("margin account " + asset + ": walletBalance must be finite and >= 0,"
                    + " was " + walletBalance);
        }
        if (!(clearanceFeeRate >= 0)) {
            throw new IllegalArgumentException("margin account " + asset + ": clearanceFeeRate must be >= 0, was "
                    + clearanceFeeRate);
        }
        this.initialBalance = walletBalance;
        this.walletBalance = walletBalance;
        this.clearanceFeeRate = clearanceFeeRate;
    }

    /** An account with {@link #DEFAULT_CLEARANCE_FEE_RATE}. */
    public MarginAccount(String asset, double walletBalance) {
        this(asset, walletBalance, DEFAULT_CLEARANCE_FEE_RATE);
    }

    /**
     * Sets the margin mode, leverage and bracket table of {@code instrument} (Binance "Change Margin Type" and
     * "Change Initial Leverage"); the mode can change only while the position is flat.
     *
     * @throws IllegalArgumentException if the instrument is spot or settles in another asset, the leverage is above
     *                                  the first bracket's maximum or below 1, or the mode changes on an open position
     */
    public MarginPosition configure(Instrument instrument, MarginMode mode, double leverage, LeverageBrackets brackets) {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(brackets, "brackets");
        if (!instrument.kind().isDerivative()) {
            throw new IllegalArgumentException("margin account " + asset + ": " + instrument.id()
                    + " is spot; only derivatives are held on margin here");
        }
        if (!instrument.contract().settlementAsset().equals(asset)) {
            throw new IllegalArgumentException("margin account " + asset + ": " + instrument.id() + " settles in "
                    + instrument.contract().settlementAsset() + ", expected " + asset);
        }
        double maxLeverage = brackets.get(0).maxLeverage();
        if (!(leverage >= 1 && leverage <= maxLeverage)) {
            throw new IllegalArgumentException("margin account " + asset + ": leverage of " + instrument.id()
                    + " must be in [1, " + maxLeverage + "] (bracket 1's max leverage), was " + leverage);
        }
        MarginPosition p = byInstrument.get(instrument);
        if (p == null) {
            p = new MarginPosition(instrument, mode, leverage, brackets);
            byInstrument.put(instrument, p);
            positions.add(p);
            return p;
        }
        if (p.mode != mode && !p.isFlat()) {
            throw new IllegalArgumentException("margin account " + asset + ": cannot change the margin mode of "
                    + instrument.id() + " from " + p.mode + " to " + mode + " with an open position of " + p.qty);
        }
        p.mode = mode;
        p.leverage = leverage;
        p.brackets = brackets;
        return p;
    }

    /** Whether {@code instrument} has been configured. */
    public boolean holds(Instrument instrument) {
        return byInstrument.containsKey(instrument);
    }

    /**
     * The position in {@code instrument}.
     *
     * @throws IllegalArgumentException if it was never configured
     */
    public MarginPosition position(Instrument instrument) {
        MarginPosition p = byInstrument.get(instrument);
        if (p == null) {
            throw new IllegalArgumentException("margin account " + asset + ": " + instrument.id()
                    + " is not configured (call configure with its margin mode, leverage and brackets)");
        }
        return p;
    }

    /** Every configured position, in configuration order; read-only. */
    public List<MarginPosition> positions() {
        return positionsView;
    }

    /**
     * Applies a fill (its fee in the settlement asset) as the class Javadoc says. Allocation-free.
     */
    public void apply(Fill fill) {
        apply(fill.instrument(), fill.signedQty(), fill.price(), fill.fee());
    }

    /**
     * {@link #apply(Fill)} from its fields: {@code signedQty} contracts (buy positive) at {@code price} with {@code fee}
     * in the settlement asset. Allocation-free (the backtest's venue fills take this form).
     */
    public void apply(Instrument instrument, double signedQty, double price, double fee) {
        MarginPosition p = position(instrument);
        double q = signedQty;
        double qty = p.qty;
        boolean isolated = p.mode == MarginMode.ISOLATED;
        if (qty == 0.0) {
            open(p, q, price, isolated);
        } else if ((qty > 0) == (q > 0)) {
            double held = Math.abs(qty);
            double added = Math.abs(q);
            p.entryPrice = p.inverse
                    ? (held + added) / (held / p.entryPrice + added / price)
                    : (p.entryPrice * held + price * added) / (held + added);
            p.qty = qty + q;
            if (isolated) {
                p.isolatedWallet += Math.abs(p.instrument.settlementNotional(price, q)) / p.leverage;
            }
        } else {
            double closed = Math.min(Math.abs(q), Math.abs(qty));
            double sign = Math.signum(qty);
            double realized = p.inverse
                    ? closed * sign * p.m * (1.0 / p.entryPrice - 1.0 / price)
                    : closed * sign * p.m * (price - p.entryPrice);
            p.realizedPnl += realized;
            walletBalance += realized;
            double remaining = qty + q;
            if (isolated) {
                p.isolatedWallet -= p.isolatedWallet * closed / Math.abs(qty);
            }
            if (Math.abs(remaining) < p.flatTolerance) {
                flat(p);
            } else if (Math.signum(remaining) != sign) {
                p.isolatedWallet = 0.0;
                p.qty = 0.0;
                open(p, remaining, price, isolated);
            } else {
                p.qty = remaining;
            }
        }
        p.fees += fee;
        walletBalance -= fee;
        if (Double.isNaN(p.mark)) {
            p.mark = price;
        }
    }

    private static void open(MarginPosition p, double q, double price, boolean isolated) {
        p.qty = q;
        p.entryPrice = price;
        if (isolated) {
            p.isolatedWallet += Math.abs(p.instrument.settlementNotional(price, q)) / p.leverage;
        }
    }

    private static void flat(MarginPosition p) {
        p.qty = 0.0;
        p.entryPrice = MarginPosition.NO_PRICE;
        p.isolatedWallet = 0.0;
    }

    /** Sets the mark price of {@code instrument} (unrealised PnL and margins use it). */
    public void mark(Instrument instrument, double markPrice) {
        if (!(markPrice > 0) || Double.isInfinite(markPrice)) {
            throw new IllegalArgumentException("margin account " + asset + ": mark price of " + instrument.id()
                    + " must be finite and > 0, was " + markPrice);
        }
        position(instrument).mark = markPrice;
    }

    /**
     * Settles one funding time: the position pays {@link FundingPayment#paid} at {@code markPrice} (which also becomes
     * the mark); the payment leaves the wallet (and the isolated wallet of an isolated position).
     *
     * @return the payment (its {@code paid} is 0 for a flat position)
     */
    public FundingPayment settleFunding(Instrument instrument, long fundingTime, double rate, double markPrice) {
        if (!Double.isFinite(rate)) {
            throw new IllegalArgumentException("margin account " + asset + ": funding rate of " + instrument.id()
                    + " at " + fundingTime + " must be finite, was " + rate);
        }
        mark(instrument, markPrice);
        MarginPosition p = position(instrument);
        double paid = fundingPaid(p, rate);
        return new FundingPayment(instrument, fundingTime, p.qty, markPrice, rate, paid);
    }

    /**
     * {@link #settleFunding} at the current mark without building a record (allocation-free); returns what was paid.
     */
    public double settleFundingAtMark(Instrument instrument, double rate) {
        MarginPosition p = position(instrument);
        if (Double.isNaN(p.mark)) {
            throw new IllegalStateException("margin account " + asset + ": funding of " + instrument.id()
                    + " before any mark price");
        }
        return fundingPaid(p, rate);
    }

    private double fundingPaid(MarginPosition p, double rate) {
        if (p.qty == 0.0) {
            return 0.0;
        }
        double paid = FundingPayment.paid(p.instrument, p.qty, p.mark, rate);
        walletBalance -= paid;
        p.funding += paid;
        if (p.mode == MarginMode.ISOLATED) {
            p.isolatedWallet -= paid;
        }
        return paid;
    }

    // ------------------------------------------------------------------------------------------------ balances

    public String asset() {
        return asset;
    }

    public double initialBalance() {
        return initialBalance;
    }

    /** Initial balance + realised PnL - fees - funding paid - clearance fees + insurance fund cover. */
    public double walletBalance() {
        return walletBalance;
    }

    /** {@code walletBalance - sum of isolated wallets}. */
    public double crossWalletBalance() {
        double w = walletBalance;
        for (int i = 0, n = positions.size(); i < n; i++) {
            w -= positions.get(i).isolatedWallet;
        }
        return w;
    }

    /** Sum of unrealised PnL at the mark prices, every position. */
    public double unrealizedPnl() {
        double u = 0;
        for (int i = 0, n = positions.size(); i < n; i++) {
            u += positions.get(i).unrealizedPnl();
        }
        return u;
    }

    /** {@code walletBalance + unrealizedPnl}: the account's equity in the settlement asset. */
    public double marginBalance() {
        return walletBalance + unrealizedPnl();
    }

    /** Unrealised PnL of the cross positions. */
    public double crossUnrealizedPnl() {
        double u = 0;
        for (int i = 0, n = positions.size(); i < n; i++) {
            MarginPosition p = positions.get(i);
            if (p.mode == MarginMode.CROSS) {
                u += p.unrealizedPnl();
            }
        }
        return u;
    }

    /** {@code crossWalletBalance + crossUnrealizedPnl}. */
    public double crossMarginBalance() {
        return crossWalletBalance() + crossUnrealizedPnl();
    }

    /** Sum of the cross positions' maintenance margins. */
    public double crossMaintenanceMargin() {
        double mm = 0;
        for (int i = 0, n = positions.size(); i < n; i++) {
            MarginPosition p = positions.get(i);
            if (p.mode == MarginMode.CROSS) {
                mm += p.maintenanceMargin();
            }
        }
        return mm;
    }

    /** Sum of every position's maintenance margin. */
    public double maintenanceMargin() {
        double mm = 0;
        for (int i = 0, n = positions.size(); i < n; i++) {
            mm += positions.get(i).maintenanceMargin();
        }
        return mm;
    }

    /** Sum of the cross positions' initial margins ({@code notional(mark) / leverage}). */
    public double crossInitialMargin() {
        double im = 0;
        for (int i = 0, n = positions.size(); i < n; i++) {
            MarginPosition p = positions.get(i);
            if (p.mode == MarginMode.CROSS) {
                im += p.initialMargin();
            }
        }
        return im;
    }

    /** {@code crossWalletBalance + crossUnrealizedPnl - crossInitialMargin}. */
    public double availableBalance() {
        return crossMarginBalance() - crossInitialMargin();
    }

    /** {@code crossMaintenanceMargin / crossMarginBalance} (0 without cross positions; infinite at or below 0). */
    public double marginRatio() {
        double mm = crossMaintenanceMargin();
        if (mm == 0) {
            return 0;
        }
        double mb = crossMarginBalance();
        return mb <= 0 ? Double.POSITIVE_INFINITY : mm / mb;
    }

    /** Sum of the positions' notional at their marks divided by the margin balance: the effective leverage. */
    public double effectiveLeverage() {
        double n = 0;
        for (int i = 0, k = positions.size(); i < k; i++) {
            MarginPosition p = positions.get(i);
            if (!p.isFlat()) {
                n += p.notional(p.marginPrice());
            }
        }
        double mb = marginBalance();
        return n == 0 ? 0 : (mb <= 0 ? Double.POSITIVE_INFINITY : n / mb);
    }

    /** Sum of realised PnL, gross of fees. */
    public double realizedPnl() {
        double s = 0;
        for (MarginPosition p : positions) {
            s += p.realizedPnl;
        }
        return s;
    }

    /** Sum of fees paid on fills, liquidation clearance fees included. */
    public double fees() {
        double s = 0;
        for (MarginPosition p : positions) {
            s += p.fees;
        }
        return s;
    }

    /** Sum of funding paid (negative: received). */
    public double funding() {
        double s = 0;
        for (MarginPosition p : positions) {
            s += p.funding;
        }
        return s;
    }

    /** Clearance fees paid to the insurance fund by liquidations. */
    public double clearanceFees() {
        return clearanceFees;
    }

    /** What the insurance fund paid to bring bankrupt collateral back to 0. */
    public double insuranceFundCover() {
        return insuranceFundCover;
    }

    // ------------------------------------------------------------------------------------------------ liquidation

    /**
     * Binance's liquidation price of the position in {@code instrument} now ({@link LiquidationPrice}): isolated with
     * its isolated wallet, cross with the cross wallet and the other cross positions' maintenance margin and
     * unrealised PnL. NaN when flat.
     */
    public double liquidationPrice(Instrument instrument) {
        MarginPosition p = position(instrument);
        if (p.isFlat()) {
            return Double.NaN;
        }
        int side = p.qty > 0 ? 1 : -1;
        double wb;
        if (p.mode == MarginMode.ISOLATED) {
            wb = p.isolatedWallet;
        } else {
            double tmm1 = 0;
            double upnl1 = 0;
            for (MarginPosition o : positions) {
                if (o != p && o.mode == MarginMode.CROSS) {
                    tmm1 += o.maintenanceMargin();
                    upnl1 += o.unrealizedPnl();
                }
            }
            wb = crossWalletBalance() - tmm1 + upnl1;
        }
        double size = Math.abs(p.qty) * p.m;
        return p.inverse
                ? LiquidationPrice.isolatedInverse(wb, side, size, p.entryPrice, p.brackets)
                : LiquidationPrice.isolatedLinear(wb, side, size, p.entryPrice, p.brackets);
    }

    /** Whether {@link #liquidateIfDue} would liquidate something now. Allocation-free. */
    public boolean liquidationDue() {
        boolean cross = false;
        for (int i = 0, n = positions.size(); i < n; i++) {
            MarginPosition p = positions.get(i);
            if (p.isFlat() || Double.isNaN(p.mark)) {
                continue;
            }
            if (p.mode == MarginMode.ISOLATED) {
                if (p.isolatedWallet + p.unrealizedPnl() < p.maintenanceMargin()) {
                    return true;
                }
            } else {
                cross = true;
            }
        }
        return cross && crossMarginBalance() < crossMaintenanceMargin();
    }

    /**
     * Liquidates what is due at the current marks (see the class Javadoc) and returns the liquidations, empty (and
     * allocation-free) when nothing is due.
     */
    public List<Liquidation> liquidateIfDue(long exchTs) {
        if (!liquidationDue()) {
            return List.of();
        }
        List<Liquidation> out = new ArrayList<>();
        for (MarginPosition p : positions) {
            if (p.mode == MarginMode.ISOLATED && !p.isFlat() && !Double.isNaN(p.mark)
                    && p.isolatedWallet + p.unrealizedPnl() < p.maintenanceMargin()) {
                double lp = liquidationPrice(p.instrument);
                double mb = p.isolatedWallet + p.unrealizedPnl();
                double mm = p.maintenanceMargin();
                double realized = p.unrealizedPnl();
                double remaining = p.isolatedWallet + realized;
                double notional = p.notional(p.mark);
                out.add(close(p, exchTs, lp, mb, mm, realized, remaining, notional, 1.0));
            }
        }
        double crossMb = crossMarginBalance();
        double crossMm = crossMaintenanceMargin();
        boolean anyCross = false;
        for (MarginPosition p : positions) {
            anyCross |= p.mode == MarginMode.CROSS && !p.isFlat() && !Double.isNaN(p.mark);
        }
        if (anyCross && crossMb < crossMm) {
            double crossWallet = crossWalletBalance();
            double realizedTotal = 0;
            double notionalTotal = 0;
            List<MarginPosition> crossPositions = new ArrayList<>();
            List<Double> lps = new ArrayList<>();
            for (MarginPosition p : positions) {
                if (p.mode == MarginMode.CROSS && !p.isFlat()) {
                    crossPositions.add(p);
                    lps.add(liquidationPrice(p.instrument));
                    realizedTotal += p.unrealizedPnl(p.marginPrice());
                    notionalTotal += p.notional(p.marginPrice());
                }
            }
            double remaining = crossWallet + realizedTotal;
            for (int i = 0; i < crossPositions.size(); i++) {
                MarginPosition p = crossPositions.get(i);
                double share = notionalTotal == 0 ? 1.0 / crossPositions.size()
                        : p.notional(p.marginPrice()) / notionalTotal;
                out.add(close(p, exchTs, lps.get(i), crossMb, crossMm, p.unrealizedPnl(p.marginPrice()),
                        remaining, notionalTotal, share));
            }
        }
        return out;
    }

    /** Closes {@code p} at its mark; {@code remaining} and {@code notional} are of the whole liquidated collateral. */
    private Liquidation close(MarginPosition p, long exchTs, double lp, double mb, double mm, double realized,
                              double remaining, double notional, double share) {
        double price = p.marginPrice();
        double fee = Math.min(clearanceFeeRate * notional, Math.max(remaining, 0.0)) * share;
        double cover = Math.max(-remaining, 0.0) * share;
        Side side = p.qty > 0 ? Side.SELL : Side.BUY;
        double qty = Math.abs(p.qty);
        double entry = p.entryPrice;
        p.realizedPnl += realized;
        p.fees += fee;
        walletBalance += realized - fee + cover;
        clearanceFees += fee;
        insuranceFundCover += cover;
        flat(p);
        return new Liquidation(p.instrument, p.mode, exchTs, side, qty, entry, price, lp, mb, mm, realized, fee,
                cover);
    }

    // ------------------------------------------------------------------------------------------------ delivery

    /**
     * Delivers the position in the dated future {@code instrument} at {@code deliveryPrice} (see {@link Delivery}):
     * closed without a fee, the PnL realised into the wallet (and counted in {@link #deliveredPnl()}), the isolated
     * margin released. A flat position delivers nothing (qty 0, PnL 0).
     *
     * @throws IllegalArgumentException if the instrument is not a dated future, or the price is not finite and > 0
     */
    public Delivery deliver(Instrument instrument, long exchTs, double deliveryPrice) {
        MarginPosition p = position(instrument);
        if (instrument.contract().expiryNanos() == io.qtrade.core.ContractSpec.NO_EXPIRY) {
            throw new IllegalArgumentException("margin account " + asset + ": " + instrument.id() + " is "
                    + instrument.kind() + ", not a dated future: it has no delivery");
        }
        if (!(deliveryPrice > 0) || Double.isInfinite(deliveryPrice)) {
            throw new IllegalArgumentException("margin account " + asset + ": delivery price of " + instrument.id()
                    + " at " + exchTs + " must be finite and > 0, was " + deliveryPrice);
        }
        double qty = p.qty;
        double entry = p.entryPrice;
        double released = p.mode == MarginMode.ISOLATED ? p.isolatedWallet : 0.0;
        double realized = p.unrealizedPnl(deliveryPrice);
        p.realizedPnl += realized;
        walletBalance += realized;
        deliveredPnl += realized;
        p.mark = deliveryPrice;
        flat(p);
        return new Delivery(instrument, p.mode, exchTs, qty, entry, deliveryPrice, realized, released);
    }

    /** The PnL realised by deliveries of dated futures, settlement asset (also in {@link #realizedPnl()}). */
    public double deliveredPnl() {
        return deliveredPnl;
    }

    // ------------------------------------------------------------------------------------------------ orders

    /**
     * Whether an order of {@code qty} contracts on {@code side} at {@code price} fits: the initial margin it adds
     * ({@code IM(position after) - IM(position now)}, both at {@code price} and the leverage set; 0 for an order
     * that only reduces) must not exceed the available balance, and the position's notional after it must be within
     * the brackets' cap for the leverage set ({@code leverage <= maxLeverage of its bracket}).
     */
    public MarginCheck checkOrder(Instrument instrument, Side side, double qty, double price) {
        String reason = rejection(instrument, side, qty, price);
        MarginPosition p = position(instrument);
        double q1 = p.qty + side.sign() * qty;
        double added = Math.max(0.0, (Math.abs(instrument.settlementNotional(price, q1))
                - Math.abs(instrument.settlementNotional(price, p.qty))) / p.leverage);
        if (Math.abs(q1) <= Math.abs(p.qty) && (q1 == 0 || (q1 > 0) == (p.qty > 0))) {
            added = 0.0;
        }
        return reason == null ? MarginCheck.accept(added, availableBalance())
                : new MarginCheck(false, added, availableBalance(), reason);
    }

    /**
     * {@link #checkOrder}'s verdict without the record: {@code null} when the order fits (allocation-free), else the
     * reason with the numbers.
     */
    public String rejection(Instrument instrument, Side side, double qty, double price) {
        MarginPosition p = position(instrument);
        double q0 = p.qty;
        double q1 = q0 + side.sign() * qty;
        double available = availableBalance();
        if (Math.abs(q1) <= Math.abs(q0) && (q1 == 0 || (q1 > 0) == (q0 > 0))) {
            return null;
        }
        double after = Math.abs(instrument.settlementNotional(price, q1));
        double now = Math.abs(instrument.settlementNotional(price, q0));
        double added = Math.max(0.0, (after - now) / p.leverage);
        LeverageBracket bracket = p.brackets.forNotional(after);
        if (p.leverage > bracket.maxLeverage() || after >= bracket.cap()) {
            return ("margin: " + instrument.id() + " " + side + " " + qty
                    + " @ " + price + " takes the position's notional to " + after + " " + asset + ", in bracket "
                    + bracket.bracket() + " [" + bracket.floor() + ", " + bracket.cap() + ") whose max leverage is "
                    + bracket.maxLeverage() + ", below the leverage set " + p.leverage);
        }
        if (added > available) {
            return ("margin: " + instrument.id() + " " + side + " " + qty
                    + " @ " + price + " needs initial margin " + added + " " + asset + " (notional " + (after - now)
                    + " / leverage " + p.leverage + ") but the available balance is " + available + " " + asset
                    + " (cross wallet " + crossWalletBalance() + " + cross unrealised PnL " + crossUnrealizedPnl()
                    + " - cross initial margin " + crossInitialMargin() + ")");
        }
        return null;
    }

    @Override
    public String toString() {
        return "MarginAccount[" + asset + ", wallet=" + walletBalance + ", upnl=" + unrealizedPnl()
                + ", clearanceFeeRate=" + clearanceFeeRate + ", positions=" + positions + "]";
    }
}
