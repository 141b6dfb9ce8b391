package io.qtrade.examples;

import io.qtrade.store.CatalogEntry;
import io.qtrade.store.SampleData;
import io.qtrade.store.TickFormat;
import io.qtrade.store.TickQuery;
import io.qtrade.store.TickStore;
import io.qtrade.store.synthetic.SyntheticMarket;
import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.EventSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Runs the research program on the shipped sample store and checks what it reports. */
class FeatureResearchTest {

    private static final String REFERENCE = "synthetic FX daily RV, 1,302 days (reference, %^2)";
    private static TickStore store;
    private static FeatureResearch.Report report;

    @BeforeAll
    static void runOnTheSample() {
        store = TickStore.at(SampleData.root());
        report = FeatureResearch.run(store, SampleData.SYNTHETIC_VENUE, FeatureResearch.Settings.DEFAULTS);
    }

    /** The instruments the research read: the sample's synthetic venue. */
    private static List<CatalogEntry> catalog() {
        List<CatalogEntry> synthetic = new ArrayList<>();
        for (CatalogEntry e : store.catalog()) {
            if (e.venue().equals(SampleData.SYNTHETIC_VENUE)) {
                synthetic.add(e);
            }
        }
        return synthetic;
    }

    @Test
    void everyInstrumentOfTheCatalogGetsBothOfiRegressionsWithSaneStatistics() {
        int instruments = catalog().size();
        assertThat(report.catalog().rowCount()).isEqualTo(instruments);
        Table ofi = report.ofi();
        assertThat(ofi.rowCount()).isEqualTo(2 * instruments);
        for (Row r : ofi) {
            assertThat(r.getInt("buckets")).isPositive();
            assertThat(r.getDouble("R2")).isBetween(0.0, 1.0);
            assertThat(r.getDouble("beta_ticks_per_lot")).isFinite();
            assertThat(r.getDouble("t_beta")).isFinite();
            assertThat(r.getDouble("alpha_ticks")).isFinite();
        }
    }

    @Test
    void ofiMovesThePriceInTheSameBucketMoreThanItPredictsTheNext() {
        // Cont, Kukanov & Stoikov (2014): the contemporaneous relation is linear, positive and strong; what OFI says
        // about the next bucket's change is far weaker. The sample's 10 s buckets show the same.
        Table ofi = report.ofi();
        for (int i = 0; i < ofi.rowCount(); i += 2) {
            assertThat(ofi.stringColumn("regression").get(i)).isEqualTo("dP_k ~ OFI_k");
            assertThat(ofi.stringColumn("regression").get(i + 1)).isEqualTo("dP_k+1 ~ OFI_k");
            assertThat(ofi.doubleColumn("beta_ticks_per_lot").get(i)).isPositive();
            assertThat(ofi.doubleColumn("t_beta").get(i)).isGreaterThan(3.0);
            assertThat(ofi.doubleColumn("R2").get(i)).isGreaterThan(ofi.doubleColumn("R2").get(i + 1));
            // the predictive regression has one bucket fewer (no next change for the last one)
            assertThat(ofi.intColumn("buckets").get(i + 1) + ofi.intColumn("left_out").get(i + 1))
                    .isEqualTo(ofi.intColumn("buckets").get(i) + ofi.intColumn("left_out").get(i) - 1);
        }
    }

    @Test
    void oneBucketPerTenSecondsFromTheFirstCompleteBookToTheLastBookEvent() {
        // Counted independently from the raw rows: the first book is complete at SNAPSHOT_END (its bucket only gives
        // the starting mid), the last bucket holds the last depth row; every bucket in between is one observation.
        Table ofi = report.ofi();
        int row = 0;
        for (CatalogEntry e : catalog()) {
            long first = Long.MIN_VALUE;
            long last = Long.MIN_VALUE;
            try (EventSource source = store.read(TickQuery.symbols(e.symbol()).withVenue(e.venue()))) {
                EventBatch batch = new EventBatch(4096);
                EventCursor c = new EventCursor();
                while (source.readBatch(batch)) {
                    c.reset(batch);
                    while (c.next()) {
                        if (c.kind() == EventKind.SNAPSHOT_END && first == Long.MIN_VALUE) {
                            first = c.exchTs();
                        } else if (c.kind() == EventKind.DEPTH_UPDATE) {
                            last = c.exchTs();
                        }
                    }
                }
            }
            long bucketNanos = FeatureResearch.Settings.DEFAULTS.ofiBucketNanos();
            long expected = last / bucketNanos - first / bucketNanos;
            assertThat(ofi.stringColumn("symbol").get(row)).isEqualTo(e.symbol());
            assertThat((long) ofi.intColumn("buckets").get(row) + ofi.intColumn("left_out").get(row))
                    .isEqualTo(expected);
            row += 2;
        }
    }

