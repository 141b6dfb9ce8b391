package io.qtrade.backtest.report;

import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.FillRecord;
import io.qtrade.backtest.attribution.MultiHourMarket;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.order.Liquidity;
import io.qtrade.core.time.Timestamps;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The tear sheet's pieces against hand-computed values, and its sections on the three-hour backtest. */
class TearSheetTest {

    private static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    static BacktestResult result;
    static TearSheet sheet;
    static String page;

    @BeforeAll
    static void render() {
        result = MultiHourMarket.run(MultiHourMarket.source(11, 8_000), 100_000);
        sheet = TearSheet.of(result, new RunSettings("three generated hours", List.of(), 7, 100_000,
                Timestamps.NANOS_PER_SECOND, "qtrade-backtest test"));
        ReportOptions.Builder options = ReportOptions.builder().title("tear sheet");
        sheet.sections().forEach(options::section);
        page = HtmlReport.render(result, options.build());
    }

    @Test
    void worstDrawdownsAreMaximalEpisodesByAmountWithRecovery() {
        // Equity 100, 110, 99, 105, 112, 100, 101: episode 1 peaks at 110 (t1), bottoms at 99 (t2), recovers at t4
        // (112): depth 11/110 = 10 %; episode 2 peaks at 112 (t4), bottoms at 100 (t5), never recovers: 12/112.
        long[] ts = {0, 1, 2, 3, 4, 5, 6};
        double[] eq = {100, 110, 99, 105, 112, 100, 101};
        List<TearSheet.Drawdown> dds = TearSheet.worstDrawdowns(ts, eq, 5);
        assertThat(dds).hasSize(2);
        assertThat(dds.get(0)).isEqualTo(new TearSheet.Drawdown(4, 5, Long.MIN_VALUE, 1 - 100 / 112.0, 12));
        assertThat(dds.get(1)).isEqualTo(new TearSheet.Drawdown(1, 2, 4, 1 - 99 / 110.0, 11));
        assertThat(TearSheet.worstDrawdowns(ts, eq, 1)).hasSize(1);
        assertThat(TearSheet.worstDrawdowns(new long[] {0, 1}, new double[] {1, 2}, 5)).isEmpty();
    }

    private static FillRecord fill(Side side, double price, double qty, long ts) {
        return new FillRecord("s", ts, 0, "AAA", side, price, qty, 0.0, Liquidity.MAKER, ts, ts, price, 0, 0, 0);
    }

    @Test
    void roundTripsMatchFillsFirstInFirstOut() {
        // Buy 2 @ 10, buy 1 @ 11, sell 2.5 @ 12, sell 1 @ 9 (0.5 closes, 0.5 opens a short), buy 0.5 @ 8.
        List<TearSheet.RoundTrip> trips = TearSheet.roundTrips(List.of(fill(Side.BUY, 10, 2, 1),
                fill(Side.BUY, 11, 1, 2), fill(Side.SELL, 12, 2.5, 3), fill(Side.SELL, 9, 1, 4),
                fill(Side.BUY, 8, 0.5, 5)), List.of(AAA));
        assertThat(trips).containsExactly(
                new TearSheet.RoundTrip("s", "AAA", 1, 3, 2, 4.0),      // (12 - 10) x 2
                new TearSheet.RoundTrip("s", "AAA", 2, 3, 0.5, 0.5),    // (12 - 11) x 0.5
                new TearSheet.RoundTrip("s", "AAA", 2, 4, 0.5, -1.0),   // (9 - 11) x 0.5
                new TearSheet.RoundTrip("s", "AAA", 4, 5, 0.5, 0.5));   // short: (8 - 9) x 0.5 x -1
    }

    @Test
    void calendarReturnsCompoundFromTheLastPointOfTheBucketBefore() {
        long d = Timestamps.toEpochNanos(Instant.parse("2024-01-02T00:00:00Z"));
        long h12 = 12 * Timestamps.NANOS_PER_HOUR;
        long[] ts = {d, d + h12, d + 2 * h12, d + 3 * h12};
        double[] eq = {100, 102, 101, 99};
        Map<String, Double> daily = TearSheet.calendarReturns(ts, eq, false);
        assertThat(daily.keySet()).containsExactly("2024-01-02", "2024-01-03");
        assertThat(daily.get("2024-01-02")).isCloseTo(0.02, within(1e-15));          // 102 / 100 - 1
        assertThat(daily.get("2024-01-03")).isCloseTo(99 / 102.0 - 1, within(1e-15)); // 99 / 102 - 1
        assertThat(TearSheet.calendarReturns(ts, eq, true)).containsOnlyKeys("2024-01");
        assertThat(TearSheet.calendarReturns(ts, eq, true).get("2024-01")).isCloseTo(-0.01, within(1e-15));
    }

