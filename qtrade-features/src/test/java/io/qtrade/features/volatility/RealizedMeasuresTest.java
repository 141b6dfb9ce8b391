package io.qtrade.features.volatility;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

/**
 * Realized measures on real Bitstamp BTC/USD trades (refcases/realized_variance_bitstamp_expected.json, numpy
 * 1.24.2), and hand computations. Tolerance 1e-9 relative: the sums are the same squares added in the same order as
 * numpy's reference script up to pairwise summation, which moves the last few bits of a 288-term sum.
 */
class RealizedMeasuresTest {

    static final long DAY = 86_400_000_000_000L;
    static final long FIVE_MINUTES = 300_000_000_000L;
    static final long[] DAY_STARTS = {1385337600L, 1385424000L, 1385510400L, 1385596800L};
    static final double[] RV_5MIN = {0.0063244201671637315, 0.004040059182712906, 0.00858352531217666,
        0.007820792075765665};
    static final double[] RV_TICK = {0.0682950281733809, 0.02597677651567515, 0.044280000914280686,
        0.0598757187441983};
    static final int[] N_TRADES = {13595, 14142, 17445, 16771};
    static final double REL_PERCENT = 1e-9 * 100;

    @Test
    void fiveMinutePreviousTickRvMatchesNumpyForEachUtcDay() {
        RefCases.Trades trades = RefCases.bitstampTrades();
        double[] r = new double[288];
        for (int d = 0; d < DAY_STARTS.length; d++) {
            long start = DAY_STARTS[d] * 1_000_000_000L;
            int n = RealizedMeasures.previousTickLogReturns(trades.tsNanos(), trades.prices(), start, start + DAY,
                    FIVE_MINUTES, r);
            assertThat(n).isEqualTo(288);
            assertThat(RealizedMeasures.realizedVariance(r, n)).as("day %d", d)
                    .isCloseTo(RV_5MIN[d], withPercentage(REL_PERCENT));
            assertThat(RealizedMeasures.realizedVarianceOnGrid(trades.tsNanos(), trades.prices(), start, start + DAY,
                    FIVE_MINUTES)).isEqualTo(RealizedMeasures.realizedVariance(r, n));
            assertThat(RealizedMeasures.realizedVarianceOnGrid(LongColumn.create("ts", trades.tsNanos()),
                    DoubleColumn.create("price", trades.prices()), start, start + DAY, FIVE_MINUTES))
                    .isEqualTo(RealizedMeasures.realizedVariance(r, n));
        }
    }

    @Test
    void streamingFiveMinuteRvReportsTheSameUtcDaysAsNumpy() {
        RefCases.Trades trades = RefCases.bitstampTrades();
        List<double[]> sessions = new ArrayList<>();
        RealizedVarianceOnGrid rv = RealizedVarianceOnGrid.utcDays(FIVE_MINUTES,
                (start, end, variance, bipower, returns, ticks) ->
                        sessions.add(new double[] {start, variance, returns, ticks}));
        for (int i = 0; i < trades.tsNanos().length; i++) {
            rv.onTick(trades.tsNanos()[i], trades.prices()[i]);
        }
        // trades end 2013-12-01 16:02:05: six full days are reported, the seventh is open
        assertThat(sessions).hasSize(6);
        for (int d = 0; d < DAY_STARTS.length; d++) {
            double[] s = sessions.get(d);
            assertThat((long) s[0]).isEqualTo(DAY_STARTS[d] * 1_000_000_000L);
            assertThat(s[1]).isCloseTo(RV_5MIN[d], withPercentage(REL_PERCENT));
            assertThat(s[2]).isEqualTo(288);
        }
        assertThat(rv.currentSessionStartNanos()).isEqualTo(1385856000L * 1_000_000_000L);
    }

