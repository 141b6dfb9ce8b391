package io.qtrade.sql.clickhouse;

import io.qtrade.store.synthetic.SyntheticMarket;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Against a real {@code clickhouse-server} started for this class (skipped with an install hint without one): a day
 * of synthetic events written and read back row for row, range edges, table creation, server errors.
 */
@ExtendWith(ClickHouseServerExtension.class)
class ClickHouseRoundTripTest {

    static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    static final Instrument BBB = new Instrument("BBB", "SYN", 0.05, 0.001, 10);
    static final List<Instrument> INSTRUMENTS = List.of(AAA, BBB);
    static final long EVENTS = 300_000;
    static final long DAY_START = SyntheticMarket.DEFAULT_START_NANOS; // 2024-01-02T00:00Z
    static final long DAY_NANOS = TimeUnit.DAYS.toNanos(1);
    static final TickTable DAY = new TickTable("ticks_day");

    static ClickHouseServer server;
    static ClickHouseClient client;
    /** Every generated event, in stream order. */
    static EventBatch all;
    static double sinkEventsPerSecond;

    /**
     * Two instruments, 300,000 events. At these rates the two books emit about 190 events per model second together,
     * so about 1,570 model seconds hold them; 50 s of venue time per model second spreads them over about 22 of the
     * day's 24 hours (checked below).
     */
    static SyntheticMarket market() {
        return SyntheticMarket.builder()
                .instrument(AAA, 100.00)
                .instrument(BBB, 250.00)
                .events(EVENTS)
                .seed(20240102)
                .timeScaleNanos(TimeUnit.SECONDS.toNanos(50))
                .feedJitterNanos(50_000)
                .meanReversion(0.5)
                .correlation(0.7)
                .build();
    }

    /** Writes the day once per class (in {@code @BeforeEach} so that a missing server skips each test visibly). */
    @BeforeEach
    void writeADayOnce(ClickHouseServer started) {
        if (server == started) {
            return;
        }
        client = started.client();
        SyntheticMarket market = market();
        all = new EventBatch((int) EVENTS + 1000);
        EventBatch batch = new EventBatch(4096);
        while (market.readBatch(batch)) {
            for (int row = 0; row < batch.size(); row++) {
                all.addFrom(batch, row, 0);
            }
        }
        long start = System.nanoTime();
        try (ClickHouseSink sink = ClickHouseSink.builder(client, DAY, INSTRUMENTS).flushRows(50_000).build()) {
            assertThat(sink.writeAll(market())).isEqualTo(all.size());
            assertThat(sink.inserts()).isEqualTo((all.size() + 49_999) / 50_000);
        }
        sinkEventsPerSecond = all.size() * 1e9 / (System.nanoTime() - start);
        server = started; // only now: a failed write is retried, and fails, in the next test too
    }

    @Test
    void aDayOfTwoInstrumentsComesBackRowForRowInStreamOrder() {
        assertThat(all.size()).isBetween((int) EVENTS, (int) EVENTS + 20);
        long span = all.exchTs(all.size() - 1) - all.exchTs(0);
        assertThat(span).as("the events cover most of one day").isBetween(DAY_NANOS / 2, DAY_NANOS - 1);
        assertThat(DAY.count(client)).isEqualTo(all.size());

        EventBatch got = new EventBatch(4096);
        EventBatch expected = new EventBatch(4096);
        int next = 0;
        long start = System.nanoTime();
        try (ClickHouseSource source = ClickHouseSource.builder(client, DAY, INSTRUMENTS)
                .range(DAY_START, DAY_START + DAY_NANOS).build()) {
            while (source.readBatch(got)) {
                expected.clear();
                for (int i = 0; i < got.size() && next < all.size(); i++) {
                    expected.addFrom(all, next++, 0);
                }
                assertThat(got.contentEquals(expected)).as("batch ending at row %d", next).isTrue();
            }
            assertThat(source.rowsRead()).isEqualTo(all.size());
        }
        double sourceEventsPerSecond = all.size() * 1e9 / (System.nanoTime() - start);
        assertThat(next).isEqualTo(all.size());
        System.out.printf("ClickHouse round trip of %,d events: sink %,.0f events/s, source %,.0f events/s%n",
                all.size(), sinkEventsPerSecond, sourceEventsPerSecond);
    }

