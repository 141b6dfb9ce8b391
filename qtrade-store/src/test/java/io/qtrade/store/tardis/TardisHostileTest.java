package io.qtrade.store.tardis;

import io.qtrade.core.Instrument;
import io.qtrade.store.ingest.ImportException;
import io.qtrade.store.ingest.ImportOptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static io.qtrade.store.ingest.ImportTestSupport.readAll;
import static io.qtrade.store.ingest.ImportTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 18, items 2 and 4 for Tardis: snapshot prices a tick count cannot hold, and overflowing times. */
class TardisHostileTest {

    private static final Instrument BTC = Instrument.spot("BTCUSDT", "BINANCE_UM", 0.1, 0.001);
    private static final String HEADER = "exchange,symbol,timestamp,local_timestamp,asks[0].price,asks[0].amount,"
            + "bids[0].price,bids[0].amount";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // Before: 1.7e23 came out as 9.22e17 (clamped ticks), 4.9e-324 as price 0.
        "1704067200000000,1704067200000900,1.7e23,1,42000.1,2      |asks[0].price  |ticks",
        "1704067200000000,1704067200000900,42000.2,1,4.9e-324,2    |bids[0].price  |4.9e-324",
        "9223372036854775807,1704067200000900,42000.2,1,42000.1,2  |timestamp      |overflows",
        "-5,1704067200000900,42000.2,1,42000.1,2                   |timestamp      |outside the plausible",
    })
    void badSnapshotRowsAreRefusedWithTheirField(String fields, String field, String problem) {
        Path file = write(dir, "s.csv", HEADER, "binance-futures,BTCUSDT," + fields);
        assertThatThrownBy(() -> readAll(TardisCsvSource.open(TardisCsvFile.BOOK_SNAPSHOT, file, BTC,
                ImportOptions.STRICT), 8)).isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.problem()).contains(problem);
                });
    }
}
