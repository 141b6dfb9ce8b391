package io.qtrade.core.market;

import io.qtrade.core.Side;

import java.util.Arrays;

/**
 * A batch of market events held column by column in primitive arrays: no object per event.
 *
 * <p>Columns: {@code instrument} (int index into the source's instrument list), {@code exchTs} and {@code localTs}
 * (epoch nanoseconds, UTC), {@code kind} and {@code side} (byte codes of {@link EventKind} and
 * {@link Side#code()}), {@code price}, {@code qty}, {@code orderId} and {@code flags} (bits of {@link EventFlags}).
 * Rows are read by index or through an {@link EventCursor}. A batch is reused: {@link #clear()} and fill it again;
 * it never grows past its capacity.
 *
 * <p>{@link #add} checks every row once, at the edge: a non-finite or negative quantity, a non-finite price on a
 * kind that has one, a depth, quote or L3 add row without a side, an L3 row without an order id, or a negative
 * instrument index is refused with a message naming the row and the field. (Whether an index is in range depends on
 * the source's instrument list: {@link InMemoryEventSource} and {@link MergedEventSource} check that.) Downstream
 * consumers trust the batch.
 */
public final class EventBatch {

    /** The order id of an event that is not market-by-order. */
    public static final long NO_ORDER_ID = 0L;

    private final int capacity;
    // The columns are package-private for EventCursor, which reads only rows it has already bounds-checked.
    final int[] instrument;
    final long[] exchTs;
    final long[] localTs;
    final byte[] kind;
    final byte[] side;
    final double[] price;
    final double[] qty;
    final long[] orderId;
    final int[] flags;
    private int size;

    /** @param capacity the most rows the batch holds, positive */
    public EventBatch(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.capacity = capacity;
        this.instrument = new int[capacity];
        this.exchTs = new long[capacity];
        this.localTs = new long[capacity];
        this.kind = new byte[capacity];
        this.side = new byte[capacity];
        this.price = new double[capacity];
        this.qty = new double[capacity];
        this.orderId = new long[capacity];
        this.flags = new int[capacity];
    }