    @Test
    void tickByTickRvMatchesNumpyIncludingTheReturnFromThePreviousDaysLastTrade() {
        RefCases.Trades trades = RefCases.bitstampTrades();
        long[] ts = trades.tsNanos();
        double[] px = trades.prices();
        for (int d = 0; d < DAY_STARTS.length; d++) {
            long start = DAY_STARTS[d] * 1_000_000_000L;
            int first = 0;
            while (ts[first] < start) {
                first++;
            }
            int end = first;
            while (end < ts.length && ts[end] < start + DAY) {
                end++;
            }
            assertThat(end - first).isEqualTo(N_TRADES[d]);
            // day 1 has no earlier trade: its returns start at its first trade
            int from = first == 0 ? 0 : first - 1;
            double[] returns = RealizedMeasures.logReturns(java.util.Arrays.copyOfRange(px, from, end));
            assertThat(RealizedMeasures.realizedVariance(returns)).as("day %d", d)
                    .isCloseTo(RV_TICK[d], withPercentage(REL_PERCENT));
        }
    }

    @Test
    void bipowerVariationIsHalfPiTimesAdjacentAbsoluteProducts() {
        // r = 0.01, -0.02, 0.03: products 0.0002 + 0.0006 = 0.0008; BV = pi/2 * 0.0008; RV = 0.0014
        double[] r = {0.01, -0.02, 0.03};
        assertThat(RealizedMeasures.bipowerVariation(r)).isCloseTo(0.5 * Math.PI * 0.0008, within(1e-18));
        assertThat(RealizedMeasures.realizedVariance(r)).isCloseTo(0.0014, within(1e-18));
        assertThat(RealizedMeasures.bipowerVariation(DoubleColumn.create("r", r)))
                .isEqualTo(RealizedMeasures.bipowerVariation(r));
        assertThat(RealizedMeasures.bipowerVariation(new double[] {0.5})).isZero();
    }

    @Test
    void bipowerVariationIsRobustToOneJumpWhereRvIsNot() {
        // 100 returns of +-0.001 and one jump of 0.05 in the middle: RV counts the jump squared (0.0025),
        // BV only through its two neighbours' products (2 * 0.05 * 0.001 = 1e-4, times pi/2)
        double[] r = new double[101];
        for (int i = 0; i < r.length; i++) {
            r[i] = i % 2 == 0 ? 0.001 : -0.001;
        }
        r[50] = 0.05;
        double rv = RealizedMeasures.realizedVariance(r);
        double bv = RealizedMeasures.bipowerVariation(r);
        assertThat(rv).isCloseTo(100 * 1e-6 + 0.0025, within(1e-15));
        assertThat(bv).isCloseTo(0.5 * Math.PI * (98 * 1e-6 + 2 * 0.05 * 0.001), within(1e-15));
        assertThat(rv - bv).isGreaterThan(0.002);
    }

    @Test
    void subsampledRvAveragesTheOffsetGrids() {
        // ticks (seconds): 0 -> 100, 1 -> 101, 2 -> 99, 3 -> 100, 4 -> 102; grid step 2 s over [0, 4], K = 2
        // grid 0 (0, 2, 4): prices 100, 99, 102 -> r = ln .99, ln(102/99)
        // grid 1 (1, 3):    prices 101, 100      -> r = ln(100/101)
        long s = 1_000_000_000L;
        long[] ts = {0, s, 2 * s, 3 * s, 4 * s};
        double[] px = {100, 101, 99, 100, 102};
        double g0 = Math.pow(Math.log(0.99), 2) + Math.pow(Math.log(102.0 / 99), 2);
        double g1 = Math.pow(Math.log(100.0 / 101), 2);
        assertThat(RealizedMeasures.subsampledRealizedVariance(ts, px, 0, 4 * s, 2 * s, 2))
                .isCloseTo((g0 + g1) / 2, within(1e-15)); // ln a - ln b against ln(a/b): last bits differ
        assertThat(RealizedMeasures.subsampledRealizedVariance(ts, px, 0, 4 * s, 2 * s, 1))
                .isEqualTo(RealizedMeasures.realizedVarianceOnGrid(ts, px, 0, 4 * s, 2 * s));
    }

