package io.qtrade.core.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import io.qtrade.core.market.EventKind;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Mark price, index price and funding rate rows leave L2 and L3 books exactly as they were. */
class DerivativeRowsTest {

    static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);

    @Test
    void derivativeRowsInterleavedGiveTheSameL2AndL3Books() {
        SplittableRandom rnd = new SplittableRandom(5);
        EventBatch plain = new EventBatch(4_000);
        EventBatch mixed = new EventBatch(8_000);
        long id = 1;
        for (int k = 0; k < 1_000; k++) {
            long t = 1_000L * k;
            Side side = rnd.nextBoolean() ? Side.BUY : Side.SELL;
            double price = side == Side.BUY ? 99.0 + rnd.nextInt(90) * 0.01 : 100.01 + rnd.nextInt(90) * 0.01;
            double qty = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(9);
            plain.addDepth(0, t, t, side, price, qty);
            mixed.addDepth(0, t, t, side, price, qty);
            double orderQty = 1 + rnd.nextInt(5);
            plain.add(0, t, t, EventKind.ORDER_ADD, side.code(), price, orderQty, id);
            mixed.add(0, t, t, EventKind.ORDER_ADD, side.code(), price, orderQty, id);
            id++;
            mixed.add(0, t, t, EventKind.MARK_PRICE, (byte) 0, 100.0 + rnd.nextGaussian(), 0, EventBatch.NO_ORDER_ID);
            mixed.add(0, t, t, EventKind.INDEX_PRICE, (byte) 0, 100.0 + rnd.nextGaussian(), 0, EventBatch.NO_ORDER_ID);
            mixed.add(0, t, t, EventKind.FUNDING_RATE, (byte) 0, 0.0001, 0, t + 8_000_000L);
        }
        OrderBook a = new OrderBook(AAA);
        OrderBook b = new OrderBook(AAA);
        MboBook la = new MboBook(AAA);
        MboBook lb = new MboBook(AAA);
        EventCursor c = new EventCursor().reset(plain);
        while (c.next()) {
            if (c.kind() == EventKind.ORDER_ADD) {
                la.apply(c);
            } else {
                a.apply(c);
            }
        }
        c.reset(mixed);
        while (c.next()) {
            if (c.kind() == EventKind.ORDER_ADD) {
                lb.apply(c);
            } else if (c.kind() == EventKind.DEPTH_UPDATE) {
                b.apply(c);
            } else {
                b.apply(c);
                lb.apply(c);
            }
        }
        assertThat(levels(b, Side.BUY)).isEqualTo(levels(a, Side.BUY));
        assertThat(levels(b, Side.SELL)).isEqualTo(levels(a, Side.SELL));
        assertThat(la.levels().bestBid()).isEqualTo(lb.levels().bestBid());
        assertThat(la.levels().bestAsk()).isEqualTo(lb.levels().bestAsk());
        assertThat(la.levels().qtyAt(Side.BUY, la.levels().bestBidTicks()))
                .isEqualTo(lb.levels().qtyAt(Side.BUY, lb.levels().bestBidTicks()));
        assertThat(la.orderCount()).isEqualTo(lb.orderCount()).isEqualTo(1_000);
    }

    private static String levels(OrderBook book, Side side) {
        long[] p = new long[200];
        double[] q = new double[200];
        int n = book.depth(side, p, q, 200);
        return Arrays.toString(Arrays.copyOf(p, n)) + Arrays.toString(Arrays.copyOf(q, n));
    }
}
