package io.qtrade.core.portfolio;

import io.qtrade.core.Instrument;

/**
 * A {@link Portfolio}'s equity and net PnL as functions of one instrument's mark price, with everything else as it
 * was when {@link Portfolio#valuation(int)} took it: what a bar engine needs between two fills, when only the marks
 * move. For a mark price {@code p} of the slot's instrument:
 * <pre>{@code
 * equity(p)                = cash + sum_i marketValue_i        (the slot's term at p, the others at their marks)
 * netPnl(p)                = realizedPnl + sum_i unrealizedPnl_i - fees + otherCash - funding
 * positionUnrealizedPnl(p) = the slot's position's unrealizedPnl(p)
 * }</pre>
 * Each value is, bit for bit, what {@link Portfolio#equity()}, {@link Portfolio#netPnl()} and
 * {@link Position#unrealizedPnl(double)} return after {@code portfolio.mark(slot, p)}: the same formulas
 * ({@code Position}'s own) summed in the same order; the sums over the other instruments are taken once. So a run
 * of marks costs a few operations per price and can be valued later, e.g. when a result table is built. Immutable.
 */
public final class MarkValuation {

    private static final double[] NO_TERMS = new double[0];

    private final double cash;
    private final double otherCash;
    private final double funding;
    private final double realizedPnl;
    private final double fees;
    /** The slot's position counts in the sums (it is not flat). */
    private final boolean counted;
    private final double qty;
    private final double avgEntryPrice;
    private final double multiplier;
    private final boolean inverse;
    /** The sums of the slots before this one, and each later non-flat slot's term, in order. */
    private final double valueBefore;
    private final double unrealizedBefore;
    private final double[] valueAfter;
    private final double[] unrealizedAfter;
    /** With the slot flat: the values, which do not depend on its mark. */
    private final double fixedEquity;
    private final double fixedNetPnl;
    private final Instrument instrument;

    MarkValuation(double cash, double otherCash, double funding, double realizedPnl, double fees, Position position,
                  double valueBefore, double unrealizedBefore, double[] valueAfter, double[] unrealizedAfter) {
        this.cash = cash;
        this.otherCash = otherCash;
        this.funding = funding;
        this.realizedPnl = realizedPnl;
        this.fees = fees;
        this.instrument = position.instrument();
        this.counted = !position.isFlat();
        this.qty = position.qty();
        this.avgEntryPrice = position.avgEntryPrice();
        this.multiplier = position.instrument().contractMultiplier();
        this.inverse = position.instrument().kind().isInverse();
        this.valueBefore = valueBefore;
        this.unrealizedBefore = unrealizedBefore;
        // (the arrays are the caller's own copies, never changed after)
        this.valueAfter = valueAfter.length == 0 ? NO_TERMS : valueAfter;
        this.unrealizedAfter = unrealizedAfter.length == 0 ? NO_TERMS : unrealizedAfter;
        double value = valueBefore;
        double unrealized = unrealizedBefore;
        for (int a = 0; a < valueAfter.length; a++) {
            value += valueAfter[a];
            unrealized += unrealizedAfter[a];
        }
        this.fixedEquity = cash + value;
        this.fixedNetPnl = realizedPnl + unrealized - fees + otherCash - funding;
    }

    /** {@link Portfolio#equity()} with the slot's instrument marked at {@code markPrice}. */
    public double equity(double markPrice) {
        Position.requireFiniteMark(instrument, markPrice);
        if (!counted) {
            return fixedEquity;
        }
        double value = valueBefore + Position.marketValue(qty, avgEntryPrice, multiplier, inverse, markPrice);
        for (double v : valueAfter) {
            value += v;
        }
        return cash + value;
    }

    /** {@link Portfolio#netPnl()} with the slot's instrument marked at {@code markPrice}. */
    public double netPnl(double markPrice) {
        Position.requireFiniteMark(instrument, markPrice);
        if (!counted) {
            return fixedNetPnl;
        }
        double unrealized = unrealizedBefore
                + Position.unrealizedPnl(qty, avgEntryPrice, multiplier, inverse, markPrice);
        for (double u : unrealizedAfter) {
            unrealized += u;
        }
        return realizedPnl + unrealized - fees + otherCash - funding;
    }

    /** The slot's position's {@link Position#unrealizedPnl(double)} at {@code markPrice} (0 when its qty is 0). */
    public double positionUnrealizedPnl(double markPrice) {
        Position.requireFiniteMark(instrument, markPrice);
        return Position.unrealizedPnl(qty, avgEntryPrice, multiplier, inverse, markPrice);
    }

    /** Whether {@code p} still has the quantity and average entry price this valuation was taken with. */
    boolean takenWith(Position p) {
        return Double.doubleToRawLongBits(p.qty()) == Double.doubleToRawLongBits(qty)
                && Double.doubleToRawLongBits(p.avgEntryPrice()) == Double.doubleToRawLongBits(avgEntryPrice);
    }

    @Override
    public String toString() {
        return "MarkValuation[" + instrument.id() + ", qty=" + qty + ", avgEntryPrice=" + avgEntryPrice + ", cash="
                + cash + "]";
    }
}
