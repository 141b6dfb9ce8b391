package io.qtrade.connectors.recorder;

import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventSource;
import io.qtrade.store.TickQuery;
import io.qtrade.store.TickStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static io.qtrade.connectors.recorder.RecordedRows.AAA;
import static io.qtrade.connectors.recorder.RecordedRows.BBB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 18, item 13: a store write that fails keeps the rows; drops beyond the bound are counted; the failure reaches
 * the caller. The fault is a regular file where the venue directory must go (works as root, unlike chmod).
 */
class TickRecorderFaultTest {

    private static final List<Instrument> BOTH = List.of(AAA, BBB);

    @Test
    void rowsOfAFailedWriteStayBufferedAndAreWrittenOnceTheStoreWorksAgain(@TempDir Path root) throws Exception {
        Path blocker = root.resolve("venue=" + AAA.venue());
        Files.writeString(blocker, "not a directory");
        AtomicLong now = new AtomicLong();
        TickStore store = TickStore.at(root);
        TickRecorder recorder = TickRecorder.builder(store, BOTH).maxRowsPerPart(1000).maxBufferedRows(2500)
                .retryDelayNanos(1_000).clock(now::get).build();
        EventSource market = RecordedRows.market(3500, 7);
        EventBatch batch = new EventBatch(250);
        while (market.readBatch(batch)) {
            recorder.onEvents(batch); // never throws: it runs on the client's receive thread
            now.addAndGet(10);
        }
        // Before: the first failed flush cleared 1000 rows, uncounted. Now 2500 are kept and 1000 dropped, counted.
        assertThat(recorder.rowsFlushed()).isZero();
        assertThat(recorder.buffered()).isEqualTo(2500);
        assertThat(recorder.droppedRows()).isEqualTo(1000);
        assertThat(recorder.rowsRecorded()).isEqualTo(3500);
        assertThat(recorder.failedFlushes()).isGreaterThan(0);
        assertThat(recorder.writeFailure()).isNotNull();
        assertThatThrownBy(recorder::flush).isInstanceOfSatisfying(RecordingFailedException.class, e -> {
            assertThat(e.bufferedRows()).isEqualTo(2500);
            assertThat(e.droppedRows()).isEqualTo(1000);
            assertThat(e.getCause()).isNotNull();
        });

        Files.delete(blocker);
        recorder.close();
        assertThat(recorder.writeFailure()).isNull();
        assertThat(recorder.rowsFlushed()).isEqualTo(2500);
        // What was written is, per instrument, exactly the start of what the market sent (the 2500 rows that
        // arrived first), with nothing missing before the dropped tail.
        List<List<String>> written = RecordedRows.rows(store.read(TickQuery.all()), BOTH);
        List<List<String>> expected = RecordedRows.rows(RecordedRows.market(3500, 7), BOTH);
        assertThat(written.get(0).size() + written.get(1).size()).isEqualTo(2500);
        for (int i = 0; i < 2; i++) {
            assertThat(written.get(i)).isEqualTo(expected.get(i).subList(0, written.get(i).size()));
        }
    }

    @Test
    void closeSurfacesAFailureThatPersists(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("venue=" + AAA.venue()), "not a directory");
        TickRecorder recorder = TickRecorder.builder(TickStore.at(root), BOTH).maxRowsPerPart(100).build();
        EventBatch batch = new EventBatch(50);
        RecordedRows.market(50, 3).readBatch(batch);
        recorder.onEvents(batch);
        assertThatThrownBy(recorder::close).isInstanceOf(RecordingFailedException.class)
                .hasMessageContaining("50 rows still buffered");
    }
}
