package io.qtrade.features.flow;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBook;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class QueueImbalanceTest {

    private final Instrument instrument = Instrument.spot("Q", "SYN", 0.01, 1);

    /**
     * Bid 99.99 x 30, ask 100.01 x 10 (Stoikov 2018): I = 30 / 40 = 0.75, rho = 20 / 40 = 0.5,
     * weighted mid = 0.75 * 100.01 + 0.25 * 99.99 = 75.0075 + 24.9975 = 100.005.
     */
    @Test
    void handComputedImbalanceAndWeightedMid() {
        OrderBook book = new OrderBook(instrument);
        book.update(Side.BUY, 9999, 30);
        book.update(Side.SELL, 10001, 10);
        assertThat(QueueImbalance.imbalance(book)).isEqualTo(0.75);
        assertThat(QueueImbalance.signedImbalance(book)).isEqualTo(0.5);
        assertThat(QueueImbalance.weightedMid(book)).isCloseTo(100.005, within(1e-12));
        // The core book's microprice is the same size-weighted mid.
        assertThat(QueueImbalance.weightedMid(book)).isCloseTo(book.microprice(), within(1e-12));
        assertThat(BookDepth.spreadTicks(book)).isEqualTo(2.0);
        assertThat(BookDepth.relativeSpread(book)).isCloseTo(0.02 / 100.0, within(1e-15));
    }

    @Test
    void emptySideGivesNaNNotAValue() {
        OrderBook book = new OrderBook(instrument);
        book.update(Side.BUY, 9999, 30);
        assertThat(QueueImbalance.imbalance(book)).isNaN();
        assertThat(QueueImbalance.signedImbalance(book)).isNaN();
        assertThat(QueueImbalance.weightedMid(book)).isNaN();
        assertThat(BookDepth.spreadTicks(book)).isNaN();
        assertThat(BookDepth.relativeSpread(book)).isNaN();
    }

    @Test
    void batchColumnsEqualTheRowByRowValues() {
        double[] bid = {99.99, 99.98, 99.99};
        double[] bq = {30, 5, 1};
        double[] ask = {100.01, 100.00, 100.00};
        double[] aq = {10, 15, 0};
        Table t = Table.create("q", DoubleColumn.create("bid", bid), DoubleColumn.create("bq", bq),
                DoubleColumn.create("ask", ask), DoubleColumn.create("aq", aq));
        double[] imbalance = QueueImbalance.imbalances(t, "bq", "aq").asDoubleArray();
        double[] mids = QueueImbalance.weightedMids(t, "bid", "bq", "ask", "aq").asDoubleArray();
        for (int i = 0; i < 3; i++) {
            // boxed comparisons: NaN equals NaN
            assertThat(Double.valueOf(imbalance[i]))
                    .isEqualTo(Double.valueOf(QueueImbalance.imbalance(bq[i], aq[i])));
            assertThat(Double.valueOf(mids[i]))
                    .isEqualTo(Double.valueOf(QueueImbalance.weightedMid(bid[i], bq[i], ask[i], aq[i])));
        }
        assertThat(imbalance[1]).isEqualTo(0.25);
        assertThat(imbalance[2]).isNaN();
    }

    /** Depth over the 2 best levels: bids 30 + 20 = 50 (the third level, 7, is not counted); asks 10 (one level). */
    @Test
    void depthSumsTheBestOccupiedLevels() {
        OrderBook book = new OrderBook(instrument);
        book.update(Side.BUY, 9999, 30);
        book.update(Side.BUY, 9995, 20);
        book.update(Side.BUY, 9990, 7);
        book.update(Side.SELL, 10001, 10);
        BookDepth depth = new BookDepth(5);
        assertThat(depth.depth(book, Side.BUY, 2)).isEqualTo(50);
        assertThat(depth.depth(book, Side.SELL, 2)).isEqualTo(10);
        assertThat(depth.depth(book, Side.BUY, 5)).isEqualTo(57);
    }
}
