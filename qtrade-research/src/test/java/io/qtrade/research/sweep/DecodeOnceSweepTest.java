package io.qtrade.research.sweep;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.OrderHistory;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.PowerProbability;
import io.qtrade.backtest.queue.ProbabilisticQueue;
import io.qtrade.core.market.EventSource;
import io.qtrade.core.time.Timestamps;
import io.qtrade.store.TickFormat;
import io.qtrade.store.TickStore;
import io.qtrade.store.synthetic.SyntheticMarket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.qtrade.research.sweep.GeneratedBacktests.AAA;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sweep that decodes each day once ({@link Sweep.Builder#decodeOnce}) against the same sweep reading each day per
 * run (a factory that opens the store in every backtest): the same table to the bit, with the memory budget large
 * enough for every day, for some days only (those re-read by each run), and for none.
 */
class DecodeOnceSweepTest {

    @TempDir
    static Path root;

    /** Days of 12,000, 30,000 and 8,000 events: the middle one needs more batches than the others. */
    private static final long[] EVENTS = {12_000, 30_000, 8_000};

    @BeforeAll
    static void writeStore() {
        for (int d = 0; d < EVENTS.length; d++) {
            SyntheticMarket market = SyntheticMarket.builder().instrument(AAA, 100.0).events(EVENTS[d])
                    .seed(1_000 + d).startNanos(Timestamps.startOfDay(LocalDate.of(2026, 11, 2).plusDays(d))).build();
            TickStore.at(root).write(market, TickFormat.PARQUET);
        }
    }

    private static Backtest backtest(EventSource events, ParameterSet p) {
        return Backtest.builder().source(events)
                .exchange(ExchangeSettings.builder(AAA).latency(new ConstantLatency(50_000, 50_000))
                        .queue(new ProbabilisticQueue(new PowerProbability(2))).fees(new BpsFees(-0.2, 2.0)).build())
                .strategy("mm", new TouchQuoter(p.getInt("offset"), p.get("max")))
                .markIntervalNanos(1_000_000_000L).orderHistory(OrderHistory.OPEN_ONLY).build();
    }

    private static Sweep.Builder sweep(int threads) {
        return Sweep.builder()
                .grid(ParameterGrid.builder().values("offset", 0, 1).values("max", 2, 6).build())
                .partitions(Partitions.inStore(TickStore.at(root), "SIM", List.of("AAA"), null, null))
                .samplePeriodNanos(1_000_000_000L)
                .threads(threads);
    }

    private static String perRunTable(int threads) {
        String store = root.toString();
        SweepResult r = sweep(threads)
                .factory((p, part) -> backtest(TickStore.at(Path.of(store)).read(part.query()), p)).build().run();
        assertThat(r.failures()).isEmpty();
        return r.table().printAll();
    }

    private record Shared(String table, DecodeStats stats, int opens) {
    }

    private static Shared decodeOnce(int threads, long budget) {
        String store = root.toString();
        AtomicInteger opens = new AtomicInteger();
        SweepRun run = sweep(threads)
                .decodeOnce(part -> {
                    opens.incrementAndGet();
                    return TickStore.at(Path.of(store)).read(part.query());
                }, (p, part, events) -> backtest(events, p))
                .memoryBudgetBytes(budget)
                .build().start();
        SweepResult r = run.await();
        assertThat(r.failures()).isEmpty();
        assertThat(r.rows()).hasSize(12);
        return new Shared(r.table().printAll(), run.decodeStats(), opens.get());
    }

    /** The bytes a decoded day holds: whole shared batches, at least one. */
    private static long bytesOf(long events) {
        long batches = Math.max(1, (events + Sweep.SHARED_BATCH_ROWS - 1) / Sweep.SHARED_BATCH_ROWS);
        return batches * Sweep.SHARED_BATCH_ROWS * DecodedPartitions.BYTES_PER_ROW;
    }

    @Test
    void decodingEachDayOnceGivesTheTableOfReadingItPerRun() {
        String expected = perRunTable(2);
        Shared shared = decodeOnce(2, 1L << 30);
        assertThat(shared.table()).isEqualTo(expected);
        assertThat(shared.stats().partitionsShared()).isEqualTo(3);
        assertThat(shared.stats().partitionsReRead()).isZero();
        assertThat(shared.opens()).isEqualTo(3); // one read per day, not one per run (12)
    }

    @Test
    void aDayOverTheBudgetIsReReadByEachRunAndTheBudgetHolds() {
        String expected = perRunTable(1);
        // One thread: a day's batches are freed before the next day is read. The budget holds the scratch batch and
        // the 12,000- and 8,000-event days (one batch each), not the 30,000-event day (two batches).
        long budget = bytesOf(12_000) + bytesOf(1);
        Shared shared = decodeOnce(1, budget);
        assertThat(shared.table()).isEqualTo(expected);
        assertThat(shared.stats().partitionsShared()).isEqualTo(2);
        assertThat(shared.stats().partitionsReRead()).isEqualTo(1);
        assertThat(shared.stats().peakBytesHeld()).isLessThanOrEqualTo(budget).isEqualTo(budget);
        // Three decode attempts, then the four runs of the re-read day open it each.
        assertThat(shared.opens()).isEqualTo(3 + 4);
    }

    @Test
    void withNoBudgetEveryRunReadsItsDayAndTheTableIsTheSame() {
        String expected = perRunTable(2);
        Shared shared = decodeOnce(2, 0);
        assertThat(shared.table()).isEqualTo(expected);
        assertThat(shared.stats().partitionsShared()).isZero();
        assertThat(shared.stats().partitionsReRead()).isEqualTo(3);
        assertThat(shared.stats().peakBytesHeld()).isZero();
        assertThat(shared.opens()).isEqualTo(3 + 12);
    }
}
