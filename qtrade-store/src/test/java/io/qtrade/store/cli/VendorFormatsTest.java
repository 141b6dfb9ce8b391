package io.qtrade.store.cli;

import io.qtrade.core.market.EventKind;
import io.qtrade.store.binance.BinanceCsvSource;
import io.qtrade.store.binance.BinanceDepthRecordingSource;
import io.qtrade.store.binance.BinanceMarket;
import io.qtrade.store.ingest.ImportOptions;
import io.qtrade.store.lobster.LobsterSource;
import io.qtrade.store.TickQuery;
import io.qtrade.store.TickStore;
import io.qtrade.store.tardis.TardisCsvFile;
import io.qtrade.store.tardis.TardisCsvSource;
import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each vendor format converted through {@link Convert#run} from its fixture into a temporary store, read back through
 * {@link TickStore}, and compared row for row ({@link EventBatch#contentEquals}: every field of every row) with the
 * importer read directly.
 */
class VendorFormatsTest {

    static final Instrument BTC_SPOT = Instrument.spot("BTCUSDT", "BINANCE", 0.01, 0.00001);
    static final Instrument BTC_USDM = Instrument.spot("BTCUSDT", "BINANCE_USDM", 0.1, 0.001);
    static final Instrument AAPL = Instrument.spot("AAPL", "NASDAQ", 0.01, 1);
    static final String LOBSTER_MESSAGE = "lobster/AAPL_2012-06-21_34200000_57600000_message_2.csv";
    static final String LOBSTER_BOOK = "lobster/AAPL_2012-06-21_34200000_57600000_orderbook_2.csv";

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    static Path fixture(String name) {
        try {
            return Path.of(VendorFormatsTest.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    int convert(String... args) {
        return new Convert(InputFormats.standard()).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    static EventBatch drain(EventSource... sources) {
        EventBatch all = new EventBatch(10_000);
        EventBatch b = new EventBatch(7);
        for (EventSource s : sources) {
            try (s) {
                while (s.readBatch(b)) {
                    for (int i = 0; i < b.size(); i++) {
                        all.addFrom(b, i, 0);
                    }
                }
            }
        }
        return all;
    }

    /** Converts into {@code dir/store} and returns the store's rows of its only instrument, checking the instrument. */
    EventBatch convertAndReadBack(Instrument expected, String... args) {
        Path store = dir.resolve("store");
        List<String> all = new ArrayList<>(List.of("--to", store.toString()));
        all.addAll(List.of(args));
        int status = convert(all.toArray(new String[0]));
        assertThat(status).as(err()).isZero();
        TickStore ticks = TickStore.at(store);
        assertThat(ticks.instruments()).containsExactly(expected);
        return drain(ticks.read(TickQuery.all()));
    }

    static String path(String fixture) {
        return fixture(fixture).toString();
    }

    @Test
    void binanceTradesOfTwoDaysAreChainedInTimeOrderWhateverTheCommandLineOrder() {
        // 2025-01-01 (microseconds) given first; the chain puts 2024-01-01 (milliseconds) first.
        EventBatch back = convertAndReadBack(BTC_SPOT, "--from", "binance-trades", "tick_size=0.01",
                "lot_size=0.00001", path("binance/BTCUSDT-trades-2025-01-01.csv"),
                path("binance/BTCUSDT-trades-2024-01-01.csv"));
        EventBatch direct = drain(
                BinanceCsvSource.trades(fixture("binance/BTCUSDT-trades-2024-01-01.csv"), BTC_SPOT,
                        ImportOptions.STRICT),
                BinanceCsvSource.trades(fixture("binance/BTCUSDT-trades-2025-01-01.csv"), BTC_SPOT,
                        ImportOptions.STRICT));
        assertThat(direct.size()).isEqualTo(5);   // 3 + 2 lines, one TRADE each
        assertThat(back.contentEquals(direct)).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("venue=BINANCE symbol=BTCUSDT 2024-01-01..2025-01-01");
    }

    @Test
    void binanceZipAndTardisGzipFilesAreReadAsShipped() throws Exception {
        Path zipped = dir.resolve("BTCUSDT-trades-2024-01-01.zip");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(zipped))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("BTCUSDT-trades-2024-01-01.csv"));
            zip.write(Files.readAllBytes(fixture("binance/BTCUSDT-trades-2024-01-01.csv")));
            zip.closeEntry();
        }
        EventBatch back = convertAndReadBack(BTC_SPOT, "--from", "binance-trades", "tick_size=0.01",
                "lot_size=0.00001", zipped.toString());
        EventBatch direct = drain(BinanceCsvSource.trades(fixture("binance/BTCUSDT-trades-2024-01-01.csv"),
                BTC_SPOT, ImportOptions.STRICT));
        assertThat(direct.size()).isEqualTo(3);
        assertThat(back.contentEquals(direct)).isTrue();

        String name = "binance-futures_trades_2024-01-01_BTCUSDT.csv";
        Path gz = dir.resolve(name + ".gz");
        try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(fixture("tardis/" + name)));
        }
        dir = dir.resolve("tardis");
        EventBatch tardis = convertAndReadBack(BTC_USDM, "--from", "tardis-trades", "tick_size=0.1",
                "lot_size=0.001", gz.toString());
        EventBatch tardisDirect = drain(TardisCsvSource.open(TardisCsvFile.TRADES, fixture("tardis/" + name),
                BTC_USDM, ImportOptions.STRICT));
        assertThat(tardisDirect.size()).isPositive();
        assertThat(tardis.contentEquals(tardisDirect)).isTrue();
    }

    @Test
    void binanceUsdmAggTradesLandInTheUsdmVenueWithTheAssumedFeedLatency() {
        ImportOptions fiveMs = ImportOptions.STRICT.withAssumedFeedLatencyNanos(5_000_000);
        EventBatch back = convertAndReadBack(BTC_USDM, "--from", "binance-aggtrades", "market=usdm",
                "tick_size=0.1", "lot_size=0.001", "feed_latency_nanos=5000000",
                path("binance/BTCUSDT-um-aggTrades-2024-01-01.csv"));
        EventBatch direct = drain(BinanceCsvSource.aggTrades(fixture("binance/BTCUSDT-um-aggTrades-2024-01-01.csv"),
                BTC_USDM, fiveMs));
        assertThat(back.contentEquals(direct)).isTrue();
        assertThat(back.size()).isEqualTo(2);
        // transact_time 1704067200010 ms; localTs = exchTs + 5 ms.
        assertThat(back.exchTs(0)).isEqualTo(1_704_067_200_010_000_000L);
        assertThat(back.localTs(0) - back.exchTs(0)).isEqualTo(5_000_000L);
    }

    @Test
    void binanceSpotAggTradesAndUsdmBookTickerMatchTheImporters() {
        EventBatch agg = convertAndReadBack(BTC_SPOT, "--from", "binance-aggtrades", "tick_size=0.01",
                "lot_size=0.00001", path("binance/BTCUSDT-aggTrades-2024-01-01.csv"));
        assertThat(agg.contentEquals(drain(BinanceCsvSource.aggTrades(
                fixture("binance/BTCUSDT-aggTrades-2024-01-01.csv"), BTC_SPOT, ImportOptions.STRICT)))).isTrue();
        dir = dir.resolve("second");
        EventBatch bbo = convertAndReadBack(BTC_USDM, "--from", "binance-bookticker", "market=usdm",
                "tick_size=0.1", "lot_size=0.001", path("binance/BTCUSDT-um-bookTicker-2024-01-01.csv"));
        assertThat(bbo.size()).isEqualTo(4);   // 2 lines, a bid and an ask BBO row each
        assertThat(bbo.contentEquals(drain(BinanceCsvSource.bookTicker(
                fixture("binance/BTCUSDT-um-bookTicker-2024-01-01.csv"), BTC_USDM, ImportOptions.STRICT)))).isTrue();
    }

    /**
     * Binance futures funding rates and mark/index price klines converted into one store beside the USD-M trades of
     * the same contract: each format stored row for row as its importer reads it, the kinds listed in the catalog,
     * and the day's rows read back merged in time order.
     */
    @Test
    void binanceFundingMarkAndIndexFilesAreStoredRowForRowAndMergeWithTrades() {
        String funding = "binance/futures/um/monthly/fundingRate/BTCUSDT-fundingRate-2024-01.csv";
        String mark = "binance/futures/um/daily/markPriceKlines/BTCUSDT-1h-2024-01-01.csv";
        String index = "binance/futures/cm/daily/indexPriceKlines/BTCUSD-1h-2024-01-01.csv";
        Path store = dir.resolve("perp");
        assertThat(convert("--from", "binance-fundingrate", "--to", store.toString(), "tick_size=0.1",
                "lot_size=0.001", path(funding))).as(err()).isZero();
        assertThat(convert("--from", "binance-markprice", "--to", store.toString(), "tick_size=0.1",
                "lot_size=0.001", path(mark))).as(err()).isZero();
        // the index of the pair BTCUSDT filed under the contract; USD-M names pair and contract alike
        assertThat(convert("--from", "binance-indexprice", "--to", store.toString(), "symbol=BTCUSDT",
                "tick_size=0.1", "lot_size=0.001", path(index))).as(err()).isZero();
        assertThat(convert("--from", "binance-trades", "--to", store.toString(), "market=usdm", "tick_size=0.1",
                "lot_size=0.001", path("binance/BTCUSDT-um-trades-2024-01-01.csv"))).as(err()).isZero();
        TickStore ticks = TickStore.at(store);
        assertThat(ticks.catalog()).hasSize(1);
        assertThat(ticks.catalog().get(0).venue()).isEqualTo("BINANCE_USDM");
        assertThat(ticks.catalog().get(0).kinds()).containsExactly(EventKind.TRADE, EventKind.MARK_PRICE,
                EventKind.INDEX_PRICE, EventKind.FUNDING_RATE);
        EventBatch all = drain(ticks.read(TickQuery.all()));
        EventBatch direct = drain(
                io.qtrade.store.binance.BinanceDerivativeCsvSource.fundingRate(fixture(funding), BTC_USDM,
                        ImportOptions.STRICT),
                io.qtrade.store.binance.BinanceDerivativeCsvSource.markPriceKlines(fixture(mark), BTC_USDM,
                        ImportOptions.STRICT),
                io.qtrade.store.binance.BinanceDerivativeCsvSource.indexPriceKlines(fixture(index), BTC_USDM,
                        ImportOptions.STRICT),
                BinanceCsvSource.trades(fixture("binance/BTCUSDT-um-trades-2024-01-01.csv"), BTC_USDM,
                        ImportOptions.STRICT));
        assertThat(all.size()).isEqualTo(direct.size()).isEqualTo(6 + 3 + 2 + 2);
        int[] perKind = new int[16];
        for (int i = 0; i < all.size(); i++) {
            perKind[all.kind(i).code()]++;
            if (i > 0) {
                assertThat(all.exchTs(i)).isGreaterThanOrEqualTo(all.exchTs(i - 1));
            }
        }
        assertThat(perKind[EventKind.FUNDING_RATE.code()]).isEqualTo(6);
        assertThat(perKind[EventKind.MARK_PRICE.code()]).isEqualTo(3);
        assertThat(perKind[EventKind.INDEX_PRICE.code()]).isEqualTo(2);
        assertThat(perKind[EventKind.TRADE.code()]).isEqualTo(2);
        // row for row, per kind, as the importers give them
        EventBatch fundingBack = drain(ticks.read(TickQuery.all()));
        int f = 0;
        for (int i = 0; i < fundingBack.size(); i++) {
            if (fundingBack.kind(i) == EventKind.FUNDING_RATE) {
                assertThat(fundingBack.exchTs(i)).isEqualTo(direct.exchTs(f));
                assertThat(fundingBack.price(i)).isEqualTo(direct.price(f));
                assertThat(fundingBack.orderId(i)).isEqualTo(direct.orderId(f));
                f++;
            }
        }
        assertThat(f).isEqualTo(6);
    }

    @Test
    void tardisDerivativeTickerIsStoredRowForRowUnderTheExchangesVenue() {
        String fixture = "tardis/binance-futures_derivative_ticker_2024-01-01_BTCUSDT.csv";
        EventBatch back = convertAndReadBack(BTC_USDM, "--from", "tardis-derivative-ticker", "tick_size=0.1",
                "lot_size=0.001", path(fixture));
        EventBatch direct = drain(TardisCsvSource.open(TardisCsvFile.DERIVATIVE_TICKER, fixture(fixture), BTC_USDM,
                ImportOptions.STRICT));
        assertThat(direct.size()).isEqualTo(10); // TardisDerivativeTickerTest's count
        assertThat(back.contentEquals(direct)).isTrue();
        assertThat(convert("--from", "tardis-trades", "--to", dir.resolve("x").toString(), "tick_size=0.1",
                "lot_size=0.001", path(fixture))).isEqualTo(2);
        assertThat(err()).contains("is a Tardis derivative_ticker file by its name")
                .contains("--from tardis-derivative-ticker");
    }

    @Test
    void aFundingFileGivenToTheKlineFormatIsRefusedByName() {
        assertThat(convert("--from", "binance-markprice", "--to", dir.toString(), "tick_size=0.1", "lot_size=0.001",
                path("binance/futures/um/monthly/fundingRate/BTCUSDT-fundingRate-2024-01.csv"))).isEqualTo(2);
        assertThat(err()).contains("is a Binance fundingRate file by its name").contains("binance-fundingrate");
        assertThat(convert("--from", "binance-fundingrate", "--to", dir.toString(), "market=quarterly",
                "tick_size=0.1", "lot_size=0.001",
                path("binance/futures/um/monthly/fundingRate/BTCUSDT-fundingRate-2024-01.csv"))).isEqualTo(2);
        assertThat(err()).contains("option market=quarterly: expected usdm or coinm");
    }

    @Test
    void binanceSpotDepthRecordingIsStoredRowForRowThroughTheGapAndResync() {
        EventBatch back = convertAndReadBack(BTC_SPOT, "--from", "binance-depth", "market=spot", "symbol=BTCUSDT",
                "tick_size=0.01", "lot_size=0.00001", path("binance/btcusdt-spot-depth.jsonl"));
        EventBatch direct = drain(BinanceDepthRecordingSource.open(fixture("binance/btcusdt-spot-depth.jsonl"),
                BTC_SPOT, BinanceMarket.SPOT, ImportOptions.STRICT));
        assertThat(direct.size()).isEqualTo(20);   // BinanceDepthRecordingSourceTest's count
        assertThat(back.contentEquals(direct)).isTrue();
        // The synchroniser's counters as BinanceDepthRecordingSourceTest pins them.
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("depth: gaps=1, resyncs=1, droppedBeforeSync=2",
                "staleSnapshots=1, staleDiffs=1, bufferOverflows=0, unappliedAtEnd=0, rowsDropped=0, final state LIVE");
    }

    @Test
    void everyTardisKindMatchesTheImporterWithTheVenueFromTheExchangeId() {
        String[][] cases = {
                {"tardis-incremental", "tardis/binance-futures_incremental_book_L2_2024-01-01_BTCUSDT.csv"},
                {"tardis-trades", "tardis/binance-futures_trades_2024-01-01_BTCUSDT.csv"},
                {"tardis-snapshot", "tardis/binance-futures_book_snapshot_25_2024-01-01_BTCUSDT.csv"},
                {"tardis-quotes", "tardis/binance-futures_quotes_2024-01-01_BTCUSDT.csv"}};
        TardisCsvFile[] kinds = {TardisCsvFile.INCREMENTAL_BOOK_L2, TardisCsvFile.TRADES,
                TardisCsvFile.BOOK_SNAPSHOT, TardisCsvFile.QUOTES};
        Path root = dir;
        for (int k = 0; k < cases.length; k++) {
            dir = root.resolve(cases[k][0]);
            // symbol BTCUSDT and venue binance-futures -> BINANCE_USDM come from the file name
            EventBatch back = convertAndReadBack(BTC_USDM, "--from", cases[k][0], "tick_size=0.1",
                    "lot_size=0.001", path(cases[k][1]));
            EventBatch direct = drain(TardisCsvSource.open(kinds[k], fixture(cases[k][1]), BTC_USDM,
                    ImportOptions.STRICT));
            assertThat(direct.size()).as(cases[k][0]).isPositive();
            assertThat(back.contentEquals(direct)).as(cases[k][0]).isTrue();
        }
    }

    @Test
    void lobsterPairIsFoundFromTheMessageFileAndStoredAsL3Rows() {
        EventBatch back = convertAndReadBack(AAPL, "--from", "lobster", "tick_size=0.01", path(LOBSTER_MESSAGE));
        EventBatch direct = drain(LobsterSource.open(fixture(LOBSTER_MESSAGE), fixture(LOBSTER_BOOK), AAPL,
                ImportOptions.STRICT));
        assertThat(direct.size()).isEqualTo(17);
        assertThat(back.contentEquals(direct)).isTrue();
        // 14 messages, of which three type 7: halt, quoting resumes, trading resumes.
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("message_2.csv: messages=14, halts=1,"
                + " quoteResumes=1, tradeResumes=1, orderbook rows matched=14 of 14, bookMismatches=0");
    }

    @Test
    void lobsterAcceptsBothFilesOfThePairAsInputs() {
        EventBatch back = convertAndReadBack(AAPL, "--from", "lobster", "tick_size=0.01", path(LOBSTER_BOOK),
                path(LOBSTER_MESSAGE));
        assertThat(back.size()).isEqualTo(17);
    }

    @Test
    void aKiteInstrumentsDumpGivesTickAndLotSizeAndVenue() throws Exception {
        Path dump = dir.resolve("instruments.csv");
        Files.writeString(dump, Files.readString(fixture("zerodha/instruments.csv"))
                + "1,2,AAPL,\"APPLE INC\",0,,,0.01,1,EQ,NASDAQ,NASDAQ\n");
        EventBatch back = convertAndReadBack(AAPL, "--from", "lobster", "instruments=" + dump,
                path(LOBSTER_MESSAGE));
        assertThat(back.size()).isEqualTo(17);
    }

    @Test
    void aKiteSymbolListedOnTwoExchangesNeedsTheVenue() throws Exception {
        Path dump = dir.resolve("instruments.csv");
        Files.writeString(dump, Files.readString(fixture("zerodha/instruments.csv"))
                + "1,2,AAPL,\"APPLE INC\",0,,,0.01,1,EQ,NASDAQ,NASDAQ\n"
                + "3,4,AAPL,\"APPLE INC\",0,,,0.05,1,EQ,BSE,BSE\n");
        assertThat(convert("--from", "lobster", "--to", dir.resolve("s").toString(), "instruments=" + dump,
                path(LOBSTER_MESSAGE))).isEqualTo(2);
        assertThat(err()).contains("tradingsymbol AAPL is listed 2 times, on [BSE, NASDAQ]: choose one with venue=");
        EventBatch back = convertAndReadBack(AAPL, "--from", "lobster", "instruments=" + dump, "venue=NASDAQ",
                path(LOBSTER_MESSAGE));
        assertThat(back.size()).isEqualTo(17);
    }

    @Test
    void optionsMapOntoImportOptions() {
        FormatOptions o = new FormatOptions(Map.of("lenient", "true", "max_backwards_nanos", "1_000_000",
                "feed_latency_nanos", "250000", "staging_rows", "128"));
        assertThat(VendorFormats.importOptions(o)).isEqualTo(new ImportOptions(true, 1_000_000, 250_000, 128));
        assertThat(o.unused()).isEmpty();
        assertThat(VendorFormats.importOptions(new FormatOptions(Map.of()))).isEqualTo(ImportOptions.STRICT);
    }

    @Test
    void lenientConversionReportsTheSkippedLines() throws Exception {
        Path bad = dir.resolve("BTCUSDT-trades-2024-01-01.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(fixture("binance/BTCUSDT-trades-2024-01-01.csv")));
        lines.add(1, "3000000009,42000.10,-0.5,1,1704067200001,True,True");   // negative quantity
        lines.add(2, "3000000010,42000.10,-2,1,1704067200001,True,True");     // the same reason again
        lines.add(3, "3000000011,42000.10,0.5,1,1704067200001,Maybe,True");   // another reason
        Files.write(bad, lines);
        String[] args = {"--from", "binance-trades", "--to", dir.resolve("s").toString(), "tick_size=0.01",
                "lot_size=0.00001", bad.toString()};
        assertThat(convert(args)).isEqualTo(1);   // strict: the conversion fails, naming file and line
        assertThat(err()).contains(bad + ":2, field qty: negative quantity -0.5");
        String[] lenient = java.util.Arrays.copyOf(args, args.length + 1);
        lenient[args.length] = "lenient=true";
        assertThat(convert(lenient)).isZero();
        // item 9: the summary is printed by reason, not only logged (mvn -q hides the WARN lines)
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("wrote 3 events")
                .contains("skipped 3 bad input lines (lenient=true; each also logged at WARN), by reason:")
                .contains("       2  field qty: negative quantity #")
                .contains("       1  field is_buyer_maker:");
    }

    // ------------------------------------------------------------------ bad options

    void assertUsageError(String expected, String... args) {
        List<String> all = new ArrayList<>(List.of("--to", dir.resolve("bad").toString()));
        all.addAll(List.of(args));
        assertThat(convert(all.toArray(new String[0]))).as(err()).isEqualTo(2);
        assertThat(err()).contains(expected);
        assertThat(dir.resolve("bad")).doesNotExist();
    }

    @Test
    void aMissingTickSizeIsNamed() {
        assertUsageError("option tick_size is required for binance-trades: the price increment of BTCUSDT",
                "--from", "binance-trades", "lot_size=0.00001", path("binance/BTCUSDT-trades-2024-01-01.csv"));
    }

    @Test
    void aMissingLotSizeIsNamed() {
        assertUsageError("option lot_size is required for tardis-trades", "--from", "tardis-trades",
                "tick_size=0.1", path("tardis/binance-futures_trades_2024-01-01_BTCUSDT.csv"));
    }

    @Test
    void aTardisFileNamedOtherwiseAsksForTheVenueWithATardisExampleAndHelpSaysGzipWorks() throws Exception {
        Path renamed = dir.resolve("btc-trades.csv");
        Files.copy(fixture("tardis/binance-futures_trades_2024-01-01_BTCUSDT.csv"), renamed);
        // before: "(e.g. venue=NSE)", a venue of another vendor
        assertUsageError("venue=BINANCE_USDM for binance-futures", "--from", "tardis-trades", "symbol=BTCUSDT",
                "tick_size=0.1", "lot_size=0.001", renamed.toString());
        assertThat(convert("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("plain or .csv.gz as Tardis ships them")
                .doesNotContain("CSVs, unzipped");
    }

    @Test
    void aNonPositiveTickSizeIsNamedWithItsValue() {
        assertUsageError("option tick_size=-0.01: expected a finite positive number", "--from", "lobster",
                "tick_size=-0.01", path(LOBSTER_MESSAGE));
    }

    @Test
    void anUnknownMarketIsNamed() {
        assertUsageError("option market=coinm: expected spot or usdm", "--from", "binance-depth", "market=coinm",
                "symbol=BTCUSDT", "tick_size=0.01", "lot_size=0.00001", path("binance/btcusdt-spot-depth.jsonl"));
    }

    @Test
    void theDepthFormatNeedsTheMarketAndTheSymbol() {
        assertUsageError("option market is required: spot or usdm", "--from", "binance-depth", "symbol=BTCUSDT",
                "tick_size=0.01", "lot_size=0.00001", path("binance/btcusdt-spot-depth.jsonl"));
        assertUsageError("option symbol is required for binance-depth", "--from", "binance-depth", "market=spot",
                "tick_size=0.01", "lot_size=0.00001", path("binance/btcusdt-spot-depth.jsonl"));
    }

    @Test
    void aFileOfAnotherKindIsRefusedByItsName() {
        assertUsageError("is a Binance aggTrades file by its name, not trades: use --from binance-aggtrades",
                "--from", "binance-trades", "tick_size=0.01", "lot_size=0.00001",
                path("binance/BTCUSDT-aggTrades-2024-01-01.csv"));
        assertUsageError("is a Tardis trades file by its name, not quotes: use --from tardis-trades",
                "--from", "tardis-quotes", "tick_size=0.1", "lot_size=0.001",
                path("tardis/binance-futures_trades_2024-01-01_BTCUSDT.csv"));
        assertUsageError("is not named as LOBSTER names its files", "--from", "lobster", "tick_size=0.01",
                path("binance/BTCUSDT-trades-2024-01-01.csv"));
    }

    @Test
    void aSymbolDisagreeingWithTheFileNameIsRefused() {
        assertUsageError("option symbol=ETHUSDT disagrees with the input file names, which name BTCUSDT",
                "--from", "binance-trades", "symbol=ETHUSDT", "tick_size=0.01", "lot_size=0.00001",
                path("binance/BTCUSDT-trades-2024-01-01.csv"));
    }

    @Test
    void overlappingFilesAreRefusedNamingBoth() throws Exception {
        Path copy = dir.resolve("copy").resolve("BTCUSDT-trades-2024-01-01.csv");
        Files.createDirectories(copy.getParent());
        Files.copy(fixture("binance/BTCUSDT-trades-2024-01-01.csv"), copy);
        String original = path("binance/BTCUSDT-trades-2024-01-01.csv");
        assertThat(convert("--from", "binance-trades", "--to", dir.resolve("s").toString(), "tick_size=0.01",
                "lot_size=0.00001", original, copy.toString())).isEqualTo(2);
        // Both start at 1704067200000 ms; the original (first on the command line) ends at ...005 ms.
        assertThat(err()).contains("input " + copy + " starts at 2024-01-01T00:00:00Z", "before " + original
                + " ends at 2024-01-01T00:00:00.005Z", "the files overlap in time");
        // The failed write left no part behind.
        try (var files = Files.walk(dir.resolve("s"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".parquet"))).isEmpty();
        }
    }

    @Test
    void anOverlapFoundAfterADayWasCommittedRemovesEveryPartOfTheCall() throws Exception {
        // Spot trades, ms: day1 on 2024-01-01; day2 from 2024-01-02T23:59:59.999 to 2024-01-03T00:00:00.100;
        // late starts inside day2 (2024-01-03T00:00:00.050). Chained day1, day2, late: when late's first row is
        // read, the parts of 2024-01-01 and 2024-01-02 are already committed.
        Path day1 = dir.resolve("BTCUSDT-trades-2024-01-01.csv");
        Path day2 = dir.resolve("BTCUSDT-trades-2024-01-02.csv");
        Path late = dir.resolve("BTCUSDT-trades-2024-01-03.csv");
        Files.writeString(day1, "1,42000.00,0.1,4200,1704067200000,true,true\n");
        Files.writeString(day2, "2,42000.00,0.1,4200,1704239999999,true,true\n"
                + "3,42000.00,0.1,4200,1704240000100,true,true\n");
        Files.writeString(late, "4,42000.00,0.1,4200,1704240000050,true,true\n");
        Path store = dir.resolve("s");
        assertThat(convert("--from", "binance-trades", "--to", store.toString(), "tick_size=0.01",
                "lot_size=0.00001", late.toString(), day2.toString(), day1.toString())).isEqualTo(2);
        assertThat(err()).contains("input " + late + " starts at 2024-01-03T00:00:00.050Z", "before " + day2
                + " ends at 2024-01-03T00:00:00.100Z");
        try (var files = Files.walk(store)) {
            assertThat(files.filter(f -> f.toString().endsWith(".parquet"))).isEmpty();
        }
        // Without the overlapping file the same call writes the three dates.
        assertThat(convert("--from", "binance-trades", "--to", store.toString(), "tick_size=0.01",
                "lot_size=0.00001", day2.toString(), day1.toString())).isZero();
        assertThat(TickStore.at(store).catalog().get(0).dates()).isEqualTo(3);
    }

    @Test
    void depthAndTradesOfOneDaySitSideBySideAndReadBackMergedInTimeOrder() {
        Path store = dir.resolve("s");
        String incremental = path("tardis/binance-futures_incremental_book_L2_2024-01-01_BTCUSDT.csv");
        String trades = path("tardis/binance-futures_trades_2024-01-01_BTCUSDT.csv");
        assertThat(convert("--from", "tardis-incremental", "--to", store.toString(), "tick_size=0.1",
                "lot_size=0.001", incremental)).isZero();
        // The book rows span 00:00:00.000..00:00:00.400; the trades start at 00:00:00.010: before the merge this
        // second call was refused.
        assertThat(convert("--from", "tardis-trades", "--to", store.toString(), "tick_size=0.1", "lot_size=0.001",
                trades)).as(err()).isZero();
        TickStore s = TickStore.at(store);
        assertThat(s.catalog().get(0).parquetParts()).isEqualTo(2);
        assertThat(s.partitions()).singleElement().satisfies(p -> assertThat(p.kinds())
                .contains(EventKind.DEPTH_UPDATE, EventKind.TRADE));
        long rows = s.catalog().get(0).rows();
        EventBatch back = new EventBatch((int) rows + 1);
        try (EventSource src = s.read(TickQuery.all())) {
            EventBatch b = new EventBatch(7);
            while (src.readBatch(b)) {
                back.addRange(b, 0, b.size());
            }
        }
        assertThat(back.size()).isEqualTo(rows);
        int trade = 0;
        for (int i = 0; i < back.size(); i++) {
            if (i > 0) {
                assertThat(back.exchTs(i)).isGreaterThanOrEqualTo(back.exchTs(i - 1));
            }
            trade += back.kind(i) == EventKind.TRADE ? 1 : 0;
        }
        assertThat(trade).isPositive();
        // The same trades file again would be the same data twice: refused and undone.
        assertThat(convert("--from", "tardis-trades", "--to", store.toString(), "tick_size=0.1", "lot_size=0.001",
                trades)).isEqualTo(2);
        assertThat(err()).contains("both hold [TRADE] rows over the same time", "parts of this call were removed");
        assertThat(TickStore.at(store).catalog().get(0).parquetParts()).isEqualTo(2);
    }

    @Test
    void twoStoresHoldingTheSameInstrumentMergeIntoOne() {
        Path depth = dir.resolve("depth");
        Path trades = dir.resolve("trades");
        Path both = dir.resolve("both");
        assertThat(convert("--from", "tardis-incremental", "--to", depth.toString(), "tick_size=0.1",
                "lot_size=0.001", path("tardis/binance-futures_incremental_book_L2_2024-01-01_BTCUSDT.csv")))
                .isZero();
        assertThat(convert("--from", "tardis-trades", "--to", trades.toString(), "tick_size=0.1", "lot_size=0.001",
                path("tardis/binance-futures_trades_2024-01-01_BTCUSDT.csv"))).isZero();
        // before: "instruments 0 and 1 ... are both BTCUSDT@BINANCE_USDM: one partition directory cannot hold two"
        assertThat(convert("--from", "parquet", "--to", both.toString(), depth.toString(), trades.toString()))
                .as(err()).isZero();
        long rows = TickStore.at(depth).catalog().get(0).rows() + TickStore.at(trades).catalog().get(0).rows();
        assertThat(TickStore.at(both).catalog()).singleElement().satisfies(e -> {
            assertThat(e.rows()).isEqualTo(rows);
            assertThat(e.parquetParts()).isEqualTo(1);
            assertThat(e.kinds()).contains(EventKind.DEPTH_UPDATE, EventKind.TRADE);
        });
    }

    @Test
    void appendingALaterStretchOfTheSameDayIsAccepted() throws Exception {
        Path morning = dir.resolve("a").resolve("BTCUSDT-trades-2024-01-01.csv");
        Path evening = dir.resolve("b").resolve("BTCUSDT-trades-2024-01-01.csv");
        Files.createDirectories(morning.getParent());
        Files.createDirectories(evening.getParent());
        Files.writeString(morning, "1,42000.00,0.1,4200,1704067200000,true,true\n");
        Files.writeString(evening, "2,42000.00,0.1,4200,1704067200000,true,true\n"
                + "3,42000.00,0.1,4200,1704150000000,true,true\n");
        Path store = dir.resolve("s");
        for (Path f : List.of(morning, evening)) {
            assertThat(convert("--from", "binance-trades", "--to", store.toString(), "tick_size=0.01",
                    "lot_size=0.00001", f.toString())).as(err()).isZero();
        }
        // Equal timestamps at the boundary keep time order: 2 parts, 3 rows, read back in order.
        assertThat(TickStore.at(store).catalog().get(0).parquetParts()).isEqualTo(2);
        EventBatch back = drain(TickStore.at(store).read(TickQuery.all()));
        assertThat(back.size()).isEqualTo(3);
        assertThat(back.exchTs(2)).isEqualTo(1_704_150_000_000_000_000L);
    }

    @Test
    void helpListsEveryImporterAndSaysHowToReadKiteCandles() {
        assertThat(convert("--help")).isZero();
        String help = out.toString(StandardCharsets.UTF_8);
        for (String name : List.of("binance-trades", "binance-aggtrades", "binance-bookticker", "binance-fundingrate",
                "binance-markprice", "binance-indexprice", "binance-depth",
                "tardis-incremental", "tardis-trades", "tardis-snapshot", "tardis-quotes", "tardis-derivative-ticker",
                "lobster")) {
            assertThat(help).contains("  " + name + ": ");
        }
        assertThat(help).contains("candles are bars, not ticks, and are not converted")
                .contains("KiteCandles.read").contains("instruments=PATH");
    }
}
