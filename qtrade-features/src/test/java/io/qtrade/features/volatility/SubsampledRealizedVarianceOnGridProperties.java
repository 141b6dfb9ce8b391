package io.qtrade.features.volatility;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static io.qtrade.features.volatility.RealizedVarianceOnGridProperties.SESSION;
import static io.qtrade.features.volatility.RealizedVarianceOnGridProperties.STEP;
import static org.assertj.core.api.Assertions.assertThat;

/** The streaming subsampled RV against the batch {@link RealizedMeasures#subsampledRealizedVariance} per session. */
class SubsampledRealizedVarianceOnGridProperties {

    record Session(long start, long end, double rvAvg, long ticks) {
    }

    static List<Session> stream(RealizedVarianceOnGridProperties.Stream s, int k, long offset) {
        List<Session> out = new ArrayList<>();
        SubsampledRealizedVarianceOnGrid rv = new SubsampledRealizedVarianceOnGrid(STEP, k, SESSION, offset,
                (start, end, v, ticks) -> out.add(new Session(start, end, v, ticks)));
        for (int i = 0; i < s.ts().length; i++) {
            rv.onTick(s.ts()[i], s.px()[i]);
        }
        rv.advanceTo(s.ts()[s.ts().length - 1] + SESSION);
        return out;
    }

    @Property(tries = 60)
    void everySessionEqualsTheBatchSubsampledRvBitForBit(@ForAll long seed,
                                                         @ForAll @IntRange(min = 1, max = 3000) int n,
                                                         @ForAll @IntRange(min = 1, max = 6) int k,
                                                         @ForAll @LongRange(min = 0, max = 59) long offsetSteps) {
        RealizedVarianceOnGridProperties.Stream s = RealizedVarianceOnGridProperties.randomStream(seed, n);
        List<Session> sessions = stream(s, k, offsetSteps * STEP);
        assertThat(sessions).isNotEmpty();
        long ticks = 0;
        for (int j = 0; j < sessions.size(); j++) {
            Session x = sessions.get(j);
            assertThat(x.end() - x.start()).isEqualTo(SESSION);
            if (j > 0) {
                assertThat(x.start()).isEqualTo(sessions.get(j - 1).end());
            }
            assertThat(x.rvAvg()).as("session %d", j).isEqualTo(RealizedMeasures.subsampledRealizedVariance(s.ts(),
                    s.px(), x.start(), x.end(), STEP, k));
            ticks += x.ticks();
        }
        assertThat(ticks).isEqualTo(n);
    }

    @Property(tries = 30)
    void oneSubgridIsThePlainGridRv(@ForAll long seed, @ForAll @IntRange(min = 1, max = 2000) int n) {
        RealizedVarianceOnGridProperties.Stream s = RealizedVarianceOnGridProperties.randomStream(seed, n);
        List<Session> sub = stream(s, 1, 0);
        List<RealizedVarianceOnGridProperties.Session> plain = RealizedVarianceOnGridProperties.stream(s, 0);
        assertThat(sub).hasSameSizeAs(plain);
        for (int j = 0; j < sub.size(); j++) {
            assertThat(sub.get(j).rvAvg()).isEqualTo(plain.get(j).rv());
        }
    }
}
