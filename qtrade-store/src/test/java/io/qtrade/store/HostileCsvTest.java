package io.qtrade.store;

import io.qtrade.core.market.EventBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.qtrade.store.BadInputTest.BTC;
import static io.qtrade.store.BadInputTest.csv;
import static io.qtrade.store.BadInputTest.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 18, items 1-3 for the store's CSV reader: numbers of any length, time overflow, no silent stop. */
class HostileCsvTest {

    @Test
    void nineteenDigitNumbersKeepTheirSignAndValue(@TempDir Path dir) throws Exception {
        // Before: the 19th significant digit overflowed the long mantissa; -0.9999999999999999999 read as +0.8447.
        Path f = csv(dir, "1000,1100,2,1,95000.500000000000000000,0.9999999999999999999,0,0",
                "1001,1100,2,1,9223372036854775808,1,0,0");
        EventBatch b = new EventBatch(8);
        try (CsvTickReader r = new CsvTickReader(f, BTC, TickReadOptions.DEFAULT)) {
            assertThat(r.readBatch(b)).isTrue();
        }
        assertThat(b.size()).isEqualTo(2);
        assertThat(b.price(0)).isEqualTo(95000.5);
        assertThat(b.qty(0)).isEqualTo(0.9999999999999999999);
        assertThat(b.price(1)).isEqualTo(9.223372036854775808e18);
    }

    @Test
    void aNegativeQuantityWithNineteenDigitsIsRefusedNotReadAsPositive(@TempDir Path dir) throws Exception {
        Path f = csv(dir, "1000,1100,2,1,100.5,-0.9999999999999999999,0,0");
        assertThatThrownBy(() -> readAll(new CsvTickReader(f, BTC, TickReadOptions.DEFAULT)))
                .isInstanceOf(TickDataException.class).hasMessageContaining("line 2, field qty");
    }

    @Test
    void numbersLongerThanEightyCharactersAreReadWhole(@TempDir Path dir) throws Exception {
        // Before: the fallback parsed only the first 80 characters, 1e79 for this 1e85.
        String price = "1" + "0".repeat(85) + ".5";
        Path f = csv(dir, "1000,1100,2,1," + price + ",1,0,0");
        EventBatch b = new EventBatch(8);
        try (CsvTickReader r = new CsvTickReader(f, BTC, TickReadOptions.DEFAULT)) {
            assertThat(r.readBatch(b)).isTrue();
        }
        assertThat(b.price(0)).isEqualTo(new java.math.BigDecimal(price).doubleValue());
    }

    @Test
    void javaOnlyNumberSpellingsAreRefused(@TempDir Path dir) throws Exception {
        for (String bad : new String[]{"1f", "1d", "0x1p3", "Infinity", " 1", "1e400", "4.9e-324"}) {
            Path f = csv(dir, "1000,1100,2,1," + bad + ",1,0,0");
            assertThatThrownBy(() -> readAll(new CsvTickReader(f, BTC, TickReadOptions.DEFAULT))).as(bad)
                    .isInstanceOf(TickDataException.class).hasMessageContaining("field price");
        }
    }

    @Test
    void theMostNegativeTimeAfterALateRowIsBackwardsNotAccepted(@TempDir Path dir) throws Exception {
        // Before: maxExchTs - exchTs overflowed to a negative number and the row passed the backwards check.
        Path f = csv(dir, "1704067200000000000,1,2,1,100.5,1,0,0", Long.MIN_VALUE + ",1,2,1,100.5,1,0,0");
        assertThatThrownBy(() -> readAll(new CsvTickReader(f, BTC, TickReadOptions.DEFAULT.withMaxBackwardsNanos(5))))
                .isInstanceOf(TickDataException.class).hasMessageContaining("line 3, field exch_ts")
                .hasMessageContaining("time goes backwards by 10927439236854775808 ns");
    }

    @Test
    void aRowAtLongMaxTimeDoesNotEndTheFileSilently(@TempDir Path dir) throws Exception {
        // Before: the reader stopped at the first exch_ts >= the range end and never saw the rows after it.
        Path f = csv(dir, "1000,1,2,1,100.5,1,0,0", Long.MAX_VALUE + ",1,2,1,100.5,1,0,0", "2000,1,2,1,100.5,1,0,0");
        assertThatThrownBy(() -> readAll(new CsvTickReader(f, BTC, TickReadOptions.DEFAULT)))
                .isInstanceOf(TickDataException.class).hasMessageContaining("line 4, field exch_ts");
    }

    @Test
    void anUnsortedRowPastARangeEndIsReportedNotDropped(@TempDir Path dir) throws Exception {
        Path f = csv(dir, "1000,1,2,1,100.5,1,0,0", "5000,1,2,1,100.5,1,0,0", "2000,1,2,1,100.5,1,0,0");
        TickReadOptions range = TickReadOptions.DEFAULT.withRange(0, 3000);
        assertThatThrownBy(() -> readAll(new CsvTickReader(f, BTC, range)))
                .isInstanceOf(TickDataException.class).hasMessageContaining("line 4, field exch_ts");
        // Sorted, the same range reads the rows inside it and nothing else.
        Path sorted = csv(dir, "1000,1,2,1,100.5,1,0,0", "2000,1,2,1,100.5,1,0,0", "5000,1,2,1,100.5,1,0,0");
        assertThat(readAll(new CsvTickReader(sorted, BTC, range))).isEqualTo(2);
    }
}
