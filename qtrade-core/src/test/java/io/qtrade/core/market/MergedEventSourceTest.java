package io.qtrade.core.market;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MergedEventSourceTest {

    private static final Instrument A = Instrument.spot("A", "SIM", 0.01, 1);
    private static final Instrument B = Instrument.spot("B", "SIM", 0.01, 1);
    private static final Instrument C = Instrument.spot("C", "SIM", 0.01, 1);

    @Test
    void interleavesByTimeAndBreaksTiesBySourceOrder() {
        EventBatch a = new EventBatch(8);
        a.addTrade(0, 10, 10, Side.BUY, 1.00, 1);
        a.addTrade(0, 20, 20, Side.BUY, 1.01, 2);
        a.addTrade(0, 20, 20, Side.BUY, 1.02, 3);
        EventBatch b = new EventBatch(8);
        b.addTrade(0, 5, 5, Side.SELL, 2.00, 4);
        b.addTrade(0, 20, 20, Side.SELL, 2.01, 5);
        b.addTrade(0, 30, 30, Side.SELL, 2.02, 6);

        MergedEventSource merged = new MergedEventSource(TimeKey.EXCH,
                List.of(new InMemoryEventSource(List.of(A), a), new InMemoryEventSource(List.of(B), b)), 2);
        EventBatch out = new EventBatch(4);
        List<Double> qtys = new ArrayList<>();
        List<Integer> instruments = new ArrayList<>();
        EventCursor cursor = new EventCursor();
        while (merged.readBatch(out)) {
            cursor.reset(out);
            while (cursor.next()) {
                qtys.add(cursor.qty());
                instruments.add(cursor.instrument());
            }
        }
        // t=5 b; t=10 a; t=20 a, a (source 0 first, its own order kept), then b; t=30 b.
        assertThat(qtys).containsExactly(4.0, 1.0, 2.0, 3.0, 5.0, 6.0);
        assertThat(instruments).containsExactly(1, 0, 0, 0, 1, 1);
        assertThat(merged.instruments()).containsExactly(A, B);
    }

    @Test
    void refusesASourceThatGoesBackInTime() {
        EventBatch a = new EventBatch(8);
        a.addTrade(0, 10, 15, Side.BUY, 1, 1);
        a.addTrade(0, 12, 14, Side.BUY, 1, 1);
        MergedEventSource byLocal = new MergedEventSource(TimeKey.LOCAL,
                List.of(new InMemoryEventSource(List.of(C), new EventBatch(1)), new InMemoryEventSource(List.of(A), a)));
        assertThatThrownBy(() -> byLocal.readBatch(new EventBatch(16)))
                .isInstanceOf(OutOfOrderEventException.class)
                .hasMessage("source 1 (A@SIM), event 1: LOCAL timestamp 14 is 1 ns before the previous event's 15");
        MergedEventSource byExch = new MergedEventSource(TimeKey.EXCH, List.of(new InMemoryEventSource(List.of(A), a)));
        EventBatch out = new EventBatch(16);
        assertThat(byExch.readBatch(out)).isTrue();
        assertThat(out.size()).isEqualTo(2);
    }

    @Test
    void refusesAnInstrumentIndexOutsideItsSourcesList() {
        EventBatch a = new EventBatch(4);
        a.addTrade(1, 10, 10, Side.BUY, 1, 1); // source 0 lists one instrument: index 1 would land on B
        MergedEventSource merged = new MergedEventSource(TimeKey.EXCH,
                List.of(new SourceWithoutCheck(List.of(A), a), new InMemoryEventSource(List.of(B), new EventBatch(1))));
        assertThatThrownBy(() -> merged.readBatch(new EventBatch(4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("source 0 (A@SIM), event 0: instrument index 1 is outside the source's 1 instruments");
        assertThatThrownBy(() -> new MergedEventSource(TimeKey.EXCH, List.of(merged), 0))
                .hasMessage("bufferCapacity must be positive, was 0");
    }

    /** A source that serves its batch as it is, as a careless reader might. */
    private record SourceWithoutCheck(List<Instrument> instruments, EventBatch events) implements EventSource {
        @Override
        public boolean readBatch(EventBatch into) {
            into.clear();
            if (events.isEmpty() || into.capacity() == 0) {
                return false;
            }
            for (int row = 0; row < events.size(); row++) {
                into.addFrom(events, row, 0);
            }
            events.clear();
            return true;
        }
    }

    /** The merge against a stable sort of all events, over random streams, sources and buffer sizes. */
    @Property(tries = 200)
    void equalsAStableSortOfAllEvents(@ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 40) Integer> lengths,
                                      @ForAll @IntRange(min = 1, max = 7) int bufferCapacity,
                                      @ForAll @IntRange(min = 1, max = 9) int outCapacity,
                                      @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<EventSource> sources = new ArrayList<>();
        List<long[]> expected = new ArrayList<>(); // {ts, source, seq}
        for (int s = 0; s < lengths.size(); s++) {
            EventBatch events = new EventBatch(Math.max(1, lengths.get(s)));
            long ts = 0;
            for (int i = 0; i < lengths.get(s); i++) {
                ts += random.nextInt(3); // frequent ties
                events.addTrade(0, ts, ts, Side.BUY, 1, i + 1);
                expected.add(new long[] {ts, s, i + 1});
            }
            sources.add(new InMemoryEventSource(List.of(Instrument.spot("S" + s, "SIM", 0.01, 1)), events));
        }
        expected.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));

        MergedEventSource merged = new MergedEventSource(TimeKey.EXCH, sources, bufferCapacity);
        EventBatch out = new EventBatch(outCapacity);
        EventCursor cursor = new EventCursor();
        int n = 0;
        while (merged.readBatch(out)) {
            assertThat(out.size()).isLessThanOrEqualTo(outCapacity);
            cursor.reset(out);
            while (cursor.next()) {
                long[] e = expected.get(n++);
                assertThat(cursor.exchTs()).isEqualTo(e[0]);
                assertThat(cursor.instrument()).isEqualTo((int) e[1]);
                assertThat(cursor.qty()).isEqualTo((double) e[2]);
            }
        }
        assertThat(n).isEqualTo(expected.size());
    }
}
