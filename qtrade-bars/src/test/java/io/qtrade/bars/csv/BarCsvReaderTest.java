package io.qtrade.bars.csv;

import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.bar.BarSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BarCsvReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsYahooColumnsInAnyOrderWithSessionsInTheExchangeZone() throws IOException {
        Path f = dir.resolve("INFY.csv");
        Files.writeString(f, "Date,Open,High,Low,Close,Adj Close,Volume\n"
                + "2024-01-01,1500,1520,1490,1510,1400.5,1000\n2024-01-02,1511,1530,1505,1525,1415,2000\n");
        BarCsvReader.Result r = BarCsvReader.read(f, BarCsvReader.Settings.NSE);
        BarBatch b = r.bars();
        assertThat(b.size()).isEqualTo(2);
        assertThat(b.close(1)).isEqualTo(1525.0);
        assertThat(b.volume(0)).isEqualTo(1000.0);
        // 2024-01-01 09:15 to 15:30 Asia/Kolkata = 03:45 to 10:00 UTC
        long open = ZonedDateTime.of(2024, 1, 1, 3, 45, 0, 0, ZoneId.of("UTC")).toEpochSecond() * 1_000_000_000L;
        long close = ZonedDateTime.of(2024, 1, 1, 10, 0, 0, 0, ZoneId.of("UTC")).toEpochSecond() * 1_000_000_000L;
        assertThat(b.startTs(0)).isEqualTo(open);
        assertThat(b.endTs(0)).isEqualTo(close);
        assertThat(r.dates()).containsExactly(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-01-02"));
    }

    @Test
    void refusesBadRowsNamingFileLineAndFieldOrSkipsThemWhenLenient() throws IOException {
        Path f = dir.resolve("X.csv");
        Files.writeString(f, "date,open,high,low,close,volume\n2024-01-01,10,11,9,10,5\n2024-01-02,10,9,11,10,5\n"
                + "2024-01-02,10,11,9,10,5\n2024-01-03,10,11,9,10,-5\n2024-01-04,10,11,9,x,5\n2024-01-05,10,11,9,12,5\n"
                + "2024-01-06,10,11,9,10,5\n");
        assertThatThrownBy(() -> BarCsvReader.read(f, BarCsvReader.Settings.UTC_DAYS))
                .hasMessage(f + ":3: high 9.0 is below low 11.0");
        BarCsvReader.Result lenient = BarCsvReader.read(f, BarCsvReader.Settings.UTC_DAYS.withLenient(true));
        // skipped: high < low (line 3), negative volume (5), 'x' close (6), close 12 above high 11 (7)
        // kept: 2024-01-01, 2024-01-02 (line 4: the first valid row of that date), 2024-01-06
        assertThat(lenient.skipped()).isEqualTo(4);
        assertThat(lenient.dates()).containsExactly(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-01-02"),
                LocalDate.parse("2024-01-06"));
        Path dup = dir.resolve("D.csv");
        Files.writeString(dup, "date,close\n2024-01-02,10\n2024-01-02,11\n");
        assertThatThrownBy(() -> BarCsvReader.read(dup, BarCsvReader.Settings.UTC_DAYS))
                .hasMessage(dup + ":3: field 'date' 2024-01-02 repeats the previous row (duplicate bar)");
        Path bad = dir.resolve("B.csv");
        Files.writeString(bad, "date,close\n2024-01-02,abc\n");
        assertThatThrownBy(() -> BarCsvReader.read(bad, BarCsvReader.Settings.UTC_DAYS))
                .hasMessage(bad + ":2: field 'close' is not a number: 'abc'");
    }

    @Test
    void aFolderIsMergedInTimeOneInstrumentPerFile() throws IOException {
        Files.writeString(dir.resolve("BBB.csv"), "date,close\n2024-01-01,20\n2024-01-03,21\n");
        Files.writeString(dir.resolve("AAA.csv"), "date,close\n2024-01-02,10\n2024-01-03,11\n");
        BarSource s = BarCsvReader.folder(dir, "X", 0.01, 1, BarCsvReader.Settings.UTC_DAYS);
        assertThat(s.instruments()).extracting(i -> i.symbol()).containsExactly("AAA", "BBB");
        BarBatch out = new BarBatch(10);
        s.readBatch(out);
        assertThat(out.size()).isEqualTo(4);
        assertThat(new double[] {out.close(0), out.close(1), out.close(2), out.close(3)})
                .containsExactly(20, 10, 11, 21);
    }
}
