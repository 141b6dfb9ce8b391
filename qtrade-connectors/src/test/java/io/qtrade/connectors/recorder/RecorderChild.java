package io.qtrade.connectors.recorder;

import io.qtrade.store.TickStore;
import io.qtrade.core.market.EventBatch;

import java.nio.file.Path;
import java.util.List;

/**
 * The child JVM of {@link TickRecorderCrashTest}: records the synthetic stream into {@code args[0]} with parts of
 * {@code args[1]} rows and prints {@code FLUSHED <rows durably written>} after each flush, until it is killed.
 */
public final class RecorderChild {

    private RecorderChild() {
    }

    /** {@code RecorderChild <store root> <rows per part>}. */
    public static void main(String[] args) {
        TickStore store = TickStore.at(Path.of(args[0]));
        int rows = Integer.parseInt(args[1]);
        TickRecorder recorder = TickRecorder.builder(store, List.of(RecordedRows.AAA, RecordedRows.BBB))
                .maxRowsPerPart(rows).build();
        var market = RecordedRows.market(TickRecorderCrashTest.EVENTS, TickRecorderCrashTest.SEED);
        EventBatch batch = new EventBatch(250);
        long flushes = 0;
        while (market.readBatch(batch)) {
            recorder.onEvents(batch);
            if (recorder.flushes() != flushes) {
                flushes = recorder.flushes();
                System.out.println("FLUSHED " + recorder.rowsFlushed());
                System.out.flush();
            }
        }
        System.out.println("DONE");
    }
}
