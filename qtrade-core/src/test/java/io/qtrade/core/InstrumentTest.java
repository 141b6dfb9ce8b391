package io.qtrade.core;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstrumentTest {

    private final Instrument btc = Instrument.spot("BTCUSDT", "BINANCE", 0.01, 0.00001);
    private final Instrument es = new Instrument("ESZ6", "CME", 0.25, 1, 50);

    @Test
    void convertsDecimalPricesToTicksExactly() {
        // 0.1 + 0.2 = 0.30000000000000004 in binary; it is still tick 30 of a 0.01 grid.
        assertThat(btc.toTicks(0.1 + 0.2)).isEqualTo(30);
        assertThat(btc.toTicksStrict(0.1 + 0.2)).isEqualTo(30);
        assertThat(btc.toPrice(30)).isEqualTo(0.3);
        assertThat(btc.toPrice(6_543_210)).isEqualTo(65432.10);
        assertThat(es.toTicks(4512.75)).isEqualTo(18051);
        assertThat(es.toPrice(18051)).isEqualTo(4512.75);
    }

    @Test
    void handlesWholeAndOddTickSizes() {
        Instrument nikkei = Instrument.spot("NK", "OSE", 5, 1);
        Instrument odd = Instrument.spot("ODD", "X", 0.3, 1);
        assertThat(nikkei.toTicks(38_125)).isEqualTo(7625);
        assertThat(nikkei.toPrice(7625)).isEqualTo(38_125.0);
        assertThat(odd.toPrice(7)).isEqualTo(2.1);
        assertThat(odd.toTicksStrict(2.1)).isEqualTo(7);
    }

    @Property
    void ticksRoundTripThroughPrices(@ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long ticks) {
        assertThat(btc.toTicksStrict(btc.toPrice(ticks))).isEqualTo(ticks);
        assertThat(es.toTicksStrict(es.toPrice(ticks))).isEqualTo(ticks);
    }

    @Test
    void strictConversionRejectsOffGridPricesNamingTheNearestValidOnes() {
        assertThatThrownBy(() -> es.toTicksStrict(4512.6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("price 4512.6 of ESZ6@CME is off the tick grid (tick size 0.25): nearest valid prices are "
                        + "4512.5 and 4512.75");
        assertThat(es.isOnTickGrid(4512.6)).isFalse();
        assertThat(es.isOnTickGrid(4512.5)).isTrue();
        // The lenient conversion rounds to the nearest tick: 4512.6 / 0.25 = 18050.4 -> 18050.
        assertThat(es.toTicks(4512.6)).isEqualTo(18050);
    }

    @Test
    void rejectsNonFinitePrices() {
        assertThatThrownBy(() -> btc.toTicks(Double.NaN))
                .hasMessage("price of BTCUSDT@BINANCE must be finite, was NaN");
        assertThatThrownBy(() -> btc.toTicksStrict(Double.POSITIVE_INFINITY))
                .hasMessage("price of BTCUSDT@BINANCE must be finite, was Infinity");
    }

    @Test
    void validatesItsParameters() {
        assertThatThrownBy(() -> Instrument.spot("X", "V", 0, 1))
                .hasMessage("tickSize of X must be positive and finite, was 0.0");
        assertThatThrownBy(() -> Instrument.spot("X", "V", 0.01, -1))
                .hasMessage("lotSize of X must be positive and finite, was -1.0");
        assertThatThrownBy(() -> new Instrument("X", "V", 0.01, 1, Double.NaN))
                .hasMessage("contractMultiplier of X must be positive and finite, was NaN");
        assertThatThrownBy(() -> Instrument.spot(" ", "V", 0.01, 1)).hasMessage("symbol must not be blank");
        assertThatThrownBy(() -> Instrument.spot("X", "V", 1e20, 1))
                .hasMessage("tickSize 1.0E20 of X is too large: at most 2^53 = 9007199254740992");
    }

    @Test
    void pricesOfHugeTickCountsDoNotOverflow() {
        // 2^60 ticks of 0.25 is 2^58 = 2.8823e17; the exact product 25 * 2^60 overflows a long.
        assertThat(es.toPrice(1L << 60)).isEqualTo(Math.scalb(1.0, 58));
        assertThat(es.toPrice(-(1L << 60))).isEqualTo(-Math.scalb(1.0, 58));
    }

    @Test
    void lotGridAndNotional() {
        assertThat(btc.isOnLotGrid(0.00003)).isTrue();
        assertThat(btc.isOnLotGrid(0.000035)).isFalse();
        assertThat(btc.roundDownToLot(0.000039)).isEqualTo(0.00003, org.assertj.core.data.Offset.offset(1e-18));
        // 2 contracts of ES at 4500 with multiplier 50: 4500 * 2 * 50 = 450,000.
        assertThat(es.notional(4500, 2)).isEqualTo(450_000.0);
    }

    @Test
    void isAValue() {
        assertThat(Instrument.spot("BTCUSDT", "BINANCE", 0.01, 0.00001)).isEqualTo(btc).hasSameHashCodeAs(btc);
        assertThat(btc).isNotEqualTo(Instrument.spot("BTCUSDT", "BINANCE", 0.1, 0.00001));
        assertThat(btc.toString()).isEqualTo(
                "Instrument[BTCUSDT@BINANCE, tickSize=0.01, lotSize=1.0E-5, contractMultiplier=1.0]");
    }

    @Test
    void sideCodesAndSigns() {
        assertThat(Side.BUY.sign()).isEqualTo(1);
        assertThat(Side.SELL.sign()).isEqualTo(-1);
        assertThat(Side.BUY.opposite()).isEqualTo(Side.SELL);
        assertThat(Side.fromCode((byte) -1)).isEqualTo(Side.SELL);
        assertThatThrownBy(() -> Side.fromCode(Side.NO_SIDE_CODE))
                .hasMessage("side code 0 is not a side: expected 1 (buy) or -1 (sell)");
    }

    @Test
    void tickConversionRefusesPricesWhoseTickCountALongCannotHold() {
        // Before: Math.round clamped 1.7e23 / 0.01 = 1.7e25 ticks to Long.MAX_VALUE, a price of 9.22e16.
        Instrument btc = Instrument.spot("BTCUSDT", "BINANCE", 0.01, 0.00001);
        for (double price : new double[]{1.7e23, -1.7e23, 9.3e16, Double.MAX_VALUE}) {
            assertThatThrownBy(() -> btc.toTicks(price)).as("%s", price).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("BTCUSDT").hasMessageContaining("outside the range of a long tick count");
            assertThatThrownBy(() -> btc.toTicksStrict(price)).as("%s", price)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("outside the range of a long tick count");
            assertThat(btc.isOnTickGrid(price)).as("%s", price).isFalse();
        }
        // 9.2e16 / 0.01 = 9.2e18 ticks < 2^63 = 9.223372036854775808e18: still a long.
        assertThat(btc.toTicks(9.2e16)).isEqualTo(9_200_000_000_000_000_000L);
    }
}
