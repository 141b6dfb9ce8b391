package io.qtrade.store.cli;

import io.qtrade.core.Instrument;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.bar.BarInterval;
import io.qtrade.core.bar.BarSource;
import io.qtrade.core.bar.InMemoryBarSource;
import io.qtrade.core.bar.MergedBarSource;
import io.qtrade.store.bars.BarCsvReader;
import io.qtrade.store.bars.BinanceKlines;
import io.qtrade.store.bars.KiteBars;
import io.qtrade.store.ingest.ImportOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The bar formats {@link Convert} reads into the store's bars dataset ({@link io.qtrade.store.bars.BarStore},
 * {@code ROOT/bars/interval=I/venue=V/symbol=S/year=Y/part-N.*}):
 * <ul>
 *   <li>{@code bars-csv}: CSV files with a header ({@link BarCsvReader}): daily Yahoo/Stooq files and intraday bars;
 *       inputs are files or folders of {@code *.csv}, one symbol per file named by the file (or {@code symbol=} for
 *       all inputs); options {@code interval} (default {@code 1d}), {@code exchange} ({@code UTC} (default),
 *       {@code NYSE}, {@code NSE}: zone and session), {@code zone}, {@code session_open}, {@code session_close},
 *       {@code stamp} ({@code start} or {@code end}), {@code columns} ({@code yahoo}, {@code yfinance},
 *       {@code stooq}, {@code stooq_pl}, {@code stooq_intraday}) and per-field overrides {@code date_column},
 *       {@code time_column}, {@code open_column}, {@code high_column}, {@code low_column}, {@code close_column},
 *       {@code volume_column} ({@code none} for a field the file lacks), {@code lenient};</li>
 *   <li>{@code binance-klines}: Binance public kline files ({@link BinanceKlines}), the symbol and interval from the
 *       names ({@code BTCUSDT-1m-2024-01-01.csv}), {@code market=spot|usdm} for the venue, {@code lenient};</li>
 *   <li>{@code kite-candles}: saved Kite historical-candle responses ({@link KiteBars}), {@code interval} and
 *       {@code symbol} required, venue {@code NSE} by default, {@code lenient}.</li>
 * </ul>
 * Every format takes the instrument options of the importers ({@code symbol}, {@code venue}, {@code tick_size},
 * {@code multiplier}, {@code lot_size}, or {@code instruments=KITE_DUMP}); {@code lot_size} defaults to 1 for
 * {@code bars-csv} and {@code kite-candles}. Several files of one symbol are read in file-name order and must follow
 * each other in time.
 */
final class BarFormats {

    /**
     * What a bar format opened: the bars (read when asked, after every option has been read and checked) and the
     * interval they go under.
     */
    record Opened(Supplier<BarSource> source, BarInterval interval) {
    }

    /** Binance kline file names: {@code BTCUSDT-1m-2024-01-01.csv} (daily) or {@code BTCUSDT-1h-2024-01.csv}. */
    static final Pattern KLINE_NAME = Pattern.compile("([A-Z0-9]+)-(\\d+[smhdwM])-\\d{4}-\\d{2}(?:-\\d{2})?\\.csv");

    private static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();

    static {
        DESCRIPTIONS.put("bars-csv", "CSV bars with a header (Yahoo/Stooq daily, yfinance/Stooq intraday), files"
                + " or folders, one symbol per file; options interval (1d), exchange (UTC|NYSE|NSE), zone,"
                + " session_open, session_close, stamp (start|end), columns (yahoo|yfinance|stooq|stooq_pl|"
                + "stooq_intraday), date_column, time_column, open_column, high_column, low_column, close_column,"
                + " volume_column, lenient, and the instrument options (lot_size defaults to 1)");
        DESCRIPTIONS.put("binance-klines", "Binance public kline CSVs, spot or USD-M (BTCUSDT-1m-2024-01-01.csv:"
                + " symbol and interval from the name); market=spot|usdm picks the venue; lenient; tick_size and"
                + " lot_size required");
        DESCRIPTIONS.put("kite-candles", "saved Zerodha Kite historical-candle responses (JSON); interval (e.g. 1m,"
                + " 1d) and symbol required, venue NSE by default; lenient; tick_size (lot_size defaults to 1) or"
                + " instruments=KITE_DUMP");
    }

