package io.qtrade.store.binance;

import io.qtrade.core.Instrument;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventFlags;
import io.qtrade.core.market.EventKind;
import io.qtrade.store.bars.BinanceKlines;
import io.qtrade.store.ingest.ImportException;
import io.qtrade.store.ingest.ImportOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.qtrade.store.ingest.ImportTestSupport.readAll;
import static io.qtrade.store.ingest.ImportTestSupport.resource;
import static io.qtrade.store.ingest.ImportTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Binance USD-M and COIN-M funding-rate and mark/index/premium-index kline files (fixtures in
 * {@code binance/futures/}, README there): every number of every row checked against the fixture's text.
 */
class BinanceDerivativeCsvSourceTest {

    static final Instrument UM = Instrument.spot("BTCUSDT", "BINANCE_USDM", 0.1, 0.001);
    static final Instrument CM = new Instrument("BTCUSD_PERP", "BINANCE_COINM", 0.1, 1, 100);
    static final long MS = 1_000_000L;
    static final String UM_FUNDING = "binance/futures/um/monthly/fundingRate/BTCUSDT-fundingRate-2024-01.csv";
    static final String CM_FUNDING = "binance/futures/cm/monthly/fundingRate/BTCUSD_PERP-fundingRate-2024-01.csv";
    static final String UM_MARK_1H = "binance/futures/um/daily/markPriceKlines/BTCUSDT-1h-2024-01-01.csv";
    static final String UM_MARK_1M_US = "binance/futures/um/daily/markPriceKlines/BTCUSDT-1m-2025-01-01.csv";
    static final String CM_INDEX_1H = "binance/futures/cm/daily/indexPriceKlines/BTCUSD-1h-2024-01-01.csv";
    static final String UM_PREMIUM_1H = "binance/futures/um/daily/premiumIndexKlines/BTCUSDT-1h-2024-01-01.csv";

    @TempDir
    Path dir;

    @Test
    void usdmFundingRatesWithHeaderAreFundingRowsAtCalcTimeWithTheRateAsPublished() {
        BinanceDerivativeCsvSource source = BinanceDerivativeCsvSource.fundingRate(resource(UM_FUNDING), UM,
                ImportOptions.STRICT.withAssumedFeedLatencyNanos(2 * MS));
        EventBatch rows = readAll(source, 4);
        // calc_time (ms) and last_funding_rate of the six lines of the fixture
        long[] calc = {1704067200000L, 1704096000000L, 1704124800004L, 1704153600000L, 1704182400001L,
                1704196800000L};
        double[] rate = {0.00037409, 0.00032154, 0.00010000, -0.00002345, 0.00005000, 0.00100000};
        assertThat(rows.size()).isEqualTo(6);
        for (int i = 0; i < 6; i++) {
            assertThat(rows.kind(i)).isEqualTo(EventKind.FUNDING_RATE);
            assertThat(rows.exchTs(i)).isEqualTo(calc[i] * MS);
            assertThat(rows.localTs(i)).isEqualTo(calc[i] * MS + 2 * MS);
            assertThat(rows.orderId(i)).as("funding time, kept as published").isEqualTo(calc[i] * MS);
            assertThat(rows.price(i)).isEqualTo(rate[i]);
            assertThat(rows.qty(i)).isZero();
            assertThat(rows.sideCode(i)).isZero();
            assertThat(rows.flags(i)).isEqualTo(EventFlags.END_OF_MESSAGE);
        }
        assertThat(source.rows()).isEqualTo(6);
        assertThat(source.fundingIntervalsHours()).containsExactly(4, 8);
    }

    @Test
    void coinmFundingRatesWithoutHeaderReadTheSame() {
        BinanceDerivativeCsvSource source = BinanceDerivativeCsvSource.fundingRate(resource(CM_FUNDING), CM,
                ImportOptions.STRICT);
        EventBatch rows = readAll(source, 16);
        assertThat(rows.size()).isEqualTo(3);
        assertThat(rows.exchTs(1)).isEqualTo(1704096000003L * MS);
        assertThat(rows.orderId(1)).isEqualTo(1704096000003L * MS);
        assertThat(rows.localTs(1)).isEqualTo(rows.exchTs(1));
        assertThat(rows.price(0)).isEqualTo(0.0001);
        assertThat(rows.price(1)).isEqualTo(0.00008912);
        assertThat(rows.price(2)).isEqualTo(-0.000015);
        assertThat(source.fundingIntervalsHours()).containsExactly(8);
    }

