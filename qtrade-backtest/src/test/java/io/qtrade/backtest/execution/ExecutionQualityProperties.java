package io.qtrade.backtest.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.order.Liquidity;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The tape's interval benchmarks against brute force on random tapes, and the shortfall decomposition on random
 * orders. Times are small integers, so the TWAP of the step-function mid over [a, b] is the plain mean of mid(t) for
 * the integer times a <= t < b.
 */
class ExecutionQualityProperties {

    private static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);

    /** A random tape and, alongside, its trades as {ts, price, qty} rows and its mid at each integer time. */
    private record Random(MarketTape tape, List<double[]> trades, double[] midAt) {
    }

    private static Random randomTape(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        MarketTape.Builder b = MarketTape.builder(List.of(AAA));
        List<double[]> trades = new ArrayList<>();
        double[] midAt = new double[1_200];
        java.util.Arrays.fill(midAt, Double.NaN);
        double mid = 100;
        long start = 5 + r.nextInt(20);
        for (long t = start; t < 1_000; t += 1 + r.nextInt(20)) {
            mid = r.nextInt(10) == 0 ? Double.NaN : 100 + (r.nextInt(21) - 10) * 0.01;
            b.mid(0, t, mid);
            for (int k = (int) t; k < midAt.length; k++) {
                midAt[k] = mid;
            }
            if (r.nextInt(3) == 0) {
                double price = 100 + (r.nextInt(21) - 10) * 0.01;
                double qty = 1 + r.nextInt(9);
                b.trade(0, t, price, qty);
                trades.add(new double[] {t, price, qty});
            }
        }
        return new Random(b.build(), trades, midAt);
    }

    @Property(tries = 300)
    boolean vwapAndTwapEqualBruteForce(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                       @ForAll @IntRange(min = 0, max = 1_100) int from,
                                       @ForAll @IntRange(min = 0, max = 300) int length) {
        Random rt = randomTape(seed);
        int to = Math.min(from + length, 1_199);
        double pq = 0;
        double q = 0;
        for (double[] t : rt.trades()) {
            if (t[0] >= from && t[0] <= to) {
                pq += t[1] * t[2];
                q += t[2];
            }
        }
        double vwap = rt.tape().vwap(0, from, to);
        if (q == 0) {
            assertThat(vwap).isNaN();
        } else {
            assertThat(vwap).isCloseTo(pq / q, within(1e-9));
        }
        double sum = 0;
        int count = 0;
        for (int t = from; t < to; t++) {
            if (!Double.isNaN(rt.midAt()[t])) {
                sum += rt.midAt()[t];
                count++;
            }
        }
        double twap = rt.tape().twapOfMid(0, from, to);
        if (from == to) {
            assertThat(twap).isEqualTo(rt.tape().midAt(0, from), within(0.0));
        } else if (count == 0) {
            assertThat(twap).isNaN();
        } else {
            assertThat(twap).isCloseTo(sum / count, within(1e-9));
        }
        return true;
    }

    @Property(tries = 300)
    boolean shortfallIsDelayPlusTradingPlusFeesPlusOpportunity(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                                               @ForAll boolean buy,
                                                               @ForAll @IntRange(min = 0, max = 5) int fillCount) {
        MarketTape tape = randomTape(seed).tape();
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        long arrival = 100 + r.nextInt(100);
        List<ParentOrder.ChildFill> fills = new ArrayList<>();
        long t = arrival;
        for (int k = 0; k < fillCount; k++) {
            t += r.nextInt(100);
            fills.add(new ParentOrder.ChildFill(99.5 + r.nextInt(100) * 0.01, 1 + r.nextInt(3),
                    (r.nextInt(5) - 2) * 0.01, Liquidity.MAKER, t));
        }
        double arrivalMid = tape.midAt(0, arrival);
        ParentOrder p = new ParentOrder("s", 1, 0, AAA.id(), buy ? Side.BUY : Side.SELL, 20, 1.0, arrival - 50,
                arrival, arrivalMid, t + 10, fills);
        OrderExecution o = ExecutionQuality.measure(p, tape);
        if (Double.isNaN(o.implementationShortfall()) || Double.isNaN(arrivalMid)) {
            // a NaN mid at decision, arrival or end leaves the shortfall (or its split) undefined, never 0
            return true;
        }
        double parts = o.delayCost() + o.tradingCost() + o.fees() + o.opportunityCost();
        assertThat(o.implementationShortfall()).isCloseTo(parts, within(1e-9));
        return true;
    }
}
