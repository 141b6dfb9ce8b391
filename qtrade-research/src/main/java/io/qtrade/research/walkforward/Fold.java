package io.qtrade.research.walkforward;

import io.qtrade.research.sweep.ParameterSet;
import io.qtrade.research.sweep.Partition;

import java.util.List;

/**
 * One window of a walk-forward: the parameter set that ranked first in sample and how it did out of sample.
 *
 * @param index          the fold's number, 0..
 * @param inSample       the in-sample partitions
 * @param outOfSample    the out-of-sample partitions that follow them
 * @param best           the set ranked first in sample by the walk-forward's metric
 * @param inSampleScore  its in-sample score: the metric's mean over the in-sample partitions
 * @param outSampleScore the same metric's mean over the out-of-sample partitions
 * @param outSamplePnl   its net PnL summed over the out-of-sample partitions
 * @param failures       in- and out-of-sample runs that failed
 */
public record Fold(int index, List<Partition> inSample, List<Partition> outOfSample, ParameterSet best,
                   double inSampleScore, double outSampleScore, double outSamplePnl, int failures) {
}
