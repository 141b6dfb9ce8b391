package io.qtrade.core;

/**
 * The side of an order, a book level or a trade's aggressor.
 *
 * <p>{@link #BUY} is the bid side of a book, {@link #SELL} the ask side. In columnar storage a side is the byte
 * {@link #code()}: {@code +1} buy, {@code -1} sell, and {@link #NO_SIDE_CODE} ({@code 0}) where a feed gives no
 * side (a trade whose aggressor is unknown, a book clear of both sides).
 */
public enum Side {
    BUY((byte) 1),
    SELL((byte) -1);

    /** The column code of an event without a side. */
    public static final byte NO_SIDE_CODE = 0;

    private final byte code;

    Side(byte code) {
        this.code = code;
    }

    /** {@code +1} for buy, {@code -1} for sell: the sign of the position change a fill on this side makes. */
    public int sign() {
        return code;
    }

    /** The byte stored in an event column. */
    public byte code() {
        return code;
    }

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }

    /**
     * The side for a column code.
     *
     * @throws IllegalArgumentException for {@link #NO_SIDE_CODE} or any code other than {@code +1}/{@code -1}
     */
    public static Side fromCode(byte code) {
        if (code == 1) {
            return BUY;
        }
        if (code == -1) {
            return SELL;
        }
        throw new IllegalArgumentException("side code " + code + " is not a side: expected 1 (buy) or -1 (sell)");
    }
}
