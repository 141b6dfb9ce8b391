package io.qtrade.ml.validation;

/**
 * One train/test split: row indices into the data set, each ascending. Arrays are owned by the split; do not modify.
 *
 * @param train rows to fit on
 * @param test  rows to evaluate on
 */
public record Split(int[] train, int[] test) {

    /** Number of train rows. */
    public int trainSize() {
        return train.length;
    }

    /** Number of test rows. */
    public int testSize() {
        return test.length;
    }

    @Override
    public String toString() {
        return "Split[train=" + train.length + " rows, test=" + test.length + " rows"
                + (test.length == 0 ? "" : " " + test[0] + ".." + test[test.length - 1]) + "]";
    }
}
