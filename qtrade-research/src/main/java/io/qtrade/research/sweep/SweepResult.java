package io.qtrade.research.sweep;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rows of a sweep in task order (set-major), whichever runner produced them, and the tables built from them:
 * {@link #table()} with one row per task and {@link #ranking(Metric)} with one row per parameter set, best first.
 * The tables hold no wall-clock figure, so the same grid, data and seeds give equal tables on any thread count or
 * runner; throughput is in {@link #wallNanos()} and {@link #backtestsPerMinute()}.
 */
public final class SweepResult {

    private final List<ParameterSet> parameterSets;
    private final List<SweepRow> rows;
    private final int tasks;
    private final boolean cancelled;
    private final long wallNanos;

    SweepResult(List<ParameterSet> parameterSets, List<SweepRow> rows, int tasks, boolean cancelled, long wallNanos) {
        this.parameterSets = List.copyOf(parameterSets);
        this.rows = Collections.unmodifiableList(new ArrayList<>(rows));
        this.tasks = tasks;
        this.cancelled = cancelled;
        this.wallNanos = wallNanos;
    }

    /**
     * A result from rows gathered by another runner (a Spark driver): sorted into task order (set, then partition).
     *
     * @param parameterSets the sweep's sets, by index
     * @param rows          every task's row, in any order
     * @param wallNanos     the wall-clock time of the whole run
     */
    public static SweepResult of(List<ParameterSet> parameterSets, List<SweepRow> rows, long wallNanos) {
        List<SweepRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt((SweepRow r) -> r.parameters().index())
                .thenComparingInt(r -> r.partition().index()));
        return new SweepResult(parameterSets, sorted, sorted.size(), false, wallNanos);
    }

    /** Every finished task's row, in task order. */
    public List<SweepRow> rows() {
        return rows;
    }

    /** The rows whose backtest failed, with their parameters, partition and error. */
    public List<SweepRow> failures() {
        List<SweepRow> out = new ArrayList<>();
        for (SweepRow r : rows) {
            if (!r.succeeded()) {
                out.add(r);
            }
        }
        return out;
    }

    /** Tasks the sweep had (those skipped by a cancel included). */
    public int tasks() {
        return tasks;
    }

    /** Whether the sweep was cancelled (then {@link #rows()} has only the tasks that ran). */
    public boolean cancelled() {
        return cancelled;
    }

    /** Wall-clock time of the sweep, nanoseconds. */
    public long wallNanos() {
        return wallNanos;
    }

    /** Market events over all successful backtests. */
    public long totalEvents() {
        long n = 0;
        for (SweepRow r : rows) {
            if (r.succeeded()) {
                n += r.metrics().events();
            }
        }
        return n;
    }

    /** Finished backtests per wall-clock minute. */
    public double backtestsPerMinute() {
        return rows.size() * 60e9 / wallNanos;
    }

    /** {@link #totalEvents()} per wall-clock second, over all threads. */
    public double eventsPerSecond() {
        return totalEvents() * 1e9 / wallNanos;
    }

    /**
     * One row per task: {@code set}, one column per parameter, {@code venue, symbol, date, net_pnl, sharpe,
     * max_drawdown, fees, orders, fills, maker_share, traded_notional, events, error} (NaN metrics and the error text
     * for a failed task, an empty error otherwise).
     */
    public Table table() {
        List<String> names = parameterNames();
        int n = rows.size();
        IntColumn set = IntColumn.create("set");
        List<DoubleColumn> params = new ArrayList<>();
        for (String name : names) {
            params.add(DoubleColumn.create(name));
        }
        StringColumn venue = StringColumn.create("venue");
        StringColumn symbol = StringColumn.create("symbol");
        StringColumn date = StringColumn.create("date");
        DoubleColumn pnl = DoubleColumn.create("net_pnl");
        DoubleColumn sharpe = DoubleColumn.create("sharpe");
        DoubleColumn drawdown = DoubleColumn.create("max_drawdown");
        DoubleColumn fees = DoubleColumn.create("fees");
        LongColumn orders = LongColumn.create("orders");
        LongColumn fills = LongColumn.create("fills");
        DoubleColumn maker = DoubleColumn.create("maker_share");
        DoubleColumn notional = DoubleColumn.create("traded_notional");
        LongColumn events = LongColumn.create("events");
        StringColumn error = StringColumn.create("error");
        for (SweepRow r : rows) {
            set.append(r.parameters().index());
            for (int k = 0; k < names.size(); k++) {
                int at = r.parameters().names().indexOf(names.get(k));
                params.get(k).append(at < 0 ? Double.NaN : r.parameters().values()[at]);
            }
            venue.append(r.partition().venue());
            symbol.append(r.partition().symbol());
            date.append(r.partition().date().toString());
            RunMetrics m = r.metrics();
            boolean ok = m != null;
            pnl.append(ok ? m.netPnl() : Double.NaN);
            sharpe.append(ok ? m.sharpe() : Double.NaN);
            drawdown.append(ok ? m.maxDrawdown() : Double.NaN);
            fees.append(ok ? m.fees() : Double.NaN);
            orders.append(ok ? m.orders() : 0L);
            fills.append(ok ? m.fills() : 0L);
            maker.append(ok ? m.makerShare() : Double.NaN);
            notional.append(ok ? m.tradedNotional() : Double.NaN);
            events.append(ok ? m.events() : 0L);
            error.append(ok ? "" : r.error());
        }
        Table t = Table.create("sweep").addColumns(set);
        params.forEach(t::addColumns);
        return t.addColumns(venue, symbol, date, pnl, sharpe, drawdown, fees, orders, fills, maker, notional, events,
                error);
    }

    /**
     * One row per parameter set over its successful runs, best first by the mean of {@code metric} (sets without a
     * successful run last, then by set index): {@code rank, set}, the parameters, {@code runs, failed,
     * score_<metric>} (the metric's mean over the set's runs),
     * {@code total_net_pnl, mean_sharpe, worst_max_drawdown, total_fills, mean_maker_share, total_fees}; the sample
     * size behind each mean is {@code runs} (less any run whose value is undefined, e.g. a NaN Sharpe ratio).
     */
    public Table ranking(Metric metric) {
        return ranking(metric, 0);
    }

    /**
     * {@link #ranking(Metric)} of the parameter sets with at least {@code minFills} fills over their successful runs
     * ({@code total_fills}); the others are left out, and the table's name says how many: a set that barely traded has
     * a Sharpe ratio or a PnL per fill from a handful of fills, and should not top a ranking.
     *
     * @param minFills the minimum {@code total_fills}, >= 0 (0: every set)
     */
    public Table ranking(Metric metric, long minFills) {
        if (minFills < 0) {
            throw new IllegalArgumentException("sweep ranking: minFills = " + minFills + ", expected >= 0");
        }
        List<String> names = parameterNames();
        List<Aggregate> aggregates = aggregates(metric);
        int before = aggregates.size();
        aggregates.removeIf(a -> a.totalFills < minFills);
        int leftOut = before - aggregates.size();
        aggregates.sort((a, b) -> {
            int c = metric.compareBestFirst(a.meanMetric, b.meanMetric);
            return c != 0 ? c : Integer.compare(a.set.index(), b.set.index());
        });
        IntColumn rank = IntColumn.create("rank");
        IntColumn set = IntColumn.create("set");
        List<DoubleColumn> params = new ArrayList<>();
        for (String name : names) {
            params.add(DoubleColumn.create(name));
        }
        IntColumn runs = IntColumn.create("runs");
        IntColumn failed = IntColumn.create("failed");
        DoubleColumn mean = DoubleColumn.create("score_" + metric.column());
        DoubleColumn pnl = DoubleColumn.create("total_net_pnl");
        DoubleColumn sharpe = DoubleColumn.create("mean_sharpe");
        DoubleColumn drawdown = DoubleColumn.create("worst_max_drawdown");
        LongColumn fills = LongColumn.create("total_fills");
        DoubleColumn maker = DoubleColumn.create("mean_maker_share");
        DoubleColumn fees = DoubleColumn.create("total_fees");
        int r = 1;
        for (Aggregate a : aggregates) {
            rank.append(r++);
            set.append(a.set.index());
            for (int k = 0; k < names.size(); k++) {
                int at = a.set.names().indexOf(names.get(k));
                params.get(k).append(at < 0 ? Double.NaN : a.set.values()[at]);
            }
            runs.append(a.runs);
            failed.append(a.failed);
            mean.append(a.meanMetric);
            pnl.append(a.runs == 0 ? Double.NaN : a.totalPnl);
            sharpe.append(a.meanSharpe);
            drawdown.append(a.runs == 0 ? Double.NaN : a.worstDrawdown);
            fills.append(a.totalFills);
            maker.append(a.meanMakerShare);
            fees.append(a.runs == 0 ? Double.NaN : a.totalFees);
        }
        Table t = Table.create("ranking by " + metric.column() + (minFills == 0 ? "" : ", sets with at least "
                + minFills + " fills (" + leftOut + " of " + before + " left out)")).addColumns(rank, set);
        params.forEach(t::addColumns);
        return t.addColumns(runs, failed, mean, pnl, sharpe, drawdown, fills, maker, fees);
    }

    /**
     * The score of {@code set} in {@link #ranking(Metric)}: the mean of {@code metric} over its successful runs whose
     * value is defined; NaN if there is none.
     */
    public double score(ParameterSet set, Metric metric) {
        for (Aggregate a : aggregates(metric)) {
            if (a.set.index() == set.index()) {
                return a.meanMetric;
            }
        }
        return Double.NaN;
    }

    /**
     * The parameter set ranked first by {@code metric}.
     *
     * @throws IllegalStateException if no run succeeded
     */
    public ParameterSet best(Metric metric) {
        return best(metric, 0);
    }

    /**
     * The parameter set ranked first by {@code metric} among those with at least {@code minFills} fills
     * ({@link #ranking(Metric, long)}).
     *
     * @throws IllegalStateException if no run succeeded, or no set has that many fills
     */
    public ParameterSet best(Metric metric, long minFills) {
        List<Aggregate> aggregates = aggregates(metric);
        Aggregate best = null;
        long mostFills = 0;
        for (Aggregate a : aggregates) {
            mostFills = Math.max(mostFills, a.totalFills);
            if (a.totalFills < minFills) {
                continue;
            }
            if (a.runs > 0 && !Double.isNaN(a.meanMetric) && (best == null
                    || metric.compareBestFirst(a.meanMetric, best.meanMetric) < 0)) {
                best = a;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no parameter set has a successful run with a defined "
                    + metric.column() + (minFills > 0 ? " and at least " + minFills + " fills (the most any set has: "
                    + mostFills + ")" : "") + " (" + failures().size() + " of " + rows.size() + " runs failed)");
        }
        return best.set;
    }

    private List<String> parameterNames() {
        Set<String> names = new LinkedHashSet<>();
        for (ParameterSet s : parameterSets) {
            names.addAll(s.names());
        }
        for (SweepRow r : rows) {
            names.addAll(r.parameters().names());
        }
        return new ArrayList<>(names);
    }

    private List<Aggregate> aggregates(Metric metric) {
        List<Aggregate> out = new ArrayList<>();
        for (ParameterSet s : parameterSets) {
            out.add(new Aggregate(s));
        }
        for (SweepRow r : rows) {
            int i = r.parameters().index();
            while (out.size() <= i) {
                out.add(null);
            }
            if (out.get(i) == null) {
                out.set(i, new Aggregate(r.parameters()));
            }
            out.get(i).add(r, metric);
        }
        out.removeIf(a -> a == null);
        for (Aggregate a : out) {
            a.finish();
        }
        return out;
    }

    @Override
    public String toString() {
        return "SweepResult[rows=" + rows.size() + " of " + tasks + ", failures=" + failures().size()
                + ", cancelled=" + cancelled + "]";
    }

    /** A parameter set's runs summed; means over the runs whose value is defined. */
    private static final class Aggregate {
        final ParameterSet set;
        int runs;
        int failed;
        double sumMetric;
        int nMetric;
        double meanMetric = Double.NaN;
        double totalPnl;
        double sumSharpe;
        int nSharpe;
        double meanSharpe = Double.NaN;
        double worstDrawdown;
        long totalFills;
        double sumMaker;
        int nMaker;
        double meanMakerShare = Double.NaN;
        double totalFees;

        Aggregate(ParameterSet set) {
            this.set = set;
        }

        void add(SweepRow r, Metric metric) {
            if (!r.succeeded()) {
                failed++;
                return;
            }
            RunMetrics m = r.metrics();
            runs++;
            double v = metric.of(m);
            if (!Double.isNaN(v)) {
                sumMetric += v;
                nMetric++;
            }
            totalPnl += m.netPnl();
            if (!Double.isNaN(m.sharpe())) {
                sumSharpe += m.sharpe();
                nSharpe++;
            }
            worstDrawdown = Math.max(worstDrawdown, m.maxDrawdown());
            totalFills += m.fills();
            if (!Double.isNaN(m.makerShare())) {
                sumMaker += m.makerShare();
                nMaker++;
            }
            totalFees += m.fees();
        }

        void finish() {
            meanMetric = nMetric == 0 ? Double.NaN : sumMetric / nMetric;
            meanSharpe = nSharpe == 0 ? Double.NaN : sumSharpe / nSharpe;
            meanMakerShare = nMaker == 0 ? Double.NaN : sumMaker / nMaker;
        }
    }
}
