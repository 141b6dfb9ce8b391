package io.qtrade.examples;

import io.qtrade.portfolio.covariance.LedoitWolf;
import io.qtrade.portfolio.hrp.HierarchicalRiskParity;
import io.qtrade.portfolio.optimize.PortfolioConstraints;
import io.qtrade.portfolio.rebalance.AllocationRule;
import io.qtrade.portfolio.rebalance.AllocationRules;
import io.qtrade.portfolio.rebalance.RebalanceResult;
import io.qtrade.portfolio.rebalance.RebalanceSchedule;
import io.qtrade.portfolio.rebalance.Rebalancer;
import io.qtrade.portfolio.returns.HistoricalMean;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Minimum variance, maximum Sharpe, equal risk contribution, HRP and 1/N on the 30 Dow Jones stocks' real daily closes
 * of 1991-2000 (fBasics::DowJones30), walk-forward: a 252-day Ledoit-Wolf window, monthly rebalancing at the close,
 * 10 bp per unit of weight traded; mean-variance portfolios long-only with at most 10% per stock. Prints one table.
 *
 * <p>Run: {@code mvn -B -q -pl examples -am -DskipTests -Pdemo package
 * -Ddemo.mainClass=io.qtrade.examples.PortfolioComparison} (arguments: {@code lookback=252 cost_bps=10
 * schedule=monthly|weekly|drift:0.05}).
 */
public final class PortfolioComparison {

    /** The bundled closes (Debian r-cran-fbasics 4021.93-1, dataset DowJones30; GPL >= 2). */
    public static final String DATA_RESOURCE = "dowjones30_daily_19901231_20010102.csv.gz";

    private PortfolioComparison() {
    }

    /** Daily closes as dates + a T x N matrix, and the simple returns between consecutive rows. */
    public record DailyReturns(LocalDate[] dates, String[] assets, double[][] returns) {
    }

    /** Reads the bundled DowJones30 closes and turns them into daily simple returns. */
    public static DailyReturns loadDowJones30() {
        try (InputStream raw = PortfolioComparison.class.getResourceAsStream(DATA_RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("missing resource " + DATA_RESOURCE);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw),
                    StandardCharsets.UTF_8));
            String[] header = r.readLine().split(",");
            String[] assets = java.util.Arrays.copyOfRange(header, 1, header.length);
            List<LocalDate> dates = new ArrayList<>();
            List<double[]> closes = new ArrayList<>();
            int line = 1;
            for (String s = r.readLine(); s != null; s = r.readLine()) {
                line++;
                String[] f = s.split(",");
                if (f.length != header.length) {
                    throw new IllegalStateException(DATA_RESOURCE + " line " + line + ": " + f.length
                            + " fields, expected " + header.length);
                }
                dates.add(LocalDate.parse(f[0]));
                double[] c = new double[assets.length];
                for (int i = 0; i < c.length; i++) {
                    c[i] = Double.parseDouble(f[i + 1]);
                }
                closes.add(c);
            }
            int t = closes.size() - 1;
            double[][] ret = new double[t][assets.length];
            LocalDate[] d = new LocalDate[t];
            for (int k = 0; k < t; k++) {
                d[k] = dates.get(k + 1);
                for (int i = 0; i < assets.length; i++) {
                    ret[k][i] = closes.get(k + 1)[i] / closes.get(k)[i] - 1.0;
                }
            }
            return new DailyReturns(d, assets, ret);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The five allocation rules of the comparison, by name. */
    public static Map<String, AllocationRule> rules(int assets) {
        PortfolioConstraints capped = PortfolioConstraints.builder(assets).bounds(0.0, 0.10).build();
        Map<String, AllocationRule> rules = new LinkedHashMap<>();
        rules.put("min-variance", AllocationRules.minimumVariance(LedoitWolf.INSTANCE, capped));
        rules.put("max-Sharpe", AllocationRules.maximumSharpe(LedoitWolf.INSTANCE, HistoricalMean.INSTANCE, 0.0,
                capped));
        rules.put("ERC", AllocationRules.equalRiskContribution(LedoitWolf.INSTANCE));
        rules.put("HRP", AllocationRules.hierarchicalRiskParity(LedoitWolf.INSTANCE, HierarchicalRiskParity.SINGLE));
        rules.put("1/N", AllocationRules.equalWeight());
        return rules;
    }

    /** Runs every rule on the same data and returns one row per rule. */
    public static Table compare(DailyReturns data, int lookback, double costRate, RebalanceSchedule schedule) {
        StringColumn name = StringColumn.create("portfolio");
        DoubleColumn ret = DoubleColumn.create("ann_return");
        DoubleColumn vol = DoubleColumn.create("ann_volatility");
        DoubleColumn sharpe = DoubleColumn.create("sharpe");
        DoubleColumn mdd = DoubleColumn.create("max_drawdown");
        DoubleColumn turn = DoubleColumn.create("ann_turnover");
        DoubleColumn cost = DoubleColumn.create("total_cost");
        IntColumn rebal = IntColumn.create("rebalances");
        for (Map.Entry<String, AllocationRule> e : rules(data.assets().length).entrySet()) {
            RebalanceResult r = new Rebalancer(e.getValue(), schedule, lookback, costRate, 252)
                    .run(data.dates(), data.returns());
            name.append(e.getKey());
            ret.append(r.annualisedReturn());
            vol.append(r.annualisedVolatility());
            sharpe.append(r.sharpeRatio());
            mdd.append(r.maxDrawdown());
            turn.append(r.annualTurnover());
            cost.append(r.totalCost());
            rebal.append(r.events().size());
        }
        for (DoubleColumn c : List.of(ret, vol, sharpe, mdd, turn, cost)) {
            c.setPrintFormatter(tech.tablesaw.columns.numbers.NumberColumnFormatter.fixedWithGrouping(4));
        }
        return Table.create("portfolio comparison", name, ret, vol, sharpe, mdd, turn, cost, rebal);
    }

    /** Arguments {@code lookback=252 cost_bps=10 schedule=monthly|weekly|drift:0.05}. */
    public static void main(String[] args) {
        int lookback = 252;
        double costBps = 10.0;
        RebalanceSchedule schedule = RebalanceSchedule.monthly();
        String scheduleName = "monthly";
        for (String a : args) {
            String[] kv = a.split("=", 2);
            switch (kv[0]) {
                case "lookback" -> lookback = Integer.parseInt(kv[1]);
                case "cost_bps" -> costBps = Double.parseDouble(kv[1]);
                case "schedule" -> {
                    scheduleName = kv[1];
                    schedule = kv[1].equals("weekly") ? RebalanceSchedule.weekly()
                            : kv[1].startsWith("drift:") ? RebalanceSchedule.driftThreshold(
                                    Double.parseDouble(kv[1].substring(6)))
                            : kv[1].equals("monthly") ? RebalanceSchedule.monthly() : null;
                    if (schedule == null) {
                        throw new IllegalArgumentException("schedule=" + kv[1]
                                + ", expected monthly, weekly or drift:THRESHOLD");
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument '" + a
                        + "', expected lookback=, cost_bps= or schedule=");
            }
        }
        DailyReturns data = loadDowJones30();
        System.out.printf("DowJones30 daily %s..%s, %d stocks; lookback %d, %s rebalancing, %.1f bp per unit traded%n",
                data.dates()[0], data.dates()[data.dates().length - 1], data.assets().length, lookback, scheduleName,
                costBps);
        System.out.println(compare(data, lookback, costBps * 1e-4, schedule).printAll());
    }
}
