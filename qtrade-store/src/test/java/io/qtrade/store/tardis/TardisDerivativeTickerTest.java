package io.qtrade.store.tardis;

import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventFlags;
import io.qtrade.core.market.EventKind;
import io.qtrade.store.ingest.ImportException;
import io.qtrade.store.ingest.ImportOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static io.qtrade.store.ingest.ImportTestSupport.readAll;
import static io.qtrade.store.ingest.ImportTestSupport.resource;
import static io.qtrade.store.ingest.ImportTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tardis {@code derivative_ticker} as mark, index and funding rows, each only when it changes (fixture README). */
class TardisDerivativeTickerTest {

    static final Instrument BTC = Instrument.spot("BTCUSDT", "BINANCE_USDM", 0.1, 0.001);
    static final String FIXTURE = "tardis/binance-futures_derivative_ticker_2024-01-01_BTCUSDT.csv";
    static final String HEADER = "exchange,symbol,timestamp,local_timestamp,funding_timestamp,funding_rate,"
            + "predicted_funding_rate,open_interest,last_price,index_price,mark_price";
    static final long US = 1_000L;

    @TempDir
    Path dir;

    @Test
    void eachValueBecomesARowOnlyWhenItChanges() {
        TardisCsvSource source = TardisCsvSource.open(TardisCsvFile.DERIVATIVE_TICKER, resource(FIXTURE), BTC,
                ImportOptions.STRICT);
        EventBatch rows = readAll(source, 3);
        // line 2: mark, index, funding; line 3: only last_price changed, nothing; line 4: mark and index; line 5:
        // index blank, mark and rate change; line 6: blanks and an unchanged index, nothing; line 7: the funding time
        // rolls over, all three; line 8: an exact repeat, nothing.
        EventKind m = EventKind.MARK_PRICE;
        EventKind i = EventKind.INDEX_PRICE;
        EventKind f = EventKind.FUNDING_RATE;
        List<EventKind> kinds = List.of(m, i, f, m, i, m, f, m, i, f);
        long[] exch = {1704067200000000L, 1704067200000000L, 1704067200000000L, 1704067201000000L,
                1704067201000000L, 1704067202000000L, 1704067202000000L, 1704096000001000L, 1704096000001000L,
                1704096000001000L};
        long[] local = {1704067200004100L, 1704067200004100L, 1704067200004100L, 1704067201004000L,
                1704067201004000L, 1704067202004200L, 1704067202004200L, 1704096000005000L, 1704096000005000L,
                1704096000005000L};
        double[] price = {42314.0, 42291.51234567, 0.00037409, 42315.12345678, 42292.0, 42316.5, 0.00037512,
                42501.9, 42480.1, 0.00037512};
        long[] fundingTime = {0, 0, 1704096000000000L * US, 0, 0, 0, 1704096000000000L * US, 0, 0,
                1704124800000000L * US};
        int[] flags = {0, 0, 2, 0, 2, 0, 2, 0, 0, 2};
        assertThat(rows.size()).isEqualTo(kinds.size());
        for (int r = 0; r < rows.size(); r++) {
            assertThat(rows.kind(r)).as("row %d", r).isEqualTo(kinds.get(r));
            assertThat(rows.exchTs(r)).as("row %d", r).isEqualTo(exch[r] * US);
            assertThat(rows.localTs(r)).as("row %d", r).isEqualTo(local[r] * US);
            assertThat(rows.price(r)).as("row %d", r).isEqualTo(price[r]);
            assertThat(rows.orderId(r)).as("row %d", r).isEqualTo(fundingTime[r]);
            assertThat(rows.qty(r)).isZero();
            assertThat(rows.sideCode(r)).isZero();
            assertThat(rows.flags(r)).as("row %d", r).isEqualTo(flags[r] == 2 ? EventFlags.END_OF_MESSAGE
                    : EventFlags.NONE);
        }
        assertThat(source.fundingRatesWithoutTime()).isZero();
    }

    @Test
    void withinALineMarkComesBeforeIndexBeforeFunding() {
        Path f = write(dir, "x.csv", HEADER,
                "binance-futures,BTCUSDT,1704067200000000,1704067200000100,1704096000000000,0.0001,,1,1,100.5,101.25");
        EventBatch rows = readAll(TardisCsvSource.open(TardisCsvFile.DERIVATIVE_TICKER, f, BTC,
                ImportOptions.STRICT), 8);
        assertThat(rows.kind(0)).isEqualTo(EventKind.MARK_PRICE);
        assertThat(rows.price(0)).isEqualTo(101.25);
        assertThat(rows.kind(1)).isEqualTo(EventKind.INDEX_PRICE);
        assertThat(rows.price(1)).isEqualTo(100.5);
        assertThat(rows.kind(2)).isEqualTo(EventKind.FUNDING_RATE);
    }

