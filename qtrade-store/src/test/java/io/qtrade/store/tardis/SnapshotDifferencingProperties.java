package io.qtrade.store.tardis;

import io.qtrade.store.ingest.ImportOptions;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBook;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import io.qtrade.core.market.EventFlags;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static io.qtrade.store.ingest.ImportTestSupport.readAll;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of 5-level snapshots (levels appearing, leaving, changing, sides thinning out, the mid moving):
 * after the rows of each snapshot, the replayed book holds exactly that snapshot's levels.
 */
class SnapshotDifferencingProperties {

    private static final Instrument INSTRUMENT = Instrument.spot("X", "TARDIS", 0.5, 0.01);
    private static final int DEPTH = 5;

    @Property(tries = 100)
    void replayingTheDifferencesGivesEverySnapshotExactly(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<long[][]> tickSnapshots = new ArrayList<>();
        List<double[][]> qtySnapshots = new ArrayList<>();
        StringBuilder csv = new StringBuilder("exchange,symbol,timestamp,local_timestamp");
        for (int i = 0; i < DEPTH; i++) {
            csv.append(",asks[").append(i).append("].price,asks[").append(i).append("].amount,bids[").append(i)
                    .append("].price,bids[").append(i).append("].amount");
        }
        csv.append('\n');
        long mid = 1_000;
        int snapshots = 2 + random.nextInt(30);
        for (int n = 0; n < snapshots; n++) {
            mid += random.nextInt(5) - 2;
            long[][] ticks = new long[2][DEPTH];
            double[][] qtys = new double[2][DEPTH];
            int[] counts = {random.nextInt(DEPTH + 1), random.nextInt(DEPTH + 1)};
            for (int s = 0; s < 2; s++) {
                long price = s == 0 ? mid + 1 + random.nextInt(2) : mid - 1 - random.nextInt(2);
                for (int i = 0; i < counts[s]; i++) {
                    ticks[s][i] = price;
                    qtys[s][i] = random.nextInt(3) == 0 ? 1.0 : 0.01 * (1 + random.nextInt(500));
                    price += (s == 0 ? 1 : -1) * (1 + random.nextInt(2));
                }
            }
            int copies = random.nextInt(5) == 0 ? 2 : 1; // a repeated snapshot gives no rows
            for (int c = 0; c < copies; c++) {
                int row = tickSnapshots.size();
                tickSnapshots.add(ticks);
                qtySnapshots.add(qtys);
                csv.append("ex,X,").append(1_000_000 + row).append(',').append(1_000_000 + row);
                for (int i = 0; i < DEPTH; i++) {
                    for (int s = 0; s < 2; s++) {
                        if (i < counts[s]) {
                            csv.append(',').append(INSTRUMENT.toPrice(ticks[s][i])).append(',').append(qtys[s][i]);
                        } else {
                            csv.append(",,");
                        }
                    }
                }
                csv.append('\n');
            }
        }
        Path file;
        try {
            file = Files.createTempFile("snapshots", ".csv");
            Files.writeString(file, csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EventBatch rows = readAll(TardisCsvSource.open(TardisCsvFile.BOOK_SNAPSHOT, file, INSTRUMENT,
                ImportOptions.STRICT.withStagingRows(64)), 3);
        OrderBook book = new OrderBook(INSTRUMENT);
        EventCursor cursor = new EventCursor().reset(rows);
        int ends = 0;
        while (cursor.next()) {
            book.apply(cursor);
            if (EventFlags.has(cursor.flags(), EventFlags.END_OF_MESSAGE)) {
                int row = (int) (cursor.localTs() / 1_000 - 1_000_000); // local_timestamp us = 1_000_000 + row
                assertThat(matches(book, tickSnapshots.get(row), qtySnapshots.get(row)))
                        .as("book after snapshot row %d of seed %d", row, seed).isTrue();
                ends++;
            }
        }
        assertThat(ends).isPositive();
        assertThat(matches(book, tickSnapshots.get(tickSnapshots.size() - 1),
                qtySnapshots.get(qtySnapshots.size() - 1))).as("final book equals the last snapshot").isTrue();
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean matches(OrderBook book, long[][] ticks, double[][] qtys) {
        long[] t = new long[16];
        double[] q = new double[16];
        for (int s = 0; s < 2; s++) {
            Side side = s == 0 ? Side.SELL : Side.BUY;
            int n = book.depth(side, t, q, 16);
            int expected = 0;
            while (expected < DEPTH && qtys[s][expected] > 0) {
                expected++;
            }
            if (n != expected) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (t[i] != ticks[s][i] || q[i] != qtys[s][i]) {
                    return false;
                }
            }
        }
        return true;
    }
}
