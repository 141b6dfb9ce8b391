package io.qtrade.store.tardis;

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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.qtrade.store.ingest.ImportTestSupport.readAll;
import static io.qtrade.store.ingest.ImportTestSupport.resource;
import static io.qtrade.store.ingest.ImportTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TardisCsvSourceTest {

    private static final Instrument BTC = Instrument.spot("BTCUSDT", "BINANCE_UM", 0.1, 0.001);
    private static final long US = 1_000L;

    @TempDir
    Path dir;

    @Test
    void incrementalBookOpensAndClosesSnapshotsAndMarksMessageEnds() {
        EventBatch rows = readAll(TardisCsvSource.open(TardisCsvFile.INCREMENTAL_BOOK_L2,
                resource("tardis/binance-futures_incremental_book_L2_2024-01-01_BTCUSDT.csv"), BTC,
                ImportOptions.STRICT), 3);
        // 0 SNAPSHOT_BEGIN, 1-4 snapshot levels, 5 SNAPSHOT_END, 6-7 one message (same timestamps), 8 one message,
        // 9 SNAPSHOT_BEGIN (is_snapshot false -> true resets the book), 10-11 levels, 12 SNAPSHOT_END, 13 the last row.
        assertThat(rows.size()).isEqualTo(14);
        assertThat(rows.kind(0)).isEqualTo(EventKind.SNAPSHOT_BEGIN);
        assertThat(rows.flags(1)).isEqualTo(EventFlags.SNAPSHOT);
        assertThat(rows.exchTs(1)).isEqualTo(1_704_067_200_000_000L * US);
        assertThat(rows.localTs(1)).isEqualTo(1_704_067_200_001_000L * US);
        assertThat(rows.kind(5)).isEqualTo(EventKind.SNAPSHOT_END);
        assertThat(rows.flags(5)).isEqualTo(EventFlags.SNAPSHOT | EventFlags.END_OF_MESSAGE);
        assertThat(rows.flags(6)).isEqualTo(EventFlags.NONE);
        assertThat(rows.flags(7)).isEqualTo(EventFlags.END_OF_MESSAGE);
        assertThat(rows.qty(7)).isZero();
        assertThat(rows.flags(8)).isEqualTo(EventFlags.END_OF_MESSAGE);
        assertThat(rows.kind(9)).isEqualTo(EventKind.SNAPSHOT_BEGIN);
        assertThat(rows.kind(12)).isEqualTo(EventKind.SNAPSHOT_END);
        assertThat(rows.flags(13)).isEqualTo(EventFlags.END_OF_MESSAGE);
        // After row 8: bids 42000.1 x 2.5, 42000.0 x 4; asks 42000.3 x 2, 42000.4 x 1.
        OrderBook mid = replay(rows, 9);
        assertThat(mid.qtyAt(Side.BUY, BTC.toTicks(42000.1))).isEqualTo(2.5);
        assertThat(mid.qtyAt(Side.BUY, BTC.toTicks(42000.0))).isEqualTo(4);
        assertThat(mid.bestAsk()).isEqualTo(42000.3);
        assertThat(mid.levelCount(Side.SELL)).isEqualTo(2);
        // Final: the second snapshot replaced everything: bids 42000.0 x 5, 41999.9 x 1; ask 42000.3 x 2.5.
        OrderBook last = replay(rows, rows.size());
        assertThat(last.levelCount(Side.BUY)).isEqualTo(2);
        assertThat(last.bestBid()).isEqualTo(42000.0);
        assertThat(last.bestBidQty()).isEqualTo(5);
        assertThat(last.qtyAt(Side.BUY, BTC.toTicks(41999.9))).isEqualTo(1);
        assertThat(last.levelCount(Side.SELL)).isEqualTo(1);
        assertThat(last.bestAskQty()).isEqualTo(2.5);
    }

    /**
     * Tardis's incremental_book_L2 documentation: a snapshot comes at the start of the day and again whenever its
     * recorder reconnected in mid-day; the book must be reset at each. Two reconnects in a row give two snapshot
     * blocks with no update between them: the second replaces the first (before, the two were read as one snapshot
     * and the first's levels lingered).
     */
    @Test
    void midDaySnapshotBlocksEachResetTheBookEvenBackToBack() {
        String h = "exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount";
        Path file = write(dir, "binance-futures_incremental_book_L2_2024-01-02_BTCUSDT.csv", h,
                "binance-futures,BTCUSDT,1704153600000000,1704153600001000,true,bid,42000.0,1",
                "binance-futures,BTCUSDT,1704153600000000,1704153600001000,true,ask,42000.5,1",
                "binance-futures,BTCUSDT,1704153600100000,1704153600101000,false,bid,42000.1,2",
                // reconnect at 12:00: a snapshot ...
                "binance-futures,BTCUSDT,1704196800000000,1704196800001000,true,bid,41000.0,3",
                "binance-futures,BTCUSDT,1704196800000000,1704196800001000,true,bid,40999.9,3",
                "binance-futures,BTCUSDT,1704196800000000,1704196800001000,true,ask,41000.5,3",
                // ... and another reconnect right away: a new snapshot, one level a side
                "binance-futures,BTCUSDT,1704196805000000,1704196805001000,true,bid,41001.0,4",
                "binance-futures,BTCUSDT,1704196805000000,1704196805001000,true,ask,41001.5,4",
                "binance-futures,BTCUSDT,1704196805100000,1704196805101000,false,ask,41001.6,5");
        EventBatch rows = readAll(TardisCsvSource.open(TardisCsvFile.INCREMENTAL_BOOK_L2, file, BTC,
                ImportOptions.STRICT), 4);
        int begins = 0;
        OrderBook book = new OrderBook(BTC);
        EventCursor c = new EventCursor().reset(rows);
        while (c.next()) {
            book.apply(c);
            begins += c.kind() == EventKind.SNAPSHOT_BEGIN ? 1 : 0;
        }
        assertThat(begins).isEqualTo(3);
        assertThat(book.levelCount(Side.BUY)).isEqualTo(1);
        assertThat(book.bestBid()).isEqualTo(41001.0);
        assertThat(book.qtyAt(Side.BUY, BTC.toTicks(41000.0))).isZero();
        assertThat(book.levelCount(Side.SELL)).isEqualTo(2);
    }

    @Test
    void snapshotsBecomeIncrementalUpdatesWhoseReplayEqualsEachSnapshot() throws IOException {
        Path file = resource("tardis/binance-futures_book_snapshot_25_2024-01-01_BTCUSDT.csv");
        EventBatch rows = readAll(TardisCsvSource.open(TardisCsvFile.BOOK_SNAPSHOT, file, BTC,
                ImportOptions.STRICT), 7);
        // snapshot 1: 1 + 50 + 1 rows; 2: best ask lifted (remove 42000.2, 42002.7 enters as 25th), best bid qty 2.5
        // -> 3 rows; 3: unchanged -> none; 4: new best bid 42000.2 pushes 41997.7 out -> 2 rows.
        assertThat(rows.size()).isEqualTo(52 + 3 + 0 + 2);
        assertThat(rows.price(52)).isEqualTo(42000.2);
        assertThat(rows.qty(52)).isZero();
        assertThat(rows.sideCode(52)).isEqualTo(Side.SELL.code());
        assertThat(rows.flags(54)).isEqualTo(EventFlags.END_OF_MESSAGE);
        assertThat(rows.price(55)).isEqualTo(41997.7);
        assertThat(rows.qty(55)).isZero();
        assertThat(rows.price(56)).isEqualTo(42000.2);
        assertThat(rows.sideCode(56)).isEqualTo(Side.BUY.code());

        List<String> lines = Files.readAllLines(file);
        OrderBook book = new OrderBook(BTC);
        EventCursor cursor = new EventCursor().reset(rows);
        int snapshot = 1;
        while (cursor.next()) {
            book.apply(cursor);
            if (EventFlags.has(cursor.flags(), EventFlags.END_OF_MESSAGE)) {
                while (snapshot < lines.size() && cursor.localTs() > localTs(lines.get(snapshot))) {
                    snapshot++; // an unchanged snapshot gave no rows
                }
                assertBookEquals(book, lines.get(snapshot));
                snapshot++;
            }
        }
        assertBookEquals(book, lines.get(lines.size() - 1));
    }

    private static long localTs(String line) {
        return Long.parseLong(line.split(",", -1)[3]) * US;
    }

    /** The book's 25 levels a side equal the row's, read here with a plain split. */
    private static void assertBookEquals(OrderBook book, String line) {
        String[] f = line.split(",", -1);
        long[] ticks = new long[64];
        double[] qtys = new double[64];
        for (int s = 0; s < 2; s++) {
            Side side = s == 0 ? Side.SELL : Side.BUY;
            int n = book.depth(side, ticks, qtys, 64);
            int expected = 0;
            for (int i = 0; i < 25; i++) {
                String price = f[4 + 4 * i + 2 * s];
                if (price.isEmpty()) {
                    continue;
                }
                assertThat(ticks[expected]).as("%s level %d of %s", side, i, f[3])
                        .isEqualTo(BTC.toTicks(Double.parseDouble(price)));
                assertThat(qtys[expected]).isEqualTo(Double.parseDouble(f[5 + 4 * i + 2 * s]));
                expected++;
            }
            assertThat(n).isEqualTo(expected);
        }
    }

    @Test
    void tradesCarryTheTakerSideOrNone() {
        EventBatch rows = readAll(TardisCsvSource.open(TardisCsvFile.TRADES,
                resource("tardis/binance-futures_trades_2024-01-01_BTCUSDT.csv"), BTC, ImportOptions.STRICT), 2);
        assertThat(rows.size()).isEqualTo(3);
        assertThat(rows.sideCode(0)).isEqualTo(Side.SELL.code());
        assertThat(rows.price(0)).isEqualTo(42010.5);
        assertThat(rows.qty(0)).isEqualTo(0.003);
        assertThat(rows.exchTs(0)).isEqualTo(1_704_067_200_010_000L * US);
        assertThat(rows.localTs(0)).isEqualTo(1_704_067_200_011_200L * US);
        assertThat(rows.sideCode(1)).isEqualTo(Side.BUY.code());
        assertThat(rows.sideCode(2)).isEqualTo(Side.NO_SIDE_CODE);
    }

    @Test
    void quotesGiveBidAndAskRowsAndAnEmptySideClearsIt() {
        EventBatch rows = readAll(TardisCsvSource.open(TardisCsvFile.QUOTES,
                resource("tardis/binance-futures_quotes_2024-01-01_BTCUSDT.csv"), BTC, ImportOptions.STRICT), 4);
        assertThat(rows.size()).isEqualTo(6);
        assertThat(rows.kind(0)).isEqualTo(EventKind.BBO);
        assertThat(rows.price(0)).isEqualTo(42000.1);
        assertThat(rows.qty(0)).isEqualTo(3);
        assertThat(rows.price(1)).isEqualTo(42000.2);
        assertThat(rows.flags(1)).isEqualTo(EventFlags.END_OF_MESSAGE);
        assertThat(rows.kind(3)).isEqualTo(EventKind.BOOK_CLEAR);
        assertThat(rows.sideCode(3)).isEqualTo(Side.SELL.code());
        OrderBook book = replay(rows, 4);
        assertThat(book.bestBid()).isEqualTo(42000.1);
        assertThat(book.bestBidQty()).isEqualTo(2.5);
        assertThat(book.levelCount(Side.SELL)).isZero();
        OrderBook last = replay(rows, 6);
        assertThat(last.bestBid()).isEqualTo(42000.2);
        assertThat(last.bestAsk()).isEqualTo(42000.3);
        assertThat(last.bestAskQty()).isEqualTo(0.7);
    }

    @Test
    void badRowsNameLineAndColumn() {
        String header = "exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount";
        String good = "binance-futures,BTCUSDT,1704067200100000,1704067200101500,false,bid,42000.1,2.5";
        expectBad(header, good, "binance-futures,BTCUSDT,1704067200100000,1704067200101500,false,mid,42000.1,1",
                "side", "unknown book side 'mid'");
        expectBad(header, good, "binance-futures,BTCUSDT,1704067200100000,1704067200101500,false,bid,42000.1,-1",
                "amount", "negative quantity -1");
        expectBad(header, good, "binance-futures,BTCUSDT,1704067200100000,1704067200101500,false,bid,42000.1,NaN",
                "amount", "not a finite decimal number: 'NaN'");
        expectBad(header, good, "binance-futures,BTCUSDT,1704067200100000,1704067200101500,false,bid,abc,1",
                "price", "not a finite decimal number: 'abc'");
        expectBad(header, good, "binance-futures,ETHUSDT,1704067200100000,1704067200101500,false,bid,42000.1,1",
                "symbol", "symbol 'ETHUSDT' is not among the instruments BTCUSDT");
        expectBad(header, good, "binance-futures,BTCUSDT,1704067200100000,1704067200101400,false,bid,42000.1,1",
                "local_timestamp", "time goes backwards");
        expectBad(header, good, "binance-futures,BTCUSDT,1704067200100000", null, "malformed line: 3 fields");
        expectBad(header, good, "binance-futures,BTCUSDT,1704067200100000,1704067200101500,yes,bid,42000.1,1",
                "is_snapshot", "not a boolean");
    }

    private void expectBad(String header, String good, String bad, String field, String problem) {
        Path file = write(dir, "bad.csv", header, good, bad);
        assertThatThrownBy(() -> readAll(TardisCsvSource.open(TardisCsvFile.INCREMENTAL_BOOK_L2, file, BTC,
                ImportOptions.STRICT), 4)).as(bad).isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.problem()).contains(problem);
                });
        TardisCsvSource lenient = TardisCsvSource.open(TardisCsvFile.INCREMENTAL_BOOK_L2, file, BTC,
                ImportOptions.LENIENT);
        EventBatch rows = readAll(lenient, 4);
        assertThat(lenient.skipped()).isEqualTo(1);
        assertThat(rows.size()).isEqualTo(1);
    }

    @Test
    void aHeaderWithoutARequiredColumnIsRefused() {
        Path file = write(dir, "h.csv", "exchange,symbol,timestamp,local_timestamp,side,price,amount");
        assertThatThrownBy(() -> readAll(TardisCsvSource.open(TardisCsvFile.INCREMENTAL_BOOK_L2, file, BTC,
                ImportOptions.STRICT), 4)).isInstanceOf(ImportException.class)
                .hasMessageContaining("header lacks the column is_snapshot");
    }

    private static OrderBook replay(EventBatch rows, int to) {
        OrderBook book = new OrderBook(BTC);
        EventBatch slice = new EventBatch(Math.max(1, to));
        for (int i = 0; i < to; i++) {
            slice.addFrom(rows, i, 0);
        }
        EventCursor cursor = new EventCursor().reset(slice);
        while (cursor.next()) {
            book.apply(cursor);
        }
        return book;
    }
}
