package io.qtrade.store.cli;

import io.qtrade.store.SampleData;
import io.qtrade.store.TickQuery;
import io.qtrade.store.TickStore;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventSource;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SampleRecipeTest {

    static List<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    static Map<String, String> footer(Path parquet) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(parquet))) {
            return r.getFooter().getFileMetaData().getKeyValueMetaData();
        }
    }

    static EventBatch rows(Path root, String venue, String symbol) {
        EventBatch all = new EventBatch(300_000);
        EventBatch b = new EventBatch(4096);
        try (EventSource s = TickStore.at(root).read(TickQuery.symbols(symbol).withVenue(venue))) {
            while (s.readBatch(b)) {
                for (int i = 0; i < b.size(); i++) {
                    all.addFrom(b, i, 0);
                }
            }
        }
        return all;
    }

    @Test
    void regeneratingGivesTheShippedSample(@TempDir Path tmp) throws Exception {
        Path fixtures = VendorFormatsTest.fixture("binance").getParent();
        Path fresh = tmp.resolve("sample");
        SampleRecipe.regenerate(fresh, fixtures);
        Path shipped = SampleData.root();
        List<String> names = files(shipped);
        assertThat(files(fresh)).isEqualTo(names);
        for (String name : names) {
            Path a = fresh.resolve(name);
            Path b = shipped.resolve(name);
            if (!name.endsWith(".parquet")) {
                assertThat(Files.readAllBytes(a)).as(name).isEqualTo(Files.readAllBytes(b));
                continue;
            }
            // parquet-mr lists a column chunk's encodings in HashSet order, which follows the identity hash codes
            // of the Encoding constants and so may differ between JVMs: the rest is checked exactly.
            assertThat(Files.size(a)).as(name).isEqualTo(Files.size(b));
            assertThat(footer(a)).as(name).isEqualTo(footer(b));
        }
        for (String[] vs : new String[][] {{"SIM", "BTCUSDT"}, {"SIM", "ETHUSDT"}, {"BINANCE", "BTCUSDT"},
                {"BINANCE_USDM", "BTCUSDT"}, {"NASDAQ", "AAPL"}}) {
            assertThat(rows(fresh, vs[0], vs[1]).contentEquals(rows(shipped, vs[0], vs[1])))
                    .as(vs[0] + "/" + vs[1]).isTrue();
        }
        assertThat(TickStore.at(fresh).catalog()).isEqualTo(TickStore.at(shipped).catalog());
    }

    @Test
    void regeneratingTwiceInOneJvmGivesTheSameBytesAndReplacesTheOldSample(@TempDir Path tmp) throws Exception {
        Path fixtures = VendorFormatsTest.fixture("binance").getParent();
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        SampleRecipe.regenerate(a, fixtures);
        SampleRecipe.regenerate(b, fixtures);
        SampleRecipe.regenerate(b, fixtures);   // over an existing sample: no part-1 appended
        assertThat(files(b)).isEqualTo(files(a)).contains("venue=NASDAQ/symbol=AAPL/date=2012-06-21/part-0.parquet")
                .noneMatch(f -> f.contains("part-1"));
        for (String name : files(a)) {
            assertThat(Files.readAllBytes(b.resolve(name))).as(name).isEqualTo(Files.readAllBytes(a.resolve(name)));
        }
    }
}
