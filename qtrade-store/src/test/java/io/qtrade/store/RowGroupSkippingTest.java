package io.qtrade.store;

import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A time-range read decodes only the row groups whose exch_ts statistics overlap the range. */
class RowGroupSkippingTest {

    @Test
    void rowGroupsOutsideTheRangeAreSkippedAndTheRowsInsideAreAllRead(@TempDir Path dir) {
        Instrument x = Instrument.spot("X", "SIM", 0.01, 1);
        Path target = dir.resolve("part-0.parquet");
        ParquetPartWriter w = new ParquetPartWriter(dir.resolve(".tmp"), target, x, 16 * 1024);
        EventBatch b = new EventBatch(1000);
        EventCursor c = new EventCursor();
        // 200,000 trades at exch_ts = 1000 * i; prices vary so dictionary pages stay large enough to cut row groups.
        for (int i = 0; i < 200_000; i++) {
            b.addTrade(0, 1000L * i, 1000L * i + 7, null, 100 + (i % 997) * 0.01, 1 + i % 13);
            if (b.isFull() || i == 199_999) {
                c.reset(b);
                while (c.next()) {
                    w.write(c);
                }
                b.clear();
            }
        }
        w.commit();

        // Rows 120,000 .. 129,999: 10,000 of 200,000.
        long from = 1000L * 120_000;
        long to = 1000L * 130_000;
        EventBatch out = new EventBatch(4096);
        long n = 0;
        long expectedTs = from;
        try (ParquetTickReader r = new ParquetTickReader(target, x, TickReadOptions.DEFAULT.withRange(from, to))) {
            assertThat(r.rowGroups()).isGreaterThan(4);
            while (r.readBatch(out)) {
                for (int i = 0; i < out.size(); i++) {
                    assertThat(out.exchTs(i)).isEqualTo(expectedTs);
                    expectedTs += 1000;
                }
                n += out.size();
            }
            assertThat(n).isEqualTo(10_000);
            // Every row group before the range is skipped; the one past it stops the scan (time never goes back).
            assertThat(r.rowGroupsSkipped()).isGreaterThanOrEqualTo(r.rowGroups() / 2);
        }
    }
}
