package io.qtrade.bars.ticks;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.core.bar.BarInterval;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.EventSource;
import io.qtrade.features.bars.BarSpec;
import io.qtrade.store.SampleData;
import io.qtrade.store.TickFormat;
import io.qtrade.store.TickQuery;
import io.qtrade.store.TickStore;
import io.qtrade.store.bars.BarStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TickBarsTest {

    private static final long S = 1_000_000_000L;

    @Test
    void oneMinuteBarsOfTwoInstrumentsOrderedByEndThenInstrument() {
        Instrument a = Instrument.spot("A", "X", 0.01, 0.001);
        Instrument b = Instrument.spot("B", "X", 0.01, 0.001);
        EventBatch e = new EventBatch(16);
        e.addTrade(0, 10 * S, 10 * S, Side.BUY, 100, 1);
        e.addDepth(0, 11 * S, 11 * S, Side.BUY, 99, 5);            // not a trade: ignored
        e.addTrade(1, 20 * S, 20 * S, Side.SELL, 50, 2);
        e.addTrade(0, 30 * S, 30 * S, Side.BUY, 102, 3);
        e.addTrade(0, 50 * S, 50 * S, Side.SELL, 98, 1);
        e.addTrade(0, 70 * S, 70 * S, Side.BUY, 101, 2);           // second minute
        BarBatch bars = new BarBatch(10);
        TickBars.build(new InMemoryEventSource(List.of(a, b), e), BarSpec.time(Duration.ofMinutes(1)))
                .readBatch(bars);
        assertThat(bars.size()).isEqualTo(3);
        // minute 0: A then B (same end 60 s), then A's minute 1
        assertThat(bars.instrument(0)).isZero();
        assertThat(bars.instrument(1)).isEqualTo(1);
        assertThat(bars.endTs(0)).isEqualTo(60 * S);
        assertThat(new double[] {bars.open(0), bars.high(0), bars.low(0), bars.close(0), bars.volume(0)})
                .containsExactly(100, 102, 98, 98, 5);
        // VWAP = (100*1 + 102*3 + 98*1) / 5 = 100.8
        assertThat(bars.vwap(0)).isCloseTo(100.8, within(1e-12));
        assertThat(bars.tradeCount(0)).isEqualTo(3);
        assertThat(bars.startTs(2)).isEqualTo(60 * S);
        assertThat(bars.endTs(2)).isEqualTo(120 * S);
        assertThat(bars.close(2)).isEqualTo(101.0);
    }

    @Test
    void barsFromTheTickStoreGoIntoTheBarsDatasetAndReadBackTheSame(@TempDir Path dir) {
        // the store's sample day (synthetic, venue SIM, two instruments): its first hour of trades as 1-minute bars
        TickStore ticks = TickStore.at(SampleData.root());
        EventSource probe = ticks.read(SampleData.synthetic());
        EventBatch first = new EventBatch(1);
        probe.readBatch(first);
        long hour0 = Math.floorDiv(first.exchTs(0), 3_600 * S) * 3_600 * S;
        probe.close();
        TickQuery hour = SampleData.synthetic().withRange(hour0, hour0 + 3_600 * S);
        // the hour's events, read from the store once
        List<Instrument> instruments;
        EventBatch events = new EventBatch(1 << 20);
        double[] lastTrade = {Double.NaN, Double.NaN};
        try (EventSource all = ticks.read(hour)) {
            instruments = all.instruments();
            EventBatch b = new EventBatch(8192);
            while (all.readBatch(b)) {
                for (int r = 0; r < b.size(); r++) {
                    events.addFrom(b, r, 0);
                    if (b.kind(r) == EventKind.TRADE) {
                        lastTrade[b.instrument(r)] = b.price(r); // independently: the hour's last trade prices
                    }
                }
            }
        }
        BarBatch built = new BarBatch(1000);
        TickBars.build(new InMemoryEventSource(instruments, events), BarSpec.time(Duration.ofMinutes(1)))
                .readBatch(built);
        assertThat(built.size()).isGreaterThan(60);
        // the close of each instrument's last bar is its last trade price in the hour
        double[] lastClose = {Double.NaN, Double.NaN};
        for (int r = 0; r < built.size(); r++) {
            lastClose[built.instrument(r)] = built.close(r);
        }
        assertThat(lastClose).containsExactly(lastTrade);

        BarStore store = BarStore.at(dir);
        store.write(TickBars.build(new InMemoryEventSource(instruments, events), BarSpec.time(Duration.ofMinutes(1))),
                BarInterval.ONE_MINUTE, TickFormat.CSV);
        assertThat(store.instruments(BarInterval.ONE_MINUTE)).containsExactlyElementsOf(instruments);
        BarBatch back = new BarBatch(1000);
        store.read(BarInterval.ONE_MINUTE, instruments).readBatch(back);
        assertThat(back.size()).isEqualTo(built.size());
        for (int r = 0; r < built.size(); r++) {
            assertThat(new long[] {back.instrument(r), back.startTs(r), back.endTs(r), back.tradeCount(r)})
                    .containsExactly(built.instrument(r), built.startTs(r), built.endTs(r), built.tradeCount(r));
            assertThat(new double[] {back.open(r), back.high(r), back.low(r), back.close(r), back.volume(r),
                    back.vwap(r)}).containsExactly(built.open(r), built.high(r), built.low(r), built.close(r),
                    built.volume(r), built.vwap(r));
        }
    }
}
