package io.qtrade.core.portfolio;

import static io.qtrade.core.portfolio.PositionTest.BTC;
import static io.qtrade.core.portfolio.PositionTest.ES;
import static io.qtrade.core.portfolio.PositionTest.fill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import org.junit.jupiter.api.Test;

class PortfolioTest {

    @Test
    void cashRealizedUnrealizedAndEquityForTheHandCheckedSequence() {
        Portfolio pf = new Portfolio(10_000.0);
        pf.apply(fill(BTC, Side.BUY, 10, 100, 0.25));
        pf.apply(fill(BTC, Side.BUY, 10, 110, 0.25));
        pf.apply(fill(BTC, Side.SELL, 15, 120, 0.5));
        pf.apply(fill(BTC, Side.SELL, 10, 100, 0.5));
        // cash = 10000 - 1000 - 1100 + 1800 + 1000 - fees 1.5 = 10698.5
        assertThat(pf.cash()).isEqualTo(10_698.5);
        assertThat(pf.realizedPnl()).isEqualTo(200.0);
        assertThat(pf.fees()).isEqualTo(1.5);
        assertThat(pf.position(BTC).qty()).isEqualTo(-5.0);

        pf.mark(BTC, 90.0);
        // short 5 @ 100 at 90: unrealized 50, market value -450; equity = 10698.5 - 450 = 10248.5
        assertThat(pf.unrealizedPnl()).isEqualTo(50.0);
        assertThat(pf.marketValue()).isEqualTo(-450.0);
        assertThat(pf.equity()).isEqualTo(10_248.5);
        // net = 200 + 50 - 1.5 = 248.5 = equity - initialCash
        assertThat(pf.netPnl()).isEqualTo(248.5);
        assertThat(pf.equity() - pf.initialCash()).isEqualTo(pf.netPnl());
    }

    @Test
    void multiplierScalesCashAndPnl() {
        Portfolio pf = new Portfolio(1_000_000.0);
        pf.apply(fill(ES, Side.BUY, 2, 5000.0, 4.0));
        // cash = 1e6 - 2 * 5000 * 50 - 4 = 499996
        assertThat(pf.cash()).isEqualTo(499_996.0);
        pf.mark(ES, 4990.0);
        // unrealized = (4990 - 5000) * 2 * 50 = -1000; equity = 499996 + 2 * 4990 * 50 = 998996
        assertThat(pf.unrealizedPnl()).isEqualTo(-1000.0);
        assertThat(pf.equity()).isEqualTo(998_996.0);
        assertThat(pf.netPnl()).isEqualTo(-1004.0);
    }

    @Test
    void markingBySlotIsMarkingByInstrument() {
        Portfolio pf = new Portfolio(1_000_000.0);
        int es = pf.slotOf(ES);
        assertThat(pf.slotOf(BTC)).isEqualTo(es + 1);
        assertThat(pf.slotOf(ES)).isEqualTo(es);
        pf.apply(fill(ES, Side.BUY, 2, 5000.0, 4.0));
        pf.mark(es, 4990.0);
        // as multiplierScalesCashAndPnl: unrealized (4990 - 5000) * 2 * 50 = -1000
        assertThat(pf.markPrice(ES)).isEqualTo(4990.0);
        assertThat(pf.markPrice(es)).isEqualTo(4990.0);
        assertThat(pf.markPrice(es + 1)).isNaN();
        assertThat(pf.unrealizedPnl()).isEqualTo(-1000.0);
        assertThat(pf.slotOf(ES)).isEqualTo(es);
        assertThatThrownBy(() -> pf.mark(es, Double.NaN)).hasMessageContaining("must be finite, was NaN");
        assertThatThrownBy(() -> pf.mark(7, 1.0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void rebatesIncreaseCash() {
        Portfolio pf = new Portfolio(1_000.0);
        pf.apply(fill(BTC, Side.BUY, 1, 100, -0.5));
        // cash = 1000 - 100 - (-0.5) = 900.5; fees = -0.5 (net rebate)
        assertThat(pf.cash()).isEqualTo(900.5);
        assertThat(pf.fees()).isEqualTo(-0.5);
        pf.apply(fill(BTC, Side.SELL, 1, 100, -0.5));
        // a round trip at one price with rebates on both legs: 1000 + 1 = 1001
        assertThat(pf.cash()).isEqualTo(1001.0);
        assertThat(pf.netPnl()).isEqualTo(1.0);
    }

    @Test
    void unmarkedPositionsAreCarriedAtCost() {
        Portfolio pf = new Portfolio(1_000_000.0);
        pf.apply(fill(ES, Side.BUY, 2, 5000.0, 0.0));
        assertThat(pf.isMarked(ES)).isFalse();
        assertThat(pf.markPrice(ES)).isNaN();
        // valued at avg 5000: unrealized 0, equity = 500000 + 500000
        assertThat(pf.unrealizedPnl()).isZero();
        assertThat(pf.equity()).isEqualTo(1_000_000.0);
        pf.mark(ES, 5001.0);
        assertThat(pf.isMarked(ES)).isTrue();
        assertThat(pf.unrealizedPnl()).isEqualTo(100.0);
    }

    @Test
    void positionsIterateInFirstTradedOrderAndAreReadOnly() {
        Instrument eth = Instrument.spot("ETHUSDT", "BINANCE", 0.01, 0.001);
        Portfolio pf = new Portfolio(0.0);
        pf.mark(eth, 3000.0); // marked, not traded: not a position
        pf.apply(fill(ES, Side.BUY, 1, 5000, 0));
        pf.apply(fill(BTC, Side.SELL, 1, 100, 0));
        pf.apply(fill(ES, Side.SELL, 1, 5000, 0)); // flat, still listed
        assertThat(pf.positions().keySet()).containsExactly(ES, BTC);
        assertThat(pf.positions().get(ES).isFlat()).isTrue();
        assertThatThrownBy(() -> pf.positions().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void unseenInstrumentHasAFlatPositionThatIsNotAdded() {
        Portfolio pf = new Portfolio(0.0);
        Position p = pf.position(BTC);
        assertThat(p).isNotNull();
        assertThat(p.isFlat()).isTrue();
        assertThat(p.qty()).isZero();
        assertThat(pf.positions()).isEmpty();
    }

    @Test
    void anEqualInstrumentObjectFindsTheSamePosition() {
        Portfolio pf = new Portfolio(0.0);
        pf.apply(fill(BTC, Side.BUY, 1, 100, 0));
        Instrument sameBtc = Instrument.spot("BTCUSDT", "BINANCE", 0.01, 0.001);
        pf.apply(fill(sameBtc, Side.BUY, 1, 102, 0));
        assertThat(pf.positions()).hasSize(1);
        assertThat(pf.position(sameBtc).qty()).isEqualTo(2.0);
        assertThat(pf.position(BTC).avgEntryPrice()).isEqualTo(101.0);
    }

    @Test
    void badMarksAndCashAreRefused() {
        Portfolio pf = new Portfolio(0.0);
        assertThatThrownBy(() -> pf.mark(BTC, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("portfolio: mark price of BTCUSDT@BINANCE must be finite, was Infinity");
        assertThatThrownBy(() -> new Portfolio(Double.NaN))
                .hasMessage("portfolio: initialCash must be finite, was NaN");
    }
}
