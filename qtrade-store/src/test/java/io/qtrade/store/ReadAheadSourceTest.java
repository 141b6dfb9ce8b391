package io.qtrade.store;

import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventSource;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.store.synthetic.SyntheticMarket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The read-ahead source delivers exactly the upstream's events, failures included, and stops its thread on close. */
class ReadAheadSourceTest {

    static final Instrument A = Instrument.spot("A", "SIM", 0.01, 1);
    static final Instrument B = Instrument.spot("B", "SIM", 0.01, 1);

    private static List<String> rows(EventSource source, int batchRows) {
        List<String> out = new ArrayList<>();
        EventBatch b = new EventBatch(batchRows);
        try (source) {
            while (source.readBatch(b)) {
                assertThat(b.isEmpty()).isFalse();
                for (int i = 0; i < b.size(); i++) {
                    out.add(b.instrument(i) + " " + ParquetPageDecoderTest.row(b, i));
                }
            }
        }
        return out;
    }

    private static SyntheticMarket market() {
        return SyntheticMarket.builder().instrument(A, 100).instrument(B, 50).events(10_000).seed(7).build();
    }

    @Test
    void theEventsAreTheUpstreamsWhateverTheBatchSizesAndDepth() {
        List<String> direct = rows(market(), 1000);
        assertThat(direct).hasSize(10_000);
        for (int[] shape : new int[][]{{1, 2}, {7, 3}, {4096, 8}, {50_000, 2}}) {
            for (int callerRows : new int[]{1, 333, 4096}) {
                ReadAheadSource ahead = new ReadAheadSource(market(), shape[0], shape[1]);
                assertThat(ahead.instruments()).containsExactly(A, B);
                assertThat(rows(ahead, callerRows)).as("%d x %d ahead, %d per call", shape[0], shape[1], callerRows)
                        .isEqualTo(direct);
            }
        }
    }

    @Test
    void aStoreReadThroughTheReadAheadIsTheSameStream(@TempDir Path dir) {
        TickStore store = TickStore.at(dir);
        store.write(market(), TickFormat.PARQUET);
        TickQuery q = TickQuery.symbols("A", "B");
        assertThat(rows(new ReadAheadSource(store.read(q)), 4096)).isEqualTo(rows(store.read(q), 4096));
    }

    @Test
    void aFailureOnTheReaderThreadIsThrownAfterTheEventsBeforeIt() {
        RuntimeException boom = new TickDataException(Path.of("part-9.parquet"), -1, "price", "row group 3: boom");
        EventSource failing = new EventSource() {
            int calls;

            @Override
            public List<Instrument> instruments() {
                return List.of(A);
            }

            @Override
            public boolean readBatch(EventBatch into) {
                into.clear();
                if (calls++ == 3) {
                    throw boom;
                }
                for (int i = 0; i < 10; i++) {
                    into.addTrade(0, calls * 100L + i, calls * 100L + i, null, 1, 1);
                }
                return true;
            }
        };
        ReadAheadSource ahead = new ReadAheadSource(failing, 10, 2);
        EventBatch b = new EventBatch(7);
        int delivered = 0;
        try {
            while (ahead.readBatch(b)) {
                delivered += b.size();
            }
        } catch (TickDataException e) {
            assertThat(e).isSameAs(boom);
        }
        assertThat(delivered).isEqualTo(30);
        ahead.close();
    }

    @Test
    void closeStopsTheReaderWhileItWaitsForRoomAndClosesTheUpstream() throws Exception {
        EventBatch all = new EventBatch(10_000);
        for (int i = 0; i < 10_000; i++) {
            all.addTrade(0, i, i, null, 1, 1);
        }
        boolean[] closed = {false};
        EventSource upstream = new EventSource() {
            final InMemoryEventSource in = new InMemoryEventSource(List.of(A), all);

            @Override
            public List<Instrument> instruments() {
                return in.instruments();
            }

            @Override
            public boolean readBatch(EventBatch into) {
                return in.readBatch(into);
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        ReadAheadSource ahead = new ReadAheadSource(upstream, 16, 2);
        EventBatch b = new EventBatch(5);
        assertThat(ahead.readBatch(b)).isTrue();
        Thread.sleep(20); // the reader fills the ring and waits for room
        ahead.close();
        assertThat(closed[0]).isTrue();
        assertThatThrownBy(() -> new ReadAheadSource(upstream, 0, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batchRows");
    }
}
