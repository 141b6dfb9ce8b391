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

    /** One random row, valid or not in any of the fields {@link EventBatch#add} checks. */
    private record Row(int instrument, long exchTs, long localTs, byte kind, byte side, double price, double qty,
                       long orderId, int flags) {

        static Row random(java.util.Random r) {
            double[] odd = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1, -0.0, 0, 1e308};
            byte kind = r.nextInt(10) == 0 ? (byte) (r.nextInt(40) - 10) : (byte) (1 + r.nextInt(13));
            byte side = r.nextInt(10) == 0 ? (byte) (r.nextInt(9) - 4) : (byte) (r.nextInt(3) - 1);
            double price = r.nextInt(8) == 0 ? odd[r.nextInt(odd.length)] : 100 + r.nextInt(1000) * 0.01;
            double qty = r.nextInt(8) == 0 ? odd[r.nextInt(odd.length)] : r.nextInt(100) * 0.5;
            long id = r.nextInt(4) == 0 ? EventBatch.NO_ORDER_ID : r.nextLong();
            int instrument = r.nextInt(20) == 0 ? -1 - r.nextInt(3) : r.nextInt(3);
            long ts = r.nextLong();
            return new Row(instrument, ts, ts + r.nextInt(100), kind, side, price, qty, id, r.nextInt(4));
        }

        /** What {@code add} says of the row: null when it takes it, else its message. */
        String addOutcome(EventBatch batch) {
            EventKind k;
            try {
                k = EventKind.fromCode(kind);
            } catch (IllegalArgumentException e) {
                // add takes an EventKind, so it never sees an unknown code; the bulk check names the row as well.
                return "event row " + batch.size() + " (exchTs " + exchTs + "): " + e.getMessage();
            }
            try {
                batch.add(instrument, exchTs, localTs, k, side, price, qty, orderId, flags);
                return null;
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }

        void writeTo(EventBatch.Columns c, int i) {
            c.instrument()[i] = instrument;
            c.exchTs()[i] = exchTs;
            c.localTs()[i] = localTs;
            c.kind()[i] = kind;
            c.side()[i] = side;
            c.price()[i] = price;
            c.qty()[i] = qty;
            c.orderId()[i] = orderId;
            c.flags()[i] = flags;
        }
    }

    @Test
    void aBulkAppendTakesExactlyTheRowsAddTakesAndRefusesTheOthersWithAddsMessage() {
        java.util.Random r = new java.util.Random(22);
        int refused = 0;
        for (int trial = 0; trial < 3_000; trial++) {
            Row[] rows = new Row[1 + r.nextInt(6)];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = Row.random(r);
            }
            // Reference: add row by row, up to the first refusal.
            EventBatch byAdd = new EventBatch(8);
            byAdd.addTrade(0, 1, 1, null, 1, 1); // a row already there: the new rows start at index 1
            String firstRefusal = null;
            for (Row row : rows) {
                firstRefusal = row.addOutcome(byAdd);
                if (firstRefusal != null) {
                    break;
                }
            }
            EventBatch bulk = new EventBatch(8);
            bulk.addTrade(0, 1, 1, null, 1, 1);
            EventBatch.ColumnWriter writer = (columns, at, n) -> {
                for (int i = 0; i < rows.length; i++) {
                    rows[i].writeTo(columns, at + i);
                }
                return rows.length;
            };
            if (firstRefusal == null) {
                assertThat(bulk.append(rows.length, writer)).isEqualTo(rows.length);
                assertThat(bulk.contentEquals(byAdd)).as("trial %d", trial).isTrue();
            } else {
                refused++;
                String expected = firstRefusal;
                assertThatThrownBy(() -> bulk.append(rows.length, writer)).as("trial %d", trial)
                        .isInstanceOf(IllegalArgumentException.class).hasMessage(expected);
                assertThat(bulk.size()).as("nothing appended").isEqualTo(1);
            }
        }
        assertThat(refused).as("trials with a bad row").isBetween(500, 2_900);
    }

    @Test
    void aWriterMayDropTheRowsTheBatchRefusesAndOnlyTheRestAreAppended() {
        EventBatch batch = new EventBatch(4);
        int[] calls = {0};
        int added = batch.append(4, new EventBatch.ColumnWriter() {
            @Override
            public int write(EventBatch.Columns c, int at, int rows) {
                new Row(0, 10, 11, EventKind.TRADE.code(), (byte) 1, 100, 1, 0, 0).writeTo(c, at);
                new Row(0, 20, 21, EventKind.TRADE.code(), (byte) 1, 100, -1, 0, 0).writeTo(c, at + 1);
                new Row(0, 30, 31, EventKind.DEPTH_UPDATE.code(), (byte) 0, 100, 1, 0, 0).writeTo(c, at + 2);
                new Row(0, 40, 41, EventKind.TRADE.code(), (byte) -1, 101, 2, 0, 0).writeTo(c, at + 3);
                return 4;
            }

            @Override
            public int refused(EventBatch.Columns c, int at, int written, int row, IllegalArgumentException why) {
                calls[0]++;
                // Drop the refused row, moving the rest down.
                for (int i = row; i < at + written - 1; i++) {
                    c.exchTs()[i] = c.exchTs()[i + 1];
                    c.localTs()[i] = c.localTs()[i + 1];
                    c.kind()[i] = c.kind()[i + 1];
                    c.side()[i] = c.side()[i + 1];
                    c.price()[i] = c.price()[i + 1];
                    c.qty()[i] = c.qty()[i + 1];
                    c.orderId()[i] = c.orderId()[i + 1];
                    c.flags()[i] = c.flags()[i + 1];
                    c.instrument()[i] = c.instrument()[i + 1];
                }
                return written - 1;
            }
        });
        assertThat(added).isEqualTo(2);
        assertThat(calls[0]).as("once for the negative qty, once for the depth row without a side").isEqualTo(2);
        assertThat(batch.exchTs(0)).isEqualTo(10);
        assertThat(batch.exchTs(1)).isEqualTo(40);
        assertThat(batch.qty(1)).isEqualTo(2);
        assertThatThrownBy(() -> batch.append(3, (c, at, rows) -> rows))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("room for 2 more rows");
        assertThatThrownBy(() -> batch.append(2, (c, at, rows) -> rows + 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("wrote 3 rows, it was given 2");
        // A writer that neither drops nor repairs the refused row is refused for good, the batch unchanged.
        EventBatch.ColumnWriter neverFixed = new EventBatch.ColumnWriter() {
            @Override
            public int write(EventBatch.Columns c, int at, int rows) {
                new Row(0, 50, 51, EventKind.TRADE.code(), (byte) 1, 100, Double.NaN, 0, 0).writeTo(c, at);
                return 1;
            }

            @Override
            public int refused(EventBatch.Columns c, int at, int written, int row, IllegalArgumentException why) {
                return written;
            }
        };
        assertThatThrownBy(() -> batch.append(1, neverFixed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event row 2 (exchTs 50): TRADE qty must be finite and >= 0, was NaN");
        assertThat(batch.size()).isEqualTo(2);
    }

    @Test
    void aMergeOfTwoBatchesIsTheStableMergeRowByRow() {
        java.util.Random r = new java.util.Random(7);
        for (int trial = 0; trial < 200; trial++) {
            TimeKey key = trial % 2 == 0 ? TimeKey.EXCH : TimeKey.LOCAL;
            EventBatch a = randomOrdered(r, 1 + r.nextInt(60), key);
            EventBatch b = randomOrdered(r, 1 + r.nextInt(60), key);
            int aRow = r.nextInt(a.size() + 1);
            int bRow = r.nextInt(b.size() + 1);
            int bOffset = 1 + r.nextInt(5);
            EventBatch merged = new EventBatch(1 + r.nextInt(130));
            merged.addTrade(9, 0, 0, null, 1, 1);
            // Reference: the two-pointer merge through addFrom, ties to a.
            EventBatch expected = new EventBatch(merged.capacity());
            expected.addTrade(9, 0, 0, null, 1, 1);
            int i = aRow;
            int j = bRow;
            while (!expected.isFull() && i < a.size() && j < b.size()) {
                if (b.timestamp(key, j) < a.timestamp(key, i)) {
                    expected.addFrom(b, j++, bOffset);
                } else {
                    expected.addFrom(a, i++, 0);
                }
            }
            int tookA = merged.addMerged(key, a, aRow, 0, b, bRow, bOffset);
            assertThat(merged.contentEquals(expected)).as("trial %d", trial).isTrue();
            assertThat(tookA).isEqualTo(i - aRow);
            assertThat(merged.size() - 1 - tookA).isEqualTo(j - bRow);
        }
        EventBatch a = randomOrdered(r, 3, TimeKey.EXCH);
        assertThatThrownBy(() -> a.addMerged(TimeKey.EXCH, a, 0, 0, a, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventBatch(4).addMerged(TimeKey.EXCH, a, 4, 0, a, 0, 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aRangeCopiedWithAnInstrumentOffsetShiftsOnlyTheInstrument() {
        java.util.Random r = new java.util.Random(3);
        EventBatch from = randomOrdered(r, 10, TimeKey.EXCH);
        EventBatch to = new EventBatch(10);
        to.addRange(from, 2, 5, 3);
        EventBatch expected = new EventBatch(10);
        for (int i = 2; i < 7; i++) {
            expected.addFrom(from, i, 3);
        }
        assertThat(to.contentEquals(expected)).isTrue();
    }

    /** Rows in {@code key} order with ties, every field varied. */
    private static EventBatch randomOrdered(java.util.Random r, int n, TimeKey key) {
        EventBatch b = new EventBatch(n);
        long ts = r.nextInt(10);
        for (int i = 0; i < n; i++) {
            ts += r.nextInt(3) == 0 ? 0 : r.nextInt(4);
            long other = ts + r.nextInt(7) - 3;
            long exch = key == TimeKey.EXCH ? ts : other;
            long local = key == TimeKey.EXCH ? other : ts;
            EventKind kind = r.nextBoolean() ? EventKind.DEPTH_UPDATE : EventKind.ORDER_ADD;
            b.add(r.nextInt(3), exch, local, kind, (byte) (r.nextBoolean() ? 1 : -1), 100 + r.nextInt(50) * 0.5,
                    r.nextInt(9), kind.isL3() ? 1 + r.nextInt(1000) : 0, r.nextInt(3));
        }
        return b;
    }
}
