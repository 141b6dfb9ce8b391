package io.qtrade.research.sweep;

import io.qtrade.backtest.BacktestResult;
import io.qtrade.risk.metrics.Conventions;
import io.qtrade.risk.metrics.Drawdown;
import io.qtrade.risk.metrics.PerformanceMetrics;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.Serializable;

/**
 * What a sweep records of one backtest, for one strategy: PnL, costs, activity, and risk-adjusted figures computed
 * with {@code qtrade-risk}'s metrics on the strategy's net-PnL path sampled on a regular grid.
 *
 * <pre>{@code
 * pnl_k       = strategy net PnL at t_0 + k * samplePeriod   (last equity row at or before; t_0 = first row)
 * dPnl_k      = pnl_k - pnl_{k-1}
 * sharpe      = mean(dPnl) / std(dPnl, ddof 1) * sqrt(periodsPerYear),  periodsPerYear = 365 d / samplePeriod
 * maxDrawdown = max_k (max_{j<=k} pnl_j - pnl_k)                        (currency; 0 if the path never falls)
 * makerShare  = maker fills / fills                                      (NaN without fills)
 * }</pre>
 * The Sharpe ratio of PnL changes equals that of returns on any constant capital (the scale cancels), so it needs no
 * capital figure; a path with fewer than two changes, or none that differ, has a NaN Sharpe ratio.
 *
 * @param netPnl         realized + unrealized - fees, quote currency
 * @param fees           fees paid net of rebates (negative: rebates earned)
 * @param orders         orders sent
 * @param fills          fills received
 * @param makerShare     share of the fills that were maker fills
 * @param tradedNotional sum of |price * qty * multiplier| over fills
 * @param sharpe         annualised Sharpe ratio of the sampled PnL changes
 * @param maxDrawdown    the deepest fall of the sampled PnL path from its running peak, currency
 * @param events         market events the run processed
 */
public record RunMetrics(double netPnl, double fees, long orders, long fills, double makerShare,
                         double tradedNotional, double sharpe, double maxDrawdown, long events)
        implements Serializable {

    /**
     * The metrics of {@code strategyId} in {@code result}.
     *
     * @param samplePeriodNanos the grid of the PnL path, {@code > 0}
     * @throws IllegalArgumentException for an unknown strategy or a non-positive period
     */
    public static RunMetrics of(BacktestResult result, String strategyId, long samplePeriodNanos) {
        if (samplePeriodNanos <= 0) {
            throw new IllegalArgumentException("samplePeriodNanos must be > 0, was " + samplePeriodNanos);
        }
        result.portfolio(strategyId); // names the strategies if the id is unknown
        Table totals = result.totals();
        StringColumn strategy = totals.stringColumn("strategy");
        StringColumn symbol = totals.stringColumn("symbol");
        int row = -1;
        for (int r = 0; r < totals.rowCount(); r++) {
            if (strategy.get(r).equals(strategyId) && symbol.get(r).equals(BacktestResult.ALL_INSTRUMENTS)) {
                row = r;
            }
        }
        long orders = totals.intColumn("orders").getInt(row);
        long fills = totals.intColumn("fills").getInt(row);
        long maker = totals.intColumn("maker_fills").getInt(row);
        double[] path = PnlPath.of(result.equity(), strategyId, samplePeriodNanos).netPnl();
        double sharpe = Double.NaN;
        double maxDrawdown = 0.0;
        if (path.length >= 2) {
            double[] changes = new double[path.length - 1];
            for (int k = 1; k < path.length; k++) {
                changes[k - 1] = path[k] - path[k - 1];
            }
            maxDrawdown = Drawdown.ofReturnsAdditive(changes).maxDrawdownAmount();
            if (changes.length >= 2) {
                Conventions c = Conventions.DAILY.withPeriodsPerYear(Conventions.periodsPerYearOf(samplePeriodNanos));
                double s = PerformanceMetrics.sharpe(changes, c);
                sharpe = Double.isFinite(s) ? s : Double.NaN;
            }
        }
        return new RunMetrics(totals.doubleColumn("net_pnl").getDouble(row), totals.doubleColumn("fees").getDouble(row),
                orders, fills, fills == 0 ? Double.NaN : (double) maker / fills,
                totals.doubleColumn("traded_notional").getDouble(row), sharpe, maxDrawdown, result.events());
    }
}
