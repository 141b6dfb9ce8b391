package io.qtrade.store.cli;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventSource;
import io.qtrade.core.market.InMemoryEventSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChainedSourceTest {

    static final Instrument X = Instrument.spot("X", "V", 0.5, 1);

    /** A file of trades at the given exchange times (ns), price = 10 + index / 2 to tell rows apart. */
    static ChainedSource.Input file(String label, AtomicInteger open, long... times) {
        return new ChainedSource.Input(label, () -> {
            open.incrementAndGet();
            EventBatch b = new EventBatch(Math.max(1, times.length));
            for (int i = 0; i < times.length; i++) {
                b.addTrade(0, times[i], times[i] + 1, Side.BUY, 10 + times[i] * 0.5, 1);
            }
            InMemoryEventSource rows = new InMemoryEventSource(List.of(X), b);
            return new EventSource() {
                @Override
                public List<Instrument> instruments() {
                    return rows.instruments();
                }

                @Override
                public boolean readBatch(EventBatch into) {
                    return rows.readBatch(into);
                }

                @Override
                public void close() {
                    open.decrementAndGet();
                }
            };
        });
    }

    static List<Long> exchTimes(EventSource s, int batchSize) {
        List<Long> out = new ArrayList<>();
        EventBatch b = new EventBatch(batchSize);
        try (s) {
            while (s.readBatch(b)) {
                for (int i = 0; i < b.size(); i++) {
                    out.add(b.exchTs(i));
                }
            }
        }
        return out;
    }

    @Test
    void filesAreChainedByTheirFirstEventWithEmptyFilesLastAndNoneLeftOpen() {
        AtomicInteger open = new AtomicInteger();
        EventSource s = ChainedSource.of(List.of(X), List.of(file("c", open, 7, 8), file("empty", open),
                file("a", open, 1, 2, 3), file("b", open, 3, 5)));
        assertThat(open.get()).isZero();   // the peeks closed every file
        // a ends at 3 and b starts at 3: equal times at the boundary keep time order.
        assertThat(exchTimes(s, 2)).containsExactly(1L, 2L, 3L, 3L, 5L, 7L, 8L);
        assertThat(open.get()).isZero();
        assertThat(s.toString()).isEqualTo("ChainedSource[a, b, c, empty]");
    }

    @Test
    void aFileStartingBeforeThePreviousEndsIsAnOverlap() {
        AtomicInteger open = new AtomicInteger();
        // Both start at 1, so the command-line order decides: first, then second, which starts at 1 < 4.
        EventSource s = ChainedSource.of(List.of(X), List.of(file("first", open, 1, 4), file("second", open, 1, 9)));
        assertThatThrownBy(() -> exchTimes(s, 16)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("input second starts at 1970-01-01T00:00:00.000000001Z (1 ns), before first ends at"
                        + " 1970-01-01T00:00:00.000000004Z (4 ns): the files overlap in time; give each period once");
    }

    @Test
    void theSameInputTwiceIsRefusedBeforeAnythingIsOpened() {
        AtomicInteger open = new AtomicInteger();
        assertThatThrownBy(() -> ChainedSource.of(List.of(X), List.of(file("a", open, 1), file("a", open, 2))))
                .hasMessage("input a is given twice");
        assertThat(open.get()).isZero();
    }
}
