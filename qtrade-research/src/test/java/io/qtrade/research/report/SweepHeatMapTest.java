package io.qtrade.research.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qtrade.research.sweep.Metric;
import io.qtrade.research.sweep.ParameterSet;
import io.qtrade.research.sweep.Partition;
import io.qtrade.research.sweep.RunMetrics;
import io.qtrade.research.sweep.SweepResult;
import io.qtrade.research.sweep.SweepRow;
import java.awt.Color;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The sweep heat map: one cell per grid point, colours ordered by score, NaN cells, bad input named. */
class SweepHeatMapTest {

    static final List<String> NAMES = List.of("gamma", "k");
    static final double[] GAMMAS = {0.5, 0.1, 1.0};   // deliberately not sorted: the map sorts them
    static final double[] KS = {2.0, 1.0};
    static final List<Partition> DAYS = List.of(new Partition(0, "SIM", "AAA", LocalDate.of(2026, 1, 5)),
            new Partition(1, "SIM", "AAA", LocalDate.of(2026, 1, 6)));

    /**
     * A 3 x 2 sweep over 2 days whose Sharpe ratio per run is {@code gamma * 10 + k + day}: the set's mean over the
     * days is {@code gamma * 10 + k + 0.5}. The set (gamma 0.5, k 1) has NaN Sharpe ratios on both days (undefined).
     */
    static SweepResult sweep() {
        List<ParameterSet> sets = new ArrayList<>();
        List<SweepRow> rows = new ArrayList<>();
        int index = 0;
        for (double gamma : GAMMAS) {
            for (double k : KS) {
                ParameterSet p = new ParameterSet(index++, NAMES, new double[] {gamma, k});
                sets.add(p);
                for (Partition day : DAYS) {
                    double sharpe = gamma == 0.5 && k == 1.0 ? Double.NaN : gamma * 10 + k + day.index();
                    // net PnL: -(gamma * 10 + k) - day, so lower is better for drawdown below
                    double drawdown = gamma * 10 + k + day.index();
                    rows.add(new SweepRow(p, day, new RunMetrics(sharpe, 0.1, 10, 5, 1.0, 1_000.0, sharpe,
                            drawdown, 1_000), null));
                }
            }
        }
        return SweepResult.of(sets, rows, 1_000_000_000L);
    }

    @Test
    void cellsHoldTheMeanScoreOverPartitionsOnSortedAxes() {
        SweepHeatMap map = SweepHeatMap.of(sweep(), Metric.SHARPE);
        assertThat(map.xName()).isEqualTo("gamma");
        assertThat(map.yName()).isEqualTo("k");
        assertThat(map.xValues()).containsExactly(0.1, 0.5, 1.0);
        assertThat(map.yValues()).containsExactly(1.0, 2.0);
        // gamma 0.1, k 1: (0.1*10 + 1 + 0 + 0.1*10 + 1 + 1) / 2 = 2.5
        assertThat(map.score(0, 0)).isCloseTo(2.5, within(1e-12));
        // gamma 1, k 2: 10 + 2 + 0.5 = 12.5
        assertThat(map.score(2, 1)).isCloseTo(12.5, within(1e-12));
        assertThat(map.score(1, 0)).isNaN();
        assertThat(map.set(1, 0)).isEqualTo(1); // (0.5, 1.0) was the second set built
        assertThat(map.scoreRange()).containsExactly(2.5, 12.5);
    }

    @Test
    void svgHasOneCellPerGridPointWithTheBestCellInTheTopColour() {
        SweepHeatMap map = SweepHeatMap.of(sweep(), Metric.SHARPE);
        String svg = map.svg("hm");
        Map<String, Color> cells = cellColours(svg, "hm");
        assertThat(cells).hasSize(6);
        assertThat(cells.get("2-1")).isEqualTo(ScorePaintScale.BEST_COLOUR);   // 12.5, the best
        assertThat(cells.get("0-0")).isEqualTo(ScorePaintScale.WORST_COLOUR);  // 2.5, the worst
        assertThat(cells.get("1-0")).isEqualTo(ScorePaintScale.NAN_COLOUR);    // NaN
        // the other cells in score order: (0,1) 3.5 < (1,1) 7.5 < (2,0) 11.5 climb the palette
        List<String> order = List.of("0-0", "0-1", "1-1", "2-0", "2-1");
        for (int k = 1; k < order.size(); k++) {
            assertThat(paletteRank(cells.get(order.get(k)))).as("cell %s", order.get(k))
                    .isGreaterThan(paletteRank(cells.get(order.get(k - 1))));
        }
        assertThat(svg).contains(">n/a<").contains(">12.5<").contains(">gamma<"); // the vertical "k" is drawn as a path
    }