    @Test
    void theRangeIncludesFromAndExcludesTo() {
        // Rows 100,000 and 250,000 may sit inside runs of equal exch_ts: the whole run at `from` is in, at `to` out.
        long from = all.exchTs(100_000);
        long to = all.exchTs(250_000);
        assertThat(read(from, to).contentEquals(slice(from, to))).isTrue();
        // The last timestamp alone, and everything but it.
        long last = all.exchTs(all.size() - 1);
        EventBatch lastOnly = read(last, last + 1);
        assertThat(lastOnly.size()).isPositive();
        assertThat(lastOnly.contentEquals(slice(last, last + 1))).isTrue();
        assertThat(read(DAY_START, last).size()).isEqualTo(all.size() - lastOnly.size());
        // The snapshot rows at the day's first nanosecond, and nothing before the day.
        EventBatch first = read(DAY_START, DAY_START + 1);
        assertThat(first.contentEquals(slice(DAY_START, DAY_START + 1))).isTrue();
        assertThat(first.kind(0)).isEqualTo(EventKind.SNAPSHOT_BEGIN);
        assertThat(read(DAY_START - DAY_NANOS, DAY_START).size()).isZero();
    }

    @Test
    void oneSymbolOfTheTwoComesBackAlone() {
        EventBatch got = new EventBatch(all.size());
        try (ClickHouseSource source = ClickHouseSource.builder(client, DAY, List.of(BBB))
                .range(DAY_START, DAY_START + DAY_NANOS).build()) {
            EventBatch batch = new EventBatch(10_000);
            while (source.readBatch(batch)) {
                for (int row = 0; row < batch.size(); row++) {
                    got.addFrom(batch, row, 0);
                }
            }
        }
        EventBatch expected = new EventBatch(all.size());
        for (int row = 0; row < all.size(); row++) {
            if (all.instrument(row) == 1) {
                expected.addFrom(all, row, -1); // BBB is instrument 0 of the one-symbol source
            }
        }
        assertThat(expected.size()).isBetween(100_000, 200_000);
        assertThat(got.contentEquals(expected)).isTrue();
    }

    @Test
    void creatingTheTableAgainKeepsItsRowsAndItsKey() {
        DAY.createIfMissing(client);
        DAY.createIfMissing(client);
        assertThat(DAY.count(client)).isEqualTo(all.size());
        String ddl = client.execute("SHOW CREATE TABLE " + DAY.name() + " FORMAT TabSeparatedRaw");
        assertThat(ddl).contains("MergeTree").contains("ORDER BY (venue, symbol, exch_ts, seq)")
                .contains("PARTITION BY toYYYYMMDD(toDateTime(intDiv(exch_ts, 1000000000), 'UTC'))");
        // 22 hours of one day: one partition, named for the UTC day.
        assertThat(client.execute("SELECT DISTINCT partition FROM system.parts WHERE table = 'ticks_day'"
                + " AND active FORMAT TabSeparated").strip()).isEqualTo("20240102");
        assertThat(DAY.nextSeq(client)).isEqualTo(all.size());
    }

    @Test
    void quotedAndNonAsciiSymbolsRoundTripAndADayDropsAsOnePartition() {
        Instrument quoted = Instrument.spot("x'y\\z", "VENUE É", 0.01, 1);
        Instrument accented = Instrument.spot("ÉTÉ-24", "VENUE É", 0.01, 1);
        List<Instrument> odd = List.of(quoted, accented);
        TickTable table = new TickTable("ticks_odd");
        long dayBefore = DAY_START - DAY_NANOS;
        EventBatch events = new EventBatch(4);
        events.addTrade(0, DAY_START - 1, DAY_START, Side.BUY, 10.01, 2);      // 2024-01-01T23:59:59.999999999Z
        events.addTrade(1, DAY_START - 1, DAY_START, Side.SELL, 20.02, 3);
        events.addTrade(1, DAY_START, DAY_START + 1, null, 20.03, 4);          // 2024-01-02T00:00Z
        events.addTrade(0, DAY_START + 5, DAY_START + 6, Side.BUY, 10.02, 5);
        try (ClickHouseSink sink = ClickHouseSink.builder(client, table, odd).build()) {
            sink.write(events);
        }
        EventBatch back = new EventBatch(10);
        try (ClickHouseSource source = ClickHouseSource.builder(client, table, odd)
                .range(dayBefore, DAY_START + DAY_NANOS).build()) {
            assertThat(source.readBatch(back)).isTrue();
        }
        assertThat(back.contentEquals(events)).isTrue();
        assertThat(client.execute("SELECT partition, count() FROM system.parts WHERE table = 'ticks_odd' AND active"
                + " GROUP BY partition ORDER BY partition FORMAT TabSeparated")).isEqualTo("20240101\t1\n20240102\t1\n");
        client.execute("ALTER TABLE ticks_odd DROP PARTITION 20240101");
        try (ClickHouseSource source = ClickHouseSource.builder(client, table, odd)
                .range(dayBefore, DAY_START + DAY_NANOS).build()) {
            assertThat(source.readBatch(back)).isTrue();
        }
        assertThat(back.size()).isEqualTo(2);
        assertThat(back.exchTs(0)).isEqualTo(DAY_START);
        assertThat(back.instrument(1)).isZero();
    }

