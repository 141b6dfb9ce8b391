package io.qtrade.risk.limits;

import io.qtrade.core.Side;
import io.qtrade.core.order.Order;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.risk.RiskDecision;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.qtrade.risk.limits.Orders.AAA;
import static io.qtrade.risk.limits.Orders.FUT;
import static io.qtrade.risk.limits.Orders.buy;
import static io.qtrade.risk.limits.Orders.fill;
import static io.qtrade.risk.limits.Orders.order;
import static io.qtrade.risk.limits.Orders.sell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each limit just below, at and just above its value (at passes, above is rejected with the check's code). */
class PreTradeLimitsTest {

    private final Portfolio flat = new Portfolio(0);

    private static void accepts(RiskDecision d) {
        assertThat(d).isSameAs(RiskDecision.ACCEPT);
    }

    private static void rejects(RiskDecision d, String code, String message) {
        assertThat(d.accepted()).isFalse();
        assertThat(d.reasonCode()).isEqualTo(code);
        assertThat(d.message()).contains(message);
    }

    @Test
    void maxOrderQtyPassesAtTheLimitAndRejectsAbove() {
        MaxOrderQty check = new MaxOrderQty(10);
        accepts(check.check("s", buy(AAA, 100, 9), flat, 0));
        accepts(check.check("s", buy(AAA, 100, 10), flat, 0));
        rejects(check.check("s", buy(AAA, 100, 11), flat, 0), "MAX_ORDER_QTY",
                "qty 11.0 > limit 10.0 (AAA@SYN BUY, strategy s)");
        assertThatThrownBy(() -> new MaxOrderQty(0)).hasMessage("max order qty: maxQty must be finite and > 0, was 0.0");
    }

    @Test
    void maxOrderNotionalUsesTheLimitPriceTheMultiplierAndTheMidForMarketOrders() {
        MaxOrderNotional check = new MaxOrderNotional(10_000);
        // FUT multiplier 10: 100 * 9 * 10 = 9000, 100 * 10 * 10 = 10_000 (at), 100.5 * 10 * 10 = 10_050 (above).
        accepts(check.check("s", buy(FUT, 100, 9), flat, 0));
        accepts(check.check("s", buy(FUT, 100, 10), flat, 0));
        rejects(check.check("s", buy(FUT, 100.5, 10), flat, 0), "MAX_ORDER_NOTIONAL", "notional 10050.0 > limit 10000.0");
        rejects(check.check("s", OrderRequest.market(FUT, Side.SELL, 1), flat, 0), "MAX_ORDER_NOTIONAL",
                "market order on FUT@SYN before any mid");
        check.onMarketData(FUT, 1000, 0);
        accepts(check.check("s", OrderRequest.market(FUT, Side.SELL, 1), flat, 0));   // 1000 * 1 * 10 = 10_000
        check.onMarketData(FUT, 1000.5, 0);
        rejects(check.check("s", OrderRequest.market(FUT, Side.SELL, 1), flat, 0), "MAX_ORDER_NOTIONAL",
                "notional 10005.0");
    }

    @Test
    void maxPositionCountsThePositionAndRestingSameSideOrders() {
        MaxPosition check = new MaxPosition(10, Map.of(FUT, 2.0));
        Portfolio p = new Portfolio(0);
        p.apply(fill(AAA, Side.BUY, 100, 4));
        Order resting = order(buy(AAA, 99, 3));
        check.onOrderAccepted("s", resting, 0);
        // Worst case long = 4 + 3 + qty.
        accepts(check.check("s", buy(AAA, 99, 2), p, 0));
        accepts(check.check("s", buy(AAA, 99, 3), p, 0));
        rejects(check.check("s", buy(AAA, 99, 4), p, 0), "MAX_POSITION",
                "position would reach 11.0 beyond limit +/-10.0 (AAA@SYN position 4.0, open BUY qty 3.0");
        // Sells: worst case short = 4 - 14 = -10 at the limit, 4 - 15 above it.
        accepts(check.check("s", sell(AAA, 101, 14), p, 0));
        rejects(check.check("s", sell(AAA, 101, 15), p, 0), "MAX_POSITION", "-11.0");
        // The resting order fills 1 and is cancelled with 2 left: nothing is open any more.
        check.onFill("s", fill(AAA, Side.BUY, 99, 1), p, 0);
        assertThat(check.openQty("s", AAA, Side.BUY)).isEqualTo(2.0);
        resting.fill(1, 99, 0, 0);
        resting.cancel(0);
        check.onOrderDone("s", resting, 0);
        assertThat(check.openQty("s", AAA, Side.BUY)).isZero();
        // Another strategy's orders do not count; FUT has its own limit of 2.
        assertThat(check.openQty("other", AAA, Side.BUY)).isZero();
        accepts(check.check("s", buy(FUT, 100, 2), flat, 0));
        rejects(check.check("s", buy(FUT, 100, 3), flat, 0), "MAX_POSITION", "beyond limit +/-2.0");
    }

    @Test
    void aPositionOverItsLimitMayStillBeReduced() {
        MaxPosition check = new MaxPosition(5);
        Portfolio p = new Portfolio(0);
        p.apply(fill(AAA, Side.BUY, 100, 8));
        accepts(check.check("s", sell(AAA, 100, 3), p, 0));
        rejects(check.check("s", buy(AAA, 100, 1), p, 0), "MAX_POSITION", "9.0");
    }

    @Test
    void grossExposureSumsAbsoluteValuesAtTheMids() {
        MaxGrossExposure check = new MaxGrossExposure(3000);
        Portfolio p = new Portfolio(0);
        p.apply(fill(AAA, Side.BUY, 100, 10));          // long AAA 10
        p.apply(fill(FUT, Side.SELL, 50, 2));           // short FUT 2 x 10
        check.onMarketData(AAA, 110, 0);
        check.onMarketData(FUT, 50, 0);
        // Now: |10 * 110| + |-2 * 50 * 10| = 1100 + 1000 = 2100. Orders are valued at the mid, not their limit price.
        accepts(check.check("s", buy(AAA, 111, 8), p, 0));      // 18 * 110 + 1000 = 2980, below
        rejects(check.check("s", buy(AAA, 111, 10), p, 0), "MAX_GROSS_EXPOSURE",
                "gross exposure would reach 3200.0 > limit 3000.0 (now 2100.0");   // 20 * 110 + 1000
        check.onMarketData(AAA, 100, 0);
        // Now 1000 + 1000 = 2000; buying 10 AAA at mid 100: 2000 + 1000 = 3000, exactly at the limit.
        accepts(check.check("s", buy(AAA, 100, 10), p, 0));
        rejects(check.check("s", buy(AAA, 100, 11), p, 0), "MAX_GROSS_EXPOSURE", "3100.0");
        // A reducing order passes even when the result is above the limit.
        MaxGrossExposure tight = new MaxGrossExposure(500);
        tight.onMarketData(AAA, 100, 0);
        tight.onMarketData(FUT, 50, 0);
        accepts(tight.check("s", sell(AAA, 100, 5), p, 0));
    }

    @Test
    void netExposureNetsLongsAgainstShorts() {
        MaxNetExposure check = new MaxNetExposure(500);
        Portfolio p = new Portfolio(0);
        p.apply(fill(AAA, Side.BUY, 100, 10));          // +1000
        p.apply(fill(FUT, Side.SELL, 50, 1));           // -500
        check.onMarketData(AAA, 100, 0);
        check.onMarketData(FUT, 50, 0);
        // Net now 500 (at the limit already). Buying 1 AAA: 600 > 500 and larger: rejected; selling 1: 400 passes.
        rejects(check.check("s", buy(AAA, 100, 1), p, 0), "MAX_NET_EXPOSURE",
                "net exposure would reach 600.0 > limit 500.0 (now 500.0");
        accepts(check.check("s", sell(AAA, 100, 1), p, 0));
        // Selling 10 AAA: net -500, |.| = 500 at the limit; 11: -600 above.
        accepts(check.check("s", sell(AAA, 100, 10), p, 0));
        rejects(check.check("s", sell(AAA, 100, 11), p, 0), "MAX_NET_EXPOSURE", "600.0");
    }

    @Test
    void exposureOfAMarketOrderWithoutAMidIsUnknownAndRejected() {
        rejects(new MaxGrossExposure(1e9).check("s", OrderRequest.market(AAA, Side.BUY, 1), flat, 0),
                "MAX_GROSS_EXPOSURE", "before any mid");
    }

    @Test
    void priceBandMeasuresBasisPointsFromTheMid() {
        PriceBand check = new PriceBand(50);
        rejects(check.check("s", buy(AAA, 100, 1), flat, 0), "PRICE_BAND", "no reference mid for AAA@SYN");
        check.onMarketData(AAA, 200.00, 0);
        check.onMarketData(AAA, Double.NaN, 0);   // one-sided book: the last mid stays the reference
        // 50 bps of 200 = 1.00: 199.01 (49.5 bps) below, 199.00 (50 bps) at, 198.99 (50.5 bps) above.
        accepts(check.check("s", buy(AAA, 199.01, 1), flat, 0));
        accepts(check.check("s", buy(AAA, 199.00, 1), flat, 0));
        rejects(check.check("s", buy(AAA, 198.99, 1), flat, 0), "PRICE_BAND", "from mid 200.0 > limit 50.0 bps");
        accepts(check.check("s", sell(AAA, 201.00, 1), flat, 0));
        rejects(check.check("s", sell(AAA, 201.01, 1), flat, 0), "PRICE_BAND", "price 201.01 is 50.4");
        accepts(check.check("s", OrderRequest.market(AAA, Side.BUY, 1), flat, 0));
    }

    @Test
    void orderRateLimitIsATokenBucketOnTheGivenClock() {
        OrderRateLimit check = new OrderRateLimit(2, 10);   // burst 2, one token per 100 ms
        long t0 = 1_000_000_000L;
        OrderRequest r = buy(AAA, 100, 1);
        for (int i = 0; i < 2; i++) {
            accepts(check.check("s", r, flat, t0));
            check.onOrderAccepted("s", order(r), t0);
        }
        rejects(check.check("s", r, flat, t0), "ORDER_RATE", "rate limit 10.0 orders/s, burst 2: 0.0 tokens");
        // 99.999999 ms later: 0.99999999 tokens, just below one; at 100 ms exactly one.
        rejects(check.check("s", r, flat, t0 + 99_999_999), "ORDER_RATE", "0.99999999");
        accepts(check.check("s", r, flat, t0 + 100_000_000));
        check.onOrderAccepted("s", order(r), t0 + 100_000_000);
        assertThat(check.tokens(t0 + 100_000_000)).isZero();
        // A long pause refills to the burst, not beyond.
        assertThat(check.tokens(t0 + 60_000_000_000L)).isEqualTo(2.0);
    }

    @Test
    void maxOpenOrdersCountsAcceptedUntilDone() {
        MaxOpenOrders check = new MaxOpenOrders(2);
        assertThat(check.maxOpenOrders()).isEqualTo(2);
        Order a = order(buy(AAA, 99, 1));
        Order b = order(buy(AAA, 98, 1));
        accepts(check.check("s", buy(AAA, 99, 1), flat, 0));
        check.onOrderAccepted("s", a, 0);
        accepts(check.check("s", buy(AAA, 99, 1), flat, 0));   // 1 open: a second is at the limit
        check.onOrderAccepted("s", b, 0);
        rejects(check.check("s", buy(AAA, 99, 1), flat, 0), "MAX_OPEN_ORDERS", "2 open orders, limit 2");
        accepts(check.check("other", buy(AAA, 99, 1), flat, 0));
        check.onOrderDone("s", a, 0);
        assertThat(check.openOrders("s")).isEqualTo(1);
        accepts(check.check("s", buy(AAA, 99, 1), flat, 0));
        check.onOrderDone("s", b, 0);
        assertThatThrownBy(() -> check.onOrderDone("s", b, 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("order " + b.orderId() + " of strategy 's' ended but no open order was counted");
    }
}
