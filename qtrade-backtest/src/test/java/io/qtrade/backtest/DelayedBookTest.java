package io.qtrade.backtest;

import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBook;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.SplittableRandom;

import static io.qtrade.backtest.Scenarios.AAA;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DelayedBook} against a second book fed every row when the strategy side receives it (the engine's old path,
 * the reference): on random messy tapes, with the venue side running ahead by random amounts (also beyond
 * {@link DelayedBook#REWIND_LIMIT}), every query of the view must answer exactly as the reference, and the venue's
 * book must be exactly the venue side's book again once restored. Some rows are received at once, with nothing
 * pending (the engine's path when a row's feed latency ends before anything else happens): no undo entry is kept.
 */
class DelayedBookTest {

    /** Every answer of {@link OrderBookView} in one string (doubles by their bits: equality is to the bit). */
    static String digest(OrderBookView b) {
        StringBuilder s = new StringBuilder();
        s.append(b.bestBidTicks()).append(' ').append(b.bestAskTicks()).append(' ')
                .append(Double.doubleToLongBits(b.bestBid())).append(' ')
                .append(Double.doubleToLongBits(b.bestAsk())).append(' ')
                .append(Double.doubleToLongBits(b.bestBidQty())).append(' ')
                .append(Double.doubleToLongBits(b.bestAskQty())).append(' ')
                .append(Double.doubleToLongBits(b.mid())).append(' ')
                .append(Double.doubleToLongBits(b.microprice())).append(' ')
                .append(Double.doubleToLongBits(b.spread())).append(' ').append(b.spreadTicks()).append(' ')
                .append(b.isCrossed()).append(' ').append(b.isEmpty(Side.BUY)).append(b.isEmpty(Side.SELL))
                .append(' ').append(b.levelCount(Side.BUY)).append('/').append(b.levelCount(Side.SELL));
        long[] ticks = new long[64];
        double[] qtys = new double[64];
        for (Side side : Side.values()) {
            int n = b.depth(side, ticks, qtys, 64);
            s.append(" |");
            for (int k = 0; k < n; k++) {
                s.append(' ').append(ticks[k]).append('x').append(Double.doubleToLongBits(qtys[k]));
                if (Double.doubleToLongBits(b.qtyAt(side, ticks[k])) != Double.doubleToLongBits(qtys[k])) {
                    s.append("!qtyAt");
                }
            }
        }
        return s.toString();
    }

    private static void venueApply(OrderBook venue, RowView e, long ticks) {
        // As SimulatedExchange does on an L2 book: depth and BBO rows with the converted price, L3 rows not at all.
        EventKind kind = e.kind();
        if (kind == EventKind.DEPTH_UPDATE || kind == EventKind.BBO) {
            venue.apply(e, ticks);
        } else if (!kind.isL3()) {
            venue.apply(e);
        }
    }

    @Test
    void theViewAnswersAsABookFedEveryReceivedRowAndTheVenueBookIsRestored() {
        long totalRewinds = 0;
        long totalCopies = 0;
        for (long seed = 1; seed <= 8; seed++) {
            EventBatch tape = MessyTape.generate(AAA, 0, seed, 6_000, seed % 2 == 1, seed % 4 >= 2);
            SplittableRandom rnd = new SplittableRandom(seed * 31);
            OrderBook venue = new OrderBook(AAA);
            OrderBook venueReference = new OrderBook(AAA);
            OrderBook strategyReference = new OrderBook(AAA);
            DelayedBook view = new DelayedBook(venue, true);
            ArrayDeque<Integer> pending = new ArrayDeque<>();
            RowView venueRow = new RowView();
            RowView localRow = new RowView();
            int next = 0;
            int checks = 0;
            int immediate = 0;
            while (next < tape.size() || !pending.isEmpty()) {
                // The venue side moves a little less often than the strategy side: the lag wanders from 0 to beyond the
                // rewind limit (bursts) and back.
                int action = rnd.nextInt(20);
                boolean burst = rnd.nextInt(150) == 0;
                if (next < tape.size() && (action < 6 || pending.isEmpty())) {
                    int rows = burst ? 1 + rnd.nextInt(60) : 1;
                    for (int k = 0; k < rows && next < tape.size(); k++, next++) {
                        venueRow.moveTo(tape, next);
                        EventKind kind = venueRow.kind();
                        long ticks = kind == EventKind.DEPTH_UPDATE || kind == EventKind.BBO
                                ? AAA.toTicks(venueRow.price()) : 0L;
                        // With nothing pending, the engine may deliver the row at once (no undo entry kept).
                        boolean receivedNext = rows == 1 && pending.isEmpty() && rnd.nextInt(3) == 0;
                        // Known beforehand (no simulated order resting): neither an undo entry nor a copy.
                        boolean knownBefore = receivedNext && view.idle() && rnd.nextBoolean();
                        if (knownBefore) {
                            view.venueRowReceivedAtOnce(venueRow, kind, venueRow.exchTs(), venueRow.localTs());
                        } else {
                            view.venueRow(venueRow, kind, ticks);
                        }
                        venueApply(venue, venueRow, ticks);
                        venueApply(venueReference, venueRow, ticks);
                        if (!knownBefore) {
                            view.venueApplied(receivedNext);
                        }
                        if (receivedNext) {
                            if (!knownBefore) {
                                view.delivered(venueRow, ticks);
                            }
                            strategyReference.apply(venueRow, ticks);
                            immediate++;
                        } else {
                            pending.add(next);
                        }
                    }
                } else if (action < 17 && !pending.isEmpty()) {
                    int row = pending.poll();
                    localRow.moveTo(tape, row);
                    long ticks = localRow.kind() == EventKind.DEPTH_UPDATE || localRow.kind() == EventKind.BBO
                            ? AAA.toTicks(localRow.price()) : 0L;
                    view.delivered(localRow, ticks);
                    strategyReference.apply(localRow, ticks);
                } else {
                    assertThat(digest(view)).as("seed %d, row %d, %d pending", seed, next, pending.size())
                            .isEqualTo(digest(strategyReference));
                    assertThat(view.lastExchTs()).isEqualTo(strategyReference.lastExchTs());
                    assertThat(view.lastLocalTs()).isEqualTo(strategyReference.lastLocalTs());
                    checks++;
                    if (rnd.nextBoolean()) {
                        view.restoreVenue();
                        assertThat(digest(venue)).as("venue book, seed %d, row %d", seed, next)
                                .isEqualTo(digest(venueReference));
                    }
                }
            }
            view.restoreVenue();
            assertThat(digest(venue)).isEqualTo(digest(venueReference));
            assertThat(digest(view)).isEqualTo(digest(strategyReference));
            assertThat(checks).isGreaterThan(500);
            assertThat(immediate).isGreaterThan(100);
            totalRewinds += view.rewinds();
            totalCopies += view.copies();
        }
        // Both ways of giving the delayed view were taken, many times.
        assertThat(totalRewinds).isGreaterThan(1_000);
        assertThat(totalCopies).isGreaterThan(100);
    }
}
