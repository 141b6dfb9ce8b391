package io.qtrade.store.cli;

import java.util.EnumSet;
import io.qtrade.store.ingest.ClockSkew;
import io.qtrade.store.binance.BinanceRecordings;
import io.qtrade.store.binance.BinanceCsvFile;
import io.qtrade.store.binance.BinanceCsvSource;
import io.qtrade.store.binance.BinanceDepthRecordingSource;
import io.qtrade.store.binance.BinanceDerivativeCsvSource;
import io.qtrade.store.binance.BinanceDerivativeFile;
import io.qtrade.store.binance.BinanceMarket;
import io.qtrade.store.ingest.EpochUnit;
import io.qtrade.store.ingest.ImportOptions;
import io.qtrade.store.lobster.LobsterSource;
import io.qtrade.store.tardis.TardisCsvFile;
import io.qtrade.store.tardis.TardisCsvSource;
import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The vendor importers as {@link InputFormat}s: how each format's options become {@link ImportOptions} and an
 * {@link Instrument}, what its file names say, and how several files of one kind are chained.
 *
 * <p>Options every importer format reads: {@code lenient} ({@code true}: bad lines are counted, logged and skipped),
 * {@code max_backwards_nanos} (how far time may step back, default 0), {@code feed_latency_nanos} ({@code localTs
 * = exchTs + this} for files without a local time, default 0), {@code staging_rows} (most rows one venue message
 * expands to), and the instrument's ({@link InstrumentOptions}): {@code symbol}, {@code venue}, {@code tick_size},
 * {@code lot_size}, {@code multiplier} or {@code instruments=KITE_DUMP}.
 */
final class VendorFormats {

    /**
     * Binance public-data names: {@code BTCUSDT-trades-2024-01-01.csv}, monthly {@code BTCUSDT-trades-2024-01.csv},
     * or the {@code .zip} Binance ships them in.
     */
    static final Pattern BINANCE_NAME = Pattern.compile(
            "([A-Z0-9]+)-(?:um-)?(trades|aggTrades|bookTicker)-\\d{4}-\\d{2}(?:-\\d{2})?\\.(?:csv|zip)");
    /**
     * Binance public futures data names: {@code BTCUSDT-fundingRate-2024-01.csv} (monthly only) or the {@code .zip};
     * COIN-M symbols carry an underscore ({@code BTCUSD_PERP}).
     */
    static final Pattern BINANCE_FUNDING_NAME = Pattern.compile(
            "([A-Z0-9_]+)-fundingRate-\\d{4}-\\d{2}\\.(?:csv|zip)");
    /**
     * Binance kline names, which {@code markPriceKlines}, {@code indexPriceKlines} and {@code premiumIndexKlines}
     * share with the trade klines: {@code BTCUSDT-1h-2024-01-01.csv}, monthly {@code BTCUSDT-1m-2024-01.csv}, or the
     * {@code .zip}.
     */
    static final Pattern BINANCE_KLINE_NAME = Pattern.compile(
            "([A-Z0-9_]+)-(\\d+(?:s|m|h|d|w|mo))-\\d{4}-\\d{2}(?:-\\d{2})?\\.(?:csv|zip)");
    /** Tardis dataset names: {@code binance-futures_trades_2024-01-01_BTCUSDT.csv}, or {@code .csv.gz} as shipped. */
    static final Pattern TARDIS_NAME = Pattern.compile(
            "([a-z0-9-]+)_([A-Za-z0-9_]+)_(\\d{4}-\\d{2}-\\d{2})_(.+?)\\.csv(?:\\.gz)?");
    /** LOBSTER names: {@code AAPL_2012-06-21_34200000_57600000_message_10.csv}. */
    static final Pattern LOBSTER_NAME = Pattern.compile(
            "([^_]+)_(\\d{4}-\\d{2}-\\d{2})_(\\d+)_(\\d+)_(message|orderbook)_(\\d+)\\.csv");
    /** Tardis' grouped-symbol files hold many instruments: their name does not name one. */
    private static final Set<String> TARDIS_GROUPS = Set.of("SPOT", "FUTURES", "PERPETUALS", "OPTIONS");