    @Test
    void sessionRealizedVariancesAreNonNegativeWithAtMostOneReturnPerGridStep() {
        // 5-minute sessions on a 1 s grid: at most 300 returns each.
        assertThat(report.rvSessions().rowCount()).isPositive();
        for (Row r : report.rvSessions()) {
            assertThat(r.getInt("returns")).isBetween(1, 300);
            assertThat(r.getDouble("RV")).isFinite().isGreaterThanOrEqualTo(0.0);
            assertThat(r.getDouble("vol_bps_per_session")).isCloseTo(1e4 * Math.sqrt(r.getDouble("RV")),
                    within(1e-12));
        }
    }

    @Test
    void theReferenceHarFitReproducesStatsmodels() {
        // statsmodels 0.13.5 OLS on the same synthetic FX series (qtrade-features refcases/har_rv_expected.json):
        // params, non-robust SEs, HAC SEs (Bartlett, maxlags 5, no small-sample correction), R^2; 1e-6 relative.
        Table har = report.har().where(report.har().stringColumn("series").isEqualTo(REFERENCE));
        double[] params = {0.05325304703224297, 0.31502000021648924, 0.43699293059465666, 0.03695852871542231};
        double[] se = {0.00961695675208815, 0.03327741386040646, 0.051800286126716055, 0.04843055393143681};
        double[] nw = {0.01010944767923413, 0.053566649279360265, 0.07711580575051703, 0.046721179242457535};
        assertThat(har.rowCount()).isEqualTo(4);
        for (int j = 0; j < 4; j++) {
            assertThat(har.doubleColumn("coef").get(j)).isCloseTo(params[j], within(1e-6 * params[j]));
            assertThat(har.doubleColumn("se").get(j)).isCloseTo(se[j], within(1e-6 * se[j]));
            assertThat(har.doubleColumn("newey_west_se").get(j)).isCloseTo(nw[j], within(1e-6 * nw[j]));
            assertThat(har.doubleColumn("t_newey_west").get(j)).isCloseTo(params[j] / nw[j],
                    within(1e-5 * params[j] / nw[j]));
        }
        Table summary = report.harSummary().where(report.harSummary().stringColumn("series").isEqualTo(REFERENCE));
        assertThat(summary.intColumn("days").get(0)).isEqualTo(1302);
        assertThat(summary.intColumn("rows").get(0)).isEqualTo(1280);
        assertThat(summary.doubleColumn("R2").get(0)).isCloseTo(0.4041366088215612, within(1e-7));
    }

    @Test
    void theHarForecastIsTheFittedEquationOnTheLastDays() {
        // f_{T+1} = b0 + bd RV_T + bw mean(RV_{T-4..T}) + bm mean(RV_{T-21..T}), by hand from the reference file.
        double[] rv = FeatureResearch.referenceDailyRv();
        int t = rv.length;
        double w = 0;
        double m = 0;
        for (int i = t - 22; i < t; i++) {
            m += rv[i] / 22;
            if (i >= t - 5) {
                w += rv[i] / 5;
            }
        }
        Table har = report.har().where(report.har().stringColumn("series").isEqualTo(REFERENCE));
        double expected = har.doubleColumn("coef").get(0) + har.doubleColumn("coef").get(1) * rv[t - 1]
                + har.doubleColumn("coef").get(2) * w + har.doubleColumn("coef").get(3) * m;
        Table summary = report.harSummary().where(report.harSummary().stringColumn("series").isEqualTo(REFERENCE));
        assertThat(summary.doubleColumn("forecast_1").get(0)).isCloseTo(expected, within(1e-12));
        assertThat(summary.doubleColumn("last_RV").get(0)).isEqualTo(rv[t - 1]);
        // iterated forecasts of a stationary fit (bd + bw + bm < 1) move toward the unconditional mean
        double f5 = summary.doubleColumn("forecast_5").get(0);
        assertThat(f5).isFinite().isPositive();
    }

