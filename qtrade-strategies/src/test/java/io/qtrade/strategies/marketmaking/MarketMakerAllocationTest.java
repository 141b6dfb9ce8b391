package io.qtrade.strategies.marketmaking;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBook;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import io.qtrade.core.order.Order;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.order.OrderView;
import io.qtrade.core.order.TimeInForce;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.core.strategy.StrategyContext;
import io.qtrade.core.time.Clock;
import io.qtrade.core.time.SimulatedClock;
import io.qtrade.features.volatility.EwmaVolatility;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The market maker's per-event path allocates nothing: book updates that leave its quotes in place, and the 1 s
 * samples (EWMA sigma, OFI, the intensity refit), measured with the JVM's per-thread allocation counter around
 * 200,000 book updates, 2,000 trades and 2,000 samples, after an identical pass that lets the JIT compile the path. The context is a minimal in-memory one (orders acknowledged at once), so only the
 * strategy's own allocations count.
 */
class MarketMakerAllocationTest {

    private static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    private static final long S = 1_000_000_000L;

    @Test
    void bookUpdatesAndSamplesAllocateNothingOnceQuoting() {
        MarketMaker mm = MarketMaker.builder()
                .model(new GueantLehalleFernandezTapia(10, 5))
                .orderQty(1)
                .maxInventory(5)
                .volatility(new EwmaVolatility(0.97))
                .volatilityWarmUpReturns(1)
                .intensity(new TradeIntensityEstimator(0.01, 10, 600, 1))
                .ofiSkewTicks(0.5)
                .minRequoteTicks(5) // sigma, k, A and the OFI skew move a little at each sample: quotes stay
                .build();
        DirectContext ctx = new DirectContext(AAA);
        mm.onStart(ctx);
        EventBatch batch = new EventBatch(8);
        EventCursor cursor = new EventCursor();
        // Warm-up: a two-sided book, trades at 0..3 ticks from the mid for the intensity fit, a few samples.
        long t = S;
        apply(ctx, batch, cursor, mm, t, Side.BUY, 100.00, 5);
        apply(ctx, batch, cursor, mm, t, Side.SELL, 100.10, 5);
        for (int i = 0; i < 200; i++) {
            t += S;
            apply(ctx, batch, cursor, mm, t, Side.BUY, 100.00, 5 + (i & 1)); // keeps the book fresh
            mm.onTimer(ctx.timerId, t);
            trade(batch, cursor, mm, t, 0.01 * (i % 4));
        }
        assertThat(mm.sigma()).isFinite();
        assertThat(mm.k()).isFinite();
        long ordersBefore = mm.ordersSent();
        assertThat(ordersBefore).isGreaterThanOrEqualTo(2);

        t = steadyState(ctx, batch, cursor, mm, t); // JIT warm-up of the measured path
        long before = allocatedBytes();
        t = steadyState(ctx, batch, cursor, mm, t);
        long allocated = allocatedBytes() - before;
        assertThat(mm.ordersSent()).isEqualTo(ordersBefore); // the loop exercised the keep-quotes path
        assertThat(mm.evaluations()).isGreaterThan(400_000);
        assertThat(allocated).isLessThan(1_000); // 0 B per callback; slack for the counter's own bookkeeping
    }

    private static void apply(DirectContext ctx, EventBatch batch, EventCursor cursor, MarketMaker mm, long t, Side side,
                              double price, double qty) {
        batch.clear();
        batch.addDepth(0, t, t, side, price, qty);
        cursor.reset(batch);
        cursor.next();
        ctx.clock.advanceTo(t);
        ctx.book.apply(cursor);
        mm.onBook(0, ctx.book);
    }

    /** 200,000 book updates 10 ms apart that leave the quotes in place, a sample every second; returns the time. */
    private static long steadyState(DirectContext ctx, EventBatch batch, EventCursor cursor, MarketMaker mm, long t) {
        for (int i = 0; i < 200_000; i++) {
            t += 10_000_000L; // 10 ms: a sample every 100 updates
            apply(ctx, batch, cursor, mm, t, Side.BUY, 100.00, 5 + (i & 1)); // queue size only: quotes stay
            if (i % 100 == 99) { // each second: the trades of the warm-up's pattern (a steady intensity), a sample
                trade(batch, cursor, mm, t, 0.01 * ((i / 100) % 4));
                mm.onTimer(ctx.timerId, t);
            }
        }
        return t;
    }

    private static void trade(EventBatch batch, EventCursor cursor, MarketMaker mm, long t, double distance) {
        batch.clear();
        batch.addTrade(0, t, t, Side.BUY, 100.05 + distance, 1);
        cursor.reset(batch);
        cursor.next();
        mm.onTrade(0, cursor);
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
