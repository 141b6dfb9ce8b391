package io.qtrade.bars.order;

/** How long a bar order works. */
public enum BarTimeInForce {
    /** Until filled or cancelled. */
    GTC,
    /** One bar of its instrument: whatever has not filled on the first bar it works on expires. */
    DAY
}
