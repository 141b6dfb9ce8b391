package io.qtrade.backtest.queue.study;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBook;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue study on real data: LOBSTER's public AAPL sample (2012-06-21, 999 messages, 10 levels; source and licence
 * in src/test/resources/lobster/README.md).
 */
class LobsterQueueStudyTest {

    static final Instrument AAPL = Instrument.spot("AAPL", "NASDAQ", 0.01, 1);
    static final Path DIR = Path.of("src/test/resources/lobster");
    static final Path MESSAGES = DIR.resolve("AAPL_2012-06-21_34200000_57600000_message_10.csv");
    static final Path BOOK = DIR.resolve("AAPL_2012-06-21_34200000_57600000_orderbook_10.csv");

    /** The settings of the README's table: a pair of orders of 100 shares after every 5th message, followed 10 s. */
    static QueueStudy readmeStudy() {
        return QueueStudy.builder().placementEveryMessages(5).orderQty(100).horizonNanos(10_000_000_000L).build();
    }

    @Test
    void theReaderGivesTheMessagesTheirEpochTimesTicksAndTheLevelsOfTheOrderbookFile() {
        L3Tape t = LobsterReader.read(MESSAGES, BOOK, AAPL);
        assertThat(t.size()).isEqualTo(999);
        long day = LocalDate.of(2012, 6, 21).atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
        // line 1: 34200.004241176,1,16113575,18,5853300,1
        assertThat(t.tsNanos(0)).isEqualTo(day + 34_200_004_241_176L);
        assertThat(t.action(0)).isEqualTo(L3Action.ADD);
        assertThat(t.orderId[0]).isEqualTo(16113575L);
        assertThat(t.qty[0]).isEqualTo(18.0);
        assertThat(t.priceTicks[0]).isEqualTo(58533L);
        assertThat(t.buy[0]).isTrue();
        // orderbook line 1: ask 585.94 x 200, bid 585.33 x 18 (the added order), then bid 585.30 x 150.
        assertThat(t.depth()).isEqualTo(10);
        assertThat(t.bestBidTicks(0)).isEqualTo(58533L);
        assertThat(t.bestBidQty(0)).isEqualTo(18.0);
        assertThat(t.bidTicks[1]).isEqualTo(58530L);
        assertThat(t.bestAskTicks(0)).isEqualTo(58594L);
        assertThat(t.bestAskQty(0)).isEqualTo(200.0);
        // before the first message the bid at 585.33 did not exist: the best was 585.30 x 150, and 9 levels show.
        assertThat(t.initialBidTicks[0]).isEqualTo(58530L);
        assertThat(t.initialBidQty[0]).isEqualTo(150.0);
        assertThat(t.initialBidQty[8]).isPositive();
        assertThat(t.initialBidTicks[9]).isEqualTo(OrderBook.NO_BID);
        assertThat(t.initialAskTicks).containsExactly(java.util.Arrays.copyOf(t.askTicks, 10));
    }

    @Test
    void theL2FeedOfTheStudyRebuildsTheOrderbookFilesLevelsAfterEveryMessage() {
        // The models see this feed: applied to a book it must give, after each message, the levels the file shows.
        L3Tape t = LobsterReader.read(MESSAGES, BOOK, AAPL);
        QueueStudy study = readmeStudy();
        EventBatch feed = study.l2Feed(t).batch();
        int[] message = study.l2Feed(t).message();
        OrderBook book = new OrderBook(AAPL);
        EventCursor c = new EventCursor().reset(feed);
        int row = 0;
        long[] ticks = new long[10];
        double[] qty = new double[10];
        for (int k = -1; k < t.size(); k++) {
            while (row < feed.size() && message[row] == k) {
                c.next();
                book.apply(c);
                row++;
            }
            if (k < 0) {
                continue;
            }
            for (Side side : Side.values()) {
                long[] rowTicks = side == Side.BUY ? t.bidTicks : t.askTicks;
                double[] rowQty = side == Side.BUY ? t.bidQty : t.askQty;
                int shown = 0;
                while (shown < 10 && rowQty[k * 10 + shown] > 0) {
                    shown++;
                }
                int n = book.depth(side, ticks, qty, 10);
                assertThat(n).as("message %d %s levels", k, side).isGreaterThanOrEqualTo(shown);
                for (int l = 0; l < shown; l++) {
                    assertThat(ticks[l]).as("message %d %s level %d", k, side, l).isEqualTo(rowTicks[k * 10 + l]);
                    assertThat(qty[l]).as("message %d %s level %d", k, side, l).isEqualTo(rowQty[k * 10 + l]);
                }
            }
        }
        assertThat(row).isEqualTo(feed.size());
    }

