package io.qtrade.backtest.attribution;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.QuotingStrategy;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.core.time.Timestamps;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded two-instrument L2 market over three and a half hours from 2024-01-02T08:30Z (one touch level a side that
 * random-walks a tick at a time, trades at the touch) and a backtest of two quoting strategies with maker rebates
 * and taker fees on it: fills in several UTC hours, on both instruments, maker and taker. Shared by the attribution
 * and report tests.
 */
public final class MultiHourMarket {

    public static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    public static final Instrument BBB = Instrument.spot("BBB", "SYN", 0.05, 1);
    public static final long START = Timestamps.toEpochNanos(Instant.parse("2024-01-02T08:30:00Z"));

    private MultiHourMarket() {
    }

    /** The events: about {@code steps} rows per instrument, 1..2 s apart. */
    public static InMemoryEventSource source(long seed, int steps) {
        SplittableRandom rnd = new SplittableRandom(seed);
        EventBatch batch = new EventBatch(steps * 8 + 64);
        Instrument[] inst = {AAA, BBB};
        long[] bid = {inst[0].toTicks(99.99), inst[1].toTicks(49.95)};
        long t = START;
        for (int i = 0; i < 2; i++) {
            batch.addDepth(i, t, t, Side.BUY, inst[i].toPrice(bid[i]), 5);
            batch.addDepth(i, t, t, Side.SELL, inst[i].toPrice(bid[i] + 2), 5);
        }
        for (int k = 0; k < steps; k++) {
            t += 1_000_000_000L + rnd.nextLong(1_000_000_000L);
            int i = rnd.nextInt(2);
            long local = t + 1_000;
            int action = rnd.nextInt(4);
            Instrument in = inst[i];
            if (action == 0) {
                // a trade at the touch, then the touch is re-stated
                boolean hitBid = rnd.nextBoolean();
                double price = in.toPrice(hitBid ? bid[i] : bid[i] + 2);
                batch.addTrade(i, t, local, hitBid ? Side.SELL : Side.BUY, price, 1 + rnd.nextInt(8));
                batch.addDepth(i, t, local, hitBid ? Side.BUY : Side.SELL, price, 5);
            } else {
                // the touch moves a tick: old levels removed, new ones added
                long step = rnd.nextBoolean() ? 1 : -1;
                batch.addDepth(i, t, local, Side.BUY, in.toPrice(bid[i]), 0);
                batch.addDepth(i, t, local, Side.SELL, in.toPrice(bid[i] + 2), 0);
                bid[i] += step;
                batch.addDepth(i, t, local, Side.BUY, in.toPrice(bid[i]), 5);
                batch.addDepth(i, t, local, Side.SELL, in.toPrice(bid[i] + 2), 5);
            }
        }
        return new InMemoryEventSource(List.of(AAA, BBB), batch);
    }

    /** Two quoting strategies ({@code mm-a} on AAA, {@code mm-b} on BBB), maker -0.5 bps, taker 2 bps. */
    public static BacktestResult run(InMemoryEventSource source, double initialCash) {
        Backtest.Builder b = Backtest.builder().source(source).initialCash(initialCash).markIntervalNanos(
                60 * Timestamps.NANOS_PER_SECOND);
        for (Instrument in : List.of(AAA, BBB)) {
            b.exchange(ExchangeSettings.builder(in).latency(new ConstantLatency(50_000, 50_000))
                    .queue(RiskAverseQueue.INSTANCE).fees(new BpsFees(-0.5, 2.0)).build());
        }
        return b.strategy("mm-a", new QuotingStrategy(0, 2, 6, 40)).strategy("mm-b", new QuotingStrategy(1, 3, 9, 25)).build().run();
    }
}
