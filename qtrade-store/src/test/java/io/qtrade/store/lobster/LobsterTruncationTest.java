package io.qtrade.store.lobster;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.MboBook;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import io.qtrade.core.market.EventFlags;
import io.qtrade.core.market.EventKind;
import io.qtrade.store.ingest.ImportException;
import io.qtrade.store.ingest.ImportOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.qtrade.store.ingest.ImportTestSupport.readAll;
import static io.qtrade.store.ingest.ImportTestSupport.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * LOBSTER's level truncation: a level-N message file holds only the events inside the N visible levels, so the
 * importer takes the quantity of levels entering the window from below from the orderbook file. Checked on LOBSTER's
 * real AAPL sample (10 levels, resources {@code lobster/real}, MIT, see the README there) and on a generated deep L3
 * book written as LOBSTER writes levels 1, 5 and 10 ({@link LobsterWriter}).
 */
class LobsterTruncationTest {

    private static final Instrument AAPL = Instrument.spot("AAPL", "NASDAQ", 0.01, 1);
    private static final String REAL = "lobster/real/AAPL_2012-06-21_34200000_57600000_";

    @TempDir
    Path dir;

    @Test
    void theRealTenLevelSampleImportsStrictlyWithEveryOrderbookRowMatched() throws IOException {
        Path messages = resource(REAL + "message_10.csv");
        Path books = resource(REAL + "orderbook_10.csv");
        LobsterSource source = LobsterSource.open(messages, books, AAPL, ImportOptions.STRICT);
        EventBatch rows = readAll(source, 512);
        assertThat(source.messagesRead()).isEqualTo(999);
        assertThat(source.rowsChecked()).isEqualTo(999);
        assertThat(source.rowsMatched()).isEqualTo(999);
        assertThat(source.bookMismatches()).isZero();
        assertThat(source.levelsReconciled()).isPositive(); // the sample does have levels entering from below
        replayAndCompare(rows, Files.readAllLines(books), 10);
        assertEveryExecutionKept(rows, Files.readAllLines(messages));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 10})
    void aDeepBookWrittenAsLobsterWritesItRoundTripsAtEveryLevelCount(int levels) throws IOException {
        LobsterWriter writer = new LobsterWriter(11 + levels);
        writer.record(3_000, 4_000, levels);
        Path[] pair = writer.writeFiles(dir, levels);
        Instrument syn = Instrument.spot("SYN", "NASDAQ", 0.01, 1);
        LobsterSource source = LobsterSource.open(pair[0], pair[1], syn, ImportOptions.STRICT);
        EventBatch rows = readAll(source, 1024);
        assertThat(source.rowsMatched()).isEqualTo(writer.messages.size());
        assertThat(source.bookMismatches()).isZero();
        assertThat(writer.messages.size()).as("messages outside the window are left out")
                .isLessThan(4_000);
        replayAndCompare(rows, writer.books, levels);
        assertEveryExecutionKept(rows, writer.messages);
        assertThat(writer.executionMessages).isPositive();
    }

    @Test
    void deletingPartOfTheQuantityRestingBeforeTheFileSubtractsOnlyItsSize() throws IOException {
        // one level a side; 300 shares rest at the bid before the file; a pre-file order of 100 of them is deleted
        Path[] pair = write(List.of(
                        "34200.1,1,5,10,5860000,-1",
                        "34200.2,3,77,100,5850000,1"),
                List.of("5860000,10,5850000,300",
                        "5860000,10,5850000,200"), 1);
        LobsterSource source = LobsterSource.open(pair[0], pair[1], AAPL, ImportOptions.STRICT);
        EventBatch rows = readAll(source, 64);
        int last = rows.size() - 1;
        assertThat(rows.kind(last)).isEqualTo(EventKind.ORDER_MODIFY);
        assertThat(rows.qty(last)).isEqualTo(200);
        assertThat(source.levels().qtyAt(Side.BUY, AAPL.toTicks(585.00))).isEqualTo(200);
        assertThat(source.rowsMatched()).isEqualTo(2);
    }

    @Test
    void aSubmissionAtACrossingPriceIsALocatedErrorInStrictModeAndACountedSkipInLenient() throws IOException {
        List<String> messages = List.of(
                "34200.1,1,5,10,5860000,-1",
                "34200.2,1,6,10,5860000,1",   // a buy at the best ask: it would execute, not rest
                "34200.3,1,7,10,5849900,1");
        List<String> books = List.of(
                "5860000,10,5850000,300",
                "5860000,10,5850000,300",
                "5860000,10,5850000,300");
        Path[] pair = write(messages, books, 1);
        assertThatThrownBy(() -> readAll(LobsterSource.open(pair[0], pair[1], AAPL, ImportOptions.STRICT), 64))
                .isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.file()).isEqualTo(pair[0].toString());
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.field()).isEqualTo("Price");
                    assertThat(e.problem()).contains("crosses the best ask 586.0");
                });
        LobsterSource lenient = LobsterSource.open(pair[0], pair[1], AAPL, ImportOptions.LENIENT);
        readAll(lenient, 64);
        assertThat(lenient.skipped()).isEqualTo(1);
        assertThat(lenient.bookMismatches()).isZero();
        assertThat(lenient.rowsMatched()).isEqualTo(3);
    }

    @Test
    void aLevelInsideTheWindowThatChangesWithoutAMessageIsStillAMismatch() throws IOException {
        Path[] pair = write(List.of(
                        "34200.1,1,5,10,5860000,-1",
                        "34200.2,1,6,10,5849900,1"),
                List.of("5860000,10,5850000,300,9999999999,0,5849000,5",
                        "5860000,10,5850000,299,9999999999,0,5849900,10"), 2);
        assertThatThrownBy(() -> readAll(LobsterSource.open(pair[0], pair[1], AAPL, ImportOptions.STRICT), 64))
                .isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.file()).isEqualTo(pair[1].toString());
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.field()).isEqualTo("Bid 1");
                    assertThat(e.problem()).contains("has 5850000 x 300.0 at Bid 1, the orderbook file has 5850000"
                            + " x 299.0");
                });
        LobsterSource lenient = LobsterSource.open(pair[0], pair[1], AAPL, ImportOptions.LENIENT);
        readAll(lenient, 64);
        // one mismatch (584.90 x 5 was pushed below the window by the new bid, not a mismatch); the book is set to the
        // row and checking goes on
        assertThat(lenient.bookMismatches()).isEqualTo(1);
        assertThat(lenient.levels().qtyAt(Side.BUY, AAPL.toTicks(585.00))).isEqualTo(299);
    }

    /** Replays the importer's rows into a fresh book; after each message's last row, its top levels equal the row. */
    private static void replayAndCompare(EventBatch rows, List<String> books, int levels) {
        Instrument instrument = Instrument.spot("X", "NASDAQ", 0.01, 1);
        MboBook book = new MboBook(instrument);
        EventCursor cursor = new EventCursor().reset(rows);
        long[] ticks = new long[levels];
        double[] qtys = new double[levels];
        int row = 0;
        int inferred = 0;
        while (cursor.next()) {
            book.apply(cursor);
            if (EventFlags.has(cursor.flags(), EventFlags.INFERRED)) {
                inferred++;
            }
            if (!EventFlags.has(cursor.flags(), EventFlags.END_OF_MESSAGE)
                    || EventFlags.has(cursor.flags(), EventFlags.SNAPSHOT)) {
                continue;
            }
            String[] f = books.get(row++).split(",");
            for (int s = 0; s < 2; s++) {
                Side side = s == 0 ? Side.SELL : Side.BUY;
                int n = book.levels().depth(side, ticks, qtys, levels);
                int expected = 0;
                for (int level = 0; level < levels; level++) {
                    long price = Long.parseLong(f[4 * level + 2 * s]);
                    if (Math.abs(price) == 9_999_999_999L) {
                        continue;
                    }
                    assertThat(ticks[expected]).as("row %d side %s level %d", row, side, level + 1)
                            .isEqualTo(price / 100);
                    assertThat(qtys[expected]).as("row %d side %s level %d qty", row, side, level + 1)
                            .isEqualTo(Double.parseDouble(f[4 * level + 2 * s + 1]));
                    expected++;
                }
                assertThat(n).as("row %d side %s levels", row, side).isEqualTo(expected);
            }
        }
        assertThat(row).isEqualTo(books.size());
        assertThat(inferred).isGreaterThanOrEqualTo(0);
    }

    /** Every type-4 message's shares arrive as ORDER_EXECUTE rows, none dropped (totals from the message file). */
    private static void assertEveryExecutionKept(EventBatch rows, List<String> messages) {
        double expected = 0;
        for (String m : messages) {
            String[] f = m.split(",");
            if (f[1].equals("4")) {
                expected += Double.parseDouble(f[3]);
            }
        }
        double executed = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.kind(i) == EventKind.ORDER_EXECUTE) {
                executed += rows.qty(i);
            }
        }
        assertThat(executed).isEqualTo(expected);
    }

    private Path[] write(List<String> messages, List<String> books, int levels) throws IOException {
        Path m = Files.write(dir.resolve("AAPL_2012-06-21_34200000_57600000_message_" + levels + ".csv"), messages);
        Path b = Files.write(dir.resolve("AAPL_2012-06-21_34200000_57600000_orderbook_" + levels + ".csv"), books);
        return new Path[]{m, b};
    }
}
