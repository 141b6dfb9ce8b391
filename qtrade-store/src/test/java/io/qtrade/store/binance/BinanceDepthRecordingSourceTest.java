package io.qtrade.store.binance;

import io.qtrade.store.ingest.ImportException;
import io.qtrade.store.ingest.ImportOptions;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBook;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import io.qtrade.core.market.EventFlags;
import io.qtrade.core.market.EventKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.qtrade.store.ingest.ImportTestSupport.readAll;
import static io.qtrade.store.ingest.ImportTestSupport.resource;
import static io.qtrade.store.ingest.ImportTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fixtures follow Binance's "How to manage a local order book correctly"; each line's fate is worked out by hand
 * in the comments (L = snapshot lastUpdateId).
 */
class BinanceDepthRecordingSourceTest {

    private static final Instrument SPOT = Instrument.spot("BTCUSDT", "BINANCE", 0.01, 0.00001);
    private static final Instrument PERP = Instrument.spot("BTCUSDT", "BINANCE_UM", 0.1, 0.001);
    private static final long MS = 1_000_000L;
    private static final long T0 = 1_700_000_000_000L * MS;

    @TempDir
    Path dir;

    @Test
    void spotRecordingFollowsTheDocumentedRulesThroughAGapAndResync() {
        BinanceDepthRecordingSource source = BinanceDepthRecordingSource.open(
                resource("binance/btcusdt-spot-depth.jsonl"), SPOT, BinanceMarket.SPOT, ImportOptions.STRICT);
        EventBatch rows = readAll(source, 3);
        // line 1 U=100 u=105: buffered, then dropped by L=110 (u <= L).
        // line 2 U=106 u=112: buffered, first valid diff for L=110 (U <= 111 <= u).
        // line 3 snapshot L=110 -> 6 snapshot rows, then line 2's bid 100.01=3 stamped at the snapshot's localTs.
        assertThat(rows.kind(0)).isEqualTo(EventKind.SNAPSHOT_BEGIN);
        assertThat(rows.flags(0)).isEqualTo(EventFlags.SNAPSHOT);
        assertThat(rows.kind(5)).isEqualTo(EventKind.SNAPSHOT_END);
        assertThat(rows.flags(5)).isEqualTo(EventFlags.SNAPSHOT | EventFlags.END_OF_MESSAGE);
        assertThat(rows.localTs(5)).isEqualTo(T0 + 150 * MS);
        // Spot snapshot: no venue time; the estimate localTs - 0 = 150 ms is later than the first diff it precedes
        // (line 2, E = 100 ms), so it is stamped min(150, 100) = 100 ms and exchTs never goes back.
        assertThat(rows.exchTs(5)).isEqualTo(T0 + 100 * MS);
        assertThat(rows.price(6)).isEqualTo(100.01);
        assertThat(rows.qty(6)).isEqualTo(3.0);
        assertThat(rows.exchTs(6)).isEqualTo(T0 + 100 * MS);
        assertThat(rows.localTs(6)).isEqualTo(T0 + 150 * MS);
        assertThat(rows.flags(6)).isEqualTo(EventFlags.END_OF_MESSAGE);
        // line 4 U=113 u=115: in chain -> 2 rows; line 5 U=114 u=115: stale (u <= 115), ignored;
        // line 6 U=116 u=118 -> 1 row; line 7 U=121: gap (expected U <= 119) -> BOOK_CLEAR.
        assertThat(rows.kind(10)).isEqualTo(EventKind.BOOK_CLEAR);
        assertThat(rows.sideCode(10)).isEqualTo(Side.NO_SIDE_CODE);
        assertThat(rows.flags(10)).isEqualTo(EventFlags.END_OF_MESSAGE);
        // line 8 U=126 u=127: buffered. line 9 snapshot L=119: older than U=121 -> discarded.
        // line 10 snapshot L=125: line 7 dropped (u=125 <= L), line 8 first valid (126 <= 126 <= 127):
        // 6 snapshot rows + 1 diff row, all AFTER_RESYNC.
        for (int i = 11; i <= 17; i++) {
            assertThat(EventFlags.has(rows.flags(i), EventFlags.AFTER_RESYNC)).as("row %d", i).isTrue();
        }
        assertThat(rows.kind(17)).isEqualTo(EventKind.DEPTH_UPDATE);
        assertThat(rows.price(17)).isEqualTo(100.04);
        assertThat(rows.qty(17)).isZero();
        // line 11 U=128 u=130: in chain, 2 rows without flags but the last's END_OF_MESSAGE.
        assertThat(rows.size()).isEqualTo(20);
        assertThat(rows.flags(18)).isEqualTo(EventFlags.NONE);
        assertThat(rows.flags(19)).isEqualTo(EventFlags.END_OF_MESSAGE);

        BinanceDepthSynchronizer sync = source.synchronizer();
        assertThat(sync.gaps()).isEqualTo(1);
        assertThat(sync.resyncs()).isEqualTo(1);
        assertThat(sync.droppedBeforeSync()).isEqualTo(2); // lines 1 and 7
        assertThat(sync.staleSnapshots()).isEqualTo(1);    // line 9
        assertThat(sync.staleDiffs()).isEqualTo(1);        // line 5
        assertThat(sync.lastUpdateId()).isEqualTo(130);
        assertThat(sync.state()).isEqualTo(BinanceDepthSynchronizer.State.LIVE);

        // Book after line 6 (rows 0..9): bids 100.01=3, 99.99=4; asks 100.02=1.5, 100.03=0.5, 100.04=6.
        OrderBook book = replay(rows, 0, 10, SPOT);
        assertLevels(book, Side.BUY, new double[]{100.01, 99.99}, new double[]{3, 4});
        assertLevels(book, Side.SELL, new double[]{100.02, 100.03, 100.04}, new double[]{1.5, 0.5, 6});
        // After the gap row the book is empty.
        assertThat(replay(rows, 0, 11, SPOT).levelCount(Side.BUY)).isZero();
        // Final: snapshot L=125 bids 100.01=7, 99.98=2 / asks 100.02=1.5, 100.04=6; line 8 removes 100.04;
        // line 11 sets 99.98=2.5 and adds 100.05=3.
        OrderBook last = replay(rows, 0, rows.size(), SPOT);
        assertLevels(last, Side.BUY, new double[]{100.01, 99.98}, new double[]{7, 2.5});
        assertLevels(last, Side.SELL, new double[]{100.02, 100.05}, new double[]{1.5, 3});
    }

