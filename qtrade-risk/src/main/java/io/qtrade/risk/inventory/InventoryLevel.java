package io.qtrade.risk.inventory;

/** Where a position stands against its {@link InventoryLimits}. */
public enum InventoryLevel {
    /** {@code |q| < softLimit}: quote normally. */
    NORMAL,
    /** {@code softLimit <= |q| < hardLimit}: skew quotes to work the inventory off (see {@link InventoryLimits#skew}). */
    SKEW,
    /** {@code q >= hardLimit}: long at the limit, quote the offer only. */
    STOP_BUYING,
    /** {@code q <= -hardLimit}: short at the limit, quote the bid only. */
    STOP_SELLING
}
