package io.qtrade.ml.validation;

import io.qtrade.ml.label.LabelSpans;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Walk-forward splits for retraining through time: test blocks of {@code testRows} rows follow each other; the train
 * rows are everything before the block ({@link Window#ANCHORED}, expanding from row 0) or the last
 * {@code trainRows} rows before it ({@link Window#ROLLING}). Train rows whose label ends after the test block's first
 * label start are purged (AFML ch. 7: {@code e_i <= s_testStart} is kept, as in {@link PurgedKFold}), so a label that
 * is still open when the test period begins never trains the model.
 *
 * <pre>{@code
 * block b (b = 0, 1, ...):  test  = [trainRows + b*testRows, min(N, trainRows + (b+1)*testRows))
 *                           train = [0 or test.start - trainRows, test.start) minus { i : e_i > s_test.start }
 * }</pre>
 *
 * @param window    anchored (expanding) or rolling
 * @param trainRows initial (anchored) or fixed (rolling) train length, at least 1
 * @param testRows  length of each test block, at least 1; the last block may be shorter
 */
public record WalkForward(Window window, int trainRows, int testRows) {

    /** How the train window moves. */
    public enum Window {
        /** Train on every row before the test block (expanding window). */
        ANCHORED,
        /** Train on the {@code trainRows} rows before the test block. */
        ROLLING
    }

    /** Validates the settings. */
    public WalkForward {
        if (window == null) {
            throw new IllegalArgumentException("window must not be null");
        }
        if (trainRows < 1 || testRows < 1) {
            throw new IllegalArgumentException("trainRows and testRows must be >= 1, got " + trainRows + " and "
                    + testRows);
        }
    }

    /** Anchored walk-forward. */
    public static WalkForward anchored(int initialTrainRows, int testRows) {
        return new WalkForward(Window.ANCHORED, initialTrainRows, testRows);
    }

    /** Rolling walk-forward. */
    public static WalkForward rolling(int trainRows, int testRows) {
        return new WalkForward(Window.ROLLING, trainRows, testRows);
    }

    /**
     * The splits, in time order.
     *
     * @param spans label spans of all rows, sorted by start
     */
    public List<Split> split(LabelSpans spans) {
        int n = spans.size();
        if (n <= trainRows) {
            throw new IllegalArgumentException("need more than trainRows=" + trainRows + " rows, got " + n);
        }
        List<Split> out = new ArrayList<>();
        for (int start = trainRows; start < n; start += testRows) {
            int end = Math.min(n, start + testRows);
            int from = window == Window.ANCHORED ? 0 : start - trainRows;
            long testStart = spans.start(start);
            int[] train = new int[start - from];
            int m = 0;
            for (int i = from; i < start; i++) {
                if (spans.end(i) <= testStart) {
                    train[m++] = i;
                }
            }
            int[] test = new int[end - start];
            for (int i = start; i < end; i++) {
                test[i - start] = i;
            }
            out.add(new Split(Arrays.copyOf(train, m), test));
        }
        return out;
    }
}
