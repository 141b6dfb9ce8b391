package io.qtrade.features.trades;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBook;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueueDynamicsTest {

    /**
     * Tick 1. Book: bids 100 x 5, 99 x 3; ask 101 x 4. Events (each counted before the book applies it):
     * <pre>
     * t=0 s    depth bid 100 -> 8     ADD    bid level 0, volume 3
     * t=0.5 s  depth bid 99 -> 1      CANCEL bid level 1, volume 2
     * t=1 s    trade, seller hits 100 x 2      TRADE bid level 0, volume 2
     * t=1 s    depth bid 100 -> 5 (-3)         2 explained by the trade, CANCEL bid level 0 volume 1
     * t=1.5 s  depth ask 103 -> 2     ADD    ask level 2 (103 - 101)
     * t=2 s    depth ask 110 -> 1     level 9 >= 5 levels: beyond
     * T = 2 s: rate(ADD, bid, 0) = 1 / 2 per second; volumeRate(CANCEL, bid, 1) = 2 / 2.
     * </pre>
     */
    @Test
    void classifiesDepthChangesIntoAddsCancelsAndTradesPerLevel() {
        Instrument instrument = Instrument.spot("Q", "SYN", 1.0, 1);
        OrderBook book = new OrderBook(instrument);
        book.update(Side.BUY, 100, 5);
        book.update(Side.BUY, 99, 3);
        book.update(Side.SELL, 101, 4);
        long s = 1_000_000_000L;
        EventBatch batch = new EventBatch(8);
        batch.addDepth(0, 0, 0, Side.BUY, 100, 8);
        batch.addDepth(0, s / 2, s / 2, Side.BUY, 99, 1);
        batch.addTrade(0, s, s, Side.SELL, 100, 2);
        batch.addDepth(0, s, s, Side.BUY, 100, 5);
        batch.addDepth(0, 3 * s / 2, 3 * s / 2, Side.SELL, 103, 2);
        batch.addDepth(0, 2 * s, 2 * s, Side.SELL, 110, 1);
        QueueDynamics q = new QueueDynamics(instrument, 5);
        EventCursor cursor = new EventCursor().reset(batch);
        while (cursor.next()) {
            q.onEvent(cursor, book);
            book.apply(cursor);
        }
        assertThat(q.count(QueueEvent.ADD, Side.BUY, 0)).isEqualTo(1);
        assertThat(q.volume(QueueEvent.ADD, Side.BUY, 0)).isEqualTo(3);
        assertThat(q.count(QueueEvent.CANCEL, Side.BUY, 1)).isEqualTo(1);
        assertThat(q.volume(QueueEvent.CANCEL, Side.BUY, 1)).isEqualTo(2);
        assertThat(q.count(QueueEvent.TRADE, Side.BUY, 0)).isEqualTo(1);
        assertThat(q.volume(QueueEvent.TRADE, Side.BUY, 0)).isEqualTo(2);
        assertThat(q.count(QueueEvent.CANCEL, Side.BUY, 0)).isEqualTo(1);
        assertThat(q.volume(QueueEvent.CANCEL, Side.BUY, 0)).isEqualTo(1);
        assertThat(q.count(QueueEvent.ADD, Side.SELL, 2)).isEqualTo(1);
        assertThat(q.beyondLevels()).isEqualTo(1);
        assertThat(q.unmatchedTradeQty()).isZero();
        assertThat(q.elapsedSeconds()).isEqualTo(2.0);
        assertThat(q.rate(QueueEvent.ADD, Side.BUY, 0)).isEqualTo(0.5);
        assertThat(q.volumeRate(QueueEvent.CANCEL, Side.BUY, 1)).isEqualTo(1.0);
    }
}
