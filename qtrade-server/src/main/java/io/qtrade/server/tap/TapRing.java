package io.qtrade.server.tap;

import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.Liquidity;
import io.qtrade.core.order.OrderStatus;
import io.qtrade.core.order.OrderType;
import io.qtrade.core.order.TimeInForce;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;

/**
 * A bounded single-producer single-consumer ring of events the engine thread hands to the server thread: the engine
 * writes and publishes, the server drains. The producer never blocks and never allocates: when the ring is full the
 * event is not recorded and {@link #dropped()} counts it (the consumer is too slow or gone).
 *
 * <h2>Slots: flat, and only as wide as the ring's kinds need</h2>
 * The slots are one flat {@code long[]} (doubles stored as their bits), {@link #slotLongs()} longs a slot, sized for
 * the kinds the ring carries: a trade print needs 4 longs (32 bytes, two a cache line), an order update 10 (80
 * bytes), a fill 13 (104 bytes). (A slot object holding every field of every kind took about 200 bytes, three or four
 * cache lines, each a cache miss on the engine's core once the ring is bigger than its cache: the write position
 * cycles through the whole ring.) The small enums, the side, the strategy and the instrument are packed into the
 * slot's first long. The consumer decodes each slot into one reused {@link TapEvent}, valid during the sink's call.
 *
 * <p>Ordering: the producer writes a slot, then publishes it with a release store of the head; the consumer reads
 * the head with an acquire load, so it sees every field written before the publish (Lamport's single-producer
 * single-consumer queue; Thompson et al., the LMAX Disruptor, 2011).
 *
 * <p>Cost on the producer: the head and the tail live 128 bytes apart (no false sharing between the engine's core,
 * which writes the head, and the server's, which writes the tail); the consumer moves the tail once per drained
 * batch, never writes a slot, and the producer reads the tail only when its cached copy says the ring is full. A slot
 * holds primitives only (a rejection's reason, rare, goes to a side array), so filling one stores no reference (no
 * GC write barrier slow path).
 */
public final class TapRing {

    /** Longs of a trade print's slot: meta, price, qty, localTs. */
    static final int TRADE_LONGS = 4;
    /** Longs of an order update's slot (and of an end-of-run notice, which needs 3). */
    static final int ORDER_LONGS = 10;
    /** Longs of a fill's slot. */
    static final int FILL_LONGS = 13;

    private static final OrderStatus[] STATUSES = OrderStatus.values();
    private static final Liquidity[] LIQUIDITIES = Liquidity.values();

    static {
        if (STATUSES.length > 32 || OrderType.values().length > 15 || TimeInForce.values().length > 15
                || LIQUIDITIES.length > 4 || TapEvent.Kind.values().length > 16) {
            throw new IllegalStateException("tap ring: an enum outgrew its bits in the slot's packed first long");
        }
    }

    private final long[] data;
    private final int stride;
    /**
     * A rejection's reason per slot (order-update rings only, else null): written only when there is one (or to clear
     * one), so that an ordinary update stores no reference.
     */
    private final String[] reasons;
    private final int capacity;
    private final int mask;
    /** Head at {@link #HEAD}, tail at {@link #TAIL}: 128 bytes apart and from the array's ends. */
    private final AtomicLongArray seq = new AtomicLongArray(48);
    private static final int HEAD = 16;
    private static final int TAIL = 32;
    private final AtomicLong dropped = new AtomicLong();
    private long cachedTail;
    /** The consumer's view of the slot being drained. */
    private final TapEvent view = new TapEvent();

    /**
     * A ring wide enough for every kind of event.
     *
     * @param capacity number of slots, a power of two >= 2
     */
    public TapRing(int capacity) {
        this(capacity, FILL_LONGS);
    }

    /**
     * @param capacity  number of slots, a power of two >= 2
     * @param slotLongs longs per slot: {@link #TRADE_LONGS}, {@link #ORDER_LONGS} or {@link #FILL_LONGS} (the widest
     *                  kind the ring will carry)
     */
    TapRing(int capacity, int slotLongs) {
        if (capacity < 2 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("tap ring: capacity must be a power of two >= 2, was " + capacity);
        }
        if (slotLongs != TRADE_LONGS && slotLongs != ORDER_LONGS && slotLongs != FILL_LONGS) {
            throw new IllegalArgumentException("tap ring: slotLongs must be " + TRADE_LONGS + ", " + ORDER_LONGS
                    + " or " + FILL_LONGS + ", was " + slotLongs);
        }
        this.capacity = capacity;
        this.stride = slotLongs;
        this.data = new long[capacity * slotLongs];
        this.reasons = slotLongs >= ORDER_LONGS ? new String[capacity] : null;
        this.mask = capacity - 1;
    }

    // --- producer (the engine thread) ---

