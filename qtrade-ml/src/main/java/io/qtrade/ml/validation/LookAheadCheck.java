package io.qtrade.ml.validation;

import io.qtrade.ml.label.LabelSpans;

/**
 * The look-ahead check: every row's features must be known when its label starts,
 * {@code featureTime[i] <= labelStart[i]}. Times in any one unit (bar indices or epoch nanoseconds). A feature
 * computed from a bar's close and a label that starts at that close is fine (equal times); a feature taken from a
 * later bar is not.
 */
public final class LookAheadCheck {
    private LookAheadCheck() {
    }

    /**
     * @param featureTime the time each row's feature vector was observed, not modified
     * @param labels      the rows' label spans
     * @throws LookAheadException naming the first row whose feature is later than its label start
     */
    public static void requireFeaturesBeforeLabels(long[] featureTime, LabelSpans labels) {
        if (featureTime.length != labels.size()) {
            throw new IllegalArgumentException("featureTime has " + featureTime.length + " rows but the labels "
                    + labels.size());
        }
        for (int i = 0; i < featureTime.length; i++) {
            if (featureTime[i] > labels.start(i)) {
                throw new LookAheadException(i, featureTime[i], labels.start(i));
            }
        }
    }
}
