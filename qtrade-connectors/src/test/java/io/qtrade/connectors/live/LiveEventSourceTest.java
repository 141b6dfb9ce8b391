package io.qtrade.connectors.live;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The live source's contract: a blocking read that returns the rows in arrival order with their timestamps, the two
 * venue-time modes, nothing dropped when the consumer falls behind (the receive thread waits, or the run fails
 * loudly), disconnects handed to the consumer's thread, and the end of the stream at close.
 */
class LiveEventSourceTest {

    private static final Instrument BTC = Instrument.spot("BTCUSDT", "BINANCE", 0.01, 0.001);
    private static final Instrument ETH = Instrument.spot("ETHUSDT", "BINANCE", 0.01, 0.001);
    private static final long WAIT_SECONDS = 30;

    private static EventBatch message(int instrument, long exchTs, long localTs, int rows, double firstPrice) {
        EventBatch b = new EventBatch(Math.max(1, rows));
        for (int r = 0; r < rows; r++) {
            b.addDepth(instrument, exchTs, localTs, Side.BUY, firstPrice + r, 1.0 + r);
        }
        return b;
    }

    @Test
    void readBatchBlocksUntilAMessageArrivesAndKeepsBothTimestamps() throws Exception {
        LiveEventSource source = LiveEventSource.builder(List.of(BTC, ETH)).build();
        EventBatch into = new EventBatch(64);
        AtomicReference<Boolean> read = new AtomicReference<>();
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch returned = new CountDownLatch(1);
        Thread consumer = new Thread(() -> {
            reading.countDown();
            read.set(source.readBatch(into));
            returned.countDown();
        });
        consumer.start();
        assertThat(reading.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(returned.getCount()).as("nothing queued yet: the read waits").isEqualTo(1);
        assertThat(source.eventsReady()).isFalse();
        source.onEvents(message(1, 1_000, 1_250, 2, 50.0));
        assertThat(returned.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(read.get()).isTrue();
        assertThat(into.size()).isEqualTo(2);
        assertThat(into.instrument(1)).isEqualTo(1);
        assertThat(into.exchTs(0)).isEqualTo(1_000);   // the venue's time (VENUE by default)
        assertThat(into.localTs(0)).isEqualTo(1_250);  // the receive time the client stamped
        assertThat(into.price(1)).isEqualTo(51.0);
        assertThat(source.rowsDelivered()).isEqualTo(2);
    }

    @Test
    void receiveTimeModeMakesTheVenueActAtTheReceiveTime() {
        LiveEventSource source = LiveEventSource.builder(List.of(BTC))
                .exchangeTime(LiveEventSource.ExchangeTime.RECEIVE).build();
        source.onEvents(message(0, 1_000, 1_250, 1, 100.0));
        EventBatch into = new EventBatch(8);
        assertThat(source.readBatch(into)).isTrue();
        assertThat(into.exchTs(0)).isEqualTo(1_250);
        assertThat(into.localTs(0)).isEqualTo(1_250);
        assertThat(into.kind(0)).isEqualTo(EventKind.DEPTH_UPDATE);
        assertThat(into.qty(0)).isEqualTo(1.0);
    }

    @Test
    void aVenueClockAheadOfOursIsCountedAndItsExchTsSetToTheReceiveTime() {
        LiveEventSource source = LiveEventSource.builder(List.of(BTC)).build();
        EventBatch m = new EventBatch(2);
        m.addDepth(0, 1_000, 1_200, Side.BUY, 100.0, 1.0);  // 200 ns feed latency: kept
        m.addDepth(0, 1_700, 1_200, Side.SELL, 100.1, 1.0); // venue 500 ns ahead: exchTs becomes 1,200
        source.onEvents(m);
        EventBatch into = new EventBatch(8);
        assertThat(source.readBatch(into)).isTrue();
        assertThat(into.exchTs(0)).isEqualTo(1_000);
        assertThat(into.exchTs(1)).isEqualTo(1_200);
        assertThat(into.price(1)).isEqualTo(100.1);
        assertThat(source.skewedRows()).isEqualTo(1);
        assertThat(source.maxSkewNanos()).isEqualTo(500);
    }

    @Test
    void aMessageLargerThanABlockSpansSeveralAndIsReadInOrder() {
        LiveEventSource source = LiveEventSource.builder(List.of(BTC)).batchRows(3).queueBatches(4).build();
        source.onEvents(message(0, 1, 1, 7, 100.0));
        EventBatch into = new EventBatch(5);
        assertThat(source.readBatch(into)).isTrue();
        // Blocks of 3 + 3 + 1 rows into a 5-row batch: 5 rows, then the other 2.
        assertThat(into.size()).isEqualTo(5);
        assertThat(source.readBatch(into)).isTrue();
        assertThat(into.size()).isEqualTo(2);
        assertThat(into.price(0)).isEqualTo(105.0);
        assertThat(into.price(1)).isEqualTo(106.0);
        assertThat(source.rowsDelivered()).isEqualTo(7);
    }

    @Test
    void aFullQueueBlocksTheReceiveThreadAndLosesNothing() throws Exception {
        LiveEventSource source = LiveEventSource.builder(List.of(BTC)).batchRows(1).queueBatches(2).build();
        CountDownLatch sent = new CountDownLatch(1);
        Thread receiver = new Thread(() -> {
            for (int k = 0; k < 6; k++) {
                source.onEvents(message(0, k, k, 1, 100.0 + k));
            }
            sent.countDown();
        });
        receiver.start();
        // Two blocks: the third message waits until the consumer frees one (polled for, generous timeout).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (source.receiveStalls() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(source.receiveStalls()).isEqualTo(1);
        assertThat(source.rowsReceived()).isEqualTo(2);
        EventBatch into = new EventBatch(1);
        double[] prices = new double[6];
        for (int k = 0; k < 6; k++) {
            assertThat(source.readBatch(into)).isTrue();
            prices[k] = into.price(0);
        }
        assertThat(sent.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(prices).containsExactly(100.0, 101.0, 102.0, 103.0, 104.0, 105.0);
        assertThat(source.rowsReceived()).isEqualTo(6);
        assertThat(source.receiveBlockedNanos()).isPositive();
    }

    @Test
    void failModeRefusesTheMessageThatFindsTheQueueFullAndTheConsumerReadThrows() {
        LiveEventSource source = LiveEventSource.builder(List.of(BTC)).batchRows(2).queueBatches(2)
                .overflow(LiveEventSource.Overflow.FAIL).build();
        source.onEvents(message(0, 1, 1, 2, 100.0));
        source.onEvents(message(0, 2, 2, 2, 100.0));
        assertThatThrownBy(() -> source.onEvents(message(0, 3, 3, 2, 100.0)))
                .isInstanceOf(LiveFeedOverflowException.class)
                .hasMessageContaining("all 2 queue blocks of 2 rows are full")
                .hasMessageContaining("2 more rows was refused");
        assertThatThrownBy(() -> source.readBatch(new EventBatch(8)))
                .isInstanceOf(LiveFeedOverflowException.class);
    }

    @Test
    void aRowOfAnUnknownInstrumentIsRefusedNamingIt() {
        LiveEventSource source = LiveEventSource.builder(List.of(BTC)).build();
        assertThatThrownBy(() -> source.onEvents(message(3, 1, 1, 1, 100.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("live source: row 0 of a 1-row message has instrument index 3, expected 0..0 (the "
                        + "source's instruments must be the client's list)");
    }

    @Test
    void aDisconnectRunsItsHandlerOnTheConsumerThreadAndEndsItsWait() throws Exception {
        AtomicReference<String> handledOn = new AtomicReference<>();
        AtomicReference<String> reason = new AtomicReference<>();
        AtomicLong at = new AtomicLong();
        LiveEventSource source = LiveEventSource.builder(List.of(BTC)).clock(() -> 42L)
                .onDisconnect((r, nanos) -> {
                    handledOn.set(Thread.currentThread().getName());
                    reason.set(r);
                    at.set(nanos);
                }).build();
        CountDownLatch waiting = new CountDownLatch(1);
        CountDownLatch woke = new CountDownLatch(1);
        Thread consumer = new Thread(() -> {
            waiting.countDown();
            source.awaitEvents(Long.MAX_VALUE);
            woke.countDown();
        }, "engine");
        consumer.start();
        assertThat(waiting.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        source.onDisconnect("closed by the server, status 1006");
        assertThat(woke.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(handledOn.get()).isEqualTo("engine");
        assertThat(reason.get()).isEqualTo("closed by the server, status 1006");
        assertThat(at.get()).isEqualTo(42L);
        assertThat(source.disconnects()).isEqualTo(1);
    }

    @Test
    void awaitEventsReturnsAtTheDeadlineWhenNothingArrives() {
        LiveEventSource source = LiveEventSource.builder(List.of(BTC)).clock(System::nanoTime).build();
        long start = System.nanoTime();
        source.awaitEvents(start + TimeUnit.MILLISECONDS.toNanos(20));
        // A timed wait never returns early (it may return late on a busy machine).
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(20));
        assertThat(source.eventsReady()).isFalse();
    }

    @Test
    void closeLetsTheQueuedRowsBeReadThenEndsTheStream() {
        LiveEventSource source = LiveEventSource.builder(List.of(BTC)).build();
        source.onEvents(message(0, 1, 1, 2, 100.0));
        source.close();
        source.onEvents(message(0, 2, 2, 3, 100.0));
        assertThat(source.eventsReady()).isTrue();
        EventBatch into = new EventBatch(8);
        assertThat(source.readBatch(into)).isTrue();
        assertThat(into.size()).isEqualTo(2);
        assertThat(source.readBatch(into)).isFalse();
        assertThat(into.size()).isZero();
        assertThat(source.rowsAfterClose()).isEqualTo(3);
    }
}
