package io.qtrade.sql.clickhouse;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventFlags;
import io.qtrade.core.market.EventKind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The source's decoding and its errors, on exact bytes served by {@link FakeClickHouse}. */
class ClickHouseSourceDecodingTest {

    static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    static final Instrument QUOTED = Instrument.spot("B'B\\", "SYN", 0.5, 1);
    static final List<Instrument> INSTRUMENTS = List.of(AAA, QUOTED);
    static final TickTable TABLE = new TickTable("ticks");
    static final long T0 = 1_704_153_600_000_000_000L;
    /** Bytes of one "AAA" row: 1 length byte + 3 symbol bytes + 46 fixed. */
    static final int AAA_ROW = 50;

    private static ClickHouseSource source(FakeClickHouse fake) {
        return ClickHouseSource.builder(fake.client(), TABLE, INSTRUMENTS).range(T0, T0 + 1_000_000).build();
    }

    private static FakeClickHouse serving(byte[] body) throws Exception {
        return new FakeClickHouse(request -> FakeClickHouse.Response.ok(body));
    }

    private static FakeClickHouse.Rows threeRows() {
        return new FakeClickHouse.Rows()
                .row("AAA", T0, T0 + 200, 1, 1, 100.01, 5, 0, EventFlags.END_OF_MESSAGE)
                .row("B'B\\", T0 + 10, T0 + 210, 2, -1, 99.5, 0.25, 0, EventFlags.SIDE_INFERRED)
                .row("AAA", T0 + 10, T0 + 220, 7, -1, 100.02, 3, 987_654_321L, EventFlags.NONE);
    }

    @Test
    void decodesEveryFieldOfHandEncodedRowsAndSendsTheDocumentedQuery() throws Exception {
        try (FakeClickHouse fake = serving(threeRows().bytes()); ClickHouseSource source = source(fake)) {
            EventBatch batch = new EventBatch(10);
            assertThat(source.readBatch(batch)).isTrue();
            EventBatch expected = new EventBatch(10);
            expected.add(0, T0, T0 + 200, EventKind.DEPTH_UPDATE, Side.BUY.code(), 100.01, 5, 0,
                    EventFlags.END_OF_MESSAGE);
            expected.add(1, T0 + 10, T0 + 210, EventKind.TRADE, Side.SELL.code(), 99.5, 0.25, 0,
                    EventFlags.SIDE_INFERRED);
            expected.add(0, T0 + 10, T0 + 220, EventKind.ORDER_ADD, Side.SELL.code(), 100.02, 3, 987_654_321L,
                    EventFlags.NONE);
            assertThat(batch.contentEquals(expected)).isTrue();
            assertThat(source.readBatch(batch)).isFalse();
            assertThat(batch.isEmpty()).isTrue();
            assertThat(fake.requests).hasSize(1);
            // The symbol's quote and backslash are escaped in the literal: 'B\'B\\'.
            assertThat(fake.last().bodyText()).isEqualTo("SELECT symbol, exch_ts, local_ts, kind, side, price, qty,"
                    + " order_id, flags FROM ticks WHERE venue = 'SYN' AND symbol IN ('AAA', 'B\\'B\\\\')"
                    + " AND exch_ts >= 1704153600000000000 AND exch_ts < 1704153600001000000"
                    + " ORDER BY exch_ts, seq FORMAT RowBinary");
            assertThat(fake.last().param("database")).isEqualTo("default");
        }
    }

    @Test
    void rowsSpanningManyBatchesAndReadBuffersComeBackInOrder() throws Exception {
        // 5,000 rows of 50 bytes = 250,000 bytes: rows straddle the 64 KiB read buffer's refills.
        FakeClickHouse.Rows rows = new FakeClickHouse.Rows();
        for (int i = 0; i < 5000; i++) {
            rows.row("AAA", T0 + i, T0 + i + 1, 1, i % 2 == 0 ? 1 : -1, 100 + i * 0.01, i, 0, 0);
        }
        try (FakeClickHouse fake = serving(rows.bytes()); ClickHouseSource source = source(fake)) {
            EventBatch batch = new EventBatch(333);
            int seen = 0;
            while (source.readBatch(batch)) {
                for (int r = 0; r < batch.size(); r++, seen++) {
                    assertThat(batch.exchTs(r)).isEqualTo(T0 + seen);
                    assertThat(batch.qty(r)).isEqualTo(seen);
                }
            }
            assertThat(seen).isEqualTo(5000);
        }
    }

