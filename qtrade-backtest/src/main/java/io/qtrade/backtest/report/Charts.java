package io.qtrade.backtest.report;

import io.qtrade.backtest.attribution.PnlBucket;
import io.qtrade.backtest.report.chart.BarChart;
import io.qtrade.backtest.report.chart.XyChart;

import java.util.List;

/** The report's own charts, drawn by {@link io.qtrade.backtest.report.chart} into inline SVG. */
final class Charts {

    private Charts() {
    }

    /** Grouped bars of trading PnL, fees paid (negative), rebates and net PnL per bucket label. */
    static BarChart pnlBars(String title, String categoryLabel, List<PnlBucket> buckets, List<String> labels) {
        int n = buckets.size();
        double[] trading = new double[n];
        double[] fees = new double[n];
        double[] rebates = new double[n];
        double[] net = new double[n];
        for (int k = 0; k < n; k++) {
            PnlBucket b = buckets.get(k);
            trading[k] = b.tradingPnl();
            fees[k] = -b.feesPaid();
            rebates[k] = b.rebates();
            net[k] = b.netPnl();
        }
        return BarChart.builder(title, labels).xLabel(categoryLabel).yLabel("PnL (quote currency)")
                .series("trading PnL", trading, "#4C72B0").series("fees paid", fees, "#C44E52")
                .series("rebates", rebates, "#55A868").series("net PnL", net, "#333333").build();
    }

    /** A time chart builder with the report's point budget. */
    static XyChart.Builder timeChart(String title, String yLabel, int maxPoints) {
        return XyChart.builder(title, XyChart.Axis.TIME_UTC).yLabel(yLabel).maxPoints(maxPoints);
    }
}
