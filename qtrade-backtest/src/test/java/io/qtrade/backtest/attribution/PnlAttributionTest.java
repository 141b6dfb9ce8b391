package io.qtrade.backtest.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.FillRecord;
import io.qtrade.core.time.Timestamps;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * PnL attribution of a three-hour two-strategy backtest reconciles with its totals table. Tolerance: 1e-9 currency
 * units; the sums are of a few hundred doubles of size ~1 to 100, whose rounding is ~1e-13.
 */
class PnlAttributionTest {

    private static final double EPS = 1e-9;
    private static BacktestResult result;
    private static PnlAttribution attribution;

    @BeforeAll
    static void run() {
        result = MultiHourMarket.run(MultiHourMarket.source(11, 8_000), 100_000);
        attribution = PnlAttribution.of(result);
    }

    private static Table totalsRow(String strategy, String symbol) {
        Table totals = result.totals();
        return totals.where(totals.stringColumn("strategy").isEqualTo(strategy)
                .and(totals.stringColumn("symbol").isEqualTo(symbol)));
    }

    @Test
    void fixtureTradesInSeveralHoursWithMakerAndTakerFills() {
        long makers = result.fillRecords().stream().filter(f -> f.fee() < 0).count();
        long takers = result.fillRecords().stream().filter(f -> f.fee() > 0).count();
        assertThat(makers).isPositive();
        assertThat(takers).isPositive();
        long hours = result.fillRecords().stream().mapToInt(f -> PnlAttribution.hourOf(f.localTs())).distinct()
                .count();
        assertThat(hours).isGreaterThanOrEqualTo(3);
    }

    @Test
    void everyStrategyAndInstrumentReconcilesWithTheTotalsTable() {
        for (PnlBucket b : attribution.byStrategyAndInstrument()) {
            Table row = totalsRow(b.strategyId(), b.symbol());
            assertThat(row.rowCount()).isEqualTo(1);
            double realized = row.doubleColumn("realized_pnl").get(0);
            double unrealized = row.doubleColumn("unrealized_pnl").get(0);
            assertThat(b.tradingPnl()).isCloseTo(realized + unrealized, within(EPS));
            assertThat(b.netFees()).isCloseTo(row.doubleColumn("fees").get(0), within(EPS));
            assertThat(b.netPnl()).isCloseTo(row.doubleColumn("net_pnl").get(0), within(EPS));
        }
    }

    @Test
    void strategyBucketsReconcileWithTheAllInstrumentsRowAndThePortfolio() {
        List<PnlBucket> byStrategy = attribution.byStrategy();
        assertThat(byStrategy).extracting(PnlBucket::strategyId).containsExactly("mm-a", "mm-b");
        for (PnlBucket b : byStrategy) {
            Table row = totalsRow(b.strategyId(), BacktestResult.ALL_INSTRUMENTS);
            assertThat(b.netPnl()).isCloseTo(row.doubleColumn("net_pnl").get(0), within(EPS));
            assertThat(b.netPnl()).isCloseTo(result.portfolio(b.strategyId()).netPnl(), within(EPS));
        }
    }

    @Test
    void feesAndRebatesAreTheSignedFillFeesApart() {
        double paid = 0;
        double rebates = 0;
        for (FillRecord f : result.fillRecords()) {
            paid += Math.max(f.fee(), 0);
            rebates += Math.max(-f.fee(), 0);
        }
        PnlBucket total = attribution.total();
        assertThat(total.feesPaid()).isCloseTo(paid, within(EPS)).isPositive();
        assertThat(total.rebates()).isCloseTo(rebates, within(EPS)).isPositive();
    }

    @Test
    void hourBucketsSumToTheTotalAndEmptyHoursAreZero() {
        List<PnlBucket> byHour = attribution.byHour();
        assertThat(byHour).hasSize(24);
        double net = 0;
        for (PnlBucket b : byHour) {
            net += b.netPnl();
        }
        assertThat(net).isCloseTo(attribution.total().netPnl(), within(EPS));
        // The market runs 08:30 to about 12:10 UTC: nothing at 3 a.m. or 20:00.
        assertThat(byHour.get(3).netPnl()).isZero();
        assertThat(byHour.get(20).tradingPnl()).isZero();
        assertThat(byHour.get(9).feesPaid() + byHour.get(9).rebates()).isPositive();
    }

    @Test
    void instrumentBucketsSumOverStrategies() {
        double byInstrument = 0;
        for (PnlBucket b : attribution.byInstrument()) {
            byInstrument += b.netPnl();
        }
        assertThat(byInstrument).isCloseTo(attribution.total().netPnl(), within(EPS));
        assertThat(attribution.byInstrument()).extracting(PnlBucket::symbol).containsExactly("AAA@SYN", "BBB@SYN");
    }

    @Test
    void hourOfIsTheUtcHourOfTheDay() {
        assertThat(PnlAttribution.hourOf(Timestamps.toEpochNanos(Instant.parse("2024-01-02T23:59:59Z")))).isEqualTo(23);
        assertThat(PnlAttribution.hourOf(Timestamps.toEpochNanos(Instant.parse("2024-01-03T00:00:00Z")))).isZero();
        assertThat(PnlAttribution.hourOf(-1)).isEqualTo(23);
    }
}
