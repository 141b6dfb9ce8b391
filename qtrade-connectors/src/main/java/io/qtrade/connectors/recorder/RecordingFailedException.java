package io.qtrade.connectors.recorder;

/**
 * A {@link TickRecorder} could not write its buffered rows to the store: the cause is the store's exception, the
 * counts say what is still held in memory and what was dropped because the buffer was full.
 */
public final class RecordingFailedException extends RuntimeException {

    private final int bufferedRows;
    private final long droppedRows;

    RecordingFailedException(RuntimeException cause, int bufferedRows, long droppedRows) {
        super("the tick store write failed; " + bufferedRows + " rows still buffered, " + droppedRows
                + " rows dropped so far: " + cause, cause);
        this.bufferedRows = bufferedRows;
        this.droppedRows = droppedRows;
    }

    /** Rows the recorder still held when this was thrown. */
    public int bufferedRows() {
        return bufferedRows;
    }

    /** Rows dropped so far because the buffer was full while writes failed. */
    public long droppedRows() {
        return droppedRows;
    }
}