    @Test
    void badSqlRaisesTheServersSyntaxErrorWithStatusAndCode() {
        assertThatThrownBy(() -> client.execute("SELEC 1"))
                .isInstanceOfSatisfying(ClickHouseException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.errorCode()).isEqualTo(62); // SYNTAX_ERROR in every ClickHouse version
                    assertThat(e.serverMessage()).contains("Syntax error");
                    assertThat(e.getMessage()).contains("HTTP 400").contains("code 62").contains("SELEC 1")
                            .contains(server.endpoint().toString());
                });
    }

    @Test
    void anInsertIntoAMissingTableFailsTheSinkWithTheServersMessage() {
        TickTable missing = new TickTable("no_such_table");
        ClickHouseSink sink = ClickHouseSink.builder(client, missing, INSTRUMENTS).createTable(false).build();
        EventBatch batch = new EventBatch(10);
        batch.addTrade(0, DAY_START, DAY_START + 1, null, 100.0, 1);
        sink.write(batch);
        assertThatThrownBy(sink::flush)
                .isInstanceOfSatisfying(ClickHouseException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(60); // UNKNOWN_TABLE
                    assertThat(e.getMessage()).contains("no_such_table");
                });
        assertThat(sink.rowsWritten()).isZero();
        assertThatThrownBy(() -> sink.write(batch)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failed earlier after 0 acknowledged rows");
        sink.close(); // does not retry the failed insert
    }

    @Test
    void aPasswordUserWritesAndAWrongPasswordIsRefusedWithoutEchoingIt() {
        ClickHouseClient writer = ClickHouseClient.builder(server.endpoint())
                .user(ClickHouseServer.PASSWORD_USER).password(ClickHouseServer.PASSWORD).compression(true).build();
        assertThat(writer.toString()).doesNotContain(ClickHouseServer.PASSWORD).contains("password=(set)");
        TickTable table = new TickTable("ticks_auth");
        EventBatch batch = new EventBatch(100);
        for (int i = 0; i < 100; i++) {
            batch.addDepth(i % 2, DAY_START + i, DAY_START + i + 5, i % 3 == 0 ? Side.SELL
                    : Side.BUY, 100 + i * 0.01, i);
        }
        try (ClickHouseSink sink = ClickHouseSink.builder(writer, table, INSTRUMENTS).flushRows(30).build()) {
            sink.write(batch);
            assertThat(sink.rowsWritten()).isEqualTo(90);
        }
        EventBatch back = new EventBatch(1000);
        try (ClickHouseSource source = ClickHouseSource.builder(writer, table, INSTRUMENTS)
                .range(DAY_START, DAY_START + 100).build()) {
            assertThat(source.readBatch(back)).isTrue();
            assertThat(back.contentEquals(batch)).as("gzip both ways").isTrue();
        }

        String wrong = "wrong-" + ClickHouseServer.PASSWORD;
        ClickHouseClient intruder = ClickHouseClient.builder(server.endpoint())
                .user(ClickHouseServer.PASSWORD_USER).password(wrong).build();
        assertThatThrownBy(() -> intruder.execute("SELECT 1"))
                .isInstanceOfSatisfying(ClickHouseException.class, e -> {
                    assertThat(e.httpStatus()).isIn(401, 403);
                    assertThat(e.getMessage()).contains(ClickHouseServer.PASSWORD_USER)
                            .doesNotContain(ClickHouseServer.PASSWORD);
                });
    }

    private static EventBatch read(long from, long to) {
        EventBatch out = new EventBatch(all.size());
        try (ClickHouseSource source = ClickHouseSource.builder(client, DAY, INSTRUMENTS).range(from, to).build()) {
            EventBatch batch = new EventBatch(7777);
            while (source.readBatch(batch)) {
                for (int row = 0; row < batch.size(); row++) {
                    out.addFrom(batch, row, 0);
                }
            }
        }
        return out;
    }

    private static EventBatch slice(long from, long to) {
        EventBatch out = new EventBatch(all.size());
        for (int row = 0; row < all.size(); row++) {
            long ts = all.exchTs(row);
            if (ts >= from && ts < to) {
                out.addFrom(all, row, 0);
            }
        }
        return out;
    }
}
