package io.qtrade.store.bars;

import io.qtrade.core.Instrument;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.bar.BarInterval;
import io.qtrade.core.bar.BarSource;
import io.qtrade.core.bar.InMemoryBarSource;
import io.qtrade.core.bar.MergedBarSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the bars of one symbol from a CSV file with a header: Yahoo / Stooq daily files, and intraday (e.g. minute)
 * bars with a time of day. Columns are found by name ({@link Columns}: {@link Columns#YAHOO} by default,
 * {@link Columns#YFINANCE_INTRADAY}, {@link Columns#STOOQ_PL}, {@link Columns#STOOQ_INTRADAY}, or any mapping),
 * case-insensitive, in any order; a missing open, high, low or volume column is allowed (open = close, high and low
 * from open and close, volume 0); {@code Adj Close} and any other column are ignored (the engine trades raw prices;
 * corporate actions come from their own file). Fields may be enclosed in double quotes.
 *
 * <p>The time column (with an optional separate time-of-day column, {@link Columns#time()}) holds one of:
 * <table>
 *   <caption>accepted timestamps</caption>
 *   <tr><th>form</th><th>example</th><th>meaning</th></tr>
 *   <tr><td>ISO date, or {@code yyyyMMdd}</td><td>{@code 2024-03-08}, {@code 20240308}</td>
 *       <td>a daily bar: the exchange session of that date in {@link Settings#zone()}</td></tr>
 *   <tr><td>local date and time ({@code T} or a space between; seconds and up to 9 fraction digits optional; a
 *       separate time column may be {@code HH:mm[:ss]} or {@code HHmmss})</td>
 *       <td>{@code 2024-03-08 09:30}, {@code 2024-03-08T09:30:00.5}</td>
 *       <td>a wall-clock time in {@link Settings#zone()}</td></tr>
 *   <tr><td>date and time with a UTC offset ({@code Z}, {@code +05:30}, {@code +0530}, {@code +05}), optionally
 *       followed by a zone id in brackets</td>
 *       <td>{@code 2024-03-08 09:30:00-05:00}, {@code 2024-01-01T09:15:00+0530}, {@code 2024-03-08T14:30Z}</td>
 *       <td>that instant (the zone setting is not used for it)</td></tr>
 *   <tr><td>epoch number, unit by digit count: 9-11 digits seconds, 12-14 milliseconds, 15-17 microseconds, 18-19
 *       nanoseconds</td><td>{@code 1709908200}, {@code 1709908200000}</td><td>that instant</td></tr>
 * </table>
 *
 * <p>How a timestamp becomes a bar depends on {@link Settings#interval()}:
 * <ul>
 *   <li>{@code 1d} (the default): each row is a session of the exchange: the bar covers
 *       {@code [date + sessionOpen, date + sessionClose)} in {@link Settings#zone()} (an NSE day is 09:15 to 15:30
 *       Asia/Kolkata, a NYSE day 09:30 to 16:00 America/New_York), the date being the one written (for a timestamp
 *       with an offset, its date at that offset); rows must be on increasing dates.</li>
 *   <li>an intraday interval ({@code 1m}, {@code 5m}, {@code 1h} ...): a row stamped {@code t} is the bar
 *       {@code [t, t + interval)} when {@link Settings#stamp()} is {@link Stamp#BAR_START} (Yahoo, Kite, Binance,
 *       Interactive Brokers), {@code [t - interval, t)} when it is {@link Stamp#BAR_END}; a date without a time is
 *       refused; a bar must start at or after the previous bar's end.</li>
 * </ul>
 * Weekly, monthly and multi-day intervals are refused (their span is not a session; read daily bars).
 *
 * <p>Daylight saving: a local time in the spring-forward gap (02:30 on 2024-03-10 in New York) does not exist and is
 * refused, naming the gap; a local time in the autumn overlap (01:30 on 2024-11-03 in New York happens twice) is
 * resolved by order: the earlier instant (the offset before the change) unless that is not after the previous row's
 * bar start, then the later one, so minute bars written in local time through the repeated hour come out in time
 * order. Times with an explicit offset are never ambiguous.
 *
 * <p>Bad input is refused with the file, line and field: a malformed number or timestamp, high below low, an open or
 * close outside [low, high], a negative volume, a bar not after the previous one (duplicate, out of order or
 * overlapping). In lenient mode such rows are counted ({@link Result#skipped()}) and skipped instead. Empty cells
 * ({@code null} in Yahoo downloads) are malformed.
 */
public final class BarCsvReader {

    /** Which end of its bar a row's timestamp marks (intraday intervals). */
    public enum Stamp {
        /** The bar's open time (Yahoo/yfinance, Zerodha Kite, Binance klines, Interactive Brokers). */
        BAR_START,
        /** The bar's close time (files that stamp a minute bar 09:31 for 09:30 to 09:31). */
        BAR_END
    }

    /**
     * How to read the files.
     *
     * @param zone         the exchange's time zone (sessions of daily rows; local intraday times)
     * @param sessionOpen  local start of a session (daily rows)
     * @param sessionClose local end of a session, when a daily bar is known ({@link LocalTime#MAX}: the next
     *                     midnight)
     * @param lenient      skip and count bad rows instead of refusing the file
     * @param interval     {@code 1d} or an intraday interval (seconds, minutes, hours)
     * @param stamp        which end of an intraday bar the timestamp marks
     */
    public record Settings(ZoneId zone, LocalTime sessionOpen, LocalTime sessionClose, boolean lenient,
                           BarInterval interval, Stamp stamp) {

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
            Objects.requireNonNull(interval, "interval");
            Objects.requireNonNull(stamp, "stamp");
            if (!sessionClose.isAfter(sessionOpen)) {
                throw new IllegalArgumentException("bar CSV settings: sessionClose " + sessionClose
                        + " must be after sessionOpen " + sessionOpen);
            }
            if (!interval.isIntraday() && !interval.equals(BarInterval.ONE_DAY)) {
                throw new IllegalArgumentException("bar CSV settings: interval " + interval + " is not read (a "
                        + "week's or month's span is not a session): use 1d or an intraday interval (1m, 5m, 1h ...)");
            }
        }

        /** Daily sessions ({@code 1d}), bars stamped at their start. */
        public Settings(ZoneId zone, LocalTime sessionOpen, LocalTime sessionClose, boolean lenient) {
            this(zone, sessionOpen, sessionClose, lenient, BarInterval.ONE_DAY, Stamp.BAR_START);
        }

        /** These settings, lenient or strict. */
        public Settings withLenient(boolean value) {
            return new Settings(zone, sessionOpen, sessionClose, value, interval, stamp);
        }

        /** These settings with another bar interval ({@code 1d} or intraday). */
        public Settings withInterval(BarInterval value) {
            return new Settings(zone, sessionOpen, sessionClose, lenient, value, stamp);
        }

        /** These settings with timestamps marking the other end of intraday bars. */
        public Settings withStamp(Stamp value) {
            return new Settings(zone, sessionOpen, sessionClose, lenient, interval, value);
        }

        /** These settings in another time zone (sessions unchanged, in local time). */
        public Settings withZone(ZoneId value) {
            return new Settings(value, sessionOpen, sessionClose, lenient, interval, stamp);
        }

        /** These settings with another session, local times in {@link #zone()}. */
        public Settings withSession(LocalTime open, LocalTime close) {
            return new Settings(zone, open, close, lenient, interval, stamp);
        }
    }

    /**
     * The bars of one file.
     *
     * @param bars    the bars, instrument index 0, in time order
     * @param dates   per bar, the session date (daily) or the local date of its start in the zone (intraday)
     * @param skipped rows skipped in lenient mode (0 in strict mode)
     */
    public record Result(BarBatch bars, List<LocalDate> dates, int skipped) {
    }

    /**
     * Which header names hold which field (matched case-insensitively, surrounding spaces and quotes ignored);
     * {@link #NONE} for a field the file does not have. Other columns are ignored.
     *
     * @param date   the date or timestamp column
     * @param time   a separate time-of-day column, or {@link #NONE} (the time, if any, is in {@code date})
     * @param open   the open column, or {@link #NONE} (open = close)
     * @param high   the high column, or {@link #NONE} (high = max(open, close))
     * @param low    the low column, or {@link #NONE} (low = min(open, close))
     * @param close  the close column (raw, not adjusted)
     * @param volume the volume column, or {@link #NONE} (0)
     */
    public record Columns(String date, String time, String open, String high, String low, String close,
                          String volume) {

        /** A field the file does not have. */
        public static final String NONE = "";
        /** Yahoo Finance downloads: {@code Date,Open,High,Low,Close,Adj Close,Volume} (Adj Close ignored). */
        public static final Columns YAHOO = new Columns("Date", "Open", "High", "Low", "Close", "Volume");
        /**
         * yfinance intraday downloads: {@code Datetime,Open,High,Low,Close,Adj Close,Volume}, the time with the
         * exchange's offset ({@code 2024-03-08 09:30:00-05:00}).
         */
        public static final Columns YFINANCE_INTRADAY = new Columns("Datetime", "Open", "High", "Low", "Close",
                "Volume");
        /** Stooq's English downloads: {@code Date,Open,High,Low,Close,Volume}. */
        public static final Columns STOOQ = YAHOO;
        /** Stooq's Polish downloads: {@code Data,Otwarcie,Najwyzszy,Najnizszy,Zamkniecie,Wolumen}. */
        public static final Columns STOOQ_PL = new Columns("Data", "Otwarcie", "Najwyzszy", "Najnizszy",
                "Zamkniecie", "Wolumen");
        /**
         * Stooq's intraday files: {@code <TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>},
         * date {@code yyyyMMdd}, time {@code HHmmss}.
         */
        public static final Columns STOOQ_INTRADAY = new Columns("<DATE>", "<TIME>", "<OPEN>", "<HIGH>", "<LOW>",
                "<CLOSE>", "<VOL>");

        public Columns {
            Objects.requireNonNull(date, "date column");
            Objects.requireNonNull(time, "time column");
            Objects.requireNonNull(open, "open column");
            Objects.requireNonNull(high, "high column");
            Objects.requireNonNull(low, "low column");
            Objects.requireNonNull(close, "close column");
            Objects.requireNonNull(volume, "volume column");
            if (date.isBlank() || close.isBlank()) {
                throw new IllegalArgumentException("bar CSV columns: date and close must be named");
            }
        }

        /** Columns without a separate time column. */
        public Columns(String date, String open, String high, String low, String close, String volume) {
            this(date, NONE, open, high, low, close, volume);
        }
    }

    /** {@code date[(T| )time][offset][[zone]]}. */
    private static final Pattern TIMESTAMP = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})(?:[T ](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?))?\\s*"
                    + "(Z|[+-]\\d{2}(?::?\\d{2})?)?(?:\\[([^\\]]+)])?");

    private BarCsvReader() {
    }

    /**
     * Reads one file.
     *
     * @throws IllegalArgumentException naming file, line and field (strict mode)
     * @throws UncheckedIOException     when the file cannot be read
     */
    public static Result read(Path file, Settings settings) {
        return read(file, settings, Columns.YAHOO);
    }

    /**
     * Reads one file whose header names its fields as {@code columns} says.
     *
     * @throws IllegalArgumentException naming file, line and field (strict mode), or a named column the header lacks
     */
    public static Result read(Path file, Settings settings, Columns columns) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(columns, "columns");
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
        for (int k = 0; k < names.length; k++) {
            names[k] = unquote(names[k]);
        }
        int date = column(file, names, columns.date(), true);
        int time = column(file, names, columns.time(), !columns.time().isEmpty());
        int close = column(file, names, columns.close(), true);
        int open = column(file, names, columns.open(), false);
        int high = column(file, names, columns.high(), false);
        int low = column(file, names, columns.low(), false);
        int volume = column(file, names, columns.volume(), false);
        boolean intraday = settings.interval().isIntraday();
        long intervalNanos = settings.interval().nominalNanos();
        BarBatch batch = new BarBatch(Math.max(1, lines.size() - 1));
        List<LocalDate> dates = new ArrayList<>();
        int skipped = 0;
        LocalDate previousDate = null;
        long previousStart = Long.MIN_VALUE;
        long previousEnd = Long.MIN_VALUE;
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
                String stampText = unquote(f[date]);
                String stampField = names[date];
                if (time >= 0) {
                    stampText = joinDateTime(where, names, stampText, unquote(f[time]), date, time);
                    stampField = names[date] + "' and '" + names[time];
                }
                Timestamp t = parse(where, stampField, stampText, settings.zone(), previousStart);
                double c = number(where, names, f, close);
                double o = open < 0 ? c : number(where, names, f, open);
                double h = high < 0 ? Math.max(o, c) : number(where, names, f, high);
                double lo = low < 0 ? Math.min(o, c) : number(where, names, f, low);
                double v = volume < 0 ? 0.0 : number(where, names, f, volume);
                long start;
                long end;
                LocalDate d;
                if (intraday) {
                    if (t.dateOnly()) {
                        throw new IllegalArgumentException(where + ": field '" + stampField + "' " + stampText
                                + " is a date without a time of day, the interval is " + settings.interval()
                                + " (intraday bars need a date and time)");
                    }
                    start = settings.stamp() == Stamp.BAR_START ? t.nanos() : t.nanos() - intervalNanos;
                    end = start + intervalNanos;
                    d = localDate(start, settings.zone());
                    if (previousEnd != Long.MIN_VALUE && start < previousEnd) {
                        throw new IllegalArgumentException(where + ": field '" + stampField + "' " + stampText + " "
                                + (start == previousStart ? "repeats the previous row (duplicate bar)"
                                : start < previousStart ? "is before the previous row's bar (out of order)"
                                : "starts a bar before the previous bar's end (overlapping bars: is the interval "
                                + settings.interval() + " right?)"));
                    }
                } else {
                    d = t.date();
                    if (previousDate != null && !d.isAfter(previousDate)) {
                        throw new IllegalArgumentException(where + ": field '" + stampField + "' " + d
                                + (d.equals(previousDate) ? " repeats the previous row (duplicate bar)"
                                : " is before the previous row's " + previousDate + " (out of order)"));
                    }
                    start = d.atTime(settings.sessionOpen()).atZone(settings.zone()).toEpochSecond()
                            * 1_000_000_000L;
                    end = settings.sessionClose().equals(LocalTime.MAX)
                            ? d.plusDays(1).atStartOfDay(settings.zone()).toEpochSecond() * 1_000_000_000L
                            : d.atTime(settings.sessionClose()).atZone(settings.zone()).toEpochSecond()
                            * 1_000_000_000L;
                }
                String problem = BarBatch.check(0, start, end, o, h, lo, c, v, BarBatch.NO_VWAP,
                        BarBatch.NO_TRADE_COUNT);
                if (problem != null) {
                    throw new IllegalArgumentException(where + ": " + problem);
                }
                batch.add(0, start, end, o, h, lo, c, v);
                dates.add(d);
                previousDate = d;
                previousStart = start;
                previousEnd = end;
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
        return source(file, instrument, settings, Columns.YAHOO);
    }

    /** One file with the header mapping {@code columns} as a source of one instrument. */
    public static InMemoryBarSource source(Path file, Instrument instrument, Settings settings, Columns columns) {
        return new InMemoryBarSource(List.of(instrument), read(file, settings, columns).bars());
    }

    /**
     * Every {@code *.csv} file of a folder, one symbol per file (the file name without {@code .csv}), as one
     * source merged in time, instruments in file-name order; each instrument gets {@code tickSize} and
     * {@code lotSize} and venue {@code venue}.
     */
    public static BarSource folder(Path directory, String venue, double tickSize, double lotSize, Settings settings) {
        return folder(directory, venue, tickSize, lotSize, settings, Columns.YAHOO);
    }

    /** As {@link #folder(Path, String, double, double, Settings)} with the header mapping {@code columns}. */
    public static BarSource folder(Path directory, String venue, double tickSize, double lotSize, Settings settings,
                                   Columns columns) {
        List<Path> files = csvFiles(directory);
        List<BarSource> sources = new ArrayList<>();
        for (Path f : files) {
            sources.add(source(f, Instrument.spot(symbolOf(f), venue, tickSize, lotSize), settings, columns));
        }
        return new MergedBarSource(sources, 1024);
    }

    /** The {@code *.csv} files of {@code directory}, sorted by name; refused when there are none. */
    static List<Path> csvFiles(Path directory) {
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
        return files;
    }

    /** The file name without {@code .csv}. */
    static String symbolOf(Path file) {
        String name = file.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    }

    /** A parsed timestamp: a date only, or an instant (with the date as written). */
    private record Timestamp(LocalDate date, boolean dateOnly, long nanos) {
    }

    private static Timestamp parse(String where, String field, String text, ZoneId zone, long previousStart) {
        if (!text.isEmpty() && text.length() >= 9 && text.chars().allMatch(Character::isDigit)) {
            return epoch(where, field, text);
        }
        String s = text;
        if (s.length() == 8 && s.chars().allMatch(Character::isDigit)) {
            s = s.substring(0, 4) + "-" + s.substring(4, 6) + "-" + s.substring(6);
        }
        Matcher m = TIMESTAMP.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException(where + ": field '" + field + "' is not a date or timestamp: '" + text
                    + "' (expected yyyy-MM-dd, yyyy-MM-dd HH:mm[:ss[.fraction]] with an optional offset such as"
                    + " -05:00 or Z, or epoch seconds/milliseconds)");
        }
        try {
            LocalDate date = LocalDate.parse(m.group(1));
            if (m.group(2) == null) {
                if (m.group(3) != null || m.group(4) != null) {
                    throw new IllegalArgumentException(where + ": field '" + field + "' " + text
                            + " has an offset or zone but no time of day");
                }
                return new Timestamp(date, true, 0);
            }
            LocalDateTime local = LocalDateTime.of(date, LocalTime.parse(m.group(2)));
            if (m.group(3) != null) {
                ZoneOffset offset = ZoneOffset.of(m.group(3));
                return new Timestamp(date, false, nanos(local, offset));
            }
            ZoneId z = m.group(4) != null ? ZoneId.of(m.group(4)) : zone;
            List<ZoneOffset> offsets = z.getRules().getValidOffsets(local);
            if (offsets.isEmpty()) {
                ZoneOffsetTransition gap = z.getRules().getTransition(local);
                throw new IllegalArgumentException(where + ": field '" + field + "' " + text + " does not exist in "
                        + z + " (daylight-saving gap: the clocks jump from " + gap.getDateTimeBefore() + " to "
                        + gap.getDateTimeAfter() + "); write the time with its offset");
            }
            long first = nanos(local, offsets.get(0));
            if (offsets.size() == 1 || first > previousStart) {
                return new Timestamp(date, false, first);
            }
            return new Timestamp(date, false, nanos(local, offsets.get(1)));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(where + ": field '" + field + "' is not a valid date or timestamp: '"
                    + text + "' (" + e.getMessage() + ")");
        }
    }

    private static long nanos(LocalDateTime local, ZoneOffset offset) {
        return Math.addExact(Math.multiplyExact(local.toEpochSecond(offset), 1_000_000_000L), local.getNano());
    }

    private static Timestamp epoch(String where, String field, String text) {
        int digits = text.length();
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": field '" + field + "' epoch number " + text
                    + " is out of range");
        }
        long nanos;
        if (digits <= 11) {
            nanos = Math.multiplyExact(value, 1_000_000_000L);
        } else if (digits <= 14) {
            nanos = Math.multiplyExact(value, 1_000_000L);
        } else if (digits <= 17) {
            nanos = Math.multiplyExact(value, 1_000L);
        } else {
            nanos = value;
        }
        return new Timestamp(localDate(nanos, ZoneOffset.UTC), false, nanos);
    }

    /** A date column and a time column as one timestamp text; {@code HHmmss} and {@code HHmm} become ISO. */
    private static String joinDateTime(String where, String[] names, String dateText, String timeText, int date,
                                       int time) {
        String t = timeText;
        if (t.chars().allMatch(Character::isDigit) && (t.length() == 6 || t.length() == 4)) {
            t = t.substring(0, 2) + ":" + t.substring(2, 4) + (t.length() == 6 ? ":" + t.substring(4) : "");
        }
        if (t.isEmpty()) {
            throw new IllegalArgumentException(where + ": field '" + names[time] + "' is empty (expected a time"
                    + " of day HH:mm[:ss] or HHmmss)");
        }
        String d = dateText;
        if (d.length() == 8 && d.chars().allMatch(Character::isDigit)) {
            d = d.substring(0, 4) + "-" + d.substring(4, 6) + "-" + d.substring(6);
        }
        return d + " " + t;
    }

    private static String unquote(String field) {
        String s = field.trim();
        if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') {
            s = s.substring(1, s.length() - 1).trim();
        }
        return s;
    }

    /**
     * The index of the column named {@code wanted}; -1 for {@link Columns#NONE} or a missing optional one (open,
     * high, low, volume); a missing required column is refused.
     */
    private static int column(Path file, String[] names, String wanted, boolean required) {
        if (wanted.isEmpty()) {
            return -1;
        }
        for (int k = 0; k < names.length; k++) {
            if (names[k].equalsIgnoreCase(wanted.trim())) {
                return k;
            }
        }
        if (!required) {
            return -1;
        }
        throw new IllegalArgumentException(file + ":1: the header has no column '" + wanted + "' (it has "
                + String.join(",", names) + ")");
    }

    private static double number(String where, String[] names, String[] f, int column) {
        String text = unquote(f[column]);
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": field '" + names[column] + "' is not a number: '"
                    + f[column] + "'");
        }
    }

    private static LocalDate localDate(long nanos, ZoneId zone) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L)).atZone(zone).toLocalDate();
    }
}
