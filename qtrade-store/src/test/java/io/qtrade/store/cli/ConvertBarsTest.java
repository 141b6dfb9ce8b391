package io.qtrade.store.cli;

import io.qtrade.core.Instrument;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.bar.BarInterval;
import io.qtrade.core.bar.BarSource;
import io.qtrade.store.bars.BarStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Convert}'s bar formats write the store's bars dataset. */
class ConvertBarsTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    int run(String... args) {
        return new Convert(InputFormats.standard()).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static long utc(String iso) {
        Instant t = Instant.parse(iso);
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    private static BarBatch drain(BarSource s) {
        BarBatch all = new BarBatch(1000);
        BarBatch b = new BarBatch(64);
        try (s) {
            while (s.readBatch(b)) {
                all.addRange(b, 0, b.size());
            }
        }
        return all;
    }

    @Test
    void aFolderOfYahooDailyFilesBecomesTheDailyBarsOfItsSymbolsInNyseSessions() throws IOException {
        Path csv = Files.createDirectories(dir.resolve("yahoo"));
        Files.writeString(csv.resolve("AAA.csv"), "Date,Open,High,Low,Close,Adj Close,Volume\n"
                + "2024-03-08,10,11,9,10.5,10.1,100\n2024-03-11,10.5,12,10,11.5,11.1,200\n");
        Files.writeString(csv.resolve("BBB.csv"), "Date,Open,High,Low,Close,Adj Close,Volume\n"
                + "2024-03-11,50,51,49,50.5,50.5,10\n");
        Path store = dir.resolve("store");
        assertThat(run("--from", "bars-csv", "--to", store.toString(), "exchange=NYSE", "tick_size=0.01",
                "venue=NYSE", csv.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();
        BarStore bars = BarStore.at(store);
        List<Instrument> instruments = bars.instruments(BarInterval.ONE_DAY);
        assertThat(instruments).extracting(Instrument::id).containsExactly("AAA@NYSE", "BBB@NYSE");
        assertThat(instruments.get(0).tickSize()).isEqualTo(0.01);
        assertThat(instruments.get(0).lotSize()).isEqualTo(1.0);
        BarBatch b = drain(bars.read(BarInterval.ONE_DAY, instruments));
        assertThat(b.size()).isEqualTo(3);
        // 2024-03-08 09:30 EST = 14:30 UTC; 2024-03-11 09:30 EDT = 13:30 UTC (New York changed clocks on the 10th);
        // AAA before BBB at the same time (instrument order)
        assertThat(new long[] {b.startTs(0), b.startTs(1), b.startTs(2)})
                .containsExactly(utc("2024-03-08T14:30:00Z"), utc("2024-03-11T13:30:00Z"),
                        utc("2024-03-11T13:30:00Z"));
        assertThat(new double[] {b.close(0), b.close(1), b.close(2)}).containsExactly(10.5, 11.5, 50.5);
        assertThat(b.volume(1)).isEqualTo(200.0);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("wrote 3 bars into 2 parquet parts under " + bars.dataset(BarInterval.ONE_DAY));
        assertThat(printed).contains("venue=NYSE symbol=AAA: 2 bars in the store");
        assertThat(Files.exists(store.resolve("bars/interval=1d/venue=NYSE/symbol=AAA/year=2024/part-0.parquet")))
                .isTrue();
    }

    @Test
    void yfinanceMinuteBarsGoUnderTheMinuteIntervalInCsv() throws IOException {
        Path f = dir.resolve("spy_1m.csv");
        Files.writeString(f, "Datetime,Open,High,Low,Close,Adj Close,Volume\n"
                + "2024-03-08 09:30:00-05:00,512.1,512.5,511.9,512.3,512.3,1200\n"
                + "2024-03-08 09:31:00-05:00,512.3,512.4,512.0,512.2,512.2,900\n");
        Path store = dir.resolve("store");
        assertThat(run("--from", "bars-csv", "--to", store.toString(), "--format", "csv", "interval=1m",
                "columns=yfinance", "symbol=SPY", "venue=ARCA", "tick_size=0.01", f.toString()))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();
        Instrument spy = BarStore.at(store).instruments(BarInterval.ONE_MINUTE).get(0);
        assertThat(spy.id()).isEqualTo("SPY@ARCA");
        BarBatch b = drain(BarStore.at(store).read(BarInterval.ONE_MINUTE, List.of(spy)));
        assertThat(b.size()).isEqualTo(2);
        assertThat(b.startTs(1)).isEqualTo(utc("2024-03-08T14:31:00Z"));
        assertThat(b.endTs(1)).isEqualTo(utc("2024-03-08T14:32:00Z"));
        assertThat(Files.exists(store.resolve("bars/interval=1m/venue=ARCA/symbol=SPY/year=2024/part-0.csv")))
                .isTrue();
    }

    @Test
    void binanceKlinesTakeSymbolAndIntervalFromTheFileNames() throws IOException {
        // two daily files given out of order: read in name order; the 2024-01-01 file has the USD-M header
        Path day2 = dir.resolve("BTCUSDT-1h-2024-01-02.csv");
        Files.writeString(day2, "1704153600000,42500,42600,42400,42550,10,1704157199999,425500,100,5,1,0\n");
        Path day1 = dir.resolve("BTCUSDT-1h-2024-01-01.csv");
        Files.writeString(day1, "open_time,open,high,low,close,volume,close_time,quote_volume,count,"
                + "taker_buy_volume,taker_buy_quote_volume,ignore\n"
                + "1704067200000,42283.58,42554.57,42261.02,42475.23,1271.68108,1704070799999,53957248.97,47134,"
                + "682.57,28958.9,0\n");
        Path store = dir.resolve("store");
        assertThat(run("--from", "binance-klines", "--to", store.toString(), "market=usdm", "tick_size=0.1",
                "lot_size=0.001", day2.toString(), day1.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();
        BarInterval hour = BarInterval.ONE_HOUR;
        Instrument btc = BarStore.at(store).instruments(hour).get(0);
        assertThat(btc.id()).isEqualTo("BTCUSDT@BINANCE_USDM");
        BarBatch b = drain(BarStore.at(store).read(hour, List.of(btc)));
        assertThat(b.size()).isEqualTo(2);
        assertThat(b.startTs(0)).isEqualTo(utc("2024-01-01T00:00:00Z"));
        assertThat(b.vwap(0)).isEqualTo(53957248.97 / 1271.68108);
        assertThat(b.tradeCount(0)).isEqualTo(47134);
        assertThat(b.startTs(1)).isEqualTo(utc("2024-01-02T00:00:00Z"));
        // the interval option must agree with the names
        assertThat(run("--from", "binance-klines", "--to", store.toString(), "interval=1m", "tick_size=0.1",
                "lot_size=0.001", day1.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("option interval=1m disagrees with the input file names, which name 1h");
    }

    @Test
    void kiteCandlesNeedTheirIntervalAndSymbol() throws Exception {
        Path file = Path.of(getClass().getResource("/zerodha/INFY-minute-2017-12-15.json").toURI());
        Path store = dir.resolve("store");
        assertThat(run("--from", "kite-candles", "--to", store.toString(), "symbol=INFY", "tick_size=0.05",
                file.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("option interval is required for kite-candles");
        assertThat(run("--from", "kite-candles", "--to", store.toString(), "interval=1m", "symbol=INFY",
                "tick_size=0.05", file.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Instrument infy = BarStore.at(store).instruments(BarInterval.ONE_MINUTE).get(0);
        assertThat(infy.id()).isEqualTo("INFY@NSE");
        BarBatch b = drain(BarStore.at(store).read(BarInterval.ONE_MINUTE, List.of(infy)));
        // 09:15 IST = 03:45 UTC; closes from the fixture
        assertThat(b.startTs(0)).isEqualTo(utc("2017-12-15T03:45:00Z"));
        assertThat(new double[] {b.close(0), b.close(1), b.close(2)}).containsExactly(1702.8, 1698.15, 1699.25);
    }

    @Test
    void convertingTheSameFileTwiceIsRefusedAndItsPartsRemoved() throws IOException {
        Path f = dir.resolve("AAA.csv");
        Files.writeString(f, "Date,Close\n2024-01-02,10\n2024-01-03,11\n");
        Path store = dir.resolve("store");
        String[] args = {"--from", "bars-csv", "--to", store.toString(), "tick_size=0.01", f.toString()};
        assertThat(run(args)).isZero();
        assertThat(run(args)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("does not come after the previous bar's end_ts")
                .contains("the 1 parts of this call were removed");
        try (Stream<Path> parts = Files.walk(store.resolve("bars"))) {
            assertThat(parts.filter(p -> p.getFileName().toString().startsWith("part-")).count()).isEqualTo(1);
        }
        Instrument aaa = BarStore.at(store).instruments(BarInterval.ONE_DAY).get(0);
        assertThat(drain(BarStore.at(store).read(BarInterval.ONE_DAY, List.of(aaa))).size()).isEqualTo(2);
    }

    @Test
    void aBadRowOrAMisspeltOptionIsAUsageErrorNamingIt() throws IOException {
        Path f = dir.resolve("AAA.csv");
        Files.writeString(f, "Date,Close\n2024-01-02,10\n2024-01-03,x\n");
        Path store = dir.resolve("store");
        assertThat(run("--from", "bars-csv", "--to", store.toString(), "tick_size=0.01", f.toString()))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(f + ":3: field 'Close' is not a number: 'x'");
        assertThat(Files.exists(store.resolve("bars"))).isFalse();
        assertThat(run("--from", "bars-csv", "--to", store.toString(), "tick_size=0.01", "lenient=true",
                f.toString())).isZero();
        assertThat(run("--from", "bars-csv", "--to", store.toString(), "tick_size=0.01", "intervall=1m",
                f.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("options [intervall] are not options of the"
                + " bars-csv format");
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("bar formats (into STORE_ROOT/bars/")
                .contains("  binance-klines: ").contains("  kite-candles: ");
    }
}
