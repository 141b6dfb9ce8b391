package io.qtrade.spark;

import io.qtrade.research.sweep.Sweep;

import java.nio.file.Path;
import java.util.List;

/** A sweep definition for {@link SparkSweepMain}'s test: the six-set grid over every day of the store at args[0]. */
public final class MakerSweepDefinition implements SweepDefinition {

    /** Needed by {@link SparkSweepMain}: public, no arguments. */
    public MakerSweepDefinition() {
    }

    @Override
    public Sweep sweep(List<String> args) {
        if (args.size() != 1) {
            throw new IllegalArgumentException("expected one argument, the store root; got " + args);
        }
        String root = args.get(0);
        return Sweep.builder().grid(GeneratedStore.grid()).partitions(GeneratedStore.partitions(Path.of(root)))
                .samplePeriodNanos(1_000_000_000L)
                .factory((p, part) -> GeneratedStore.fromStore(root, p, part)).build();
    }
}
