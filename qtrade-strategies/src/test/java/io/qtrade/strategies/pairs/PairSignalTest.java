package io.qtrade.strategies.pairs;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.qtrade.strategies.pairs.PairSignal.FLAT;
import static io.qtrade.strategies.pairs.PairSignal.LONG_SPREAD;
import static io.qtrade.strategies.pairs.PairSignal.SHORT_SPREAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PairSignalTest {

    @Test
    void followsEntryExitAndStopStepByStep() {
        PairSignal s = new PairSignal(2.0, 0.5, 4.0);
        // z            -> position (rule)
        assertThat(s.update(0.0)).isEqualTo(FLAT);           // inside the entry band
        assertThat(s.update(2.5)).isEqualTo(SHORT_SPREAD);   // 2 < 2.5 <= 4: y rich, short the spread
        assertThat(s.update(1.0)).isEqualTo(SHORT_SPREAD);   // 1.0 > exit 0.5: hold
        assertThat(s.update(0.4)).isEqualTo(FLAT);           // 0.4 <= 0.5: reverted, close
        assertThat(s.update(-2.1)).isEqualTo(LONG_SPREAD);   // -4 <= -2.1 < -2: long the spread
        assertThat(s.update(-4.5)).isEqualTo(FLAT);          // -4.5 < -4: stop
        assertThat(s.isStoppedOut()).isTrue();
        assertThat(s.update(-3.0)).isEqualTo(FLAT);          // stopped out: |z| = 3 >= exit, stay out
        assertThat(s.update(-2.5)).isEqualTo(FLAT);          // would be an entry, but still stopped out
        assertThat(s.update(0.3)).isEqualTo(FLAT);           // |0.3| < 0.5: re-armed
        assertThat(s.isStoppedOut()).isFalse();
        assertThat(s.update(-2.5)).isEqualTo(LONG_SPREAD);   // entry again
        assertThat(s.update(2.5)).isEqualTo(SHORT_SPREAD);   // 2.5 >= -0.5 closes the long, 2.5 > 2 opens a short
        assertThat(s.update(5.0)).isEqualTo(FLAT);           // 5 > 4: stop
        assertThat(s.entries()).isEqualTo(4);
        assertThat(s.exits()).isEqualTo(2);
        assertThat(s.stops()).isEqualTo(2);
    }

    @Test
    void neverEntersBeyondTheStop() {
        PairSignal s = new PairSignal(2.0, 0.5, 4.0);
        assertThat(s.update(4.5)).isEqualTo(FLAT);
        assertThat(s.update(-7.0)).isEqualTo(FLAT);
        assertThat(s.isStoppedOut()).isFalse();
        assertThat(s.update(3.9)).isEqualTo(SHORT_SPREAD);
    }

    @Test
    void infiniteStopDisablesTheStop() {
        PairSignal s = new PairSignal(1.0, 0.0, Double.POSITIVE_INFINITY);
        assertThat(s.update(-1e6)).isEqualTo(LONG_SPREAD);
        assertThat(s.update(-1e9)).isEqualTo(LONG_SPREAD);
        assertThat(s.update(-1e-3)).isEqualTo(LONG_SPREAD);  // exit 0: close only at z >= 0
        assertThat(s.update(0.0)).isEqualTo(FLAT);
    }

    @Test
    void refusesBadThresholdsAndNonFiniteZ() {
        assertThatThrownBy(() -> new PairSignal(0.5, 0.5, 4)).hasMessageContaining("0 <= exitZ < entryZ < stopZ");
        assertThatThrownBy(() -> new PairSignal(2, -0.1, 4)).hasMessageContaining("exitZ=-0.1");
        assertThatThrownBy(() -> new PairSignal(4, 0.5, 4)).hasMessageContaining("stopZ=4.0");
        assertThatThrownBy(() -> new PairSignal(2, 0.5, 4).update(Double.NaN)).hasMessageContaining("z must be finite");
    }

    /** Invariants on any z path: in a position only while z is beyond the exit on its side; never stopped and in. */
    @Property(tries = 300)
    void positionAlwaysAgreesWithTheBands(
            @ForAll @Size(min = 1, max = 200) List<@DoubleRange(min = -6, max = 6) Double> zs) {
        PairSignal s = new PairSignal(2.0, 0.5, 4.0);
        for (double z : zs) {
            int p = s.update(z);
            if (p == SHORT_SPREAD) {
                assertThat(z).isGreaterThan(0.5).isLessThanOrEqualTo(4.0);
            } else if (p == LONG_SPREAD) {
                assertThat(z).isLessThan(-0.5).isGreaterThanOrEqualTo(-4.0);
            }
            if (s.isStoppedOut()) {
                assertThat(p).isEqualTo(FLAT);
            }
            assertThat(s.entries()).isGreaterThanOrEqualTo(s.exits() + s.stops());
            assertThat(s.entries()).isLessThanOrEqualTo(s.exits() + s.stops() + 1);
        }
    }
}
