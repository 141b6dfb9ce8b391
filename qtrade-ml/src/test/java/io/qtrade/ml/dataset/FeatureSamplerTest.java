package io.qtrade.ml.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Grid sampling of streaming features on a tick stream equals the batch features of the previous-tick sampled
 * prices; event sampling keeps the event times; warm-up rows are skipped and counted.
 */
class FeatureSamplerTest {

    @Test
    void gridRowsEqualBatchFeaturesOfPreviousTickPrices() {
        // 4,000 ticks at random gaps of 1..2000 ms, random-walk prices; one-second grid from t = 0
        SplittableRandom rnd = new SplittableRandom(5);
        int n = 4_000;
        long[] ts = new long[n];
        double[] px = new double[n];
        long t = 0;
        double p = 100;
        for (int i = 0; i < n; i++) {
            t += 1_000_000L * (1 + rnd.nextInt(2000));
            p *= Math.exp(0.001 * rnd.nextGaussian());
            ts[i] = t;
            px[i] = p;
        }
        long grid = 1_000_000_000L;
        ReturnLagFeatures live = new ReturnLagFeatures(3, 10);
        FeatureSampler sampler = FeatureSampler.onGrid(live, grid, 0);
        for (int i = 0; i < n; i++) {
            sampler.advanceTo(ts[i]);
            live.update(px[i]);
        }
        sampler.advanceTo(ts[n - 1] + 1);

        // reference: the previous-tick price at every grid point g (last tick with time <= g), batch features
        int points = (int) (ts[n - 1] / grid) + 1;
        double[] sampled = new double[points];
        int k = -1;
        int firstDefined = -1;
        for (int g = 0; g < points; g++) {
            while (k + 1 < n && ts[k + 1] <= (long) g * grid) {
                k++;
            }
            sampled[g] = k < 0 ? Double.NaN : px[k];
            if (k >= 0 && firstDefined < 0) {
                firstDefined = g;
            }
        }
        // the streaming features see every tick, not only the grid's: compare with features of all ticks up to g
        double[][] byTick = ReturnLagFeatures.rows(px, 3, 10);
        long[] times = sampler.times();
        double[][] rows = sampler.rows();
        assertThat(sampler.size() + sampler.skippedWarmUp()).isEqualTo(points);
        int last = -1;
        for (int r = 0; r < rows.length; r++) {
            int g = (int) (times[r] / grid);
            while (last + 1 < n && ts[last + 1] <= times[r]) {
                last++;
            }
            assertThat(rows[r]).as("grid %d", g).containsExactly(byTick[last]);
            assertThat(px[last]).isEqualTo(sampled[g]);
        }
        assertThat(sampler.toTable().columnNames()).containsExactly("time", "lag1", "lag2", "lag3", "vol10");
    }

    @Test
    void eventSamplingKeepsTimesAndRefusesGoingBack() {
        ReturnLagFeatures live = new ReturnLagFeatures(1, 2);
        FeatureSampler s = FeatureSampler.atEvents(live);
        double[] px = {100, 101, 99, 100};
        for (int i = 0; i < px.length; i++) {
            live.update(px[i]);
            s.sampleAt(10L * i);
        }
        assertThat(s.skippedWarmUp()).isEqualTo(2);          // ready after 2 returns
        assertThat(s.times()).containsExactly(20L, 30L);
        assertThat(s.rows()[1][0]).isEqualTo(Math.log(100.0 / 99));
        assertThatThrownBy(() -> s.sampleAt(25)).hasMessageContaining("sample time 25 is before the previous row's 30");
    }
}
