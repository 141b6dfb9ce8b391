package io.qtrade.core.portfolio;

import io.qtrade.core.Instrument;
import io.qtrade.core.order.Fill;
import java.util.ArrayList;
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
 * netPnl        = realizedPnl + unrealizedPnl - fees + otherCash
 * }</pre>
 * Invariant, exact in real arithmetic and true here up to float rounding:
 * <pre>{@code
 * equity - initialCash == realizedPnl + unrealizedPnl - fees + otherCash  (== netPnl)
 * }</pre>
 * It follows from the average-cost identity in {@link Position}.
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

    /** One instrument: its position and latest mark; held in first-seen order. */
    private static final class Slot {
        final Position position;
        double mark = NO_MARK;
        boolean traded;

        Slot(Instrument instrument) {
            this.position = new Position(instrument);
        }

        double markedPrice() {
            return Double.isNaN(mark) ? position.avgEntryPrice() : mark;
        }
    }

    private final double initialCash;
    private double cash;
    private double otherCash;
    /** {@code Instrument} caches its hash code, so a lookup here allocates nothing. */
    private final Map<Instrument, Slot> byInstrument = new HashMap<>();
    /** Every slot in first-seen order, iterated by index. */
    private final ArrayList<Slot> slots = new ArrayList<>();
    private final LinkedHashMap<Instrument, Position> positions = new LinkedHashMap<>();
    private final Map<Instrument, Position> positionsView = Collections.unmodifiableMap(positions);

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
        slot.position.apply(fill);
        cash += fill.cashFlow();
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
        cash += amount;
        otherCash += amount;
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

    /** {@code realizedPnl + unrealizedPnl - fees + otherCash}; equals {@code equity - initialCash} up to rounding. */
    public double netPnl() {
        return realizedPnl() + unrealizedPnl() - fees() + otherCash;
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
