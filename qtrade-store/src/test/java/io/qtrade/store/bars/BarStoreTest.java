package io.qtrade.store.bars;

import io.qtrade.core.Instrument;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.bar.BarInterval;
import io.qtrade.core.bar.BarSource;
import io.qtrade.core.bar.InMemoryBarSource;
import io.qtrade.store.TickFormat;
import io.qtrade.store.ingest.ImportOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BarStoreTest {

    private static final long DAY = 86_400_000_000_000L;
    private static final Instrument A = Instrument.spot("AAA", "X", 0.01, 1);
    private static final Instrument B = Instrument.spot("BBB", "X", 0.01, 1);

    @TempDir
    Path root;

    /** Two symbols across a year end: 2023-12-28 .. 2024-01-03, B every other day, with VWAP and counts on A. */
    private static InMemoryBarSource bars() {
        BarBatch b = new BarBatch(32);
        long d0 = LocalDate.of(2023, 12, 28).toEpochDay();
        for (int d = 0; d < 7; d++) {
            long start = (d0 + d) * DAY;
            b.add(0, start, start + DAY, 10 + d, 11 + d, 9 + d, 10.5 + d, 100 * d, 10.2 + d, 7 + d);
            if (d % 2 == 0) {
                b.add(1, start, start + DAY, 50, 51, 49, 50.5, 10, BarBatch.NO_VWAP, BarBatch.NO_TRADE_COUNT);
            }
        }
        return new InMemoryBarSource(List.of(A, B), b);
    }

    @Test
    void roundTripsParquetAndCsvInTheHiveLayout() {
        for (TickFormat format : TickFormat.values()) {
            Path dir = root.resolve(format.extension());
            BarStore store = BarStore.at(dir);
            List<Path> parts = store.write(bars(), BarInterval.ONE_DAY, format);
            // A: 2023 and 2024 parts; B: 2023 and 2024 parts
            assertThat(parts).hasSize(4);
            assertThat(dir.relativize(parts.get(0)).toString().replace('\\', '/'))
                    .isEqualTo("bars/interval=1d/venue=X/symbol=AAA/year=2023/part-0." + format.extension());
            assertThat(store.instruments(BarInterval.ONE_DAY)).containsExactly(A, B);
            BarSource back = store.read(BarInterval.ONE_DAY, List.of(A, B));
            BarBatch got = drain(back);
            BarBatch want = drain(bars());
            assertThat(got.size()).isEqualTo(want.size());
            for (int r = 0; r < want.size(); r++) {
                assertThat(got.instrument(r)).isEqualTo(want.instrument(r));
                assertThat(got.endTs(r)).isEqualTo(want.endTs(r));
                assertThat(got.close(r)).isEqualTo(want.close(r));
                assertThat(got.volume(r)).isEqualTo(want.volume(r));
                assertThat(Double.isNaN(got.vwap(r))).isEqualTo(Double.isNaN(want.vwap(r)));
                assertThat(got.tradeCount(r)).isEqualTo(want.tradeCount(r));
            }
        }
    }

    @Test
    void aBadRowInAPartIsRefusedNamingTheFile() throws IOException {
        BarStore store = BarStore.at(root);
        List<Path> parts = store.write(bars(), BarInterval.ONE_DAY, TickFormat.CSV);
        Path part = parts.get(0);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(part));
        String[] f = lines.get(2).split(",", -1); // row 1 of AAA 2023: open 11, high 12, low 10
        f[3] = "1.0";
        lines.set(2, String.join(",", f));
        Files.write(part, lines);
        BarSource s = store.read(BarInterval.ONE_DAY, List.of(A));
        assertThatThrownBy(() -> drain(s)).hasMessageContaining(part + ": row 1: high 1.0 is below low 10.0");
    }

    @Test
    void readsBinanceKlinesWithAndWithoutHeaderInMillisecondsAndMicroseconds() throws IOException {
        Path futures = root.resolve("BTCUSDT-1h-2024-01-01.csv");
        Files.writeString(futures, "open_time,open,high,low,close,volume,close_time,quote_volume,count,"
                + "taker_buy_volume,taker_buy_quote_volume,ignore\n"
                + "1704067200000,42283.58,42554.57,42261.02,42475.23,1271.68108,1704070799999,53957248.97,47134,682.57,28958.9,0\n"
                + "1704070800000,42475.23,42775.00,42431.65,42613.56,1196.37856,1704074399999,50985131.2,44541,613.9,26164.7,0\n");
        Path spot = root.resolve("BTCUSDT-1h-2025-01-01.csv");
        Files.writeString(spot,
                "1735689600000000,93576.00,94509.42,93489.03,94401.14,755.99010,1735693199999999,71137880.15,87351,437.3,41147.6,0\n");
        BinanceKlines.Result f = BinanceKlines.read(futures, false);
        assertThat(f.bars().size()).isEqualTo(2);
        long start = ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
        assertThat(f.bars().startTs(0)).isEqualTo(start);
        assertThat(f.bars().endTs(0)).isEqualTo(start + 3_600_000_000_000L);
        assertThat(f.bars().vwap(0)).isEqualTo(53957248.97 / 1271.68108);
        assertThat(f.bars().tradeCount(1)).isEqualTo(44541);
        BinanceKlines.Result s = BinanceKlines.read(spot, false);
        long start2025 = ZonedDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
        assertThat(s.bars().startTs(0)).isEqualTo(start2025);
        assertThat(s.bars().endTs(0)).isEqualTo(start2025 + 3_600_000_000_000L);
        Path bad = root.resolve("bad.csv");
        Files.writeString(bad, "1704067200000,1,0.5,0.9,1,1,1704070799999,1,1,0,0,0\n"
                + "1704070800000,1,2,0.5,1,x,1704074399999,1,1,0,0,0\n");
        assertThatThrownBy(() -> BinanceKlines.read(bad, false)).hasMessage(bad + ":1: high 0.5 is below low 0.9");
        assertThat(BinanceKlines.read(bad, true).skipped()).isEqualTo(2);
    }

    @Test
    void kiteMinuteCandlesBecomeOneMinuteBars() throws Exception {
        Path file = Path.of(getClass().getResource("/zerodha/INFY-minute-2017-12-15.json").toURI());
        BarBatch b = KiteBars.read(file, BarInterval.ONE_MINUTE, ImportOptions.STRICT);
        assertThat(b.size()).isEqualTo(3);
        // 09:15 IST = 03:45 UTC
        long start = ZonedDateTime.of(2017, 12, 15, 3, 45, 0, 0, ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
        assertThat(b.startTs(0)).isEqualTo(start);
        assertThat(b.endTs(0)).isEqualTo(start + 60_000_000_000L);
        assertThat(b.close(2)).isEqualTo(1699.25);
        assertThat(b.volume(1)).isEqualTo(1271.0);
    }

    private static BarBatch drain(BarSource s) {
        BarBatch all = new BarBatch(1000);
        BarBatch b = new BarBatch(3);
        while (s.readBatch(b)) {
            all.addRange(b, 0, b.size());
        }
        return all;
    }
}
