package io.qtrade.ml.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.qtrade.ml.RefCases;
import io.qtrade.ml.label.LabelSpans;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Purged k-fold against refcases purged_kfold_expected.json (AFML snippet 7.3): exact index sets. */
class PurgedKFoldTest {

    @Test
    void everyReferenceCaseHasTheSameTrainAndTestRows() {
        JsonNode cases = RefCases.json("purged_kfold_expected.json").get("cases");
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = cases.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> c = it.next();
            JsonNode node = c.getValue();
            String events = node.get("input").asText().split(" ")[0];
            RefCases.Csv csv = RefCases.csv(events);
            LabelSpans spans = LabelSpans.ofBars(csv.ints("t0"), csv.ints("touch_index"));
            PurgedKFold cv = new PurgedKFold(node.get("k").asInt(), node.get("embargo_pct").asDouble());
            assertThat(cv.embargoRows(spans.size())).isEqualTo(node.get("embargo_n_obs").asInt());
            List<Split> splits = cv.split(spans);
            JsonNode folds = node.get("folds");
            assertThat(splits).hasSize(folds.size());
            for (int f = 0; f < folds.size(); f++) {
                assertThat(splits.get(f).test()).as("%s fold %d test", c.getKey(), f)
                        .containsExactly(RefCases.ints(folds.get(f).get("test")));
                assertThat(splits.get(f).train()).as("%s fold %d train", c.getKey(), f)
                        .containsExactly(RefCases.ints(folds.get(f).get("train")));
            }
            checked++;
        }
        assertThat(checked).isEqualTo(3);
    }

    @Test
    void touchingEndpointsAreKeptAndOverlapsPurged() {
        // rows: [0,2] [1,3] [2,4] [3,5] [4,6] [5,7]; k=3 -> test folds {0,1} {2,3} {4,5}
        LabelSpans spans = new LabelSpans(new long[] {0, 1, 2, 3, 4, 5}, new long[] {2, 3, 4, 5, 6, 7});
        List<Split> splits = new PurgedKFold(3, 0).split(spans);
        // fold 1: t0 = 2, maxT1 = 5: left keeps e <= 2 (row 0, touching), right starts at s >= 5 (row 5, touching)
        assertThat(splits.get(1).train()).containsExactly(0, 5);
        // fold 0: maxT1 = 3 -> right from row 3
        assertThat(splits.get(0).train()).containsExactly(3, 4, 5);
        // with an embargo of floor(6 * 0.2) = 1 row after the test fold
        assertThat(new PurgedKFold(3, 0.2).split(spans).get(0).train()).containsExactly(4, 5);
    }

    @Test
    void rejectsUnsortedSpansAndTooFewRows() {
        assertThatThrownBy(() -> new LabelSpans(new long[] {2, 1}, new long[] {3, 3}))
                .hasMessageContaining("row 1 starts at 1 before row 0");
        assertThatThrownBy(() -> new PurgedKFold(5, 0).split(new LabelSpans(new long[] {1}, new long[] {2})))
                .hasMessageContaining("cannot split 1 rows into 5 folds");
    }
}
