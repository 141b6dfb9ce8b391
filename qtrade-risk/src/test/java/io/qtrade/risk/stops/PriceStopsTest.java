package io.qtrade.risk.stops;

import io.qtrade.core.Side;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNum;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PriceStopsTest {

    /** Bars (high, low, close): (10, 8, 9), (11, 9, 10), (12, 9, 11), (11, 7, 8), (13, 10, 12). */
    private static BarSeries bars() {
        BarSeries s = new BaseBarSeriesBuilder().withName("t").withNumTypeOf(DoubleNum.class).build();
        double[][] hlc = {{10, 8, 9}, {11, 9, 10}, {12, 9, 11}, {11, 7, 8}, {13, 10, 12}};
        ZonedDateTime t = ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        for (int i = 0; i < hlc.length; i++) {
            s.addBar(t.plusMinutes(i + 1), hlc[i][2], hlc[i][0], hlc[i][1], hlc[i][2], 1.0);
        }
        return s;
    }

    @Test
    void theAtrStopIsKWilderAtrsFromTheReference() {
        AtrStop stop = new AtrStop(bars(), 3, 2.0);
        // TR: 2 (high - low), max(2, 2, 0) = 2, max(3, 2, 1) = 3, max(4, 0, 4) = 4, max(3, 5, 2) = 5.
        // Wilder ATR, n = 3: 2, 2, 2 + 1/3 = 7/3, 7/3 + (4 - 7/3)/3 = 26/9, 26/9 + (5 - 26/9)/3 = 97/27.
        assertThat(stop.warmUpBars()).isEqualTo(3);
        assertThat(stop.atr(2)).isNaN();
        assertThat(stop.atr(3)).isCloseTo(26.0 / 9, within(1e-12));
        assertThat(stop.atr(4)).isCloseTo(97.0 / 27, within(1e-12));
        // Long from 12: 12 - 2 * 97/27 = 4.8148...; short from 12: 19.1851...
        assertThat(stop.stopPrice(4, Side.BUY, 12)).isCloseTo(12 - 194.0 / 27, within(1e-12));
        assertThat(stop.stopPrice(4, Side.SELL, 12)).isCloseTo(12 + 194.0 / 27, within(1e-12));
        assertThat(stop.stopPrice(1, Side.BUY, 12)).isNaN();
        assertThatThrownBy(() -> new AtrStop(bars(), 0, 2)).hasMessage("ATR stop: barCount must be >= 1, was 0");
    }

    @Test
    void aTrailingStopFollowsThePriceAndNeverLoosens() {
        TrailingStop longStop = TrailingStop.ofDistance(Side.BUY, 2);
        assertThat(longStop.isTriggered(0)).isFalse();              // nothing before the first update
        assertThat(longStop.update(100)).isEqualTo(98.0);
        assertThat(longStop.update(103)).isEqualTo(101.0);
        assertThat(longStop.update(101.5)).isEqualTo(101.0);        // the price fell: the stop stays
        assertThat(longStop.isTriggered(101.01)).isFalse();
        assertThat(longStop.isTriggered(101.0)).isTrue();

        TrailingStop shortStop = TrailingStop.ofDistance(Side.SELL, 2);
        shortStop.update(100);
        assertThat(shortStop.update(97)).isEqualTo(99.0);
        assertThat(shortStop.update(98)).isEqualTo(99.0);
        assertThat(shortStop.isTriggered(99.0)).isTrue();
        assertThat(shortStop.isTriggered(98.99)).isFalse();
        shortStop.reset();
        assertThat(shortStop.stopPrice()).isNaN();
    }

    @Test
    void anAtrTrailingStopDoesNotLoosenWhenTheAtrRises() {
        TrailingStop stop = TrailingStop.ofAtrMultiple(Side.BUY, 2);
        assertThat(stop.update(100, 1)).isEqualTo(98.0);
        assertThat(stop.update(101, 2)).isEqualTo(98.0);            // 101 - 4 = 97 would loosen: kept at 98
        assertThat(stop.update(104, 1)).isEqualTo(102.0);
        assertThatThrownBy(() -> stop.update(104)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("call update(price, atr)");
        assertThatThrownBy(() -> stop.update(104, -1)).hasMessage("trailing stop: atr must be finite and >= 0, was -1.0");
    }
}
