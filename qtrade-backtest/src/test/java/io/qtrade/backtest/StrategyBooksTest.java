package io.qtrade.backtest;

import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.latency.LatencyModel;
import io.qtrade.backtest.latency.LognormalLatency;
import io.qtrade.backtest.queue.FifoQueue;
import io.qtrade.backtest.queue.L3ArrivalQueue;
import io.qtrade.backtest.queue.LogProbability;
import io.qtrade.backtest.queue.PowerProbability;
import io.qtrade.backtest.queue.ProbabilisticQueue;
import io.qtrade.backtest.queue.QueueModel;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.core.market.MarketEvent;
import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.order.Fill;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static io.qtrade.backtest.Scenarios.AAA;
import static io.qtrade.backtest.Scenarios.BBB;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The strategies' book given by the venue's book shared and rewound ({@link StrategyBooks#SHARED_WITH_VENUE}, the
 * default) against a second book fed every row ({@link StrategyBooks#SEPARATE}, the engine's earlier path): on random
 * messy tapes of two instruments with feed latency and latency bursts, for every queue model and constant and
 * random order latency, the orders, fills, equity, PnL and every answer the strategies read from their books (on
 * every book, trade, fill and order update) are the same to the bit. A second case spreads the tapes' rows out so that
 * most are received before the venue's next one: the engine then delivers them in the venue's step (decided before
 * or after the venue applied the row, and the venue's next rows in the same step), which the separate path never
 * does (on these tapes, per run: some hundreds decided before, one to two thousand after, about a thousand next rows
 * in the same step, counted with a temporary probe when the case was written).
 */
class StrategyBooksTest {

    /** Reads the whole book on every callback and keeps the digests; trades on what it reads. */
    static final class Prober implements Strategy {
        final List<String> reads = new ArrayList<>();
        private final SplittableRandom rnd = new SplittableRandom(3);
        private StrategyContext ctx;

        @Override
        public void onStart(StrategyContext context) {
            this.ctx = context;
        }

        @Override
        public void onBook(int instrument, OrderBookView book) {
            String d = DelayedBookTest.digest(book);
            reads.add("book " + instrument + " " + d + " " + book.lastExchTs() + " " + book.lastLocalTs());
            if (rnd.nextInt(50) == 0 && !book.isEmpty(Side.BUY)) {
                // A post-only bid one tick inside what it reads: a different book would change the order.
                long ticks = book.bestBidTicks() + (rnd.nextBoolean() ? 0 : -1);
                ctx.submitLimit(instrument, Side.BUY, book.instrument().toPrice(ticks), 1,
                        io.qtrade.core.order.TimeInForce.GTC);
            }
        }

        @Override
        public void onTrade(int instrument, MarketEvent trade) {
            reads.add("trade " + instrument + " " + DelayedBookTest.digest(ctx.book(instrument)));
        }

        @Override
        public void onFill(Fill fill) {
            for (int i = 0; i < 2; i++) {
                reads.add("fill " + i + " " + DelayedBookTest.digest(ctx.book(i)));
            }
        }

        @Override
        public void onOrderUpdate(ExecutionReport report) {
            reads.add("update " + DelayedBookTest.digest(ctx.book(0)));
        }
    }

    record Run(BacktestResult result, List<String> reads) {
    }

    private static Run run(StrategyBooks books, QueueModel queue, LatencyModel latency, long seed) {
        boolean l3 = queue.drivenByL3Messages() && !queue.requiresMarketByOrder();
        EventBatch a;
        EventBatch b;
        if (queue.requiresMarketByOrder()) {
            a = MboTape.generate(AAA, 0, seed, 4_000);
            b = MboTape.generate(BBB, 0, seed + 100, 4_000);
        } else {
            a = MessyTape.generate(AAA, 0, seed, 2_000, seed % 2 == 0, l3);
            b = MessyTape.generate(BBB, 0, seed + 100, 2_000, seed % 2 == 0, l3);
        }
        Prober prober = new Prober();
        BacktestResult r = Backtest.builder()
                .source(new InMemoryEventSource(List.of(AAA), a))
                .source(new InMemoryEventSource(List.of(BBB), b))
                .exchange(settings(AAA, queue, latency)).exchange(settings(BBB, queue, latency))
                .strategy("q0", new QuotingStrategy(0, 1, 4, 37))
                .strategy("q1", new QuotingStrategy(1, 2, 6, 23))
                .strategy("probe", prober)
                .markIntervalNanos(50_000)
                .batchCapacity(64)
                .seed(seed)
                .strategyBooks(books)
                .build().run();
        return new Run(r, prober.reads);
    }

    /**
     * {@code tape} with its venue times spread {@code factor} times further apart, each row's feed latency kept: most
     * rows are then received before the venue's next one, so the engine delivers them in the venue's step.
     */
    static EventBatch stretched(EventBatch tape, long factor) {
        EventBatch out = new EventBatch(tape.size() + 8);
        RowView r = new RowView();
        for (int k = 0; k < tape.size(); k++) {
            r.moveTo(tape, k);
            long exch = r.exchTs() * factor;
            out.add(r.instrument(), exch, exch + (r.localTs() - r.exchTs()), r.kind(), r.sideCode(), r.price(), r.qty(),
                    r.orderId(), r.flags());
        }
        return out;
    }

    /**
     * The rows received at once: stretched tapes of two instruments ({@code factor} times the messy tape's spacing),
     * with the quoting strategies (orders resting almost always: the receipt is decided after the venue applied each
     * row) or the prober alone (mostly no order resting: decided before).
     */
    private static Run runReceivedAtOnce(StrategyBooks books, QueueModel queue, LatencyModel latency, long seed,
                                         long factor, boolean quoting) {
        EventBatch a = stretched(MessyTape.generate(AAA, 0, seed, 3_000, seed % 2 == 0, false), factor);
        EventBatch c = stretched(MessyTape.generate(BBB, 0, seed + 100, 1_500, seed % 2 == 0, false), 2 * factor);
        Prober prober = new Prober();
        Backtest.Builder b = Backtest.builder()
                .source(new InMemoryEventSource(List.of(AAA), a)).source(new InMemoryEventSource(List.of(BBB), c))
                .exchange(settings(AAA, queue, latency)).exchange(settings(BBB, queue, latency));
        if (quoting) {
            b.strategy("q0", new QuotingStrategy(0, 1, 4, 37)).strategy("q1", new QuotingStrategy(1, 2, 6, 23));
        }
        BacktestResult r = b.strategy("probe", prober).markIntervalNanos(50_000).batchCapacity(64).seed(seed)
                .strategyBooks(books).build().run();
        return new Run(r, prober.reads);
    }

    @Test
    void sharedAndSeparateStrategyBooksAgreeWhenRowsAreReceivedInTheVenuesStep() {
        QueueModel[] queues = {RiskAverseQueue.INSTANCE, new ProbabilisticQueue(new PowerProbability(2))};
        LatencyModel[] latencies = {new ConstantLatency(20_000, 20_000), new LognormalLatency(20_000, 20_000, 0.6, 3)};
        long seed = 40;
        for (QueueModel queue : queues) {
            for (LatencyModel latency : latencies) {
                for (int variant = 0; variant < 4; variant++) {
                    seed++;
                    long factor = variant % 2 == 0 ? 8 : 40;
                    boolean quoting = variant >= 2;
                    Run shared = runReceivedAtOnce(StrategyBooks.SHARED_WITH_VENUE, queue, latency, seed, factor,
                            quoting);
                    Run separate = runReceivedAtOnce(StrategyBooks.SEPARATE, queue, latency, seed, factor, quoting);
                    String what = queue + " " + latency + " spacing x" + factor + " quoting " + quoting;
                    assertThat(shared.result().orderRecords()).as(what).isNotEmpty();
                    assertThat(shared.result().fillRecords()).as(what).isEqualTo(separate.result().fillRecords());
                    assertThat(shared.result().orders().printAll()).as(what)
                            .isEqualTo(separate.result().orders().printAll());
                    assertThat(shared.result().equity().printAll()).as(what)
                            .isEqualTo(separate.result().equity().printAll());
                    assertThat(shared.reads()).as(what).hasSizeGreaterThan(2_000).hasSameSizeAs(separate.reads());
                    for (int k = 0; k < shared.reads().size(); k++) {
                        assertThat(shared.reads().get(k)).as("%s, read %d", what, k)
                                .isEqualTo(separate.reads().get(k));
                    }
                }
            }
        }
    }

    private static ExchangeSettings settings(Instrument i, QueueModel queue, LatencyModel latency) {
        return ExchangeSettings.builder(i).latency(latency).queue(queue).fees(new BpsFees(-0.2, 1.0)).build();
    }

    @Test
    void sharedAndSeparateStrategyBooksGiveTheSameResultsForEveryQueueModel() {
        QueueModel[] queues = {RiskAverseQueue.INSTANCE, new ProbabilisticQueue(new PowerProbability(2)),
                new ProbabilisticQueue(LogProbability.INSTANCE), L3ArrivalQueue.INSTANCE, FifoQueue.INSTANCE};
        LatencyModel[] latencies = {new ConstantLatency(20_000, 20_000), new LognormalLatency(20_000, 20_000, 0.6, 3)};
        long seed = 1;
        for (QueueModel queue : queues) {
            for (LatencyModel latency : latencies) {
                seed++;
                Run shared = run(StrategyBooks.SHARED_WITH_VENUE, queue, latency, seed);
                Run separate = run(StrategyBooks.SEPARATE, queue, latency, seed);
                String what = queue + " " + latency;
                assertThat(shared.result().fillRecords()).as(what).isNotEmpty();
                assertThat(shared.result().fillRecords()).as(what).isEqualTo(separate.result().fillRecords());
                assertThat(shared.result().orders().printAll()).as(what)
                        .isEqualTo(separate.result().orders().printAll());
                assertThat(shared.result().equity().printAll()).as(what)
                        .isEqualTo(separate.result().equity().printAll());
                for (String s : List.of("q0", "q1", "probe")) {
                    assertThat(Double.doubleToLongBits(shared.result().portfolio(s).netPnl())).as(what + " " + s)
                            .isEqualTo(Double.doubleToLongBits(separate.result().portfolio(s).netPnl()));
                }
                assertThat(shared.reads()).as(what).hasSizeGreaterThan(2_000);
                for (int k = 0; k < shared.reads().size(); k++) {
                    assertThat(shared.reads().get(k)).as("%s, read %d", what, k).isEqualTo(separate.reads().get(k));
                }
                assertThat(shared.reads()).as(what).hasSameSizeAs(separate.reads());
            }
        }
    }

    /** A consistent market-by-order tape (adds away from the touch, cancels and executions of resting orders). */
    static final class MboTape {
        static EventBatch generate(Instrument instrument, int index, long seed, int events) {
            SplittableRandom rnd = new SplittableRandom(seed);
            EventBatch batch = new EventBatch(events + 8);
            List<long[]> live = new ArrayList<>(); // id, side code, price ticks
            long t = 1_000_000;
            long id = 1;
            long mid = 10_000;
            while (batch.size() < events) {
                t += 1 + rnd.nextInt(1_500);
                long local = t + (rnd.nextInt(30) == 0 ? 80_000 : rnd.nextInt(4_000));
                int action = rnd.nextInt(10);
                if (live.size() < 6 || action < 5) {
                    boolean buy = rnd.nextBoolean();
                    long price = buy ? mid - 1 - rnd.nextInt(4) : mid + 1 + rnd.nextInt(4);
                    live.add(new long[] {id, buy ? 1 : -1, price});
                    batch.add(index, t, local, EventKind.ORDER_ADD, (byte) (buy ? 1 : -1),
                            instrument.toPrice(price), 1 + rnd.nextInt(6), id++);
                } else if (action < 8) {
                    long[] o = live.remove(rnd.nextInt(live.size()));
                    batch.add(index, t, local, EventKind.ORDER_CANCEL, (byte) o[1], 0, 0, o[0]);
                } else {
                    long[] o = live.remove(rnd.nextInt(live.size()));
                    batch.add(index, t, local, EventKind.ORDER_CANCEL, (byte) o[1], 0, 0, o[0]);
                    batch.addTrade(index, t, local, o[1] == 1 ? Side.SELL : Side.BUY, instrument.toPrice(o[2]), 1);
                }
            }
            return batch;
        }
    }
}
