package io.qtrade.store.lobster;

import io.qtrade.store.ingest.ImportException;
import io.qtrade.store.ingest.ImportOptions;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.MboBook;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fixture is a hand-written 2-level AAPL day (2012-06-21, EDT = UTC-4) with every event type; the book before
 * message 1 is bids 585.30 x 300, 585.20 x 100 / asks 585.50 x 200, 585.60 x 100 (row 1 minus message 1's add).
 */
class LobsterSourceTest {

    private static final Instrument AAPL = Instrument.spot("AAPL", "NASDAQ", 0.01, 1);
    private static final String MESSAGES = "AAPL_2012-06-21_34200000_57600000_message_2.csv";
    private static final String BOOKS = "AAPL_2012-06-21_34200000_57600000_orderbook_2.csv";
    /** 2012-06-21T00:00 America/New_York = 04:00Z = 1340251200 s. */
    private static final long MIDNIGHT = 1_340_251_200L * 1_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void everyEventTypeMapsToItsDocumentedRowAndTheBookMatchesEveryOrderbookRow() {
        LobsterSource source = LobsterSource.open(resource("lobster/" + MESSAGES), resource("lobster/" + BOOKS), AAPL,
                ImportOptions.STRICT.withAssumedFeedLatencyNanos(1_000));
        EventBatch rows = readAll(source, 3);
        // Starting book: SNAPSHOT_BEGIN, 4 synthetic adds, SNAPSHOT_END.
        assertThat(rows.kind(0)).isEqualTo(EventKind.SNAPSHOT_BEGIN);
        assertThat(rows.kind(5)).isEqualTo(EventKind.SNAPSHOT_END);
        assertThat(rows.flags(5)).isEqualTo(EventFlags.SNAPSHOT | EventFlags.END_OF_MESSAGE);
        double synthetic = 0;
        for (int i = 1; i <= 4; i++) {
            assertThat(rows.kind(i)).isEqualTo(EventKind.ORDER_ADD);
            assertThat(rows.orderId(i)).isLessThanOrEqualTo(LobsterSource.SYNTHETIC_ORDER_ID_BASE);
            synthetic += rows.qty(i);
        }
        assertThat(synthetic).isEqualTo(300 + 100 + 200 + 100);
        int r = 6;
        // 1: 34200.001 add bid 1001 100 @ 585.30
        assertThat(rows.kind(r)).isEqualTo(EventKind.ORDER_ADD);
        assertThat(rows.exchTs(r)).isEqualTo(MIDNIGHT + 34_200_001_000_000L);
        assertThat(rows.localTs(r)).isEqualTo(MIDNIGHT + 34_200_001_000_000L + 1_000);
        assertThat(rows.orderId(r)).isEqualTo(1001);
        assertThat(rows.price(r)).isEqualTo(585.30);
        assertThat(rows.sideCode(r)).isEqualTo(Side.BUY.code());
        assertThat(rows.flags(r)).isEqualTo(EventFlags.END_OF_MESSAGE);
        // 2: add ask 1002 50 @ 585.50; 3: partial cancel 40 of 1001 -> modify to 60 (nanosecond time kept exactly)
        assertThat(rows.kind(r + 2)).isEqualTo(EventKind.ORDER_MODIFY);
        assertThat(rows.qty(r + 2)).isEqualTo(60);
        assertThat(rows.exchTs(r + 2)).isEqualTo(MIDNIGHT + 34_200_010_000_001L);
        // 4: execution of 9001 (resting before the file) -> the synthetic ask at 585.50
        assertThat(rows.kind(r + 3)).isEqualTo(EventKind.ORDER_EXECUTE);
        // synthetic adds go level by level, ask then bid: the first is the ask at 585.50
        assertThat(rows.orderId(r + 3)).isEqualTo(rows.orderId(1));
        assertThat(rows.price(1)).isEqualTo(585.50);
        assertThat(rows.sideCode(1)).isEqualTo(Side.SELL.code());
        assertThat(rows.qty(r + 3)).isEqualTo(150);
        // 5: hidden execution of a buy order -> TRADE, seller aggressed
        assertThat(rows.kind(r + 4)).isEqualTo(EventKind.TRADE);
        assertThat(rows.sideCode(r + 4)).isEqualTo(Side.SELL.code());
        assertThat(rows.qty(r + 4)).isEqualTo(30);
        // 6: deletion of 1002; 7: execution of the synthetic's last 50
        assertThat(rows.kind(r + 5)).isEqualTo(EventKind.ORDER_CANCEL);
        assertThat(rows.kind(r + 6)).isEqualTo(EventKind.ORDER_EXECUTE);
        // 8-10: halt, quote resume, trade resume: no rows. 11: cross trade -> TRADE without side.
        assertThat(rows.kind(r + 7)).isEqualTo(EventKind.TRADE);
        assertThat(rows.sideCode(r + 7)).isEqualTo(Side.NO_SIDE_CODE);
        assertThat(rows.qty(r + 7)).isEqualTo(500);
        assertThat(rows.exchTs(r + 7)).isEqualTo(MIDNIGHT + 34_300_000_100_000L);
        // 12: add 1003; 13: partial cancel 60 of pre-file 9002 -> synthetic bid 585.20 modified to 40;
        // 14: execution of 1001's last 60.
        assertThat(rows.kind(r + 9)).isEqualTo(EventKind.ORDER_MODIFY);
        assertThat(rows.qty(r + 9)).isEqualTo(40);
        assertThat(rows.kind(r + 10)).isEqualTo(EventKind.ORDER_EXECUTE);
        assertThat(rows.size()).isEqualTo(r + 11);
        assertThat(source.halts()).isEqualTo(1);
        assertThat(source.quoteResumes()).isEqualTo(1);
        assertThat(source.tradeResumes()).isEqualTo(1);
        assertThat(source.messagesRead()).isEqualTo(14);

        // Replaying the rows into a fresh MboBook gives the last orderbook row:
        // asks 585.60 x 125 (synthetic 100 then 1003's 25); bids 585.30 x 300, 585.20 x 40.
        MboBook book = new MboBook(AAPL);
        EventCursor cursor = new EventCursor().reset(rows);
        while (cursor.next()) {
            book.apply(cursor);
        }
        assertThat(book.levels().bestAsk()).isEqualTo(585.60);
        assertThat(book.levels().bestAskQty()).isEqualTo(125);
        assertThat(book.levels().levelCount(Side.SELL)).isEqualTo(1);
        assertThat(book.levels().bestBid()).isEqualTo(585.30);
        assertThat(book.levels().bestBidQty()).isEqualTo(300);
        assertThat(book.levels().qtyAt(Side.BUY, AAPL.toTicks(585.20))).isEqualTo(40);
        assertThat(book.orderCountAt(Side.SELL, AAPL.toTicks(585.60))).isEqualTo(2);
        assertThat(book.contains(1003)).isTrue();
        assertThat(book.qtyAhead(1003)).isEqualTo(100); // behind the order resting before the file
    }

    @Test
    void aBookThatDisagreesWithTheOrderbookFileNamesTheRowAndLevel() throws IOException {
        List<String> book = Files.readAllLines(resource("lobster/" + BOOKS));
        book.set(2, "5855000,250,5853000,361,5856000,100,5852000,100"); // row 3 should show 360 at bid 1
        Path[] pair = copy(Files.readAllLines(resource("lobster/" + MESSAGES)), book);
        assertThatThrownBy(() -> readAll(LobsterSource.open(pair[0], pair[1], AAPL, ImportOptions.STRICT), 4))
                .isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.file()).isEqualTo(pair[1].toString());
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("Bid 1");
                    assertThat(e.problem()).contains("has 5853000 x 360.0 at Bid 1, the orderbook file has 5853000"
                            + " x 361.0");
                });
    }

    @Test
    void lenientModeCountsEachMismatchingRowAndSetsTheBookToTheFile() throws IOException {
        List<String> book = Files.readAllLines(resource("lobster/" + BOOKS));
        book.set(2, "5855000,250,5853000,361,5856000,100,5852000,100");
        Path[] pair = copy(Files.readAllLines(resource("lobster/" + MESSAGES)), book);
        LobsterSource source = LobsterSource.open(pair[0], pair[1], AAPL, ImportOptions.LENIENT);
        EventBatch rows = readAll(source, 4);
        // row 3 has one share more at Bid 1 than the messages give: an INFERRED synthetic add of 1; row 4 goes back
        // to 360: the same share is withdrawn (INFERRED cancel). Both rows are mismatches (the level was visible).
        assertThat(source.bookMismatches()).isEqualTo(2);
        assertThat(source.skipped()).isEqualTo(2);
        assertThat(source.rowsMatched()).isEqualTo(12);
        assertThat(rows.size()).isEqualTo(6 + 11 + 2); // every message's row still delivered
        assertThat(rows.flags(6 + 3)).isEqualTo(EventFlags.INFERRED | EventFlags.END_OF_MESSAGE);
        assertThat(rows.qty(6 + 3)).isEqualTo(1);
        assertThat(source.levels().bestBidQty()).isEqualTo(300);
    }

    @Test
    void badMessagesNameLineAndColumn() throws IOException {
        expectBad(5, "34200.02,8,0,30,5855000,1", "Type", "unknown event type 8: expected 1 to 7");
        expectBad(5, "34200.02,5,0,-30,5855000,1", "Size", "negative quantity -30");
        expectBad(5, "34200.02,5,0,NaN,5855000,1", "Size", "not a finite decimal number: 'NaN'");
        expectBad(5, "34200.02,5,0,30,58550x0,1", "Price", "not an integer");
        expectBad(5, "34200.019,5,0,30,5855000,1", "Time", "time goes backwards");
        expectBad(5, "34200.02,5,0,30,5855000,2", "Direction", "direction 2");
        expectBad(5, "34200.02,5,0,30", null, "malformed line: 4 fields");
        expectBad(7, "34200.04,4,9001,51,5855000,-1", "Order ID", "hold 50.0 shares, not the 51.0 of this execution");
        expectBad(6, "34200.03,3,1002,60,5855000,-1", "Size", "deletion of 60.0 shares exceeds the 50.0 resting");
        expectBad(6, "34200.03,3,7777,50,5854000,-1", "Order ID", "order 7777 was never submitted in this file");
    }

    @Test
    void lenientModeCountsTheSkippedMessage() throws IOException {
        List<String> messages = Files.readAllLines(resource("lobster/" + MESSAGES));
        messages.set(4, "34200.02,5,0,NaN,5855000,1"); // a hidden execution: no book change, later rows still match
        Path[] pair = copy(messages, Files.readAllLines(resource("lobster/" + BOOKS)));
        LobsterSource source = LobsterSource.open(pair[0], pair[1], AAPL, ImportOptions.LENIENT);
        EventBatch rows = readAll(source, 8);
        assertThat(source.skipped()).isEqualTo(1);
        assertThat(rows.size()).isEqualTo(6 + 10);
    }

    private void expectBad(int line, String text, String field, String problem) throws IOException {
        List<String> messages = Files.readAllLines(resource("lobster/" + MESSAGES));
        messages.set(line - 1, text);
        Path[] pair = copy(messages, Files.readAllLines(resource("lobster/" + BOOKS)));
        assertThatThrownBy(() -> readAll(LobsterSource.open(pair[0], pair[1], AAPL, ImportOptions.STRICT), 4))
                .as(text).isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.file()).isEqualTo(pair[0].toString());
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.problem()).contains(problem);
                });
    }

    private Path[] copy(List<String> messages, List<String> books) throws IOException {
        Path m = Files.write(dir.resolve(MESSAGES), messages);
        Path b = Files.write(dir.resolve(BOOKS), books);
        return new Path[]{m, b};
    }
}
