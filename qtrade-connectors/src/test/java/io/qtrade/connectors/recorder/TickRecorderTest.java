package io.qtrade.connectors.recorder;

import io.qtrade.store.HiveLayout;
import io.qtrade.store.TickFormat;
import io.qtrade.store.TickQuery;
import io.qtrade.store.TickStore;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static io.qtrade.connectors.recorder.RecordedRows.AAA;
import static io.qtrade.connectors.recorder.RecordedRows.BBB;
import static org.assertj.core.api.Assertions.assertThat;

class TickRecorderTest {

    private static final List<Instrument> BOTH = List.of(AAA, BBB);

    @Test
    void rollsAPartEveryMaxRowsAndReadsBackExactlyWhatWasRecorded(@TempDir Path root) throws Exception {
        TickStore store = TickStore.at(root);
        TickRecorder recorder = TickRecorder.builder(store, BOTH).maxRowsPerPart(1000).build();
        EventBatch batch = new EventBatch(333); // deliveries that do not line up with the part size
        var market = RecordedRows.market(3500, 11);
        while (market.readBatch(batch)) {
            recorder.onEvents(batch);
        }
        assertThat(recorder.flushes()).isEqualTo(3); // 3 x 1000 rows, 500 still buffered
        assertThat(recorder.buffered()).isEqualTo(500);
        recorder.close();
        assertThat(recorder.flushes()).isEqualTo(4);
        assertThat(recorder.rowsFlushed()).isEqualTo(3500);
        assertThat(recorder.lateRows()).isZero();
        // Each flush holds both instruments: 2 parts per flush.
        assertThat(recorder.partsWritten()).isEqualTo(8);
        assertThat(countParts(root)).isEqualTo(8);
        assertThat(RecordedRows.rows(store.read(TickQuery.all()), BOTH))
                .isEqualTo(RecordedRows.rows(RecordedRows.market(3500, 11), BOTH));
    }

    @Test
    void rollsOnTheBufferAgeWithAManualClock(@TempDir Path root) {
        AtomicLong now = new AtomicLong(0);
        TickRecorder recorder = TickRecorder.builder(TickStore.at(root), BOTH).maxRowsPerPart(1_000_000)
                .maxPartAgeNanos(5_000_000_000L).clock(now::get).build();
        long day = LocalDate.of(2024, 5, 6).toEpochDay() * 86_400_000_000_000L;
        EventBatch b = new EventBatch(4);
        b.addDepth(0, day + 1, day + 2, Side.BUY, 100.00, 3);
        recorder.onEvents(b);
        now.set(4_999_999_999L);
        recorder.flushIfDue();
        assertThat(recorder.flushes()).isZero(); // 1 ns short of 5 s
        now.set(5_000_000_000L);
        recorder.flushIfDue();
        assertThat(recorder.flushes()).isEqualTo(1);
        assertThat(recorder.rowsFlushed()).isEqualTo(1);
        recorder.close();
    }

    @Test
    void sortsABatchByExchangeTimeAndCountsRowsOlderThanWhatIsRecorded(@TempDir Path root) {
        TickStore store = TickStore.at(root);
        TickRecorder recorder = TickRecorder.builder(store, BOTH).maxRowsPerPart(100).build();
        long day = LocalDate.of(2024, 5, 6).toEpochDay() * 86_400_000_000_000L;
        EventBatch b = new EventBatch(8);
        b.addDepth(0, day + 30, day + 31, Side.BUY, 100.00, 3);
        b.addTrade(0, day + 10, day + 32, Side.SELL, 100.01, 1); // a venue-stamped trade that arrived late
        b.addDepth(1, day + 20, day + 33, Side.SELL, 50.05, 2);
        recorder.onEvents(b);
        recorder.flush();
        EventBatch late = new EventBatch(4);
        late.addTrade(0, day + 25, day + 40, Side.BUY, 100.00, 1); // older than AAA's recorded day + 30
        late.addTrade(1, day + 25, day + 40, Side.BUY, 50.00, 1); // newer than BBB's day + 20: fine
        recorder.onEvents(late);
        recorder.close();
        assertThat(recorder.lateRows()).isEqualTo(1);
        assertThat(recorder.rowsFlushed()).isEqualTo(4);
        List<List<String>> rows = RecordedRows.rows(store.read(TickQuery.all()), BOTH);
        assertThat(rows.get(0)).hasSize(2);
        assertThat(rows.get(0).get(0)).startsWith((day + 10) + " " + (day + 32) + " " + EventKind.TRADE);
        assertThat(rows.get(0).get(1)).startsWith((day + 30) + " ");
        assertThat(rows.get(1)).hasSize(2);
    }

    @Test
    void csvPartsWorkTheSameWay(@TempDir Path root) {
        TickStore store = TickStore.at(root);
        try (TickRecorder recorder = TickRecorder.builder(store, BOTH).format(TickFormat.CSV).maxRowsPerPart(400)
                .build()) {
            EventBatch batch = new EventBatch(100);
            var market = RecordedRows.market(1000, 5);
            while (market.readBatch(batch)) {
                recorder.onEvents(batch);
            }
        }
        assertThat(RecordedRows.rows(store.read(TickQuery.all()), BOTH))
                .isEqualTo(RecordedRows.rows(RecordedRows.market(1000, 5), BOTH));
    }

    static long countParts(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().matches("part-\\d+\\.parquet")).count();
        }
    }

    static long countInProgress(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().endsWith(HiveLayout.IN_PROGRESS_SUFFIX)).count();
        }
    }
}