    @Test
    void subsampledRvOnBitstampLiesNearTheSparseRvAndBelowTickByTick() {
        // microstructure noise inflates tick-by-tick RV (ten times the 5-min RV on these days); averaging ten
        // 5-min grids offset by 30 s keeps the sparse scale (Zhang, Mykland and Ait-Sahalia 2005)
        RefCases.Trades trades = RefCases.bitstampTrades();
        for (int d = 0; d < DAY_STARTS.length; d++) {
            long start = DAY_STARTS[d] * 1_000_000_000L;
            double avg = RealizedMeasures.subsampledRealizedVariance(trades.tsNanos(), trades.prices(), start,
                    start + DAY, FIVE_MINUTES, 10);
            assertThat(avg).isBetween(0.5 * RV_5MIN[d], 2.0 * RV_5MIN[d]).isLessThan(0.5 * RV_TICK[d]);
        }
        // the streaming form, fed every trade, reports the same numbers for each UTC day
        List<double[]> days = new ArrayList<>();
        SubsampledRealizedVarianceOnGrid streaming = new SubsampledRealizedVarianceOnGrid(FIVE_MINUTES, 10, DAY, 0,
                (start, end, v, ticks) -> days.add(new double[] {start, v}));
        for (int i = 0; i < trades.tsNanos().length; i++) {
            streaming.onTick(trades.tsNanos()[i], trades.prices()[i]);
        }
        for (int d = 0; d < DAY_STARTS.length; d++) {
            long start = DAY_STARTS[d] * 1_000_000_000L;
            assertThat((long) days.get(d)[0]).isEqualTo(start);
            assertThat(days.get(d)[1]).isEqualTo(RealizedMeasures.subsampledRealizedVariance(trades.tsNanos(),
                    trades.prices(), start, start + DAY, FIVE_MINUTES, 10));
        }
    }

    @Test
    void annualisationIsExplicitAboutThePeriodsPerYear() {
        assertThat(Annualisation.annualiseVariance(1e-4, 252)).isCloseTo(0.0252, within(1e-15));
        assertThat(Annualisation.annualiseVolatility(0.01, 252)).isCloseTo(0.01 * Math.sqrt(252), within(1e-15));
        assertThat(Annualisation.annualisedVolatilityFromDailyVariance(1e-4, 365))
                .isCloseTo(Math.sqrt(0.0365), within(1e-15));
        assertThatThrownBy(() -> Annualisation.annualiseVariance(1e-4, 0))
                .hasMessage("tradingDaysPerYear = 0.0 must be finite and > 0");
    }

    @Test
    void rejectsOutOfOrderTicksAndBadPricesNamingTheIndex() {
        assertThatThrownBy(() -> RealizedMeasures.previousTickLogReturns(new long[] {5, 4}, new double[] {1, 1}, 0,
                10, 5, new double[2])).hasMessageContaining("tsNanos[1] = 4 is before tsNanos[0] = 5");
        assertThatThrownBy(() -> RealizedMeasures.logReturns(new double[] {1, 0}))
                .hasMessage("prices[1] = 0.0 must be finite and > 0");
        RealizedVarianceOnGrid rv = RealizedVarianceOnGrid.utcDays(FIVE_MINUTES, (a, b, c, d, e, f) -> { });
        rv.onTick(10, 100);
        assertThatThrownBy(() -> rv.onTick(9, 100)).hasMessageContaining("tick at tsNanos = 9 is before");
        assertThatThrownBy(() -> rv.onTick(11, Double.NaN)).hasMessageContaining("has price = NaN");
        assertThatThrownBy(() -> new RealizedVarianceOnGrid(7, DAY, 0, (a, b, c, d, e, f) -> { }))
                .hasMessageContaining("must be > 0 and a multiple of stepNanos = 7");
    }
}
