package io.qtrade.backtest;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.InMemoryEventSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tick price the venue side stores for a row comes back with that same row on the strategy side, whatever the
 * delivery order (feed latencies that reorder instruments) and across batch boundaries (batches of 2 rows).
 */
class EventWindowTest {

    private static final Instrument A = Instrument.spot("A", "SYN", 0.01, 1);
    private static final Instrument B = Instrument.spot("B", "SYN", 0.01, 1);

    @Test
    void theStrategySideReadsTheTicksTheVenueSideStoredForTheSameRowWithSeveralInstruments() {
        // exchTs 10, 20, ..., 100; instrument A sees its rows 35 ns later, B 5 ns later, so B overtakes A.
        EventBatch all = new EventBatch(10);
        for (int k = 0; k < 10; k++) {
            int instrument = k % 3 == 0 ? 0 : 1;
            long exchTs = 10L * (k + 1);
            all.addDepth(instrument, exchTs, exchTs + (instrument == 0 ? 35 : 5), Side.BUY, 100 + k, 1);
        }
        List<long[]> delivered = deliverAll(all, List.of(A, B));
        assertThat(delivered).hasSize(10);
        long lastLocalTs = Long.MIN_VALUE;
        for (long[] d : delivered) {
            // Stored as 7000 + exchTs on the venue side: each row gets its own value back.
            assertThat(d[1]).as("ticks of the row with exchTs " + d[0]).isEqualTo(7000 + d[0]);
            assertThat(d[2]).isGreaterThanOrEqualTo(lastLocalTs);
            lastLocalTs = d[2];
        }
        // Reordered: the first A row (exchTs 10, localTs 45) comes after the B rows at localTs 25 and 35.
        assertThat(delivered.get(0)[0]).isEqualTo(20);
        assertThat(delivered.get(1)[0]).isEqualTo(30);
        assertThat(delivered.get(2)[0]).isEqualTo(10);
    }

    @Test
    void theStrategySideReadsTheTicksTheVenueSideStoredForTheSameRowWithOneInstrument() {
        EventBatch all = new EventBatch(9);
        for (int k = 0; k < 9; k++) {
            long exchTs = 10L * (k + 1);
            all.addDepth(0, exchTs, exchTs + 25, Side.SELL, 100 + k, 1);
        }
        List<long[]> delivered = deliverAll(all, List.of(A));
        assertThat(delivered).hasSize(9);
        for (int k = 0; k < 9; k++) {
            assertThat(delivered.get(k)[0]).isEqualTo(10L * (k + 1));
            assertThat(delivered.get(k)[1]).isEqualTo(7000 + 10L * (k + 1));
        }
    }

    /** Runs both sides in time order (venue first on ties) as the engine does; rows as {exchTs, ticks, localTs}. */
    private static List<long[]> deliverAll(EventBatch all, List<Instrument> instruments) {
        EventWindow window = new EventWindow(new InMemoryEventSource(instruments, all), 2, instruments.size());
        List<long[]> delivered = new ArrayList<>();
        while (true) {
            boolean exchReady = window.exchHasNext();
            long tExch = exchReady ? window.exchPeekTs() : Long.MAX_VALUE;
            long tLocal = window.pending() > 0 ? window.localPeekTs() : Long.MAX_VALUE;
            if (!exchReady && window.pending() == 0) {
                return delivered;
            }
            if (exchReady && tExch <= tLocal) {
                window.exchAdvance();
                window.setExchPriceTicks(7000 + window.exchCursor.exchTs());
            } else {
                window.localAdvance();
                long exchTs = window.singleInstrument() ? window.localCursor.exchTs() : window.localRow.exchTs();
                long localTs = window.singleInstrument() ? window.localCursor.localTs() : window.localRow.localTs();
                delivered.add(new long[] {exchTs, window.localPriceTicks(), localTs});
                window.release();
            }
        }
    }
}
