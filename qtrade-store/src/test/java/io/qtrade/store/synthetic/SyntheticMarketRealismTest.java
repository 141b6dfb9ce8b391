package io.qtrade.store.synthetic;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import io.qtrade.core.market.EventKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The realism options of {@link SyntheticMarket} (intraday activity, jumps, informed flow): off by default with the
 * events unchanged, and each doing what its Javadoc says, measured on generated streams.
 */
class SyntheticMarketRealismTest {

    private static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    private static final Instrument BBB = Instrument.spot("BBB", "SYN", 0.05, 1);
    private static final long HOUR = TimeUnit.HOURS.toNanos(1);
    private static final long START = SyntheticMarket.DEFAULT_START_NANOS; // 2024-01-02T00:00Z, a midnight

    /** The digest of {@link #digest} computed with the generator of commit 896d5ec, before these options existed. */
    private static final long DIGEST_BEFORE_THE_OPTIONS = -7511296592139647734L;

    private static SyntheticMarket.Builder pair() {
        return SyntheticMarket.builder().instrument(AAA, 100.005).instrument(BBB, 250.0).events(50_000).seed(3)
                .meanReversion(0.5).correlation(0.6);
    }

    private static long digest(SyntheticMarket market) {
        EventBatch batch = new EventBatch(1000);
        EventCursor c = new EventCursor();
        long h = 1125899906842597L;
        while (market.readBatch(batch)) {
            c.reset(batch);
            while (c.next()) {
                h = 31 * h + c.exchTs();
                h = 31 * h + c.localTs();
                h = 31 * h + c.instrument();
                h = 31 * h + c.kind().ordinal();
                h = 31 * h + Double.doubleToLongBits(c.price());
                h = 31 * h + Double.doubleToLongBits(c.qty());
            }
        }
        return h;
    }

    @Test
    void withoutTheOptionsTheEventsAreThoseOfTheGeneratorBeforeThem() {
        assertThat(digest(pair().build())).isEqualTo(DIGEST_BEFORE_THE_OPTIONS);
        assertThat(digest(pair().intradayActivity().jumps(0, 0).build())).isEqualTo(DIGEST_BEFORE_THE_OPTIONS);
        assertThat(digest(pair().jumps(0.01, 5).build())).isNotEqualTo(DIGEST_BEFORE_THE_OPTIONS);
    }

    @Test
    void theClockMapsModelTimeThroughTheNormalisedProfile() {
        // Profile {1, 3}: normalised to {0.5, 1.5}; one model unit = 1 ns. Business time of the first half-day is
        // 0.5 * 12 h = 6 h; the second half-day runs 1.5 times as fast.
        IntradayClock clock = new IntradayClock(START, 1, List.of(1.0, 3.0));
        assertThat(clock.exchTs(0)).isEqualTo(START);
        assertThat(clock.exchTs(3 * HOUR)).isEqualTo(START + 6 * HOUR);
        assertThat(clock.exchTs(6 * HOUR)).isEqualTo(START + 12 * HOUR);
        assertThat(clock.exchTs(6 * HOUR + 9 * HOUR)).isEqualTo(START + 18 * HOUR);   // 6 h of wall at 1.5
        assertThat(clock.exchTs(24 * HOUR + 3 * HOUR)).isEqualTo(START + 30 * HOUR);  // the next day repeats
        assertThat(clock.activityAt(START + 13 * HOUR)).isEqualTo(1.5);
        // Starting at 06:00, model time 0 is 06:00 and the first 6 h of wall time hold 3 h of business time.
        IntradayClock late = new IntradayClock(START + 6 * HOUR, 1, List.of(1.0, 3.0));
        assertThat(late.exchTs(3 * HOUR)).isEqualTo(START + 12 * HOUR);
        // Closed buckets take no business time: {0, 1} opens at noon.
        IntradayClock closed = new IntradayClock(START, 1, List.of(0.0, 1.0));
        assertThat(closed.exchTs(0)).isEqualTo(START + 12 * HOUR);
        assertThat(closed.exchTs(24 * HOUR)).isEqualTo(START + 36 * HOUR);
        // Without a profile: startNanos + floor(t * scale).
        assertThat(new IntradayClock(START, 1_000, List.of()).exchTs(2.5)).isEqualTo(START + 2_500);
    }