    @Test
    void usdmRecordingFollowsThePuChainThroughAGapAndResync() {
        BinanceDepthRecordingSource source = BinanceDepthRecordingSource.open(
                resource("binance/btcusdt-usdm-depth.jsonl"), PERP, BinanceMarket.USDM_FUTURES,
                ImportOptions.STRICT);
        EventBatch rows = readAll(source, 5);
        // line 1 u=205 < L=206: dropped. line 2 U=206 <= 206 <= u=210: first. line 3 snapshot: 5 rows + line 2's 2.
        assertThat(rows.kind(0)).isEqualTo(EventKind.SNAPSHOT_BEGIN);
        assertThat(rows.exchTs(0)).isEqualTo(T0 + 147 * MS); // the snapshot's T
        assertThat(rows.exchTs(5)).isEqualTo(T0 + 101 * MS); // line 2's T
        // line 4 pu=210: in chain, 1 row. line 5 pu=218 != 215: gap -> BOOK_CLEAR (row 8).
        assertThat(rows.kind(8)).isEqualTo(EventKind.BOOK_CLEAR);
        // line 6 snapshot L=221: line 5 (U=220 <= 221 <= 222) is first: 6 snapshot rows + 1, AFTER_RESYNC.
        assertThat(rows.kind(9)).isEqualTo(EventKind.SNAPSHOT_BEGIN);
        assertThat(rows.flags(15)).isEqualTo(EventFlags.AFTER_RESYNC | EventFlags.END_OF_MESSAGE);
        // line 7 pu=222: 2 rows.
        assertThat(rows.size()).isEqualTo(18);
        BinanceDepthSynchronizer sync = source.synchronizer();
        assertThat(sync.gaps()).isEqualTo(1);
        assertThat(sync.resyncs()).isEqualTo(1);
        assertThat(sync.droppedBeforeSync()).isEqualTo(1);
        assertThat(sync.lastUpdateId()).isEqualTo(224);
        // Before the gap: bids 42000.1=2, 42000.0=3, 41999.9=1; asks 42000.3=1 (42000.2 removed by line 4).
        OrderBook before = replay(rows, 0, 8, PERP);
        assertLevels(before, Side.BUY, new double[]{42000.1, 42000.0, 41999.9}, new double[]{2, 3, 1});
        assertLevels(before, Side.SELL, new double[]{42000.3}, new double[]{1});
        // Final: bids 42000.1=5, 42000.0=3; asks 42000.3=0.5, 42000.4=2.
        OrderBook last = replay(rows, 0, rows.size(), PERP);
        assertLevels(last, Side.BUY, new double[]{42000.1, 42000.0}, new double[]{5, 3});
        assertLevels(last, Side.SELL, new double[]{42000.3, 42000.4}, new double[]{0.5, 2});
    }

