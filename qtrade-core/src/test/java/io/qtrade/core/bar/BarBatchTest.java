package io.qtrade.core.bar;

import io.qtrade.core.Instrument;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BarBatchTest {

    private static final Instrument A = Instrument.spot("A", "X", 0.01, 1);
    private static final Instrument B = Instrument.spot("B", "X", 0.01, 1);

    @Test
    void refusesInconsistentBarsNamingTheField() {
        BarBatch b = new BarBatch(4);
        assertThatThrownBy(() -> b.add(0, 0, 10, 10, 9, 11, 10, 5))
                .hasMessageContaining("high 9.0 is below low 11.0");
        assertThatThrownBy(() -> b.add(0, 0, 10, 10, 12, 9, 12.5, 5))
                .hasMessageContaining("close 12.5 is outside [low 9.0, high 12.0]");
        assertThatThrownBy(() -> b.add(0, 0, 10, 8, 12, 9, 10, 5))
                .hasMessageContaining("open 8.0 is outside");
        assertThatThrownBy(() -> b.add(0, 0, 10, 10, 12, 9, 10, -1))
                .hasMessageContaining("volume must be finite and >= 0, was -1.0");
        assertThatThrownBy(() -> b.add(0, 10, 10, 10, 12, 9, 10, 1))
                .hasMessageContaining("endTs 10 must be after startTs 10");
        assertThat(b.size()).isZero();
        b.add(1, 0, 10, 10, 12, 9, 11, 100, 10.5, 7);
        assertThat(b.close(0)).isEqualTo(11.0);
        assertThat(b.vwap(0)).isEqualTo(10.5);
        assertThat(b.tradeCount(0)).isEqualTo(7);
        b.add(0, 0, 10, 10, 12, 9, 11, 100);
        assertThat(b.vwap(1)).isNaN();
        assertThat(b.tradeCount(1)).isEqualTo(BarBatch.NO_TRADE_COUNT);
    }

    @Test
    void sliceRefusesDuplicateAndOutOfOrderInstruments() {
        BarBatch b = new BarBatch(4);
        b.add(0, 0, 10, 10, 12, 9, 11, 100);
        b.add(1, 0, 10, 20, 22, 19, 21, 100);
        b.add(1, 0, 10, 20, 22, 19, 21, 100);
        BarSlice slice = new BarSlice(2);
        slice.reset(10);
        slice.add(b, 0);
        slice.add(b, 1);
        assertThat(slice.rowOf(1)).isEqualTo(1);
        assertThat(slice.close(slice.rowOf(1))).isEqualTo(21.0);
        assertThatThrownBy(() -> slice.add(b, 2)).hasMessageContaining("duplicate or out of order");
        slice.reset(20);
        assertThat(slice.rowOf(0)).isEqualTo(BarSlice.NO_ROW);
        assertThatThrownBy(() -> slice.add(b, 0)).hasMessageContaining("ends at 10, not at the slice's time 20");
    }

    @Test
    void inMemorySourceRefusesOutOfOrderRows() {
        BarBatch b = new BarBatch(4);
        b.add(1, 0, 10, 10, 12, 9, 11, 100);
        b.add(0, 0, 10, 10, 12, 9, 11, 100);
        assertThatThrownBy(() -> new InMemoryBarSource(List.of(A, B), b))
                .hasMessageContaining("bar row 1 (instrument 0, endTs 10) is duplicate or out of order");
    }

    @Test
    void mergedSourceOrdersByEndTimeThenMergedInstrumentIndex() {
        BarBatch a = new BarBatch(8);
        BarBatch bb = new BarBatch(8);
        for (int t = 1; t <= 5; t++) {
            a.add(0, t * 10 - 10, t * 10, t, t, t, t, 1);
            if (t % 2 == 1) {
                bb.add(0, t * 10 - 10, t * 10, 100 + t, 100 + t, 100 + t, 100 + t, 1);
            }
        }
        // B's source given first: its instrument gets index 0, so at shared times B comes before A.
        MergedBarSource merged = new MergedBarSource(
                List.of(new InMemoryBarSource(List.of(B), bb), new InMemoryBarSource(List.of(A), a)), 2);
        assertThat(merged.instruments()).containsExactly(B, A);
        BarBatch out = new BarBatch(3);
        List<String> seen = new ArrayList<>();
        while (merged.readBatch(out)) {
            for (int r = 0; r < out.size(); r++) {
                seen.add(out.endTs(r) + ":" + out.instrument(r) + ":" + out.close(r));
            }
        }
        assertThat(seen).containsExactly("10:0:101.0", "10:1:1.0", "20:1:2.0", "30:0:103.0", "30:1:3.0",
                "40:1:4.0", "50:0:105.0", "50:1:5.0");
    }

    @Test
    void intervalLabelsRoundTrip() {
        assertThat(BarInterval.parse("5m")).isEqualTo(new BarInterval(5, BarInterval.Unit.MINUTE));
        assertThat(BarInterval.parse("1M").unit()).isEqualTo(BarInterval.Unit.MONTH);
        assertThat(BarInterval.parse("1d").label()).isEqualTo("1d");
        assertThat(BarInterval.ONE_HOUR.nominalNanos()).isEqualTo(3_600_000_000_000L);
        assertThatThrownBy(() -> BarInterval.parse("0d")).hasMessageContaining("'0d'");
        assertThatThrownBy(() -> BarInterval.parse("1x")).hasMessageContaining("'1x'");
    }

    @Test
    void copiesARunOfEndTimesAndClosesAndRefusesRowsItDoesNotHave() {
        BarBatch b = new BarBatch(8);
        for (int k = 0; k < 5; k++) {
            b.add(0, 100L * k, 100L * k + 60, 10 + k, 11 + k, 9 + k, 10.5 + k, 1);
        }
        long[] ts = new long[6];
        double[] close = new double[6];
        b.copyEndTs(1, 4, ts, 2);
        b.copyClose(1, 4, close, 2);
        assertThat(ts).containsExactly(0, 0, 160, 260, 360, 0);
        assertThat(close).containsExactly(0, 0, 11.5, 12.5, 13.5, 0);
        // rows 5 to 7 exist in the arrays but not in the batch: refused, as endTs(5) is
        assertThatThrownBy(() -> b.copyEndTs(3, 6, ts, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> b.copyClose(-1, 2, close, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> b.copyClose(0, 5, close, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(close).containsExactly(0, 0, 11.5, 12.5, 13.5, 0);
    }
}