    /** The options every importer format shares, for the usage text. */
    static final String SHARED_OPTIONS = "importer formats (binance-*, tardis-*, lobster) also take tick_size and"
            + " lot_size (required, or instruments=KITE_DUMP: the Kite Connect instruments dump row of the symbol),"
            + " multiplier (1), symbol (from the file names where the vendor's naming makes it certain, else"
            + " required), venue, lenient (false), max_backwards_nanos (0), feed_latency_nanos (0: localTs = exchTs"
            + " for files without a local time), staging_rows; several files of one kind are chained in time order,"
            + " files that overlap in time are refused";

    private VendorFormats() {
    }

    /** Every vendor importer format, in the order {@code --help} lists them. */
    static List<InputFormat> all() {
        return List.of(
                binanceCsv("binance-trades", BinanceCsvFile.TRADES, "trades"),
                binanceCsv("binance-aggtrades", BinanceCsvFile.AGG_TRADES, "aggTrades"),
                binanceCsv("binance-bookticker", BinanceCsvFile.BOOK_TICKER, "bookTicker"),
                binanceDerivative("binance-fundingrate", BinanceDerivativeFile.FUNDING_RATE),
                binanceDerivative("binance-markprice", BinanceDerivativeFile.MARK_PRICE_KLINES),
                binanceDerivative("binance-indexprice", BinanceDerivativeFile.INDEX_PRICE_KLINES),
                InputFormat.of("binance-depth", "Binance WebSocket recordings with REST snapshots: qtrade JSON"
                        + " lines or hftbacktest's collector files (<local ns> <combined-stream JSON>, .gz read as"
                        + " is); depth, trades and bookTicker (streams=depth,trade,bookticker), and USD-M"
                        + " markPrice as mark, index and funding-rate rows (streams=...,markprice); a file continuing"
                        + " the one before it needs no snapshot; market=spot|usdm and symbol required;"
                        + " clock_skew=keep|remove_offset|clamp, min_feed_latency_nanos; venue BINANCE or"
                        + " BINANCE_USDM", VendorFormats::binanceDepth),
                InputFormat.of("binance-collector", "the same as binance-depth (hftbacktest's collector files"
                        + " are one of the formats it reads)", VendorFormats::binanceDepth),
                tardis("tardis-incremental", TardisCsvFile.INCREMENTAL_BOOK_L2, "incremental_book_L2",
                        "incremental_book_L2"),
                tardis("tardis-trades", TardisCsvFile.TRADES, "trades", "trades"),
                tardis("tardis-snapshot", TardisCsvFile.BOOK_SNAPSHOT, "book_snapshot_N", "book_snapshot_25"),
                tardis("tardis-quotes", TardisCsvFile.QUOTES, "quotes", "quotes"),
                tardis("tardis-derivative-ticker", TardisCsvFile.DERIVATIVE_TICKER, "derivative_ticker",
                        "derivative_ticker"),
                InputFormat.of("lobster", "LOBSTER message + orderbook pairs (AAPL_2012-06-21_34200000_57600000"
                        + "_message_10.csv; the _orderbook_ twin is taken from next to it); venue NASDAQ, lot_size 1"
                        + " (share) unless given", VendorFormats::lobster));
    }

    static ImportOptions importOptions(FormatOptions o) {
        ImportOptions options = ImportOptions.STRICT
                .withLenient(o.booleanValue("lenient", false))
                .withBackwardsToleranceNanos(o.nonNegativeLong("max_backwards_nanos", 0))
                .withAssumedFeedLatencyNanos(o.nonNegativeLong("feed_latency_nanos", 0));
        long staging = o.longValue("staging_rows", ImportOptions.DEFAULT_STAGING_ROWS);
        if (staging <= 0 || staging > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("option staging_rows=" + staging + ": expected 1.."
                    + Integer.MAX_VALUE);
        }
        return options.withStagingRows((int) staging);
    }

    // ---------------------------------------------------------------- Binance

    private static InputFormat binanceCsv(String name, BinanceCsvFile kind, String fileKind) {
        return InputFormat.of(name, "Binance public-data " + fileKind + " CSVs, spot or USD-M (BTCUSDT-"
                + fileKind + "-2024-01-01.csv); market=spot|usdm (default spot) picks the venue, BINANCE or"
                + " BINANCE_USDM", (inputs, o) -> {
                    ImportOptions options = importOptions(o);
                    BinanceMarket market = market(o, BinanceMarket.SPOT);
                    String symbol = binanceSymbol(name, fileKind, requireFiles(name, inputs));
                    Instrument instrument = InstrumentOptions.resolve(o, name, symbol, binanceVenue(market),
                            Double.NaN);
                    return chain(instrument, inputs,
                            p -> BinanceCsvSource.open(kind, p, instrument, EpochUnit.AUTO, options));
                });
    }

