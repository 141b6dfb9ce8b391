package io.qtrade.core.portfolio;

import io.qtrade.core.Instrument;
import io.qtrade.core.order.Fill;
import java.util.Objects;

/**
 * The holding in one instrument under the average-cost method: a signed quantity (long positive, short negative),
 * its average entry price, the PnL realized by reducing it, the fees paid, and the traded volume.
 *
 * <p>A fill of signed quantity {@code q = side.sign() * fillQty} at price {@code p}, with {@code m} the contract
 * multiplier, on a position {@code qty} at average entry price {@code avg}:
 * <pre>{@code
 * flat (qty == 0):           qty = q;  avg = p
 * adding (same sign):        avg = (avg * |qty| + p * |q|) / (|qty| + |q|);  qty = qty + q
 * reducing (opposite sign):  closed    = min(|q|, |qty|)
 *                            realized += (p - avg) * closed * signum(qty) * m
 *                            qty       = qty + q
 *                            then: |qty| < tol        -> flat: qty = 0, avg = NaN
 *                                  qty kept its sign  -> avg unchanged
 *                                  qty changed sign   -> flipped through zero: avg = p (the remainder opens at p)
 * fees          += fee                       (realized PnL is gross of fees)
 * tradedQty     += fillQty;  tradedNotional += |p * fillQty * m|
 *
 * unrealizedPnl(mark) = (mark - avg) * qty * m        (0 when flat)
 * marketValue(mark)   = qty * mark * m                (0 when flat)
 * }</pre>
 * Flat means {@code |qty| < tol} with {@code tol = 1e-9 * lotSize} ({@link #FLAT_TOLERANCE_LOTS} of a lot): float
 * dust such as {@code 0.1 + 0.2 - 0.3} is snapped to exactly 0 and the average price resets to {@link #NO_PRICE},
 * so a flat position is exactly flat.
 *
 * <p><b>Inverse contracts</b> ({@code instrument.kind().isInverse()}: coin-margined, {@code m} the contract value in
 * quote currency) are kept in the base coin, as Binance COIN-M accounts them: the average entry price is the harmonic
 * mean {@code (|qty| + |q|) / (|qty|/avg + |q|/p)} when adding, {@code realized += closed * signum(qty) * m * (1/avg -
 * 1/p)}, {@code unrealizedPnl(mark) = qty * m * (1/avg - 1/mark)}, {@code marketValue(mark) = unrealizedPnl(mark)} (a
 * contract has no value beyond its PnL), traded notional {@code |q| * m / p}.
 *
 * <p>Accounting identity (exact in real arithmetic, up to float rounding here): the cash the fills moved before fees
 * equals the realized PnL minus the cost of what is still held,
 * {@code sum(-side.sign() * notional) = realizedPnl - avg * qty * m}. {@link Portfolio} builds its equity invariant
 * on it.
 *
 * <p>Mutable, not thread-safe. A position held by a {@link Portfolio} must be changed only through
 * {@link Portfolio#apply(Fill)}, which also moves the cash.
 */
public final class Position {

    /** The average entry price of a flat position: none (NaN). */
    public static final double NO_PRICE = Double.NaN;
    /** How many lots (as a fraction) of quantity still count as flat: {@code |qty| < 1e-9 * lotSize}. */
    public static final double FLAT_TOLERANCE_LOTS = 1e-9;

    private final Instrument instrument;
    private final double flatTolerance;
    private double qty;
    private double avgEntryPrice = NO_PRICE;
    private double realizedPnl;
    private double fees;
    private double tradedQty;
    private double tradedNotional;
    private long fillCount;
    private final boolean inverse;
    private double lastRealized;

    /** A flat position in {@code instrument}. */
    public Position(Instrument instrument) {
        this.instrument = Objects.requireNonNull(instrument, "position: instrument must not be null");
        this.flatTolerance = FLAT_TOLERANCE_LOTS * instrument.lotSize();
        this.inverse = instrument.kind().isInverse();
    }

    /**
     * Applies a fill as in the class Javadoc. Allocation-free.
     *
     * @throws IllegalArgumentException if the fill is in another instrument
     */
    public void apply(Fill fill) {
        Instrument other = fill.instrument();
        if (other != instrument && !other.equals(instrument)) {
            throw new IllegalArgumentException("position in " + instrument.id() + ": cannot apply fill of order "
                    + fill.orderId() + " in " + other.id() + ", expected a fill in " + instrument.id());
        }
        double m = instrument.contractMultiplier();
        double p = fill.price();
        double q = fill.signedQty();
        if (inverse) {
            applyInverse(p, q, m);
        } else if (qty == 0.0) {
            qty = q;
            avgEntryPrice = p;
        } else if ((qty > 0) == (q > 0)) {
            double held = Math.abs(qty);
            double added = Math.abs(q);
            avgEntryPrice = (avgEntryPrice * held + p * added) / (held + added);
            qty += q;
        } else {
            double closed = Math.min(Math.abs(q), Math.abs(qty));
            double sign = Math.signum(qty);
            realizedPnl += (p - avgEntryPrice) * closed * sign * m;
            double remaining = qty + q;
            if (Math.abs(remaining) < flatTolerance) {
                qty = 0.0;
                avgEntryPrice = NO_PRICE;
            } else {
                if (Math.signum(remaining) != sign) {
                    avgEntryPrice = p;
                }
                qty = remaining;
            }
        }
        fees += fill.fee();
        tradedQty += fill.qty();
        tradedNotional += Math.abs(instrument.settlementNotional(p, fill.qty()));
        fillCount++;
    }

