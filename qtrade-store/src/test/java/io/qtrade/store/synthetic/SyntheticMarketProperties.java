package io.qtrade.store.synthetic;

import io.qtrade.core.Instrument;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/** Stream invariants (see {@link SyntheticMarketTest#checkStream}) for random parameters and seeds. */
class SyntheticMarketProperties {

    static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    static final Instrument BBB = new Instrument("BBB", "SYN", 0.25, 0.5, 50);

    @Property(tries = 40)
    void everyStreamIsValidAndExactlyAsLongAsAsked(@ForAll long seed,
                                                   @ForAll @IntRange(min = 1, max = 60) int levels,
                                                   @ForAll @IntRange(min = 1, max = 6) int marketOrderSize,
                                                   @ForAll @DoubleRange(min = 0.0, max = 5.0) double mu,
                                                   @ForAll @DoubleRange(min = 0.05, max = 3.0) double theta,
                                                   @ForAll @IntRange(min = 1, max = 4) int orderSizeLots,
                                                   @ForAll @IntRange(min = 100, max = 20_000) int events,
                                                   @ForAll @IntRange(min = 1, max = 5000) int batchCapacity) {
        SyntheticMarket market = SyntheticMarket.builder()
                .instrument(AAA, 1000.0)
                .instrument(BBB, 500.25)
                .levels(levels)
                .marketOrderSize(marketOrderSize)
                .marketRate(mu)
                .cancelRate(theta)
                .orderSizeLots(orderSizeLots)
                .feedJitterNanos(1_000_000)
                .meanReversion(0.3)
                .correlation(0.5)
                .events(events)
                .seed(seed)
                .build();
        assertThat(SyntheticMarketTest.checkStream(market, batchCapacity).events)
                .isBetween((long) events, events + SyntheticMarketTest.maxTransitionRows(market));
    }
}
