package io.qtrade.core.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrderRequestTest {

    private static final Instrument BTC = Instrument.spot("BTCUSDT", "BINANCE", 0.01, 0.001);
    private static final Instrument CL_SPREAD = new Instrument("CLZ5-CLF6", "NYMEX", 0.01, 1.0, 1000.0);

    @Test
    void limitDefaultsToGoodTillCancelled() {
        OrderRequest r = OrderRequest.limit(BTC, Side.BUY, 100.5, 2.0);
        assertThat(r).isEqualTo(new OrderRequest(BTC, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100.5, 2.0));
        assertThat(r.isMarket()).isFalse();
    }

    @Test
    void limitTakesATimeInForce() {
        OrderRequest r = OrderRequest.limit(BTC, Side.SELL, 100.5, 2.0, TimeInForce.POST_ONLY);
        assertThat(r.timeInForce()).isEqualTo(TimeInForce.POST_ONLY);
        assertThat(r.type()).isEqualTo(OrderType.LIMIT);
    }

    @Test
    void marketIsImmediateOrCancelWithNoPrice() {
        OrderRequest r = OrderRequest.market(BTC, Side.SELL, 0.5);
        assertThat(r.type()).isEqualTo(OrderType.MARKET);
        assertThat(r.timeInForce()).isEqualTo(TimeInForce.IOC);
        assertThat(r.price()).isNaN();
        assertThat(r.isMarket()).isTrue();
        assertThat(new OrderRequest(BTC, Side.BUY, OrderType.MARKET, TimeInForce.FOK, OrderRequest.MARKET_PRICE, 1.0)
                .timeInForce()).isEqualTo(TimeInForce.FOK);
    }

    @Test
    void limitPricesMayBeZeroOrNegativeForSpreads() {
        assertThat(OrderRequest.limit(CL_SPREAD, Side.BUY, -0.35, 1.0).price()).isEqualTo(-0.35);
        assertThat(OrderRequest.limit(CL_SPREAD, Side.BUY, 0.0, 1.0).price()).isZero();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY})
    void qtyMustBeFiniteAndPositive(double qty) {
        assertThatThrownBy(() -> OrderRequest.limit(BTC, Side.BUY, 100.0, qty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("order request for BTCUSDT@BINANCE: qty must be finite and > 0, was " + qty);
        assertThatThrownBy(() -> OrderRequest.market(BTC, Side.BUY, qty))
                .hasMessage("order request for BTCUSDT@BINANCE: qty must be finite and > 0, was " + qty);
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.NEGATIVE_INFINITY})
    void limitPriceMustBeFinite(double price) {
        assertThatThrownBy(() -> OrderRequest.limit(BTC, Side.BUY, price, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("order request for BTCUSDT@BINANCE: LIMIT price must be finite (any sign), was " + price);
    }

    @Test
    void marketOrderMustNotCarryAPrice() {
        assertThatThrownBy(() -> new OrderRequest(BTC, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 100.0, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("order request for BTCUSDT@BINANCE: MARKET price must be NaN (OrderRequest.MARKET_PRICE),"
                        + " was 100.0; use a LIMIT order to set a price");
    }

    @ParameterizedTest
    @EnumSource(value = TimeInForce.class, names = {"GTC", "POST_ONLY"})
    void marketOrderNeverRests(TimeInForce tif) {
        assertThatThrownBy(() -> new OrderRequest(BTC, Side.BUY, OrderType.MARKET, tif, Double.NaN, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("order request for BTCUSDT@BINANCE: MARKET timeInForce must be IOC or FOK, was " + tif
                        + "; a market order never rests");
    }

    @Test
    void nullFieldsAreNamed() {
        assertThatThrownBy(() -> OrderRequest.limit(null, Side.BUY, 1.0, 1.0))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("order request: instrument must not be null");
        assertThatThrownBy(() -> OrderRequest.limit(BTC, null, 1.0, 1.0))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("order request for BTCUSDT@BINANCE: side must not be null");
        assertThatThrownBy(() -> OrderRequest.limit(BTC, Side.BUY, 1.0, 1.0, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("order request for BTCUSDT@BINANCE: timeInForce must not be null");
    }
}
