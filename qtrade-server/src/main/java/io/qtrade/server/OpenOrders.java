package io.qtrade.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The open orders by order id, as a primitive-keyed hash table (open addressing, linear probing, deletion by backward
 * shift: Knuth, The Art of Computer Programming vol. 3, 6.4, Algorithm R), so that the hub's per-order-update lookup
 * boxes nothing and allocates nothing once the table has grown. Not thread-safe: {@link LiveState} guards it.
 */
final class OpenOrders {

    private long[] keys = new long[64];
    private LiveState.OrderState[] values = new LiveState.OrderState[64];
    private int size;

    LiveState.OrderState get(long orderId) {
        int mask = keys.length - 1;
        for (int i = slot(orderId, mask); values[i] != null; i = i + 1 & mask) {
            if (keys[i] == orderId) {
                return values[i];
            }
        }
        return null;
    }

    void put(long orderId, LiveState.OrderState order) {
        int mask = keys.length - 1;
        int i = slot(orderId, mask);
        for (; values[i] != null; i = i + 1 & mask) {
            if (keys[i] == orderId) {
                values[i] = order;
                return;
            }
        }
        keys[i] = orderId;
        values[i] = order;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    void remove(long orderId) {
        int mask = keys.length - 1;
        int i = slot(orderId, mask);
        for (; values[i] != null; i = i + 1 & mask) {
            if (keys[i] == orderId) {
                break;
            }
        }
        if (values[i] == null) {
            return;
        }
        size--;
        // Backward shift: move each later entry of the run into the hole unless its home slot lies after the hole.
        int hole = i;
        for (int j = hole + 1 & mask; values[j] != null; j = j + 1 & mask) {
            int home = slot(keys[j], mask);
            if ((j - home & mask) >= (j - hole & mask)) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        values[hole] = null;
    }

    int size() {
        return size;
    }

    /** The open orders, oldest (lowest order id) first (a new list). */
    List<LiveState.OrderState> values() {
        List<LiveState.OrderState> out = new ArrayList<>(size);
        for (LiveState.OrderState o : values) {
            if (o != null) {
                out.add(o);
            }
        }
        out.sort(Comparator.comparingLong(o -> o.orderId));
        return out;
    }

    private void grow() {
        long[] k = keys;
        LiveState.OrderState[] v = values;
        keys = new long[k.length * 2];
        values = new LiveState.OrderState[k.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < k.length; j++) {
            if (v[j] != null) {
                int i = slot(k[j], mask);
                while (values[i] != null) {
                    i = i + 1 & mask;
                }
                keys[i] = k[j];
                values[i] = v[j];
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }

    @Override
    public String toString() {
        return "OpenOrders[size=" + size + ", capacity=" + keys.length + "]";
    }
}
