package io.qtrade.store;

import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static io.qtrade.store.CrashSafetyTest.AAA;
import static io.qtrade.store.CrashSafetyTest.DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 18, item 14: the real cause of a failed write, and stale in-progress parts. */
class WriteFaultTest {

    @Test
    void aFailedWriteReportsTheRealCauseWithTheCleanUpFailureSuppressed(@TempDir Path root) throws Exception {
        Path dir = HiveLayout.partitionDir(root, "SIM", "AAA", LocalDate.of(2024, 5, 6));
        Path tmp = HiveLayout.inProgressFile(dir, 0, TickFormat.PARQUET);
        // The source turns the unfinished part into a non-empty directory (so deleting it fails), then dies.
        EventSource source = new EventSource() {
            private int served;

            @Override
            public List<Instrument> instruments() {
                return List.of(AAA);
            }

            @Override
            public boolean readBatch(EventBatch into) {
                into.clear();
                if (served == 1) {
                    try {
                        Files.delete(tmp);
                        Files.createDirectories(tmp.resolve("child"));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    throw new IllegalStateException("the feed died");
                }
                for (int i = 0; i < 100; i++) {
                    into.addTrade(0, DAY + i, DAY + i + 10, null, 100 + i * 0.01, 1);
                }
                served++;
                return true;
            }
        };
        // Before: the exception was "deleting the unfinished part ...", the feed's failure was lost.
        assertThatThrownBy(() -> TickStore.at(root).write(source, TickFormat.PARQUET))
                .isInstanceOf(IllegalStateException.class).hasMessage("the feed died")
                .satisfies(e -> assertThat(e.getSuppressed()).anySatisfy(s -> assertThat(s)
                        .hasMessageContaining("deleting the unfinished part")));
    }

    @Test
    void staleUnlockedInProgressPartsAreRemovedOnTheNextWriteAndLiveOnesKept(@TempDir Path root) throws Exception {
        Path dir = HiveLayout.partitionDir(root, "SIM", "AAA", LocalDate.of(2024, 5, 6));
        Files.createDirectories(dir);
        Path stale = HiveLayout.inProgressFile(dir, 7, TickFormat.PARQUET);
        Path fresh = HiveLayout.inProgressFile(dir, 8, TickFormat.CSV);
        Path locked = HiveLayout.inProgressFile(dir, 9, TickFormat.PARQUET);
        for (Path f : List.of(stale, fresh, locked)) {
            Files.writeString(f, "PAR1 half a part");
        }
        FileTime old = FileTime.from(Instant.now().minusSeconds(3600));
        Files.setLastModifiedTime(stale, old);
        Files.setLastModifiedTime(locked, old);
        try (FileChannel ch = FileChannel.open(locked, StandardOpenOption.WRITE); var lock = ch.lock()) {
            TickStore.at(root).write(new CrashSafetyTest.FailingSource(1, false), TickFormat.PARQUET);
        }
        try (Stream<Path> files = Files.list(dir)) {
            // The stale part (unlocked, an hour old) is gone; the fresh one (a writer may just have created it) and
            // the locked one (a live writer) stay; the new part still numbers after them.
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    fresh.getFileName().toString(), locked.getFileName().toString(), "part-10.parquet");
        }
    }
}
