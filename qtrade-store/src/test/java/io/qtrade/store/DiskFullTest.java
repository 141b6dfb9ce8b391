package io.qtrade.store;

import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.qtrade.store.CrashSafetyTest.AAA;
import static io.qtrade.store.CrashSafetyTest.DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 18's fault suite, a full disk: the in-progress file of a part writer is a link to {@code /dev/full}, where
 * every write fails with ENOSPC. The failure names the part and keeps the operating system's cause, and the part
 * never appears under its final name.
 */
class DiskFullTest {

    @Test
    void aWriteOntoAFullDiskFailsNamingThePartAndPublishesNothing(@TempDir Path dir) throws Exception {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "/dev/full is not available");
        for (TickFormat format : TickFormat.values()) {
            Path tmp = dir.resolve(".part-0." + format.extension() + ".inprogress");
            Path target = dir.resolve("part-0." + format.extension());
            Files.createSymbolicLink(tmp, full);
            EventBatch b = new EventBatch(4096);
            assertThatThrownBy(() -> {
                PartWriter w = format == TickFormat.PARQUET ? new ParquetPartWriter(tmp, target, AAA)
                        : new CsvPartWriter(tmp, target);
                try {
                    EventCursor cursor = new EventCursor();
                    for (int round = 0; round < 64; round++) {
                        b.clear();
                        for (int i = 0; i < 4096; i++) {
                            long ts = DAY + round * 4096L + i;
                            b.addTrade(0, ts, ts + 10, null, 100 + i * 0.01, 1);
                        }
                        cursor.reset(b);
                        while (cursor.next()) {
                            w.write(cursor);
                        }
                    }
                    w.commit();
                } catch (RuntimeException e) {
                    w.abort();
                    throw e;
                }
            }).as(format.toString()).hasMessageContaining(tmp.toString())
                    .satisfies(e -> assertThat(rootCause(e).getMessage()).containsIgnoringCase("space"));
            assertThat(target).doesNotExist();
            Files.deleteIfExists(tmp);
        }
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