    /** The next free slot's sequence, or -1 (counted as dropped) when the ring is full. */
    private long claim() {
        long h = seq.getPlain(HEAD);
        if (h - cachedTail >= capacity) {
            cachedTail = seq.getAcquire(TAIL);
            if (h - cachedTail >= capacity) {
                dropped.setRelease(dropped.get() + 1);
                return -1;
            }
        }
        return h;
    }

    private void publish(long h) {
        seq.setRelease(HEAD, h + 1);
    }

    private void require(int longs, TapEvent.Kind kind) {
        if (stride < longs) {
            throw new IllegalStateException("tap ring: slots of " + stride + " longs cannot hold a " + kind);
        }
    }

    /**
     * The slot's first long: kind (bits 0-3), side + 1 (4-5), status (6-10), order type + 1 (11-14), time in force
     * + 1 (15-18), liquidity (19-20), external (21), strategy (22-37), instrument + 1 (38-63).
     */
    static long meta(TapEvent.Kind kind, int side, int status, int orderType, int timeInForce, int liquidity,
                     boolean external, int strategy, int instrument) {
        return kind.ordinal() | (long) (side + 1) << 4 | (long) status << 6 | (long) (orderType + 1) << 11
                | (long) (timeInForce + 1) << 15 | (long) liquidity << 19 | (external ? 1L : 0L) << 21
                | (long) (strategy & 0xFFFF) << 22 | (long) (instrument + 1) << 38;
    }

    /** Publishes a trade print; false if the ring was full (counted). */
    boolean offerTrade(int strategy, int instrument, int side, double price, double qty, long localTs) {
        require(TRADE_LONGS, TapEvent.Kind.TRADE);
        long h = claim();
        if (h < 0) {
            return false;
        }
        long[] d = data;
        int b = (int) (h & mask) * stride;
        d[b] = meta(TapEvent.Kind.TRADE, side, 0, -1, -1, 0, false, strategy, instrument);
        d[b + 1] = Double.doubleToRawLongBits(price);
        d[b + 2] = Double.doubleToRawLongBits(qty);
        d[b + 3] = localTs;
        publish(h);
        return true;
    }

    /**
     * Publishes an own order's update with the order's side, price, quantity, type and time in force ({@code -1},
     * NaN when unknown); false if the ring was full (counted).
     */
    boolean offerOrderUpdate(int strategy, int instrument, ExecutionReport r, boolean external, int side,
                             double price, double qty, int orderType, int timeInForce) {
        require(ORDER_LONGS, TapEvent.Kind.ORDER_UPDATE);
        long h = claim();
        if (h < 0) {
            return false;
        }
        long[] d = data;
        int slot = (int) (h & mask);
        int b = slot * stride;
        d[b] = meta(TapEvent.Kind.ORDER_UPDATE, side, r.status().ordinal(), orderType, timeInForce, 0, external,
                strategy, instrument);
        d[b + 1] = r.orderId();
        d[b + 2] = Double.doubleToRawLongBits(r.filledQty());
        d[b + 3] = Double.doubleToRawLongBits(r.leavesQty());
        d[b + 4] = Double.doubleToRawLongBits(r.lastFillPrice());
        d[b + 5] = Double.doubleToRawLongBits(r.lastFillQty());
        d[b + 6] = Double.doubleToRawLongBits(price);
        d[b + 7] = Double.doubleToRawLongBits(qty);
        d[b + 8] = r.exchTs();
        d[b + 9] = r.localTs();
        String why = r.reason();
        if (!why.isEmpty() || reasons[slot] != null) {
            reasons[slot] = why.isEmpty() ? null : why;   // a reference stored only around a rejection
        }
        publish(h);
        return true;
    }

    /**
     * Publishes an own fill with the position and account after it and {@code publishedNanos}
     * ({@link System#nanoTime()}); false if the ring was full (counted).
     */
    boolean offerFill(int strategy, int instrument, Fill f, boolean external, double positionQty,
                      double avgEntryPrice, double realizedPnl, double fees, double cash, long publishedNanos) {
        require(FILL_LONGS, TapEvent.Kind.FILL);
        long h = claim();
        if (h < 0) {
            return false;
        }
        long[] d = data;
        int b = (int) (h & mask) * stride;
        d[b] = meta(TapEvent.Kind.FILL, f.side() == io.qtrade.core.Side.BUY ? 0 : 1, 0, -1, -1,
                f.liquidity().ordinal(), external, strategy, instrument);
        d[b + 1] = f.orderId();
        d[b + 2] = Double.doubleToRawLongBits(f.price());
        d[b + 3] = Double.doubleToRawLongBits(f.qty());
        d[b + 4] = Double.doubleToRawLongBits(f.fee());
        d[b + 5] = f.exchTs();
        d[b + 6] = f.localTs();
        d[b + 7] = Double.doubleToRawLongBits(positionQty);
        d[b + 8] = Double.doubleToRawLongBits(avgEntryPrice);
        d[b + 9] = Double.doubleToRawLongBits(realizedPnl);
        d[b + 10] = Double.doubleToRawLongBits(fees);
        d[b + 11] = Double.doubleToRawLongBits(cash);
        d[b + 12] = publishedNanos;
        publish(h);
        return true;
    }

