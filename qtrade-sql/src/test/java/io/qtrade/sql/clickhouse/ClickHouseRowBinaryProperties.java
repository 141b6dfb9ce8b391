package io.qtrade.sql.clickhouse;

import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariant: whatever the events, symbols, flush size and batch sizes, what the sink writes the source reads back
 * unchanged, row for row. The store is {@link FakeClickHouse} acting as a table: it keeps the inserted RowBinary
 * rows and answers the source's query with them sorted by {@code (exch_ts, seq)}, as the query asks.
 */
class ClickHouseRowBinaryProperties {

    static final String[] SYMBOLS = {"A", "BTCUSDT", "NIFTY24JANFUT", "é-ü", "x'y\\z", "S".repeat(200)};

    @Property(tries = 60)
    void whatTheSinkWritesTheSourceReadsBackRowForRow(@ForAll long seed,
                                                      @ForAll @IntRange(min = 1, max = 600) int events,
                                                      @ForAll @IntRange(min = 1, max = 97) int flushRows,
                                                      @ForAll @IntRange(min = 1, max = 128) int readCapacity)
            throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        List<Instrument> instruments = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        int first = random.nextInt(SYMBOLS.length);
        for (int i = 0; i < count; i++) {
            instruments.add(Instrument.spot(SYMBOLS[(first + i) % SYMBOLS.length], "VENUE", 0.01, 1));
        }
        EventBatch input = randomEvents(random, events, count);
        List<Row> table = new ArrayList<>();
        try (FakeClickHouse fake = new FakeClickHouse(request -> {
            String query = request.param("query");
            if (query != null && query.startsWith("INSERT")) {
                synchronized (table) {
                    parseInsert(request.body(), table);
                }
                return FakeClickHouse.Response.ok(new byte[0]);
            }
            if (request.bodyText().startsWith("SELECT")) {
                synchronized (table) {
                    return FakeClickHouse.Response.ok(select(table));
                }
            }
            return FakeClickHouse.Response.ok(new byte[0]);
        })) {
            try (ClickHouseSink sink = ClickHouseSink.builder(fake.client(), new TickTable("t"), instruments)
                    .flushRows(flushRows).build()) {
                sink.write(input);
            }
            EventBatch back = new EventBatch(events);
            try (ClickHouseSource source = ClickHouseSource.builder(fake.client(), new TickTable("t"), instruments)
                    .range(Long.MIN_VALUE, Long.MAX_VALUE).build()) {
                EventBatch batch = new EventBatch(readCapacity);
                while (source.readBatch(batch)) {
                    for (int r = 0; r < batch.size(); r++) {
                        back.addFrom(batch, r, 0);
                    }
                }
            }
            assertThat(table).hasSize(events);
            assertThat(back.contentEquals(input)).isTrue();
        }
    }

    /** Valid events of every kind, exch_ts non-decreasing with many ties, extreme values included. */
    private static EventBatch randomEvents(SplittableRandom random, int events, int instruments) {
        EventBatch batch = new EventBatch(events);
        long ts = random.nextLong(-1_000_000_000_000L, 4_000_000_000_000_000_000L);
        EventKind[] kinds = EventKind.values();
        for (int i = 0; i < events; i++) {
            ts += random.nextInt(3) == 0 ? 0 : random.nextInt(1_000_000);
            EventKind kind = kinds[random.nextInt(kinds.length)];
            byte side = (byte) (random.nextInt(3) - 1);
            if (side == 0 && (kind == EventKind.DEPTH_UPDATE || kind == EventKind.BBO || kind == EventKind.ORDER_ADD)) {
                side = 1;
            }
            double price = kind.hasPrice() ? (random.nextBoolean() ? random.nextDouble(-1e6, 1e9) : 1e-300)
                    : (random.nextBoolean() ? Double.NaN : 0.0);
            double qty = random.nextInt(5) == 0 ? 0.0 : random.nextDouble(0, 1e12);
            long orderId = kind.isL3() ? (random.nextBoolean() ? Long.MIN_VALUE : random.nextLong()) | 1 : 0;
            int flags = random.nextInt();
            batch.add(random.nextInt(instruments), ts, ts + random.nextInt(1000), kind, side, price, qty, orderId,
                    flags);
        }
        return batch;
    }

    /** One stored row: the symbol's RowBinary bytes, the 46 bytes the source selects, and the sort key. */
    private record Row(byte[] symbol, byte[] fixed, long exchTs, long seq) {
    }

    private static void parseInsert(byte[] body, List<Row> table) {
        ByteBuffer in = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        while (in.hasRemaining()) {
            skipString(in); // venue
            int symbolStart = in.position();
            skipString(in);
            byte[] symbol = new byte[in.position() - symbolStart];
            in.get(symbolStart, symbol);
            byte[] fixed = new byte[ClickHouseSource.FIXED_ROW_BYTES];
            in.get(fixed);
            long seq = in.getLong();
            long exchTs = ByteBuffer.wrap(fixed).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
            table.add(new Row(symbol, fixed, exchTs, seq));
        }
    }

    private static void skipString(ByteBuffer in) {
        int length = 0;
        int shift = 0;
        byte b;
        do {
            b = in.get();
            length |= (b & 0x7F) << shift;
            shift += 7;
        } while (b < 0);
        in.position(in.position() + length);
    }

    private static byte[] select(List<Row> table) {
        List<Row> sorted = new ArrayList<>(table);
        sorted.sort(Comparator.comparingLong(Row::exchTs).thenComparingLong(Row::seq));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Row row : sorted) {
            out.writeBytes(row.symbol());
            out.writeBytes(row.fixed());
        }
        return out.toByteArray();
    }
}
