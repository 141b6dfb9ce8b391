package io.qtrade.backtest.queue.study;

/**
 * One queue model's accuracy against the exact FIFO outcome over a study's placements. "Filled" means the whole
 * virtual order filled within the horizon.
 * <pre>{@code
 * truePositives   filled in both          falseNegatives  filled in truth only
 * falsePositives  filled in model only    trueNegatives   filled in neither
 * fill-time error e = model fill time - true fill time, over the placements filled in both
 * medianFillTimeErrorNanos    median of e (signed: < 0 means the model fills too early)
 * p90AbsFillTimeErrorNanos    90th percentile of |e|
 * meanQtyBias                 mean over all placements of (model filled qty - true filled qty)
 * relativeQtyBias             sum(model filled qty) / sum(true filled qty) - 1   (NaN if nothing truly filled)
 * }</pre>
 * Percentiles interpolate linearly between order statistics (numpy's default, R type 7); NaN without a placement
 * filled in both.
 */
public record ModelAccuracy(String model, int placements, int truePositives, int falseNegatives, int falsePositives,
                            int trueNegatives, double medianFillTimeErrorNanos, double p90AbsFillTimeErrorNanos,
                            double meanQtyBias, double relativeQtyBias) {

    /** Share of placements on which the model agrees with the truth (fill or no fill). */
    public double accuracy() {
        return placements == 0 ? Double.NaN : (double) (truePositives + trueNegatives) / placements;
    }
}
