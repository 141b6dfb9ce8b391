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

    /**
     * Two instruments' Parquet parts of many row groups and pages, with runs of equal timestamps inside each and across
     * the two: the store's merge over its own decoder gives core's {@link MergedEventSource} stream over the
     * parquet-mr reference reader, row by row (instrument, every column's bits), for output batches of 1 to 4,096
     * rows and merge buffers of 1 to 4,096.
     */
    @Test
    void theMergedReadOfTwoPartsOfManyRowGroupsAndPagesIsCoresMergeOfTheReferenceReader(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Random r = new Random(2222);
        java.nio.file.Path[] files = new java.nio.file.Path[2];
        Instrument[] instruments = {Instrument.spot("A", "SIM", 0.01, 0.001), Instrument.spot("B", "SIM", 0.01, 0.001)};
        long[] ts = {5_000, 5_000};
        for (int s = 0; s < 2; s++) {
            files[s] = dir.resolve("part-" + s + ".parquet");
            ParquetPartWriter w = new ParquetPartWriter(dir.resolve(".part-" + s + ".inprogress"), files[s],
                    instruments[s], 24 << 10, 2 << 10, 1 << 10);
            EventBatch b = new EventBatch(20_000);
            for (int i = 0; i < 20_000; i++) {
                ts[s] += r.nextInt(3) == 0 ? 0 : r.nextInt(4); // runs of equal times, in step across the two
                if (r.nextInt(5) == 0) {
                    b.addTrade(0, ts[s], ts[s] + 7, r.nextBoolean() ? io.qtrade.core.Side.BUY : null,
                            100 + r.nextInt(100) * 0.01, r.nextInt(50) * 0.1);
                } else {
                    b.addDepth(0, ts[s], ts[s] + 7, r.nextBoolean() ? io.qtrade.core.Side.BUY
                            : io.qtrade.core.Side.SELL, 100 + r.nextInt(100) * 0.01, r.nextInt(50) * 0.1);
                }
            }
            io.qtrade.core.market.EventCursor c = new io.qtrade.core.market.EventCursor().reset(b);
            while (c.next()) {
                w.write(c);
            }
            w.commit();
        }
        try (ParquetTickReader one = new ParquetTickReader(files[0])) {
            assertThat(one.rowGroups()).isGreaterThan(5);
        }
        List<String> expected = rows(new MergedEventSource(TimeKey.EXCH, List.of(
                new ParquetMrTickReader(files[0], instruments[0], TickReadOptions.DEFAULT),
                new ParquetMrTickReader(files[1], instruments[1], TickReadOptions.DEFAULT)), 97), 500);
        assertThat(expected).hasSize(40_000);
        long ties = java.util.stream.IntStream.range(1, expected.size()).filter(i -> !expected.get(i).startsWith(
                expected.get(i - 1).substring(0, 2)) && expected.get(i).split(" ")[1].equals(
                expected.get(i - 1).split(" ")[1])).count();
        assertThat(ties).as("equal times across the two instruments").isGreaterThan(1_000);
        for (int buffer : new int[]{1, 333, 4096}) {
            for (int out : new int[]{1, 777, 4096}) {
                InstrumentMergedSource m = new InstrumentMergedSource(List.of(
                        new ParquetTickReader(files[0], instruments[0], TickReadOptions.DEFAULT),
                        new ParquetTickReader(files[1], instruments[1], TickReadOptions.DEFAULT)), buffer);
                List<String> got = rows(m, out);
                m.close();
                assertThat(got).as("buffer %d, batches of %d", buffer, out).isEqualTo(expected);
            }
        }
    }
}
