package io.qtrade.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qtrade.ml.dataset.LabelledDataset;
import io.qtrade.ml.dataset.ReturnLagFeatures;
import io.qtrade.ml.evaluation.ClassificationMetrics;
import io.qtrade.ml.label.EwmVolatility;
import io.qtrade.ml.label.SampleUniqueness;
import io.qtrade.ml.label.TripleBarrier;
import io.qtrade.ml.label.TripleBarrierLabels;
import io.qtrade.ml.label.VerticalBarrierLabel;
import io.qtrade.ml.model.linear.LogisticRegression;
import io.qtrade.ml.model.linear.StandardScaler;
import io.qtrade.ml.model.linear.StandardisedModel;
import io.qtrade.ml.signal.ForecastSignal;
import io.qtrade.ml.validation.PurgedKFold;
import io.qtrade.ml.validation.Split;
import org.junit.jupiter.api.Test;

/** The snippet at the top of qtrade-ml/README.md, run as written (between the markers). */
class ReadmeSnippetTest {

    @Test
    void readmeSnippetRuns() {
        double[] close = RefCases.csv("synthetic_ibm_close_19981231_20001229.csv").doubles("close");
        // --- README snippet start
        // features known at each close, triple-barrier labels, uniqueness weights
        double[][] features = ReturnLagFeatures.rows(close, 5, 20);
        TripleBarrier barrier = TripleBarrier.of(1.0, 1.0, 10);            // pt, sl (x daily vol), 10-bar vertical
        TripleBarrierLabels labels = barrier.label(close, barrier.everyBar(20, close.length),
                EwmVolatility.ofCloses(close, 100));
        double[] weights = SampleUniqueness.of(labels.spans(), close.length).averageUniqueness();
        LabelledDataset data = LabelledDataset.fromTripleBarrier(new ReturnLagFeatures(5, 20).names(), features,
                labels, VerticalBarrierLabel.SIGN, weights);                 // checks for look-ahead

        // purged 5-fold cross-validation with a 1% embargo
        double[] oof = new double[data.size()];
        for (Split s : new PurgedKFold(5, 0.01).split(data.spans())) {
            StandardScaler scaler = StandardScaler.fit(data.rows(s.train()));
            var model = new StandardisedModel(scaler, LogisticRegression.fit(
                    scaler.transform(data.rows(s.train())), data.labels(s.train()), data.weights(s.train()), 1.0));
            for (int i : s.test()) {
                oof[i] = model.predict(data.row(i));
            }
        }
        int[] all = java.util.stream.IntStream.range(0, data.size()).toArray();
        ClassificationMetrics cv = ClassificationMetrics.of(data.labels(all), oof);
        System.out.printf("purged CV accuracy %.3f (p = %.2f vs a coin), AUC %.3f%n", cv.accuracy(),
                cv.binomialPValueGreater(), cv.rocAuc());

        // the last model as a live signal: feed closes, get P(up) per call, allocation-free
        StandardScaler scaler = StandardScaler.fit(data.rows(all));
        var last = new StandardisedModel(scaler, LogisticRegression.fit(scaler.transform(data.rows(all)),
                data.labels(all), weights, 1.0));
        ReturnLagFeatures live = new ReturnLagFeatures(5, 20);
        ForecastSignal signal = new ForecastSignal(live, last);
        for (double c : close) {
            live.update(c);                                 // in a Strategy: on each bar's close
        }
        double pUp = signal.score();
        // --- README snippet end
        assertThat(cv.n()).isEqualTo(labels.size());
        assertThat(cv.accuracy()).isBetween(0.3, 0.7);
        assertThat(pUp).isCloseTo(last.predict(features[close.length - 1]), within(0.0));
    }
}
