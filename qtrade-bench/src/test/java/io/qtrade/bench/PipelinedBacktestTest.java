package io.qtrade.bench;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.BacktestResult;
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
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.EventSource;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.store.ReadAheadSource;
import io.qtrade.store.TickFormat;
import io.qtrade.store.TickQuery;
import io.qtrade.store.TickStore;
import io.qtrade.store.ingest.ImportOptions;
import io.qtrade.store.lobster.LobsterSource;
import io.qtrade.store.synthetic.SyntheticMarket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22: a backtest read from the tick store through {@link ReadAheadSource} (reading and decoding on another
 * thread) gives results identical to the bit to the same backtest read on the caller's thread, for every queue
 * model, with constant and random (lognormal) order latency, for a market maker that trades.
 */
class PipelinedBacktestTest {

    static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    static final Instrument AAPL = Instrument.spot("AAPL", "NASDAQ", 0.01, 1);

    @TempDir
    Path dir;

    @Test
    void l2QueueModelsGiveTheSameResultsPipelinedAndSingleThreaded() throws IOException {
        TickStore store = TickStore.at(dir.resolve("l2"));
        store.write(SyntheticMarket.builder().instrument(AAA, 100.00).events(60_000).seed(7).build(),
                TickFormat.PARQUET);
        List<QueueModel> queues = List.of(RiskAverseQueue.INSTANCE, new ProbabilisticQueue(new PowerProbability(2)),
                new ProbabilisticQueue(LogProbability.INSTANCE));
        int runs = 0;
        for (QueueModel queue : queues) {
            for (boolean lognormal : new boolean[]{false, true}) {
                compare(store, AAA, queue, lognormal, BacktestThroughput.Requoter::new, "requoter " + queue);
                runs++;
            }
        }
        compare(store, AAA, new ProbabilisticQueue(new PowerProbability(2)), true, StoreBacktestThroughput::maker,
                "Avellaneda-Stoikov maker");
        assertThat(runs).isEqualTo(6);
    }

    @Test
    void l3QueueModelsGiveTheSameResultsPipelinedAndSingleThreaded() throws IOException {
        Path lobster = dir.resolve("lobster");
        Files.createDirectories(lobster);
        String stem = "AAPL_2012-06-21_34200000_57600000_";
        for (String f : new String[]{stem + "message_10.csv", stem + "orderbook_10.csv"}) {
            try (var in = PipelinedBacktestTest.class.getResourceAsStream("/lobster/" + f)) {
                Files.copy(in, lobster.resolve(f));
            }
        }
        TickStore store = TickStore.at(dir.resolve("l3"));
        store.write(LobsterSource.open(lobster.resolve(stem + "message_10.csv"),
                lobster.resolve(stem + "orderbook_10.csv"), AAPL,
                ImportOptions.STRICT.withAssumedFeedLatencyNanos(1_000)), TickFormat.PARQUET);
        for (boolean lognormal : new boolean[]{false, true}) {
            compare(store, AAPL, FifoQueue.INSTANCE, lognormal, BacktestThroughput.Requoter::new, "requoter FIFO");
        }
        // L3ArrivalQueue takes no ORDER_MODIFY row: each is given as a cancel and an add, as the engine asks.
        TickStore arrivals = TickStore.at(dir.resolve("l3-arrivals"));
        try (EventSource s = store.read(TickQuery.symbols(AAPL.symbol()))) {
            arrivals.write(new ModifyAsCancelAndAdd(s), TickFormat.PARQUET);
        }
        for (boolean lognormal : new boolean[]{false, true}) {
            compare(arrivals, AAPL, L3ArrivalQueue.INSTANCE, lognormal, BacktestThroughput.Requoter::new,
                    "requoter L3 arrival");
        }
    }

    /** Each ORDER_MODIFY row as an ORDER_CANCEL of the order and an ORDER_ADD of its new size at the same price. */
    private static final class ModifyAsCancelAndAdd implements EventSource {
        private final EventSource in;
        private EventBatch staging;

