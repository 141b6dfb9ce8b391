package io.qtrade.store.cli;

import io.qtrade.store.CatalogEntry;
import io.qtrade.store.TickFormat;
import io.qtrade.store.TickQuery;
import io.qtrade.store.TickStore;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventSource;
import io.qtrade.core.market.InMemoryEventSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConvertTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(Convert convert, String... args) {
        return convert.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    static EventBatch drain(EventSource s) {
        EventBatch all = new EventBatch(100_000);
        EventBatch b = new EventBatch(1000);
        try (s) {
            while (s.readBatch(b)) {
                for (int i = 0; i < b.size(); i++) {
                    all.addFrom(b, i, 0);
                }
            }
        }
        return all;
    }

    @Test
    void syntheticToCsvToParquetKeepsEveryEvent(@TempDir Path dir) {
        Convert convert = new Convert(InputFormats.standard());
        Path csv = dir.resolve("csv");
        Path parquet = dir.resolve("parquet");
        assertThat(run(convert, "--from", "synthetic", "--to", csv.toString(), "--format", "csv", "events=20000",
                "seed=3")).isZero();
        assertThat(run(convert, "--from", "csv", "--to", parquet.toString(), csv.toString())).isZero();
        EventBatch a = drain(TickStore.at(csv).read(TickQuery.all()));
        EventBatch b = drain(TickStore.at(parquet).read(TickQuery.all()));
        assertThat(a.size()).isGreaterThanOrEqualTo(20_000);
        assertThat(b.contentEquals(a)).isTrue();
        List<CatalogEntry> catalog = TickStore.at(parquet).catalog();
        assertThat(catalog).extracting(CatalogEntry::symbol).containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(catalog.get(0).rows() + catalog.get(1).rows()).isEqualTo(a.size());
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("venue=SIM symbol=BTCUSDT 2024-01-02..2024-01-02");
    }

    @Test
    void aMisspelledOptionIsAUsageErrorNotIgnored(@TempDir Path dir) {
        int status = run(new Convert(InputFormats.standard()), "--from", "synthetic", "--to", dir.toString(),
                "event=10");
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("options [event] are not options of the synthetic");
    }

    @Test
    void anUnknownFormatListsTheRegisteredOnes(@TempDir Path dir) {
        assertThat(run(new Convert(InputFormats.standard()), "--from", "itch", "--to", dir.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("input format 'itch' is unknown: expected one of"
                + " [parquet, csv, synthetic, binance-trades, binance-aggtrades, binance-bookticker,"
                + " binance-fundingrate, binance-markprice, binance-indexprice, binance-depth, binance-collector,"
                + " tardis-incremental, tardis-trades, tardis-snapshot, tardis-quotes, tardis-derivative-ticker,"
                + " lobster]");
    }

    @Test
    void registeringAFormatIsOneCall(@TempDir Path dir) {
        EventBatch one = new EventBatch(1);
        io.qtrade.core.Instrument x = io.qtrade.core.Instrument.spot("X", "V", 0.5, 1);
        one.addTrade(0, 5, 6, null, 10.5, 2);
        InputFormats formats = InputFormats.standard().with(InputFormat.of("fixture", "one trade",
                (in, o) -> new InMemoryEventSource(List.of(x), one)));
        assertThat(run(new Convert(formats), "--from", "fixture", "--to", dir.toString())).isZero();
        EventBatch back = drain(TickStore.at(dir).read(TickQuery.all().withFormat(TickFormat.PARQUET)));
        assertThat(back.contentEquals(one)).isTrue();
    }
}
