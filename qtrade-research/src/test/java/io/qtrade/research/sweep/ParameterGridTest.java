package io.qtrade.research.sweep;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ParameterGridTest {

    private static final ParameterGrid GRID = ParameterGrid.builder().values("gamma", 0.01, 0.1, 1.0)
            .values("k", 0.5, 1.5).build();

    @Test
    void theCartesianProductVariesTheLastParameterFastest() {
        List<ParameterSet> sets = GRID.cartesian();
        assertThat(GRID.size()).isEqualTo(6);
        assertThat(sets).extracting(ParameterSet::toString).containsExactly("gamma=0.01, k=0.5", "gamma=0.01, k=1.5",
                "gamma=0.1, k=0.5", "gamma=0.1, k=1.5", "gamma=1.0, k=0.5", "gamma=1.0, k=1.5");
        assertThat(sets).extracting(ParameterSet::index).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(sets.get(3).get("gamma")).isEqualTo(0.1);
        assertThat(sets.get(3).get("k")).isEqualTo(1.5);
    }

    @Test
    void aRandomSampleIsDistinctDrawnFromTheGridAndTheSameForTheSameSeed() {
        List<ParameterSet> a = GRID.random(4, 42);
        assertThat(a).hasSize(4);
        assertThat(a).extracting(ParameterSet::index).containsExactly(0, 1, 2, 3);
        Set<String> distinct = new HashSet<>();
        Set<String> all = new HashSet<>();
        GRID.cartesian().forEach(s -> all.add(s.toString()));
        for (ParameterSet s : a) {
            distinct.add(s.toString());
        }
        assertThat(distinct).hasSize(4);
        assertThat(all).containsAll(distinct);
        assertThat(GRID.random(4, 42)).isEqualTo(a);
        assertThat(GRID.random(6, 1)).extracting(ParameterSet::toString).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void aRandomSampleOfAHugeGridNeedsNoListOfIt() {
        ParameterGrid big = ParameterGrid.builder().linear("a", 0, 1, 1000).linear("b", 0, 1, 1000)
                .linear("c", 0, 1, 1000).build();
        assertThat(big.size()).isEqualTo(1_000_000_000L);
        assertThat(big.random(3, 7)).hasSize(3);
    }

    @Test
    void spacedValuesIncludeBothEnds() {
        ParameterGrid g = ParameterGrid.builder().linear("x", 1, 2, 3).geometric("y", 0.01, 1, 3).build();
        List<ParameterSet> sets = g.cartesian();
        assertThat(sets.get(0).get("x")).isEqualTo(1.0);
        assertThat(sets.get(3).get("x")).isEqualTo(1.5);
        assertThat(sets.get(6).get("x")).isEqualTo(2.0);
        assertThat(sets.get(0).get("y")).isEqualTo(0.01);
        assertThat(sets.get(1).get("y")).isCloseTo(0.1, within(1e-15));
        assertThat(sets.get(2).get("y")).isEqualTo(1.0);
    }

    @Test
    void badParametersAreRefusedWithTheirName() {
        assertThatThrownBy(() -> ParameterGrid.builder().values("g", 1, 1)).hasMessage("parameter 'g' lists 1.0 twice");
        assertThatThrownBy(() -> ParameterGrid.builder().values("g", 1).values("g", 2))
                .hasMessage("parameter 'g' is already in the grid");
        assertThatThrownBy(() -> ParameterGrid.builder().values("g", Double.NaN))
                .hasMessage("parameter 'g' value 0 is NaN; expected finite");
        assertThatThrownBy(() -> GRID.random(7, 1)).hasMessage("random sample of 7 sets from a grid of 6; expected 1..6");
        assertThatThrownBy(() -> GRID.cartesian().get(0).get("kappa"))
                .hasMessage("parameter set 0 has no parameter 'kappa'; it has [gamma, k]");
        assertThatThrownBy(() -> GRID.cartesian().get(0).getInt("gamma"))
                .hasMessage("parameter 'gamma' of set 0 is 0.01, not an int");
    }
}
