package io.qtrade.sql.clickhouse;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventFlags;
import io.qtrade.core.market.EventKind;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sink's RowBinary bytes and HTTP requests, captured by {@link FakeClickHouse}. */
class ClickHouseSinkEncodingTest {

    static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    static final Instrument BBB = Instrument.spot("BBB", "SYN", 0.05, 1);
    static final TickTable TABLE = new TickTable("ticks");
    static final long T0 = 1_704_153_600_000_000_000L;

    private static FakeClickHouse acceptingAll() throws Exception {
        return new FakeClickHouse(r -> FakeClickHouse.Response.ok(new byte[0]));
    }

    @Test
    void oneRowIsTheDocumentedRowBinaryBytes() throws Exception {
        try (FakeClickHouse fake = acceptingAll()) {
            ClickHouseSink sink = ClickHouseSink.builder(fake.client(), TABLE, List.of(AAA)).createTable(false)
                    .firstSeq(7).build();
            EventBatch batch = new EventBatch(1);
            batch.add(0, T0, T0 + 200_000, EventKind.TRADE, Side.SELL.code(), 100.25, 3, 0, EventFlags.END_OF_MESSAGE);
            sink.write(batch);
            sink.close();
            byte[] body = fake.last().body();
            // Reference for exch_ts: ClickHouse 18.16 itself answered SELECT toInt64(1704153600000000000) FORMAT
            // RowBinary with 00 00 b4 92 ab 5e a6 17. 100.25 = 0x4059100000000000, 3.0 = 0x4008000000000000.
            String expected = "03" + "53594e"                  // venue "SYN": length 3, UTF-8
                    + "03" + "414141"                          // symbol "AAA"
                    + "0000b492ab5ea617"                       // exch_ts
                    + "400db792ab5ea617"                       // local_ts: ...92b40000 + 0x30d40 = ...92b70d40
                    + "02" + "ff"                              // kind TRADE (2), side -1
                    + "0000000000105940"                       // price 100.25
                    + "0000000000000840"                       // qty 3.0
                    + "0000000000000000"                       // order_id 0
                    + "02000000"                               // flags END_OF_MESSAGE
                    + "0700000000000000";                      // seq 7
            assertThat(HexFormat.of().formatHex(body)).isEqualTo(expected);
            assertThat(body.length).isEqualTo(8 + ClickHouseSink.FIXED_ROW_BYTES);
            assertThat(fake.last().param("query")).isEqualTo("INSERT INTO ticks (venue, symbol, exch_ts, local_ts,"
                    + " kind, side, price, qty, order_id, flags, seq) FORMAT RowBinary");
            assertThat(fake.last().param("database")).isEqualTo("default");
            assertThat(fake.last().method()).isEqualTo("POST");
        }
    }

    @Test
    void stringLengthsAreUnsignedLeb128() {
        // 127 fits 7 bits: 7f. 128 = 0b1_0000000: 80 01. 300 = 0b10_0101100: ac 02. "é" is 2 UTF-8 bytes.
        assertThat(ClickHouseSink.rowBinaryString("x".repeat(127))[0]).isEqualTo((byte) 0x7f);
        assertThat(Arrays.copyOf(ClickHouseSink.rowBinaryString("x".repeat(128)), 2))
                .containsExactly(0x80, 0x01);
        assertThat(Arrays.copyOf(ClickHouseSink.rowBinaryString("x".repeat(300)), 2))
                .containsExactly(0xac, 0x02);
        assertThat(ClickHouseSink.rowBinaryString("é")).containsExactly(0x02, 0xc3, 0xa9);
        assertThat(ClickHouseSink.rowBinaryString("x".repeat(300))).hasSize(302);
    }