    public int capacity() {
        return capacity;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public boolean isFull() {
        return size == capacity;
    }

    /** Forgets every row; the arrays are kept. */
    public void clear() {
        size = 0;
    }

    /**
     * Appends one row.
     *
     * @param instrument index of the instrument in the source's list, non-negative
     * @param exchTs     venue timestamp, epoch nanoseconds
     * @param localTs    local receive timestamp, epoch nanoseconds
     * @param kind       what the event says
     * @param sideCode   {@code +1}, {@code -1} or {@link Side#NO_SIDE_CODE} (not for depth, BBO and L3 add rows)
     * @param price      price for kinds that have one ({@link EventKind#hasPrice()}), otherwise ignored
     * @param qty        quantity, finite and non-negative
     * @param orderId    venue order id for L3 kinds (never {@link #NO_ORDER_ID}), otherwise {@link #NO_ORDER_ID}
     * @throws IllegalStateException    when the batch is full
     * @throws IllegalArgumentException when a field is invalid; the message names the row and the field
     */
    public void add(int instrument, long exchTs, long localTs, EventKind kind, byte sideCode,
                    double price, double qty, long orderId) {
        add(instrument, exchTs, localTs, kind, sideCode, price, qty, orderId, EventFlags.NONE);
    }

    /**
     * Appends one row with {@link EventFlags} bits; the other fields as in
     * {@link #add(int, long, long, EventKind, byte, double, double, long)}.
     */
    public void add(int instrument, long exchTs, long localTs, EventKind kind, byte sideCode,
                    double price, double qty, long orderId, int flags) {
        if (size == capacity) {
            throw new IllegalStateException("event batch is full (capacity " + capacity + ")");
        }
        if (instrument < 0) {
            throw new IllegalArgumentException(where(exchTs) + "instrument index must be >= 0, was " + instrument);
        }
        if (!(qty >= 0) || qty == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(where(exchTs) + kind + " qty must be finite and >= 0, was " + qty);
        }
        if (kind.hasPrice() && !Double.isFinite(price)) {
            throw new IllegalArgumentException(where(exchTs) + kind + " price must be finite, was " + price);
        }
        if (sideCode < -1 || sideCode > 1) {
            throw new IllegalArgumentException(where(exchTs) + "side code must be -1, 0 or 1, was " + sideCode);
        }
        if (sideCode == Side.NO_SIDE_CODE
                && (kind == EventKind.DEPTH_UPDATE || kind == EventKind.BBO || kind == EventKind.ORDER_ADD)) {
            throw new IllegalArgumentException(where(exchTs) + kind + " needs a side (1 buy or -1 sell), was 0");
        }
        if (kind.isL3() && orderId == NO_ORDER_ID) {
            throw new IllegalArgumentException(where(exchTs) + kind + " needs an order id, was " + NO_ORDER_ID);
        }
        int i = size++;
        this.instrument[i] = instrument;
        this.exchTs[i] = exchTs;
        this.localTs[i] = localTs;
        this.kind[i] = kind.code();
        this.side[i] = sideCode;
        this.price[i] = price;
        this.qty[i] = qty;
        this.orderId[i] = orderId;
        this.flags[i] = flags;
    }

    /** Appends an L2 depth update: the level at {@code price} on {@code side} now holds {@code qty} (0 removes it). */
    public void addDepth(int instrument, long exchTs, long localTs, Side side, double price, double qty) {
        add(instrument, exchTs, localTs, EventKind.DEPTH_UPDATE, side.code(), price, qty, NO_ORDER_ID);
    }

    /** Appends a trade; {@code aggressor} may be {@code null} when the venue does not say. */
    public void addTrade(int instrument, long exchTs, long localTs, Side aggressor, double price, double qty) {
        add(instrument, exchTs, localTs, EventKind.TRADE, aggressor == null ? Side.NO_SIDE_CODE : aggressor.code(),
                price, qty, NO_ORDER_ID);
    }

    /** Copies row {@code row} of {@code from} to the end of this batch, adding {@code instrumentOffset}. */
    public void addFrom(EventBatch from, int row, int instrumentOffset) {
        if (size == capacity) {
            throw new IllegalStateException("event batch is full (capacity " + capacity + ")");
        }
        int i = size++;
        instrument[i] = from.instrument[row] + instrumentOffset;
        exchTs[i] = from.exchTs[row];
        localTs[i] = from.localTs[row];
        kind[i] = from.kind[row];
        side[i] = from.side[row];
        price[i] = from.price[row];
        qty[i] = from.qty[row];
        orderId[i] = from.orderId[row];
        flags[i] = from.flags[row];
    }

    /**
     * Copies rows {@code [fromRow, fromRow + rows)} of {@code from} to the end of this batch, column by column (one
     * {@link System#arraycopy} per column): the same rows as {@code rows} calls of {@code addFrom(from, row, 0)}, at a
     * fraction of the cost, for sources that stream an in-memory batch.
     *
     * @throws IndexOutOfBoundsException when the range is not within {@code [0, from.size())}, naming it
     * @throws IllegalStateException     when this batch has room for fewer than {@code rows} more rows
     */
    public void addRange(EventBatch from, int fromRow, int rows) {
        if (fromRow < 0 || rows < 0 || fromRow > from.size - rows) {
            throw new IndexOutOfBoundsException("rows [" + fromRow + ", " + ((long) fromRow + rows)
                    + ") are not within the " + from.size + " rows of the source batch");
        }
        if (rows > capacity - size) {
            throw new IllegalStateException("event batch has room for " + (capacity - size) + " more rows (capacity "
                    + capacity + "), " + rows + " were added");
        }
        int at = size;
        System.arraycopy(from.instrument, fromRow, instrument, at, rows);
        System.arraycopy(from.exchTs, fromRow, exchTs, at, rows);
        System.arraycopy(from.localTs, fromRow, localTs, at, rows);
        System.arraycopy(from.kind, fromRow, kind, at, rows);
        System.arraycopy(from.side, fromRow, side, at, rows);
        System.arraycopy(from.price, fromRow, price, at, rows);
        System.arraycopy(from.qty, fromRow, qty, at, rows);
        System.arraycopy(from.orderId, fromRow, orderId, at, rows);
        System.arraycopy(from.flags, fromRow, flags, at, rows);
        size = at + rows;
    }

    public int instrument(int row) {
        return instrument[check(row)];
    }

    public long exchTs(int row) {
        return exchTs[check(row)];
    }

    public long localTs(int row) {
        return localTs[check(row)];
    }

    public EventKind kind(int row) {
        return EventKind.fromCode(kind[check(row)]);
    }

    public byte kindCode(int row) {
        return kind[check(row)];
    }

    public byte sideCode(int row) {
        return side[check(row)];
    }

    public double price(int row) {
        return price[check(row)];
    }

    public double qty(int row) {
        return qty[check(row)];
    }

    public long orderId(int row) {
        return orderId[check(row)];
    }

    /** The row's {@link EventFlags} bits. */
    public int flags(int row) {
        return flags[check(row)];
    }

    /** The timestamp {@code key} selects for {@code row}. */
    public long timestamp(TimeKey key, int row) {
        return key == TimeKey.EXCH ? exchTs(row) : localTs(row);
    }

    private int check(int row) {
        if (row < 0 || row >= size) {
            throw new IndexOutOfBoundsException("row " + row + " outside batch of size " + size);
        }
        return row;
    }

    private String where(long ts) {
        return "event row " + size + " (exchTs " + ts + "): ";
    }

    @Override
    public String toString() {
        return "EventBatch[size=" + size + ", capacity=" + capacity + "]";
    }

    /** Row-by-row equality of the filled rows, for tests and determinism checks. */
    public boolean contentEquals(EventBatch other) {
        if (other.size != size) {
            return false;
        }
        return Arrays.equals(instrument, 0, size, other.instrument, 0, size)
                && Arrays.equals(exchTs, 0, size, other.exchTs, 0, size)
                && Arrays.equals(localTs, 0, size, other.localTs, 0, size)
                && Arrays.equals(kind, 0, size, other.kind, 0, size)
                && Arrays.equals(side, 0, size, other.side, 0, size)
                && Arrays.equals(price, 0, size, other.price, 0, size)
                && Arrays.equals(qty, 0, size, other.qty, 0, size)
                && Arrays.equals(orderId, 0, size, other.orderId, 0, size)
                && Arrays.equals(flags, 0, size, other.flags, 0, size);
    }
}
