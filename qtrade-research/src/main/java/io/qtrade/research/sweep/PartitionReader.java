package io.qtrade.research.sweep;

import io.qtrade.core.market.EventSource;

import java.io.Serializable;

/**
 * Opens the events of one partition, e.g. {@code TickStore.at(Path.of(root)).read(partition.query())}: what a sweep
 * that decodes each partition once ({@link Sweep.Builder#decodeOnce}) reads, once per partition (or once per run for a
 * partition over the memory budget). Serializable like {@link BacktestFactory}: capture a store root as a
 * {@code String}.
 */
@FunctionalInterface
public interface PartitionReader extends Serializable {

    /**
     * A new source of the partition's events, in {@code exchTs} order; the caller closes it.
     *
     * @throws Exception anything; the sweep records it against every run of the partition
     */
    EventSource open(Partition partition) throws Exception;
}
