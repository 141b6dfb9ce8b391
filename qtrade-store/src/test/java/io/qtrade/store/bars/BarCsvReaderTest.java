package io.qtrade.store.bars;

import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.bar.BarInterval;
import io.qtrade.core.bar.BarSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
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

    @Test
    void aHeaderMappingReadsStooqsPolishColumns() throws IOException {
        Path f = dir.resolve("PKN.csv");
        Files.writeString(f, "Data,Otwarcie,Najwyzszy,Najnizszy,Zamkniecie,Wolumen\n2024-01-02,64.5,65.9,64.1,65.2,1200\n");
        BarBatch b = BarCsvReader.read(f, BarCsvReader.Settings.UTC_DAYS, BarCsvReader.Columns.STOOQ_PL).bars();
        assertThat(new double[] {b.open(0), b.high(0), b.low(0), b.close(0), b.volume(0)})
                .containsExactly(64.5, 65.9, 64.1, 65.2, 1200);
        Path yahoo = dir.resolve("Y.csv");
        Files.writeString(yahoo, "Date,Close\n2024-01-02,10\n");
        assertThatThrownBy(() -> BarCsvReader.read(yahoo, BarCsvReader.Settings.UTC_DAYS,
                BarCsvReader.Columns.STOOQ_PL)).hasMessage(yahoo + ":1: the header has no column 'Data' (it has Date,Close)");
    }

    private static long utc(String iso) {
        Instant t = Instant.parse(iso);
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    private static final BarCsvReader.Settings NY_MINUTES = BarCsvReader.Settings.NYSE
            .withInterval(BarInterval.ONE_MINUTE);

    @Test
    void readsYfinanceMinuteBarsWithOffsetsAsBarsStartingThen() throws IOException {
        Path f = dir.resolve("SPY.csv");
        // yfinance 1m download layout: the time carries the exchange's offset
        Files.writeString(f, "Datetime,Open,High,Low,Close,Adj Close,Volume\n"
                + "2024-03-08 09:30:00-05:00,512.1,512.5,511.9,512.3,512.3,1200\n"
                + "2024-03-08 09:31:00-05:00,512.3,512.4,512.0,512.2,512.2,900\n"
                + "2024-03-08 09:33:00-05:00,512.2,512.9,512.2,512.8,512.8,1500\n");
        BarCsvReader.Result r = BarCsvReader.read(f, NY_MINUTES, BarCsvReader.Columns.YFINANCE_INTRADAY);
        BarBatch b = r.bars();
        assertThat(b.size()).isEqualTo(3);
        // 09:30 at -05:00 is 14:30 UTC; a one-minute bar ends at 14:31; the missing 09:32 minute is a gap, allowed
        assertThat(b.startTs(0)).isEqualTo(utc("2024-03-08T14:30:00Z"));
        assertThat(b.endTs(0)).isEqualTo(utc("2024-03-08T14:31:00Z"));
        assertThat(b.startTs(2)).isEqualTo(utc("2024-03-08T14:33:00Z"));
        assertThat(b.close(2)).isEqualTo(512.8);
        assertThat(r.dates()).containsOnly(LocalDate.parse("2024-03-08"));
    }

    @Test
    void localIntradayTimesFollowTheZonesDaylightSavingRules() throws IOException {
        // New York springs forward on 2024-03-10 (02:00 EST -> 03:00 EDT) and falls back on 2024-11-03
        // (02:00 EDT -> 01:00 EST). Local 5-minute bars across both changes, stamped at the bar start.
        BarCsvReader.Settings s = BarCsvReader.Settings.NYSE.withInterval(BarInterval.parse("5m"));
        Path spring = dir.resolve("SPRING.csv");
        Files.writeString(spring, "Date,Close\n2024-03-10 01:55,10\n2024-03-10 03:00,11\n");
        BarBatch b = BarCsvReader.read(spring, s).bars();
        // 01:55 EST = 06:55 UTC, 03:00 EDT = 07:00 UTC: consecutive 5-minute bars in UTC
        assertThat(b.startTs(0)).isEqualTo(utc("2024-03-10T06:55:00Z"));
        assertThat(b.startTs(1)).isEqualTo(utc("2024-03-10T07:00:00Z"));
        assertThat(b.endTs(0)).isEqualTo(b.startTs(1));

        Path gap = dir.resolve("GAP.csv");
        Files.writeString(gap, "Date,Close\n2024-03-10 01:55,10\n2024-03-10 02:30,11\n");
        assertThatThrownBy(() -> BarCsvReader.read(gap, s))
                .hasMessage(gap + ":3: field 'Date' 2024-03-10 02:30 does not exist in America/New_York"
                        + " (daylight-saving gap: the clocks jump from 2024-03-10T02:00 to 2024-03-10T03:00);"
                        + " write the time with its offset");

        Path autumn = dir.resolve("AUTUMN.csv");
        Files.writeString(autumn, "Date,Close\n2024-11-03 01:50,10\n2024-11-03 01:55,11\n"
                + "2024-11-03 01:00,12\n2024-11-03 01:05,13\n2024-11-03 02:00,14\n");
        BarBatch a = BarCsvReader.read(autumn, s).bars();
        // 01:50 and 01:55 EDT (-04:00) = 05:50, 05:55 UTC; the repeated hour's 01:00, 01:05 EST (-05:00) = 06:00,
        // 06:05 UTC; 02:00 EST = 07:00 UTC
        assertThat(new long[] {a.startTs(0), a.startTs(1), a.startTs(2), a.startTs(3), a.startTs(4)})
                .containsExactly(utc("2024-11-03T05:50:00Z"), utc("2024-11-03T05:55:00Z"),
                        utc("2024-11-03T06:00:00Z"), utc("2024-11-03T06:05:00Z"), utc("2024-11-03T07:00:00Z"));

        // daily sessions on the change days keep their local hours: 09:30 EDT = 13:30 UTC on 2024-03-11,
        // 09:30 EST = 14:30 UTC on 2024-03-08
        Path daily = dir.resolve("DAILY.csv");
        Files.writeString(daily, "Date,Close\n2024-03-08,10\n2024-03-11,11\n");
        BarBatch d = BarCsvReader.read(daily, BarCsvReader.Settings.NYSE).bars();
        assertThat(d.startTs(0)).isEqualTo(utc("2024-03-08T14:30:00Z"));
        assertThat(d.startTs(1)).isEqualTo(utc("2024-03-11T13:30:00Z"));
        assertThat(d.endTs(1)).isEqualTo(utc("2024-03-11T20:00:00Z"));
    }

    @Test
    void offsetsEpochNumbersStooqDateAndTimeColumnsAndBarEndStamps() throws IOException {
        // Kite style offset without a colon, and Z
        Path kite = dir.resolve("INFY.csv");
        Files.writeString(kite, "date,open,high,low,close,volume\n2024-01-01T09:15:00+0530,1500,1501,1499,1500.5,10\n"
                + "2024-01-01T03:46:00Z,1500.5,1502,1500,1501,20\n");
        BarBatch k = BarCsvReader.read(kite, BarCsvReader.Settings.NSE.withInterval(BarInterval.ONE_MINUTE)).bars();
        assertThat(k.startTs(0)).isEqualTo(utc("2024-01-01T03:45:00Z"));
        assertThat(k.startTs(1)).isEqualTo(utc("2024-01-01T03:46:00Z"));
        // epoch seconds and milliseconds (by digit count)
        Path epoch = dir.resolve("E.csv");
        Files.writeString(epoch, "time,close\n1704067200,1\n1704067260000,2\n");
        BarBatch e = BarCsvReader.read(epoch, BarCsvReader.Settings.UTC_DAYS.withInterval(BarInterval.ONE_MINUTE),
                new BarCsvReader.Columns("time", "", "", "", "close", "")).bars();
        assertThat(e.startTs(0)).isEqualTo(utc("2024-01-01T00:00:00Z"));
        assertThat(e.startTs(1)).isEqualTo(utc("2024-01-01T00:01:00Z"));
        // Stooq intraday: <DATE> yyyyMMdd and <TIME> HHmmss in separate columns; Stooq stamps 5-minute bars at their
        // end, in Warsaw time (CET, +01:00 in January): 09:05 local = 08:05 UTC is the end of the 08:00 bar
        Path stooq = dir.resolve("PKN.csv");
        Files.writeString(stooq, "<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>\n"
                + "PKN,5,20240102,090500,64.5,65.0,64.4,64.9,1200,0\n"
                + "PKN,5,20240102,091000,64.9,65.1,64.8,65.0,800,0\n");
        BarCsvReader.Settings warsaw = new BarCsvReader.Settings(ZoneId.of("Europe/Warsaw"), LocalTime.of(9, 0),
                LocalTime.of(17, 0), false).withInterval(BarInterval.parse("5m"))
                .withStamp(BarCsvReader.Stamp.BAR_END);
        BarBatch p = BarCsvReader.read(stooq, warsaw, BarCsvReader.Columns.STOOQ_INTRADAY).bars();
        assertThat(p.startTs(0)).isEqualTo(utc("2024-01-02T08:00:00Z"));
        assertThat(p.endTs(0)).isEqualTo(utc("2024-01-02T08:05:00Z"));
        assertThat(p.endTs(1)).isEqualTo(utc("2024-01-02T08:10:00Z"));
        assertThat(p.volume(1)).isEqualTo(800.0);
    }

    @Test
    void refusesBadIntradayRowsNamingFileLineAndField() throws IOException {
        Path f = dir.resolve("M.csv");
        Files.writeString(f, "Datetime,Open,High,Low,Close,Volume\n"
                + "2024-03-08 09:30:00-05:00,10,11,9,10,5\n"     // line 2 ok
                + "2024-03-08 09:30:00-05:00,10,11,9,10,5\n"     // 3 duplicate
                + "2024-03-08 09:29:00-05:00,10,11,9,10,5\n"     // 4 out of order
                + "2024-03-08 09:31:30-05:00,10,11,9,10,5\n"     // 5 ok (starts at 09:31:30)
                + "2024-03-08 09:32:00-05:00,10,11,9,10,5\n"     // 6 overlaps 09:31:30..09:32:30
                + "2024-03-08,10,11,9,10,5\n"                    // 7 a date without a time
                + "2024-03-08 9:40,10,11,9,10,5\n"               // 8 not a timestamp
                + "2024-03-08 09:41:00+25:00,10,11,9,10,5\n"     // 9 invalid offset
                + "2024-03-08 09:45:00-05:00,10,11,9,10,-5\n"    // 10 negative volume
                + "2024-03-08 09:46:00-05:00,10,11,9,10,5\n");   // 11 ok
        BarCsvReader.Columns c = BarCsvReader.Columns.YFINANCE_INTRADAY;
        String[] expected = {
            f + ":3: field 'Datetime' 2024-03-08 09:30:00-05:00 repeats the previous row (duplicate bar)",
            f + ":4: field 'Datetime' 2024-03-08 09:29:00-05:00 is before the previous row's bar (out of order)",
            f + ":6: field 'Datetime' 2024-03-08 09:32:00-05:00 starts a bar before the previous bar's end"
                    + " (overlapping bars: is the interval 1m right?)",
            f + ":7: field 'Datetime' 2024-03-08 is a date without a time of day, the interval is 1m (intraday bars"
                    + " need a date and time)",
            f + ":8: field 'Datetime' is not a date or timestamp: '2024-03-08 9:40'",
            f + ":9: field 'Datetime' is not a valid date or timestamp: '2024-03-08 09:41:00+25:00'",
            f + ":10: volume must be finite and >= 0, was -5.0"};
        // strict: each bad line in turn is the first error once the lines before it are removed
        List<String> lines = Files.readAllLines(f);
        int[] bad = {3, 4, 6, 7, 8, 9, 10};
        for (int k = 0; k < bad.length; k++) {
            List<String> kept = new java.util.ArrayList<>(lines.subList(0, 2));
            if (bad[k] > 5) {
                kept.add(lines.get(4)); // line 5, the 09:31:30 bar
            }
            while (kept.size() < bad[k] - 1) {
                kept.add("");           // blank lines keep the line numbers
            }
            kept.add(lines.get(bad[k] - 1));
            Files.write(f, kept);
            assertThatThrownBy(() -> BarCsvReader.read(f, NY_MINUTES, c)).hasMessageStartingWith(expected[k]);
        }
        Files.write(f, lines);
        BarCsvReader.Result lenient = BarCsvReader.read(f, NY_MINUTES.withLenient(true), c);
        assertThat(lenient.skipped()).isEqualTo(7);
        assertThat(lenient.bars().size()).isEqualTo(3);
        assertThat(lenient.bars().startTs(2)).isEqualTo(utc("2024-03-08T14:46:00Z"));
        assertThatThrownBy(() -> NY_MINUTES.withInterval(BarInterval.parse("1w")))
                .hasMessageContaining("interval 1w is not read");
    }

    @Test
    void dailyRowsWrittenAsMidnightWithAnOffsetAreTheSessionOfThatDate() throws IOException {
        // yfinance daily downloads stamp each day at local midnight with the exchange's offset
        Path f = dir.resolve("SPY.csv");
        Files.writeString(f, "Date,Open,High,Low,Close,Adj Close,Volume\n"
                + "2024-03-08 00:00:00-05:00,512,515,510,511,500,100\n"
                + "2024-03-11 00:00:00-04:00,511,513,509,512,501,100\n");
        BarCsvReader.Result r = BarCsvReader.read(f, BarCsvReader.Settings.NYSE);
        assertThat(r.dates()).containsExactly(LocalDate.parse("2024-03-08"), LocalDate.parse("2024-03-11"));
        // NYSE sessions of those dates: 09:30 EST = 14:30 UTC, 09:30 EDT = 13:30 UTC
        assertThat(r.bars().startTs(0)).isEqualTo(utc("2024-03-08T14:30:00Z"));
        assertThat(r.bars().startTs(1)).isEqualTo(utc("2024-03-11T13:30:00Z"));
        assertThat(r.bars().endTs(1)).isEqualTo(utc("2024-03-11T20:00:00Z"));
    }
}
