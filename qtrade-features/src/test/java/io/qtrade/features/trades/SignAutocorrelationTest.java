package io.qtrade.features.trades;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SignAutocorrelationTest {

    /**
     * Signs +1 +1 -1 -1: m = 0, N gamma(0) = 4; lag 1: 1 - 1 + 1 = 1 -> 0.25; lag 2: -1 - 1 = -2 -> -0.5;
     * lag 3: -1 -> -0.25; lag 4: N <= k -> NaN.
     * Signs +1 +1 +1 -1: m = 0.5, N gamma(0) = 3 * 0.25 + 2.25 = 3; lag 1: 0.25 + 0.25 - 0.75 = -0.25 -> -1/12.
     */
    @Test
    void handComputedAutocorrelations() {
        SignAutocorrelation acf = new SignAutocorrelation(4);
        for (int s : new int[]{1, 1, -1, -1}) {
            acf.update(s);
        }
        assertThat(acf.autocorrelation(1)).isCloseTo(0.25, within(1e-15));
        assertThat(acf.autocorrelation(2)).isCloseTo(-0.5, within(1e-15));
        assertThat(acf.autocorrelation(3)).isCloseTo(-0.25, within(1e-15));
        assertThat(acf.autocorrelation(4)).isNaN();
        SignAutocorrelation skewed = new SignAutocorrelation(1);
        for (int s : new int[]{1, 1, 1, -1}) {
            skewed.update(s);
        }
        assertThat(skewed.autocorrelation(1)).isCloseTo(-1.0 / 12, within(1e-15));
        SignAutocorrelation constant = new SignAutocorrelation(1);
        constant.update(1);
        constant.update(1);
        assertThat(constant.autocorrelation(1)).isNaN(); // gamma(0) = 0
    }

    @Test
    void refusesUnclassifiedSigns() {
        SignAutocorrelation acf = new SignAutocorrelation(2);
        assertThatThrownBy(() -> acf.update(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trade sign 0 at trade 0");
        assertThatThrownBy(() -> SignAutocorrelation.batch(new int[]{1, 0}, 2, 1, new double[1]))
                .hasMessageContaining("trade sign 0 at trade 1");
    }

    /**
     * The streaming sums equal the batch definition (1e-10: the two evaluate the same sum in different orders) on
     * persistent sign sequences (each sign repeats the last with probability {@code persistence}).
     */
    @Property(tries = 40)
    void streamingEqualsTheBatchDefinition(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                           @ForAll @IntRange(min = 1, max = 30) int maxLag,
                                           @ForAll @IntRange(min = 1, max = 3000) int n,
                                           @ForAll @DoubleRange(min = 0.0, max = 0.95) double persistence) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] signs = new int[n];
        SignAutocorrelation acf = new SignAutocorrelation(maxLag);
        int last = 1;
        for (int t = 0; t < n; t++) {
            last = random.nextDouble() < persistence ? last : (random.nextBoolean() ? 1 : -1);
            signs[t] = last;
            acf.update(last);
        }
        double[] batch = SignAutocorrelation.batch(signs, n, maxLag, new double[maxLag]);
        double[] streamed = acf.autocorrelations(new double[maxLag]);
        for (int k = 0; k < maxLag; k++) {
            if (Double.isNaN(batch[k])) {
                assertThat(streamed[k]).isNaN();
            } else {
                assertThat(streamed[k]).isCloseTo(batch[k], within(1e-10));
            }
        }
    }

    /** Signs that repeat with probability 0.9 (else a fair coin) have rho(1) = 0.9 (Markov chain); N = 200,000. */
    @Test
    void persistentSignsShowTheirLagOneCorrelation() {
        SplittableRandom random = new SplittableRandom(3);
        SignAutocorrelation acf = new SignAutocorrelation(2);
        int last = 1;
        for (int t = 0; t < 200_000; t++) {
            last = random.nextDouble() < 0.9 ? last : (random.nextBoolean() ? 1 : -1);
            acf.update(last);
        }
        // P(same) = 0.9 + 0.1 * 0.5 = 0.95 -> rho(1) = 2 * 0.95 - 1 = 0.9, rho(2) = 0.81; 5e-3 is > 3 standard errors.
        assertThat(acf.autocorrelation(1)).isCloseTo(0.9, within(5e-3));
        assertThat(acf.autocorrelation(2)).isCloseTo(0.81, within(1e-2));
    }
}
