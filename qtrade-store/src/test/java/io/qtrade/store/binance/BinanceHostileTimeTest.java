package io.qtrade.store.binance;

import io.qtrade.core.Instrument;
import io.qtrade.store.ingest.ImportException;
import io.qtrade.store.ingest.ImportOptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static io.qtrade.store.ingest.ImportTestSupport.readAll;
import static io.qtrade.store.ingest.ImportTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 18, item 2 for the Binance importers: venue times that overflow or leave the plausible range. */
class BinanceHostileTimeTest {

    private static final Instrument SPOT = Instrument.spot("BTCUSDT", "BINANCE", 0.01, 0.00001);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775807", "18446744073709", "-1700000000000"})
    void aDepthRecordingEventTimeThatOverflowsIsALocatedImportException(String e) {
        // Before: EpochUnit.toNanos threw a bare ArithmeticException (or wrapped to a wrong date).
        Path file = write(dir, "d.jsonl", "{\"localTs\":1700000000001000000,\"stream\":\"btcusdt@depth@100ms\","
                + "\"data\":{\"e\":\"depthUpdate\",\"E\":" + e + ",\"s\":\"BTCUSDT\",\"U\":100,\"u\":105,"
                + "\"b\":[[\"100.00\",\"1\"]],\"a\":[]}}");
        assertThatThrownBy(() -> readAll(BinanceDepthRecordingSource.open(file, SPOT, BinanceMarket.SPOT,
                ImportOptions.STRICT), 8)).isInstanceOfSatisfying(ImportException.class, x -> {
                    assertThat(x.line()).isEqualTo(1);
                    assertThat(x.field()).isEqualTo("E");
                    assertThat(x.problem()).contains("2200-01-01T00:00:00Z");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775", "-5", "7258118400000"})
    void aTradeTimeOutsideThePlausibleRangeIsRefused(String time) {
        Path file = write(dir, "BTCUSDT-trades-2024-01-01.csv", "1,42000.01,0.5,21000.005," + time + ",true,true");
        assertThatThrownBy(() -> readAll(BinanceCsvSource.trades(file, SPOT, ImportOptions.STRICT), 8))
                .isInstanceOfSatisfying(ImportException.class, x -> {
                    assertThat(x.line()).isEqualTo(1);
                    assertThat(x.problem()).contains("1970-01-01T00:00:00Z, 2200-01-01T00:00:00Z");
                });
    }
}
