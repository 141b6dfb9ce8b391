package io.qtrade.core.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderTest {

    private static final Instrument BTC = Instrument.spot("BTCUSDT", "BINANCE", 0.01, 0.001);

    private static Order buy10() {
        return new Order(42, OrderRequest.limit(BTC, Side.BUY, 100.0, 10.0), 1_000L);
    }

    @Test
    void newOrderIsPendingNewWithNothingFilled() {
        Order o = buy10();
        assertThat(o.status()).isEqualTo(OrderStatus.PENDING_NEW);
        assertThat(o.orderId()).isEqualTo(42L);
        assertThat(o.instrument()).isEqualTo(BTC);
        assertThat(o.side()).isEqualTo(Side.BUY);
        assertThat(o.price()).isEqualTo(100.0);
        assertThat(o.qty()).isEqualTo(10.0);
        assertThat(o.filledQty()).isZero();
        assertThat(o.leavesQty()).isEqualTo(10.0);
        assertThat(o.avgFillPrice()).isNaN();
        assertThat(o.fees()).isZero();
        assertThat(o.rejectReason()).isEqualTo(Order.NO_REASON).isNotNull();
        assertThat(o.cancelRejectReason()).isEmpty();
        assertThat(o.lastFillQty()).isZero();
        assertThat(o.lastFillPrice()).isNaN();
        assertThat(o.createdTs()).isEqualTo(1_000L);
        assertThat(o.lastUpdateTs()).isEqualTo(1_000L);
    }

    @Test
    void anOrderBuiltFromFieldsEqualsOneBuiltFromTheRequestAndBuildsTheRequestOnce() {
        Order fromFields = new Order(42, BTC, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100.0, 10.0, 1_000L);
        Order fromRequest = buy10();
        assertThat(fromFields.toString()).isEqualTo(fromRequest.toString());
        assertThat(fromFields.request()).isEqualTo(fromRequest.request()).isSameAs(fromFields.request());
    }

    @Test
    void anOrderBuiltFromFieldsIsCheckedByTheRequestsRules() {
        assertThatThrownBy(() -> new Order(1, BTC, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100.0, -1.0, 0L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("order request for BTCUSDT@BINANCE: qty must be finite and > 0, was -1.0");
        assertThatThrownBy(() -> new Order(1, BTC, Side.BUY, OrderType.MARKET, TimeInForce.GTC, Double.NaN, 1.0, 0L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MARKET timeInForce must be IOC or FOK, was GTC");
    }

    @Test
    void reuseStartsAFreshOrderWithNothingLeftOfTheOldOne() {
        Order o = buy10();
        o.acknowledge(2_000L);
        o.fill(4.0, 100.0, 0.5, 3_000L);
        o.requestCancel(4_000L);
        o.cancelRejected(5_000L, "too late");
        o.reuse(43, BTC, Side.SELL, OrderType.MARKET, TimeInForce.IOC, OrderRequest.MARKET_PRICE, 2.0, 6_000L);
        Order fresh = new Order(43, OrderRequest.market(BTC, Side.SELL, 2.0), 6_000L);
        assertThat(o.toString()).isEqualTo(fresh.toString());
        assertThat(o.isAcknowledged()).isFalse();
        assertThat(o.lastFillQty()).isZero();
        assertThat(o.lastFillPrice()).isNaN();
        assertThat(o.request()).isEqualTo(fresh.request());
        o.fill(2.0, 99.0, 0.1, 7_000L);
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(o.avgFillPrice()).isEqualTo(99.0);
    }

    @Test
    void aRefusedReuseLeavesTheOrderAsItWas() {
        Order o = buy10();
        o.fill(4.0, 100.0, 0.5, 3_000L);
        String before = o.toString();
        assertThatThrownBy(() -> o.reuse(43, BTC, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, Double.NaN, 2.0, 0L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LIMIT price must be finite (any sign), was NaN");
        assertThat(o.toString()).isEqualTo(before);
    }

    @Test
    void fillsUpdateFilledLeavesAndVwapExactly() {
        Order o = buy10();
        o.acknowledge(2_000L);

        o.fill(3.0, 100.0, 0.25, 3_000L);
        assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(o.filledQty()).isEqualTo(3.0);
        assertThat(o.leavesQty()).isEqualTo(7.0);
        assertThat(o.avgFillPrice()).isEqualTo(100.0);
        assertThat(o.lastFillQty()).isEqualTo(3.0);
        assertThat(o.lastFillPrice()).isEqualTo(100.0);

        o.fill(2.0, 101.0, 0.5, 4_000L);
        // VWAP = (3*100 + 2*101) / 5 = 502 / 5 = 100.4
        assertThat(o.filledQty()).isEqualTo(5.0);
        assertThat(o.leavesQty()).isEqualTo(5.0);
        assertThat(o.avgFillPrice()).isEqualTo(502.0 / 5.0);

        o.fill(5.0, 99.5, -0.25, 5_000L);
        // VWAP = (300 + 202 + 5*99.5) / 10 = 999.5 / 10 = 99.95; fees 0.25 + 0.5 - 0.25 = 0.5 (all binary-exact)
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(o.filledQty()).isEqualTo(10.0);
        assertThat(o.leavesQty()).isZero();
        assertThat(o.avgFillPrice()).isEqualTo(999.5 / 10.0);
        assertThat(o.fees()).isEqualTo(0.5);
        assertThat(o.lastUpdateTs()).isEqualTo(5_000L);
    }

    @Test
    void decimalPartialFillsThatSumWithRoundingErrorStillComplete() {
        Order o = new Order(7, OrderRequest.limit(BTC, Side.SELL, 100.0, 0.3), 0L);
        o.acknowledge(1L);
        o.fill(0.1, 100.0, 0.0, 2L);
        o.fill(0.2, 100.0, 0.0, 3L); // 0.1 + 0.2 = 0.30000000000000004 in binary
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(o.filledQty()).isEqualTo(0.3);
        assertThat(o.leavesQty()).isZero();
    }

    @Test
    void overfillIsRefusedWithOrderInstrumentLeavesAndFillQty() {
        Order o = buy10();
        o.acknowledge(2_000L);
        o.fill(4.0, 100.0, 0.0, 3_000L);
        assertThatThrownBy(() -> o.fill(7.0, 100.0, 0.0, 4_000L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("order 42 (BTCUSDT@BINANCE): fill qty 7.0 exceeds leaves qty 6.0 (order qty 10.0, "
                        + "filled qty 4.0, status PARTIALLY_FILLED); an overfill means the venue and this order "
                        + "disagree");
        assertThat(o.filledQty()).isEqualTo(4.0);
        assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY})
    void nonPositiveOrNonFiniteFillQtyIsRefused(double qty) {
        Order o = buy10();
        o.acknowledge(2_000L);
        assertThatThrownBy(() -> o.fill(qty, 100.0, 0.0, 3_000L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("order 42 (BTCUSDT@BINANCE): fill qty must be finite and > 0, was " + qty
                        + " (leaves qty 10.0)");
        assertThat(o.status()).isEqualTo(OrderStatus.NEW);
    }

    @Test
    void nonFiniteFillPriceOrFeeIsRefused() {
        Order o = buy10();
        assertThatThrownBy(() -> o.fill(1.0, Double.NaN, 0.0, 3_000L))
                .hasMessage("order 42 (BTCUSDT@BINANCE): fill price must be finite, was NaN (fill qty 1.0)");
        assertThatThrownBy(() -> o.fill(1.0, 100.0, Double.NEGATIVE_INFINITY, 3_000L))
                .hasMessage("order 42 (BTCUSDT@BINANCE): fill fee must be finite, was -Infinity "
                        + "(fill qty 1.0 at 100.0)");
        assertThat(o.filledQty()).isZero();
    }

    @Test
    void iocCanFillAndBeCancelledBeforeItsAckArrives() {
        Order o = new Order(5, OrderRequest.limit(BTC, Side.BUY, 100.0, 10.0, TimeInForce.IOC), 0L);
        o.fill(6.0, 99.99, 0.01, 10L);
        assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        o.cancel(11L);
        assertThat(o.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(o.filledQty()).isEqualTo(6.0);
        assertThat(o.leavesQty()).isZero();
    }

    @Test
    void cancelRejectReturnsToNewOrPartiallyFilledByFilledQty() {
        Order nothingFilled = buy10();
        nothingFilled.acknowledge(1L);
        nothingFilled.requestCancel(2L);
        nothingFilled.cancelRejected(3L, "unknown order");
        assertThat(nothingFilled.status()).isEqualTo(OrderStatus.NEW);
        assertThat(nothingFilled.cancelRejectReason()).isEqualTo("unknown order");
        assertThat(nothingFilled.rejectReason()).isEmpty();

        Order partlyFilled = buy10();
        partlyFilled.acknowledge(1L);
        partlyFilled.requestCancel(2L);
        partlyFilled.fill(3.0, 100.0, 0.0, 3L); // the cancel is still in flight
        assertThat(partlyFilled.status()).isEqualTo(OrderStatus.PENDING_CANCEL);
        assertThat(partlyFilled.leavesQty()).isEqualTo(7.0);
        partlyFilled.cancelRejected(4L, "order is being matched");
        assertThat(partlyFilled.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(partlyFilled.filledQty()).isEqualTo(3.0);
        // and it can be cancelled again
        partlyFilled.requestCancel(5L);
        partlyFilled.cancel(6L);
        assertThat(partlyFilled.status()).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void aFillThatWinsTheRaceWithACancelCompletesTheOrderAndTheLateRejectIsRefused() {
        Order o = buy10();
        o.acknowledge(1L);
        o.requestCancel(2L);
        o.fill(10.0, 100.0, 0.1, 3L);
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThatThrownBy(() -> o.cancelRejected(4L, "too late to cancel"))
                .isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessageStartingWith("order 42 (BTCUSDT@BINANCE): cannot go from FILLED to PARTIALLY_FILLED; "
                        + "legal from FILLED: none");
    }

    @Test
    void rejectKeepsTheReasonAndLeavesNothing() {
        Order o = buy10();
        o.reject(5L, "post-only order would cross");
        assertThat(o.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(o.rejectReason()).isEqualTo("post-only order would cross");
        assertThat(o.leavesQty()).isZero();
        assertThat(o.lastUpdateTs()).isEqualTo(5L);
    }

    @Test
    void executionReportSnapshotsTheLatestEvent() {
        Order o = buy10();
        o.acknowledge(1L);
        ExecutionReport ack = ExecutionReport.of(o, 10L, 11L);
        assertThat(ack).isEqualTo(new ExecutionReport(42, BTC, OrderStatus.NEW, 0.0, 10.0,
                ExecutionReport.NO_FILL_PRICE, ExecutionReport.NO_FILL_QTY, ExecutionReport.NO_REASON, 10L, 11L));
        assertThat(ack.isFill()).isFalse();

        o.fill(4.0, 99.5, 0.0, 2L);
        ExecutionReport fill = ExecutionReport.of(o, 20L, 21L);
        assertThat(fill.isFill()).isTrue();
        assertThat(fill.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(fill.filledQty()).isEqualTo(4.0);
        assertThat(fill.leavesQty()).isEqualTo(6.0);
        assertThat(fill.lastFillQty()).isEqualTo(4.0);
        assertThat(fill.lastFillPrice()).isEqualTo(99.5);

        o.requestCancel(3L);
        o.cancelRejected(4L, "too late");
        ExecutionReport cxlRej = ExecutionReport.of(o, 30L, 31L);
        assertThat(cxlRej.reason()).isEqualTo("too late");
        assertThat(cxlRej.lastFillQty()).isZero();
        assertThat(cxlRej.lastFillPrice()).isNaN();

        o.cancel(5L);
        ExecutionReport canceled = ExecutionReport.of(o, 40L, 41L);
        assertThat(canceled.reason()).isEmpty();
        assertThat(canceled.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(canceled.filledQty()).isEqualTo(4.0);
        assertThat(canceled.leavesQty()).isZero();

        Order rejected = buy10();
        rejected.reject(1L, "insufficient balance");
        assertThat(ExecutionReport.of(rejected, 1L, 2L).reason()).isEqualTo("insufficient balance");
    }

    @Test
    void executionReportRefusesInconsistentFillFields() {
        assertThatThrownBy(() -> new ExecutionReport(1, BTC, OrderStatus.NEW, 0.0, 10.0, 100.0, 0.0, "", 0L, 0L))
                .hasMessage("execution report of order 1 (BTCUSDT@BINANCE): lastFillPrice must be NaN "
                        + "(NO_FILL_PRICE) when lastFillQty is 0, was 100.0");
        assertThatThrownBy(() -> new ExecutionReport(1, BTC, OrderStatus.FILLED, 10.0, 0.0, Double.NaN, 10.0, "",
                0L, 0L))
                .hasMessage("execution report of order 1 (BTCUSDT@BINANCE): lastFillPrice must be finite for a fill "
                        + "of 10.0, was NaN");
        assertThatThrownBy(() -> new ExecutionReport(1, BTC, OrderStatus.NEW, -1.0, 10.0, Double.NaN, 0.0, "",
                0L, 0L))
                .hasMessage("execution report of order 1 (BTCUSDT@BINANCE): filledQty must be finite and >= 0, "
                        + "was -1.0");
        assertThatThrownBy(() -> new ExecutionReport(1, BTC, OrderStatus.NEW, 0.0, 10.0, Double.NaN, 0.0, null,
                0L, 0L))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("reason must not be null");
    }

    @Test
    void toStringListsTheFields() {
        Order o = buy10();
        o.acknowledge(2L);
        o.fill(4.0, 100.0, 0.04, 3L);
        assertThat(o.toString()).isEqualTo("Order[orderId=42, instrument=BTCUSDT@BINANCE, side=BUY, type=LIMIT, "
                + "timeInForce=GTC, price=100.0, qty=10.0, status=PARTIALLY_FILLED, acknowledged=true, filledQty=4.0, leavesQty=6.0, "
                + "avgFillPrice=100.0, fees=0.04, rejectReason=, cancelRejectReason=, createdTs=1000, "
                + "lastUpdateTs=3]");
    }

    @Test
    void feesAreSummedWithRebatesNegative() {
        Order o = buy10();
        o.fill(5.0, 100.0, -0.1, 1L);
        o.fill(5.0, 100.0, 0.3, 2L);
        assertThat(o.fees()).isCloseTo(0.2, within(1e-15));
    }

    @Test
    void aCancelMayChaseAnUnacknowledgedOrderAndItsAckKeepsThePendingCancel() {
        Order o = new Order(7, OrderRequest.limit(BTC, Side.SELL, 101.0, 2.0), 1_000L);
        o.requestCancel(1_100L);
        assertThat(o.status()).isEqualTo(OrderStatus.PENDING_CANCEL);
        assertThat(o.isAcknowledged()).isFalse();
        o.acknowledge(1_200L);
        assertThat(o.status()).isEqualTo(OrderStatus.PENDING_CANCEL);
        assertThat(o.isAcknowledged()).isTrue();
        assertThat(o.lastUpdateTs()).isEqualTo(1_200L);
        o.cancel(1_300L);
        assertThat(o.status()).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void aCancelRejectedBeforeTheAckReturnsToPendingNew() {
        Order o = new Order(7, OrderRequest.limit(BTC, Side.SELL, 101.0, 2.0), 1_000L);
        o.requestCancel(1_100L);
        o.cancelRejected(1_150L, "unknown order");
        assertThat(o.status()).isEqualTo(OrderStatus.PENDING_NEW);
        assertThat(o.cancelRejectReason()).isEqualTo("unknown order");
        o.acknowledge(1_200L);
        assertThat(o.status()).isEqualTo(OrderStatus.NEW);
    }

    @Test
    void anOrderChasedByACancelCanStillBeRejectedFilledOrExpired() {
        Order rejected = new Order(1, OrderRequest.limit(BTC, Side.BUY, 99.0, 1.0), 0L);
        rejected.requestCancel(1L);
        rejected.reject(2L, "price out of band");
        assertThat(rejected.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(rejected.rejectReason()).isEqualTo("price out of band");

        Order filled = new Order(2, OrderRequest.limit(BTC, Side.BUY, 99.0, 1.0), 0L);
        filled.requestCancel(1L);
        filled.fill(1.0, 99.0, 0.01, 2L); // the fill won the race with the cancel
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);

        Order killed = new Order(3, OrderRequest.limit(BTC, Side.BUY, 99.0, 1.0, TimeInForce.FOK), 0L);
        killed.requestCancel(1L);
        killed.expire(2L);
        assertThat(killed.status()).isEqualTo(OrderStatus.EXPIRED);

        Order acked = new Order(4, OrderRequest.limit(BTC, Side.BUY, 99.0, 1.0), 0L);
        acked.requestCancel(1L);
        acked.acknowledge(2L);
        assertThatThrownBy(() -> acked.reject(3L, "late"))
                .isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessageEndingWith("(an order that was acknowledged or filled cannot be rejected)");
        assertThatThrownBy(() -> acked.acknowledge(4L))
                .isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessageStartingWith("order 4 (BTCUSDT@BINANCE): cannot go from PENDING_CANCEL to NEW");
    }

    @Test
    void anAckOvertakenByAPartialFillIsRecordedWithoutChangingTheStatus() {
        Order o = new Order(8, OrderRequest.limit(BTC, Side.BUY, 100.0, 3.0), 0L);
        o.fill(1.0, 100.0, 0.0, 10L); // traded on arrival; the ack is still on its way
        assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        o.acknowledge(11L);
        assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(o.isAcknowledged()).isTrue();
        assertThatThrownBy(() -> o.acknowledge(12L)).isInstanceOf(IllegalOrderTransitionException.class);
    }
}
