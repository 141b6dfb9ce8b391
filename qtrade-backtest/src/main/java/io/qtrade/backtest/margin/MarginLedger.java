package io.qtrade.backtest.margin;

import io.qtrade.core.ContractSpec;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.margin.Delivery;
import io.qtrade.core.margin.Liquidation;
import io.qtrade.core.margin.MarginAccount;
import io.qtrade.core.margin.MarginCheck;
import io.qtrade.core.margin.MarginPosition;
import io.qtrade.core.order.Fill;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One strategy's derivatives accounting inside a backtest: a {@link MarginAccount} per settlement asset, fed by the
 * venue's fills and the market's {@code MARK_PRICE} and {@code FUNDING_RATE} rows, settling funding at each funding
 * time and liquidating when margin runs out. The engine routes the rows and fills here; what changes the strategy's
 * portfolio (a funding payment, a liquidation fill) goes back through a {@link Sink}.
 *
 * <h2>Funding timing</h2>
 * A {@code FUNDING_RATE} row announces the rate for the funding time in its {@code orderId} column (a later row for the
 * same time replaces it: Binance's predicted rate; a row for a funding time already settled is ignored, so a live
 * stream that still announces it after it passed pays it once). The payment is settled, on the position held then, at the first of
 * these at or after the funding time {@code T}, in venue time: a fill with {@code exchTs >= T} (so fills strictly
 * before {@code T} count, Binance: "only liable ... if they have open positions at the pre-specified funding times"),
 * a mark row with {@code exchTs > T}, or the end of the run; a mark row at exactly {@code T} is applied first. The mark
 * price is the latest {@code MARK_PRICE} at or before {@code T}. One funding time is pending per instrument: a row
 * for another time that arrives before the pending one has passed replaces it.
 *
 * <h2>Liquidation</h2>
 * After each mark row, {@link MarginAccount#liquidateIfDue} runs; each liquidation closes the position at the mark
 * (a TAKER fill with the clearance fee, or a negative fee when the insurance fund covers a bankrupt position; see
 * {@link Liquidation}) and reaches the strategy through {@code Strategy.onLiquidation}. Without mark rows nothing is
 * ever liquidated. Before the close the venue cancels the strategy's open orders, as Binance does ("all open orders
 * will be cancelled"): on the liquidated instrument for an isolated position, on every cross instrument of the account
 * for a cross liquidation; each order ends CANCELED with a reason starting {@link #REASON_LIQUIDATION}, which reaches
 * the strategy as an order update after the response latency and stays in the results' {@code orders} table. Orders
 * still on their way to the venue are not cancelled: they arrive after the liquidation and are handled as usual.
 *
 * <h2>Delivery of dated futures</h2>
 * A dated future (linear or inverse) is delivered at its expiry {@code T} (its {@code ContractSpec.expiryNanos}), after
 * every market row at or before {@code T} and before any order reaching the venue at {@code T}: the venue cancels the
 * strategy's open orders on it (reason {@link #REASON_EXPIRED}), closes the position at the delivery price without a
 * fee ({@link MarginAccount#deliver}: PnL realised, isolated margin released), and rejects every later order on it
 * with the same reason. The delivery price follows Binance ("Delivery &amp; Settlement of Quarterly Futures": the mean
 * of the price index sampled every second over the 30 minutes before delivery) with one documented simplification:
 * it is the arithmetic mean of the contract's {@code INDEX_PRICE} rows with {@code T - 30 min <= exchTs <= T}, as
 * many as the data has (one per second gives Binance's 1,800-sample mean; the mean is per row, not time-weighted);
 * without any index row there, the latest {@code MARK_PRICE}. A run that ends before {@code T} delivers nothing.
 *
 * <p>Per event this allocates nothing unless a funding settles or a liquidation happens.
 */
public final class MarginLedger {

    /** The reason code of the venue's cancels before a liquidation (the reason text starts with it). */
    public static final String REASON_LIQUIDATION = "LIQUIDATION";

    /** The reason code of the venue's cancels and rejections of orders on an expired dated future. */
    public static final String REASON_EXPIRED = "EXPIRED_CONTRACT";

    /**
     * The window before expiry whose {@code INDEX_PRICE} rows are averaged into the delivery price: 30 minutes, as
     * Binance's quarterly contracts (since 11 November 2024; one hour before).
     */
    public static final long DELIVERY_AVERAGING_NANOS = 30L * 60 * 1_000_000_000L;

    /** No funding pending. */
    private static final long NONE = Long.MAX_VALUE;

    /** What the engine does with the ledger's cash flows. */
    public interface Sink {
        /** The strategy paid {@code paid} of funding on instrument {@code instrument}. */
        void funding(int instrument, double paid, long fundingTime);

        /** The venue liquidated the strategy's position in {@code instrument}. */
        void liquidated(int instrument, Liquidation liquidation);

        /**
         * The venue cancels the strategy's orders resting on {@code instrument} by itself at {@code exchTs}, each
         * ending CANCELED with {@code reason} (before a liquidation or a delivery).
         */
        void cancelOrders(int instrument, long exchTs, String reason);

        /** The strategy's position in the dated future {@code instrument} was delivered at its expiry. */
        void delivered(int instrument, Delivery delivery);
    }

    private final int strategy;
    private final List<Instrument> instruments;
    /** Per instrument index, the contract it is held as (the settings' instrument), null if not on margin. */
    private final Instrument[] contractOf;
    private final MarginAccount[] accountOf;
    private final Map<String, MarginAccount> accounts = new LinkedHashMap<>();
    private final double[] pendingRate;
    private final long[] pendingTime;
    /** Per instrument: the latest funding time settled (a later row announcing it again is ignored). */
    private final long[] lastSettled;
    private final double[] mark;
    private final List<FundingRecord> funding = new ArrayList<>();
    private final List<Liquidation> liquidations = new ArrayList<>();
    private final List<Delivery> deliveries = new ArrayList<>();
    /** Per instrument: its expiry ({@link ContractSpec#NO_EXPIRY} for a perpetual), the index rows' sum and count in
     * the averaging window, and whether it has been delivered. */
    private final long[] expiry;
    private final double[] indexSum;
    private final int[] indexCount;
    private final boolean[] delivered;

    /**
     * @param strategy         the strategy's index (recorded in the funding rows)
     * @param instruments      the backtest's instruments, by index
     * @param settings         the derivative instruments' margin settings
     * @param walletBalance    the starting wallet balance of each settlement asset's account
     * @param clearanceFeeRate the liquidation clearance fee rate (see {@link MarginAccount})
     */
    public MarginLedger(int strategy, List<Instrument> instruments, List<MarginSettings> settings,
                        double walletBalance, double clearanceFeeRate) {
        this.strategy = strategy;
        this.instruments = List.copyOf(instruments);
        int n = instruments.size();
        this.accountOf = new MarginAccount[n];
        this.contractOf = new Instrument[n];
        this.pendingRate = new double[n];
        this.pendingTime = new long[n];
        this.lastSettled = new long[n];
        java.util.Arrays.fill(lastSettled, Long.MIN_VALUE);
        this.mark = new double[n];
        java.util.Arrays.fill(pendingTime, NONE);
        java.util.Arrays.fill(mark, Double.NaN);
        this.expiry = new long[n];
        this.indexSum = new double[n];
        this.indexCount = new int[n];
        this.delivered = new boolean[n];
        java.util.Arrays.fill(expiry, ContractSpec.NO_EXPIRY);
        for (MarginSettings s : settings) {
            int i = indexById(instruments, s.instrument());
            if (i < 0) {
                throw new IllegalArgumentException("margin settings for " + s.instrument().id()
                        + ": no instrument of the backtest has its symbol@venue; instruments: " + instruments);
            }
            String asset = s.instrument().contract().settlementAsset();
            MarginAccount a = accounts.computeIfAbsent(asset,
                    k -> new MarginAccount(k, walletBalance, clearanceFeeRate));
            a.configure(s.instrument(), s.mode(), s.leverage(), s.brackets());
            accountOf[i] = a;
            contractOf[i] = s.instrument();
            expiry[i] = s.instrument().contract().expiryNanos();
        }
    }

    /**
     * The index of the backtest instrument with the same {@code symbol@venue} as {@code contract}: a source (a tick
     * store) may know the instrument as spot while the settings give its contract terms.
     */
    private static int indexById(List<Instrument> instruments, Instrument contract) {
        for (int i = 0; i < instruments.size(); i++) {
            if (instruments.get(i).id().equals(contract.id())) {
                return i;
            }
        }
        return -1;
    }

    /** Whether instrument {@code i} is held on margin here. */
    public boolean handles(int i) {
        return accountOf[i] != null;
    }

    /** The account of each settlement asset. */
    public Map<String, MarginAccount> accounts() {
        return java.util.Collections.unmodifiableMap(accounts);
    }

    /** The latest mark price of instrument {@code i}, NaN before its first {@code MARK_PRICE} row. */
    public double markPrice(int i) {
        return mark[i];
    }

    /** The contract instrument {@code i} is held as (its margin settings' instrument), null if not on margin. */
    public Instrument contract(int i) {
        return contractOf[i];
    }

    /** The account instrument {@code i} settles in, null if it is not on margin. */
    public MarginAccount account(int i) {
        return accountOf[i];
    }

    /** Every funding settlement so far, in time order. */
    public List<FundingRecord> fundingRecords() {
        return funding;
    }

    /** Every liquidation so far. */
    public List<Liquidation> liquidations() {
        return liquidations;
    }

    /** A {@code MARK_PRICE} row of instrument {@code i} at venue time {@code exchTs}. */
    public void onMarkPrice(int i, double markPrice, long exchTs, Sink sink) {
        MarginAccount a = accountOf[i];
        if (a == null) {
            return;
        }
        if (pendingTime[i] < exchTs) {
            settle(i, sink);
        }
        mark[i] = markPrice;
        a.mark(contractOf[i], markPrice);
        if (pendingTime[i] == exchTs) {
            settle(i, sink);
        }
        if (a.liquidationDue()) {
            liquidate(a, exchTs, sink);
        }
    }

    /**
     * Liquidates what is due in {@code a}: first the venue cancels the strategy's open orders (Binance: "all open
     * orders will be cancelled" when a liquidation is triggered) on the liquidated instrument (isolated) or on every
     * cross instrument of the account (cross), each with the reason {@link #REASON_LIQUIDATION} and the numbers; then
     * each position is closed.
     */
    private void liquidate(MarginAccount a, long exchTs, Sink sink) {
        List<Liquidation> due = a.liquidateIfDue(exchTs);
        boolean crossCancelled = false;
        for (Liquidation l : due) {
            int li = indexById(instruments, l.instrument());
            String reason = REASON_LIQUIDATION + ": " + l.instrument().id() + " " + l.mode() + " position of "
                    + (l.side() == Side.SELL ? l.qty() : -l.qty()) + " liquidated at mark " + l.price()
                    + " (margin balance " + l.marginBalance() + " < maintenance margin " + l.maintenanceMargin()
                    + " " + a.asset() + ")";
            if (l.mode() == io.qtrade.core.margin.MarginMode.ISOLATED) {
                sink.cancelOrders(li, exchTs, reason);
            } else if (!crossCancelled) {
                crossCancelled = true;
                for (int i = 0; i < accountOf.length; i++) {
                    if (accountOf[i] == a
                            && a.position(contractOf[i]).mode() == io.qtrade.core.margin.MarginMode.CROSS) {
                        sink.cancelOrders(i, exchTs, reason);
                    }
                }
            }
        }
        for (Liquidation l : due) {
            liquidations.add(l);
            sink.liquidated(indexById(instruments, l.instrument()), l);
        }
    }

    /**
     * An {@code INDEX_PRICE} row of instrument {@code i} at venue time {@code exchTs}: a dated future's rows in the
     * {@link #DELIVERY_AVERAGING_NANOS} before its expiry (both ends included) enter its delivery price.
     */
    public void onIndexPrice(int i, double indexPrice, long exchTs) {
        long t = expiry[i];
        if (accountOf[i] != null && t != ContractSpec.NO_EXPIRY && exchTs <= t && exchTs >= t - DELIVERY_AVERAGING_NANOS
                && !delivered[i]) {
            indexSum[i] += indexPrice;
            indexCount[i]++;
        }
    }

    /** The expiry of instrument {@code i}, {@link ContractSpec#NO_EXPIRY} for a perpetual or an instrument off margin. */
    public long expiry(int i) {
        return accountOf[i] == null ? ContractSpec.NO_EXPIRY : expiry[i];
    }

    /** Whether the dated future {@code i} has expired and been delivered. */
    public boolean expired(int i) {
        return delivered[i];
    }

    /**
     * The delivery price of instrument {@code i} now: the arithmetic mean of its {@code INDEX_PRICE} rows in the
     * averaging window, else (no index row there) the latest {@code MARK_PRICE}.
     *
     * @throws IllegalStateException if there is neither
     */
    public double deliveryPrice(int i) {
        if (indexCount[i] > 0) {
            return indexSum[i] / indexCount[i];
        }
        if (Double.isNaN(mark[i])) {
            throw new IllegalStateException("margin ledger: " + contractOf[i].id() + " expires at " + expiry[i]
                    + " ns without an INDEX_PRICE row in the " + DELIVERY_AVERAGING_NANOS / 60_000_000_000L
                    + " minutes before it nor any MARK_PRICE row: no delivery price");
        }
        return mark[i];
    }

    /**
     * Delivers every dated future expiring at {@code exchTs} (see the class Javadoc): the venue cancels the strategy's
     * open orders on it, then the position (if any) is closed at {@link #deliveryPrice}.
     */
    public void deliverExpiring(long exchTs, Sink sink) {
        for (int i = 0; i < expiry.length; i++) {
            if (accountOf[i] == null || expiry[i] != exchTs || delivered[i]) {
                continue;
            }
            delivered[i] = true;
            double price = deliveryPrice(i);
            sink.cancelOrders(i, exchTs, expiredReason(i, price));
            MarginAccount a = accountOf[i];
            if (!a.position(contractOf[i]).isFlat()) {
                Delivery d = a.deliver(contractOf[i], exchTs, price);
                deliveries.add(d);
                sink.delivered(i, d);
            }
        }
    }

    /** Why an order on the expired contract {@code i} is cancelled or rejected. */
    public String expiredReason(int i, double deliveryPrice) {
        return REASON_EXPIRED + ": " + contractOf[i].id() + " expired at " + expiry[i] + " ns and was delivered at "
                + deliveryPrice;
    }

    /** Every delivery so far. */
    public List<Delivery> deliveries() {
        return deliveries;
    }

    /** A {@code FUNDING_RATE} row: {@code rate} applies at {@code fundingTime}; the row's venue time {@code exchTs}. */
    public void onFundingRate(int i, double rate, long fundingTime, long exchTs, Sink sink) {
        if (accountOf[i] == null || fundingTime <= lastSettled[i]) {
            // A live stream keeps announcing a funding time for a while after it was settled: paid once only.
            return;
        }
        if (pendingTime[i] != NONE && pendingTime[i] != fundingTime && pendingTime[i] <= exchTs) {
            settle(i, sink);
        }
        pendingRate[i] = rate;
        pendingTime[i] = fundingTime;
        if (fundingTime < exchTs && !Double.isNaN(mark[i])) {
            settle(i, sink);
        }
    }

    /** Call before a venue fill of instrument {@code i} at {@code exchTs}: settles funding due at or before it. */
    public void beforeFill(int i, long exchTs, Sink sink) {
        if (accountOf[i] != null && pendingTime[i] <= exchTs) {
            settle(i, sink);
        }
    }

    /** A venue fill of a strategy order (fee in the settlement asset). */
    public void onFill(int i, Fill fill) {
        MarginAccount a = accountOf[i];
        if (a != null) {
            a.apply(contractOf[i], fill.signedQty(), fill.price(), fill.fee());
        }
    }

    /** {@link #onFill} from the fill's fields ({@code signedQty}: buy positive); allocation-free. */
    public void onFill(int i, double signedQty, double price, double fee) {
        MarginAccount a = accountOf[i];
        if (a != null) {
            a.apply(contractOf[i], signedQty, price, fee);
        }
    }

    /** {@link #check}'s reason, or null when the order fits (allocation-free when it fits). */
    public String rejection(int i, Side side, double qty, double price) {
        MarginAccount a = accountOf[i];
        return a == null ? null : a.rejection(contractOf[i], side, qty, price);
    }

    /** The margin check of a new order ({@link MarginAccount#checkOrder}); accepted for instruments not on margin. */
    public MarginCheck check(int i, Side side, double qty, double price) {
        MarginAccount a = accountOf[i];
        if (a == null) {
            return MarginCheck.accept(0, Double.NaN);
        }
        return a.checkOrder(contractOf[i], side, qty, price);
    }

    /** The end of the run at {@code endTs}: settles funding times at or before it. */
    public void finish(long endTs, Sink sink) {
        for (int i = 0; i < accountOf.length; i++) {
            if (accountOf[i] != null && pendingTime[i] <= endTs) {
                settle(i, sink);
            }
        }
    }

    private void settle(int i, Sink sink) {
        long t = pendingTime[i];
        pendingTime[i] = NONE;
        lastSettled[i] = Math.max(lastSettled[i], t);
        if (Double.isNaN(mark[i])) {
            throw new IllegalStateException("margin ledger: funding of " + contractOf[i].id() + " at " + t
                    + " ns before any MARK_PRICE row of it: a perpetual backtest needs mark prices");
        }
        MarginAccount a = accountOf[i];
        MarginPosition p = a.position(contractOf[i]);
        double qty = p.qty();
        if (qty == 0.0) {
            return;
        }
        double paid = a.settleFundingAtMark(contractOf[i], pendingRate[i]);
        funding.add(new FundingRecord(strategy, i, t, qty, mark[i], pendingRate[i], paid));
        sink.funding(i, paid, t);
    }
}