    @Test
    void aResponseCutInsideQtyNamesRowFieldAndByteOffset() throws Exception {
        byte[] full = threeRows().bytes();
        // Row 0 ("AAA") is 1 + 3 + 46 = 50 bytes, row 1 ("B'B\\", 4 bytes) 1 + 4 + 46 = 51: row 2 starts at byte 101,
        // its fixed fields at 105, qty at 105 + 26 = 131. Keep 3 bytes of qty: 134 bytes.
        byte[] cut = Arrays.copyOf(full, 134);
        try (FakeClickHouse fake = serving(cut); ClickHouseSource source = source(fake)) {
            EventBatch batch = new EventBatch(10);
            assertThatThrownBy(() -> source.readBatch(batch))
                    .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
                        assertThat(e.row()).isEqualTo(2);
                        assertThat(e.byteOffset()).isEqualTo(131);
                        assertThat(e.getMessage()).isEqualTo("ClickHouse response for table ticks is truncated"
                                + " inside row 2 (starting at byte offset 101): field qty starts at byte offset 131"
                                + " but the response ended at byte offset 134");
                    });
            assertThat(batch.size()).as("the rows before the cut").isEqualTo(2);
            assertThatThrownBy(() -> source.readBatch(batch)).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("source ticks failed earlier at row 2: ClickHouse response for table"
                            + " ticks is truncated");
        }
    }

    @Test
    void aResponseCutInsideTheSymbolOrRightAfterItIsTruncatedToo() throws Exception {
        byte[] full = threeRows().bytes();
        // Row 1 starts at 50 with length byte 4 ("B'B\\"): symbol bytes at 51..54, cut after 2 of them.
        try (FakeClickHouse fake = serving(Arrays.copyOf(full, 53)); ClickHouseSource source = source(fake)) {
            assertThatThrownBy(() -> source.readBatch(new EventBatch(10)))
                    .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
                        assertThat(e.byteOffset()).isEqualTo(51);
                        assertThat(e.getMessage()).contains("field symbol").contains("ended at byte offset 53");
                    });
        }
        // Row 1's fixed fields start at 55; cut exactly there: exch_ts is missing.
        try (FakeClickHouse fake = serving(Arrays.copyOf(full, 55)); ClickHouseSource source = source(fake)) {
            assertThatThrownBy(() -> source.readBatch(new EventBatch(10)))
                    .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
                        assertThat(e.byteOffset()).isEqualTo(55);
                        assertThat(e.getMessage()).contains("field exch_ts");
                    });
        }
    }

    @Test
    void anUnknownSymbolIsRefusedWithTheSymbolAndTheList() throws Exception {
        byte[] body = new FakeClickHouse.Rows().row("AAA", T0, T0, 1, 1, 1, 1, 0, 0)
                .row("ZZZ", T0, T0, 1, 1, 1, 1, 0, 0).bytes();
        try (FakeClickHouse fake = serving(body); ClickHouseSource source = source(fake)) {
            assertThatThrownBy(() -> source.readBatch(new EventBatch(10)))
                    .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
                        assertThat(e.row()).isEqualTo(1);
                        assertThat(e.byteOffset()).isEqualTo(AAA_ROW);
                        assertThat(e.getMessage()).contains("field symbol").contains("\"ZZZ\"")
                                .contains("[AAA@SYN, B'B\\@SYN]");
                    });
        }
    }

    @Test
    void aKindCodeThatNamesNoKindIsRefusedAtItsByte() throws Exception {
        byte[] body = new FakeClickHouse.Rows().row("AAA", T0, T0, 42, 1, 1, 1, 0, 0).bytes();
        try (FakeClickHouse fake = serving(body); ClickHouseSource source = source(fake)) {
            assertThatThrownBy(() -> source.readBatch(new EventBatch(10)))
                    .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
                        assertThat(e.byteOffset()).isEqualTo(4 + 16); // after "AAA" and two timestamps
                        assertThat(e.getMessage()).contains("field kind").contains("got 42");
                    });
        }
    }

    @Test
    void timestampsOutsideTheRangeOrOutOfOrderAreRefused() throws Exception {
        byte[] outside = new FakeClickHouse.Rows().row("AAA", T0 + 1_000_000, T0, 2, 1, 1, 1, 0, 0).bytes();
        try (FakeClickHouse fake = serving(outside); ClickHouseSource source = source(fake)) {
            assertThatThrownBy(() -> source.readBatch(new EventBatch(10)))
                    .isInstanceOf(MalformedResponseException.class)
                    .hasMessageContaining("field exch_ts at byte offset 4")
                    .hasMessageContaining("a time in [1704153600000000000, 1704153600001000000), got "
                            + "1704153600001000000");
        }
        byte[] backwards = new FakeClickHouse.Rows().row("AAA", T0 + 5, T0, 2, 1, 1, 1, 0, 0)
                .row("AAA", T0 + 3, T0, 2, 1, 1, 1, 0, 0).bytes();
        try (FakeClickHouse fake = serving(backwards); ClickHouseSource source = source(fake)) {
            assertThatThrownBy(() -> source.readBatch(new EventBatch(10)))
                    .isInstanceOf(MalformedResponseException.class)
                    .hasMessageContaining("row 1, field exch_ts at byte offset 54")
                    .hasMessageContaining("2 ns before the previous row's");
        }
    }

    @Test
    void aValueTheEventModelRefusesIsWrappedWithRowAndOffset() throws Exception {
        byte[] body = new FakeClickHouse.Rows().row("AAA", T0, T0, 1, 1, 100, -3, 0, 0).bytes();
        try (FakeClickHouse fake = serving(body); ClickHouseSource source = source(fake)) {
            assertThatThrownBy(() -> source.readBatch(new EventBatch(10)))
                    .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
                        assertThat(e.getMessage()).contains("row 0").contains("qty must be finite and >= 0, was -3.0");
                        assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
                    });
        }
    }

    @Test
    void anErrorAppendedToAStreamedResultBecomesAClickHouseException() throws Exception {
        // What ClickHouse 18.16 sends when a query fails after its first blocks went out with 200 OK.
        String text = "Code: 241, e.displayText() = DB::Exception: Memory limit (for query) exceeded, e.what() = "
                + "DB::Exception\n";
        byte[] body = threeRows().raw(text.getBytes(StandardCharsets.UTF_8)).bytes();
        try (FakeClickHouse fake = serving(body); ClickHouseSource source = source(fake)) {
            EventBatch batch = new EventBatch(10);
            assertThatThrownBy(() -> source.readBatch(batch))
                    .isInstanceOfSatisfying(ClickHouseException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(200);
                        assertThat(e.errorCode()).isEqualTo(241);
                        assertThat(e.serverMessage()).startsWith("Code: 241").contains("Memory limit");
                    });
            assertThat(batch.size()).isEqualTo(3);
        }
    }

    @Test
    void anHttpErrorStatusCarriesStatusCodeAndMessage() throws Exception {
        String text = "Code: 60, e.displayText() = DB::Exception: Table default.ticks doesn't exist.";
        try (FakeClickHouse fake = new FakeClickHouse(r -> new FakeClickHouse.Response(404,
                text.getBytes(StandardCharsets.UTF_8))); ClickHouseSource source = source(fake)) {
            assertThatThrownBy(() -> source.readBatch(new EventBatch(10)))
                    .isInstanceOfSatisfying(ClickHouseException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(404);
                        assertThat(e.errorCode()).isEqualTo(60);
                        assertThat(e.getMessage()).startsWith("ClickHouse at " + fake.endpoint()
                                + " (database default, user default) answered HTTP 404 (ClickHouse error code 60): "
                                + text + " [statement: SELECT symbol");
                    });
        }
    }

    @Test
    void anEmptyResultIsAnEmptyStream() throws Exception {
        try (FakeClickHouse fake = serving(new byte[0]); ClickHouseSource source = source(fake)) {
            EventBatch batch = new EventBatch(10);
            assertThat(source.readBatch(batch)).isFalse();
            assertThat(source.readBatch(batch)).isFalse();
            assertThat(fake.requests).hasSize(1);
        }
    }

    @Test
    void theBuilderRefusesMixedVenuesDuplicatesAndAnEmptyRange() {
        ClickHouseClient client = ClickHouseClient.builder(java.net.URI.create("http://127.0.0.1:1")).build();
        assertThatThrownBy(() -> ClickHouseSource.builder(client, TABLE,
                List.of(AAA, Instrument.spot("AAA", "OTHER", 0.01, 1))))
                .hasMessage("a source reads one venue: AAA@OTHER is not on SYN like AAA@SYN");
        assertThatThrownBy(() -> ClickHouseSource.builder(client, TABLE, List.of(AAA, AAA)))
                .hasMessage("symbol AAA is listed twice");
        assertThatThrownBy(() -> ClickHouseSource.builder(client, TABLE, List.of(AAA)).range(5, 5))
                .hasMessage("range [5, 5) is empty: fromExchTs must be < toExchTs");
        assertThatThrownBy(() -> ClickHouseSource.builder(client, TABLE, List.of(AAA)).build())
                .hasMessage("range(fromExchTs, toExchTs) was not set");
    }
}
