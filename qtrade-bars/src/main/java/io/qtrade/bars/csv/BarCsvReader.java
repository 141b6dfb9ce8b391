package io.qtrade.bars.csv;

import io.qtrade.core.Instrument;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.bar.BarSource;
import io.qtrade.core.bar.InMemoryBarSource;
import io.qtrade.core.bar.MergedBarSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Reads daily bars of one symbol from a CSV file with a header, Yahoo / Stooq style. Columns are found by name,
 * case-insensitive, in any order: {@code date} (ISO {@code yyyy-MM-dd}), {@code open}, {@code high}, {@code low},
 * {@code close}, {@code volume} (optional: 0 when absent); {@code adj close} and any other column are ignored (the
 * engine trades raw prices; corporate actions come from their own file). A file with only {@code date} and
 * {@code close} gives bars with {@code open = high = low = close}.
 *
 * <p>Each row is a session of the exchange in {@link Settings#zone()}: the bar covers
 * {@code [date + sessionOpen, date + sessionClose)} in that zone (an NSE day is 09:15 to 15:30 Asia/Kolkata, a NYSE
 * day 09:30 to 16:00 America/New_York), converted to epoch nanoseconds UTC.
 *
 * <p>Bad input is refused with the file, line and field: a malformed number or date, high below low, an open or close
 * outside [low, high], a negative volume, a date not after the previous one (duplicate or out of order). In lenient
 * mode such rows are counted ({@link Result#skipped()}) and skipped instead. Empty cells ({@code null} in Yahoo
 * downloads) are malformed.
 */
public final class BarCsvReader {

    /**
     * How to read the files.
     *
     * @param zone         the exchange's time zone
     * @param sessionOpen  local start of a session
     * @param sessionClose local end of a session (when the bar is known)
     * @param lenient      skip and count bad rows instead of refusing the file
     */
    public record Settings(ZoneId zone, LocalTime sessionOpen, LocalTime sessionClose, boolean lenient) {

        /** UTC days, 00:00 to 24:00 (a bar is known at the next midnight), strict. */
        public static final Settings UTC_DAYS = new Settings(ZoneId.of("UTC"), LocalTime.MIDNIGHT, LocalTime.MAX,
                false);
        /** NYSE sessions, 09:30 to 16:00 America/New_York, strict. */
        public static final Settings NYSE = new Settings(ZoneId.of("America/New_York"), LocalTime.of(9, 30),
                LocalTime.of(16, 0), false);
        /** NSE sessions, 09:15 to 15:30 Asia/Kolkata, strict. */
        public static final Settings NSE = new Settings(ZoneId.of("Asia/Kolkata"), LocalTime.of(9, 15),
                LocalTime.of(15, 30), false);

        public Settings {
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(sessionOpen, "sessionOpen");
            Objects.requireNonNull(sessionClose, "sessionClose");
            if (!sessionClose.isAfter(sessionOpen)) {
                throw new IllegalArgumentException("bar CSV settings: sessionClose " + sessionClose
                        + " must be after sessionOpen " + sessionOpen);
            }
        }

        /** These settings, lenient or strict. */
        public Settings withLenient(boolean value) {
            return new Settings(zone, sessionOpen, sessionClose, value);
        }
    }

    /**
     * The bars of one file.
     *
     * @param bars    the bars, instrument index 0, in date order
     * @param dates   the session dates, one per bar
     * @param skipped rows skipped in lenient mode (0 in strict mode)
     */
    public record Result(BarBatch bars, List<LocalDate> dates, int skipped) {
    }

    private BarCsvReader() {
    }

    /**
     * Reads one file.
     *
     * @throws IllegalArgumentException naming file, line and field (strict mode)
     * @throws UncheckedIOException     when the file cannot be read
     */
    public static Result read(Path file, Settings settings) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bar file " + file, e);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty file, expected a header with date, open, high, low,"
                    + " close, volume");
        }
        String[] names = lines.get(0).replace("\uFEFF", "").split(",", -1);
        int date = find(names, "date");
        int close = find(names, "close");
        if (date < 0 || close < 0) {
            throw new IllegalArgumentException(file + ":1: the header needs at least 'date' and 'close' columns, has "
                    + String.join(",", names));
        }
        int open = find(names, "open");
        int high = find(names, "high");
        int low = find(names, "low");
        int volume = find(names, "volume");
        BarBatch batch = new BarBatch(Math.max(1, lines.size() - 1));
        List<LocalDate> dates = new ArrayList<>();
        int skipped = 0;
        LocalDate previous = null;
        for (int l = 1; l < lines.size(); l++) {
            String line = lines.get(l);
            if (line.isBlank()) {
                continue;
            }
            String where = file + ":" + (l + 1);
            try {
                String[] f = line.split(",", -1);
                if (f.length < names.length) {
                    throw new IllegalArgumentException(where + ": " + f.length + " fields, the header has "
                            + names.length);
                }
                LocalDate d;
                try {
                    d = LocalDate.parse(f[date].trim());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(where + ": field '" + names[date].trim()
                            + "' is not an ISO date: '" + f[date] + "'");
                }
                double c = number(where, names, f, close);
                double o = open < 0 ? c : number(where, names, f, open);
                double h = high < 0 ? Math.max(o, c) : number(where, names, f, high);
                double lo = low < 0 ? Math.min(o, c) : number(where, names, f, low);
                double v = volume < 0 ? 0.0 : number(where, names, f, volume);
                if (previous != null && !d.isAfter(previous)) {
                    throw new IllegalArgumentException(where + ": field '" + names[date].trim() + "' " + d
                            + (d.equals(previous) ? " repeats the previous row (duplicate bar)"
                            : " is before the previous row's " + previous + " (out of order)"));
                }
                long start = d.atTime(settings.sessionOpen()).atZone(settings.zone()).toEpochSecond() * 1_000_000_000L;
                long end = settings.sessionClose().equals(LocalTime.MAX)
                        ? d.plusDays(1).atStartOfDay(settings.zone()).toEpochSecond() * 1_000_000_000L
                        : d.atTime(settings.sessionClose()).atZone(settings.zone()).toEpochSecond() * 1_000_000_000L;
                String problem = BarBatch.check(0, start, end, o, h, lo, c, v, BarBatch.NO_VWAP,
                        BarBatch.NO_TRADE_COUNT);
                if (problem != null) {
                    throw new IllegalArgumentException(where + ": " + problem);
                }
                batch.add(0, start, end, o, h, lo, c, v);
                dates.add(d);
                previous = d;
            } catch (IllegalArgumentException e) {
                if (!settings.lenient()) {
                    throw e;
                }
                skipped++;
            }
        }
        return new Result(batch, List.copyOf(dates), skipped);
    }

    /** One file as a source of one instrument. */
    public static InMemoryBarSource source(Path file, Instrument instrument, Settings settings) {
        return new InMemoryBarSource(List.of(instrument), read(file, settings).bars());
    }

    /**
     * Every {@code *.csv} file of a folder, one symbol per file (the file name without {@code .csv}), as one
     * source merged in time, instruments in file-name order; each instrument gets {@code tickSize} and
     * {@code lotSize} and venue {@code venue}.
     */
    public static BarSource folder(Path directory, String venue, double tickSize, double lotSize, Settings settings) {
        List<Path> files;
        try (Stream<Path> s = Files.list(directory)) {
            files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list bar folder " + directory, e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(directory + ": no .csv files");
        }
        List<BarSource> sources = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            String symbol = name.substring(0, name.length() - 4);
            sources.add(source(f, Instrument.spot(symbol, venue, tickSize, lotSize), settings));
        }
        return new MergedBarSource(sources, 1024);
    }

    private static int find(String[] names, String wanted) {
        for (int k = 0; k < names.length; k++) {
            if (names[k].trim().toLowerCase(Locale.ROOT).equals(wanted)) {
                return k;
            }
        }
        return -1;
    }

    private static double number(String where, String[] names, String[] f, int column) {
        String text = f[column].trim();
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": field '" + names[column].trim() + "' is not a number: '"
                    + f[column] + "'");
        }
    }
}