    @Test
    void markPriceKlinesGiveTheCloseAtTheEndOfEachKlineOffTheTickGrid() {
        EventBatch rows = readAll(BinanceDerivativeCsvSource.markPriceKlines(resource(UM_MARK_1H), UM,
                ImportOptions.STRICT), 2);
        assertThat(rows.size()).isEqualTo(3);
        // close_time + 1 ms = the next open_time: 1704070799999 + 1 = 1704070800000
        long[] end = {1704070800000L, 1704074400000L, 1704078000000L};
        double[] close = {42350.87654321, 42480.25, 42200.0};
        for (int i = 0; i < 3; i++) {
            assertThat(rows.kind(i)).isEqualTo(EventKind.MARK_PRICE);
            assertThat(rows.exchTs(i)).isEqualTo(end[i] * MS);
            assertThat(rows.price(i)).isEqualTo(close[i]);
            assertThat(rows.orderId(i)).isZero();
            assertThat(rows.qty(i)).isZero();
        }
        assertThat(UM.isOnTickGrid(rows.price(0))).as("a mark price is not snapped to the tick").isFalse();
    }

    @Test
    void microsecondKlinesWithoutHeaderEndOneMicrosecondAfterCloseTime() {
        EventBatch rows = readAll(BinanceDerivativeCsvSource.markPriceKlines(resource(UM_MARK_1M_US), UM,
                ImportOptions.STRICT), 16);
        assertThat(rows.size()).isEqualTo(2);
        assertThat(rows.exchTs(0)).isEqualTo(1735689660000000L * 1000); // 1735689659999999 us + 1 us
        assertThat(rows.exchTs(1)).isEqualTo(1735689720000000L * 1000);
        assertThat(rows.price(0)).isEqualTo(93601.33333333);
        assertThat(rows.price(1)).isEqualTo(93595.91);
    }

    @Test
    void coinmIndexPriceKlinesGiveIndexRows() {
        EventBatch rows = readAll(BinanceDerivativeCsvSource.indexPriceKlines(resource(CM_INDEX_1H), CM,
                ImportOptions.STRICT), 16);
        assertThat(rows.size()).isEqualTo(2);
        assertThat(rows.kind(0)).isEqualTo(EventKind.INDEX_PRICE);
        assertThat(rows.kind(1)).isEqualTo(EventKind.INDEX_PRICE);
        assertThat(rows.exchTs(0)).isEqualTo(1704070800000L * MS);
        assertThat(rows.price(0)).isEqualTo(42330.64102564);
        assertThat(rows.price(1)).isEqualTo(42461.07);
    }

    @Test
    void premiumIndexKlinesAreBarsOfTheSignedPremium() {
        BinanceKlines.Result result = BinanceDerivativeCsvSource.premiumIndexBars(resource(UM_PREMIUM_1H),
                ImportOptions.STRICT);
        BarBatch bars = result.bars();
        assertThat(result.skipped()).isZero();
        assertThat(bars.size()).isEqualTo(2);
        assertThat(bars.startTs(0)).isEqualTo(1704067200000L * MS);
        assertThat(bars.endTs(0)).isEqualTo(1704070800000L * MS);
        assertThat(bars.open(0)).isEqualTo(0.00021);
        assertThat(bars.high(0)).isEqualTo(0.00045612);
        assertThat(bars.low(0)).isEqualTo(-0.00012345);
        assertThat(bars.close(0)).isEqualTo(0.00030125);
        assertThat(bars.close(1)).isEqualTo(-0.00020011);
        assertThat(bars.low(1)).isEqualTo(-0.0005);
        assertThat(bars.volume(1)).isZero();
        assertThat(bars.vwap(1)).isNaN();
        assertThat(bars.tradeCount(1)).isEqualTo(BarBatch.NO_TRADE_COUNT);
        assertThatThrownBy(() -> BinanceDerivativeCsvSource.open(BinanceDerivativeFile.PREMIUM_INDEX_KLINES,
                resource(UM_PREMIUM_1H), UM, ImportOptions.STRICT))
                .hasMessageContaining("premiumIndexBars");
    }

