package io.qtrade.store.cli;

import io.qtrade.store.CsvTickReader;
import io.qtrade.store.HiveLayout;
import io.qtrade.store.InstrumentFile;
import io.qtrade.store.ParquetTickReader;
import io.qtrade.store.TickFormat;
import io.qtrade.store.TickQuery;
import io.qtrade.store.TickReadOptions;
import io.qtrade.store.TickStore;
import io.qtrade.store.TimeMergedSource;
import io.qtrade.store.synthetic.SyntheticMarket;
import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventSource;
import io.qtrade.core.time.Timestamps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The input formats {@link Convert} knows, by name. Immutable: {@link #with(InputFormat)} returns a registry with
 * one more, which is how an importer is plugged in.
 *
 * <ul>
 *   <li>{@code parquet}: tick store roots (every instrument, or those chosen by options) or single Parquet parts;</li>
 *   <li>{@code csv}: the same for CSV parts; a CSV part outside a store names its instrument by options
 *       ({@code symbol}, {@code venue}, {@code tick_size}, {@code lot_size}, {@code multiplier});</li>
 *   <li>{@code synthetic}: the {@link SyntheticMarket} generator (no inputs);</li>
 *   <li>the vendor importers: {@code binance-trades}, {@code binance-aggtrades}, {@code binance-bookticker},
 *       {@code binance-fundingrate}, {@code binance-markprice}, {@code binance-indexprice},
 *       {@code binance-depth}, {@code tardis-incremental}, {@code tardis-trades}, {@code tardis-snapshot},
 *       {@code tardis-quotes}, {@code tardis-derivative-ticker}, {@code lobster} (options in {@code --help} and the module README). Several files of
 *       one kind are chained in time order; files that overlap in time are refused.</li>
 * </ul>
 * Zerodha Kite candles are not market events and have no format: read them with
 * {@link io.qtrade.store.zerodha.KiteCandles#read}. The Kite instruments dump serves every importer format as
 * the source of tick and lot sizes ({@code instruments=PATH}).
 * Store inputs take {@code venue}, {@code symbols} (comma-separated), {@code from} and {@code to} (ISO dates, UTC,
 * {@code to} exclusive), {@code lenient} ({@code true} to count and skip bad rows) and
 * {@code max_backwards_nanos}.
 */
public final class InputFormats {

    private final Map<String, InputFormat> formats;

    private InputFormats(Map<String, InputFormat> formats) {
        this.formats = formats;
    }

    /** {@code parquet}, {@code csv}, {@code synthetic} and every vendor importer. */
    public static InputFormats standard() {
        InputFormats formats = new InputFormats(new LinkedHashMap<>())
                .with(InputFormat.of("parquet", "tick store roots or part files; options venue, symbols, from, to,"
                        + " lenient, max_backwards_nanos", (in, o) -> store(in, o, TickFormat.PARQUET)))
                .with(InputFormat.of("csv", "tick store roots or CSV parts; the store options, and for a bare"
                        + " file symbol, venue, tick_size, lot_size, multiplier", (in, o) -> store(in, o,
                        TickFormat.CSV)))
                .with(InputFormat.of("synthetic", "Cont-Stoikov-Talreja generator; options symbols, venue, mids,"
                        + " tick_sizes, lot_sizes, events, seed, date, mean_reversion, correlation,"
                        + " fair_value_volatility, levels, market_rate, time_scale_ms, intraday_activity (comma-"
                        + "separated, the UTC day in equal buckets), jump_rate (per model time unit), jump_ticks",
                        (in, o) -> synthetic(in, o)));
        for (InputFormat vendor : VendorFormats.all()) {
            formats = formats.with(vendor);
        }
        return formats;
    }

    /** This registry plus {@code format}, which replaces a format of the same name. */
    public InputFormats with(InputFormat format) {
        Map<String, InputFormat> copy = new LinkedHashMap<>(formats);
        copy.put(format.name(), format);
        return new InputFormats(copy);
    }

    /**
     * The format called {@code name}.
     *
     * @throws IllegalArgumentException naming the registered formats when there is none
     */
    public InputFormat get(String name) {
        InputFormat f = formats.get(name);
        if (f == null) {
            throw new IllegalArgumentException("input format '" + name + "' is unknown: expected one of "
                    + formats.keySet());
        }
        return f;
    }

    /** Every registered format, in registration order. */
    public Collection<InputFormat> all() {
        return formats.values();
    }

    private static EventSource store(List<Path> inputs, FormatOptions o, TickFormat format) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("the " + format.extension() + " format needs at least one input:"
                    + " a tick store root or a part file");
        }
        TickReadOptions options = TickReadOptions.DEFAULT
                .withLenient(o.booleanValue("lenient", false))
                .withMaxBackwardsNanos(o.longValue("max_backwards_nanos", 0));
        LocalDate from = o.date("from", null);
        LocalDate to = o.date("to", null);
        if (from != null || to != null) {
            options = options.withRange(from == null ? Long.MIN_VALUE : Timestamps.startOfDay(from),
                    to == null ? Long.MAX_VALUE : Timestamps.startOfDay(to));
        }
        String venue = o.string("venue", null);
        String symbols = o.string("symbols", null);
        List<EventSource> sources = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                TickQuery q = new TickQuery(venue, symbols == null ? List.of() : Arrays.asList(symbols.split(",")),
                        format, options);
                sources.add(TickStore.at(input).read(q));
            } else if (!Files.isRegularFile(input)) {
                throw new IllegalArgumentException("input " + input + " is neither a directory nor a file");
            } else if (format == TickFormat.PARQUET) {
                sources.add(new ParquetTickReader(input, null, options));
            } else {
                sources.add(new CsvTickReader(input, csvInstrument(input, o), options));
            }
        }
        // two stores (or parts) holding the same instrument are merged into it, by exch_ts
        return sources.size() == 1 ? sources.get(0) : new TimeMergedSource(sources, 1024,
                options.maxBackwardsNanos());
    }

    /** A bare CSV part's instrument: from options, else from the store's {@code _instrument.json} above it. */
    private static Instrument csvInstrument(Path file, FormatOptions o) {
        String symbol = o.string("symbol", null);
        if (symbol == null) {
            Path dateDir = file.toAbsolutePath().getParent();
            Path symbolDir = dateDir == null ? null : dateDir.getParent();
            if (symbolDir != null && Files.exists(symbolDir.resolve(HiveLayout.INSTRUMENT_FILE))) {
                return InstrumentFile.read(symbolDir);
            }
            throw new IllegalArgumentException("CSV input " + file + " is not inside a tick store: give its"
                    + " instrument as symbol=..., venue=..., tick_size=..., lot_size=...");
        }
        return new Instrument(symbol, o.string("venue", "UNKNOWN"), o.doubleValue("tick_size", Double.NaN),
                o.doubleValue("lot_size", Double.NaN), o.doubleValue("multiplier", 1.0));
    }

    private static EventSource synthetic(List<Path> inputs, FormatOptions o) {
        if (!inputs.isEmpty()) {
            throw new IllegalArgumentException("the synthetic format takes no inputs, was given " + inputs);
        }
        String[] symbols = o.string("symbols", "BTCUSDT,ETHUSDT").split(",");
        String venue = o.string("venue", "SIM");
        double[] mids = doubles(o.string("mids", "42000,2300"), "mids", symbols.length);
        double[] ticks = doubles(o.string("tick_sizes", "0.1,0.01"), "tick_sizes", symbols.length);
        double[] lots = doubles(o.string("lot_sizes", "0.001,0.001"), "lot_sizes", symbols.length);
        SyntheticMarket.Builder b = SyntheticMarket.builder()
                .events(o.longValue("events", 200_000))
                .seed(o.longValue("seed", 42))
                .startNanos(Timestamps.startOfDay(o.date("date", LocalDate.of(2024, 1, 2))));
        for (int i = 0; i < symbols.length; i++) {
            b.instrument(Instrument.spot(symbols[i], venue, ticks[i], lots[i]), mids[i]);
        }
        double kappa = o.doubleValue("mean_reversion", 0);
        if (kappa > 0) {
            b.meanReversion(kappa).correlation(o.doubleValue("correlation", 0));
        }
        // The realism options (informed flow is mean_reversion with fair_value_volatility), all off by default.
        b.levels((int) o.longValue("levels", SyntheticMarket.DEFAULT_LEVELS));
        b.marketRate(o.doubleValue("market_rate", SyntheticMarket.DEFAULT_MARKET_RATE));
        b.timeScaleNanos(Math.round(1e6 * o.doubleValue("time_scale_ms",
                SyntheticMarket.DEFAULT_TIME_SCALE_NANOS / 1e6)));
        b.fairValueVolatility(o.doubleValue("fair_value_volatility",
                SyntheticMarket.DEFAULT_FAIR_VALUE_VOLATILITY_TICKS));
        String activity = o.string("intraday_activity", "");
        if (!activity.isBlank()) {
            String[] parts = activity.split(",");
            b.intradayActivity(doubles(activity, "intraday_activity", parts.length));
        }
        b.jumps(o.doubleValue("jump_rate", 0), o.doubleValue("jump_ticks", 0));
        return b.build();
    }

    private static double[] doubles(String list, String key, int n) {
        String[] parts = list.split(",");
        if (parts.length != n) {
            throw new IllegalArgumentException("option " + key + "=" + list + ": expected " + n
                    + " comma-separated values, one per symbol");
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option " + key + "=" + list + ": '" + parts[i]
                        + "' is not a number");
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "InputFormats" + formats.keySet();
    }
}
