package io.qtrade.risk.inventory;

/**
 * Soft and hard inventory thresholds of one instrument, for a market maker to skew or stop quoting:
 * <pre>{@code
 * level(q) = NORMAL        if |q| <  soft
 *            SKEW          if soft <= |q| < hard
 *            STOP_BUYING   if q >=  hard
 *            STOP_SELLING  if q <= -hard
 * skew(q)  = sign(q) * min(1, max(0, |q| - soft) / (hard - soft))          in [-1, 1]
 * }</pre>
 * A positive skew (long) means: lower both quotes, to sell more and buy less; a strategy typically shifts its
 * reservation price by {@code -skew * maxShift}. The ramp is linear between the thresholds (as in the inventory
 * penalty of Guéant, Lehalle and Fernandez-Tapia, "Dealing with the inventory risk", Mathematics and Financial
 * Economics 7, 2013, linearised). Quantities in instrument units.
 *
 * @param softLimit where skewing starts, {@code > 0}
 * @param hardLimit where one side stops, {@code > softLimit}
 */
public record InventoryLimits(double softLimit, double hardLimit) {

    /** Checks {@code 0 < softLimit < hardLimit}, both finite. */
    public InventoryLimits {
        if (!(softLimit > 0) || Double.isInfinite(softLimit)) {
            throw new IllegalArgumentException("inventory limits: softLimit must be finite and > 0, was " + softLimit);
        }
        if (!(hardLimit > softLimit) || Double.isInfinite(hardLimit)) {
            throw new IllegalArgumentException("inventory limits: hardLimit must be finite and > softLimit "
                    + softLimit + ", was " + hardLimit);
        }
    }

    /** The level of position {@code position} (signed, instrument units). */
    public InventoryLevel level(double position) {
        if (position >= hardLimit) {
            return InventoryLevel.STOP_BUYING;
        }
        if (position <= -hardLimit) {
            return InventoryLevel.STOP_SELLING;
        }
        return Math.abs(position) < softLimit ? InventoryLevel.NORMAL : InventoryLevel.SKEW;
    }

    /** The skew factor in [-1, 1]: 0 inside the soft limit, rising linearly to +-1 at the hard limit. */
    public double skew(double position) {
        double excess = Math.abs(position) - softLimit;
        if (excess <= 0) {
            return 0.0;
        }
        return Math.signum(position) * Math.min(1.0, excess / (hardLimit - softLimit));
    }

    /** Whether a buy may be quoted: the position is below the hard limit. */
    public boolean allowsBuying(double position) {
        return position < hardLimit;
    }

    /** Whether a sell may be quoted: the position is above minus the hard limit. */
    public boolean allowsSelling(double position) {
        return position > -hardLimit;
    }

    /** How much more may be bought before the hard limit: {@code max(0, hard - q)}. */
    public double buyCapacity(double position) {
        return Math.max(0.0, hardLimit - position);
    }

    /** How much more may be sold before the hard limit: {@code max(0, hard + q)}. */
    public double sellCapacity(double position) {
        return Math.max(0.0, hardLimit + position);
    }
}