    /** Publishes the end of a strategy's run; false if the ring was full (counted). */
    boolean offerStopped(int strategy, long localTs, long publishedNanos) {
        require(3, TapEvent.Kind.STOPPED);
        long h = claim();
        if (h < 0) {
            return false;
        }
        long[] d = data;
        int b = (int) (h & mask) * stride;
        d[b] = meta(TapEvent.Kind.STOPPED, -1, 0, -1, -1, 0, false, strategy, -1);
        d[b + 1] = localTs;
        d[b + 2] = publishedNanos;
        publish(h);
        return true;
    }

    // --- consumer (the server thread) ---

    /**
     * Consumer: hands each published event to {@code sink} in order (at most {@code max}), then frees its slot. The
     * event is one reused view, valid only during the call.
     *
     * @return how many events were drained
     */
    public int drain(Consumer<TapEvent> sink, int max) {
        long t = seq.getPlain(TAIL);
        long h = seq.getAcquire(HEAD);
        int n = 0;
        TapEvent e = view;
        try {
            while (t < h && n < max) {
                decode((int) (t & mask), e);
                t++;
                n++;
                sink.accept(e);
            }
        } finally {
            seq.setRelease(TAIL, t);
        }
        return n;
    }

    private void decode(int slot, TapEvent e) {
        long[] d = data;
        int b = slot * stride;
        long m = d[b];
        e.kind = (int) (m & 0xF);
        e.side = (int) (m >>> 4 & 0x3) - 1;
        e.status = (int) (m >>> 6 & 0x1F);
        e.orderType = (int) (m >>> 11 & 0xF) - 1;
        e.timeInForce = (int) (m >>> 15 & 0xF) - 1;
        e.liquidity = (int) (m >>> 19 & 0x3);
        e.external = (m >>> 21 & 1) != 0;
        e.strategy = (int) (m >>> 22 & 0xFFFF);
        e.instrument = (int) (m >>> 38) - 1;
        e.reason = null;
        switch (e.kind) {
            case 0 -> {   // TRADE
                e.price = Double.longBitsToDouble(d[b + 1]);
                e.qty = Double.longBitsToDouble(d[b + 2]);
                e.localTs = d[b + 3];
                e.publishedNanos = 0;
            }
            case 1 -> {   // ORDER_UPDATE
                e.orderId = d[b + 1];
                e.filledQty = Double.longBitsToDouble(d[b + 2]);
                e.leavesQty = Double.longBitsToDouble(d[b + 3]);
                e.lastFillPrice = Double.longBitsToDouble(d[b + 4]);
                e.lastFillQty = Double.longBitsToDouble(d[b + 5]);
                e.price = Double.longBitsToDouble(d[b + 6]);
                e.qty = Double.longBitsToDouble(d[b + 7]);
                e.exchTs = d[b + 8];
                e.localTs = d[b + 9];
                String why = reasons[slot];
                e.reason = why == null ? ExecutionReport.NO_REASON : why;
                e.publishedNanos = 0;
            }
            case 2 -> {   // FILL
                e.orderId = d[b + 1];
                e.price = Double.longBitsToDouble(d[b + 2]);
                e.qty = Double.longBitsToDouble(d[b + 3]);
                e.fee = Double.longBitsToDouble(d[b + 4]);
                e.exchTs = d[b + 5];
                e.localTs = d[b + 6];
                e.positionQty = Double.longBitsToDouble(d[b + 7]);
                e.avgEntryPrice = Double.longBitsToDouble(d[b + 8]);
                e.realizedPnl = Double.longBitsToDouble(d[b + 9]);
                e.fees = Double.longBitsToDouble(d[b + 10]);
                e.cash = Double.longBitsToDouble(d[b + 11]);
                e.publishedNanos = d[b + 12];
            }
            default -> {   // STOPPED
                e.localTs = d[b + 1];
                e.publishedNanos = d[b + 2];
            }
        }
    }

    /** Events not recorded because the ring was full. */
    public long dropped() {
        return dropped.getAcquire();
    }

    /** Events published so far. */
    public long published() {
        return seq.getAcquire(HEAD);
    }

    /** Number of slots. */
    public int capacity() {
        return capacity;
    }

    /** Longs per slot (8 bytes each). */
    public int slotLongs() {
        return stride;
    }

    @Override
    public String toString() {
        return "TapRing[capacity=" + capacity + ", slotBytes=" + stride * 8 + ", published=" + published()
                + ", dropped=" + dropped() + "]";
    }
}
