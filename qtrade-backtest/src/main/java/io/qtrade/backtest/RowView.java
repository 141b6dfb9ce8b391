package io.qtrade.backtest;

import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.MarketEvent;

/** A reusable {@link MarketEvent} view of one row of an {@link EventBatch}: moved, never allocated per event. */
final class RowView implements MarketEvent {

    private EventBatch batch;
    private int row;

    void moveTo(EventBatch b, int r) {
        this.batch = b;
        this.row = r;
    }

    @Override
    public int instrument() {
        return batch.instrument(row);
    }

    @Override
    public long exchTs() {
        return batch.exchTs(row);
    }

    @Override
    public long localTs() {
        return batch.localTs(row);
    }

    @Override
    public EventKind kind() {
        return batch.kind(row);
    }

    @Override
    public byte sideCode() {
        return batch.sideCode(row);
    }

    @Override
    public double price() {
        return batch.price(row);
    }

    @Override
    public double qty() {
        return batch.qty(row);
    }

    @Override
    public long orderId() {
        return batch.orderId(row);
    }

    @Override
    public int flags() {
        return batch.flags(row);
    }

    @Override
    public String toString() {
        return "RowView[row=" + row + ", kind=" + kind() + ", instrument=" + instrument() + ", exchTs=" + exchTs()
                + ", localTs=" + localTs() + ", price=" + price() + ", qty=" + qty() + "]";
    }
}
