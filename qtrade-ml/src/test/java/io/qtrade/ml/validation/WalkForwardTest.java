package io.qtrade.ml.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qtrade.ml.label.FixedHorizonLabels;
import io.qtrade.ml.label.LabelSpans;
import io.qtrade.ml.label.PathReturn;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Walk-forward splits and the look-ahead check, against hand-built spans (arithmetic in the comments). */
class WalkForwardTest {

    // 10 rows, label i spans [i, i+2] (a 2-bar fixed horizon)
    private static final LabelSpans SPANS = FixedHorizonLabels.of(
            new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 2, 0, PathReturn.SIMPLE).spans();

    @Test
    void anchoredTrainsOnEverythingBeforeTheBlockMinusOpenLabels() {
        List<Split> splits = WalkForward.anchored(4, 3).split(SPANS);
        assertThat(splits).hasSize(2);
        // block 0: test rows 4..6 (start bar 4); train rows 0..3 with end <= 4: rows 0,1,2 (row 3 ends at 5)
        assertThat(splits.get(0).test()).containsExactly(4, 5, 6);
        assertThat(splits.get(0).train()).containsExactly(0, 1, 2);
        // block 1: test rows 7..9; train rows 0..6 with end <= 7: 0..5
        assertThat(splits.get(1).test()).containsExactly(7, 8, 9);
        assertThat(splits.get(1).train()).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void rollingKeepsAFixedWindow() {
        List<Split> splits = WalkForward.rolling(4, 3).split(SPANS);
        assertThat(splits.get(1).train()).containsExactly(3, 4, 5);   // rows 3..6, row 6 ends at 8 > 7
        assertThat(splits.get(1).test()).containsExactly(7, 8, 9);
    }

    @Test
    void lookAheadCheckFailsOnAFeatureAfterItsLabelStart() {
        LabelSpans spans = new LabelSpans(new long[] {10, 20, 30}, new long[] {15, 25, 35});
        LookAheadCheck.requireFeaturesBeforeLabels(new long[] {10, 19, 30}, spans);   // equal times are fine
        assertThatThrownBy(() -> LookAheadCheck.requireFeaturesBeforeLabels(new long[] {10, 21, 30}, spans))
                .isInstanceOf(LookAheadException.class)
                .hasMessageContaining("row 1: feature timestamp 21 is after the label start 20")
                .satisfies(e -> assertThat(((LookAheadException) e).row()).isEqualTo(1));
    }

    @Test
    void rejectsTooShortData() {
        assertThatThrownBy(() -> WalkForward.rolling(10, 2).split(SPANS))
                .hasMessageContaining("need more than trainRows=10 rows, got 10");
    }
}
