package io.qtrade.bars.ticks;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.features.bars.BarSpec;
import org.junit.jupiter.api.Test;

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
}
