package io.qtrade.sql.clickhouse;

import io.qtrade.store.synthetic.SyntheticMarket;
import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.InMemoryEventSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throughput harness for docs/benchmarks.md, off by default (run with {@code -Dqtrade.clickhouse.throughput=true}).
 * Sink and source against a private server, each beside a baseline of the same run that moves the same bytes without
 * this package's work: the sink beside a replay of its exact RowBinary inserts (so the ratio is the cost of encoding),
 * the source beside draining the same query's response undecoded (the cost of decoding and checking).
 */
@ExtendWith(ClickHouseServerExtension.class)
@EnabledIfSystemProperty(named = "qtrade.clickhouse.throughput", matches = "true")
class ClickHouseThroughputTest {

    static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    static final Instrument BBB = Instrument.spot("BBB", "SYN", 0.05, 1);
    static final List<Instrument> INSTRUMENTS = List.of(AAA, BBB);
    static final int EVENTS = 1_000_000;
    static final int FLUSH_ROWS = 100_000;
    static final int REPETITIONS = 6;

    @Test
    void sinkAndSourceThroughputBesideTheirRawHttpBaselines(ClickHouseServer server) throws Exception {
        EventBatch all = new EventBatch(EVENTS + 100);
        SyntheticMarket market = SyntheticMarket.builder().instrument(AAA, 100).instrument(BBB, 250).events(EVENTS)
                .seed(3).timeScaleNanos(TimeUnit.SECONDS.toNanos(15)).build();
        EventBatch batch = new EventBatch(4096);
        while (market.readBatch(batch)) {
            for (int r = 0; r < batch.size(); r++) {
                all.addFrom(batch, r, 0);
            }
        }
        long from = all.exchTs(0);
        long to = all.exchTs(all.size() - 1) + 1;
        // The sink's exact insert bodies, captured once, for the replay baseline.
        List<byte[]> bodies = new ArrayList<>();
        try (FakeClickHouse fake = new FakeClickHouse(r -> {
            if (r.param("query") != null) {
                bodies.add(r.body());
            }
            return FakeClickHouse.Response.ok(new byte[0]);
        })) {
            try (ClickHouseSink sink = ClickHouseSink.builder(fake.client(), new TickTable("t"), INSTRUMENTS)
                    .flushRows(FLUSH_ROWS).build()) {
                sink.writeAll(new InMemoryEventSource(INSTRUMENTS, all));
            }
        }
        ClickHouseClient client = server.client();
        TickTable sinkTable = new TickTable("bench_sink");
        TickTable rawTable = new TickTable("bench_raw");
        double[] sink = new double[REPETITIONS];
        double[] raw = new double[REPETITIONS];
        double[] source = new double[REPETITIONS];
        double[] drain = new double[REPETITIONS];
        for (int rep = 0; rep < REPETITIONS; rep++) {
            for (TickTable t : List.of(sinkTable, rawTable)) {
                client.execute("DROP TABLE IF EXISTS " + t.name());
                t.createIfMissing(client);
            }
            long start = System.nanoTime();
            try (ClickHouseSink s = ClickHouseSink.builder(client, sinkTable, INSTRUMENTS).flushRows(FLUSH_ROWS)
                    .createTable(false).build()) {
                s.writeAll(new InMemoryEventSource(INSTRUMENTS, all));
            }
            sink[rep] = rate(all.size(), start);

            start = System.nanoTime();
            for (byte[] body : bodies) {
                client.insert(rawTable.insertStatement(), body, 0, body.length);
            }
            raw[rep] = rate(all.size(), start);
            assertThat(rawTable.count(client)).isEqualTo(all.size());

            start = System.nanoTime();
            long rows = 0;
            try (ClickHouseSource src = ClickHouseSource.builder(client, sinkTable, INSTRUMENTS).range(from, to)
                    .build()) {
                while (src.readBatch(batch)) {
                    rows += batch.size();
                }
                source[rep] = rate(rows, start);
                assertThat(rows).isEqualTo(all.size());

                start = System.nanoTime();
                long bytes = 0;
                byte[] sinkBuffer = new byte[64 * 1024];
                try (InputStream in = client.query(src.query())) {
                    for (int n; (n = in.read(sinkBuffer)) >= 0; ) {
                        bytes += n;
                    }
                }
                drain[rep] = rate(all.size(), start);
                assertThat(bytes).isEqualTo((long) all.size() * (4 + ClickHouseSource.FIXED_ROW_BYTES));
            }
            System.out.printf("rep %d: sink %,.0f events/s, raw insert %,.0f, source %,.0f, raw drain %,.0f%n",
                    rep, sink[rep], raw[rep], source[rep], drain[rep]);
        }
        double[] sinkRatio = new double[REPETITIONS];
        double[] sourceRatio = new double[REPETITIONS];
        for (int rep = 0; rep < REPETITIONS; rep++) {
            sinkRatio[rep] = sink[rep] / raw[rep];
            sourceRatio[rep] = source[rep] / drain[rep];
        }
        System.out.printf("ClickHouse throughput, %,d events, medians of reps 2..%d: sink %,.0f events/s, raw insert"
                        + " %,.0f, sink / raw %.2f; source %,.0f events/s, raw drain %,.0f, source / drain %.2f%n",
                all.size(), REPETITIONS, median(sink), median(raw), median(sinkRatio), median(source), median(drain),
                median(sourceRatio));
    }

    private static double rate(long events, long startNanos) {
        return events * 1e9 / (System.nanoTime() - startNanos);
    }

    /** Median of the repetitions after the first (warm-up). */
    private static double median(double[] values) {
        double[] v = java.util.Arrays.copyOfRange(values, 1, values.length);
        java.util.Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