    private BarFormats() {
    }

    /** Whether {@code name} is a bar format. */
    static boolean has(String name) {
        return DESCRIPTIONS.containsKey(name);
    }

    /** Name to one-line description, in usage order. */
    static Map<String, String> descriptions() {
        return DESCRIPTIONS;
    }

    /**
     * Opens the inputs of bar format {@code name}.
     *
     * @throws IllegalArgumentException for missing or invalid inputs or options, naming which
     */
    static Opened open(String name, List<Path> inputs, FormatOptions o) {
        return switch (name) {
            case "bars-csv" -> csv(inputs, o);
            case "binance-klines" -> klines(inputs, o);
            case "kite-candles" -> kite(inputs, o);
            default -> throw new IllegalArgumentException("bar format '" + name + "' is unknown: expected one of "
                    + DESCRIPTIONS.keySet());
        };
    }

    // ---------------------------------------------------------------- CSV

    private static Opened csv(List<Path> inputs, FormatOptions o) {
        BarCsvReader.Settings settings = csvSettings(o);
        BarCsvReader.Columns columns = csvColumns(o);
        List<Path> files = new ArrayList<>();
        for (Path input : requireInputs("bars-csv", inputs)) {
            if (Files.isDirectory(input)) {
                files.addAll(csvFiles(input));
            } else if (Files.isRegularFile(input)) {
                files.add(input);
            } else {
                throw new IllegalArgumentException("input " + input + " is neither a directory nor a file");
            }
        }
        String given = o.string("symbol", null);
        Map<String, List<Path>> bySymbol = new LinkedHashMap<>();
        for (Path f : files) {
            String symbol = given != null ? given : stem(f);
            bySymbol.computeIfAbsent(symbol, k -> new ArrayList<>()).add(f);
        }
        Map<Instrument, List<Path>> byInstrument = new LinkedHashMap<>();
        for (Map.Entry<String, List<Path>> e : new java.util.TreeMap<>(bySymbol).entrySet()) {
            byInstrument.put(instrument(o, "bars-csv", e.getKey(), "CSV", 1.0), sorted(e.getValue()));
        }
        return new Opened(() -> {
            List<BarSource> sources = new ArrayList<>();
            for (Map.Entry<Instrument, List<Path>> e : byInstrument.entrySet()) {
                List<BarBatch> parts = new ArrayList<>();
                for (Path f : e.getValue()) {
                    parts.add(BarCsvReader.read(f, settings, columns).bars());
                }
                sources.add(new InMemoryBarSource(List.of(e.getKey()), concat(e.getValue(), parts)));
            }
            return merge(sources);
        }, settings.interval());
    }

    private static BarCsvReader.Settings csvSettings(FormatOptions o) {
        String exchange = o.string("exchange", "UTC");
        BarCsvReader.Settings s = switch (exchange.toUpperCase(Locale.ROOT)) {
            case "UTC" -> BarCsvReader.Settings.UTC_DAYS;
            case "NYSE" -> BarCsvReader.Settings.NYSE;
            case "NSE" -> BarCsvReader.Settings.NSE;
            default -> throw new IllegalArgumentException("option exchange=" + exchange + ": expected UTC, NYSE or"
                    + " NSE (or give zone, session_open and session_close)");
        };
        String zone = o.string("zone", null);
        if (zone != null) {
            try {
                s = s.withZone(ZoneId.of(zone));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("option zone=" + zone + ": not a time zone id (e.g."
                        + " America/New_York, Asia/Kolkata, UTC): " + e.getMessage());
            }
        }
        LocalTime open = time(o, "session_open", s.sessionOpen());
        LocalTime close = time(o, "session_close", s.sessionClose());
        if (!close.isAfter(open)) {
            throw new IllegalArgumentException("options session_open=" + open + ", session_close=" + close
                    + ": the session must close after it opens");
        }
        s = s.withSession(open, close).withLenient(o.booleanValue("lenient", false));
        s = s.withInterval(interval(o, "interval", BarInterval.ONE_DAY));
        String stamp = o.string("stamp", "start");
        return s.withStamp(switch (stamp) {
            case "start" -> BarCsvReader.Stamp.BAR_START;
            case "end" -> BarCsvReader.Stamp.BAR_END;
            default -> throw new IllegalArgumentException("option stamp=" + stamp + ": expected start (the time"
                    + " is the bar's open) or end (its close)");
        });
    }

