package io.qtrade.store;

import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventSource;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.core.market.MergedEventSource;
import io.qtrade.core.market.OutOfOrderEventException;
import io.qtrade.core.market.TimeKey;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store's run merge gives exactly core's MergedEventSource stream: order, ties, renumbered instruments. */
class InstrumentMergedSourceTest {

    private static List<InMemoryEventSource> sources(int k, long seed) {
        Random r = new Random(seed);
        List<InMemoryEventSource> out = new ArrayList<>();
        for (int s = 0; s < k; s++) {
            Instrument inst = Instrument.spot("I" + s, "SIM", 0.01, 1);
            int n = 2_000 + r.nextInt(3_000);
            EventBatch b = new EventBatch(n);
            long ts = r.nextInt(50);
            for (int i = 0; i < n; i++) {
                ts += r.nextInt(4) == 0 ? 0 : r.nextInt(5); // many ties within and across sources
                b.addTrade(0, ts, ts + s, null, 100 + s + i * 0.01, 1 + i % 7);
            }
            out.add(new InMemoryEventSource(List.of(inst), b));
        }
        return out;
    }

    private static List<String> rows(EventSource source, int batchRows) {
        List<String> out = new ArrayList<>();
        EventBatch b = new EventBatch(batchRows);
        while (source.readBatch(b)) {
            for (int i = 0; i < b.size(); i++) {
                out.add(b.instrument(i) + " " + ParquetPageDecoderTest.row(b, i));
            }
        }
        return out;
    }

    @Test
    void theStreamIsCoresMergeForTwoAndMoreSources() {
        for (int k = 2; k <= 4; k++) {
            for (long seed = 1; seed <= 3; seed++) {
                List<String> expected = rows(new MergedEventSource(TimeKey.EXCH, sources(k, seed), 97), 500);
                for (int buffer : new int[]{1, 64, 4096}) {
                    InstrumentMergedSource m = new InstrumentMergedSource(sources(k, seed), buffer);
                    assertThat(m.instruments()).hasSize(k);
                    assertThat(rows(m, 333)).as("k=%d seed=%d buffer=%d", k, seed, buffer).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void aSourceGoingBackIsRefusedAsCoresMergeRefusesIt() {
        Instrument a = Instrument.spot("A", "SIM", 0.01, 1);
        Instrument b = Instrument.spot("B", "SIM", 0.01, 1);
        EventBatch ok = new EventBatch(2);
        ok.addTrade(0, 1, 1, null, 1, 1);
        ok.addTrade(0, 5, 5, null, 1, 1);
        EventBatch back = new EventBatch(2);
        back.addTrade(0, 4, 4, null, 1, 1);
        back.addTrade(0, 3, 3, null, 1, 1);
        InstrumentMergedSource m = new InstrumentMergedSource(List.of(new InMemoryEventSource(List.of(a), ok),
                new InMemoryEventSource(List.of(b), back)), 16);
        assertThatThrownBy(() -> rows(m, 16)).isInstanceOf(OutOfOrderEventException.class)
                .hasMessageContaining("source 1").hasMessageContaining("event 1");
    }
}
