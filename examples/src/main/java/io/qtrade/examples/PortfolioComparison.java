package io.qtrade.examples;

import io.qtrade.backtest.report.ReportSection;
import io.qtrade.bars.BarBacktest;
import io.qtrade.bars.BarResult;
import io.qtrade.bars.cost.BpsCommission;
import io.qtrade.bars.cost.FixedBpsSlippage;
import io.qtrade.bars.order.Rebalance;
import io.qtrade.core.Instrument;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.bar.InMemoryBarSource;
import io.qtrade.portfolio.covariance.LedoitWolf;
import io.qtrade.portfolio.rebalance.RebalancingStrategy;
import io.qtrade.portfolio.rebalance.StrategyRebalance;
import io.qtrade.risk.metrics.Conventions;
import io.qtrade.risk.metrics.PerformanceSummary;
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
import java.nio.file.Path;
import java.time.ZoneOffset;
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
 * Minimum variance, maximum Sharpe, equal risk contribution, HRP and 1/N on a synthetic 30-stock universe's daily
 * closes of 1991-2000 ({@value #DATA_RESOURCE}: a market and five sector factors, GARCH volatility clustering,
 * Student-t shocks, two stress regimes; examples/README.md), walk-forward: a 252-day Ledoit-Wolf window, monthly
 * rebalancing at the close, 10 bp per unit of weight traded; mean-variance portfolios long-only with at most 10% per
 * stock. Prints one table.
 * Then the same five rules as five {@link RebalancingStrategy}s in one bar-engine run on the same closes, with
 * commission and slippage ({@link #compareInBarEngine}): one table (return, volatility, Sharpe, drawdown, turnover,
 * fees, slippage) and the engine's HTML report (equity curves, drawdowns, orders, this table).
 *
 * <p>Run: {@code mvn -B -q -pl examples -am -DskipTests -Pdemo package
 * -Ddemo.mainClass=io.qtrade.examples.PortfolioComparison} (arguments: see {@link #main}).
 */
public final class PortfolioComparison {

    /**
     * The bundled closes: 30 simulated stocks on every weekday 1990-12-31..2001-01-02, made by
     * qtrade-portfolio/src/test/python/make_synthetic_universe.py (seed 19901231; project data, Apache-2.0). The
     * columns carry DJIA tickers of 2000 as labels only.
     */
    public static final String DATA_RESOURCE = "synthetic_universe_daily_19901231_20010102.csv.gz";

    private PortfolioComparison() {
    }

    /** Daily closes as dates + a T x N matrix, and the simple returns between consecutive rows. */
    public record DailyReturns(LocalDate[] dates, String[] assets, double[][] returns) {
    }

    /** Daily closes: dates and a T x N matrix (row t: the closes of dates[t]). */
    public record DailyCloses(LocalDate[] dates, String[] assets, double[][] closes) {
    }

    /** Reads the bundled synthetic universe's closes and turns them into daily simple returns. */
    public static DailyReturns loadUniverse() {
        DailyCloses c = loadUniverseCloses();
        int t = c.closes().length - 1;
        int n = c.assets().length;
        double[][] ret = new double[t][n];
        LocalDate[] d = new LocalDate[t];
        for (int k = 0; k < t; k++) {
            d[k] = c.dates()[k + 1];
            for (int i = 0; i < n; i++) {
                ret[k][i] = c.closes()[k + 1][i] / c.closes()[k][i] - 1.0;
            }
        }
        return new DailyReturns(d, c.assets(), ret);
    }

    /** Reads the bundled synthetic universe's closes (1990-12-31..2001-01-02, 30 stocks). */
    public static DailyCloses loadUniverseCloses() {
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
            return new DailyCloses(dates.toArray(LocalDate[]::new), assets, closes.toArray(double[][]::new));
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

    /** Nanoseconds per day: bar d covers the UTC day of its date. */
    private static final long DAY = 86_400_000_000_000L;

    /**
     * The daily closes as bars (open = high = low = close: the dataset has closes only), one instrument per stock
     * (lot 1, tick 0.01), bar of date D from D 00:00 UTC to D+1 00:00 UTC.
     */
    public static InMemoryBarSource barSource(DailyCloses data) {
        List<Instrument> instruments = new ArrayList<>();
        for (String a : data.assets()) {
            instruments.add(Instrument.spot(a, "NYSE", 0.01, 1));
        }
        int n = data.assets().length;
        BarBatch batch = new BarBatch(data.dates().length * n);
        for (int t = 0; t < data.dates().length; t++) {
            long start = data.dates()[t].toEpochDay() * DAY;
            for (int i = 0; i < n; i++) {
                double c = data.closes()[t][i];
                batch.add(i, start, start + DAY, c, c, c, c, 1e9);
            }
        }
        return new InMemoryBarSource(instruments, batch);
    }

    /** The bar-engine comparison: one row per rule, the engine's result (for the report) and the strategies. */
    public record BarComparison(Table table, BarResult result, Map<String, RebalancingStrategy> strategies) {

        /**
         * Writes the bar engine's HTML report (equity curves of the five strategies, drawdowns, orders, the
         * summary) with this comparison's table (turnover and costs) as a section.
         */
        public Path writeReport(Path file) {
            return result.writeReport(file, "Portfolio construction: five allocation rules in the bar engine",
                    Conventions.DAILY, List.of(ReportSection.table(
                            "Allocation rules: return, risk, turnover and costs", table)));
        }
    }

    /**
     * Runs the five rules as five {@link RebalancingStrategy}s in one {@link BarBacktest} on the same bars: a
     * {@code lookback}-day Ledoit-Wolf window, {@code schedule}, 99% invested, trades at the decision close,
     * commission {@code commissionBps} of notional (no minimum), slippage {@code slippageBps}.
     * <pre>{@code
     * ann_turnover = sum over rebalances after the first of sum_i |target_i - held_i|, over years
     * years        = (bar times - lookback) / 252
     * fees         = the engine's commissions;  slippage = sum side * (fill - decision close) * qty
     * total_cost   = fees + slippage;  cost_fraction = total_cost / initial cash
     * }</pre>
     */
    public static BarComparison compareInBarEngine(DailyCloses data, int lookback, RebalanceSchedule schedule,
                                                   double commissionBps, double slippageBps) {
        double initialCash = 1_000_000;
        Map<String, RebalancingStrategy> strategies = new LinkedHashMap<>();
        BarBacktest.Builder b = BarBacktest.builder()
                .source(barSource(data))
                .initialCash(initialCash)
                .commission(new BpsCommission(commissionBps, 0.0))
                .slippage(new FixedBpsSlippage(slippageBps));
        for (Map.Entry<String, AllocationRule> e : rules(data.assets().length).entrySet()) {
            RebalancingStrategy s = new RebalancingStrategy(e.getValue(), schedule, lookback, 0.99,
                    Rebalance.THIS_CLOSE, ZoneOffset.UTC);
            strategies.put(e.getKey(), s);
            b.strategy(e.getKey(), s);
        }
        BarResult result = b.build().run();
        double years = (result.slices() - lookback) / 252.0;
        StringColumn name = StringColumn.create("portfolio");
        DoubleColumn ret = DoubleColumn.create("ann_return");
        DoubleColumn vol = DoubleColumn.create("ann_volatility");
        DoubleColumn sharpe = DoubleColumn.create("sharpe");
        DoubleColumn mdd = DoubleColumn.create("max_drawdown");
        DoubleColumn turn = DoubleColumn.create("ann_turnover");
        DoubleColumn fees = DoubleColumn.create("fees");
        DoubleColumn slip = DoubleColumn.create("slippage");
        DoubleColumn cost = DoubleColumn.create("total_cost");
        DoubleColumn costFraction = DoubleColumn.create("cost_fraction");
        IntColumn rebal = IntColumn.create("rebalances");
        for (Map.Entry<String, RebalancingStrategy> e : strategies.entrySet()) {
            PerformanceSummary p = result.performance(e.getKey(), Conventions.DAILY);
            RebalancingStrategy s = e.getValue();
            List<StrategyRebalance> events = s.rebalances();
            double turnover = 0.0;
            for (int k = 1; k < events.size(); k++) {
                turnover += events.get(k).turnover();
            }
            name.append(e.getKey());
            ret.append(p.annualisedReturn());
            vol.append(p.annualisedVolatility());
            sharpe.append(p.sharpe());
            mdd.append(p.drawdown().maxDrawdown());
            turn.append(turnover / years);
            fees.append(s.fees());
            slip.append(s.shortfall());
            cost.append(s.fees() + s.shortfall());
            costFraction.append((s.fees() + s.shortfall()) / initialCash);
            rebal.append(events.size());
        }
        for (DoubleColumn c : List.of(ret, vol, sharpe, mdd, turn, costFraction)) {
            c.setPrintFormatter(tech.tablesaw.columns.numbers.NumberColumnFormatter.fixedWithGrouping(4));
        }
        for (DoubleColumn c : List.of(fees, slip, cost)) {
            c.setPrintFormatter(tech.tablesaw.columns.numbers.NumberColumnFormatter.fixedWithGrouping(0));
        }
        Table table = Table.create("portfolio comparison in the bar engine", name, ret, vol, sharpe, mdd, turn,
                fees, slip, cost, costFraction, rebal);
        return new BarComparison(table, result, strategies);
    }

    /**
     * Arguments {@code lookback=252 cost_bps=10 schedule=monthly|weekly|drift:0.05 commission_bps=5 slippage_bps=5
     * report=portfolio-comparison.html}: prints the returns-matrix table (linear cost {@code cost_bps}), then runs the
     * five rules in the bar engine (commission and slippage), prints its table and writes the HTML report.
     */
    public static void main(String[] args) {
        int lookback = 252;
        double commissionBps = 5.0;
        double slippageBps = 5.0;
        Path report = Path.of("portfolio-comparison.html");
        double costBps = 10.0;
        RebalanceSchedule schedule = RebalanceSchedule.monthly();
        String scheduleName = "monthly";
        for (String a : args) {
            String[] kv = a.split("=", 2);
            switch (kv[0]) {
                case "lookback" -> lookback = Integer.parseInt(kv[1]);
                case "cost_bps" -> costBps = Double.parseDouble(kv[1]);
                case "commission_bps" -> commissionBps = Double.parseDouble(kv[1]);
                case "slippage_bps" -> slippageBps = Double.parseDouble(kv[1]);
                case "report" -> report = Path.of(kv[1]);
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
                        + "', expected lookback=, cost_bps=, schedule=, commission_bps=, slippage_bps= or report=");
            }
        }
        DailyReturns data = loadUniverse();
        System.out.printf("Synthetic 30-stock universe, daily %s..%s, %d stocks; lookback %d, %s rebalancing,"
                + " %.1f bp per unit traded%n", data.dates()[0], data.dates()[data.dates().length - 1],
                data.assets().length, lookback, scheduleName,
                costBps);
        System.out.println(compare(data, lookback, costBps * 1e-4, schedule).printAll());
        System.out.printf("In the bar engine: 1,000,000 cash, lot 1, at the decision close, commission %.1f bp,"
                + " slippage %.1f bp%n", commissionBps, slippageBps);
        BarComparison bars = compareInBarEngine(loadUniverseCloses(), lookback, schedule, commissionBps,
                slippageBps);
        System.out.println(bars.table().printAll());
        System.out.println("report: " + bars.writeReport(report).toAbsolutePath());
    }
}
