package io.qtrade.features.trades;

/** What changed a queue at a price level, as {@link QueueDynamics} counts it. */
public enum QueueEvent {
    /** Quantity added to a level (a limit order, or an increase of the displayed quantity). */
    ADD,
    /** Quantity removed from a level and not explained by a trade there (a cancel or a reduction). */
    CANCEL,
    /** A trade executed against the level (a market or marketable order). */
    TRADE
}
