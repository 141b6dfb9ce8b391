package io.qtrade.examples;

import io.qtrade.backtest.BacktestResult;
import io.qtrade.core.market.EventKind;
import io.qtrade.store.TickStore;
import io.qtrade.store.cli.Convert;
import io.qtrade.store.cli.InputFormats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo and FeatureResearch on stores the importers make from real vendor files (resources {@code vendor/}, MIT,
 * see the README there): LOBSTER's 10-level AAPL sample (L3) and the two chained hftbacktest collector recordings of
 * Binance spot BTCUSDT (depth, trades and bookTicker; the recorder's clock 1.27 s behind Binance's).
 */
class VendorStoreDemoTest {

    @TempDir
    Path dir;

    private static String resource(String name) {
        try {
            return Path.of(VendorStoreDemoTest.class.getResource("/vendor/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void convert(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Convert(InputFormats.standard()).run(args, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    }

    @Test
    void theDemoChoosesFifoQueuesForAnL3StoreAndSaysSo() {
        Path store = dir.resolve("lobster");
        convert("--from", "lobster", "--to", store.toString(), "tick_size=0.01",
                resource("AAPL_2012-06-21_34200000_57600000_message_10.csv"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // before: "an L3 row needs FifoQueue in the instrument's settings"
        BacktestResult result = Demo.run(Demo.Options.parse(store.toString(), "out=" + dir.resolve("out")),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("queue model for AAPL@NASDAQ: FIFO (the data are L3");
        assertThat(result.events()).isEqualTo(TickStore.at(store).catalog().get(0).rows());
        // market time: the first message (09:30:00.004241176 EDT = 13:30:00.004241176Z), not the first equity mark
        assertThat(printed).contains("market time 2012-06-21T13:30:00.004241176Z .. 2012-06-21T13:30:49.");

        Table ofi = FeatureResearch.run(TickStore.at(store), FeatureResearch.Settings.DEFAULTS).ofi();
        assertThat(ofi.stringColumn("note").get(0)).contains("L3 data", "order-by-order rows");
    }

    @Test
    void theDemoAndFeatureResearchRunOnTheChainedRecordingsWithTradesAndDepthBoth() {
        Path store = dir.resolve("binance");
        convert("--from", "binance-depth", "--to", store.toString(), "market=spot", "symbol=BTCUSDT",
                "tick_size=0.01", "lot_size=0.00001", "clock_skew=remove_offset", "min_feed_latency_nanos=1000000",
                "streams=depth,trade", resource("btcusdt_20240808.gz"), resource("btcusdt_20240809.gz"));
        TickStore ticks = TickStore.at(store);
        assertThat(ticks.catalog().get(0).kinds()).contains(EventKind.DEPTH_UPDATE, EventKind.TRADE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BacktestResult result = Demo.run(Demo.Options.parse(store.toString(), "out=" + dir.resolve("out")),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("queue model for BTCUSDT@BINANCE: probabilistic");
        assertThat(result.events()).isEqualTo(ticks.catalog().get(0).rows());

        Table ofi = FeatureResearch.run(ticks, FeatureResearch.Settings.DEFAULTS).ofi();
        assertThat(ofi.intColumn("buckets").get(0)).isGreaterThan(10);
        assertThat(ofi.doubleColumn("beta_ticks_per_lot").get(0)).isFinite();
        assertThat(ofi.stringColumn("note").get(0)).isEmpty();
    }

    @Test
    void theStoreOverloadChoosesFifoForTheSamplesL3Partition() {
        // before: Demo.marketMakingBacktest(store.read(query), 7) stopped at the AAPL L3 rows of the sample (the
        // sample's venues span 2012 to 2025: one venue is read, equity marks over 13 years would not fit a test)
        TickStore sample = TickStore.at(io.qtrade.store.SampleData.root());
        io.qtrade.store.TickQuery nasdaq = io.qtrade.store.TickQuery.all().withVenue("NASDAQ");
        BacktestResult result = Demo.marketMakingBacktest(sample, nasdaq, 7).run();
        long rows = 0;
        for (var e : sample.catalog()) {
            rows += e.venue().equals("NASDAQ") ? e.rows() : 0;
        }
        assertThat(result.events()).isEqualTo(rows);
        assertThat(result.strategyIds()).contains("mm-AAPL");
    }

    @Test
    void aStoreWithTheSkewKeptIsRefusedByTheBacktestNamingThePartFile() {
        Path store = dir.resolve("skewed");
        convert("--from", "binance-depth", "--to", store.toString(), "market=spot", "symbol=BTCUSDT",
                "tick_size=0.01", "lot_size=0.00001", "streams=trade", resource("btcusdt_20240808.gz"));
        assertThatThrownBy(() -> Demo.run(Demo.Options.parse(store.toString(), "out=" + dir.resolve("out")),
                new PrintStream(new ByteArrayOutputStream())))
                .hasMessageContaining("is before exchTs")
                .hasMessageContaining("in part file " + store.resolve("venue=BINANCE").resolve("symbol=BTCUSDT")
                        .resolve("date=2024-08-08").resolve("part-0.parquet"))
                .hasMessageContaining("clock_skew=remove_offset");
    }
}
