package io.qtrade.portfolio.rebalance;

import java.time.LocalDate;
import java.util.List;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * A walk-forward rebalancing run on a returns matrix.
 *
 * @param dates          the dates from the first rebalance on (the first has no return)
 * @param netReturns     per date, the portfolio's simple return net of the costs paid at that date's close
 *                       ({@code (1 + sum w_i r_i)(1 - cost) - 1}); 0 on the first date except its cost
 * @param wealth         per date, starting at 1 before the first rebalance's cost
 * @param events         every rebalance, the first included
 * @param periodsPerYear for the annualised figures (252 for daily)
 */
public record RebalanceResult(LocalDate[] dates, double[] netReturns, double[] wealth, List<RebalanceEvent> events,
                              double periodsPerYear) {

    /** Sum of turnover over all rebalances, the first (from cash) included. */
    public double totalTurnover() {
        return events.stream().mapToDouble(RebalanceEvent::turnover).sum();
    }

    /** Sum of turnover over the rebalances after the first, per year. */
    public double annualTurnover() {
        double s = 0.0;
        for (int k = 1; k < events.size(); k++) {
            s += events.get(k).turnover();
        }
        return s / years();
    }

    /** Sum of costs paid (fractions of wealth at each rebalance). */
    public double totalCost() {
        return events.stream().mapToDouble(RebalanceEvent::cost).sum();
    }

    /** {@code wealth_end^(1/years) - 1}. */
    public double annualisedReturn() {
        return Math.pow(wealth[wealth.length - 1], 1.0 / years()) - 1.0;
    }

    /** Standard deviation (ddof 1) of the net returns after the first date, times sqrt(periodsPerYear). */
    public double annualisedVolatility() {
        int n = netReturns.length - 1;
        double m = 0.0;
        for (int k = 1; k < netReturns.length; k++) {
            m += netReturns[k];
        }
        m /= n;
        double ss = 0.0;
        for (int k = 1; k < netReturns.length; k++) {
            ss += (netReturns[k] - m) * (netReturns[k] - m);
        }
        return Math.sqrt(ss / (n - 1)) * Math.sqrt(periodsPerYear);
    }

    /** Mean / std of the net returns after the first date, times sqrt(periodsPerYear) (rf = 0). */
    public double sharpeRatio() {
        int n = netReturns.length - 1;
        double m = 0.0;
        for (int k = 1; k < netReturns.length; k++) {
            m += netReturns[k];
        }
        m /= n;
        return m * periodsPerYear / annualisedVolatility();
    }

    /** The largest peak-to-trough fall of wealth, a positive fraction. */
    public double maxDrawdown() {
        double peak = 1.0;
        double worst = 0.0;
        for (double w : wealth) {
            peak = Math.max(peak, w);
            worst = Math.max(worst, 1.0 - w / peak);
        }
        return worst;
    }

    private double years() {
        return (netReturns.length - 1) / periodsPerYear;
    }

    /** Date, net return and wealth per date. */
    public Table toTable(String name) {
        return Table.create(name, DateColumn.create("date", dates), DoubleColumn.create("net_return", netReturns),
                DoubleColumn.create("wealth", wealth));
    }
}