    /** Per hour of the day over the run: {rows, sum of squared one-minute mid changes in ticks, minutes}. */
    private static double[][] hourly(SyntheticMarket market) {
        double[][] out = new double[24][3];
        EventBatch batch = new EventBatch(4096);
        EventCursor c = new EventCursor();
        io.qtrade.core.book.OrderBook book = new io.qtrade.core.book.OrderBook(AAA);
        long nextMinute = START + TimeUnit.MINUTES.toNanos(1);
        double lastMid = Double.NaN;
        while (market.readBatch(batch)) {
            c.reset(batch);
            while (c.next()) {
                while (c.exchTs() >= nextMinute) {
                    double mid = book.mid();
                    int hour = (int) ((nextMinute - 1 - START) / HOUR % 24);
                    if (!Double.isNaN(lastMid)) {
                        double d = (mid - lastMid) / AAA.tickSize();
                        out[hour][1] += d * d;
                        out[hour][2]++;
                    }
                    lastMid = mid;
                    nextMinute += TimeUnit.MINUTES.toNanos(1);
                }
                book.apply(c);
                out[(int) ((c.exchTs() - START) / HOUR % 24)][0]++;
            }
        }
        return out;
    }

    @Test
    void intradayActivityScalesEventsAndPriceVariancePerSecondAndZeroClosesTheMarket() {
        // Hours 0-11 at activity 1, hours 12-23 at 3 (normalised 0.5 and 1.5): three times the events and three
        // times the variance of one-minute mid changes in the afternoon. Two days, one instrument, a small book.
        double[] profile = new double[24];
        for (int h = 0; h < 24; h++) {
            profile[h] = h < 12 ? 1 : 3;
        }
        SyntheticMarket market = SyntheticMarket.builder().instrument(AAA, 100.005).levels(5).seed(9)
                .timeScaleNanos(TimeUnit.SECONDS.toNanos(20)).meanReversion(1.0).fairValueVolatility(1.0)
                .intradayActivity(profile).events(200_000).build();
        double[][] hours = hourly(market);
        double rowsMorning = 0;
        double rowsAfternoon = 0;
        double varMorning = 0;
        double varAfternoon = 0;
        double minMorning = 0;
        double minAfternoon = 0;
        for (int h = 0; h < 24; h++) {
            if (h < 12) {
                rowsMorning += hours[h][0];
                varMorning += hours[h][1];
                minMorning += hours[h][2];
            } else {
                rowsAfternoon += hours[h][0];
                varAfternoon += hours[h][1];
                minAfternoon += hours[h][2];
            }
        }
        assertThat(minMorning).isGreaterThan(1000); // the run covers more than a day (seed 9: 1,439 and 1,207 min)
        // Events: Poisson counts of tens of thousands, the ratio of rates within 10%.
        assertThat((rowsAfternoon / minAfternoon) / (rowsMorning / minMorning)).isCloseTo(3.0, within(0.3));
        // Variance per minute: a sum of ~1,000 squared changes per half, heavier-tailed; within 30%.
        assertThat((varAfternoon / minAfternoon) / (varMorning / minMorning)).isCloseTo(3.0, within(0.9));

        double[] closedMornings = new double[24];
        for (int h = 12; h < 24; h++) {
            closedMornings[h] = 1;
        }
        SyntheticMarket closed = SyntheticMarket.builder().instrument(AAA, 100.005).levels(5).seed(9)
                .timeScaleNanos(TimeUnit.SECONDS.toNanos(20)).intradayActivity(closedMornings).events(60_000)
                .snapshot(false).build();
        double[][] closedHours = hourly(closed);
        for (int h = 0; h < 12; h++) {
            assertThat(closedHours[h][0]).as("rows in closed hour %d", h).isZero();
        }
        assertThat(closedHours[12][0]).isPositive();
    }

