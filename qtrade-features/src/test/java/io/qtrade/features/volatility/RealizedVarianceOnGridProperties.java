package io.qtrade.features.volatility;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streaming grid RV against the batch {@link RealizedMeasures#previousTickLogReturns} on seeded random tick
 * streams with bursts, same-timestamp ticks and gaps of several sessions.
 */
class RealizedVarianceOnGridProperties {

    static final long STEP = 60_000_000_000L; // 1 minute
    static final long SESSION = 60 * STEP;    // 1 hour, so a stream spans many sessions

    record Session(long start, long end, double rv, double bv, int returns, long ticks) {
    }

    record Stream(long[] ts, double[] px) {
    }

    static Stream randomStream(long seed, int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] ts = new long[n];
        double[] px = new double[n];
        long t = 1_700_000_000_000_000_000L + rnd.nextLong(SESSION);
        double logP = Math.log(100);
        for (int i = 0; i < n; i++) {
            int kind = rnd.nextInt(100);
            if (kind < 10) {
                t += 0; // same timestamp
            } else if (kind < 12) {
                t += rnd.nextLong(3 * SESSION); // a gap over whole sessions
            } else if (kind < 15) {
                t += STEP * rnd.nextInt(1, 4); // exactly on a later grid point when t is on one
            } else {
                t += rnd.nextLong(1, 2 * STEP);
            }
            logP += 0.001 * (rnd.nextDouble() - 0.5);
            ts[i] = t;
            px[i] = Math.exp(logP);
        }
        return new Stream(ts, px);
    }

    static List<Session> stream(Stream s, long offset) {
        List<Session> out = new ArrayList<>();
        RealizedVarianceOnGrid rv = new RealizedVarianceOnGrid(STEP, SESSION, offset,
                (start, end, v, bv, returns, ticks) -> out.add(new Session(start, end, v, bv, returns, ticks)));
        for (int i = 0; i < s.ts().length; i++) {
            rv.onTick(s.ts()[i], s.px()[i]);
        }
        rv.advanceTo(s.ts()[s.ts().length - 1] + SESSION);
        return out;
    }

    @Property(tries = 60)
    void everySessionEqualsTheBatchGridRvBitForBit(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3000) int n,
                                                   @ForAll @LongRange(min = 0, max = 59) long offsetSteps) {
        Stream s = randomStream(seed, n);
        List<Session> sessions = stream(s, offsetSteps * STEP);
        assertThat(sessions).isNotEmpty();
        double[] r = new double[(int) (SESSION / STEP)];
        long ticks = 0;
        for (int k = 0; k < sessions.size(); k++) {
            Session x = sessions.get(k);
            assertThat(x.end() - x.start()).isEqualTo(SESSION);
            assertThat(Math.floorMod(x.start() - offsetSteps * STEP, SESSION)).isZero();
            if (k > 0) {
                assertThat(x.start()).isEqualTo(sessions.get(k - 1).end());
            }
            int m = RealizedMeasures.previousTickLogReturns(s.ts(), s.px(), x.start(), x.end(), STEP, r);
            assertThat(x.returns()).isEqualTo(m);
            assertThat(x.rv()).isEqualTo(RealizedMeasures.realizedVariance(r, m));
            assertThat(x.bv()).isEqualTo(RealizedMeasures.bipowerVariation(r, m));
            ticks += x.ticks();
        }
        assertThat(ticks).isEqualTo(n);
    }

    /** A tick replaced by a later one before any grid point is sampled never reaches the measures. */
    @Property(tries = 60)
    void ticksOverwrittenBeforeTheNextGridPointAreIgnored(@ForAll long seed,
                                                         @ForAll @IntRange(min = 2, max = 2000) int n) {
        Stream s = randomStream(seed, n);
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        long[] ts = new long[2 * n];
        double[] px = new double[2 * n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0 && s.ts()[i] > s.ts()[i - 1] + 1 && rnd.nextBoolean()) {
                long x = s.ts()[i - 1] + 1 + rnd.nextLong(s.ts()[i] - s.ts()[i - 1] - 1);
                long nextGrid = Math.floorDiv(x + STEP - 1, STEP) * STEP;
                if (nextGrid >= s.ts()[i]) {
                    ts[m] = x;
                    px[m] = s.px()[i] * (0.5 + rnd.nextDouble()); // any price: it is overwritten
                    m++;
                }
            }
            ts[m] = s.ts()[i];
            px[m] = s.px()[i];
            m++;
        }
        Stream noisy = new Stream(java.util.Arrays.copyOf(ts, m), java.util.Arrays.copyOf(px, m));
        List<Session> clean = stream(s, 0);
        List<Session> withNoise = stream(noisy, 0);
        assertThat(withNoise).hasSameSizeAs(clean);
        for (int k = 0; k < clean.size(); k++) {
            assertThat(withNoise.get(k).rv()).isEqualTo(clean.get(k).rv());
            assertThat(withNoise.get(k).bv()).isEqualTo(clean.get(k).bv());
            assertThat(withNoise.get(k).returns()).isEqualTo(clean.get(k).returns());
        }
    }
}