    @Test
    void aFundingRateWithoutFundingTimeGivesNoRowAndIsCounted() {
        // dYdX-like: continuous funding, no funding_timestamp; long decimals as Tardis writes them
        Path f = write(dir, "dydx-v4_derivative_ticker_2025-04-01_BTC-USD.csv", HEADER,
                "dydx-v4,BTC-USD,1743465600448717,1743465600448717,,0.00004405208333333333,,760.6049,,,82546.76734",
                "dydx-v4,BTC-USD,1743465610072177,1743465610072177,,0.00004405208333333333,,760.6049,82570,,82495.67226");
        Instrument dydx = Instrument.spot("BTC-USD", "DYDX_V4", 1, 0.0001);
        TardisCsvSource source = TardisCsvSource.open(TardisCsvFile.DERIVATIVE_TICKER, f, dydx,
                ImportOptions.STRICT);
        EventBatch rows = readAll(source, 8);
        assertThat(rows.size()).isEqualTo(2);
        assertThat(rows.kind(0)).isEqualTo(EventKind.MARK_PRICE);
        assertThat(rows.price(0)).isEqualTo(82546.76734);
        assertThat(rows.price(1)).isEqualTo(82495.67226);
        assertThat(rows.flags(1)).isEqualTo(EventFlags.END_OF_MESSAGE);
        assertThat(source.fundingRatesWithoutTime()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "binance-futures,BTCUSDT,1704067201000000,1704067201000100,1704096000000000,0.0001,,1,1,-5,101 |index_price|price -5 is not positive",
        "binance-futures,BTCUSDT,1704067201000000,1704067201000100,1704096000000000,0.0001,,1,1,100,abc|mark_price|not a finite decimal number: 'abc'",
        "binance-futures,BTCUSDT,1704067201000000,1704067201000100,1704096000000000,2.5,,1,1,100,101  |funding_rate|expected |rate| < 1",
        "binance-futures,BTCUSDT,1704067201000000,1704067201000100,x,0.0001,,1,1,100,101               |funding_timestamp|not an integer",
        "binance-futures,BTCUSDT,1704067201000000,1704067201000100,9000000000000000,0.0001,,1,1,100,101|funding_timestamp|outside the plausible",
        "binance-futures,BTCUSDT,1704067201000000,1704067201000100,0,0.0001,,1,1,100,101              |funding_timestamp|is not a funding time",
        "binance-futures,ETHUSDT,1704067201000000,1704067201000100,1704096000000000,0.0001,,1,1,100,101|symbol|is not among the instruments",
        "binance-futures,BTCUSDT,1704067201000000,1704067200000000,1704096000000000,0.0001,,1,1,100,101|local_timestamp|time goes backwards",
    })
    void badLinesNameFileLineAndField(String bad, String field, String detail) {
        Path f = write(dir, "binance-futures_derivative_ticker_2024-01-01_BTCUSDT.csv", HEADER,
                "binance-futures,BTCUSDT,1704067200000000,1704067200000100,1704096000000000,0.0001,,1,1,100,101",
                bad.trim(),
                "binance-futures,BTCUSDT,1704067202000000,1704067202000100,1704096000000000,0.0002,,1,1,100,102");
        assertThatThrownBy(() -> readAll(TardisCsvSource.open(TardisCsvFile.DERIVATIVE_TICKER, f, BTC,
                ImportOptions.STRICT), 8))
                .isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.file()).isEqualTo(f.toString());
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo(field.trim());
                })
                .hasMessageContaining(detail.trim());
        TardisCsvSource lenient = TardisCsvSource.open(TardisCsvFile.DERIVATIVE_TICKER, f, BTC,
                ImportOptions.LENIENT);
        EventBatch rows = readAll(lenient, 8);
        assertThat(lenient.skipped()).isEqualTo(1);
        assertThat(rows.size()).isEqualTo(3 + 2); // the first line's three, then mark 102 and rate 0.0002
    }

    @Test
    void aHeaderWithoutTheMarkPriceColumnIsRefused() {
        Path f = write(dir, "x.csv", "exchange,symbol,timestamp,local_timestamp,funding_timestamp,funding_rate,"
                + "index_price", "binance-futures,BTCUSDT,1704067200000000,1704067200000100,,,100");
        assertThatThrownBy(() -> readAll(TardisCsvSource.open(TardisCsvFile.DERIVATIVE_TICKER, f, BTC,
                ImportOptions.STRICT), 8))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining(f + ":1")
                .hasMessageContaining("header lacks the column mark_price of a Tardis DERIVATIVE_TICKER file");
    }
}
