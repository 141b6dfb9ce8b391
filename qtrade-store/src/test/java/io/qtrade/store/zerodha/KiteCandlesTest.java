package io.qtrade.store.zerodha;

import io.qtrade.store.ingest.ImportException;
import io.qtrade.store.ingest.ImportOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.qtrade.store.ingest.ImportTestSupport.resource;
import static io.qtrade.store.ingest.ImportTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KiteCandlesTest {

    /** 2017-12-15T09:15+05:30 = 03:45Z = 1513309500 s (python datetime). */
    private static final long INFY_FIRST = 1_513_309_500L * 1_000_000_000L;
    private static final long MINUTE = 60_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void candlesInIstBecomeUtcNanosecondsWithEveryColumn() {
        KiteCandleSeries s = KiteCandles.read(resource("zerodha/INFY-minute-2017-12-15.json"), ImportOptions.STRICT);
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.hasOpenInterest()).isFalse();
        assertThat(s.timeNanos(0)).isEqualTo(INFY_FIRST);
        assertThat(s.timeNanos(2)).isEqualTo(INFY_FIRST + 2 * MINUTE);
        assertThat(s.open(0)).isEqualTo(1704.5);
        assertThat(s.high(0)).isEqualTo(1705);
        assertThat(s.low(0)).isEqualTo(1699.25);
        assertThat(s.close(0)).isEqualTo(1702.8);
        assertThat(s.volume(0)).isEqualTo(2499);
        assertThat(s.openInterest(0)).isEqualTo(KiteCandleSeries.NO_OI);
        assertThat(s.close(2)).isEqualTo(1699.25);
        assertThat(s.volume(2)).isEqualTo(831);
    }

    @Test
    void openInterestIsReadWhenRequestedWithOi() {
        KiteCandleSeries s = KiteCandles.read(resource("zerodha/NIFTY-FUT-minute-oi-2019-12-04.json"),
                ImportOptions.STRICT);
        assertThat(s.hasOpenInterest()).isTrue();
        assertThat(s.timeNanos(0)).isEqualTo(1_575_431_100L * 1_000_000_000L);
        assertThat(s.openInterest(1)).isEqualTo(13_667_775L);
        assertThat(s.volume(1)).isEqualTo(105_750L);
    }

    @Test
    void badCandlesNameTheCandleAndField() {
        expectBad("[\"2017-12-15T09:16:00+0530\",1702,1702,1698.15,1698.15,-5]", "candles[1][5] (volume)",
                "not a non-negative whole number");
        expectBad("[\"2017-12-15T09:16:00+0530\",1702,\"x\",1698.15,1698.15,5]", "candles[1][2] (high)",
                "not a number: x");
        expectBad("[\"2017-12-15T09:16:00+0530\",1702,1701,1698.15,1698.15,5]", "candles[1][2] (high)",
                "do not bound open");
        expectBad("[\"2017-12-15T09:14:00+0530\",1702,1702,1698.15,1698.15,5]", "candles[1][0] (time)",
                "time goes backwards");
        expectBad("[\"2017-12-15 09:16\",1702,1702,1698.15,1698.15,5]", "candles[1][0] (time)",
                "is not yyyy-MM-ddTHH:mm:ss+0530");
        expectBad("[\"2017-12-15T09:16:00+0530\",1702,1702,1698.15]", "candles[1][4] (close)", "malformed candle");
    }

    private void expectBad(String candle, String field, String problem) {
        Path file = write(dir, "c.json", "{\"status\":\"success\",\"data\":{\"candles\":[",
                "[\"2017-12-15T09:15:00+0530\",1704.5,1705,1699.25,1702.8,2499],", candle,
                ",[\"2017-12-15T09:17:00+0530\",1698.15,1700.25,1698,1699.25,831]]}}");
        assertThatThrownBy(() -> KiteCandles.read(file, ImportOptions.STRICT)).as(candle)
                .isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.byteOffset()).isGreaterThan(0);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.problem()).contains(problem);
                });
        KiteCandleSeries lenient = KiteCandles.read(file, ImportOptions.LENIENT);
        assertThat(lenient.size()).isEqualTo(2); // the bad candle skipped, both neighbours kept
        assertThat(lenient.volume(1)).isEqualTo(831);
    }

    @Test
    void anErrorResponseIsReportedWithKitesMessage() {
        Path file = write(dir, "e.json",
                "{\"status\":\"error\",\"message\":\"Invalid `api_key` or `access_token`.\",\"error_type\":\"TokenException\"}");
        assertThatThrownBy(() -> KiteCandles.read(file, ImportOptions.STRICT)).isInstanceOf(ImportException.class)
                .hasMessageContaining("status 'error' (Invalid `api_key` or `access_token`.): expected success");
    }
}
