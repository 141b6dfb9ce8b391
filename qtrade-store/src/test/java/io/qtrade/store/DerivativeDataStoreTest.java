package io.qtrade.store;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventFlags;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.core.time.Timestamps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Mark price, index price and funding rate rows (issue 23) in the tick store: written and read back row for row in
 * Parquet and CSV parts, never snapped to the tick grid, listed in the catalog, and merged in time order with the
 * trades and depth of the same instrument written by another call.
 */
class DerivativeDataStoreTest {

    static final Instrument PERP = Instrument.spot("BTCUSDT", "BINANCE_USDM", 0.1, 0.001);
    static final long DAY1 = Timestamps.startOfDay(LocalDate.of(2024, 1, 1));
    static final long HOUR = Timestamps.NANOS_PER_HOUR;

    /** Depth and trades across midnight UTC: a depth row and a trade every 30 minutes from 21:00 to 00:30. */
    static EventBatch book() {
        EventBatch b = new EventBatch(64);
        for (int i = 0; i < 8; i++) {
            long ts = DAY1 + 21 * HOUR + i * HOUR / 2;
            b.add(0, ts, ts + 5_000_000, EventKind.DEPTH_UPDATE, Side.BUY.code(), 42_000.0 + i / 10.0, 1.5,
                    EventBatch.NO_ORDER_ID, EventFlags.END_OF_MESSAGE);
            b.add(0, ts + 1, ts + 5_000_001, EventKind.TRADE, Side.SELL.code(), 42_000.1, 0.25,
                    EventBatch.NO_ORDER_ID, EventFlags.END_OF_MESSAGE);
        }
        return b;
    }

    /**
     * Mark, index (prices with eight decimals, off the 0.1 tick grid, as Binance publishes them) and funding rates
     * (fractions, negative too) with their funding time in the order id column, hourly from 20:00 to 01:00; those at
     * 21:00 to 00:00 tie with a depth row of the other part (the earlier part's row comes first).
     */
    static EventBatch derivative() {
        EventBatch b = new EventBatch(64);
        for (int i = 0; i < 6; i++) {
            long ts = DAY1 + 20 * HOUR + i * HOUR;
            b.add(0, ts, ts + 3_000_000, EventKind.MARK_PRICE, Side.NO_SIDE_CODE, 42_001.12345678 + i, 0.0,
                    EventBatch.NO_ORDER_ID, EventFlags.END_OF_MESSAGE);
            b.add(0, ts, ts + 3_000_000, EventKind.INDEX_PRICE, Side.NO_SIDE_CODE, 41_998.87654321 + i, 0.0,
                    EventBatch.NO_ORDER_ID, EventFlags.END_OF_MESSAGE);
            long fundingTime = DAY1 + 24 * HOUR;
            b.add(0, ts, ts + 3_000_000, EventKind.FUNDING_RATE, Side.NO_SIDE_CODE, i % 2 == 0 ? 0.00010000
                    : -0.00002345, 0.0, fundingTime, EventFlags.END_OF_MESSAGE);
        }
        return b;
    }

    static EventBatch drain(io.qtrade.core.market.EventSource s) {
        return TickStoreRoundTripTest.drain(s, 1000);
    }

