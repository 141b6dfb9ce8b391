package io.qtrade.research.sweep;

import io.qtrade.backtest.Backtest;

import java.io.Serializable;

/**
 * Builds the backtest of one parameter set on one partition: the strategy from the parameters, the events from the
 * partition (typically {@code TickStore.at(root).read(partition.query())}). Called once per task, on the thread (or
 * Spark executor) that runs it, so everything it builds is the task's own. Serializable so that a lambda implementing
 * it can be shipped to Spark executors: it must capture only serializable values (a store root as a {@code String},
 * not a {@code Path}).
 */
@FunctionalInterface
public interface BacktestFactory extends Serializable {

    /**
     * The backtest to run.
     *
     * @throws Exception anything; the sweep records it against the parameters and partition and goes on
     */
    Backtest create(ParameterSet parameters, Partition partition) throws Exception;
}