    @Test
    void rollingSharpeAndVolatilityUseTheSampleStandardDeviation() {
        // windows [0.01, -0.01]: mean 0, sd 0.01 sqrt 2; [-0.01, 0.02]: mean 0.005, sd 0.015 sqrt 2
        double[][] r = TearSheet.rolling(new double[] {0.01, -0.01, 0.02}, 2);
        assertThat(r[0][0]).isCloseTo(0.0, within(1e-15));
        assertThat(r[1][0]).isCloseTo(0.01 * Math.sqrt(2), within(1e-15));
        assertThat(r[0][1]).isCloseTo(0.005 / (0.015 * Math.sqrt(2)), within(1e-12));
        assertThat(TearSheet.beta(new double[] {0.02, -0.02, 0.04}, new double[] {0.01, -0.01, 0.02}))
                .isCloseTo(2.0, within(1e-12));
        assertThat(TearSheet.correlation(new double[] {1, 2, 3}, new double[] {3, 2, 1})).isCloseTo(-1, within(1e-12));
    }

    @Test
    void aShortRunGetsPerPeriodSharpeAndNoAnnualisedFigures() {
        assertThat(sheet.annualised()).isFalse();
        assertThat(sheet.periodNanos()).isEqualTo(Timestamps.NANOS_PER_MINUTE);
        assertThat(sheet.sharpeLabel()).isEqualTo("Sharpe per minute (not annualised)");
        assertThat(sheet.withheldReason()).startsWith("the run spans ").endsWith("annualised figures need at least 30"
                + " days");
        String id = result.strategyIds().get(0);
        double[] r = TearSheet.returns(EquityCurve.of(result, id).resample(Timestamps.NANOS_PER_MINUTE).equity());
        assertThat(sheet.sharpeShown(r)).isCloseTo(TearSheet.mean(r) / TearSheet.sd(r), within(1e-15));
        assertThat(page).contains("<tr><th>Sharpe per minute (not annualised)</th>");
        assertThat(page).contains("<tr><th>annualised volatility</th><td>n/a</td>");
    }

    @Test
    void thePageHoldsEverySectionWithItsChartsAndTables() {
        for (String title : new String[] {"Run settings", "Returns (1-minute)", "Rolling Sharpe ratio and volatility",
                "Worst 5 drawdowns", "Daily returns", "Benchmark: buy and hold", "Round trips"}) {
            assertThat(page).contains("<h2>" + title + "</h2>");
        }
        for (String chart : new String[] {"chart-tear-returns-histogram", "chart-tear-rolling-sharpe",
                "chart-tear-rolling-volatility"}) {
            assertThat(page).contains("<svg id='" + chart + "'");
        }
        assertThat(page).contains("<td style=\"text-align:left\">three generated hours</td>");
        int trips = TearSheet.roundTrips(result.fillRecords(), result.instruments()).stream()
                .filter(t -> t.strategyId().equals("mm-a")).toList().size();
        assertThat(trips).isPositive();
        assertThat(page).contains("<tr><th>round trips</th><td>" + trips + "</td>");
        assertThat(page).contains("buy and hold AAA@SYN");
        // times for people: ISO-8601 to the second in the drawdown table, no epoch nanoseconds
        assertThat(page).containsPattern("<td>2024-01-02T\\d\\d:\\d\\d:\\d\\dZ</td>");
        assertThat(TearSheet.plain(0.1 + 0.2)).isEqualTo("0.30000000000000004"); // exact value shown when inexact
        assertThat(TearSheet.plain(0.001)).isEqualTo("0.001");
        assertThat(TearSheet.pct(0.1470000000000001)).isEqualTo("14.7000 %");
    }
}