    /** The rows of {@code first} and {@code second} merged by exch_ts, {@code first} first on ties. */
    static EventBatch merged(EventBatch first, EventBatch second) {
        EventBatch out = new EventBatch(first.size() + second.size());
        int i = 0;
        int j = 0;
        while (i < first.size() || j < second.size()) {
            if (j == second.size() || i < first.size() && first.exchTs(i) <= second.exchTs(j)) {
                out.addFrom(first, i++, 0);
            } else {
                out.addFrom(second, j++, 0);
            }
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(TickFormat.class)
    void derivativeRowsRoundTripRowForRowAndMergeWithTheBookInTimeOrder(TickFormat format, @TempDir Path root) {
        TickStore store = TickStore.at(root);
        store.write(new InMemoryEventSource(List.of(PERP), book()), format);
        store.write(new InMemoryEventSource(List.of(PERP), derivative()), format);

        EventBatch back = drain(store.read(TickQuery.all().withFormat(format)));
        EventBatch expected = merged(book(), derivative());
        assertThat(back.size()).isEqualTo(16 + 18);
        assertThat(back.contentEquals(expected)).as(back + " vs " + expected).isTrue();
        for (int i = 1; i < back.size(); i++) {
            assertThat(back.exchTs(i)).isGreaterThanOrEqualTo(back.exchTs(i - 1));
        }
        // the values exactly as written: no tick-grid snapping of mark/index prices or of rates
        int funding = 0;
        for (int i = 0; i < back.size(); i++) {
            if (back.kind(i) == EventKind.FUNDING_RATE) {
                assertThat(back.price(i)).isIn(0.0001, -0.00002345);
                assertThat(back.orderId(i)).isEqualTo(DAY1 + 24 * HOUR);
                funding++;
            } else if (back.kind(i) == EventKind.MARK_PRICE) {
                assertThat(back.price(i) - Math.floor(back.price(i))).isCloseTo(0.12345678, org.assertj.core.data
                        .Offset.offset(1e-9));
            }
        }
        assertThat(funding).isEqualTo(6);

        CatalogEntry entry = store.catalog().get(0);
        assertThat(entry.kinds()).containsExactly(EventKind.DEPTH_UPDATE, EventKind.TRADE, EventKind.MARK_PRICE,
                EventKind.INDEX_PRICE, EventKind.FUNDING_RATE);
        List<PartitionEntry> partitions = store.partitions();
        assertThat(partitions).hasSize(2);
        for (PartitionEntry p : partitions) {
            assertThat(p.kinds()).isEqualTo(EnumSet.of(EventKind.DEPTH_UPDATE, EventKind.TRADE,
                    EventKind.MARK_PRICE, EventKind.INDEX_PRICE, EventKind.FUNDING_RATE));
        }
    }

    @Test
    void aFundingRowWithoutAPlausibleFundingTimeIsRefusedNamingTheOrderIdColumn(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("part-0.csv");
        Files.writeString(f, TickSchema.CSV_HEADER + "\n"
                + "1704067200000000000,1704067200003000000,13,0,1.0E-4,0.0,1704096000000000000,2\n"
                + "1704067201000000000,1704067201003000000,13,0,1.0E-4,0.0,0,2\n");
        assertThatThrownBy(() -> BadInputTest.readAll(new CsvTickReader(f, PERP, TickReadOptions.DEFAULT)))
                .isInstanceOfSatisfying(TickDataException.class, e -> {
                    assertThat(e.row()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("order_id");
                })
                .hasMessageContaining("FUNDING_RATE needs its funding time there")
                .hasMessageContaining("was 0");
    }

    @Test
    void aFundingRowWithANonFiniteRateIsRefusedAndLenientModeKeepsTheGoodRows(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("part-0.csv");
        Files.writeString(f, TickSchema.CSV_HEADER + "\n"
                + "1704067200000000000,1704067200003000000,13,0,1.0E-4,0.0,1704096000000000000,2\n"
                + "1704067201000000000,1704067201003000000,13,0,NaN,0.0,1704096000000000000,2\n"
                + "1704067202000000000,1704067202003000000,11,0,NaN,0.0,0,2\n"
                + "1704067203000000000,1704067203003000000,12,0,41998.5,0.0,0,2\n");
        assertThatThrownBy(() -> BadInputTest.readAll(new CsvTickReader(f, PERP, TickReadOptions.DEFAULT)))
                .isInstanceOf(TickDataException.class)
                .hasMessageContaining("line 3, field price")
                .hasMessageContaining("FUNDING_RATE needs a finite price, was NaN");
        CsvTickReader lenient = new CsvTickReader(f, PERP, TickReadOptions.DEFAULT.withLenient(true));
        assertThat(BadInputTest.readAll(lenient)).isEqualTo(2);
        assertThat(lenient.skippedRows()).isEqualTo(2); // the NaN rate and the NaN mark price
    }
}
