package io.qtrade.examples;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MidPriceGridTest {

    private static final long S = 1_000_000_000L;

    @Test
    void samplesThePreviousTickWithTiesGoingToTheLaterEvent() {
        MidPriceGrid grid = new MidPriceGrid(S);
        // event at 0.5 s: the first grid point it can sample is 1 s
        grid.beforeEvent(S / 2);
        grid.afterEvent(S / 2, 100.0);
        // two events exactly at 1 s: the grid point 1 s sees the later one (102)
        grid.beforeEvent(S);
        grid.afterEvent(S, 101.0);
        grid.beforeEvent(S);
        grid.afterEvent(S, 102.0);
        // at 3.5 s: points 1, 2, 3 s are filled with 102 before it applies
        grid.beforeEvent(3 * S + S / 2);
        grid.afterEvent(3 * S + S / 2, 103.0);
        grid.finish(4 * S);

        assertThat(grid.firstIndex()).isEqualTo(1);
        assertThat(grid.size()).isEqualTo(4);
        assertThat(new double[] {grid.at(1), grid.at(2), grid.at(3), grid.at(4)})
                .containsExactly(102.0, 102.0, 102.0, 103.0);
    }

    @Test
    void anEmptySideIsNaNOnTheGridUntilTheBookIsTwoSidedAgain() {
        MidPriceGrid grid = new MidPriceGrid(S);
        grid.afterEvent(0, 50.0);               // exactly on grid point 0
        grid.beforeEvent(S / 2);
        grid.afterEvent(S / 2, Double.NaN);     // one side empty from 0.5 s
        grid.beforeEvent(2 * S + 1);
        grid.afterEvent(2 * S + 1, 51.0);
        grid.finish(3 * S);

        assertThat(grid.firstIndex()).isZero();
        assertThat(grid.at(0)).isEqualTo(50.0);
        assertThat(grid.at(1)).isNaN();
        assertThat(grid.at(2)).isNaN();
        assertThat(grid.at(3)).isEqualTo(51.0);
    }

    @Test
    void refusesANonPositiveStep() {
        assertThatThrownBy(() -> new MidPriceGrid(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stepNanos = 0");
    }
}
