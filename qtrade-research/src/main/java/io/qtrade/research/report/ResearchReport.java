package io.qtrade.research.report;

import io.qtrade.backtest.report.ReportSection;
import io.qtrade.research.montecarlo.MonteCarloResult;
import io.qtrade.research.sweep.Metric;
import io.qtrade.research.sweep.SweepResult;
import io.qtrade.research.walkforward.WalkForwardResult;

import tech.tablesaw.api.Table;

import java.util.Locale;
import java.util.Objects;

/**
 * Sections of the backtest HTML report for research results: a sweep (its heat map when it has two parameters, and
 * its ranking table), a walk-forward run (the folds table and the efficiency) and a Monte Carlo (the summary table
 * and the probability of loss). Every table is escaped ({@link ReportSection#tableHtml}); the heat map is inline SVG,
 * so the page stays self-contained.
 *
 * <pre>{@code
 * ReportOptions options = ReportOptions.builder().title("AS maker, best set")
 *         .section(ResearchReport.sweep(sweep, Metric.SHARPE, "sweep"))
 *         .section(ResearchReport.walkForward(wf))
 *         .section(ResearchReport.monteCarlo(mc, 0.95))
 *         .build();
 * HtmlReport.write(bestRun, Path.of("target/research.html"), options);
 * }</pre>
 */
public final class ResearchReport {

    private ResearchReport() {
    }

    /**
     * The sweep ranked by {@code metric}: a heat map with svg id {@code id} when the sweep has exactly two parameters
     * (else a note saying why there is none), then the ranking table ({@link SweepResult#ranking(Metric)}).
     *
     * @param id the heat map's svg id, {@code [A-Za-z][A-Za-z0-9_-]*}
     */
    public static ReportSection sweep(SweepResult result, Metric metric, String id) {
        return sweep(result, metric, id, 0);
    }

    /**
     * {@link #sweep(SweepResult, Metric, String)} whose ranking table leaves out the parameter sets with fewer than
     * {@code minFills} fills ({@link SweepResult#ranking(Metric, long)}), saying so.
     */
    public static ReportSection sweep(SweepResult result, Metric metric, String id, long minFills) {
        Objects.requireNonNull(result, "research report: sweep result");
        Objects.requireNonNull(metric, "research report: metric");
        StringBuilder b = new StringBuilder();
        b.append(ReportSection.paragraph(String.format(Locale.ROOT,
                "%d backtests (%d failed) in %.1f s; parameter sets ranked by the mean of %s over their runs, %s.",
                result.tasks(), result.failures().size(), result.wallNanos() / 1e9, metric.column(),
                metric.higherIsBetter() ? "highest first" : "lowest first")));
        try {
            SweepHeatMap map = SweepHeatMap.of(result, metric);
            b.append(map.figureHtml(id, "Mean " + metric.column() + " over the partitions per (" + map.xName() + ", "
                    + map.yName() + "); the best cell is yellow, grey cells (n/a) have no defined score."));
        } catch (IllegalArgumentException e) {
            b.append(ReportSection.paragraph("No heat map: " + e.getMessage() + "."));
        }
        Table ranking = result.ranking(metric, minFills);
        if (minFills > 0) {
            b.append(ReportSection.paragraph("The ranking lists the " + ranking.name().substring(
                    ranking.name().indexOf("sets with"))));
        }
        b.append(ReportSection.tableHtml(ranking));
        return new ReportSection("Parameter sweep: ranking by " + metric.column(), b.toString());
    }

    /** The walk-forward folds table ({@link WalkForwardResult#folds(String)}) with the efficiency and the PnL. */
    public static ReportSection walkForward(WalkForwardResult result) {
        Objects.requireNonNull(result, "research report: walk-forward result");
        String note = String.format(Locale.ROOT, "%d folds ranked by %s. Walk-forward efficiency (mean out-of-sample "
                        + "score / mean in-sample score, Pardo 2008): %s. Stitched out-of-sample net PnL: %s.",
                result.folds().size(), result.metric().column(), SweepHeatMap.number(result.efficiency()),
                SweepHeatMap.number(result.outOfSamplePnl()));
        return new ReportSection("Walk-forward", ReportSection.paragraph(note)
                + ReportSection.tableHtml(result.folds("walk-forward folds")));
    }

    /**
     * The Monte Carlo summary ({@link MonteCarloResult#summary(double)}) at {@code confidence}, the probability of a
     * loss and the settings.
     */
    public static ReportSection monteCarlo(MonteCarloResult result, double confidence) {
        Objects.requireNonNull(result, "research report: Monte Carlo result");
        String note = String.format(Locale.ROOT, "%s. Probability of a final loss: %.4f. Intervals: equal-tailed "
                + "%.4g %% percentile intervals of the resampled statistics.", result, result.probabilityOfLoss(),
                confidence * 100);
        return new ReportSection("Monte Carlo", ReportSection.paragraph(note)
                + ReportSection.tableHtml(result.summary(confidence)));
    }
}