    @Test
    void badLinesNameTheLineAndField() {
        String diff = "{\"localTs\":5,\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BTCUSDT\",\"U\":1,\"u\":2,"
                + "\"b\":[[\"100.00\",\"%s\"]],\"a\":[]}}";
        expectBad(String.format(diff, "-1"), "b[0][1]", "negative quantity -1");
        expectBad(String.format(diff, "NaN"), "b[0][1]", "not a finite decimal number: NaN");
        expectBad(String.format(diff, "x1"), "b[0][1]", "not a finite decimal number: x1");
        // item 9: a frame of another kind is named, not refused as "field b: expected an array"
        expectBad(String.format(diff, "1").replace("depthUpdate", "24hrTicker"), "e", "a 24hrTicker frame:"
                + " expected a depthUpdate, trade, aggTrade, bookTicker or markPriceUpdate payload");
        expectBad(String.format(diff, "1").replace("BTCUSDT", "ETHUSDT"), "s", "symbol 'ETHUSDT'");
        expectBad(String.format(diff, "1").replace("\"localTs\":5,", ""), "localTs", "missing");
        expectBad("{\"localTs\":5,\"data\":{\"e\":\"depthUpdate\"", null, "malformed JSON");
    }

    @Test
    void tradeAndBookTickerLinesAreReadAsTheirStreamsOrPassedOverByADepthOnlySource() {
        Path file = write(dir, "mixed.jsonl",
                "{\"localTs\":5000000,\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":3,"
                        + "\"s\":\"BTCUSDT\",\"t\":9,\"p\":\"100.01\",\"q\":\"0.5\",\"T\":2,\"m\":true}}",
                "{\"localTs\":6000000,\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":7,\"s\":\"BTCUSDT\","
                        + "\"b\":\"100.00\",\"B\":\"1\",\"a\":\"100.02\",\"A\":\"2\"}}",
                // a trade payload as Binance sent it before 2023, with buyer and seller order ids b and a
                "{\"localTs\":7000000,\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":5,"
                        + "\"s\":\"BTCUSDT\",\"t\":10,\"p\":\"100.02\",\"q\":\"1\",\"b\":88,\"a\":50,\"T\":4,"
                        + "\"m\":false,\"M\":true}}");
        // before: "field b: expected an array of [price, qty] pairs" on the bookTicker line
        BinanceDepthRecordingSource depth = BinanceDepthRecordingSource.open(file, SPOT, BinanceMarket.SPOT,
                ImportOptions.STRICT);
        assertThat(readAll(depth, 4).size()).isZero();
        assertThat(depth.otherStreamLines()).isEqualTo(3);
        BinanceDepthRecordingSource all = BinanceDepthRecordingSource.open(file, SPOT, BinanceMarket.SPOT,
                ImportOptions.STRICT, new BinanceDepthRecordingSource.Settings(java.util.EnumSet.allOf(
                        BinanceDepthRecordingSource.Stream.class), true, io.qtrade.store.ingest.ClockSkew.KEEP, 0,
                        null));
        var rows = readAll(all, 8);
        assertThat(rows.size()).isEqualTo(4);
        assertThat(rows.sideCode(3)).isEqualTo(Side.BUY.code());
        assertThat(rows.exchTs(3)).isEqualTo(4_000_000);
        // trade: exchTs = T = 2 ms; m = true: the buyer is the maker, the seller aggressed
        assertThat(rows.kind(0)).isEqualTo(io.qtrade.core.market.EventKind.TRADE);
        assertThat(rows.exchTs(0)).isEqualTo(2_000_000);
        assertThat(rows.sideCode(0)).isEqualTo(Side.SELL.code());
        assertThat(rows.price(0)).isEqualTo(100.01);
        // spot bookTicker: no venue time, so the latest seen (the trade's E = 3 ms); bid then ask
        assertThat(rows.kind(1)).isEqualTo(io.qtrade.core.market.EventKind.BBO);
        assertThat(rows.exchTs(1)).isEqualTo(3_000_000);
        assertThat(rows.sideCode(1)).isEqualTo(Side.BUY.code());
        assertThat(rows.qty(2)).isEqualTo(2);
        assertThat(rows.price(2)).isEqualTo(100.02);
    }

