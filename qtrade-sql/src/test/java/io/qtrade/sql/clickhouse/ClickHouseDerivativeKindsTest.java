package io.qtrade.sql.clickhouse;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventFlags;
import io.qtrade.core.market.EventKind;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mark price, index price and funding rate rows (issue 23) through the ClickHouse sink and source without a server:
 * the sink's RowBinary bytes of a funding row are the documented layout (the rate in {@code price}, the funding time
 * in {@code order_id}), and rows the sink wrote come back from the source unchanged when {@link FakeClickHouse}
 * serves them as the table would.
 */
class ClickHouseDerivativeKindsTest {

    static final Instrument PERP = Instrument.spot("BTCUSDT", "BINANCE_USDM", 0.1, 0.001);
    static final TickTable TABLE = new TickTable("ticks");
    static final long T0 = 1_704_153_600_000_000_000L;       // 2024-01-02T00:00Z
    static final long FUNDING = T0 + 8 * 3_600_000_000_000L; // 08:00

    static EventBatch derivativeRows() {
        EventBatch b = new EventBatch(8);
        b.add(0, T0, T0 + 3_000_000, EventKind.MARK_PRICE, Side.NO_SIDE_CODE, 42_001.12345678, 0, 0,
                EventFlags.END_OF_MESSAGE);
        b.add(0, T0, T0 + 3_000_000, EventKind.INDEX_PRICE, Side.NO_SIDE_CODE, 41_998.87654321, 0, 0,
                EventFlags.END_OF_MESSAGE);
        b.add(0, T0, T0 + 3_000_000, EventKind.FUNDING_RATE, Side.NO_SIDE_CODE, -0.00002345, 0, FUNDING,
                EventFlags.END_OF_MESSAGE);
        b.add(0, T0 + 1_000_000_000L, T0 + 1_003_000_000L, EventKind.FUNDING_RATE, Side.NO_SIDE_CODE, 0.0001, 0,
                FUNDING, EventFlags.END_OF_MESSAGE);
        return b;
    }

    @Test
    void aFundingRowIsTheDocumentedRowBinaryBytes() throws Exception {
        try (FakeClickHouse fake = new FakeClickHouse(r -> FakeClickHouse.Response.ok(new byte[0]))) {
            ClickHouseSink sink = ClickHouseSink.builder(fake.client(), TABLE, List.of(PERP)).createTable(false)
                    .firstSeq(1).build();
            EventBatch one = new EventBatch(1);
            one.add(0, T0, T0, EventKind.FUNDING_RATE, Side.NO_SIDE_CODE, 0.0001, 0, FUNDING, EventFlags.NONE);
            sink.write(one);
            sink.close();
            byte[] body = fake.last().body();
            // 0.0001 = 0x3F1A36E2EB1C432D (Double.doubleToLongBits); FUNDING = 1704182400000000000 = 0x17A678DD18790000
            String fixed = HexFormat.of().formatHex(body, 1 + 12 + 1 + 7, body.length);
            assertThat(fixed).isEqualTo("0000b492ab5ea617" + "0000b492ab5ea617"   // exch_ts, local_ts
                    + "0d" + "00"                                                 // kind FUNDING_RATE (13), no side
                    + "2d431cebe2361a3f"                                          // price: the rate 0.0001
                    + "0000000000000000"                                          // qty 0
                    + "00007918dd78a617"                                          // order_id: the funding time
                    + "00000000" + "0100000000000000");                           // flags, seq 1
        }
    }

    @Test
    void derivativeRowsTheSinkWritesComeBackFromTheSourceUnchanged() throws Exception {
        EventBatch input = derivativeRows();
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        try (FakeClickHouse fake = new FakeClickHouse(request -> {
            String query = request.param("query");
            if (query != null && query.startsWith("INSERT")) {
                synchronized (table) {
                    selectColumns(request.body(), table);
                }
                return FakeClickHouse.Response.ok(new byte[0]);
            }
            if (request.bodyText().startsWith("SELECT")) {
                synchronized (table) {
                    return FakeClickHouse.Response.ok(table.toByteArray()); // rows arrive in (exch_ts, seq) order
                }
            }
            return FakeClickHouse.Response.ok(new byte[0]);
        })) {
            try (ClickHouseSink sink = ClickHouseSink.builder(fake.client(), TABLE, List.of(PERP)).build()) {
                sink.write(input);
            }
            EventBatch back = new EventBatch(8);
            try (ClickHouseSource source = ClickHouseSource.builder(fake.client(), TABLE, List.of(PERP))
                    .range(Long.MIN_VALUE, Long.MAX_VALUE).build()) {
                assertThat(source.readBatch(back)).isTrue();
            }
            assertThat(back.contentEquals(input)).as("%s", back).isTrue();
            assertThat(back.orderId(2)).isEqualTo(FUNDING);
            assertThat(back.price(2)).isEqualTo(-0.00002345);
        }
    }

    /** An INSERT body (venue, symbol, 46 fixed bytes, seq per row) as the SELECT answers it (symbol, fixed bytes). */
    private static void selectColumns(byte[] body, ByteArrayOutputStream out) {
        ByteBuffer in = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        while (in.hasRemaining()) {
            skipString(in);
            int symbolStart = in.position();
            skipString(in);
            int end = in.position() + ClickHouseSource.FIXED_ROW_BYTES;
            out.write(body, symbolStart, end - symbolStart);
            in.position(end + 8);
        }
    }

    private static void skipString(ByteBuffer in) {
        int length = in.get(); // names here are shorter than 128 bytes: one LEB128 byte
        in.position(in.position() + length);
    }
}