    @Test
    void jumpsAreACompoundPoissonProcessWithLaplaceSizes() {
        // sigma 0: the fair value moves by jumps only. Rate 0.05 per unit over 200,000 units: 10,000 jumps expected
        // (Poisson, sd 100); mean |size| 4 ticks (sd of the mean 4 / sqrt(10,000) = 0.04); symmetric.
        FairValues fair = FairValues.commonFactor(0, 0, new double[] {0}, new SplittableRandom(1))
                .withJumps(0.05, 4, new SplittableRandom(2));
        double last = 0;
        int jumps = 0;
        double absSum = 0;
        double sum = 0;
        for (int t = 1; t <= 200_000; t++) {
            double f = fair.fairTicks(0, t);
            if (f != last) {
                jumps++;
                absSum += Math.abs(f - last);
                sum += f - last;
            }
            last = f;
        }
        // A unit step holds two jumps with probability ~0.1%: they count as one here, so the count is a little low.
        assertThat(jumps).isBetween(10_000 - 400, 10_000 + 400);
        assertThat(absSum / jumps).isCloseTo(4.0, within(0.2)); // 5 sd of the mean
        assertThat(sum / jumps).isCloseTo(0.0, within(0.25)); // 4 sqrt(2) / sqrt(10,000) = 0.057, 4 sd
    }

    @Test
    void informedFlowMakesTradeSignsPredictTheNextMidMove() {
        // Adverse selection: with kappa * sigma > 0 a market buy is followed, on average, by a rising mid; in pure
        // CST (kappa 0) the trade sign predicts no continuation, only a small bounce back (the emptied touch refills;
        // -0.07 ticks on this seed). Measured on seed 5: +0.98 ticks with kappa 1, sigma 1.5.
        assertThat(signedMoveAfterTrades(0.0)).isBetween(-0.2, 0.05);
        assertThat(signedMoveAfterTrades(1.0)).isGreaterThan(0.5);
    }

    /** Mean of sign(trade) x (mid 10 s later - mid right after the trade), ticks. */
    private static double signedMoveAfterTrades(double kappa) {
        SyntheticMarket.Builder b = SyntheticMarket.builder().instrument(AAA, 100.005).levels(10).seed(5)
                .marketRate(3).fairValueVolatility(1.5).events(300_000);
        if (kappa > 0) {
            b.meanReversion(kappa);
        }
        SyntheticMarket market = b.build();
        EventBatch batch = new EventBatch(4096);
        EventCursor c = new EventCursor();
        io.qtrade.core.book.OrderBook book = new io.qtrade.core.book.OrderBook(AAA);
        long[] dueTs = new long[400_000];
        double[] startMid = new double[dueTs.length];
        int[] sign = new int[dueTs.length];
        int added = 0;
        int done = 0;
        double sum = 0;
        int pendingSign = 0;
        long pendingTs = 0;
        while (market.readBatch(batch)) {
            c.reset(batch);
            while (c.next()) {
                if (pendingSign != 0 && c.exchTs() != pendingTs) {
                    // the trade's transition is complete: the mid right after it
                    dueTs[added] = pendingTs + 10_000_000_000L;
                    startMid[added] = book.mid();
                    sign[added++] = pendingSign;
                    pendingSign = 0;
                }
                while (done < added && c.exchTs() >= dueTs[done]) {
                    sum += sign[done] * (book.mid() - startMid[done]) / AAA.tickSize();
                    done++;
                }
                book.apply(c);
                if (c.kind() == EventKind.TRADE) {
                    pendingSign = c.sideCode() == Side.BUY.code() ? 1 : -1;
                    pendingTs = c.exchTs();
                }
            }
        }
        assertThat(done).isGreaterThan(5_000);
        return sum / done;
    }

    @Test
    void badValuesAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> SyntheticMarket.builder().intradayActivity(1, -1))
                .hasMessageContaining("intradayActivity[1] is -1.0");
        assertThatThrownBy(() -> SyntheticMarket.builder().intradayActivity(0, 0))
                .hasMessageContaining("all zero");
        assertThatThrownBy(() -> SyntheticMarket.builder().jumps(0.1, 0))
                .hasMessageContaining("jumps meanAbsTicks is 0.0");
        assertThatThrownBy(() -> SyntheticMarket.builder().jumps(-1, 3))
                .hasMessageContaining("jumps rate is -1.0");
        assertThatThrownBy(() -> SyntheticMarket.builder().instrument(AAA, 100).jumps(0.1, 3).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("meanReversion");
    }
}