    private static InputFormat binanceDerivative(String name, BinanceDerivativeFile kind) {
        String description = switch (kind) {
            case FUNDING_RATE -> "Binance public-data USD-M or COIN-M fundingRate CSVs (BTCUSDT-fundingRate-2024-01.zip,"
                    + " BTCUSD_PERP-...): FUNDING_RATE rows at calc_time, the rate as published, the funding time"
                    + " (calc_time) in order_id";
            case MARK_PRICE_KLINES -> "Binance public-data USD-M or COIN-M markPriceKlines CSVs"
                    + " (BTCUSDT-1m-2024-01-01.zip): one MARK_PRICE row per kline, its close at close_time + 1 unit";
            case INDEX_PRICE_KLINES -> "Binance public-data USD-M or COIN-M indexPriceKlines CSVs"
                    + " (BTCUSDT-1m-2024-01-01.zip; COIN-M per pair, BTCUSD-1m-...: give symbol=BTCUSD_PERP to file"
                    + " it under the contract): one INDEX_PRICE row per kline, its close at close_time + 1 unit";
            case PREMIUM_INDEX_KLINES -> throw new IllegalArgumentException(kind + " is read as bars");
        };
        return InputFormat.of(name, description + "; market=usdm|coinm (default usdm) picks the venue,"
                + " BINANCE_USDM or BINANCE_COINM", (inputs, o) -> {
                    ImportOptions options = importOptions(o);
                    String m = o.string("market", "usdm");
                    String venue = switch (m) {
                        case "usdm" -> "BINANCE_USDM";
                        case "coinm" -> "BINANCE_COINM";
                        default -> throw new IllegalArgumentException("option market=" + m
                                + ": expected usdm or coinm");
                    };
                    String named = binanceDerivativeSymbol(name, kind, requireFiles(name, inputs));
                    if (kind == BinanceDerivativeFile.INDEX_PRICE_KLINES && o.has("symbol")) {
                        named = null; // the index is the pair's; the given contract symbol files it
                    }
                    Instrument instrument = InstrumentOptions.resolve(o, name, named, venue, Double.NaN);
                    return chain(instrument, inputs, p -> BinanceDerivativeCsvSource.open(kind, p, instrument,
                            options));
                });
    }

    /** The symbol the Binance futures names agree on, or null when no input follows Binance's naming. */
    private static String binanceDerivativeSymbol(String format, BinanceDerivativeFile kind, List<Path> inputs) {
        Set<String> symbols = new LinkedHashSet<>();
        for (Path p : inputs) {
            String file = p.getFileName().toString();
            Matcher funding = BINANCE_FUNDING_NAME.matcher(file);
            Matcher kline = BINANCE_KLINE_NAME.matcher(file);
            if (kind == BinanceDerivativeFile.FUNDING_RATE) {
                if (kline.matches()) {
                    throw new IllegalArgumentException("input " + p + " is a Binance kline file by its name, not a"
                            + " fundingRate file: use --from binance-markprice or binance-indexprice");
                }
                if (funding.matches()) {
                    symbols.add(funding.group(1));
                }
            } else {
                if (funding.matches()) {
                    throw new IllegalArgumentException("input " + p + " is a Binance fundingRate file by its name,"
                            + " not a kline file: use --from binance-fundingrate");
                }
                if (kline.matches()) {
                    symbols.add(kline.group(1));
                }
            }
        }
        return single(symbols, format);
    }