    @Test
    void theZipBinanceShipsAndAGzipReadLikeThePlainFile() throws IOException {
        Path plain = resource(UM_FUNDING);
        Path zip = dir.resolve("BTCUSDT-fundingRate-2024-01.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("BTCUSDT-fundingRate-2024-01.csv"));
            out.write(Files.readAllBytes(plain));
            out.closeEntry();
        }
        Path gz = dir.resolve("BTCUSDT-1h-2024-01-01.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(resource(UM_MARK_1H)));
        }
        EventBatch expected = readAll(BinanceDerivativeCsvSource.fundingRate(plain, UM, ImportOptions.STRICT), 64);
        assertThat(readAll(BinanceDerivativeCsvSource.fundingRate(zip, UM, ImportOptions.STRICT), 64)
                .contentEquals(expected)).isTrue();
        EventBatch marks = readAll(BinanceDerivativeCsvSource.markPriceKlines(resource(UM_MARK_1H), UM,
                ImportOptions.STRICT), 64);
        assertThat(readAll(BinanceDerivativeCsvSource.markPriceKlines(gz, UM, ImportOptions.STRICT), 64)
                .contentEquals(marks)).isTrue();
    }

    static final String KLINE_HEADER = "open_time,open,high,low,close,volume,close_time,quote_volume,count,"
            + "taker_buy_volume,taker_buy_quote_volume,ignore";
    static final String GOOD_KLINE = "1704067200000,42314.0,42400.1,42290.5,42350.8,0,1704070799999,0,3600,0,0,0";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "1704096000000,8                                 |           |malformed line: 2 fields, expected 3",
        "1704096000000,8,0.0001,9                        |           |malformed line: 4 fields",
        "17040960000x0,8,0.0001                          |calc_time  |not an integer",
        "1704096000000,0,0.0001                          |funding_interval_hours|funding interval of 0 hours: expected 1..24",
        "1704096000000,8,abc                             |last_funding_rate|not a finite decimal number: 'abc'",
        "1704096000000,8,NaN                             |last_funding_rate|not a finite decimal number",
        "1704096000000,8,1.5                             |last_funding_rate|expected |rate| < 1",
        "1704096000000,8,-1                              |last_funding_rate|expected |rate| < 1",
        "7300000000000000,8,0.0001                       |calc_time  |outside the plausible",
        "9999999999999999,8,0.0001                       |calc_time  |overflows epoch nanoseconds",
        "0,8,0.0001                                      |calc_time  |calc_time 0 (1970-01-01T00:00Z) is not a funding time",
        "1704067199999,8,0.0001                          |calc_time  |time goes backwards",
    })
    void badFundingLinesNameFileLineAndField(String bad, String field, String detail) {
        Path f = write(dir, "BTCUSDT-fundingRate-2024-01.csv", "calc_time,funding_interval_hours,last_funding_rate",
                "1704067200000,8,0.00037409", bad, "1704124800000,8,0.0001");
        String column = field == null ? null : field.trim();
        assertThatThrownBy(() -> readAll(BinanceDerivativeCsvSource.fundingRate(f, UM, ImportOptions.STRICT), 8))
                .isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.file()).isEqualTo(f.toString());
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo(column);
                })
                .hasMessageContaining(detail.trim());
        BinanceDerivativeCsvSource lenient = BinanceDerivativeCsvSource.fundingRate(f, UM, ImportOptions.LENIENT);
        assertThat(readAll(lenient, 8).size()).isEqualTo(2);
        assertThat(lenient.skipped()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "1704070800000,42350.8,42502.3,42320.1,42480.2,0,1704074399999,0,3600,0,0     |          |malformed line: 11 fields, expected 12",
        "1704070800000,0,42502.3,42320.1,42480.2,0,1704074399999,0,3600,0,0,0         |open      |is not positive",
        "1704070800000,42350.8,42502.3,42320.1,42600,0,1704074399999,0,3600,0,0,0     |close     |close 42600 is outside [low 42320.1, high 42502.3]",
        "1704070800000,42350.8,42300,42320.1,42310,0,1704074399999,0,3600,0,0,0       |high      |high 42300 is below low 42320.1",
        "1704070800000,42350.8,42502.3,42320.1,42480.2,-1,1704074399999,0,3600,0,0,0  |volume    |negative quantity -1",
        "1704070800000,42350.8,42502.3,42320.1,42480.2,0,1704074399999,0,-5,0,0,0     |count     |negative count -5",
        "1704070800000,42350.8,42502.3,42320.1,42480.2,0,1704070800000,0,3600,0,0,0   |close_time|is not after open_time",
        "1704070800000,42350.8,42502.3,42320.1,42480.2,0,1704074399999999,0,3600,0,0,0|close_time|is not in the unit of open_time",
        "1704067200000,42314.0,42400.1,42290.5,42350.8,0,1704070799999,0,3600,0,0,0   |open_time |duplicate or out of order",
    })
    void badKlineLinesNameFileLineAndField(String bad, String field, String detail) {
        Path f = write(dir, "BTCUSDT-1h-2024-01-01.csv", KLINE_HEADER, GOOD_KLINE, bad.trim(),
                "1704074400000,42480.2,42480.2,42111.9,42200.0,0,1704077999999,0,3600,0,0,0");
        String column = field == null ? null : field.trim();
        assertThatThrownBy(() -> readAll(BinanceDerivativeCsvSource.markPriceKlines(f, UM, ImportOptions.STRICT), 8))
                .isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.file()).isEqualTo(f.toString());
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo(column);
                })
                .hasMessageContaining(detail.trim());
        BinanceDerivativeCsvSource lenient = BinanceDerivativeCsvSource.markPriceKlines(f, UM,
                ImportOptions.LENIENT);
        assertThat(readAll(lenient, 8).size()).isEqualTo(2);
        assertThat(lenient.skipped()).isEqualTo(1);
    }

    @Test
    void aHeaderNamingOtherColumnsIsRefusedOnLineOne() {
        Path f = write(dir, "BTCUSDT-fundingRate-2024-01.csv", "calc_time,last_funding_rate,funding_interval_hours",
                "1704067200000,8,0.00037409");
        assertThatThrownBy(() -> readAll(BinanceDerivativeCsvSource.fundingRate(f, UM, ImportOptions.STRICT), 8))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining(f + ":1")
                .hasMessageContaining("does not name the FUNDING_RATE columns calc_time,funding_interval_hours,"
                        + "last_funding_rate");
        Path k = write(dir, "BTCUSDT-1h-2024-01-01.csv", "open_time,open,high,low,close", GOOD_KLINE);
        assertThatThrownBy(() -> BinanceDerivativeCsvSource.premiumIndexBars(k, ImportOptions.STRICT))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("does not name the PREMIUM_INDEX_KLINES columns");
    }

    @Test
    void premiumIndexBadLinesAreCountedInLenientMode() {
        Path f = write(dir, "BTCUSDT-1h-2024-01-01.csv", KLINE_HEADER,
                "1704067200000,0.0002,0.0004,-0.0001,0.0003,0,1704070799999,0,720,0,0,0",
                "1704070800000,0.0002,0.0004,-0.0001,NaN,0,1704074399999,0,720,0,0,0",
                "1704074400000,0.0002,0.0004,-0.0001,-0.00005,0,1704077999999,0,720,0,0,0");
        assertThatThrownBy(() -> BinanceDerivativeCsvSource.premiumIndexBars(f, ImportOptions.STRICT))
                .isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("close");
                });
        BinanceKlines.Result r = BinanceDerivativeCsvSource.premiumIndexBars(f, ImportOptions.LENIENT);
        assertThat(r.skipped()).isEqualTo(1);
        assertThat(r.bars().size()).isEqualTo(2);
        assertThat(r.bars().close(1)).isEqualTo(-0.00005);
    }

    @Test
    void theFileKindsSayWhatTheyBecome() {
        assertThat(BinanceDerivativeFile.FUNDING_RATE.eventKind()).isEqualTo(EventKind.FUNDING_RATE);
        assertThat(BinanceDerivativeFile.MARK_PRICE_KLINES.eventKind()).isEqualTo(EventKind.MARK_PRICE);
        assertThat(BinanceDerivativeFile.INDEX_PRICE_KLINES.eventKind()).isEqualTo(EventKind.INDEX_PRICE);
        assertThat(BinanceDerivativeFile.PREMIUM_INDEX_KLINES.eventKind()).isNull();
        assertThat(BinanceDerivativeFile.MARK_PRICE_KLINES.columns()).hasSize(12);
        assertThat(List.of(BinanceDerivativeFile.values())).hasSize(4);
    }
}
