package io.qtrade.core.market;

/**
 * Walks the rows of an {@link EventBatch} one at a time, showing each as a {@link MarketEvent}. One cursor is
 * reused for every batch; moving it allocates nothing.
 *
 * <pre>{@code
 * EventCursor cursor = new EventCursor();
 * while (source.readBatch(batch)) {
 *     cursor.reset(batch);
 *     while (cursor.next()) {
 *         book.apply(cursor);
 *     }
 * }
 * }</pre>
 */
public final class EventCursor implements MarketEvent {

    private EventBatch batch;
    private int row = -1;

    /** Points the cursor before the first row of {@code batch}. */
    public EventCursor reset(EventBatch batch) {
        this.batch = batch;
        this.row = -1;
        return this;
    }

    /** Moves to the next row; {@code false} when the batch has no more. */
    public boolean next() {
        if (batch == null || row + 1 >= batch.size()) {
            return false;
        }
        row++;
        return true;
    }

    /** The current row's index in its batch. */
    public int row() {
        return row;
    }

    @Override
    public int instrument() {
        return batch.instrument[row];
    }

    @Override
    public long exchTs() {
        return batch.exchTs[row];
    }

    @Override
    public long localTs() {
        return batch.localTs[row];
    }

    @Override
    public EventKind kind() {
        return EventKind.fromCode(batch.kind[row]);
    }

    /** The kind's byte code, for a switch without the enum lookup. */
    public byte kindCode() {
        return batch.kind[row];
    }

    @Override
    public byte sideCode() {
        return batch.side[row];
    }

    @Override
    public double price() {
        return batch.price[row];
    }

    @Override
    public double qty() {
        return batch.qty[row];
    }

    @Override
    public long orderId() {
        return batch.orderId[row];
    }

    @Override
    public int flags() {
        return batch.flags[row];
    }

    @Override
    public String toString() {
        if (batch == null || row < 0) {
            return "EventCursor[before first row]";
        }
        return "EventCursor[row=" + row + ", instrument=" + instrument() + ", exchTs=" + exchTs() + ", localTs="
                + localTs() + ", kind=" + kind() + ", side=" + sideCode() + ", price=" + price() + ", qty=" + qty()
                + ", orderId=" + orderId() + ", flags=" + flags() + "]";
    }
}
