package io.qtrade.research.sweep;

import io.qtrade.backtest.Backtest;
import io.qtrade.core.market.EventSource;

import java.io.Serializable;

/**
 * Builds the backtest of one parameter set over events it is given: the partition's events decoded once and shared
 * by every set ({@link Sweep.Builder#decodeOnce}), or read afresh for this run. The backtest must take its events from
 * {@code events} only (its source, as given), so that the shared and the re-read runs see the same rows.
 */
@FunctionalInterface
public interface SharedBacktestFactory extends Serializable {

    /**
     * The backtest to run on {@code events}.
     *
     * @throws Exception anything; the sweep records it against the parameters and partition and goes on
     */
    Backtest create(ParameterSet parameters, Partition partition, EventSource events) throws Exception;
}
