package io.qtrade.store.zerodha;

import io.qtrade.store.ingest.ImportException;
import io.qtrade.store.ingest.ImportOptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static io.qtrade.store.ingest.ImportTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 18, items 2 and 6: candle times that overflow, and containers nested inside one candle. */
class KiteCandlesHostileTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
        "[\"2017-12-15T09:16:00+0530\",{\"x\":[1,2]},1702,1698.15,1698.15,5]",
        "[\"2017-12-15T09:16:00+0530\",1702,1702,[1698.15,[2]],1698.15,5]",
        "[{\"t\":\"2017-12-15T09:16:00+0530\"},1702,1702,1698.15,1698.15,5]",
        "[\"2017-12-15T09:16:00+0530\",1702,1702,1698.15,1698.15,5,6,{\"a\":[]}]",
    })
    void aContainerInsideACandleSkipsThatCandleOnlyAndCountsIt(String bad) {
        // Before: the skip stopped at the nested container's end, the rest of the bad candle was read as candles
        // and the valid candles after it vanished uncounted.
        Path file = write(dir, "c.json", "{\"status\":\"success\",\"data\":{\"candles\":[",
                "[\"2017-12-15T09:15:00+0530\",1704.5,1705,1699.25,1702.8,2499],", bad,
                ",[\"2017-12-15T09:17:00+0530\",1698.15,1700.25,1698,1699.25,831]",
                ",[\"2017-12-15T09:18:00+0530\",1699,1700,1698,1699.5,77]]}}");
        KiteCandleSeries lenient = KiteCandles.read(file, ImportOptions.LENIENT);
        assertThat(lenient.size()).isEqualTo(3);
        assertThat(lenient.volume(1)).isEqualTo(831);
        assertThat(lenient.volume(2)).isEqualTo(77);
        assertThat(lenient.skippedCandles()).isEqualTo(1);
        assertThatThrownBy(() -> KiteCandles.read(file, ImportOptions.STRICT)).isInstanceOfSatisfying(
                ImportException.class, e -> assertThat(e.field()).startsWith("candles[1]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2919-12-15T09:16:00+0530", "1969-12-31T23:59:59+0000", "+999999999-12-31T23:59:59+0000"})
    void candleTimesOutsideThePlausibleRangeAreRefusedNotWrapped(String time) {
        // Before: 2919 * 10^9 ns overflowed a long and read as the year 1750.
        Path file = write(dir, "t.json", "{\"status\":\"success\",\"data\":{\"candles\":[",
                "[\"" + time + "\",1704.5,1705,1699.25,1702.8,2499]]}}");
        assertThatThrownBy(() -> KiteCandles.read(file, ImportOptions.STRICT)).isInstanceOfSatisfying(
                ImportException.class, e -> {
                    assertThat(e.field()).isEqualTo("candles[0][0] (time)");
                    assertThat(e.problem()).contains("2200-01-01T00:00:00Z");
                });
    }

    @Test
    void aVolumeThatUnderflowsIsRefusedNotReadAsZero() {
        // Before: Jackson's getDoubleValue read 1e-400 as 0.0, silently; every other vendor number was refused.
        Path file = write(dir, "u.json", "{\"status\":\"success\",\"data\":{\"candles\":[",
                "[\"2017-12-15T09:15:00+0530\",1704.5,1705,1699.25,1702.8,1e-400]]}}");
        assertThatThrownBy(() -> KiteCandles.read(file, ImportOptions.STRICT)).isInstanceOfSatisfying(
                ImportException.class, e -> {
                    assertThat(e.field()).startsWith("candles[0][5]");
                    assertThat(e.problem()).contains("1e-400");
                });
    }
}
