package io.qtrade.research.sweep;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.BacktestResult;

import java.io.Serializable;

/**
 * One unit of a sweep: a parameter set on a partition. {@link #run} is what every runner executes, in-process or on a
 * Spark executor, so both give the same row.
 *
 * @param parameters the parameter set
 * @param partition  the partition
 */
public record SweepTask(ParameterSet parameters, Partition partition) implements Serializable {

    /**
     * Builds the backtest with {@code factory}, runs it and measures {@code strategyId} (the first strategy when
     * null). Never throws for a failing backtest: the failure becomes the row's error.
     */
    public SweepRow run(BacktestFactory factory, String strategyId, long samplePeriodNanos) {
        try {
            return measure(factory.create(parameters, partition), strategyId, samplePeriodNanos);
        } catch (Exception e) {
            return SweepRow.failed(parameters, partition, e);
        }
    }

    /** {@link #run} of a decode-once sweep: the backtest on the partition's shared events (or a re-read). */
    SweepRow runShared(SharedBacktestFactory factory, DecodedPartitions decoded, int position, String strategyId,
                       long samplePeriodNanos) {
        try {
            return measure(factory.create(parameters, partition, decoded.events(position, partition)), strategyId,
                    samplePeriodNanos);
        } catch (Exception e) {
            return SweepRow.failed(parameters, partition, e);
        }
    }

    private SweepRow measure(Backtest backtest, String strategyId, long samplePeriodNanos) {
        if (backtest == null) {
            throw new IllegalStateException("the backtest factory returned null");
        }
        BacktestResult result = backtest.run();
        String id = strategyId != null ? strategyId : result.strategyIds().get(0);
        return new SweepRow(parameters, partition, RunMetrics.of(result, id, samplePeriodNanos), null);
    }
}