    /** The inverse form of {@link #apply} (see the class Javadoc); sets {@link #lastRealized}. */
    private void applyInverse(double p, double q, double m) {
        lastRealized = 0.0;
        if (qty == 0.0) {
            qty = q;
            avgEntryPrice = p;
        } else if ((qty > 0) == (q > 0)) {
            double held = Math.abs(qty);
            double added = Math.abs(q);
            avgEntryPrice = (held + added) / (held / avgEntryPrice + added / p);
            qty += q;
        } else {
            double closed = Math.min(Math.abs(q), Math.abs(qty));
            double sign = Math.signum(qty);
            lastRealized = closed * sign * m * (1.0 / avgEntryPrice - 1.0 / p);
            realizedPnl += lastRealized;
            double remaining = qty + q;
            if (Math.abs(remaining) < flatTolerance) {
                qty = 0.0;
                avgEntryPrice = NO_PRICE;
            } else {
                if (Math.signum(remaining) != sign) {
                    avgEntryPrice = p;
                }
                qty = remaining;
            }
        }
    }

    /** The PnL the last fill of an inverse position realised (what moves its account's cash), base coin. */
    double lastRealized() {
        return lastRealized;
    }

    /**
     * A stock split of {@code ratio} new units per old unit (2 for a 2-for-1 split, 0.1 for a 1-for-10 reverse
     * split): {@code qty *= ratio}, {@code avg /= ratio}, so the cost {@code avg * qty} and the realized PnL are
     * unchanged. Called by {@link Portfolio#split}, which also rescales the mark.
     */
    void split(double ratio) {
        if (qty != 0.0) {
            qty *= ratio;
            avgEntryPrice /= ratio;
        }
    }

    public Instrument instrument() {
        return instrument;
    }

    /** Signed quantity: positive long, negative short, exactly 0 when flat. */
    public double qty() {
        return qty;
    }

    /** Average entry price of the open quantity; {@link #NO_PRICE} (NaN) when flat. */
    public double avgEntryPrice() {
        return avgEntryPrice;
    }

    /** Whether {@code |qty| < 1e-9 * lotSize}; after any fill that leaves dust, qty is exactly 0. */
    public boolean isFlat() {
        return Math.abs(qty) < flatTolerance;
    }

    /** PnL realized by reducing the position, quote currency, gross of fees. */
    public double realizedPnl() {
        return realizedPnl;
    }

    /** Sum of fill fees, quote currency; negative when rebates exceed fees. */
    public double fees() {
        return fees;
    }

    /** Sum of fill quantities (both sides), instrument units. */
    public double tradedQty() {
        return tradedQty;
    }

    /** Sum of {@code |price * qty * multiplier|} over fills, quote currency. */
    public double tradedNotional() {
        return tradedNotional;
    }

    /** Number of fills applied. */
    public long fillCount() {
        return fillCount;
    }

    /**
     * {@code (mark - avgEntryPrice) * qty * multiplier}, 0 when flat.
     *
     * @throws IllegalArgumentException if {@code markPrice} is not finite
     */
    public double unrealizedPnl(double markPrice) {
        requireFiniteMark(markPrice);
        return unrealizedPnl(qty, avgEntryPrice, instrument.contractMultiplier(), inverse, markPrice);
    }

    /** {@link #unrealizedPnl(double)} of a position with these fields (one formula for it and {@link MarkValuation}). */
    static double unrealizedPnl(double qty, double avgEntryPrice, double multiplier, boolean inverse,
                                double markPrice) {
        if (qty == 0.0) {
            return 0.0;
        }
        return inverse ? qty * multiplier * (1.0 / avgEntryPrice - 1.0 / markPrice)
                : (markPrice - avgEntryPrice) * qty * multiplier;
    }

    /**
     * {@code qty * mark * multiplier}, 0 when flat; negative for a short.
     *
     * @throws IllegalArgumentException if {@code markPrice} is not finite
     */
    public double marketValue(double markPrice) {
        requireFiniteMark(markPrice);
        return marketValue(qty, avgEntryPrice, instrument.contractMultiplier(), inverse, markPrice);
    }

    /** {@link #marketValue(double)} of a position with these fields (one formula for it and {@link MarkValuation}). */
    static double marketValue(double qty, double avgEntryPrice, double multiplier, boolean inverse, double markPrice) {
        if (inverse) {
            return unrealizedPnl(qty, avgEntryPrice, multiplier, inverse, markPrice);
        }
        return qty == 0.0 ? 0.0 : qty * markPrice * multiplier;
    }

    private void requireFiniteMark(double markPrice) {
        requireFiniteMark(instrument, markPrice);
    }

    static void requireFiniteMark(Instrument instrument, double markPrice) {
        if (!Double.isFinite(markPrice)) {
            throw new IllegalArgumentException("position in " + instrument.id() + ": mark price must be finite, was "
                    + markPrice);
        }
    }

    @Override
    public String toString() {
        return "Position[" + instrument.id()
                + ", qty=" + qty
                + ", avgEntryPrice=" + avgEntryPrice
                + ", realizedPnl=" + realizedPnl
                + ", fees=" + fees
                + ", tradedQty=" + tradedQty
                + ", tradedNotional=" + tradedNotional
                + ", fillCount=" + fillCount
                + "]";
    }
}