    private static BarCsvReader.Columns csvColumns(FormatOptions o) {
        String preset = o.string("columns", "yahoo");
        BarCsvReader.Columns c = switch (preset) {
            case "yahoo", "stooq" -> BarCsvReader.Columns.YAHOO;
            case "yfinance" -> BarCsvReader.Columns.YFINANCE_INTRADAY;
            case "stooq_pl" -> BarCsvReader.Columns.STOOQ_PL;
            case "stooq_intraday" -> BarCsvReader.Columns.STOOQ_INTRADAY;
            default -> throw new IllegalArgumentException("option columns=" + preset + ": expected yahoo, yfinance,"
                    + " stooq, stooq_pl or stooq_intraday (or name each column: date_column=..., close_column=...)");
        };
        return new BarCsvReader.Columns(columnName(o, "date_column", c.date()),
                columnName(o, "time_column", c.time()), columnName(o, "open_column", c.open()),
                columnName(o, "high_column", c.high()), columnName(o, "low_column", c.low()),
                columnName(o, "close_column", c.close()), columnName(o, "volume_column", c.volume()));
    }

    private static String columnName(FormatOptions o, String key, String fallback) {
        String v = o.string(key, null);
        if (v == null) {
            return fallback;
        }
        return v.equalsIgnoreCase("none") ? BarCsvReader.Columns.NONE : v;
    }

    private static LocalTime time(FormatOptions o, String key, LocalTime fallback) {
        String v = o.string(key, null);
        if (v == null) {
            return fallback;
        }
        if (v.equals("24:00")) {
            return LocalTime.MAX;
        }
        try {
            return LocalTime.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("option " + key + "=" + v + ": expected a local time HH:mm (or 24:00)");
        }
    }

