package io.qtrade.connectors.store;

import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SampleDataTest {

    @Test
    void anExtractedCopyHoldsTheSameBytesAndIsReusedByTheNextCall(@TempDir Path tmp) throws Exception {
        Path copy = SampleData.extract(tmp);
        Path source = SampleData.root();
        String part = "venue=SIM/symbol=ETHUSDT/date=2024-01-02/part-0.parquet";
        assertThat(Files.readAllBytes(copy.resolve(part))).isEqualTo(Files.readAllBytes(source.resolve(part)));
        assertThat(TickStore.at(copy).catalog()).isEqualTo(TickStore.at(source).catalog());
        assertThat(SampleData.extract(tmp)).isEqualTo(copy);
        try (var entries = Files.list(tmp)) {
            assertThat(entries.count()).isEqualTo(1);   // no temporary directory left behind
        }
    }

    @Test
    void theShippedSampleHoldsTwoInstrumentsOfOneDayAndReadsInTimeOrder() {
        TickStore store = TickStore.at(SampleData.root());
        List<CatalogEntry> catalog = store.catalog();
        assertThat(catalog).extracting(CatalogEntry::symbol).containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(catalog).allSatisfy(e -> {
            assertThat(e.venue()).isEqualTo("SIM");
            assertThat(e.firstDate()).isEqualTo(LocalDate.of(2024, 1, 2));
            assertThat(e.lastDate()).isEqualTo(LocalDate.of(2024, 1, 2));
        });
        long rows = catalog.get(0).rows() + catalog.get(1).rows();
        // The generator stops on a whole transition at or after 200,000 rows (SyntheticMarket's contract).
        assertThat(rows).isBetween(200_000L, 200_100L);
        assertThat(catalog.get(0).bytes() + catalog.get(1).bytes()).isLessThan(4L << 20);
        assertThat(store.instruments().get(0).tickSize()).isEqualTo(0.1);

        long n = 0;
        long last = Long.MIN_VALUE;
        EventBatch b = new EventBatch(4096);
        try (EventSource s = store.read(TickQuery.all())) {
            while (s.readBatch(b)) {
                for (int i = 0; i < b.size(); i++) {
                    assertThat(b.exchTs(i)).isGreaterThanOrEqualTo(last);
                    last = b.exchTs(i);
                }
                n += b.size();
            }
        }
        assertThat(n).isEqualTo(rows);
    }
}
