package io.qtrade.core.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.Liquidity;
import org.junit.jupiter.api.Test;

/** Hand-checked average-cost cases; the arithmetic is in the comments, every value is binary-exact. */
class PositionTest {

    static final Instrument BTC = Instrument.spot("BTCUSDT", "BINANCE", 0.01, 0.001);
    static final Instrument ES = new Instrument("ESZ5", "CME", 0.25, 1.0, 50.0);

    static Fill fill(Instrument instrument, Side side, double qty, double price, double fee) {
        return new Fill(1, instrument, side, price, qty, fee, Liquidity.TAKER, 0L, 0L);
    }

    @Test
    void addingAveragesReducingRealizesAndGoingThroughZeroReopensAtTheFillPrice() {
        Position p = new Position(BTC);
        assertThat(p.isFlat()).isTrue();
        assertThat(p.avgEntryPrice()).isNaN();

        p.apply(fill(BTC, Side.BUY, 10, 100, 0.25));
        p.apply(fill(BTC, Side.BUY, 10, 110, 0.25));
        // avg = (10*100 + 10*110) / 20 = 2100 / 20 = 105
        assertThat(p.qty()).isEqualTo(20.0);
        assertThat(p.avgEntryPrice()).isEqualTo(105.0);
        assertThat(p.realizedPnl()).isZero();

        p.apply(fill(BTC, Side.SELL, 15, 120, 0.5));
        // realized = (120 - 105) * 15 * (+1) * 1 = 225; 5 left long at 105
        assertThat(p.realizedPnl()).isEqualTo(225.0);
        assertThat(p.qty()).isEqualTo(5.0);
        assertThat(p.avgEntryPrice()).isEqualTo(105.0);

        p.apply(fill(BTC, Side.SELL, 10, 100, 0.5));
        // closes the 5 long: realized += (100 - 105) * 5 = -25 -> 200; the other 5 open short at 100
        assertThat(p.realizedPnl()).isEqualTo(200.0);
        assertThat(p.qty()).isEqualTo(-5.0);
        assertThat(p.avgEntryPrice()).isEqualTo(100.0);

        // fees accumulate: 0.25 + 0.25 + 0.5 + 0.5 = 1.5; realized stays gross of fees
        assertThat(p.fees()).isEqualTo(1.5);
        // volume: 10 + 10 + 15 + 10 = 45; notional 1000 + 1100 + 1800 + 1000 = 4900
        assertThat(p.tradedQty()).isEqualTo(45.0);
        assertThat(p.tradedNotional()).isEqualTo(4900.0);
        assertThat(p.fillCount()).isEqualTo(4L);

        // short 5 @ 100 marked at 90: unrealized = (90 - 100) * -5 = 50; market value = -5 * 90 = -450
        assertThat(p.unrealizedPnl(90.0)).isEqualTo(50.0);
        assertThat(p.marketValue(90.0)).isEqualTo(-450.0);
    }

    @Test
    void shortsAverageAndRealizeWithTheSignFlipped() {
        Position p = new Position(BTC);
        p.apply(fill(BTC, Side.SELL, 3, 50, 0));
        p.apply(fill(BTC, Side.BUY, 1, 40, 0));
        // covering 1 of a short at 50 by buying at 40: (40 - 50) * 1 * (-1) = +10
        assertThat(p.realizedPnl()).isEqualTo(10.0);
        assertThat(p.qty()).isEqualTo(-2.0);
        assertThat(p.avgEntryPrice()).isEqualTo(50.0);
        p.apply(fill(BTC, Side.SELL, 2, 60, 0));
        // avg = (2*50 + 2*60) / 4 = 55
        assertThat(p.qty()).isEqualTo(-4.0);
        assertThat(p.avgEntryPrice()).isEqualTo(55.0);
        // flip long: buy 6 @ 45 covers 4: (45 - 55) * 4 * (-1) = +40 -> 50; 2 open long at 45
        p.apply(fill(BTC, Side.BUY, 6, 45, 0));
        assertThat(p.realizedPnl()).isEqualTo(50.0);
        assertThat(p.qty()).isEqualTo(2.0);
        assertThat(p.avgEntryPrice()).isEqualTo(45.0);
    }

    @Test
    void contractMultiplierScalesPnl() {
        Position p = new Position(ES);
        p.apply(fill(ES, Side.BUY, 2, 5000.0, 4.0));
        // unrealized at 5003.25: (5003.25 - 5000) * 2 * 50 = 325
        assertThat(p.unrealizedPnl(5003.25)).isEqualTo(325.0);
        assertThat(p.marketValue(5003.25)).isEqualTo(500_325.0);
        p.apply(fill(ES, Side.SELL, 2, 5010.25, 4.0));
        // realized = (5010.25 - 5000) * 2 * 50 = 1025
        assertThat(p.realizedPnl()).isEqualTo(1025.0);
        assertThat(p.isFlat()).isTrue();
        assertThat(p.fees()).isEqualTo(8.0);
        assertThat(p.unrealizedPnl(6000.0)).isZero();
        assertThat(p.marketValue(6000.0)).isZero();
    }

    @Test
    void floatDustSnapsToExactlyFlatAndResetsTheAveragePrice() {
        Position p = new Position(BTC);
        p.apply(fill(BTC, Side.BUY, 0.1, 100, 0));
        p.apply(fill(BTC, Side.BUY, 0.2, 100, 0)); // qty = 0.30000000000000004
        p.apply(fill(BTC, Side.SELL, 0.3, 100, 0)); // 5.6e-17 left, far below 1e-9 * 0.001
        assertThat(p.qty()).isEqualTo(0.0);
        assertThat(p.isFlat()).isTrue();
        assertThat(p.avgEntryPrice()).isNaN();
        p.apply(fill(BTC, Side.SELL, 0.5, 101, 0));
        assertThat(p.qty()).isEqualTo(-0.5);
        assertThat(p.avgEntryPrice()).isEqualTo(101.0);
    }

    @Test
    void closingExactlyToZeroThenReopeningUsesTheNewPrice() {
        Position p = new Position(BTC);
        p.apply(fill(BTC, Side.BUY, 2, 100, 0));
        p.apply(fill(BTC, Side.SELL, 2, 101, 0));
        assertThat(p.qty()).isEqualTo(0.0);
        assertThat(p.realizedPnl()).isEqualTo(2.0);
        p.apply(fill(BTC, Side.BUY, 1, 97, 0));
        assertThat(p.avgEntryPrice()).isEqualTo(97.0);
    }

    @Test
    void fillInAnotherInstrumentIsRefused() {
        Position p = new Position(BTC);
        assertThatThrownBy(() -> p.apply(fill(ES, Side.BUY, 1, 5000, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("position in BTCUSDT@BINANCE: cannot apply fill of order 1 in ESZ5@CME, expected a fill "
                        + "in BTCUSDT@BINANCE");
    }

    @Test
    void nonFiniteMarkIsRefused() {
        Position p = new Position(BTC);
        assertThatThrownBy(() -> p.unrealizedPnl(Double.NaN))
                .hasMessage("position in BTCUSDT@BINANCE: mark price must be finite, was NaN");
    }
}