    @Test
    void eachStoreSeriesIsFittedOnlyWithEnoughSessionsAndOtherwiseSaysWhy() {
        // The sample spans three days: over 800 complete 5-minute sessions per instrument, more than 52 (a store
        // with fewer gets the note).
        Table summary = report.harSummary();
        for (CatalogEntry e : catalog()) {
            Table rows = summary.where(summary.stringColumn("series").isEqualTo(e.symbol()
                    + " sessions (store, bps^2)"));
            assertThat(rows.rowCount()).as("a HAR row for %s", e.symbol()).isEqualTo(1);
            int sessions = report.rvSessions().where(report.rvSessions().stringColumn("symbol")
                    .isEqualTo(e.symbol())).rowCount();
            if (sessions < FeatureResearch.MIN_HAR_SESSIONS) {
                assertThat(rows.stringColumn("note").get(0)).isEqualTo("not fitted: " + sessions
                        + " sessions in the store, " + FeatureResearch.MIN_HAR_SESSIONS + " needed");
                assertThat(rows.doubleColumn("forecast_1").getDouble(0)).isNaN();
                assertThat(rows.intColumn("days").get(0)).isZero();
            } else {
                assertThat(rows.intColumn("days").get(0)).isEqualTo(sessions);
                assertThat(rows.doubleColumn("R2").getDouble(0)).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void aStoreWithEnoughSessionsGetsItsOwnHarFitOnItsSessionRvInBpsSquared(@TempDir Path dir) {
        // 150,000 synthetic events span about 13 minutes: on a 0.1 s grid, 6 s sessions give over 100 sessions.
        Instrument aaa = Instrument.spot("AAA", "SYN", 0.01, 1);
        TickStore small = TickStore.at(dir);
        small.write(SyntheticMarket.builder().instrument(aaa, 100.00).events(150_000).seed(5).build(),
                TickFormat.PARQUET);
        FeatureResearch.Report r = FeatureResearch.run(small,
                new FeatureResearch.Settings(10_000_000_000L, 100_000_000L, 6_000_000_000L));
        String label = "AAA sessions (store, bps^2)";
        Table summary = r.harSummary().where(r.harSummary().stringColumn("series").isEqualTo(label));
        assertThat(summary.rowCount()).isEqualTo(1);
        int days = summary.intColumn("days").get(0);
        assertThat(days).isEqualTo(r.rvSessions().rowCount()).isGreaterThanOrEqualTo(FeatureResearch.MIN_HAR_SESSIONS);
        assertThat(summary.intColumn("rows").get(0)).isEqualTo(days - 22);
        assertThat(summary.doubleColumn("R2").get(0)).isBetween(0.0, 1.0);
        assertThat(summary.stringColumn("note").get(0)).isEmpty();
        // by hand: f_{T+1} = b0 + bd RV_T + bw mean(RV_{T-4..T}) + bm mean(RV_{T-21..T}), RV in bps^2 = 1e8 RV
        double[] rv = new double[days];
        for (int i = 0; i < days; i++) {
            rv[i] = 1e8 * r.rvSessions().doubleColumn("RV").get(i);
        }
        Table har = r.har().where(r.har().stringColumn("series").isEqualTo(label));
        double expected = har.doubleColumn("coef").get(0) + har.doubleColumn("coef").get(1) * rv[days - 1]
                + har.doubleColumn("coef").get(2) * mean(rv, days - 5, days)
                + har.doubleColumn("coef").get(3) * mean(rv, days - 22, days);
        assertThat(summary.doubleColumn("forecast_1").get(0)).isCloseTo(expected, within(1e-9 * Math.abs(expected)));
        // a single instrument has no pair to scan
        assertThat(r.engleGranger().rowCount()).isZero();
        assertThat(r.johansen().rowCount()).isZero();
    }

    private static double mean(double[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += x[i];
        }
        return s / (to - from);
    }

    @Test
    void everyPairIsScannedWithPValuesAndTraceStatisticsInRange() {
        int n = catalog().size();
        Table eg = report.engleGranger();
        assertThat(eg.rowCount()).isEqualTo(n * (n - 1) / 2);
        for (Row r : eg) {
            assertThat(r.getInt("points")).isGreaterThanOrEqualTo(FeatureResearch.MIN_PAIR_POINTS);
            assertThat(r.getDouble("eg_p_value")).isBetween(0.0, 1.0);
            assertThat(r.getDouble("hedge_ratio")).isFinite();
            assertThat(r.getDouble("eg_t")).isFinite();
            assertThat(r.getDouble("eg_crit_5%")).isNegative();
            assertThat(r.getDouble("half_life_s")).isPositive();
        }
        Table jo = report.johansen();
        assertThat(jo.rowCount()).isEqualTo(2 * eg.rowCount());
        for (int i = 0; i < jo.rowCount(); i += 2) {
            double trace0 = jo.doubleColumn("trace").get(i);
            double trace1 = jo.doubleColumn("trace").get(i + 1);
            // trace_r = -T sum_{i > r} ln(1 - lambda_i): non-negative and non-increasing in r
            assertThat(trace1).isGreaterThanOrEqualTo(0.0);
            assertThat(trace0).isGreaterThanOrEqualTo(trace1);
            // 95% critical values of statsmodels' table for det_order 0: 15.4943 (m - r = 2), 3.8415 (m - r = 1)
            assertThat(jo.doubleColumn("crit_95%").get(i)).isEqualTo(15.4943);
            assertThat(jo.doubleColumn("crit_95%").get(i + 1)).isEqualTo(3.8415);
            for (int r = i; r <= i + 1; r++) {
                assertThat(jo.doubleColumn("eigenvalue").get(r)).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void printsTheSameReportTwice() {
        String first = report.print();
        String second = FeatureResearch.run(store, SampleData.SYNTHETIC_VENUE, FeatureResearch.Settings.DEFAULTS)
                .print();
        assertThat(second).isEqualTo(first);
        assertThat(first).contains("OFI vs mid-price change", "HAR-RV", "Engle-Granger", "Johansen", REFERENCE);
    }

    @Test
    void settingsOutOfRangeAreRefusedNamingThem() {
        assertThatThrownBy(() -> new FeatureResearch.Settings(10_000_000_000L, 1_000_000_000L, 1_500_000_000L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rvSessionNanos=1500000000")
                .hasMessageContaining("a multiple of gridNanos");
    }
}
