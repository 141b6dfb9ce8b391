package io.qtrade.store.fuzz;

import io.qtrade.core.Instrument;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.EventSource;
import io.qtrade.store.CsvTickReader;
import io.qtrade.store.HiveLayout;
import io.qtrade.store.ParquetTickReader;
import io.qtrade.store.TickDataException;
import io.qtrade.store.TickFormat;
import io.qtrade.store.TickReadOptions;
import io.qtrade.store.TickStore;
import io.qtrade.store.bars.BinanceKlines;
import io.qtrade.store.binance.BinanceCsvSource;
import io.qtrade.store.binance.BinanceDerivativeCsvSource;
import io.qtrade.store.binance.BinanceDepthRecordingSource;
import io.qtrade.store.binance.BinanceMarket;
import io.qtrade.store.ingest.EpochUnit;
import io.qtrade.store.ingest.ImportException;
import io.qtrade.store.ingest.ImportOptions;
import io.qtrade.store.lobster.LobsterSource;
import io.qtrade.store.synthetic.SyntheticMarket;
import io.qtrade.store.tardis.TardisCsvFile;
import io.qtrade.store.tardis.TardisCsvSource;
import io.qtrade.store.zerodha.KiteCandleSeries;
import io.qtrade.store.zerodha.KiteCandles;
import io.qtrade.store.zerodha.KiteInstrument;
import io.qtrade.store.zerodha.KiteInstruments;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18's fuzz suite for the store module's readers: each target mutates one of the project's own fixtures
 * ({@link Mutator}) and reads the mutant (the perpetual data files of issue 23 included: funding rates, mark, index
 * and premium index klines, Tardis derivative tickers). Documented outcomes only: the rows are read, or the reader refuses the
 * file with an {@link ImportException}, a {@link TickDataException} or an {@link UncheckedIOException}, each naming
 * the file. An accepted row must have a finite price where its kind has one and a finite quantity {@code >= 0},
 * both equal (via {@link java.math.BigDecimal}) to a number in the file's text, or on the tick grid one of them snaps
 * to; time may not go backwards (tolerance 0 in these strict reads) in the column the reader orders by; a Parquet
 * part read without an error gives exactly the rows written; a funding rate is a fraction ({@code |rate| < 1}) with
 * a plausible funding time, a mark or index price is positive; premium index bars start strictly later each time,
 * end after they start and keep open and close within [low, high], every value a number of the text. Each case must finish within {@link #CASE_LIMIT_MS}.
 *
 * <p>In {@code mvn verify}: {@value #DEFAULT_CASES} seeded cases per target (seed 18). The long campaign
 * (docs/fuzzing.md) raises {@code -Dqtrade.fuzz.cases} and {@code -Dqtrade.fuzz.seed}.
 */
class StoreFuzzTest {

    static final int DEFAULT_CASES = 150;
    static final long CASE_LIMIT_MS = 5_000;
    static final long SEED = Long.getLong("qtrade.fuzz.seed", 18);
    static final int CASES = Integer.getInteger("qtrade.fuzz.cases", DEFAULT_CASES);
    /** The first case index: {@code -Dqtrade.fuzz.firstCase=85 -Dqtrade.fuzz.cases=86} replays case 85 alone. */
    static final long FIRST_CASE = Long.getLong("qtrade.fuzz.firstCase", 0);
    static final FuzzReport REPORT = new FuzzReport();
    /** Wall seconds each target may run in the campaign (unbounded by default: the case count decides). */
    static final long SECONDS_PER_TARGET = Long.getLong("qtrade.fuzz.secondsPerTarget", 1L << 30);

    static final Instrument SPOT = Instrument.spot("BTCUSDT", "BINANCE", 0.01, 0.00001);
    static final Instrument PERP = Instrument.spot("BTCUSDT", "BINANCE_UM", 0.1, 0.001);
    static final Instrument AAA = Instrument.spot("AAA", "SIM", 0.01, 0.001);
    static final Instrument AAPL = Instrument.spot("AAPL", "NASDAQ", 0.01, 1);
    static final String FUTURES = "binance/futures/";
    static final String LOBSTER_MESSAGES = "AAPL_2012-06-21_34200000_57600000_message_2.csv";
    static final String LOBSTER_BOOKS = "AAPL_2012-06-21_34200000_57600000_orderbook_2.csv";
    @TempDir
    static Path work;
    static byte[] storeCsv;
    static byte[] storeParquet;
    static List<String> parquetRows;

    /** Which timestamp a reader keeps in order. */
    enum Clock { EXCH, LOCAL, NONE }

    record Target(String name, String fileName, byte[] seed, Instrument instrument, Clock clock,
                  Function<Path, Object> read, boolean compress, String companion, double priceScale) {

        Target(String name, String fileName, byte[] seed, Instrument instrument, Clock clock,
               Function<Path, Object> read, boolean compress) {
            this(name, fileName, seed, instrument, clock, read, compress, null, 1);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void makeStoreParts() throws Exception {
        Path root = work.resolve("seed-store");
        EventSource market = SyntheticMarket.builder().instrument(AAA, 100.0).events(40).seed(18).build();
        TickStore.at(root).write(market, TickFormat.CSV);
        storeCsv = Files.readAllBytes(onlyPart(root, ".csv"));
        EventSource again = SyntheticMarket.builder().instrument(AAA, 100.0).events(40).seed(18).build();
        TickStore.at(root).write(again, TickFormat.PARQUET);
        Path parquet = onlyPart(root, ".parquet");
        storeParquet = Files.readAllBytes(parquet);
        parquetRows = rowsOf(new ParquetTickReader(parquet, AAA, TickReadOptions.DEFAULT));
    }

    @AfterAll
    static void report() {
        System.out.println(REPORT);
    }

    private static Path onlyPart(Path root, String ext) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().endsWith(ext)
                    && f.getFileName().toString().startsWith("part-")).findFirst().orElseThrow();
        }
    }

    static List<String> rowsOf(EventSource source) {
        List<String> out = new ArrayList<>();
        EventBatch b = new EventBatch(64);
        try (source) {
            while (source.readBatch(b)) {
                for (int i = 0; i < b.size(); i++) {
                    out.add(b.instrument(i) + " " + b.exchTs(i) + " " + b.localTs(i) + " " + b.kind(i) + " "
                            + b.sideCode(i) + " " + Double.doubleToRawLongBits(b.price(i)) + " "
                            + Double.doubleToRawLongBits(b.qty(i)) + " " + b.orderId(i) + " " + b.flags(i));
                }
            }
        }
        return out;
    }

    static byte[] resource(String name) {
        try {
            return Files.readAllBytes(Path.of(StoreFuzzTest.class.getResource("/" + name).toURI()));
        } catch (Exception e) {
            throw new IllegalStateException(name, e);
        }
    }

    static Stream<Target> targets() {
        ImportOptions strict = ImportOptions.STRICT;
        return Stream.of(
            new Target("store-csv", "part-0.csv", null, AAA, Clock.EXCH,
                    p -> new CsvTickReader(p, AAA, TickReadOptions.DEFAULT), false),
            new Target("store-parquet", "part-0.parquet", null, AAA, Clock.EXCH,
                    p -> new ParquetTickReader(p, AAA, TickReadOptions.DEFAULT), false),
            new Target("binance-trades-ms", "BTCUSDT-trades-2024-01-01.csv",
                    resource("binance/BTCUSDT-trades-2024-01-01.csv"), SPOT, Clock.EXCH,
                    p -> BinanceCsvSource.trades(p, SPOT, strict), false),
            new Target("binance-trades-us", "BTCUSDT-trades-2025-01-01.csv",
                    resource("binance/BTCUSDT-trades-2025-01-01.csv"), SPOT, Clock.EXCH,
                    p -> BinanceCsvSource.trades(p, SPOT, strict), false),
            new Target("binance-aggtrades", "BTCUSDT-aggTrades-2024-01-01.csv",
                    resource("binance/BTCUSDT-aggTrades-2024-01-01.csv"), SPOT, Clock.EXCH,
                    p -> BinanceCsvSource.aggTrades(p, SPOT, strict), false),
            new Target("binance-um-trades", "BTCUSDT-um-trades-2024-01-01.csv",
                    resource("binance/BTCUSDT-um-trades-2024-01-01.csv"), PERP, Clock.EXCH,
                    p -> BinanceCsvSource.trades(p, PERP, strict), false),
            new Target("binance-um-aggtrades", "BTCUSDT-um-aggTrades-2024-01-01.csv",
                    resource("binance/BTCUSDT-um-aggTrades-2024-01-01.csv"), PERP, Clock.EXCH,
                    p -> BinanceCsvSource.aggTrades(p, PERP, strict), false),
            new Target("binance-um-bookticker", "BTCUSDT-um-bookTicker-2024-01-01.csv",
                    resource("binance/BTCUSDT-um-bookTicker-2024-01-01.csv"), PERP, Clock.EXCH,
                    p -> BinanceCsvSource.bookTicker(p, PERP, strict), false),
            new Target("binance-trades-gz", "BTCUSDT-trades-2024-01-01.csv.gz",
                    resource("binance/BTCUSDT-trades-2024-01-01.csv"), SPOT, Clock.EXCH,
                    p -> BinanceCsvSource.trades(p, SPOT, strict), true),
            new Target("binance-trades-zip", "BTCUSDT-trades-2024-01-01.zip",
                    resource("binance/BTCUSDT-trades-2024-01-01.csv"), SPOT, Clock.EXCH,
                    p -> BinanceCsvSource.trades(p, SPOT, strict), true),
            new Target("binance-depth-spot", "btcusdt-spot-depth.jsonl",
                    resource("binance/btcusdt-spot-depth.jsonl"), SPOT, Clock.LOCAL,
                    p -> BinanceDepthRecordingSource.open(p, SPOT, BinanceMarket.SPOT, strict), false),
            new Target("binance-depth-usdm", "btcusdt-usdm-depth.jsonl",
                    resource("binance/btcusdt-usdm-depth.jsonl"), PERP, Clock.LOCAL,
                    p -> BinanceDepthRecordingSource.open(p, PERP, BinanceMarket.USDM_FUTURES, strict), false),
            // hand-written markPriceUpdate lines in the shape of Binance's USD-M "Mark Price Stream" docs
            new Target("binance-depth-usdm-markprice", "btcusdt-usdm-markprice.jsonl",
                    resource("binance/btcusdt-usdm-markprice.jsonl"), PERP, Clock.LOCAL,
                    p -> BinanceDepthRecordingSource.open(p, PERP, BinanceMarket.USDM_FUTURES, strict,
                            new BinanceDepthRecordingSource.Settings(java.util.EnumSet.of(
                                    BinanceDepthRecordingSource.Stream.MARK_PRICE), true,
                                    io.qtrade.store.ingest.ClockSkew.KEEP, 0, null)), false),
            new Target("tardis-l2", "binance-futures_incremental_book_L2_2024-01-01_BTCUSDT.csv",
                    resource("tardis/binance-futures_incremental_book_L2_2024-01-01_BTCUSDT.csv"), PERP,
                    Clock.LOCAL, p -> TardisCsvSource.open(TardisCsvFile.INCREMENTAL_BOOK_L2, p, PERP, strict),
                    false),
            new Target("tardis-snapshot", "binance-futures_book_snapshot_25_2024-01-01_BTCUSDT.csv",
                    resource("tardis/binance-futures_book_snapshot_25_2024-01-01_BTCUSDT.csv"), PERP,
                    Clock.LOCAL, p -> TardisCsvSource.open(TardisCsvFile.BOOK_SNAPSHOT, p, PERP, strict), false),
            new Target("tardis-trades", "binance-futures_trades_2024-01-01_BTCUSDT.csv",
                    resource("tardis/binance-futures_trades_2024-01-01_BTCUSDT.csv"), PERP, Clock.LOCAL,
                    p -> TardisCsvSource.open(TardisCsvFile.TRADES, p, PERP, strict), false),
            new Target("tardis-quotes-gz", "binance-futures_quotes_2024-01-01_BTCUSDT.csv.gz",
                    resource("tardis/binance-futures_quotes_2024-01-01_BTCUSDT.csv"), PERP, Clock.LOCAL,
                    p -> TardisCsvSource.open(quotesKind(), p, PERP, strict), true),
            // Perpetual data (issue 23): Binance funding rates and mark/index/premium klines, Tardis derivative_ticker
            new Target("binance-um-fundingrate", "BTCUSDT-fundingRate-2024-01.csv",
                    resource(FUTURES + "um/monthly/fundingRate/BTCUSDT-fundingRate-2024-01.csv"), PERP, Clock.EXCH,
                    p -> BinanceDerivativeCsvSource.fundingRate(p, PERP, strict), false),
            new Target("binance-cm-fundingrate-zip", "BTCUSD_PERP-fundingRate-2024-01.zip",
                    resource(FUTURES + "cm/monthly/fundingRate/BTCUSD_PERP-fundingRate-2024-01.csv"), PERP,
                    Clock.EXCH, p -> BinanceDerivativeCsvSource.fundingRate(p, PERP, strict), true),
            new Target("binance-um-markprice", "BTCUSDT-1h-2024-01-01.csv",
                    resource(FUTURES + "um/daily/markPriceKlines/BTCUSDT-1h-2024-01-01.csv"), PERP, Clock.EXCH,
                    p -> BinanceDerivativeCsvSource.markPriceKlines(p, PERP, strict), false),
            new Target("binance-um-markprice-us", "BTCUSDT-1m-2025-01-01.csv",
                    resource(FUTURES + "um/daily/markPriceKlines/BTCUSDT-1m-2025-01-01.csv"), PERP, Clock.EXCH,
                    p -> BinanceDerivativeCsvSource.markPriceKlines(p, PERP, strict), false),
            new Target("binance-cm-indexprice-gz", "BTCUSD-1h-2024-01-01.csv.gz",
                    resource(FUTURES + "cm/daily/indexPriceKlines/BTCUSD-1h-2024-01-01.csv"), PERP, Clock.EXCH,
                    p -> BinanceDerivativeCsvSource.indexPriceKlines(p, PERP, strict), true),
            new Target("binance-um-premiumindex", "BTCUSDT-1h-2024-01-01.csv",
                    resource(FUTURES + "um/daily/premiumIndexKlines/BTCUSDT-1h-2024-01-01.csv"), null, Clock.NONE,
                    p -> BinanceDerivativeCsvSource.premiumIndexBars(p, strict), false),
            new Target("tardis-derivative-ticker", "binance-futures_derivative_ticker_2024-01-01_BTCUSDT.csv",
                    resource("tardis/binance-futures_derivative_ticker_2024-01-01_BTCUSDT.csv"), PERP, Clock.LOCAL,
                    p -> TardisCsvSource.open(TardisCsvFile.DERIVATIVE_TICKER, p, PERP, strict), false),
            // LOBSTER: the message file is mutated, the order book file is the fixture's; prices are in 1/10,000 $.
            new Target("lobster", LOBSTER_MESSAGES, resource("lobster/" + LOBSTER_MESSAGES), AAPL, Clock.EXCH,
                    p -> LobsterSource.open(p, p.resolveSibling(LOBSTER_BOOKS), AAPL, strict), false,
                    LOBSTER_BOOKS, 10_000),
            new Target("kite-candles", "INFY-minute-2017-12-15.json",
                    resource("zerodha/INFY-minute-2017-12-15.json"), null, Clock.NONE,
                    p -> KiteCandles.read(p, strict), false),
            new Target("kite-candles-oi", "NIFTY-FUT-minute-oi-2019-12-04.json",
                    resource("zerodha/NIFTY-FUT-minute-oi-2019-12-04.json"), null, Clock.NONE,
                    p -> KiteCandles.read(p, ImportOptions.LENIENT), false),
            new Target("kite-instruments", "instruments.csv", resource("zerodha/instruments.csv"), null,
                    Clock.NONE, p -> KiteInstruments.read(p, strict), false));
    }

    private static TardisCsvFile quotesKind() {
        for (TardisCsvFile f : TardisCsvFile.values()) {
            if (f.name().contains("QUOTE")) {
                return f;
            }
        }
        return TardisCsvFile.TRADES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void mutantsAreReadAsWrittenOrRefusedWhereAndWhat(Target target) throws Exception {
        byte[] seed = target.seed() != null ? target.seed()
                : target.name().equals("store-csv") ? storeCsv : storeParquet;
        Path dir = Files.createDirectories(work.resolve(target.name()));
        if (target.companion() != null) {
            Files.write(dir.resolve(target.companion()), resource("lobster/" + target.companion()));
        }
        long end = System.nanoTime() + SECONDS_PER_TARGET * 1_000_000_000L;
        for (long c = FIRST_CASE; c < CASES && REPORT.failuresOf(target.name()) < 5 && System.nanoTime() < end;
                c++) {
            Random random = new Random(SEED * 1_000_003L + c);
            byte[] mutant = Mutator.mutate(seed, random);
            byte[] onDisk = mutant;
            if (target.compress()) {
                onDisk = target.fileName().endsWith(".zip") ? zip(mutant) : gzip(mutant);
                if (random.nextInt(4) == 0) {
                    onDisk = Mutator.mutate(onDisk, random); // the compressed bytes themselves
                }
            }
            Path file = dir.resolve(target.fileName());
            Files.write(file, onDisk);
            runCase(target, file, mutant, c);
        }
        assertThat(REPORT.failures()).filteredOn(f -> f.startsWith(target.name() + " ")).isEmpty();
    }

    static void runCase(Target target, Path file, byte[] text, long caseIndex) {
        long t0 = System.nanoTime();
        String outcome;
        try {
            Object result = target.read().apply(file);
            outcome = "accepted";
            String problem = check(target, result, text);
            if (problem != null) {
                REPORT.fail(target.name(), SEED, caseIndex, problem);
            }
        } catch (ImportException e) {
            outcome = "ImportException";
            String companion = target.companion() == null ? null : file.resolveSibling(target.companion()).toString();
            requireNamed(target, caseIndex, e, (e.file().equals(file.toString()) || e.file().equals(companion))
                    && e.getMessage() != null && e.getMessage().startsWith(e.file()));
        } catch (TickDataException e) {
            outcome = "TickDataException";
            requireNamed(target, caseIndex, e, file.equals(e.file()) && e.getMessage().startsWith(file.toString()));
        } catch (UncheckedIOException e) {
            outcome = "UncheckedIOException";
            requireNamed(target, caseIndex, e, e.getMessage() != null && e.getMessage().contains(file.toString()));
        } catch (RuntimeException | Error e) {
            outcome = e.getClass().getSimpleName();
            REPORT.fail(target.name(), SEED, caseIndex, "undocumented " + e + " at " + where(e));
        }
        long nanos = System.nanoTime() - t0;
        REPORT.count(target.name(), outcome, nanos);
        if (nanos > CASE_LIMIT_MS * 1_000_000L) {
            REPORT.fail(target.name(), SEED, caseIndex, "took " + nanos / 1_000_000 + " ms");
        }
    }

    private static String where(Throwable e) {
        StackTraceElement[] st = e.getStackTrace();
        return st.length == 0 ? "?" : st[0].toString();
    }

    private static void requireNamed(Target target, long caseIndex, RuntimeException e, boolean named) {
        if (!named) {
            REPORT.fail(target.name(), SEED, caseIndex, "does not name the file: " + e);
        }
    }

    /** The invariants of an accepted result; {@code null} when they hold. */
    static String check(Target target, Object result, byte[] text) {
        if (result instanceof EventSource source) {
            return checkEvents(target, source, text);
        }
        if (result instanceof KiteCandleSeries s) {
            Set<Double> tokens = new HashSet<>(Mutator.decimals(text));
            for (int i = 0; i < s.size(); i++) {
                if (i > 0 && s.timeNanos(i) <= s.timeNanos(i - 1)) {
                    return "candle " + i + " time does not increase";
                }
                for (double v : new double[]{s.open(i), s.high(i), s.low(i), s.close(i)}) {
                    if (!(v > 0) || !Double.isFinite(v) || !tokens.contains(v)) {
                        return "candle " + i + " price " + v + " is not a positive number of the text";
                    }
                }
                if (s.volume(i) < 0 || !tokens.contains((double) s.volume(i))) {
                    return "candle " + i + " volume " + s.volume(i) + " is not a count of the text";
                }
            }
            return null;
        }
        if (result instanceof BinanceKlines.Result klines) {
            Set<Double> tokens = new HashSet<>(Mutator.decimals(text));
            BarBatch bars = klines.bars();
            for (int i = 0; i < bars.size(); i++) {
                if (i > 0 && bars.startTs(i) <= bars.startTs(i - 1)) {
                    return "bar " + i + " does not start after the previous one";
                }
                if (bars.endTs(i) <= bars.startTs(i)) {
                    return "bar " + i + " ends at or before its start";
                }
                for (double v : new double[]{bars.open(i), bars.high(i), bars.low(i), bars.close(i)}) {
                    if (!Double.isFinite(v) || !tokens.contains(v)) {
                        return "bar " + i + " value " + v + " is not a number of the text";
                    }
                }
                if (!(bars.low(i) <= Math.min(bars.open(i), bars.close(i))
                        && bars.high(i) >= Math.max(bars.open(i), bars.close(i)))) {
                    return "bar " + i + " has open or close outside [low, high]";
                }
            }
            return null;
        }
        if (result instanceof List<?> list) {
            Set<Double> tokens = new HashSet<>(Mutator.decimals(text));
            for (Object o : list) {
                KiteInstrument k = (KiteInstrument) o;
                for (double v : new double[]{k.lastPrice(), k.strike(), k.tickSize(), k.lotSize()}) {
                    if (!Double.isFinite(v) || v < 0 || (v != 0 && !tokens.contains(v))) {
                        return "instrument " + k.tradingSymbol() + " has " + v + ", not a number of the text";
                    }
                }
            }
            return null;
        }
        return "unexpected result " + result;
    }

    /**
     * LOBSTER's importer derives some L3 quantities rather than copying them: an order's remaining size after a
     * partial cancel ({@code ORDER_MODIFY}: size before minus size cancelled) and the hidden or pre-existing
     * liquidity it adds so that each level equals the order book file's ({@code ORDER_ADD}). Such a quantity is a
     * difference of numbers of the two files: a whole number of shares, no larger than the largest of them. Strict
     * import checks every book it builds against the unmutated order book file, so an accepted mutant's books are
     * the file's.
     */
    private static boolean derivedL3Qty(Target target, EventKind kind, double qty, double maxToken) {
        return target.companion() != null && (kind == EventKind.ORDER_MODIFY || kind == EventKind.ORDER_ADD)
                && qty == Math.rint(qty) && qty <= maxToken;
    }

    private static String checkEvents(Target target, EventSource source, byte[] text) {
        if (target.name().equals("store-parquet")) {
            List<String> rows = rowsOf(source);
            return rows.equals(parquetRows) ? null : "a corrupt Parquet part read " + rows.size()
                    + " rows without an error, differing from the " + parquetRows.size() + " written";
        }
        Set<Double> tokens = new HashSet<>(Mutator.decimals(text));
        if (target.companion() != null) {
            // LOBSTER's book rows (the first snapshot, each message's level) come from the order book file, which is
            // not mutated: its numbers are numbers of the input too.
            tokens.addAll(Mutator.decimals(resource("lobster/" + target.companion())));
        }
        double maxToken = 0;
        for (double t : tokens) {
            maxToken = Math.max(maxToken, t);
        }
        Set<Double> snapped = new HashSet<>();
        Instrument in = target.instrument();
        for (double t : tokens) {
            double p = t / target.priceScale();
            snapped.add(p);
            if (in.isOnTickGrid(p)) {
                snapped.add(in.toPrice(in.toTicks(p)));
            }
        }
        long[] last = new long[8];
        java.util.Arrays.fill(last, Long.MIN_VALUE);
        EventBatch b = new EventBatch(64);
        long row = 0;
        try (source) {
            while (source.readBatch(b)) {
                for (int i = 0; i < b.size(); i++, row++) {
                    EventKind kind = b.kind(i);
                    double price = b.price(i);
                    double qty = b.qty(i);
                    if (kind.hasPrice() && (!Double.isFinite(price)
                            || !(tokens.contains(price) || snapped.contains(price)))) {
                        return "row " + row + " " + kind + " price " + price + " is not a number of the text";
                    }
                    if (!(qty >= 0) || Double.isInfinite(qty) || (qty != 0 && !tokens.contains(qty)
                            && !derivedL3Qty(target, kind, qty, maxToken))) {
                        return "row " + row + " " + kind + " qty " + qty + " is not a non-negative number of the text";
                    }
                    if (kind == EventKind.FUNDING_RATE && (!(Math.abs(price) < 1)
                            || b.orderId(i) <= EpochUnit.MIN_PLAUSIBLE_NANOS
                            || b.orderId(i) >= EpochUnit.MAX_PLAUSIBLE_NANOS)) {
                        return "row " + row + " funding rate " + price + " at funding time " + b.orderId(i)
                                + " is not a fraction with a plausible funding time";
                    }
                    if ((kind == EventKind.MARK_PRICE || kind == EventKind.INDEX_PRICE) && !(price > 0)) {
                        return "row " + row + " " + kind + " " + price + " is not a positive price";
                    }
                    long ts = target.clock() == Clock.EXCH ? b.exchTs(i) : b.localTs(i);
                    int ins = b.instrument(i);
                    if (target.clock() != Clock.NONE && ts < last[ins]) {
                        return "row " + row + " time goes backwards from " + last[ins] + " to " + ts;
                    }
                    last[ins] = Math.max(last[ins], ts);
                }
            }
        }
        return null;
    }

    static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        }
        return out.toByteArray();
    }

    static byte[] zip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("BTCUSDT-trades-2024-01-01.csv"));
            z.write(b);
            z.closeEntry();
        }
        return out.toByteArray();
    }
}