    private static EventSource binanceDepth(List<Path> inputs, FormatOptions o) {
        ImportOptions options = importOptions(o);
        String m = o.required("market", "spot or usdm: the two follow different depth synchronisation rules");
        BinanceMarket market = parseMarket(m);
        requireFiles("binance-depth", inputs);
        Instrument instrument = InstrumentOptions.resolve(o, "binance-depth", null, binanceVenue(market),
                Double.NaN);
        ClockSkew skew = new ClockSkew(ClockSkew.Policy.fromOption(o.string("clock_skew", "keep")),
                o.nonNegativeLong("min_feed_latency_nanos", 0));
        Set<BinanceDepthRecordingSource.Stream> streams = EnumSet.noneOf(BinanceDepthRecordingSource.Stream.class);
        for (String name : o.string("streams", "depth,trade,bookticker").split(",")) {
            streams.add(switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "depth" -> BinanceDepthRecordingSource.Stream.DEPTH;
                case "trade", "trades", "aggtrade" -> BinanceDepthRecordingSource.Stream.TRADE;
                case "bookticker", "bbo" -> BinanceDepthRecordingSource.Stream.BOOK_TICKER;
                case "markprice", "mark_price" -> BinanceDepthRecordingSource.Stream.MARK_PRICE;
                default -> throw new IllegalArgumentException("option streams=" + o.string("streams", "")
                        + ": '" + name + "' is not one of depth, trade, bookticker, markprice");
            });
        }
        return BinanceRecordings.open(inputs, instrument, market, options, skew, streams);
    }

    private static BinanceMarket market(FormatOptions o, BinanceMarket fallback) {
        String m = o.string("market", null);
        return m == null ? fallback : parseMarket(m);
    }

    private static BinanceMarket parseMarket(String m) {
        return switch (m) {
            case "spot" -> BinanceMarket.SPOT;
            case "usdm" -> BinanceMarket.USDM_FUTURES;
            default -> throw new IllegalArgumentException("option market=" + m + ": expected spot or usdm");
        };
    }

    /** The default venue of a Binance market: {@code BINANCE} (spot) or {@code BINANCE_USDM} (USD-M futures). */
    static String binanceVenue(BinanceMarket market) {
        return market == BinanceMarket.SPOT ? "BINANCE" : "BINANCE_USDM";
    }

    /** The symbol the Binance names agree on, or null when no input follows Binance's naming. */
    private static String binanceSymbol(String format, String fileKind, List<Path> inputs) {
        Set<String> symbols = new LinkedHashSet<>();
        for (Path p : inputs) {
            Matcher m = BINANCE_NAME.matcher(p.getFileName().toString());
            if (m.matches()) {
                if (!m.group(2).equals(fileKind)) {
                    throw new IllegalArgumentException("input " + p + " is a Binance " + m.group(2) + " file by its"
                            + " name, not " + fileKind + ": use --from binance-" + m.group(2).toLowerCase(Locale.ROOT));
                }
                symbols.add(m.group(1));
            }
        }
        return single(symbols, format);
    }

    // ---------------------------------------------------------------- Tardis

    private static InputFormat tardis(String name, TardisCsvFile kind, String dataType, String example) {
        String rows = kind == TardisCsvFile.DERIVATIVE_TICKER ? " (MARK_PRICE, INDEX_PRICE and FUNDING_RATE rows,"
                + " each when its value changes)" : "";
        return InputFormat.of(name, "Tardis.dev " + dataType + " CSVs" + rows + ", plain or .csv.gz as Tardis ships"
                + " them (binance-futures_" + example + "_2024-01-01_BTCUSDT.csv.gz); venue from the exchange id (binance-futures: BINANCE_USDM, binance:"
                + " BINANCE, others upper case)", (inputs, o) -> {
                    ImportOptions options = importOptions(o);
                    List<Path> files = requireFiles(name, inputs);
                    Set<String> symbols = new LinkedHashSet<>();
                    Set<String> exchanges = new LinkedHashSet<>();
                    for (Path p : files) {
                        Matcher m = TARDIS_NAME.matcher(p.getFileName().toString());
                        if (!m.matches()) {
                            continue;
                        }
                        TardisCsvFile named = tardisKind(m.group(2));
                        if (named != kind) {
                            throw new IllegalArgumentException("input " + p + " is a Tardis " + m.group(2)
                                    + " file by its name, not " + dataType + (named == null ? ": no format reads it"
                                    : ": use --from " + tardisFormat(named)));
                        }
                        exchanges.add(m.group(1));
                        if (!TARDIS_GROUPS.contains(m.group(4))) {
                            symbols.add(m.group(4));
                        }
                    }
                    String exchange = single(exchanges, name);
                    Instrument instrument = InstrumentOptions.resolve(o, name, single(symbols, name),
                            exchange == null ? null : tardisVenue(exchange), Double.NaN);
                    return chain(instrument, inputs, p -> TardisCsvSource.open(kind, p, instrument, options));
                });
    }

    private static TardisCsvFile tardisKind(String dataType) {
        if (dataType.equals("incremental_book_L2")) {
            return TardisCsvFile.INCREMENTAL_BOOK_L2;
        }
        if (dataType.equals("trades")) {
            return TardisCsvFile.TRADES;
        }
        if (dataType.equals("quotes")) {
            return TardisCsvFile.QUOTES;
        }
        if (dataType.equals("derivative_ticker")) {
            return TardisCsvFile.DERIVATIVE_TICKER;
        }
        if (dataType.matches("book_snapshot_\\d+")) {
            return TardisCsvFile.BOOK_SNAPSHOT;
        }
        return null;
    }

    private static String tardisFormat(TardisCsvFile kind) {
        return switch (kind) {
            case INCREMENTAL_BOOK_L2 -> "tardis-incremental";
            case TRADES -> "tardis-trades";
            case BOOK_SNAPSHOT -> "tardis-snapshot";
            case QUOTES -> "tardis-quotes";
            case DERIVATIVE_TICKER -> "tardis-derivative-ticker";
        };
    }

    /**
     * The venue of a Tardis exchange id: {@code binance} is {@code BINANCE} and {@code binance-futures} (USD-M) is
     * {@code BINANCE_USDM}, as the Binance formats name them; any other id upper-cased with {@code -} as {@code _}.
     */
    static String tardisVenue(String exchange) {
        return switch (exchange) {
            case "binance" -> "BINANCE";
            case "binance-futures" -> "BINANCE_USDM";
            default -> exchange.toUpperCase(Locale.ROOT).replace('-', '_');
        };
    }

    // ---------------------------------------------------------------- LOBSTER

    private static EventSource lobster(List<Path> inputs, FormatOptions o) {
        ImportOptions options = importOptions(o);
        List<Path> files = requireFiles("lobster", inputs);
        List<Path[]> pairs = new ArrayList<>();
        Set<Path> orderbooks = new LinkedHashSet<>();
        Set<String> tickers = new LinkedHashSet<>();
        for (Path p : files) {
            Matcher m = LOBSTER_NAME.matcher(p.getFileName().toString());
            if (!m.matches()) {
                throw new IllegalArgumentException("input " + p + " is not named as LOBSTER names its files:"
                        + " TICKER_YYYY-MM-DD_START_END_message_LEVEL.csv (or _orderbook_)");
            }
            tickers.add(m.group(1));
            if (m.group(5).equals("orderbook")) {
                orderbooks.add(p.toAbsolutePath().normalize());
                continue;
            }
            String twin = m.group(1) + "_" + m.group(2) + "_" + m.group(3) + "_" + m.group(4) + "_orderbook_"
                    + m.group(6) + ".csv";
            Path book = p.resolveSibling(twin);
            if (!Files.isRegularFile(book)) {
                throw new IllegalArgumentException("input " + p + " has no orderbook file " + twin + " next to it");
            }
            pairs.add(new Path[] {p, book});
        }
        for (Path[] pair : pairs) {
            orderbooks.remove(pair[1].toAbsolutePath().normalize());
        }
        if (!orderbooks.isEmpty()) {
            throw new IllegalArgumentException("orderbook files " + orderbooks + " have no message file among the"
                    + " inputs: give the _message_ file of each pair");
        }
        Instrument instrument = InstrumentOptions.resolve(o, "lobster", single(tickers, "lobster"), "NASDAQ", 1.0);
        List<ChainedSource.Input> chained = new ArrayList<>();
        for (Path[] pair : pairs) {
            chained.add(new ChainedSource.Input(pair[0].toString(),
                    () -> LobsterSource.open(pair[0], pair[1], instrument, options)));
        }
        return ChainedSource.of(List.of(instrument), chained);
    }

    // ---------------------------------------------------------------- shared

    private static List<Path> requireFiles(String format, List<Path> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("the " + format + " format needs at least one input file");
        }
        for (Path p : inputs) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("input " + p + " is not a file (" + format + " reads files)");
            }
        }
        return inputs;
    }

    /** The one value of {@code values}, null when empty; several: the inputs mix instruments or venues. */
    private static String single(Set<String> values, String format) {
        if (values.size() > 1) {
            throw new IllegalArgumentException("the " + format + " inputs name " + values + " in their file names:"
                    + " convert one instrument per call");
        }
        return values.isEmpty() ? null : values.iterator().next();
    }

    private static EventSource chain(Instrument instrument, List<Path> inputs,
                                     Function<Path, ? extends EventSource> open) {
        List<ChainedSource.Input> chained = new ArrayList<>();
        for (Path p : inputs) {
            chained.add(new ChainedSource.Input(p.toString(), () -> open.apply(p)));
        }
        return ChainedSource.of(List.of(instrument), chained);
    }
}