    private static List<Path> csvFiles(Path directory) {
        try (Stream<Path> s = Files.list(directory)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .sorted().toList();
            if (files.isEmpty()) {
                throw new IllegalArgumentException("input " + directory + ": no .csv files");
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    // ---------------------------------------------------------------- Binance

    private static Opened klines(List<Path> inputs, FormatOptions o) {
        List<Path> files = sorted(requireFiles("binance-klines", inputs));
        Set<String> symbols = new LinkedHashSet<>();
        Set<String> intervals = new LinkedHashSet<>();
        for (Path f : files) {
            Matcher m = KLINE_NAME.matcher(f.getFileName().toString());
            if (m.matches()) {
                symbols.add(m.group(1));
                intervals.add(m.group(2));
            }
        }
        if (symbols.size() > 1) {
            throw new IllegalArgumentException("the binance-klines inputs name several symbols " + symbols
                    + ": convert one symbol per call");
        }
        if (intervals.size() > 1) {
            throw new IllegalArgumentException("the binance-klines inputs name several intervals " + intervals
                    + ": convert one interval per call");
        }
        BarInterval named = intervals.isEmpty() ? null : BarInterval.parse(intervals.iterator().next());
        BarInterval interval = interval(o, "interval", named);
        if (interval == null) {
            throw new IllegalArgumentException("option interval is required for binance-klines: the input file names"
                    + " do not name it (give e.g. interval=1m)");
        }
        if (named != null && !named.equals(interval)) {
            throw new IllegalArgumentException("option interval=" + interval + " disagrees with the input file names,"
                    + " which name " + named);
        }
        String m = o.string("market", "spot");
        String venue = switch (m) {
            case "spot" -> "BINANCE";
            case "usdm" -> "BINANCE_USDM";
            default -> throw new IllegalArgumentException("option market=" + m + ": expected spot or usdm");
        };
        Instrument instrument = InstrumentOptions.resolve(o, "binance-klines",
                symbols.isEmpty() ? null : symbols.iterator().next(), venue, Double.NaN);
        boolean lenient = o.booleanValue("lenient", false);
        return new Opened(() -> {
            List<BarBatch> parts = new ArrayList<>();
            for (Path f : files) {
                parts.add(BinanceKlines.read(f, lenient).bars());
            }
            return new InMemoryBarSource(List.of(instrument), concat(files, parts));
        }, interval);
    }

    // ---------------------------------------------------------------- Kite

    private static Opened kite(List<Path> inputs, FormatOptions o) {
        List<Path> files = sorted(requireFiles("kite-candles", inputs));
        BarInterval interval = interval(o, "interval", null);
        if (interval == null) {
            throw new IllegalArgumentException("option interval is required for kite-candles: the candles' interval"
                    + " as requested from Kite (minute: 1m, 5minute: 5m, 60minute: 1h, day: 1d)");
        }
        if (!interval.isIntraday() && !interval.equals(BarInterval.ONE_DAY)) {
            throw new IllegalArgumentException("option interval=" + interval + ": Kite candles are read at intraday"
                    + " intervals or 1d");
        }
        Instrument instrument = InstrumentOptions.resolve(o, "kite-candles", null, "NSE", 1.0);
        ImportOptions options = o.booleanValue("lenient", false) ? ImportOptions.LENIENT : ImportOptions.STRICT;
        return new Opened(() -> {
            List<BarBatch> parts = new ArrayList<>();
            for (Path f : files) {
                parts.add(KiteBars.read(f, interval, options));
            }
            return new InMemoryBarSource(List.of(instrument), concat(files, parts));
        }, interval);
    }

    // ---------------------------------------------------------------- shared

    /** The instrument of one CSV symbol: the options, with {@code symbol} the file's unless given. */
    private static Instrument instrument(FormatOptions o, String format, String symbol, String defaultVenue,
                                         double defaultLot) {
        String given = o.string("symbol", null);
        return InstrumentOptions.resolve(o, format, given != null ? null : symbol, defaultVenue, defaultLot);
    }

    private static BarInterval interval(FormatOptions o, String key, BarInterval fallback) {
        String v = o.string(key, null);
        if (v == null) {
            return fallback;
        }
        try {
            return BarInterval.parse(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("option " + key + "=" + v + ": " + e.getMessage());
        }
    }

    /** One symbol's files' bars as one batch; each file must start after the previous one ends. */
    private static BarBatch concat(List<Path> files, List<BarBatch> parts) {
        int rows = 0;
        for (BarBatch b : parts) {
            rows += b.size();
        }
        BarBatch all = new BarBatch(Math.max(1, rows));
        for (int k = 0; k < parts.size(); k++) {
            BarBatch b = parts.get(k);
            if (b.isEmpty()) {
                continue;
            }
            if (!all.isEmpty() && b.startTs(0) < all.endTs(all.size() - 1)) {
                throw new IllegalArgumentException("input " + files.get(k) + " starts at start_ts " + b.startTs(0)
                        + ", before the end (" + all.endTs(all.size() - 1) + ") of the bars of the files before it"
                        + " (files of one symbol are read in name order and must follow each other in time)");
            }
            all.addRange(b, 0, b.size());
        }
        return all;
    }

    private static BarSource merge(List<BarSource> sources) {
        return sources.size() == 1 ? sources.get(0) : new MergedBarSource(sources, 1024);
    }

    private static List<Path> sorted(List<Path> files) {
        return files.stream().sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
    }

    private static String stem(Path f) {
        String name = f.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    }

    private static List<Path> requireInputs(String format, List<Path> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("the " + format + " format needs at least one input file or folder");
        }
        return inputs;
    }

    private static List<Path> requireFiles(String format, List<Path> inputs) {
        requireInputs(format, inputs);
        for (Path p : inputs) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("input " + p + " of " + format + " is not a file");
            }
        }
        return inputs;
    }
}
