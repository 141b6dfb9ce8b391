package io.qtrade.core.market;

import io.qtrade.core.Side;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventBatchTest {

    @Test
    void storesEveryColumnAndReadsItBackThroughACursor() {
        EventBatch batch = new EventBatch(4);
        batch.addDepth(0, 100, 150, Side.BUY, 99.5, 3);
        batch.addTrade(1, 200, 260, Side.SELL, 99.5, 1);
        batch.add(0, 300, 350, EventKind.ORDER_ADD, Side.SELL.code(), 100.25, 2, 77L);
        batch.addTrade(0, 400, 450, null, 100.0, 0.5);

        EventCursor cursor = new EventCursor().reset(batch);
        assertThat(cursor.next()).isTrue();
        assertThat(cursor.kind()).isEqualTo(EventKind.DEPTH_UPDATE);
        assertThat(cursor.side()).isEqualTo(Side.BUY);
        assertThat(cursor.price()).isEqualTo(99.5);
        assertThat(cursor.qty()).isEqualTo(3);
        assertThat(cursor.exchTs()).isEqualTo(100);
        assertThat(cursor.localTs()).isEqualTo(150);
        assertThat(cursor.next()).isTrue();
        assertThat(cursor.instrument()).isEqualTo(1);
        assertThat(cursor.kind()).isEqualTo(EventKind.TRADE);
        assertThat(cursor.side()).isEqualTo(Side.SELL);
        assertThat(cursor.next()).isTrue();
        assertThat(cursor.orderId()).isEqualTo(77L);
        assertThat(cursor.kind().isL3()).isTrue();
        assertThat(cursor.next()).isTrue();
        assertThat(cursor.sideCode()).isEqualTo(Side.NO_SIDE_CODE);
        assertThatThrownBy(cursor::side).isInstanceOf(IllegalArgumentException.class);
        assertThat(cursor.next()).isFalse();
        assertThat(batch.isFull()).isTrue();
    }

    @Test
    void flagsTravelWithTheRowThroughCursorCopyAndEquality() {
        EventBatch batch = new EventBatch(2);
        int flags = EventFlags.SNAPSHOT | EventFlags.END_OF_MESSAGE;
        batch.add(0, 1, 2, EventKind.DEPTH_UPDATE, Side.BUY.code(), 10, 1, EventBatch.NO_ORDER_ID, flags);
        batch.addTrade(0, 3, 4, Side.SELL, 10, 1);
        assertThat(batch.flags(0)).isEqualTo(flags);
        assertThat(batch.flags(1)).isEqualTo(EventFlags.NONE);
        EventCursor cursor = new EventCursor().reset(batch);
        cursor.next();
        assertThat(EventFlags.has(cursor.flags(), EventFlags.SNAPSHOT)).isTrue();
        assertThat(EventFlags.has(cursor.flags(), EventFlags.SIDE_INFERRED)).isFalse();

        EventBatch copy = new EventBatch(2);
        copy.addFrom(batch, 0, 0);
        copy.addFrom(batch, 1, 0);
        assertThat(copy.contentEquals(batch)).isTrue();
        EventBatch other = new EventBatch(2);
        other.add(0, 1, 2, EventKind.DEPTH_UPDATE, Side.BUY.code(), 10, 1, EventBatch.NO_ORDER_ID, EventFlags.NONE);
        other.addTrade(0, 3, 4, Side.SELL, 10, 1);
        assertThat(other.contentEquals(batch)).as("rows differing only in flags").isFalse();
    }

    @Test
    void refusesBadRowsNamingTheRowAndField() {
        EventBatch batch = new EventBatch(2);
        batch.addDepth(0, 1, 1, Side.BUY, 10, 1);
        assertThatThrownBy(() -> batch.addDepth(0, 5, 5, Side.BUY, 10, -1))
                .hasMessage("event row 1 (exchTs 5): DEPTH_UPDATE qty must be finite and >= 0, was -1.0");
        assertThatThrownBy(() -> batch.addDepth(0, 5, 5, Side.BUY, Double.NaN, 1))
                .hasMessage("event row 1 (exchTs 5): DEPTH_UPDATE price must be finite, was NaN");
        assertThatThrownBy(() -> batch.addTrade(0, 5, 5, Side.BUY, 10, Double.NaN))
                .hasMessage("event row 1 (exchTs 5): TRADE qty must be finite and >= 0, was NaN");
        assertThatThrownBy(() -> batch.addDepth(-1, 5, 5, Side.BUY, 10, 1))
                .hasMessage("event row 1 (exchTs 5): instrument index must be >= 0, was -1");
        assertThatThrownBy(() -> batch.add(0, 5, 5, EventKind.DEPTH_UPDATE, Side.NO_SIDE_CODE, 10, 1,
                EventBatch.NO_ORDER_ID))
                .hasMessage("event row 1 (exchTs 5): DEPTH_UPDATE needs a side (1 buy or -1 sell), was 0");
        assertThatThrownBy(() -> batch.add(0, 5, 5, EventKind.ORDER_CANCEL, Side.BUY.code(), 10, 1,
                EventBatch.NO_ORDER_ID))
                .hasMessage("event row 1 (exchTs 5): ORDER_CANCEL needs an order id, was 0");
        // A clear carries no price: NaN there is fine.
        batch.add(0, 6, 6, EventKind.BOOK_CLEAR, Side.NO_SIDE_CODE, Double.NaN, 0, EventBatch.NO_ORDER_ID);
        assertThatThrownBy(() -> batch.addDepth(0, 7, 7, Side.BUY, 10, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("event batch is full (capacity 2)");
        assertThatThrownBy(() -> batch.price(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void kindCodesRoundTrip() {
        for (EventKind kind : EventKind.values()) {
            assertThat(EventKind.fromCode(kind.code())).isSameAs(kind);
        }
        assertThatThrownBy(() -> EventKind.fromCode((byte) 42))
                .hasMessage("event kind code 42 names no kind: expected 1..13");
    }

    @Test
    void addRangeCopiesTheSameRowsAsAddFromRowByRow() {
        EventBatch source = new EventBatch(6);
        source.addDepth(0, 100, 150, Side.BUY, 99.5, 3);
        source.addTrade(1, 200, 260, Side.SELL, 99.5, 1);
        source.add(0, 300, 350, EventKind.ORDER_ADD, Side.SELL.code(), 100.25, 2, 77L, EventFlags.SNAPSHOT);
        source.addTrade(0, 400, 450, null, 100.0, 0.5);
        source.addDepth(2, 500, 550, Side.SELL, 101.0, 0);
        EventBatch byRange = new EventBatch(8);
        EventBatch byRow = new EventBatch(8);
        byRange.addDepth(3, 1, 2, Side.BUY, 1.0, 1); // rows are appended after what the batch holds
        byRow.addDepth(3, 1, 2, Side.BUY, 1.0, 1);
        byRange.addRange(source, 1, 3);
        for (int row = 1; row < 4; row++) {
            byRow.addFrom(source, row, 0);
        }
        assertThat(byRange.size()).isEqualTo(4);
        EventCursor a = new EventCursor().reset(byRange);
        EventCursor b = new EventCursor().reset(byRow);
        for (int row = 0; row < 4; row++) {
            assertThat(a.next()).isTrue();
            assertThat(b.next()).isTrue();
            assertThat(a.instrument()).as("row " + row).isEqualTo(b.instrument());
            assertThat(a.exchTs()).as("row " + row).isEqualTo(b.exchTs());
            assertThat(a.localTs()).as("row " + row).isEqualTo(b.localTs());
            assertThat(a.kind()).as("row " + row).isEqualTo(b.kind());
            assertThat(a.sideCode()).as("row " + row).isEqualTo(b.sideCode());
            assertThat(a.price()).as("row " + row).isEqualTo(b.price());
            assertThat(a.qty()).as("row " + row).isEqualTo(b.qty());
            assertThat(a.orderId()).as("row " + row).isEqualTo(b.orderId());
            assertThat(a.flags()).as("row " + row).isEqualTo(b.flags());
        }
        assertThat(a.next()).isFalse();
        // Row 2 of the copy (after the row it held and source row 1) is source row 2: the L3 add with its order id
        // and flags.
        assertThat(byRange.orderId(2)).isEqualTo(77L);
        assertThat(byRange.flags(2)).isEqualTo(EventFlags.SNAPSHOT);
        assertThat(byRange.exchTs(3)).isEqualTo(400);
    }

    @Test
    void addRangeRefusesARangeOutsideTheSourceOrBeyondTheCapacity() {
        EventBatch source = new EventBatch(4);
        source.addDepth(0, 100, 150, Side.BUY, 99.5, 3);
        source.addDepth(0, 200, 250, Side.BUY, 99.5, 4);
        EventBatch into = new EventBatch(1);
        assertThatThrownBy(() -> into.addRange(source, 1, 2))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("rows [1, 3)").hasMessageContaining("2 rows");
        assertThatThrownBy(() -> into.addRange(source, -1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> into.addRange(source, 0, 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("room for 1 more rows");
        assertThat(into.size()).isZero();
    }
}
