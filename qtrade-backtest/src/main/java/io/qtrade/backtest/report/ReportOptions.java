package io.qtrade.backtest.report;

import io.qtrade.backtest.execution.MarketTape;
import io.qtrade.core.time.Timestamps;
import io.qtrade.risk.metrics.Conventions;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an {@link HtmlReport} shows and how it computes it. Build with {@link #builder()}; {@link #DEFAULTS} is every
 * chart, 1-minute returns, 95 % VaR, no market tape, no caller sections.
 *
 * @param title              the page title
 * @param charts             the charts, in {@link Chart} order
 * @param market             the market the backtest ran on, for VWAP/TWAP benchmarks; {@code null}: none (the
 *                           execution table then compares with the arrival mid only)
 * @param resampleStepNanos  the grid of the return-based metrics
 * @param conventions        the metrics' conventions; periods per year is replaced by the grid's
 *                           ({@code 365 days / step})
 * @param capital            capital of the return-based metrics, NaN: the strategy's initial cash, else its peak gross
 *                           exposure (see {@link EquityCurve})
 * @param maxOrderRows       at most this many orders in the per-order execution table (the largest shortfalls)
 * @param maxChartPoints     at most this many points per series in a chart (last value per bucket beyond that)
 * @param sections           the caller's sections, shown after the report's own in this order (see
 *                           {@link ReportSection}: titles are escaped, bodies are trusted HTML)
 */
public record ReportOptions(String title, Set<Chart> charts, MarketTape market, long resampleStepNanos,
                            Conventions conventions, double capital, int maxOrderRows, int maxChartPoints,
                            List<ReportSection> sections) {

    /** Every chart, 1-minute returns, {@link Conventions#DAILY} otherwise, no tape, 50 order rows, 2,000 points. */
    public static final ReportOptions DEFAULTS = builder().build();

    /** Validates and copies. */
    public ReportOptions {
        Objects.requireNonNull(title, "report options: title");
        charts = Collections.unmodifiableSet(charts.isEmpty() ? EnumSet.noneOf(Chart.class) : EnumSet.copyOf(charts));
        Objects.requireNonNull(conventions, "report options: conventions");
        if (resampleStepNanos <= 0) {
            throw new IllegalArgumentException("report options: resampleStepNanos = " + resampleStepNanos
                    + ", expected > 0");
        }
        if (!Double.isNaN(capital) && !(capital > 0.0 && Double.isFinite(capital))) {
            throw new IllegalArgumentException("report options: capital = " + capital
                    + ", expected NaN (automatic) or finite and > 0");
        }
        if (maxOrderRows < 0) {
            throw new IllegalArgumentException("report options: maxOrderRows = " + maxOrderRows + ", expected >= 0");
        }
        if (maxChartPoints < 2) {
            throw new IllegalArgumentException("report options: maxChartPoints = " + maxChartPoints
                    + ", expected >= 2");
        }
        Objects.requireNonNull(sections, "report options: sections");
        for (int k = 0; k < sections.size(); k++) {
            if (sections.get(k) == null) {
                throw new IllegalArgumentException("report options: sections[" + k + "] is null");
            }
        }
        sections = List.copyOf(sections);
    }

    /** The options without caller sections (the form before sections existed). */
    public ReportOptions(String title, Set<Chart> charts, MarketTape market, long resampleStepNanos,
                         Conventions conventions, double capital, int maxOrderRows, int maxChartPoints) {
        this(title, charts, market, resampleStepNanos, conventions, capital, maxOrderRows, maxChartPoints, List.of());
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The charts as an ordered list. */
    public List<Chart> chartList() {
        return new ArrayList<>(charts);
    }

    /** Builds {@link ReportOptions}; every setter checks its value when {@link #build()} runs. */
    public static final class Builder {
        private String title = "qtrade backtest report";
        private Set<Chart> charts = EnumSet.allOf(Chart.class);
        private MarketTape market;
        private long resampleStepNanos = Timestamps.NANOS_PER_MINUTE;
        private Conventions conventions = Conventions.DAILY;
        private double capital = Double.NaN;
        private int maxOrderRows = 50;
        private int maxChartPoints = 2_000;
        private final List<ReportSection> sections = new ArrayList<>();

        private Builder() {
        }

        /** The page title (HTML-escaped in the page). */
        public Builder title(String value) {
            this.title = value;
            return this;
        }

        /** Which charts to draw (none is allowed: tables only). */
        public Builder charts(Set<Chart> value) {
            this.charts = EnumSet.noneOf(Chart.class);
            this.charts.addAll(value);
            return this;
        }

        /** Which charts to draw. */
        public Builder charts(Chart... value) {
            this.charts = EnumSet.noneOf(Chart.class);
            Collections.addAll(this.charts, value);
            return this;
        }

        /** The market the backtest ran on, for the VWAP and TWAP benchmarks. */
        public Builder market(MarketTape value) {
            this.market = value;
            return this;
        }

        /** The grid of the return-based metrics, nanoseconds. */
        public Builder resampleStepNanos(long value) {
            this.resampleStepNanos = value;
            return this;
        }

        /** Conventions of the metrics (periods per year comes from the grid). */
        public Builder conventions(Conventions value) {
            this.conventions = value;
            return this;
        }

        /** Capital of the return-based metrics. */
        public Builder capital(double value) {
            this.capital = value;
            return this;
        }

        /** Rows of the per-order execution table. */
        public Builder maxOrderRows(int value) {
            this.maxOrderRows = value;
            return this;
        }

        /** Points per chart series. */
        public Builder maxChartPoints(int value) {
            this.maxChartPoints = value;
            return this;
        }

        /**
         * Appends a section of pre-rendered, trusted HTML under an escaped {@code title}, after the report's own
         * sections and any added before (see {@link ReportSection}).
         */
        public Builder section(String title, String html) {
            return section(new ReportSection(title, html));
        }

        /** Appends a section holding {@code table} as an escaped HTML table ({@link ReportSection#tableHtml}). */
        public Builder section(String title, Table table) {
            return section(ReportSection.table(title, table));
        }

        /** Appends a section. */
        public Builder section(ReportSection section) {
            this.sections.add(Objects.requireNonNull(section, "report options: section"));
            return this;
        }

        /** The options. */
        public ReportOptions build() {
            return new ReportOptions(title, charts, market, resampleStepNanos, conventions, capital, maxOrderRows,
                    maxChartPoints, sections);
        }
    }
}
