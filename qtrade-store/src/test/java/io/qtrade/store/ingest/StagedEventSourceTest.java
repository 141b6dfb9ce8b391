package io.qtrade.store.ingest;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StagedEventSourceTest {

    private static final Instrument X = Instrument.spot("X", "V", 0.01, 1);

    /** Three messages of 5, 0 and 2 rows; row prices number the rows 1..7. */
    private static final class Messages extends StagedEventSource {
        private final int[] sizes = {5, 0, 2};
        private int next;
        private int row;

        Messages() {
            super(List.of(X), 8);
        }

        @Override
        protected boolean fill(EventBatch staging) {
            if (next == sizes.length) {
                return false;
            }
            for (int i = 0; i < sizes[next]; i++) {
                staging.addDepth(0, row, row, Side.BUY, ++row, 1.0);
            }
            next++;
            return true;
        }
    }

    @Test
    void aMessageLargerThanTheCallersBatchArrivesWholeAndInOrderAcrossCalls() {
        Messages source = new Messages();
        EventBatch batch = new EventBatch(2);
        StringBuilder seen = new StringBuilder();
        int calls = 0;
        while (source.readBatch(batch)) {
            calls++;
            assertThat(batch.isFull() || calls == 4).isTrue(); // every batch full but the last
            for (int i = 0; i < batch.size(); i++) {
                seen.append((int) batch.price(i));
            }
        }
        assertThat(seen.toString()).isEqualTo("1234567");
        assertThat(calls).isEqualTo(4);           // 7 rows in batches of 2
        assertThat(source.readBatch(batch)).isFalse();
        assertThat(batch.isEmpty()).isTrue();
        assertThat(source.instruments()).containsExactly(X);
    }
}
