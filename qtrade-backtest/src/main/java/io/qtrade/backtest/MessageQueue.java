package io.qtrade.backtest;

import io.qtrade.core.order.Liquidity;
import io.qtrade.core.order.OrderStatus;

import java.util.Arrays;

/**
 * Order messages in flight, earliest first: requests on their way to a venue and responses on their way back. A
 * binary heap of slot indices over primitive columns, keyed by {@code (time, sequence)}: messages due at the same
 * time leave in the order they were sent, so a run is deterministic. Allocation-free once grown.
 */
final class MessageQueue {

    static final byte NEW = 1;
    static final byte CANCEL = 2;
    static final byte ACK = 3;
    static final byte FILL = 4;
    static final byte END = 5;
    static final byte CANCEL_REJECT = 6;

    private static final OrderStatus[] STATUSES = OrderStatus.values();
    private static final Liquidity[] LIQUIDITIES = Liquidity.values();

    private long[] time = new long[64];
    private long[] seq = new long[64];
    private byte[] kind = new byte[64];
    private int[] strategy = new int[64];
    private int[] instrument = new int[64];
    private long[] orderId = new long[64];
    private long[] exchTs = new long[64];
    private double[] price = new double[64];
    private double[] qty = new double[64];
    private double[] fee = new double[64];
    private byte[] code = new byte[64];
    private String[] reason = new String[64];

    private int[] heap = new int[64];
    private int size;
    private int[] free = new int[64];
    private int freeCount;
    private int used;
    private long nextSeq;

    /** The slot of the message at the head, after {@link #poll()}. */
    private int head = -1;

    int size() {
        return size;
    }

    long peekTime() {
        return size == 0 ? Long.MAX_VALUE : time[heap[0]];
    }

    /** Adds a message due at {@code at}; its fields are set through the returned slot's setters. */
    int add(long at, byte messageKind, int strategyIndex, int instrumentIndex, long id, long venueTs) {
        int s = allocate();
        time[s] = at;
        seq[s] = nextSeq++;
        kind[s] = messageKind;
        strategy[s] = strategyIndex;
        instrument[s] = instrumentIndex;
        orderId[s] = id;
        exchTs[s] = venueTs;
        price[s] = Double.NaN;
        qty[s] = 0.0;
        fee[s] = 0.0;
        code[s] = 0;
        reason[s] = "";
        int i = size++;
        heap[i] = s;
        siftUp(i);
        return s;
    }

    void setFill(int s, double fillPrice, double fillQty, double fillFee, Liquidity liquidity) {
        price[s] = fillPrice;
        qty[s] = fillQty;
        fee[s] = fillFee;
        code[s] = (byte) liquidity.ordinal();
    }

    void setAck(int s, double qtyAhead, double arrivalMid) {
        qty[s] = qtyAhead;
        price[s] = arrivalMid;
    }

    void setEnd(int s, OrderStatus status, String why) {
        code[s] = (byte) status.ordinal();
        reason[s] = why;
    }

    void setReason(int s, String why) {
        reason[s] = why;
    }

    /** Removes the head; read it with the {@code head*} accessors until the next poll. */
    void poll() {
        if (head >= 0) {
            reason[head] = null;
            free[freeCount++] = head;
        }
        head = heap[0];
        size--;
        if (size > 0) {
            heap[0] = heap[size];
            siftDown(0);
        }
    }

    long headTime() {
        return time[head];
    }

    byte headKind() {
        return kind[head];
    }

    int headStrategy() {
        return strategy[head];
    }

    int headInstrument() {
        return instrument[head];
    }

    long headOrderId() {
        return orderId[head];
    }

    long headExchTs() {
        return exchTs[head];
    }

    double headPrice() {
        return price[head];
    }

    double headQty() {
        return qty[head];
    }

    double headFee() {
        return fee[head];
    }

    Liquidity headLiquidity() {
        return LIQUIDITIES[code[head]];
    }

    OrderStatus headStatus() {
        return STATUSES[code[head]];
    }

    String headReason() {
        return reason[head];
    }

    private int allocate() {
        if (freeCount > 0) {
            return free[--freeCount];
        }
        if (used == time.length) {
            int capacity = used * 2;
            time = Arrays.copyOf(time, capacity);
            seq = Arrays.copyOf(seq, capacity);
            kind = Arrays.copyOf(kind, capacity);
            strategy = Arrays.copyOf(strategy, capacity);
            instrument = Arrays.copyOf(instrument, capacity);
            orderId = Arrays.copyOf(orderId, capacity);
            exchTs = Arrays.copyOf(exchTs, capacity);
            price = Arrays.copyOf(price, capacity);
            qty = Arrays.copyOf(qty, capacity);
            fee = Arrays.copyOf(fee, capacity);
            code = Arrays.copyOf(code, capacity);
            reason = Arrays.copyOf(reason, capacity);
            heap = Arrays.copyOf(heap, capacity);
            free = Arrays.copyOf(free, capacity);
        }
        return used++;
    }

    private boolean before(int a, int b) {
        return time[a] < time[b] || (time[a] == time[b] && seq[a] < seq[b]);
    }

    private void siftUp(int i) {
        int s = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(s, heap[parent])) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = s;
    }

    private void siftDown(int i) {
        int s = heap[i];
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                break;
            }
            int child = left + 1 < size && before(heap[left + 1], heap[left]) ? left + 1 : left;
            if (!before(heap[child], s)) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = s;
    }
}