    private void expectBad(String line, String field, String problem) {
        Path file = write(dir, "bad.jsonl", "{\"localTs\":1,\"snapshot\":{\"lastUpdateId\":1,\"bids\":[],\"asks\":[]}}",
                line);
        assertThatThrownBy(() -> readAll(BinanceDepthRecordingSource.open(file, SPOT, BinanceMarket.SPOT,
                ImportOptions.STRICT), 4)).isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.problem()).contains(problem);
                });
    }

    @Test
    void localTimeGoingBackBeyondTheToleranceIsBadInputAndLenientModeSkipsIt() {
        Path file = write(dir, "t.jsonl",
                "{\"localTs\":100,\"snapshot\":{\"lastUpdateId\":1,\"bids\":[[\"100.00\",\"1\"]],\"asks\":[]}}",
                "{\"localTs\":90,\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BTCUSDT\",\"U\":2,\"u\":2,"
                        + "\"b\":[[\"100.00\",\"2\"]],\"a\":[]}}",
                "{\"localTs\":110,\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BTCUSDT\",\"U\":2,\"u\":3,"
                        + "\"b\":[[\"100.00\",\"3\"]],\"a\":[]}}");
        assertThatThrownBy(() -> readAll(BinanceDepthRecordingSource.open(file, SPOT, BinanceMarket.SPOT,
                ImportOptions.STRICT), 4)).isInstanceOfSatisfying(ImportException.class,
                e -> assertThat(e.problem()).contains("time goes backwards"));
        BinanceDepthRecordingSource lenient = BinanceDepthRecordingSource.open(file, SPOT, BinanceMarket.SPOT,
                ImportOptions.LENIENT);
        EventBatch rows = readAll(lenient, 4);
        assertThat(lenient.skipped()).isEqualTo(1);
        // Snapshot (3 rows) then line 3 (U=2 <= L+1=2 <= u=3) as the first diff: bid 100.00 = 3.
        assertThat(rows.size()).isEqualTo(4);
        assertThat(rows.qty(3)).isEqualTo(3.0);
        // With a 10 ns tolerance the same file is accepted whole: line 2 becomes the first diff.
        EventBatch tolerant = readAll(BinanceDepthRecordingSource.open(file, SPOT, BinanceMarket.SPOT,
                ImportOptions.STRICT.withBackwardsToleranceNanos(10)), 4);
        assertThat(tolerant.size()).isEqualTo(5);
    }

    static OrderBook replay(EventBatch rows, int from, int to, Instrument instrument) {
        OrderBook book = new OrderBook(instrument);
        EventBatch slice = new EventBatch(Math.max(1, to - from));
        for (int i = from; i < to; i++) {
            slice.addFrom(rows, i, 0);
        }
        EventCursor cursor = new EventCursor().reset(slice);
        while (cursor.next()) {
            book.apply(cursor);
        }
        return book;
    }

    static void assertLevels(OrderBook book, Side side, double[] prices, double[] qtys) {
        long[] ticks = new long[16];
        double[] q = new double[16];
        int n = book.depth(side, ticks, q, 16);
        assertThat(n).as("%s levels", side).isEqualTo(prices.length);
        for (int i = 0; i < n; i++) {
            assertThat(book.instrument().toPrice(ticks[i])).as("%s level %d price", side, i).isEqualTo(prices[i]);
            assertThat(q[i]).as("%s level %d qty", side, i).isEqualTo(qtys[i]);
        }
    }

    /**
     * A recorded {@code markPriceUpdate} line (hftbacktest's collector format, the payload of Binance's USD-M "Mark
     * Price Stream" docs: E 1562305380000, p 11794.15000000, i 11784.62659091, r 0.00038167, T 1562306400000, received
     * 4 ms later) and a delivery contract's (r "", T 0), read as the live client writes them: MARK_PRICE (p), INDEX_PRICE
     * (i) and, with a funding time, FUNDING_RATE (price r, orderId T in ns), at exchTs = E, the last row flagged
     * END_OF_MESSAGE; mark and index kept off the 0.1 tick grid as published. A depth-only source passes them over.
     */
    @Test
    void markPriceLinesAreReadAsMarkIndexAndFundingRows() {
        long e = 1_562_305_380_000L;
        String docs = "{\"stream\":\"btcusdt@markPrice@1s\",\"data\":{\"e\":\"markPriceUpdate\",\"E\":" + e
                + ",\"s\":\"BTCUSDT\",\"p\":\"11794.15000000\",\"i\":\"11784.62659091\",\"P\":\"11784.25641265\","
                + "\"r\":\"0.00038167\",\"T\":1562306400000}}";
        String delivery = "{\"localTs\":" + ((e + 1_004) * MS) + ",\"stream\":\"btcusdt@markPrice\",\"data\":{\"e\":"
                + "\"markPriceUpdate\",\"E\":" + (e + 1_000) + ",\"s\":\"BTCUSDT\",\"p\":\"11795.1\",\"i\":\"11790\","
                + "\"P\":\"11790\",\"r\":\"\",\"T\":0}}";
        Path file = write(dir, "mark.txt", ((e + 4) * MS) + " " + docs, delivery);
        BinanceDepthRecordingSource marks = BinanceDepthRecordingSource.open(file, PERP, BinanceMarket.USDM_FUTURES,
                ImportOptions.STRICT, new BinanceDepthRecordingSource.Settings(
                        java.util.EnumSet.of(BinanceDepthRecordingSource.Stream.MARK_PRICE), true,
                        io.qtrade.store.ingest.ClockSkew.KEEP, 0, null));
        EventBatch rows = readAll(marks, 2);
        assertThat(rows.size()).isEqualTo(5);
        assertThat(marks.markUpdates()).isEqualTo(2);
        EventKind[] kinds = {EventKind.MARK_PRICE, EventKind.INDEX_PRICE, EventKind.FUNDING_RATE,
                EventKind.MARK_PRICE, EventKind.INDEX_PRICE};
        double[] prices = {11794.15, 11784.62659091, 0.00038167, 11795.1, 11790};
        int[] flags = {EventFlags.NONE, EventFlags.NONE, EventFlags.END_OF_MESSAGE, EventFlags.NONE,
                EventFlags.END_OF_MESSAGE};
        for (int r = 0; r < 5; r++) {
            assertThat(rows.kind(r)).isEqualTo(kinds[r]);
            assertThat(rows.price(r)).isEqualTo(prices[r]);
            assertThat(rows.flags(r)).isEqualTo(flags[r]);
            assertThat(rows.qty(r)).isZero();
            assertThat(rows.exchTs(r)).isEqualTo((r < 3 ? e : e + 1_000) * MS);
            assertThat(rows.localTs(r)).isEqualTo((r < 3 ? e + 4 : e + 1_004) * MS);
        }
        assertThat(rows.orderId(2)).isEqualTo(1_562_306_400_000L * MS);

        // the same file as a chain (BinanceRecordings, one pass per stream), mark price only
        BinanceRecordings chain = BinanceRecordings.open(java.util.List.of(file), PERP, BinanceMarket.USDM_FUTURES,
                ImportOptions.STRICT, io.qtrade.store.ingest.ClockSkew.KEEP,
                java.util.EnumSet.of(BinanceDepthRecordingSource.Stream.MARK_PRICE));
        EventBatch chained = readAll(chain, 3);
        assertThat(chained.contentEquals(rows)).as("%s", chained).isTrue();
        assertThat(chain.diagnostics()).contains("markPrice updates: 2");

        BinanceDepthRecordingSource depthOnly = BinanceDepthRecordingSource.open(file, PERP,
                BinanceMarket.USDM_FUTURES, ImportOptions.STRICT);
        assertThat(readAll(depthOnly, 2).size()).isZero();
        assertThat(depthOnly.otherStreamLines()).isEqualTo(2);

        // a spot recording cannot hold one; a funding rate without a funding time is refused, naming the field
        BinanceDepthRecordingSource spot = BinanceDepthRecordingSource.open(file, Instrument.spot("BTCUSDT",
                "BINANCE", 0.01, 0.00001), BinanceMarket.SPOT, ImportOptions.STRICT,
                new BinanceDepthRecordingSource.Settings(java.util.EnumSet.of(
                        BinanceDepthRecordingSource.Stream.MARK_PRICE), true, io.qtrade.store.ingest.ClockSkew.KEEP,
                        0, null));
        assertThatThrownBy(() -> readAll(spot, 2)).isInstanceOf(ImportException.class)
                .hasMessageContaining("field e").hasMessageContaining("markPriceUpdate is a USD-M futures stream");
        Path bad = write(dir, "bad.txt", ((e + 4) * MS) + " " + docs.replace("\"T\":1562306400000", "\"T\":0"));
        BinanceDepthRecordingSource badSource = BinanceDepthRecordingSource.open(bad, PERP,
                BinanceMarket.USDM_FUTURES, ImportOptions.STRICT, new BinanceDepthRecordingSource.Settings(
                        java.util.EnumSet.of(BinanceDepthRecordingSource.Stream.MARK_PRICE), true,
                        io.qtrade.store.ingest.ClockSkew.KEEP, 0, null));
        assertThatThrownBy(() -> readAll(badSource, 2)).isInstanceOf(ImportException.class)
                .hasMessageContaining("field T").hasMessageContaining("a funding rate needs a next funding time");
    }
}
