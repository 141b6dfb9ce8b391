package io.qtrade.ml.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qtrade.ml.RefCases;
import io.qtrade.ml.label.EwmVolatility;
import io.qtrade.ml.label.TripleBarrier;
import io.qtrade.ml.label.TripleBarrierLabels;
import io.qtrade.ml.label.VerticalBarrierLabel;
import io.qtrade.ml.validation.LookAheadException;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * Lagged-return features against the refcases logistic-regression features (numpy, rounded to float32 there: so to
 * 1e-7 relative), streaming equal to batch, and the labelled dataset's checks.
 */
class ReturnLagFeaturesTest {

    @Test
    void featuresEqualTheReferenceCsvAndStreamingEqualsBatch() {
        double[] close = RefCases.csv("synthetic_ibm_close_19981231_20001229.csv").doubles("close");
        RefCases.Csv ref = RefCases.csv("logreg_synthetic_ibm_1999_2000_features.csv");
        int[] t = ref.ints("close_index");
        double[][] batch = ReturnLagFeatures.rows(close, 5, 20);
        assertThat(batch[19][0]).isNaN();                       // 19 returns: not ready
        String[] cols = {"lag1", "lag2", "lag3", "lag4", "lag5", "vol20"};
        for (int j = 0; j < cols.length; j++) {
            double[] expected = ref.doubles(cols[j]);
            for (int i = 0; i < t.length; i++) {
                double got = batch[t[i]][j];
                assertThat(got).as("%s at bar %d", cols[j], t[i])
                        .isCloseTo(expected[i], within(1e-7 * Math.abs(expected[i]) + 1e-12));
            }
        }
        ReturnLagFeatures live = new ReturnLagFeatures(5, 20);
        double[] out = new double[live.size()];
        for (int b = 0; b < close.length; b++) {
            live.update(close[b]);
            assertThat(live.isReady()).isEqualTo(b >= 20);
            live.write(out);
            if (b >= 20) {
                assertThat(out).containsExactly(batch[b]);
            }
        }
        assertThat(live.names()).containsExactly(cols);
    }

    @Test
    void datasetFromTripleBarrierKeepsTimesAndRefusesLookAhead() {
        double[] close = RefCases.csv("synthetic_ibm_close_19981231_20001229.csv").doubles("close");
        double[][] features = ReturnLagFeatures.rows(close, 5, 20);
        TripleBarrier barrier = TripleBarrier.of(1, 1, 10);
        TripleBarrierLabels labels = barrier.label(close, barrier.everyBar(20, close.length),
                EwmVolatility.ofCloses(close, 100));
        List<String> names = new ReturnLagFeatures(5, 20).names();
        LabelledDataset data = LabelledDataset.fromTripleBarrier(names, features, labels, VerticalBarrierLabel.SIGN,
                null);
        assertThat(data.size()).isEqualTo(labels.size());
        assertThat(data.row(0)).isSameAs(features[20]);
        assertThat(data.label(0)).isEqualTo(labels.label(0, VerticalBarrierLabel.SIGN) > 0 ? 1 : 0);
        Table table = data.toTable();
        assertThat(table.columnNames()).containsExactly("feature_time", "label_start", "label_end", "lag1", "lag2",
                "lag3", "lag4", "lag5", "vol20", "label", "weight");
        assertThat(table.rowCount()).isEqualTo(labels.size());

        // features taken one bar after the label start: the look-ahead check names the row
        long[] late = new long[labels.size()];
        double[][] rows = new double[labels.size()][];
        int[] y = new int[labels.size()];
        for (int e = 0; e < late.length; e++) {
            late[e] = labels.eventBar(e) + (e == 3 ? 1 : 0);
            rows[e] = features[labels.eventBar(e)];
        }
        assertThatThrownBy(() -> LabelledDataset.of(names, rows, late, labels.spans(), y, null))
                .isInstanceOf(LookAheadException.class)
                .hasMessageContaining("row 3: feature timestamp 24 is after the label start 23");
        // a warm-up row is refused by name
        assertThatThrownBy(() -> LabelledDataset.of(names, new double[][] {features[5]}, new long[] {5},
                new io.qtrade.ml.label.LabelSpans(new long[] {5}, new long[] {6}), new int[] {1}, null))
                .hasMessageContaining("row 0 feature 'lag1' is NaN");
    }
}
