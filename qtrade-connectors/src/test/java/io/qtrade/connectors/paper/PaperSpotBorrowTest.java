package io.qtrade.connectors.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.FeeModel;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.margin.BorrowRates;
import io.qtrade.core.margin.SpotBorrow;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventFlags;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;
import io.qtrade.core.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Spot borrow interest in paper trading: the paper clock runs 2 s before a UTC hour start; a short of 10 AAA sold on
 * the first quote (99.99 / 100.01) pays, at the first equity mark after the hour start, 10 x 0.0001 x mid 100.00 = 0.1
 * (Binance margin: borrowed x hourly rate; {@link SpotBorrow}), booked as other cash, exactly as in a backtest.
 */
class PaperSpotBorrowTest {

    static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    static final long MS = 1_000_000L;

    static final class ShortTen implements Strategy {
        StrategyContext ctx;
        volatile boolean sent;
        final CountDownLatch filled = new CountDownLatch(1);

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
        }

        @Override
        public void onBook(int instrument, OrderBookView book) {
            if (!sent && !book.isEmpty(Side.BUY)) {
                sent = true;
                ctx.submitMarket(0, Side.SELL, 10);
            }
        }

        @Override
        public void onFill(io.qtrade.core.order.Fill fill) {
            filled.countDown();
        }
    }

    @Test
    void aShortSpotPositionPaysTheHourlyBorrowRateOnTheWallClock() throws Exception {
        long wall = System.currentTimeMillis() * MS;
        long hourStart = (wall / SpotBorrow.HOUR_NANOS + 1) * SpotBorrow.HOUR_NANOS;
        long offset = hourStart - 2_000 * MS - System.nanoTime(); // 2 s for the sale to fill before the hour start
        Clock clock = () -> System.nanoTime() + offset;
        ShortTen strategy = new ShortTen();
        PaperTrading paper = PaperTrading.builder(List.of(AAA))
                .exchange(ExchangeSettings.builder(AAA).latency(new ConstantLatency(MS, MS))
                        .queue(RiskAverseQueue.INSTANCE).fees(FeeModel.NONE).build())
                .strategy("short", strategy).initialCash(10_000)
                .spotBorrow(AAA, "AAA", BorrowRates.constant(Map.of("AAA", 0.0001)))
                .markIntervalNanos(100 * MS)
                .clock(clock).build();
        paper.start();
        long now = clock.nowNanos();
        EventBatch quote = new EventBatch(2);
        quote.add(0, now, now, EventKind.BBO, Side.BUY.code(), 99.99, 1_000, EventBatch.NO_ORDER_ID);
        quote.add(0, now, now, EventKind.BBO, Side.SELL.code(), 100.01, 1_000, EventBatch.NO_ORDER_ID,
                EventFlags.END_OF_MESSAGE);
        paper.listener().onEvents(quote);
        assertThat(strategy.filled.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(clock.nowNanos()).as("sold before the hour start").isLessThan(hourStart);
        while (clock.nowNanos() < hourStart + 400 * MS) {
            Thread.sleep(10);
        }
        BacktestResult r = paper.stop();
        assertThat(r.portfolio("short").position(AAA).qty()).isEqualTo(-10);
        assertThat(r.portfolio("short").otherCash()).isCloseTo(-0.1, within(1e-9));
    }
}
