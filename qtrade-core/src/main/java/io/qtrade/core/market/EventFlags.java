package io.qtrade.core.market;

/**
 * Bit flags carried by every market event ({@link MarketEvent#flags()}), in the {@code flags} column of
 * {@link EventBatch} and of the tick store. Bits not named here are reserved; readers keep them as they are.
 *
 * <ul>
 *   <li>{@link #SNAPSHOT}: the row belongs to a full-book snapshot (between {@link EventKind#SNAPSHOT_BEGIN} and
 *       {@link EventKind#SNAPSHOT_END}, or a vendor's {@code is_snapshot} row) rather than to an incremental
 *       update.</li>
 *   <li>{@link #END_OF_MESSAGE}: the last row of one venue message (a depth diff packet can move many levels at
 *       once); a consumer that wants a consistent book acts only after such a row.</li>
 *   <li>{@link #SIDE_INFERRED}: the trade's aggressor side was inferred (tick rule, Lee-Ready) by an importer, not
 *       reported by the venue.</li>
 *   <li>{@link #AFTER_RESYNC}: the first rows after a sequence gap was detected and the book rebuilt from a
 *       snapshot.</li>
 *   <li>{@link #INFERRED}: the row was not sent by the venue as a message; an importer inferred it from a state the
 *       vendor publishes beside the messages (LOBSTER's orderbook file: quantity entering the visible levels from
 *       below, or withdrawn there without a message).</li>
 * </ul>
 */
public final class EventFlags {

    /** No flag set. */
    public static final int NONE = 0;
    /** Part of a full-book snapshot. */
    public static final int SNAPSHOT = 1;
    /** The last row of one venue message. */
    public static final int END_OF_MESSAGE = 1 << 1;
    /** The trade's aggressor side was inferred, not reported by the venue. */
    public static final int SIDE_INFERRED = 1 << 2;
    /** Emitted while rebuilding the book after a sequence gap. */
    public static final int AFTER_RESYNC = 1 << 3;
    /** Inferred from a published book state, not sent as a message. */
    public static final int INFERRED = 1 << 4;

    private EventFlags() {
    }

    /** Whether every bit of {@code flag} is set in {@code flags}. */
    public static boolean has(int flags, int flag) {
        return (flags & flag) == flag;
    }
}
