package io.qtrade.store;

import io.qtrade.store.synthetic.SyntheticMarket;
import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventSource;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.time.Timestamps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TickStoreRoundTripTest {

    static final Instrument AAA = Instrument.spot("AAA", "SIM", 0.01, 0.001);
    static final Instrument BBB = Instrument.spot("BBB", "SIM", 0.05, 1);

    /** A two-instrument synthetic stream crossing midnight UTC, so it lands in two date partitions. */
    static SyntheticMarket market(long events) {
        return SyntheticMarket.builder().instrument(AAA, 100.00).instrument(BBB, 50.00).events(events).seed(11)
                .startNanos(Timestamps.startOfDay(LocalDate.of(2024, 1, 2)) - 3 * Timestamps.NANOS_PER_HOUR)
                .build();
    }

    static EventBatch drain(EventSource source, int capacity) {
        EventBatch all = new EventBatch(capacity);
        EventBatch batch = new EventBatch(1000);
        try (source) {
            while (source.readBatch(batch)) {
                for (int i = 0; i < batch.size(); i++) {
                    all.addFrom(batch, i, 0);
                }
            }
        }
        return all;
    }

    @Test
    void parquetRoundTripIsLosslessAcrossDatesAndInstruments(@TempDir Path root) {
        EventBatch original = drain(market(50_000), 60_000);
        TickStore store = TickStore.at(root);
        TickStore.WriteSummary summary = store.write(market(50_000), TickFormat.PARQUET);

        assertThat(summary.rows()).isEqualTo(original.size());
        EventBatch back = drain(store.read(TickQuery.all()), 60_000);
        assertThat(back.size()).isEqualTo(original.size());
        assertThat(back.contentEquals(original)).isTrue();
        assertThat(store.instruments()).containsExactly(AAA, BBB);
    }

    @Test
    void partsOfOneDateThatOverlapInTimeAreReadMergedInTimeOrder(@TempDir Path root) {
        // Two write calls put two parts in each date directory, both spanning the day (depth and trades of one
        // vendor day are written that way): the read merges them by exch_ts, every row of both kept.
        TickStore store = TickStore.at(root);
        EventBatch one = drain(market(5_000), 30_000);
        store.write(market(5_000), TickFormat.PARQUET);
        store.write(market(5_000), TickFormat.PARQUET);
        EventBatch back = drain(store.read(TickQuery.all()), 30_000);
        assertThat(back.size()).isEqualTo(2 * one.size());
        for (int i = 1; i < back.size(); i++) {
            assertThat(back.exchTs(i)).as("row %d", i).isGreaterThanOrEqualTo(back.exchTs(i - 1));
        }
        // each source row comes back twice; a run of rows with one exch_ts (a snapshot) stays together, part-0 first
        assertThat(back.exchTs(0)).isEqualTo(one.exchTs(0));
        assertThat(back.kind(0)).isEqualTo(EventKind.SNAPSHOT_BEGIN);
        int[] counts = new int[16];
        for (int i = 0; i < back.size(); i++) {
            counts[back.kind(i).code()]++;
        }
        for (int i = 0; i < one.size(); i++) {
            counts[one.kind(i).code()] -= 2;
        }
        assertThat(counts).containsOnly(0);
        assertThat(store.partitions()).allSatisfy(p -> {
            assertThat(p.parts()).hasSize(2);
            assertThat(p.kinds()).contains(EventKind.DEPTH_UPDATE, EventKind.TRADE);
        });
        assertThat(store.catalog().get(0).kinds()).contains(EventKind.DEPTH_UPDATE, EventKind.TRADE);
    }

    @Test
    void csvRoundTripIsLosslessAndEqualsParquet(@TempDir Path root) {
        EventBatch original = drain(market(50_000), 60_000);
        TickStore store = TickStore.at(root);
        store.write(market(50_000), TickFormat.CSV);
        EventBatch back = drain(store.read(TickQuery.all().withFormat(TickFormat.CSV)), 60_000);
        assertThat(back.contentEquals(original)).isTrue();
    }

    @Test
    void catalogListsVenuesSymbolsDatesAndRowCounts(@TempDir Path root) {
        TickStore store = TickStore.at(root);
        EventBatch original = drain(market(20_000), 30_000);
        int aaaRows = 0;
        for (int i = 0; i < original.size(); i++) {
            aaaRows += original.instrument(i) == 0 ? 1 : 0;
        }
        store.write(market(20_000), TickFormat.PARQUET);
        List<CatalogEntry> catalog = store.catalog();
        assertThat(catalog).hasSize(2);
        CatalogEntry aaa = catalog.get(0);
        assertThat(aaa.venue()).isEqualTo("SIM");
        assertThat(aaa.symbol()).isEqualTo("AAA");
        assertThat(aaa.rows()).isEqualTo(aaaRows);
        assertThat(catalog.get(1).rows()).isEqualTo(original.size() - aaaRows);
        assertThat(aaa.firstDate()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(aaa.parquetParts()).isEqualTo(aaa.dates());
    }

    @Test
    void timeRangeAndSymbolSelectionKeepExactlyTheMatchingRows(@TempDir Path root) {
        EventBatch original = drain(market(50_000), 60_000);
        long from = original.exchTs(10_000);
        long to = original.exchTs(40_000);
        TickStore store = TickStore.at(root);
        store.write(market(50_000), TickFormat.PARQUET);
        EventBatch back = drain(store.read(TickQuery.symbols("BBB").withRange(from, to)), 60_000);
        int expected = 0;
        for (int i = 0; i < original.size(); i++) {
            long ts = original.exchTs(i);
            if (original.instrument(i) == 1 && ts >= from && ts < to) {
                assertThat(back.exchTs(expected)).isEqualTo(ts);
                assertThat(back.price(expected)).isEqualTo(original.price(i));
                expected++;
            }
        }
        assertThat(back.size()).isEqualTo(expected).isGreaterThan(1000);
    }

    @Test
    void aSecondWriteAddsTheNextPartAndLeavesTheFirstIntact(@TempDir Path root) throws Exception {
        TickStore store = TickStore.at(root);
        EventBatch one = new EventBatch(4);
        long day = Timestamps.startOfDay(LocalDate.of(2024, 3, 1));
        one.addTrade(0, day + 1, day + 2, null, 10.5, 2);
        one.add(0, day + 3, day + 4, EventKind.BOOK_CLEAR, (byte) 0, Double.NaN, 0, 0);
        store.write(new InMemoryEventSource(List.of(AAA), one), TickFormat.PARQUET);
        Path dir = HiveLayout.partitionDir(root, "SIM", "AAA", LocalDate.of(2024, 3, 1));
        byte[] first = Files.readAllBytes(dir.resolve("part-0.parquet"));
        store.write(new InMemoryEventSource(List.of(AAA), one), TickFormat.PARQUET);
        assertThat(Files.readAllBytes(dir.resolve("part-0.parquet"))).isEqualTo(first);
        assertThat(HiveLayout.parts(dir, null)).extracting(HiveLayout.Part::number).containsExactly(0, 1);
        assertThat(store.catalog().get(0).rows()).isEqualTo(4);
    }
}
