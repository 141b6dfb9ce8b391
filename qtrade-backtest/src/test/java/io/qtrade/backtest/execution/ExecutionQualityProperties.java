package io.qtrade.backtest.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.order.Liquidity;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Invariants of the shortfall decomposition and the interval benchmarks on random orders and tapes. */
class ExecutionQualityProperties {

    private static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);

    private static MarketTape randomTape(long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        MarketTape.Builder b = MarketTape.builder(List.of(AAA));
        double mid = 100;
        for (long t = 0; t < 1_000; t += 1 + r.nextInt(20)) {
            mid += (r.nextInt(3) - 1) * 0.01;
            b.mid(0, t, mid);
            if (r.nextInt(3) == 0) {
                b.trade(0, t, mid + (r.nextInt(3) - 1) * 0.01, 1 + r.nextInt(9));
            }
        }
        return b.build();
    }

    @Property(tries = 300)
    boolean shortfallIsDelayPlusTradingPlusFeesPlusOpportunity(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                                               @ForAll boolean buy,
                                                               @ForAll @IntRange(min = 0, max = 5) int fillCount) {
        MarketTape tape = randomTape(seed);
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed ^ 0x5DEECE66DL);
        long arrival = 100 + r.nextInt(100);
        List<ParentOrder.ChildFill> fills = new ArrayList<>();
        long t = arrival;
        for (int k = 0; k < fillCount; k++) {
            t += r.nextInt(100);
            fills.add(new ParentOrder.ChildFill(99.5 + r.nextInt(100) * 0.01, 1 + r.nextInt(3),
                    (r.nextInt(5) - 2) * 0.01, Liquidity.MAKER, t));
        }
        ParentOrder p = new ParentOrder("s", 1, 0, AAA.id(), buy ? Side.BUY : Side.SELL, 20, 1.0, arrival - 50,
                arrival, tape.midAt(0, arrival), t + 10, fills);
        OrderExecution o = ExecutionQuality.measure(p, tape);
        double parts = o.delayCost() + o.tradingCost() + o.fees() + o.opportunityCost();
        assertThat(o.implementationShortfall()).isCloseTo(parts, within(1e-9));
        if (fillCount > 0 && !Double.isNaN(o.intervalVwap())) {
            // a VWAP lies between the lowest and highest print of its interval, the TWAP between the extreme mids
            assertThat(o.intervalVwap()).isBetween(99.0, 101.0);
        }
        return true;
    }

    @Property(tries = 200)
    boolean twapOfAConstantMidIsThatMid(@ForAll @LongRange(min = 0, max = 500) long from,
                                        @ForAll @LongRange(min = 0, max = 500) long length) {
        MarketTape tape = MarketTape.builder(List.of(AAA)).mid(0, 0, 42.5).build();
        return tape.twapOfMid(0, from, from + length) == 42.5;
    }
}