    @Test
    void whenLowerIsBetterTheLowestScoreGetsTheTopColour() {
        SweepHeatMap map = SweepHeatMap.of(sweep(), Metric.MAX_DRAWDOWN);
        // every set has a drawdown (no NaN): lowest mean is gamma 0.1, k 1: 2.5
        Map<String, Color> cells = cellColours(map.svg("dd"), "dd");
        assertThat(cells).hasSize(6);
        assertThat(cells.get("0-0")).isEqualTo(ScorePaintScale.BEST_COLOUR);
        assertThat(cells.get("2-1")).isEqualTo(ScorePaintScale.WORST_COLOUR);
    }

    @Test
    void allScoresUndefinedGiveAGreyMapWithoutFailing() {
        List<ParameterSet> sets = List.of(new ParameterSet(0, NAMES, new double[] {1, 1}),
                new ParameterSet(1, NAMES, new double[] {2, 1}));
        List<SweepRow> rows = List.of(SweepRow.failed(sets.get(0), DAYS.get(0), new IllegalStateException("no data")),
                SweepRow.failed(sets.get(1), DAYS.get(0), new IllegalStateException("no data")));
        SweepHeatMap map = SweepHeatMap.of(SweepResult.of(sets, rows, 1), Metric.SHARPE);
        assertThat(map.scoreRange()[0]).isNaN();
        Map<String, Color> cells = cellColours(map.svg("none"), "none");
        assertThat(cells.values()).containsExactly(ScorePaintScale.NAN_COLOUR, ScorePaintScale.NAN_COLOUR);
    }

    @Test
    void aSweepWithoutExactlyTwoParametersIsNamed() {
        List<ParameterSet> sets = List.of(new ParameterSet(0, List.of("gamma"), new double[] {1}));
        List<SweepRow> rows = List.of(new SweepRow(sets.get(0), DAYS.get(0),
                new RunMetrics(1, 0, 1, 1, 1, 1, 1, 1, 1), null));
        assertThatThrownBy(() -> SweepHeatMap.of(SweepResult.of(sets, rows, 1), Metric.SHARPE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sweep heat map: the sweep has 1 parameter(s) [gamma], expected exactly 2 (x, y)");
        List<ParameterSet> three = List.of(new ParameterSet(0, List.of("a", "b", "c"), new double[] {1, 2, 3}));
        assertThatThrownBy(() -> SweepHeatMap.of(SweepResult.of(three, List.of(), 1), Metric.SHARPE))
                .hasMessageContaining("3 parameter(s) [a, b, c]");
        List<ParameterSet> twins = List.of(new ParameterSet(0, NAMES, new double[] {1, 2}),
                new ParameterSet(1, NAMES, new double[] {1, 2}));
        assertThatThrownBy(() -> SweepHeatMap.of(SweepResult.of(twins, List.of(), 1), Metric.SHARPE))
                .hasMessage("sweep heat map: sets 0 and 1 both have gamma = 1.0, k = 2.0, expected one set per grid "
                        + "point");
        assertThatThrownBy(() -> SweepHeatMap.of(sweep(), Metric.SHARPE).svg("9x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id '9x'");
    }

    @Test
    void numbersAreShortAndUndefinedOnesSaySo() {
        assertThat(SweepHeatMap.number(12.5)).isEqualTo("12.5");
        assertThat(SweepHeatMap.number(3)).isEqualTo("3");
        assertThat(SweepHeatMap.number(0.012345)).isEqualTo("0.01235");
        assertThat(SweepHeatMap.number(Double.NaN)).isEqualTo("n/a");
        assertThat(SweepHeatMap.number(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    }

    /** The fill colour of every {@code <rect id="PREFIX-cell-I-J">}, keyed "I-J". */
    static Map<String, Color> cellColours(String svg, String prefix) {
        Map<String, Color> out = new HashMap<>();
        Matcher m = Pattern.compile("<rect id=['\"]" + prefix + "-cell-(\\d+-\\d+)['\"][^>]*?fill: ?rgb\\((\\d+),"
                + " ?(\\d+), ?(\\d+)\\)").matcher(svg);
        while (m.find()) {
            Color previous = out.put(m.group(1), new Color(Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
            assertThat(previous).as("cell %s drawn once", m.group(1)).isNull();
        }
        return out;
    }

    /** Position of a colour along the palette, 0 (worst) to 1 (best), by its nearest interpolated colour. */
    static double paletteRank(Color c) {
        double best = Double.NaN;
        double bestDistance = Double.POSITIVE_INFINITY;
        ScorePaintScale scale = new ScorePaintScale(0, 1, true);
        for (int k = 0; k <= 1000; k++) {
            Color p = scale.colour(k / 1000.0);
            double d = Math.abs(p.getRed() - c.getRed()) + Math.abs(p.getGreen() - c.getGreen())
                    + Math.abs(p.getBlue() - c.getBlue());
            if (d < bestDistance) {
                bestDistance = d;
                best = k / 1000.0;
            }
        }
        return best;
    }
}
