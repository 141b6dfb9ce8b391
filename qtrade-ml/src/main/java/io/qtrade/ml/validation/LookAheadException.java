package io.qtrade.ml.validation;

/** A feature was observed after its label started: the model would train on the future. */
public final class LookAheadException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final int row;
    private final long featureTime;
    private final long labelStart;

    /**
     * @param row         the first offending row
     * @param featureTime its feature timestamp
     * @param labelStart  its label start
     */
    public LookAheadException(int row, long featureTime, long labelStart) {
        super("look-ahead at row " + row + ": feature timestamp " + featureTime + " is after the label start "
                + labelStart + " (a feature must be known when its label starts)");
        this.row = row;
        this.featureTime = featureTime;
        this.labelStart = labelStart;
    }

    /** The first offending row. */
    public int row() {
        return row;
    }

    /** Its feature timestamp. */
    public long featureTime() {
        return featureTime;
    }

    /** Its label start. */
    public long labelStart() {
        return labelStart;
    }
}