        ModifyAsCancelAndAdd(EventSource in) {
            this.in = in;
        }

        @Override
        public List<Instrument> instruments() {
            return in.instruments();
        }

        @Override
        public boolean readBatch(EventBatch into) {
            into.clear();
            if (staging == null) {
                staging = new EventBatch(Math.max(1, into.capacity() / 2)); // room for every row to become two
            }
            if (!in.readBatch(staging)) {
                return false;
            }
            for (int i = 0; i < staging.size(); i++) {
                if (staging.kind(i) == EventKind.ORDER_MODIFY) {
                    into.add(staging.instrument(i), staging.exchTs(i), staging.localTs(i), EventKind.ORDER_CANCEL,
                            staging.sideCode(i), staging.price(i), 0, staging.orderId(i), staging.flags(i));
                    into.add(staging.instrument(i), staging.exchTs(i), staging.localTs(i), EventKind.ORDER_ADD,
                            staging.sideCode(i), staging.price(i), staging.qty(i), staging.orderId(i),
                            staging.flags(i));
                } else {
                    into.addFrom(staging, i, 0);
                }
            }
            return true;
        }
    }

    private void compare(TickStore store, Instrument instrument, QueueModel queue, boolean lognormal,
                         Supplier<Strategy> strategy, String what) throws IOException {
        TickQuery q = TickQuery.symbols(instrument.symbol());
        BacktestResult single;
        try (EventSource s = store.read(q)) {
            single = run(s, instrument, queue, lognormal, strategy.get());
        }
        BacktestResult piped;
        // Small batches and a shallow ring: many hand-overs between the two threads.
        try (EventSource s = new ReadAheadSource(store.read(q), 333, 2)) {
            piped = run(s, instrument, queue, lognormal, strategy.get());
        }
        String label = what + (lognormal ? ", lognormal latency" : ", constant latency");
        assertThat(single.events()).as(label).isPositive().isEqualTo(piped.events());
        if (!(queue instanceof L3ArrivalQueue)) {
            // Under L3ArrivalQueue on this converted LOBSTER feed the requoter sends no order (0 in both paths): that
            // case checks the event stream, the marks and the equity only.
            assertThat(single.orderCount()).as(label + ": the strategy sends orders").isPositive();
        }
        // Records hold orders (no equals): compared by their text, which prints every double exactly (shortest
        // decimal that reads back to the same double).
        assertThat(text(piped.orderRecords())).as(label).isEqualTo(text(single.orderRecords()));
        assertThat(text(piped.fillRecords())).as(label).isEqualTo(text(single.fillRecords()));
        assertThat(Double.doubleToRawLongBits(piped.portfolio("s").netPnl())).as(label)
                .isEqualTo(Double.doubleToRawLongBits(single.portfolio("s").netPnl()));
        assertThat(csv(piped, "piped")).as(label).isEqualTo(csv(single, "single"));
    }

    private static List<String> text(List<?> records) {
        List<String> out = new ArrayList<>();
        for (Object r : records) {
            out.add(r.toString());
        }
        return out;
    }

    private List<String> csv(BacktestResult result, String name) throws IOException {
        Path out = dir.resolve("csv-" + name);
        List<String> lines = new ArrayList<>();
        for (Path p : result.writeCsv(out)) {
            lines.add(p.getFileName().toString());
            lines.addAll(Files.readAllLines(p));
        }
        try (Stream<Path> walk = Files.walk(out)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        return lines;
    }

    private static BacktestResult run(EventSource source, Instrument instrument, QueueModel queue, boolean lognormal,
                                      Strategy strategy) {
        LatencyModel latency = lognormal ? new LognormalLatency(50_000, 50_000, 0.5, 11)
                : new ConstantLatency(50_000, 50_000);
        return Backtest.builder().source(source)
                .exchange(ExchangeSettings.builder(instrument).latency(latency).queue(queue)
                        .fees(new BpsFees(-0.2, 2.0)).build())
                .strategy("s", strategy).markIntervalNanos(1_000_000_000L).build().run();
    }
}
