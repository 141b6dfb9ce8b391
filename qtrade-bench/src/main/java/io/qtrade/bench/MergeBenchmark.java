package io.qtrade.bench;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventSource;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.core.market.MergedEventSource;
import io.qtrade.core.market.TimeKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The k-way time merge: events per second through {@link MergedEventSource} for k sources, against the baseline of
 * copying the same number of already-merged events from one source (the cost of moving rows, without the merge).
 * One operation is one event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MergeBenchmark {

    static final int EVENTS = 1 << 20;

    @Param({"2", "8"})
    int sources;

    private List<InMemoryEventSource> inputs;
    private InMemoryEventSource presorted;
    private final EventBatch out = new EventBatch(4096);

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        inputs = new ArrayList<>();
        int perSource = EVENTS / sources;
        for (int s = 0; s < sources; s++) {
            EventBatch events = new EventBatch(perSource);
            long ts = 1_700_000_000_000_000_000L;
            for (int i = 0; i < perSource; i++) {
                ts += 1 + random.nextInt(1_000);
                events.addDepth(0, ts, ts + 50_000, random.nextBoolean() ? Side.BUY : Side.SELL,
                        100 + random.nextInt(100) * 0.01, 1 + random.nextInt(10));
            }
            inputs.add(new InMemoryEventSource(List.of(Instrument.spot("S" + s, "SIM", 0.01, 1)), events));
        }
        MergedEventSource merged = new MergedEventSource(TimeKey.EXCH, inputs);
        EventBatch all = new EventBatch(perSource * sources);
        EventBatch chunk = new EventBatch(4096);
        while (merged.readBatch(chunk)) {
            for (int i = 0; i < chunk.size(); i++) {
                all.addFrom(chunk, i, 0);
            }
        }
        presorted = new InMemoryEventSource(merged.instruments(), all);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long merge() {
        for (InMemoryEventSource input : inputs) {
            input.rewind();
        }
        MergedEventSource merged = new MergedEventSource(TimeKey.EXCH, inputs);
        return drain(merged);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long baselineCopyPresorted() {
        presorted.rewind();
        return drain(presorted);
    }

    private long drain(EventSource source) {
        long checksum = 0;
        while (source.readBatch(out)) {
            checksum += out.size() + out.exchTs(out.size() - 1);
        }
        return checksum;
    }
}