    @Test
    void onRealDataTheRiskAverseModelNeverFillsMoreThanAProbabilisticOne() {
        // The probabilistic models' qty ahead is never above the risk-averse one's (min(ahead - share, new) <=
        // min(ahead, new)) and both see the same prints, so per placement the risk-averse filled quantity is a lower
        // bound of theirs.
        QueueStudyResult r = readmeStudy().run(LobsterReader.read(MESSAGES, BOOK, AAPL));
        List<Placement> ra = r.outcomes().get("RiskAverse");
        assertThat(r.truth()).hasSizeGreaterThan(100);
        for (String m : List.of("Power(1)", "Power(2)", "Power(3)", "Log")) {
            List<Placement> o = r.outcomes().get(m);
            for (int j = 0; j < ra.size(); j++) {
                assertThat(ra.get(j).filledQty()).as("%s placement %d", m, j)
                        .isLessThanOrEqualTo(o.get(j).filledQty());
            }
        }
        // the exchange with L3ArrivalQueue (the L2 view and the L3 messages) reproduces the independent FIFO truth:
        // the same fill or no fill on every placement, the same quantity, and the same fill time except where the
        // exchange's rule 5 (an opposite order at or through the price fills the order completely) fills at the first
        // such order while the truth fills by each order's quantity: earlier, never later (one placement here).
        List<Placement> arrival = r.outcomes().get("L3Arrival");
        int earlier = 0;
        for (int j = 0; j < arrival.size(); j++) {
            Placement m = arrival.get(j);
            Placement t = r.truth().get(j);
            assertThat(m.filled()).as("placement %d", j).isEqualTo(t.filled());
            assertThat(m.filledQty()).as("placement %d", j).isEqualTo(t.filledQty());
            assertThat(m.fillTsNanos()).as("placement %d", j).isLessThanOrEqualTo(t.fillTsNanos());
            if (m.fillTsNanos() != t.fillTsNanos()) {
                earlier++;
            }
        }
        assertThat(earlier).isEqualTo(1);
        for (ModelAccuracy a : r.accuracies()) {
            assertThat(a.truePositives() + a.falseNegatives()).isEqualTo(r.trulyFilled());
            assertThat(a.truePositives() + a.falseNegatives() + a.falsePositives() + a.trueNegatives())
                    .isEqualTo(r.truth().size());
        }
        assertThat(r.trulyFilled()).isPositive();
    }

    @Test
    void theReadmeTablesAreWhatTheStudyGivesOnTheSample() throws Exception {
        L3Tape tape = LobsterReader.read(MESSAGES, BOOK, AAPL);
        String readme = Files.readString(Path.of("README.md"));
        assertThat(table(readme, "queue-study")).isEqualTo(readmeStudy().run(tape).markdown());
        QueueStudy noHidden = QueueStudy.builder().placementEveryMessages(5).orderQty(100)
                .horizonNanos(10_000_000_000L).includeHiddenPrints(false).build();
        assertThat(table(readme, "queue-study-no-hidden")).isEqualTo(noHidden.run(tape).markdown());
    }

    private static String table(String readme, String marker) {
        String begin = "<!-- " + marker + ":begin -->\n";
        String end = "<!-- " + marker + ":end -->";
        int a = readme.indexOf(begin);
        int b = readme.indexOf(end);
        assertThat(a).as("README marker " + marker).isPositive();
        return readme.substring(a + begin.length(), b);
    }
}
