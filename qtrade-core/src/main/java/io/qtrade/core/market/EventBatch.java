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
 *
 * <p>Two bulk paths for sources that move many rows at once. {@link #append} lets a column-wise decoder (a Parquet
 * page) write rows straight into the columns and checks them all in one branch-free pass, with one capacity check:
 * the same rows, and the same refusals with the same messages, as {@code add} row by row, at a fraction of the cost.
 * {@link #addMerged} appends the stable time merge of two batches whose rows were checked when they entered them.
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
    private final Columns columns = new Columns(this);
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

    /**
     * The batch's column arrays, handed to a {@link ColumnWriter} for a bulk append ({@link #append(int,
     * ColumnWriter)}): the writer fills rows {@code [at, at + rows)} in place, with no call and no check per row. One
     * instance per batch, made with it. A writer must not write rows below {@code at} (they are the batch's) nor
     * keep the arrays after its call returns.
     */
    public static final class Columns {
        private final EventBatch batch;

        private Columns(EventBatch batch) {
            this.batch = batch;
        }

        /** Instrument indices, non-negative. */
        public int[] instrument() {
            return batch.instrument;
        }

        /** Venue timestamps, epoch nanoseconds. */
        public long[] exchTs() {
            return batch.exchTs;
        }

        /** Local receive timestamps, epoch nanoseconds. */
        public long[] localTs() {
            return batch.localTs;
        }

        /** {@link EventKind#code()} of each row. */
        public byte[] kind() {
            return batch.kind;
        }

        /** {@link Side#code()} of each row, or {@link Side#NO_SIDE_CODE}. */
        public byte[] side() {
            return batch.side;
        }

        /** Prices (ignored for kinds without one, {@link EventKind#hasPrice()}). */
        public double[] price() {
            return batch.price;
        }

        /** Quantities, finite and non-negative. */
        public double[] qty() {
            return batch.qty;
        }

        /** Venue order ids of L3 rows, {@link #NO_ORDER_ID} otherwise. */
        public long[] orderId() {
            return batch.orderId;
        }

        /** {@link EventFlags} bits. */
        public int[] flags() {
            return batch.flags;
        }
    }

    /**
     * Fills rows of a batch straight into its columns, for a source that decodes column by column (a Parquet page
     * into the batch's arrays) instead of calling {@link #add} per row.
     */
    public interface ColumnWriter {

        /**
         * Writes up to {@code rows} rows into {@code columns} at {@code [at, at + rows)}, every column of each
         * row, and says how many it wrote (rows {@code [at, at + written)}).
         *
         * @return the rows written, {@code 0..rows}
         */
        int write(Columns columns, int at, int rows);

        /**
         * Called when row {@code row} of the rows just written fails the batch's check ({@code why} names the row
         * and the field): the writer may rewrite rows {@code [at, at + written)} (drop or repair rows, moving the
         * rest down) and return how many rows are left, which are checked again; or throw. The default throws
         * {@code why}.
         *
         * @return the rows left at {@code [at, at + return)}, {@code 0..written}
         */
        default int refused(Columns columns, int at, int written, int row, IllegalArgumentException why) {
            throw why;
        }
    }

    /**
     * Appends up to {@code rows} rows written straight into the columns by {@code writer}, then checks every written
     * row as {@link #add} does (a known kind code, side {@code -1..1} and present where the kind needs one, finite
     * non-negative quantity, finite price where the kind has one, an order id on L3 kinds, a non-negative
     * instrument index) in one pass over the columns, with one capacity check for all of them. The rows count only
     * when all pass: a refused row goes to {@link ColumnWriter#refused} and, if the writer gives up, nothing is
     * appended. The rows are the same as {@code add} called row by row with the same values.
     *
     * @param rows   the most rows the writer may write, at most {@code capacity() - size()}
     * @param writer fills the rows
     * @return the rows appended
     * @throws IllegalStateException    when fewer than {@code rows} rows are free, or the writer claims more rows
     *                                  than it was given
     * @throws IllegalArgumentException when a written row is invalid and the writer does not drop it; the message
     *                                  names the row (its index in the batch and its {@code exchTs}) and the field
     */
    public int append(int rows, ColumnWriter writer) {
        if (rows < 0 || rows > capacity - size) {
            throw new IllegalStateException("event batch has room for " + (capacity - size) + " more rows (capacity "
                    + capacity + "), " + rows + " were asked for");
        }
        int at = size;
        int written = writer.write(columns, at, rows);
        // Each refusal must leave the writer a row fewer or a row repaired: more refusals than rows is a writer
        // that neither drops nor repairs, refused for good.
        for (int refusals = 0; ; refusals++) {
            if (written < 0 || written > rows) {
                throw new IllegalStateException(writer + " wrote " + written + " rows, it was given " + rows);
            }
            int bad = firstInvalid(at, at + written);
            if (bad < 0) {
                size = at + written;
                return written;
            }
            IllegalArgumentException why = new IllegalArgumentException(invalid(bad));
            if (refusals > written) {
                throw why;
            }
            rows = written;
            written = writer.refused(columns, at, written, bad, why);
        }
    }

    /** Rules by kind code (the byte as unsigned): {@link #KNOWN}, {@link #PRICED}, {@link #SIDED}, {@link #L3}. */
    private static final byte[] RULES = new byte[256];
    private static final int KNOWN = 1;
    private static final int PRICED = 2;
    private static final int SIDED = 4;
    private static final int L3 = 8;
    private static final long EXPONENT = 0x7FF0000000000000L;

    static {
        for (EventKind k : EventKind.values()) {
            RULES[k.code() & 0xFF] = (byte) (KNOWN | (k.hasPrice() ? PRICED : 0)
                    | (k == EventKind.DEPTH_UPDATE || k == EventKind.BBO || k == EventKind.ORDER_ADD ? SIDED : 0)
                    | (k.isL3() ? L3 : 0));
        }
    }

    /**
     * The first row of {@code [from, to)} that {@link #add} would refuse, or -1: one branch-free pass (the row's
     * rules looked up by kind code, every check combined with {@code &}), then a search for the row only when the
     * pass found one.
     */
    private int firstInvalid(int from, int to) {
        if (!allValid(from, to)) {
            for (int i = from; i < to; i++) {
                if (!allValid(i, i + 1)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private boolean allValid(int from, int to) {
        byte[] kinds = kind;
        byte[] sides = side;
        double[] qtys = qty;
        double[] prices = price;
        long[] ids = orderId;
        int[] instruments = instrument;
        boolean ok = true;
        for (int i = from; i < to; i++) {
            int rule = RULES[kinds[i] & 0xFF];
            int s = sides[i];
            double q = qtys[i];
            long priceExponent = Double.doubleToRawLongBits(prices[i]) & EXPONENT;
            ok &= (rule != 0) & (s >= -1) & (s <= 1) & (q >= 0) & (q != Double.POSITIVE_INFINITY)
                    & (((rule & PRICED) == 0) | (priceExponent != EXPONENT))
                    & (((rule & SIDED) == 0) | (s != 0))
                    & (((rule & L3) == 0) | (ids[i] != NO_ORDER_ID))
                    & (instruments[i] >= 0);
        }
        return ok;
    }

    /** What {@link #add} would have said of row {@code i} (not yet counted in {@link #size}). */
    private String invalid(int i) {
        String where = "event row " + i + " (exchTs " + exchTs[i] + "): ";
        int code = kind[i];
        if (RULES[code & 0xFF] == 0) {
            return where + "event kind code " + code + " names no kind: expected 1.." + EventKind.FUNDING_RATE.code();
        }
        EventKind k = EventKind.fromCode(kind[i]);
        if (instrument[i] < 0) {
            return where + "instrument index must be >= 0, was " + instrument[i];
        }
        if (!(qty[i] >= 0) || qty[i] == Double.POSITIVE_INFINITY) {
            return where + k + " qty must be finite and >= 0, was " + qty[i];
        }
        if (k.hasPrice() && !Double.isFinite(price[i])) {
            return where + k + " price must be finite, was " + price[i];
        }
        if (side[i] < -1 || side[i] > 1) {
            return where + "side code must be -1, 0 or 1, was " + side[i];
        }
        if (side[i] == Side.NO_SIDE_CODE && (RULES[code & 0xFF] & SIDED) != 0) {
            return where + k + " needs a side (1 buy or -1 sell), was 0";
        }
        return where + k + " needs an order id, was " + NO_ORDER_ID;
    }

    /**
     * Appends the rows of {@code a} from row {@code aRow} and of {@code b} from row {@code bRow} merged by the
     * timestamp {@code key} selects, until this batch is full or one of the two has no rows left: a stable two-way
     * merge (rows of one batch keep their order; on equal timestamps {@code a}'s row goes first), with
     * {@code aInstrumentOffset} / {@code bInstrumentOffset} added to the instrument indices (as
     * {@link #addFrom}). Both inputs must each be in {@code key} order (the caller checks that); their rows were
     * checked when they entered them and are copied as they are. The same rows as {@code addFrom} called in the
     * merged order, without its per-row call, capacity check and branch on the source.
     *
     * @return the rows taken from {@code a}; the rows taken from {@code b} are the growth of {@link #size()} less
     *         that
     * @throws IndexOutOfBoundsException when a start row is outside {@code [0, size]} of its batch
     */
    public int addMerged(TimeKey key, EventBatch a, int aRow, int aInstrumentOffset, EventBatch b, int bRow,
                         int bInstrumentOffset) {
        if (aRow < 0 || aRow > a.size || bRow < 0 || bRow > b.size) {
            throw new IndexOutOfBoundsException("start rows " + aRow + " and " + bRow + " are not within the " + a.size
                    + " and " + b.size + " rows of the batches merged");
        }
        if (a == this || b == this) {
            throw new IllegalArgumentException("a batch cannot be merged into itself");
        }
        long[] aTs = key == TimeKey.EXCH ? a.exchTs : a.localTs;
        long[] bTs = key == TimeKey.EXCH ? b.exchTs : b.localTs;
        int[] aInstrument = a.instrument;
        int[] bInstrument = b.instrument;
        long[] aLocal = a.localTs;
        long[] bLocal = b.localTs;
        byte[] aKind = a.kind;
        byte[] bKind = b.kind;
        byte[] aSide = a.side;
        byte[] bSide = b.side;
        double[] aPrice = a.price;
        double[] bPrice = b.price;
        double[] aQty = a.qty;
        double[] bQty = b.qty;
        long[] aId = a.orderId;
        long[] bId = b.orderId;
        int[] aFlags = a.flags;
        int[] bFlags = b.flags;
        boolean exch = key == TimeKey.EXCH;
        int i = aRow;
        int j = bRow;
        int o = size;
        int end = capacity;
        int aEnd = a.size;
        int bEnd = b.size;
        while (o < end && i < aEnd && j < bEnd) {
            // Which batch goes next is as good as random with interleaved instruments: the row of each is read and
            // one chosen by a mask (all ones for b), with no branch to mispredict and no select the compiler could
            // turn into one (a select of doubles is a branch on x86).
            long ta = aTs[i];
            long tb = bTs[j];
            int fromB = tb < ta ? 1 : 0;
            int m = -fromB;
            long lm = m;
            long exA = exch ? ta : a.exchTs[i];
            long exB = exch ? tb : b.exchTs[j];
            exchTs[o] = exA ^ ((exA ^ exB) & lm);
            int inA = aInstrument[i] + aInstrumentOffset;
            instrument[o] = inA ^ ((inA ^ (bInstrument[j] + bInstrumentOffset)) & m);
            long x = aLocal[i];
            localTs[o] = x ^ ((x ^ bLocal[j]) & lm);
            int k = aKind[i];
            kind[o] = (byte) (k ^ ((k ^ bKind[j]) & m));
            k = aSide[i];
            side[o] = (byte) (k ^ ((k ^ bSide[j]) & m));
            x = Double.doubleToRawLongBits(aPrice[i]);
            price[o] = Double.longBitsToDouble(x ^ ((x ^ Double.doubleToRawLongBits(bPrice[j])) & lm));
            x = Double.doubleToRawLongBits(aQty[i]);
            qty[o] = Double.longBitsToDouble(x ^ ((x ^ Double.doubleToRawLongBits(bQty[j])) & lm));
            x = aId[i];
            orderId[o] = x ^ ((x ^ bId[j]) & lm);
            k = aFlags[i];
            flags[o] = k ^ ((k ^ bFlags[j]) & m);
            j += fromB;
            i += 1 - fromB;
            o++;
        }
        size = o;
        return i - aRow;
    }

    /**
     * {@link #addRange(EventBatch, int, int)} with {@code instrumentOffset} added to each row's instrument index (as
     * {@link #addFrom}): rows of one source appended to a batch over several sources' instruments.
     *
     * @throws IndexOutOfBoundsException when the range is not within {@code [0, from.size())}, naming it
     * @throws IllegalStateException     when this batch has room for fewer than {@code rows} more rows
     */
    public void addRange(EventBatch from, int fromRow, int rows, int instrumentOffset) {
        int at = size;
        addRange(from, fromRow, rows);
        if (instrumentOffset != 0) {
            int[] ids = instrument;
            for (int i = at, end = at + rows; i < end; i++) {
                ids[i] += instrumentOffset;
            }
        }
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
