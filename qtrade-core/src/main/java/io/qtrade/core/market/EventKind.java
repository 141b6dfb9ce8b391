package io.qtrade.core.market;

/**
 * What a market event says. Each kind fixes which columns of an {@link EventBatch} row carry meaning:
 *
 * <table>
 * <caption>Columns used by each kind</caption>
 * <tr><th>kind</th><th>side</th><th>price</th><th>qty</th><th>orderId</th></tr>
 * <tr><td>{@link #DEPTH_UPDATE}</td><td>book side</td><td>level price</td><td>new absolute qty, 0 removes</td><td>-</td></tr>
 * <tr><td>{@link #TRADE}</td><td>aggressor, or none</td><td>trade price</td><td>traded qty</td><td>-</td></tr>
 * <tr><td>{@link #BBO}</td><td>book side</td><td>best price on that side</td><td>qty there</td><td>-</td></tr>
 * <tr><td>{@link #BOOK_CLEAR}</td><td>side to clear, or none for both</td><td>-</td><td>-</td><td>-</td></tr>
 * <tr><td>{@link #SNAPSHOT_BEGIN}, {@link #SNAPSHOT_END}</td><td>-</td><td>-</td><td>-</td><td>-</td></tr>
 * <tr><td>{@link #ORDER_ADD}</td><td>order side</td><td>limit price</td><td>order qty</td><td>venue order id</td></tr>
 * <tr><td>{@link #ORDER_MODIFY}</td><td>order side</td><td>new price</td><td>new remaining qty</td><td>venue order id</td></tr>
 * <tr><td>{@link #ORDER_CANCEL}</td><td>order side</td><td>-</td><td>-</td><td>venue order id</td></tr>
 * <tr><td>{@link #ORDER_EXECUTE}</td><td>resting order's side</td><td>execution price</td><td>executed qty</td><td>venue order id</td></tr>
 * <tr><td>{@link #MARK_PRICE}</td><td>-</td><td>the derivative's mark price</td><td>-</td><td>-</td></tr>
 * <tr><td>{@link #INDEX_PRICE}</td><td>-</td><td>the underlying index price</td><td>-</td><td>-</td></tr>
 * <tr><td>{@link #FUNDING_RATE}</td><td>-</td><td>funding rate per interval, a fraction (0.0001 = 0.01 %)</td><td>-</td>
 *     <td>the funding time it applies at, epoch nanoseconds</td></tr>
 * </table>
 *
 * <p>A snapshot is sent as {@code SNAPSHOT_BEGIN}, depth updates (or L3 adds), {@code SNAPSHOT_END}: a book
 * clears on begin and is consistent again after end. A BBO quote arrives as two rows, bid then ask, with the same
 * timestamps.
 *
 * <p>{@link #MARK_PRICE}, {@link #INDEX_PRICE} and {@link #FUNDING_RATE} describe a derivative (a perpetual or dated
 * future), not its book: books ignore them. A funding-rate row announces the rate that will be applied at the funding
 * time in its {@code orderId} column (Binance's {@code lastFundingRate} with {@code nextFundingTime}, or a settled
 * rate with its {@code fundingTime}); its price column is a rate, never snapped to the tick grid.
 */
public enum EventKind {
    DEPTH_UPDATE(1),
    TRADE(2),
    BBO(3),
    BOOK_CLEAR(4),
    SNAPSHOT_BEGIN(5),
    SNAPSHOT_END(6),
    ORDER_ADD(7),
    ORDER_MODIFY(8),
    ORDER_CANCEL(9),
    ORDER_EXECUTE(10),
    MARK_PRICE(11),
    INDEX_PRICE(12),
    FUNDING_RATE(13);

    private static final EventKind[] BY_CODE = new EventKind[14];

    static {
        for (EventKind kind : values()) {
            BY_CODE[kind.code] = kind;
        }
    }

    private final byte code;

    EventKind(int code) {
        this.code = (byte) code;
    }

    /** The byte stored in an event column. */
    public byte code() {
        return code;
    }

    /** Whether an event of this kind uses its price column. */
    public boolean hasPrice() {
        return this == DEPTH_UPDATE || this == TRADE || this == BBO || this == ORDER_ADD
                || this == ORDER_MODIFY || this == ORDER_EXECUTE || isDerivativeData();
    }

    /** Whether this kind describes a derivative (mark price, index price, funding rate) rather than its book. */
    public boolean isDerivativeData() {
        return this == MARK_PRICE || this == INDEX_PRICE || this == FUNDING_RATE;
    }

    /** Whether this kind belongs to market-by-order (L3) data. */
    public boolean isL3() {
        return code >= ORDER_ADD.code && code <= ORDER_EXECUTE.code;
    }

    /**
     * The kind for a column code.
     *
     * @throws IllegalArgumentException for a code that names no kind
     */
    public static EventKind fromCode(byte code) {
        if (code <= 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("event kind code " + code + " names no kind: expected 1.."
                    + (BY_CODE.length - 1));
        }
        return BY_CODE[code];
    }
}
