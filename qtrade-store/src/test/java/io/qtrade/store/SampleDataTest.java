package io.qtrade.store;

import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

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
    void theSyntheticVenueHoldsTwoInstrumentsOfThreeDaysAndReadsInTimeOrder() {
        TickStore store = TickStore.at(SampleData.root());
        List<CatalogEntry> catalog = store.catalog().stream().filter(e -> e.venue().equals("SIM")).toList();
        assertThat(catalog).extracting(CatalogEntry::symbol).containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(catalog).allSatisfy(e -> {
            assertThat(e.firstDate()).isEqualTo(LocalDate.of(2024, 1, 2));
            assertThat(e.lastDate()).isEqualTo(LocalDate.of(2024, 1, 4));
            assertThat(e.dates()).isEqualTo(3);
        });
        long rows = catalog.get(0).rows() + catalog.get(1).rows();
        // The generator stops on a whole transition at or after 375,000 rows (SyntheticMarket's contract).
        assertThat(rows).isBetween(375_000L, 375_100L);

        long n = 0;
        long last = Long.MIN_VALUE;
        EventBatch b = new EventBatch(4096);
        try (EventSource s = store.read(SampleData.synthetic())) {
            assertThat(s.instruments()).extracting(i -> i.venue() + ":" + i.symbol() + ":" + i.tickSize())
                    .containsExactly("SIM:BTCUSDT:1.0", "SIM:ETHUSDT:0.1");
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

    @Test
    void theCatalogListsExactlyTheShippedPartitions() {
        // Rows: SIM from the generator; the others are the importers' fixtures as counted by their own tests
        // (spot depth recording 20 rows, trades 3 + 2, Tardis incremental_book_L2 14, LOBSTER 17).
        List<String> catalog = TickStore.at(SampleData.root()).catalog().stream()
                .filter(e -> !e.venue().equals("SIM"))
                .map(e -> e.venue() + "/" + e.symbol() + " " + e.firstDate() + ".." + e.lastDate() + " dates="
                        + e.dates() + " parts=" + e.parquetParts() + "+" + e.csvParts() + " rows=" + e.rows())
                .toList();
        assertThat(catalog).containsExactly(
                "BINANCE/BTCUSDT 2023-11-14..2025-01-01 dates=3 parts=3+0 rows=25",
                "BINANCE_USDM/BTCUSDT 2024-01-01..2024-01-01 dates=1 parts=1+0 rows=14",
                "NASDAQ/AAPL 2012-06-21..2012-06-21 dates=1 parts=1+0 rows=17");
        assertThat(TickStore.at(SampleData.root()).catalog()).extracting(CatalogEntry::venue)
                .containsExactly("BINANCE", "BINANCE_USDM", "NASDAQ", "SIM", "SIM");
    }

    @Test
    void theIndexListsExactlyTheFilesShippedAndTheWholeSampleIsAFewMegabytes() throws Exception {
        Path root = SampleData.root();
        List<String> index = Files.readAllLines(root.resolve("index.txt")).stream().filter(l -> !l.isBlank())
                .toList();
        List<String> onDisk;
        long bytes;
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals("index.txt")).toList();
            onDisk = files.stream().map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
            bytes = 0;
            for (Path p : files) {
                bytes += Files.size(p);
            }
        }
        assertThat(index).isEqualTo(onDisk);
        assertThat(index).hasSize(16);
        assertThat(bytes).isLessThan(4L << 20); // 3.7 MB: three synthetic days, 375,000 rows
    }
}
