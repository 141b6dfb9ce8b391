package io.qtrade.research.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import org.junit.jupiter.api.Test;

/** The heat map's paint scale against colours interpolated by hand. */
class ScorePaintScaleTest {

    @Test
    void stopsSitAtQuartersAndBetweenThemRgbIsInterpolatedLinearly() {
        ScorePaintScale s = new ScorePaintScale(0.0, 8.0, true);
        assertThat(s.colour(0.0)).isEqualTo(new Color(0x440154));
        assertThat(s.colour(4.0)).isEqualTo(new Color(0x21918C));   // t = 0.5: the middle stop
        assertThat(s.colour(8.0)).isEqualTo(ScorePaintScale.BEST_COLOUR);
        // t = 0.125: halfway between #440154 (68, 1, 84) and #3B528B (59, 82, 139):
        // (68 + 59) / 2 = 63.5 -> 64, (1 + 82) / 2 = 41.5 -> 42, (84 + 139) / 2 = 111.5 -> 112 (half up)
        assertThat(s.colour(1.0)).isEqualTo(new Color(64, 42, 112));
    }

    @Test
    void lowerIsBetterReversesThePaletteAndNaNIsGrey() {
        ScorePaintScale s = new ScorePaintScale(-2.0, 2.0, false);
        assertThat(s.colour(-2.0)).isEqualTo(ScorePaintScale.BEST_COLOUR);
        assertThat(s.colour(2.0)).isEqualTo(ScorePaintScale.WORST_COLOUR);
        assertThat(s.colour(Double.NaN)).isEqualTo(ScorePaintScale.NAN_COLOUR);
    }

    @Test
    void equalScoresAreAllTheBestAndTheBoundsStayOrdered() {
        ScorePaintScale s = new ScorePaintScale(3.0, 3.0, true);
        assertThat(s.colour(3.0)).isEqualTo(ScorePaintScale.BEST_COLOUR);
        assertThat(s.upperBound()).isGreaterThan(s.lowerBound()); // the legend needs lower < upper
    }
}
