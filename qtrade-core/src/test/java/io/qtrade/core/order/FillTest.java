package io.qtrade.core.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import org.junit.jupiter.api.Test;

class FillTest {

    private static final Instrument BTC = Instrument.spot("BTCUSDT", "BINANCE", 0.01, 0.001);
    private static final Instrument ES = new Instrument("ESZ5", "CME", 0.25, 1.0, 50.0);

    @Test
    void buyPaysNotionalPlusFee() {
        Fill f = new Fill(1, BTC, Side.BUY, 100.0, 2.0, 0.5, Liquidity.TAKER, 10L, 11L);
        // notional = 100 * 2 * 1 = 200; cash flow = -200 - 0.5
        assertThat(f.notional()).isEqualTo(200.0);
        assertThat(f.cashFlow()).isEqualTo(-200.5);
        assertThat(f.signedQty()).isEqualTo(2.0);
    }

    @Test
    void sellReceivesNotionalAndARebateAddsToIt() {
        Fill f = new Fill(1, BTC, Side.SELL, 100.0, 2.0, -0.25, Liquidity.MAKER, 10L, 11L);
        // cash flow = +200 - (-0.25) = 200.25
        assertThat(f.cashFlow()).isEqualTo(200.25);
        assertThat(f.signedQty()).isEqualTo(-2.0);
    }

    @Test
    void contractMultiplierScalesNotional() {
        Fill f = new Fill(1, ES, Side.BUY, 5000.25, 3.0, 6.0, Liquidity.TAKER, 10L, 11L);
        // 5000.25 * 3 * 50 = 750037.5; cash flow = -750037.5 - 6
        assertThat(f.notional()).isEqualTo(750_037.5);
        assertThat(f.cashFlow()).isEqualTo(-750_043.5);
    }

    @Test
    void negativePriceFillOfASpreadIsAllowed() {
        Instrument spread = new Instrument("CLZ5-CLF6", "NYMEX", 0.01, 1.0, 1000.0);
        Fill f = new Fill(1, spread, Side.BUY, -0.25, 2.0, 0.0, Liquidity.TAKER, 10L, 11L);
        // buying at a negative price receives cash: -(-0.25 * 2 * 1000) = +500
        assertThat(f.cashFlow()).isEqualTo(500.0);
    }

    @Test
    void badFieldsAreNamed() {
        assertThatThrownBy(() -> new Fill(7, BTC, Side.BUY, 100.0, 0.0, 0.0, Liquidity.TAKER, 0L, 0L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fill of order 7 (BTCUSDT@BINANCE): qty must be finite and > 0, was 0.0");
        assertThatThrownBy(() -> new Fill(7, BTC, Side.BUY, Double.NaN, 1.0, 0.0, Liquidity.TAKER, 0L, 0L))
                .hasMessage("fill of order 7 (BTCUSDT@BINANCE): price must be finite, was NaN");
        assertThatThrownBy(() -> new Fill(7, BTC, Side.BUY, 100.0, 1.0, Double.POSITIVE_INFINITY, Liquidity.TAKER,
                0L, 0L))
                .hasMessage("fill of order 7 (BTCUSDT@BINANCE): fee must be finite, was Infinity");
        assertThatThrownBy(() -> new Fill(7, BTC, Side.BUY, 100.0, 1.0, 0.0, null, 0L, 0L))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("fill of order 7 (BTCUSDT@BINANCE): liquidity must not be null");
    }
}