    @Test
    void everyFlushRowsRowsMakeOneInsertAndSeqRunsOn() throws Exception {
        try (FakeClickHouse fake = acceptingAll()) {
            ClickHouseSink sink = ClickHouseSink.builder(fake.client(), TABLE, List.of(AAA, BBB)).flushRows(4)
                    .build();
            assertThat(fake.requests).hasSize(1); // CREATE TABLE IF NOT EXISTS
            assertThat(fake.last().bodyText()).isEqualTo(TABLE.createStatement());
            EventBatch batch = new EventBatch(10);
            for (int i = 0; i < 10; i++) {
                batch.addDepth(i % 2, T0 + i, T0 + i, Side.BUY, 100, i);
            }
            sink.write(batch);
            assertThat(sink.inserts()).isEqualTo(2);
            assertThat(sink.rowsWritten()).isEqualTo(8);
            assertThat(sink.rowsBuffered()).isEqualTo(2);
            sink.close();
            assertThat(sink.inserts()).isEqualTo(3);
            assertThat(sink.rowsWritten()).isEqualTo(10);
            assertThat(sink.nextSeq()).isEqualTo(10);
            // Rows of 8 + 54 bytes: 4, 4, then 2; the last insert's rows carry seq 8 and 9.
            assertThat(fake.requests.subList(1, 4)).extracting(r -> r.body().length).containsExactly(248, 248, 124);
            ByteBuffer last = ByteBuffer.wrap(fake.last().body()).order(ByteOrder.LITTLE_ENDIAN);
            assertThat(last.getLong(62 - 8)).isEqualTo(8);
            assertThat(last.getLong(124 - 8)).isEqualTo(9);
            assertThatThrownBy(() -> sink.write(batch)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("sink into ticks is closed");
        }
    }

    @Test
    void anInstrumentIndexOutsideTheListIsRefusedWithTheRow() throws Exception {
        try (FakeClickHouse fake = acceptingAll()) {
            ClickHouseSink sink = ClickHouseSink.builder(fake.client(), TABLE, List.of(AAA)).createTable(false)
                    .build();
            EventBatch batch = new EventBatch(2);
            batch.addDepth(0, T0, T0, Side.BUY, 100, 1);
            batch.addDepth(1, T0 + 5, T0 + 5, Side.BUY, 100, 1);
            assertThatThrownBy(() -> sink.write(batch)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("event row 1 of the batch (exchTs 1704153600000000005) refers to instrument 1 but"
                            + " the sink was given 1 instruments");
        }
    }

    @Test
    void credentialsTravelInTheAuthorizationHeaderOnlyAndCompressionGzipsTheRows() throws Exception {
        try (FakeClickHouse fake = acceptingAll()) {
            ClickHouseClient client = ClickHouseClient.builder(fake.endpoint()).database("research")
                    .user("quant").password("hunter2-secret").compression(true).build();
            assertThat(client.toString()).doesNotContain("hunter2").contains("user=quant, password=(set)");
            ClickHouseSink sink = ClickHouseSink.builder(client, TABLE, List.of(AAA)).createTable(false).build();
            EventBatch batch = new EventBatch(3);
            for (int i = 0; i < 3; i++) {
                batch.addTrade(0, T0 + i, T0 + i, Side.BUY, 100 + i, 1);
            }
            sink.write(batch);
            sink.close();
            FakeClickHouse.Request request = fake.last();
            assertThat(request.authorization()).isEqualTo("Basic " + Base64.getEncoder()
                    .encodeToString("quant:hunter2-secret".getBytes(StandardCharsets.UTF_8)));
            assertThat(request.rawQuery()).doesNotContain("hunter2").contains("database=research")
                    .contains("enable_http_compression=1");
            assertThat(sink.toString()).doesNotContain("hunter2");
            assertThat(request.contentEncoding()).isEqualTo("gzip");
            byte[] rows = new GZIPInputStream(new ByteArrayInputStream(request.body())).readAllBytes();
            assertThat(rows).hasSize(3 * (8 + ClickHouseSink.FIXED_ROW_BYTES));
        }
    }

    @Test
    void aRefusedInsertCarriesTheServersMessageButNeverThePassword() throws Exception {
        String text = "Code: 516. DB::Exception: quant: Authentication failed: password is incorrect.";
        try (FakeClickHouse fake = new FakeClickHouse(r -> new FakeClickHouse.Response(401,
                text.getBytes(StandardCharsets.UTF_8)))) {
            ClickHouseClient client = ClickHouseClient.builder(fake.endpoint()).user("quant")
                    .password("hunter2-secret").build();
            assertThatThrownBy(() -> ClickHouseSink.builder(client, TABLE, List.of(AAA)).build())
                    .isInstanceOfSatisfying(ClickHouseException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(401);
                        assertThat(e.errorCode()).isEqualTo(516); // the newer "Code: N." form parses too
                        assertThat(e.getMessage()).contains("user quant").contains("Authentication failed")
                                .doesNotContain("hunter2");
                    });
        }
    }

    @Test
    void namesThatCouldChangeAStatementAreRefused() {
        assertThatThrownBy(() -> new TickTable("ticks; DROP TABLE x"))
                .hasMessage("table name must match [A-Za-z_][A-Za-z0-9_]* (at most 128 characters), was"
                        + " \"ticks; DROP TABLE x\"");
        assertThatThrownBy(() -> new TickTable("1ticks")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClickHouseClient.builder(URI.create("http://h:1")).database("a-b"))
                .hasMessageContaining("database must match");
        assertThatThrownBy(() -> ClickHouseClient.builder(URI.create("http://u:p@h:8123")))
                .hasMessage("endpoint must not carry credentials; use user() and password() (endpoint host h)");
        assertThatThrownBy(() -> ClickHouseClient.builder(URI.create("http://h:8123/?user=x")))
                .hasMessage("endpoint must be scheme://host:port only, was http://h:8123/?user=x");
        assertThatThrownBy(() -> ClickHouseClient.builder(URI.create("ftp://h:1")))
                .hasMessage("endpoint must be an http:// or https:// URI, was ftp://h:1");
        assertThat(Identifiers.literal("a'b\\c")).isEqualTo("'a\\'b\\\\c'");
    }

    @Test
    void flushRowsIsCheckedAndTheBufferFitsItsRows() throws Exception {
        try (FakeClickHouse fake = acceptingAll()) {
            ClickHouseClient client = fake.client();
            assertThatThrownBy(() -> ClickHouseSink.builder(client, TABLE, List.of(AAA)).flushRows(0))
                    .hasMessage("flushRows must be in 1..1048576, was 0");
            assertThatThrownBy(() -> ClickHouseSink.builder(client, TABLE, List.of()))
                    .hasMessage("a sink needs at least one instrument");
            assertThatThrownBy(() -> ClickHouseSink.builder(client, TABLE, List.of(AAA)).firstSeq(-1))
                    .hasMessage("firstSeq must be >= 0, was -1");
        }
    }
}
