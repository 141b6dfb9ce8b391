package io.qtrade.core.portfolio;

import io.qtrade.core.Instrument;
import io.qtrade.core.order.Fill;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Cash and the {@link Position}s in several instruments, marked to the latest prices.
 *
 * <pre>{@code
 * cash          = initialCash + sum over fills of fill.cashFlow()      (cashFlow = -side.sign()*price*qty*m - fee)
 * markedPrice_i = the latest mark(i, price), or avgEntryPrice_i if instrument i has never been marked
 * unrealizedPnl = sum_i (markedPrice_i - avgEntryPrice_i) * qty_i * m_i
 * equity        = cash + sum_i qty_i * markedPrice_i * m_i
 * realizedPnl   = sum_i realizedPnl_i          (gross of fees)
 * fees          = sum_i fees_i                 (negative when rebates exceed fees)
 * otherCash     = sum of applyCashFlow(amount): dividends, interest, borrow fees (not fills)
 * funding       = sum of applyFunding(i, paid): perpetual funding paid (negative: received), per instrument
 * netPnl        = realizedPnl + unrealizedPnl - fees + otherCash - funding
 * }</pre>
 * Invariant, exact in real arithmetic and true here up to float rounding:
 * <pre>{@code
 * equity - initialCash == realizedPnl + unrealizedPnl - fees + otherCash - funding  (== netPnl)
 * }</pre>
 * It follows from the average-cost identity in {@link Position}.
 *
 * <p>An inverse (coin-margined) contract moves no notional: its fills move {@code cash} by their realised PnL minus
 * the fee and its market value is its unrealised PnL, all in the base coin (see {@link Position}); keep inverse
 * contracts in a portfolio whose cash is that coin.
 *
 * <p><b>Unmarked instruments are carried at cost.</b> An instrument with an open position that has never been
 * given a {@link #mark} price is valued at its average entry price: it contributes 0 to unrealized PnL and its cost
 * to equity. {@link #isMarked} tells whether it has been marked.
 *
 * <p>Positions iterate in the order their instruments were first traded ({@link #positions()}), so reports are
 * deterministic. {@link #apply(Fill)} and {@link #mark} allocate only the first time they meet an instrument; after that they allocate nothing: no boxing, no iterators.
 * Mutable, not thread-safe.
 */
public final class Portfolio {

    /** {@link #markPrice} of an instrument that has never been marked. */
    public static final double NO_MARK = Double.NaN;

    private static final double[] NO_TERMS = new double[0];

    /** One instrument: its position and latest mark; held in first-seen order. */
    private static final class Slot {
        final Position position;
        double mark = NO_MARK;
        double funding;
        boolean traded;
        final boolean inverse;

        Slot(Instrument instrument) {
            this.position = new Position(instrument);
            this.inverse = instrument.kind().isInverse();
        }

        double markedPrice() {
            return Double.isNaN(mark) ? position.avgEntryPrice() : mark;
        }
    }

    private final double initialCash;
    private double cash;
    private double otherCash;
    private double funding;
    /** {@code Instrument} caches its hash code, so a lookup here allocates nothing. */
    private final Map<Instrument, Slot> byInstrument = new HashMap<>();
    /** Every slot in first-seen order, iterated by index. */
    private final ArrayList<Slot> slots = new ArrayList<>();
    private final LinkedHashMap<Instrument, Position> positions = new LinkedHashMap<>();
    private final Map<Instrument, Position> positionsView = Collections.unmodifiableMap(positions);
    /**
     * Bumped by every change that can move a {@link #valuation}: fills, cash flows, funding, splits, and marks other
     * than of the slot last valued. The last valuation is reused while this count is unchanged and its position
     * still has the fill count, quantity and average price it was taken with (so a fill or split applied to the
     * position directly, against this class's contract, is seen too).
     */
    private long changes;
    private MarkValuation lastValuation;
    private int lastValuationSlot = -1;
    private long lastValuationChanges;
    private long lastValuationFills;

    /**
     * @param initialCash starting cash, quote currency, finite
     */
    public Portfolio(double initialCash) {
        if (!Double.isFinite(initialCash)) {
            throw new IllegalArgumentException("portfolio: initialCash must be finite, was " + initialCash);
        }
        this.initialCash = initialCash;
        this.cash = initialCash;
    }

    /** Applies a fill: {@code cash += fill.cashFlow()}, and the fill to its instrument's position. */
    public void apply(Fill fill) {
        Slot slot = slot(fill.instrument());
        changes++;
        slot.position.apply(fill);
        // An inverse contract exchanges no notional: only its realised PnL and the fee move the (base-coin) cash.
        cash += slot.inverse ? slot.position.lastRealized() - fill.fee() : fill.cashFlow();
        if (!slot.traded) {
            slot.traded = true;
            positions.put(slot.position.instrument(), slot.position);
        }
    }

    /**
     * Moves {@code amount} of cash that is not a fill into ({@code > 0}) or out of ({@code < 0}) the account: a cash
     * dividend on a position, interest on cash, a short's borrow fee. It counts in {@link #otherCash()} and so in
     * {@link #netPnl()}.
     */
    public void applyCashFlow(double amount) {
        if (!Double.isFinite(amount)) {
            throw new IllegalArgumentException("portfolio: cash flow must be finite, was " + amount);
        }
        changes++;
        cash += amount;
        otherCash += amount;
    }

    /**
     * Pays {@code paid} of funding on the position in {@code instrument} ({@code < 0}: receives it), as a perpetual's
     * funding settlement does ({@code paid = qty * mark * rate}, see {@code io.qtrade.core.margin.FundingPayment}):
     * {@code cash -= paid}; it counts in {@link #funding()} and so in {@link #netPnl()}, apart from fees and
     * trading PnL.
     */
    public void applyFunding(Instrument instrument, double paid) {
        if (!Double.isFinite(paid)) {
            throw new IllegalArgumentException("portfolio: funding of " + instrument.id() + " must be finite, was "
                    + paid);
        }
        changes++;
        slot(instrument).funding += paid;
        cash -= paid;
        funding += paid;
    }

    /** Funding paid over all instruments (negative: received). */
    public double funding() {
        return funding;
    }

    /** Funding paid on {@code instrument} (negative: received); 0 if never traded. */
    public double funding(Instrument instrument) {
        Slot slot = find(instrument);
        return slot == null ? 0.0 : slot.funding;
    }

    /** The sum of {@link #applyCashFlow} amounts, quote currency. */
    public double otherCash() {
        return otherCash;
    }

    /**
     * Applies a stock split of {@code ratio} new units per old unit to {@code instrument}: the position's quantity
     * is multiplied by it, its average entry price and the mark divided by it; cash, equity and PnL are unchanged.
     */
    public void split(Instrument instrument, double ratio) {
        if (!(ratio > 0) || Double.isInfinite(ratio)) {
            throw new IllegalArgumentException("portfolio: split ratio of " + instrument.id()
                    + " must be finite and > 0, was " + ratio);
        }
        Slot slot = slot(instrument);
        changes++;
        slot.position.split(ratio);
        if (!Double.isNaN(slot.mark)) {
            slot.mark /= ratio;
        }
    }

    /**
     * Stores {@code price} as the latest mark of {@code instrument}, used by {@link #unrealizedPnl()} and
     * {@link #equity()}. Any finite price (spreads trade negative).
     */
    public void mark(Instrument instrument, double price) {
        if (!Double.isFinite(price)) {
            throw new IllegalArgumentException("portfolio: mark price of " + instrument.id()
                    + " must be finite, was " + price);
        }
        changes++;
        slot(instrument).mark = price;
    }

    /**
     * The slot number of {@code instrument} (a slot is created for an unseen instrument, as {@link #position} does):
     * fixed for the portfolio's life, for {@link #mark(int, double)} on a per-bar or per-event path.
     */
    public int slotOf(Instrument instrument) {
        Slot slot = find(instrument);
        if (slot == null) {
            slot(instrument);
            return slots.size() - 1;
        }
        return slots.indexOf(slot);
    }

    /**
     * As {@link #mark(Instrument, double)} for the instrument of slot {@code slot} (from {@link #slotOf}), without
     * the map lookup.
     *
     * @throws IndexOutOfBoundsException for a slot this portfolio never gave out
     */
    public void mark(int slot, double price) {
        Slot s = slots.get(slot);
        if (!Double.isFinite(price)) {
            throw new IllegalArgumentException("portfolio: mark price of " + s.position.instrument().id()
                    + " must be finite, was " + price);
        }
        if (slot != lastValuationSlot) {
            changes++;
        }
        s.mark = price;
    }

    /**
     * As {@link #markPrice(Instrument)} for the instrument of slot {@code slot} (from {@link #slotOf}).
     *
     * @throws IndexOutOfBoundsException for a slot this portfolio never gave out
     */
    public double markPrice(int slot) {
        return slots.get(slot).mark;
    }

    /**
     * This portfolio's equity and net PnL as functions of the mark of slot {@code slot}'s instrument (from
     * {@link #slotOf}), everything else as it is now: {@code valuation(slot).equity(p)} is, bit for bit, what
     * {@link #equity()} returns after {@code mark(slot, p)} while no fill, cash flow, funding, split or other mark
     * comes between (likewise {@link #netPnl()}). The same object is returned again until one does. See
     * {@link MarkValuation}.
     *
     * @throws IndexOutOfBoundsException for a slot this portfolio never gave out
     */
    public MarkValuation valuation(int slot) {
        Slot s = slots.get(slot);
        if (slot == lastValuationSlot && changes == lastValuationChanges
                && s.position.fillCount() == lastValuationFills && lastValuation.takenWith(s.position)) {
            return lastValuation; // nothing it depends on has changed (the slot's own mark is its argument)
        }
        double valueBefore = 0.0;
        double unrealizedBefore = 0.0;
        for (int i = 0; i < slot; i++) {
            Slot o = slots.get(i);
            if (!o.position.isFlat()) {
                valueBefore += o.position.marketValue(o.markedPrice());
                unrealizedBefore += o.position.unrealizedPnl(o.markedPrice());
            }
        }
        int count = slots.size();
        double[] valueAfter = count - slot - 1 == 0 ? NO_TERMS : new double[count - slot - 1];
        double[] unrealizedAfter = count - slot - 1 == 0 ? NO_TERMS : new double[count - slot - 1];
        int after = 0;
        for (int i = slot + 1; i < count; i++) {
            Slot o = slots.get(i);
            if (!o.position.isFlat()) {
                valueAfter[after] = o.position.marketValue(o.markedPrice());
                unrealizedAfter[after++] = o.position.unrealizedPnl(o.markedPrice());
            }
        }
        lastValuation = new MarkValuation(cash, otherCash, funding, realizedPnl(), fees(), s.position, valueBefore,
                unrealizedBefore, after == valueAfter.length ? valueAfter : Arrays.copyOf(valueAfter, after),
                after == unrealizedAfter.length ? unrealizedAfter : Arrays.copyOf(unrealizedAfter, after));
        lastValuationSlot = slot;
        lastValuationChanges = changes;
        lastValuationFills = s.position.fillCount();
        return lastValuation;
    }

    /** Whether {@code instrument} has been given a mark price. */
    public boolean isMarked(Instrument instrument) {
        Slot slot = find(instrument);
        return slot != null && !Double.isNaN(slot.mark);
    }

    /** The latest mark price of {@code instrument}, {@link #NO_MARK} (NaN) if never marked. */
    public double markPrice(Instrument instrument) {
        Slot slot = find(instrument);
        return slot == null ? NO_MARK : slot.mark;
    }

    /**
     * The position in {@code instrument}, flat for an instrument never traded. The same object every time (the first
     * call for an unseen instrument creates it; later calls, on the strategy's per-event path, allocate nothing);
     * asking does not add the instrument to {@link #positions()}. Apply fills through {@link #apply(Fill)}, not to
     * the returned position.
     */
    public Position position(Instrument instrument) {
        return slot(instrument).position;
    }

    /** Every instrument traded so far and its position (flat ones included), in first-traded order; read-only. */
    public Map<Instrument, Position> positions() {
        return positionsView;
    }

    public double initialCash() {
        return initialCash;
    }

    /** {@code initialCash + sum of fill cash flows + otherCash}, quote currency. */
    public double cash() {
        return cash;
    }

    /** Sum of the positions' fees, quote currency. */
    public double fees() {
        double sum = 0.0;
        for (int i = 0, n = slots.size(); i < n; i++) {
            sum += slots.get(i).position.fees();
        }
        return sum;
    }

    /** Sum of the positions' realized PnL, quote currency, gross of fees. */
    public double realizedPnl() {
        double sum = 0.0;
        for (int i = 0, n = slots.size(); i < n; i++) {
            sum += slots.get(i).position.realizedPnl();
        }
        return sum;
    }

    /** {@code sum (markedPrice - avgEntryPrice) * qty * m}; unmarked instruments count 0 (carried at cost). */
    public double unrealizedPnl() {
        double sum = 0.0;
        for (int i = 0, n = slots.size(); i < n; i++) {
            Slot slot = slots.get(i);
            if (!slot.position.isFlat()) {
                sum += slot.position.unrealizedPnl(slot.markedPrice());
            }
        }
        return sum;
    }

    /** {@code sum qty * markedPrice * m}: the marked value of all positions (shorts negative). */
    public double marketValue() {
        double sum = 0.0;
        for (int i = 0, n = slots.size(); i < n; i++) {
            Slot slot = slots.get(i);
            if (!slot.position.isFlat()) {
                sum += slot.position.marketValue(slot.markedPrice());
            }
        }
        return sum;
    }

    /** {@code cash + marketValue()}. */
    public double equity() {
        return cash + marketValue();
    }

    /**
     * {@code realizedPnl + unrealizedPnl - fees + otherCash - funding}; equals {@code equity - initialCash} up to
     * rounding.
     */
    public double netPnl() {
        return realizedPnl() + unrealizedPnl() - fees() + otherCash - funding;
    }

    private Slot find(Instrument instrument) {
        Objects.requireNonNull(instrument, "portfolio: instrument must not be null");
        return byInstrument.get(instrument);
    }

    private Slot slot(Instrument instrument) {
        Slot slot = find(instrument);
        if (slot == null) {
            slot = new Slot(instrument);
            byInstrument.put(instrument, slot);
            slots.add(slot);
        }
        return slot;
    }

    @Override
    public String toString() {
        return "Portfolio[initialCash=" + initialCash
                + ", cash=" + cash
                + ", realizedPnl=" + realizedPnl()
                + ", unrealizedPnl=" + unrealizedPnl()
                + ", fees=" + fees()
                + ", equity=" + equity()
                + ", positions=" + positions.values()
                + "]";
    }
}
