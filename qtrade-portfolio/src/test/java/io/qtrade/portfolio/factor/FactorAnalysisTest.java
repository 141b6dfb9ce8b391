package io.qtrade.portfolio.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import io.qtrade.backtest.report.ReportSection;
import io.qtrade.portfolio.RefCases;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * Factor research against {@code factor_momentum_dj15_expected.json}, made by {@code src/test/python/factor_fixture.py}
 * (numpy 1.24.2, scipy 1.10.1: {@code spearmanr}, {@code pearsonr}, {@code ttest_1samp}, a pandas-qcut equivalent):
 * a 20-day momentum factor on the 15 stocks of the synthetic universe's dj15 window (1995-1996). Tolerance 1e-10
 * (same sums in another order).
 */
class FactorAnalysisTest {

    static final JsonNode E = RefCases.json("factor_momentum_dj15_expected.json");

    /** Prices P_0 = 1, P_t = prod (1 + r); factor P_t/P_{t-20} - 1; dates: the base date then the return dates. */
    static FactorData momentum() {
        double[][] r = RefCases.returns("dj15_1995_1996");
        int t = r.length + 1;
        int n = r[0].length;
        double[][] p = new double[t][n];
        Arrays.fill(p[0], 1.0);
        for (int k = 1; k < t; k++) {
            for (int i = 0; i < n; i++) {
                p[k][i] = p[k - 1][i] * (1.0 + r[k - 1][i]);
            }
        }
        int lookback = E.get("lookback").asInt();
        double[][] f = new double[t][n];
        for (int k = 0; k < t; k++) {
            for (int i = 0; i < n; i++) {
                f[k][i] = k < lookback ? Double.NaN : p[k][i] / p[k - lookback][i] - 1.0;
            }
        }
        LocalDate[] dates = new LocalDate[t];
        for (int k = 0; k < t; k++) {
            dates[k] = LocalDate.of(1994, 12, 30).plusDays(k); // calendar spacing is irrelevant to the statistics
        }
        String[] assets = new String[n];
        for (int i = 0; i < n; i++) {
            assets[i] = "A" + i;
        }
        return new FactorData(dates, assets, f, p);
    }

    @Test
    void informationCoefficientAndDecayMatchScipy() {
        FactorData d = momentum();
        for (int h : FactorAnalysis.DEFAULT_HORIZONS) {
            for (CorrelationMethod m : CorrelationMethod.values()) {
                JsonNode e = E.get("horizons").get(Integer.toString(h)).get("ic")
                        .get(m.name().toLowerCase(java.util.Locale.ROOT));
                IcSeries s = FactorAnalysis.informationCoefficient(d, h, m);
                assertThat(s.dates()).isEqualTo(e.get("n").asInt());
                assertThat(s.mean()).isCloseTo(e.get("mean").asDouble(), offset(1e-10));
                assertThat(s.std()).isCloseTo(e.get("std").asDouble(), offset(1e-10));
                assertThat(s.tStat()).isCloseTo(e.get("t").asDouble(), offset(1e-8));
                assertThat(s.pValue()).isCloseTo(e.get("p").asDouble(), offset(1e-8));
                JsonNode first = e.get("per_date_first");
                for (int k = 0; k < first.size(); k++) {
                    if (first.get(k).isNull()) {
                        assertThat(s.perDate()[k]).isNaN();
                    } else {
                        assertThat(s.perDate()[k]).isCloseTo(first.get(k).asDouble(), offset(1e-12));
                    }
                }
            }
        }
    }

    @Test
    void quantileReturnsTurnoverAndAutocorrelationMatchNumpy() {
        FactorData d = momentum();
        for (int h : FactorAnalysis.DEFAULT_HORIZONS) {
            JsonNode e = E.get("horizons").get(Integer.toString(h));
            int[] buckets = FactorAnalysis.quantiles(d.factor()[30], 5);
            for (int i = 0; i < buckets.length; i++) {
                assertThat(buckets[i]).isEqualTo(e.get("buckets_row_30").get(i).asInt());
            }
            for (QuantileWeighting w : QuantileWeighting.values()) {
                JsonNode q = e.get("quantile_returns").get(w.name().toLowerCase(java.util.Locale.ROOT));
                QuantileReturns r = FactorAnalysis.quantileReturns(d, h, 5, w);
                assertThat(RefCases.maxAbsError(r.mean(), RefCases.vector(q.get("mean")))).isLessThan(1e-12);
                assertThat(r.meanLongShort()).isCloseTo(q.get("long_short_mean").asDouble(), offset(1e-12));
                assertThat(r.longShortTStat()).isCloseTo(q.get("long_short_t").asDouble(), offset(1e-8));
                assertThat(RefCases.maxAbsError(r.turnover(), RefCases.vector(e.get("turnover")))).isLessThan(1e-12);
            }
        }
        assertThat(FactorAnalysis.meanOfFinite(FactorAnalysis.rankAutocorrelation(d, 1)))
                .isCloseTo(E.get("rank_autocorrelation_lag1_mean").asDouble(), offset(1e-12));
    }

    @Test
    void qcutRuleOnSmallCrossSections() {
        // 10 distinct values, 5 quantiles: two per quantile, in order.
        double[] x = {9, 0, 8, 1, 7, 2, 6, 3, 5, 4};
        assertThat(FactorAnalysis.quantiles(x, 5)).containsExactly(5, 1, 5, 1, 4, 2, 4, 2, 3, 3);
        // NaN is left out (quantile 0).
        assertThat(FactorAnalysis.quantiles(new double[] {1, Double.NaN, 2, 3}, 3)).containsExactly(1, 0, 2, 3);
    }

    @Test
    void tablesawRoundTripAndReportSection() {
        FactorData d = momentum();
        Table long_ = d.toTable("momentum");
        assertThat(long_.rowCount()).isEqualTo(d.dateCount() * d.assetCount());
        FactorData back = FactorData.fromTable(long_, "date", "asset", "factor", "price");
        assertThat(back.assets()).containsExactly(d.assets());
        for (int k = 0; k < d.dateCount(); k++) {
            for (int i = 0; i < d.assetCount(); i++) {
                assertThat(Double.compare(back.factor()[k][i], d.factor()[k][i])).isZero();
                assertThat(back.prices()[k][i]).isEqualTo(d.prices()[k][i]);
            }
        }
        FactorTearSheet sheet = FactorTearSheet.of(d);
        Table summary = sheet.icSummary();
        assertThat(summary.rowCount()).isEqualTo(6);
        assertThat(summary.doubleColumn("ic_mean").get(0)).isCloseTo(
                E.get("horizons").get("1").get("ic").get("spearman").get("mean").asDouble(), offset(1e-10));
        assertThat(sheet.quantileSummary().rowCount()).isEqualTo(3 * 6);
        assertThat(sheet.icPerDate().columnCount()).isEqualTo(4);
        ReportSection s = sheet.section("Momentum factor");
        assertThat(s.html()).contains("<table class=\"data\">").contains("<figure class=\"chart\" id=\"factor-ic-figure\">")
                .contains("<figure class=\"chart\" id=\"factor-quantiles-figure\">");
        assertThat(s.html().split("<table", -1)).hasSize(4);
    }
}
