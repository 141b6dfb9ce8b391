package io.qtrade.strategies.execution;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ScheduleTest {

    static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    static final long T0 = 1_000_000_000_000L;
    static final long SEC = 1_000_000_000L;

    static ParentOrder buy(double qty, long seconds) {
        return ParentOrder.unlimited(AAA, Side.BUY, qty, T0, T0 + seconds * SEC);
    }

    @Test
    void twapSplitsThousandIntoTenSlicesOfHundred() {
        TwapSchedule twap = TwapSchedule.of(buy(1000, 100), 10);
        assertThat(twap.sliceLots()).containsExactly(100, 100, 100, 100, 100, 100, 100, 100, 100, 100);
        // slice i starts at T0 + i * 10 s
        assertThat(twap.sliceStartNanos(3)).isEqualTo(T0 + 30 * SEC);
        assertThat(twap.targetQty(T0 - 1, 0)).isEqualTo(0.0);
        assertThat(twap.targetQty(T0, 0)).isEqualTo(100.0);          // slice 0 due by its end
        assertThat(twap.targetQty(T0 + 10 * SEC - 1, 0)).isEqualTo(100.0);
        assertThat(twap.targetQty(T0 + 10 * SEC, 0)).isEqualTo(200.0);
        assertThat(twap.targetQty(T0 + 99 * SEC, 0)).isEqualTo(1000.0);
        assertThat(twap.targetQty(T0 + 500 * SEC, 0)).isEqualTo(1000.0);
        assertThat(twap.sliceEndNanos(T0 + 15 * SEC)).isEqualTo(T0 + 20 * SEC);
        assertThat(twap.nextSliceStartNanos(T0 + 15 * SEC)).isEqualTo(T0 + 20 * SEC);
        assertThat(twap.nextSliceStartNanos(T0 + 95 * SEC)).isEqualTo(ExecutionSchedule.NO_SLICE);
        assertThat(twap.nextSliceStartNanos(T0 - 5)).isEqualTo(T0);
    }

    @Test
    void twapRoundsUnevenQuantityByCumulativeRounding() {
        // 1003 lots over 4: cum = round(250.75)=251, round(501.5)=502, round(752.25)=752, 1003
        //  -> slices 251, 251, 250, 251
        assertThat(TwapSchedule.of(buy(1003, 40), 4).sliceLots()).containsExactly(251, 251, 250, 251);
        // 7 s over 3 slices: boundaries floor(7i/3) = 0, 2, 4 (s)
        TwapSchedule odd = TwapSchedule.of(buy(3, 7), 3);
        assertThat(odd.sliceStartNanos(1)).isEqualTo(T0 + 7 * SEC / 3);
        assertThat(odd.sliceStartNanos(2)).isEqualTo(T0 + 14 * SEC / 3);
    }

    @Test
    void twapOnFractionalLotsKeepsWholeLots() {
        Instrument btc = Instrument.spot("BTC", "SYN", 0.1, 0.001);
        ParentOrder p = ParentOrder.unlimited(btc, Side.SELL, 1.0, T0, T0 + 60 * SEC);
        TwapSchedule twap = TwapSchedule.of(p, 3);
        // 1000 lots of 0.001: 333, 334 (round(666.67) = 667), 333
        assertThat(twap.sliceLots()).containsExactly(333, 334, 333);
        assertThat(twap.targetQty(T0 + 30 * SEC, 0)).isCloseTo(0.667, within(1e-12));
    }

    @Property(tries = 300)
    void randomisedTwapSumsToParentAndStaysWithinJitter(@ForAll @IntRange(min = 1, max = 100_000) int lots,
                                                        @ForAll @IntRange(min = 1, max = 60) int slices,
                                                        @ForAll @DoubleRange(min = 0, max = 0.99) double jitter,
                                                        @ForAll long seed) {
        ParentOrder p = buy(lots, 3600);
        long[] even = TwapSchedule.of(p, slices).sliceLots();
        long[] rnd = TwapSchedule.randomised(p, slices, jitter, seed).sliceLots();
        long sum = 0;
        for (int i = 0; i < slices; i++) {
            sum += rnd[i];
            assertThat((double) Math.abs(rnd[i] - even[i])).isLessThanOrEqualTo(jitter * even[i] + 1e-9);
        }
        assertThat(sum).isEqualTo(lots);
        assertThat(TwapSchedule.randomised(p, slices, jitter, seed).sliceLots()).containsExactly(rnd);
    }

    @Test
    void randomisedTwapActuallyVariesTheSlices() {
        long[] rnd = TwapSchedule.randomised(buy(10_000, 600), 10, 0.3, 7).sliceLots();
        long distinct = java.util.Arrays.stream(rnd).distinct().count();
        assertThat(distinct).isGreaterThan(3);
        assertThat(TwapSchedule.randomised(buy(10_000, 600), 10, 0.3, 8).sliceLots()).isNotEqualTo(rnd);
    }

    @Test
    void vwapFollowsTheProfile() {
        // U-shaped profile 30/10/10/10/40 % of 1000 lots: cum 300, 400, 500, 600, 1000
        VolumeProfile profile = VolumeProfile.of(3, 1, 1, 1, 4);
        VwapSchedule vwap = VwapSchedule.of(buy(1000, 50), profile);
        assertThat(vwap.sliceLots()).containsExactly(300, 100, 100, 100, 400);
        assertThat(vwap.targetQty(T0 + 25 * SEC, 0)).isEqualTo(500.0);
        assertThat(vwap.sliceStartNanos(4)).isEqualTo(T0 + 40 * SEC);
    }

    @Test
    void vwapOnUniformProfileIsTwap() {
        ParentOrder p = buy(997, 77);
        assertThat(VwapSchedule.of(p, VolumeProfile.uniform(7)).sliceLots())
                .containsExactly(TwapSchedule.of(p, 7).sliceLots());
    }

    @Test
    void volumeProfileIsEstimatedByPoolingPrintsPerTimeOfDayBucket() {
        long day = VolumeProfile.NANOS_PER_DAY;
        long h = 3600 * SEC;
        long from = 9 * h;
        long to = 13 * h;                       // 4 one-hour buckets
        long d1 = 19_000 * day;
        long d2 = 19_001 * day;
        long[] ts = {d1 + 9 * h, d1 + 10 * h + 5, d1 + 12 * h + 59 * 60 * SEC, d2 + 9 * h + 30 * 60 * SEC,
                d2 + 11 * h, d2 + 13 * h, d2 + 8 * h};
        double[] qty = {10, 20, 30, 30, 10, 500, 500};
        // bucket volumes: [10 + 30, 20, 10, 30] = [40, 20, 10, 30] of 100; prints at 13:00 and 08:00 are outside
        VolumeProfile profile = VolumeProfile.estimate(ts, qty, from, to, 4);
        assertThat(profile.fractions()).containsExactly(0.4, 0.2, 0.1, 0.3);
    }

    @Test
    void volumeProfileFromBarsCountsEachBarInTheBucketOfItsStart() {
        long h = 3600 * SEC;
        long d = 19_000 * VolumeProfile.NANOS_PER_DAY;
        // one-minute bars from prints: 09:00:10 (5) and 09:00:50 (5) make one bar of 10 in bucket 0 (09-10);
        // 10:30:00 (30) a bar in bucket 1 (10-11); 11:59:59 (60) in bucket 2 (11-12)
        long[] ts = {d + 9 * h + 10 * SEC, d + 9 * h + 50 * SEC, d + 10 * h + 1800 * SEC, d + 12 * h - SEC};
        double[] px = {100, 100, 100, 100};
        double[] qty = {5, 5, 30, 60};
        io.qtrade.features.bars.OhlcvBars bars = io.qtrade.features.bars.BarAggregator.aggregate(
                io.qtrade.features.bars.BarSpec.time(java.time.Duration.ofMinutes(1)), 1.0, ts, px, qty);
        assertThat(bars.size()).isEqualTo(3);
        // [10, 30, 60] / 100
        assertThat(VolumeProfile.estimate(bars, 9 * h, 12 * h, 3).fractions()).containsExactly(0.1, 0.3, 0.6);
    }

    @Test
    void volumeProfileRejectsBadInputNamingIt() {
        assertThatThrownBy(() -> VolumeProfile.of(1, -2, 3)).hasMessageContaining("weight[1] = -2.0");
        assertThatThrownBy(() -> VolumeProfile.of(0, 0)).hasMessageContaining("sum to 0.0");
        assertThatThrownBy(() -> VolumeProfile.estimate(new long[]{0}, new double[]{Double.NaN}, 0, 10, 1))
                .hasMessageContaining("tradeQty[0] = NaN");
        assertThatThrownBy(() -> VolumeProfile.estimate(new long[]{100}, new double[]{1}, 0, 10, 1))
                .hasMessageContaining("no volume in the window");
    }

    @Test
    void povTargetIsRateTimesVolumeInWholeLotsCappedAtParent() {
        PovSchedule pov = PovSchedule.of(buy(500, 3600), 0.1);
        assertThat(pov.targetQty(T0 - 1, 10_000)).isEqualTo(0.0);
        assertThat(pov.targetQty(T0, 0)).isEqualTo(0.0);
        assertThat(pov.targetQty(T0, 1234)).isEqualTo(123.0);       // floor(123.4)
        assertThat(pov.targetQty(T0, 1240)).isEqualTo(124.0);
        assertThat(pov.targetQty(T0, 9_999)).isEqualTo(500.0);      // capped
        assertThat(pov.sliceEndNanos(T0 + 5)).isEqualTo(T0 + 5);    // always due
    }

    @Property(tries = 200)
    void timeScheduleTargetIsMonotoneAndEndsAtParent(@ForAll @IntRange(min = 1, max = 5000) int lots,
                                                     @ForAll @IntRange(min = 1, max = 50) int slices,
                                                     @ForAll @LongRange(min = 0, max = 200) long probeSeconds) {
        TwapSchedule twap = TwapSchedule.of(buy(lots, 100), slices);
        double a = twap.targetQty(T0 + probeSeconds * SEC / 2, 0);
        double b = twap.targetQty(T0 + probeSeconds * SEC, 0);
        assertThat(b).isGreaterThanOrEqualTo(a).isLessThanOrEqualTo(lots);
        assertThat(twap.targetQty(T0 + 100 * SEC, 0)).isEqualTo(lots);
    }

    @Test
    void parentOrderRefusesBadInputNamingTheField() {
        assertThatThrownBy(() -> ParentOrder.unlimited(AAA, Side.BUY, 10.5, T0, T0 + 1))
                .hasMessageContaining("qty 10.5 is not a whole number of lots");
        assertThatThrownBy(() -> ParentOrder.unlimited(AAA, Side.BUY, 10, T0, T0))
                .hasMessageContaining("endNanos");
        assertThatThrownBy(() -> new ParentOrder(AAA, Side.BUY, 10, T0, T0 + 1, Double.POSITIVE_INFINITY))
                .hasMessageContaining("limitPrice");
        assertThatThrownBy(() -> TwapSchedule.of(buy(10, 10), 0)).hasMessageContaining("TWAP slices 0");
        assertThatThrownBy(() -> PovSchedule.of(buy(10, 10), 1.5)).hasMessageContaining("participationRate 1.5");
    }

    @Test
    void limitTicksRoundToTheSafeSide() {
        // 100.005 is half a tick: a buy may pay at most 100.00, a sell must get at least 100.01
        assertThat(new ParentOrder(AAA, Side.BUY, 1, T0, T0 + 1, 100.005).limitTicks()).isEqualTo(10_000);
        assertThat(new ParentOrder(AAA, Side.SELL, 1, T0, T0 + 1, 100.005).limitTicks()).isEqualTo(10_001);
        assertThat(new ParentOrder(AAA, Side.BUY, 1, T0, T0 + 1, 100.01).limitTicks()).isEqualTo(10_001);
    }
}
