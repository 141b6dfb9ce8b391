package io.qtrade.bars.synthetic;

import io.qtrade.core.bar.BarBatch;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticEquityMarketTest {

    @Test
    void sameSeedSameBarsToTheBit() {
        BarBatch a = drain(SyntheticEquityMarket.of(20, 300, 11));
        BarBatch b = drain(SyntheticEquityMarket.of(20, 300, 11));
        BarBatch c = drain(SyntheticEquityMarket.of(20, 300, 12));
        assertThat(a.size()).isEqualTo(b.size());
        for (int r = 0; r < a.size(); r++) {
            assertThat(Double.doubleToRawLongBits(a.close(r))).isEqualTo(Double.doubleToRawLongBits(b.close(r)));
            assertThat(a.volume(r)).isEqualTo(b.volume(r));
        }
        assertThat(c.close(c.size() - 1)).isNotEqualTo(a.close(a.size() - 1));
    }

    @Test
    void looksLikeAnEquityMarket() {
        int n = 40;
        int days = 2000;
        SyntheticEquityMarket m = new SyntheticEquityMarket(SyntheticEquityMarket.Settings.DEFAULTS
                .withSymbols(n).withDays(days).withSeed(3).withoutListingChanges());
        BarBatch bars = drain(m);
        assertThat(bars.size()).isEqualTo(n * days);
        // equal-weight index daily returns
        double[] index = new double[days - 1];
        double[] single = new double[days - 1];
        for (int t = 1; t < days; t++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += Math.log(bars.close(t * n + i) / bars.close((t - 1) * n + i));
            }
            index[t - 1] = sum / n;
            single[t - 1] = Math.log(bars.close(t * n) / bars.close((t - 1) * n));
        }
        double vol = Math.sqrt(variance(index) * 252);
        // market factor 16% with betas ~ N(1, 0.3): the index vol is near 16% plus diversified idio noise
        assertThat(vol).isBetween(0.12, 0.22);
        // fat tails: excess kurtosis of a stock's daily returns well above 0 (Student-t(5) has 6; GARCH adds)
        assertThat(excessKurtosis(single)).isGreaterThan(1.0);
        // volatility clustering: squared index returns are positively autocorrelated
        double[] sq = Arrays.stream(index).map(x -> x * x).toArray();
        assertThat(autocorrelation(sq)).isGreaterThan(0.05);
        // every bar is a valid bar (BarBatch.add checked it) and prices stay positive
        for (int r = 0; r < bars.size(); r++) {
            assertThat(bars.low(r)).isGreaterThan(0);
        }
    }

    @Test
    void barsExistOnlyWhileListed() {
        SyntheticEquityMarket m = SyntheticEquityMarket.of(50, 400, 5);
        var universe = m.universe();
        BarBatch bars = drain(SyntheticEquityMarket.of(50, 400, 5));
        int late = 0;
        for (var l : universe.listings()) {
            if (!l.listed().equals(m.dates().get(0))) {
                late++;
            }
        }
        assertThat(late).isGreaterThan(3);
        for (int r = 0; r < bars.size(); r++) {
            var listing = universe.listings().get(bars.instrument(r));
            java.time.LocalDate d = java.time.LocalDate.ofEpochDay(bars.startTs(r) / 86_400_000_000_000L);
            assertThat(listing.isListedOn(d)).isTrue();
        }
    }

    static BarBatch drain(SyntheticEquityMarket m) {
        BarBatch all = new BarBatch(m.settings().symbols() * m.settings().days());
        BarBatch b = new BarBatch(1000);
        while (m.readBatch(b)) {
            all.addRange(b, 0, b.size());
        }
        return all;
    }

    private static double variance(double[] x) {
        double mean = Arrays.stream(x).average().orElseThrow();
        return Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (x.length - 1);
    }

    private static double excessKurtosis(double[] x) {
        double mean = Arrays.stream(x).average().orElseThrow();
        double m2 = Arrays.stream(x).map(v -> Math.pow(v - mean, 2)).average().orElseThrow();
        double m4 = Arrays.stream(x).map(v -> Math.pow(v - mean, 4)).average().orElseThrow();
        return m4 / (m2 * m2) - 3;
    }

    private static double autocorrelation(double[] x) {
        double mean = Arrays.stream(x).average().orElseThrow();
        double num = 0;
        double den = 0;
        for (int t = 0; t < x.length; t++) {
            den += (x[t] - mean) * (x[t] - mean);
            if (t > 0) {
                num += (x[t] - mean) * (x[t - 1] - mean);
            }
        }
        return num / den;
    }
}
