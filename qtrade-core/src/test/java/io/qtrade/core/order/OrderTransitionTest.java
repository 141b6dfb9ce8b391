package io.qtrade.core.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every lifecycle method from every status: the legal ones land on the expected status, the illegal ones throw
 * {@link IllegalOrderTransitionException} with the exact message and leave the order untouched.
 */
class OrderTransitionTest {

    private static final Instrument BTC = Instrument.spot("BTCUSDT", "BINANCE", 0.01, 0.001);

    enum Action { ACK, PARTIAL_FILL, FULL_FILL, REQUEST_CANCEL, CANCEL, CANCEL_REJECT, REJECT, EXPIRE }

    /** An order of qty 10 driven to {@code status}; PARTIALLY_FILLED has 4 filled. */
    static Order orderIn(OrderStatus status) {
        Order o = new Order(42, OrderRequest.limit(BTC, Side.BUY, 100.0, 10.0), 1_000L);
        switch (status) {
            case PENDING_NEW -> { }
            case NEW -> o.acknowledge(2_000L);
            case PARTIALLY_FILLED -> {
                o.acknowledge(2_000L);
                o.fill(4.0, 100.0, 0.04, 3_000L);
            }
            case FILLED -> {
                o.acknowledge(2_000L);
                o.fill(10.0, 100.0, 0.1, 3_000L);
            }
            case PENDING_CANCEL -> {
                o.acknowledge(2_000L);
                o.requestCancel(3_000L);
            }
            case CANCELED -> {
                o.acknowledge(2_000L);
                o.cancel(3_000L);
            }
            case REJECTED -> o.reject(2_000L, "price out of band");
            case EXPIRED -> {
                o.acknowledge(2_000L);
                o.expire(3_000L);
            }
        }
        assertThat(o.status()).isEqualTo(status);
        return o;
    }

    static void perform(Order o, Action action, long ts) {
        switch (action) {
            case ACK -> o.acknowledge(ts);
            case PARTIAL_FILL -> o.fill(1.0, 100.0, 0.0, ts);
            // the leaves qty, or the whole order again once nothing is left
            case FULL_FILL -> o.fill(o.leavesQty() > 0 ? o.leavesQty() : o.qty(), 100.0, 0.0, ts);
            case REQUEST_CANCEL -> o.requestCancel(ts);
            case CANCEL -> o.cancel(ts);
            case CANCEL_REJECT -> o.cancelRejected(ts, "too late to cancel");
            case REJECT -> o.reject(ts, "insufficient margin");
            case EXPIRE -> o.expire(ts);
        }
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            PENDING_NEW      | ACK            | NEW
            PENDING_NEW      | PARTIAL_FILL   | PARTIALLY_FILLED
            PENDING_NEW      | FULL_FILL      | FILLED
            PENDING_NEW      | REQUEST_CANCEL | PENDING_CANCEL
            PENDING_NEW      | CANCEL         | CANCELED
            PENDING_NEW      | CANCEL_REJECT  | order 42 (BTCUSDT@BINANCE): cannot go from PENDING_NEW to PENDING_NEW; legal from PENDING_NEW: NEW, PARTIALLY_FILLED, FILLED, PENDING_CANCEL, CANCELED, REJECTED, EXPIRED (a cancel reject is legal only from PENDING_CANCEL)
            PENDING_NEW      | REJECT         | REJECTED
            PENDING_NEW      | EXPIRE         | EXPIRED

            NEW              | ACK            | order 42 (BTCUSDT@BINANCE): cannot go from NEW to NEW; legal from NEW: PARTIALLY_FILLED, FILLED, PENDING_CANCEL, CANCELED, EXPIRED
            NEW              | PARTIAL_FILL   | PARTIALLY_FILLED
            NEW              | FULL_FILL      | FILLED
            NEW              | REQUEST_CANCEL | PENDING_CANCEL
            NEW              | CANCEL         | CANCELED
            NEW              | CANCEL_REJECT  | order 42 (BTCUSDT@BINANCE): cannot go from NEW to NEW; legal from NEW: PARTIALLY_FILLED, FILLED, PENDING_CANCEL, CANCELED, EXPIRED (a cancel reject is legal only from PENDING_CANCEL)
            NEW              | REJECT         | order 42 (BTCUSDT@BINANCE): cannot go from NEW to REJECTED; legal from NEW: PARTIALLY_FILLED, FILLED, PENDING_CANCEL, CANCELED, EXPIRED
            NEW              | EXPIRE         | EXPIRED

            PARTIALLY_FILLED | ACK            | order 42 (BTCUSDT@BINANCE): cannot go from PARTIALLY_FILLED to NEW; legal from PARTIALLY_FILLED: PARTIALLY_FILLED, FILLED, PENDING_CANCEL, CANCELED, EXPIRED
            PARTIALLY_FILLED | PARTIAL_FILL   | PARTIALLY_FILLED
            PARTIALLY_FILLED | FULL_FILL      | FILLED
            PARTIALLY_FILLED | REQUEST_CANCEL | PENDING_CANCEL
            PARTIALLY_FILLED | CANCEL         | CANCELED
            PARTIALLY_FILLED | CANCEL_REJECT  | order 42 (BTCUSDT@BINANCE): cannot go from PARTIALLY_FILLED to PARTIALLY_FILLED; legal from PARTIALLY_FILLED: PARTIALLY_FILLED, FILLED, PENDING_CANCEL, CANCELED, EXPIRED (a cancel reject is legal only from PENDING_CANCEL)
            PARTIALLY_FILLED | REJECT         | order 42 (BTCUSDT@BINANCE): cannot go from PARTIALLY_FILLED to REJECTED; legal from PARTIALLY_FILLED: PARTIALLY_FILLED, FILLED, PENDING_CANCEL, CANCELED, EXPIRED
            PARTIALLY_FILLED | EXPIRE         | EXPIRED

            FILLED           | ACK            | order 42 (BTCUSDT@BINANCE): cannot go from FILLED to NEW; legal from FILLED: none
            FILLED           | PARTIAL_FILL   | order 42 (BTCUSDT@BINANCE): cannot go from FILLED to FILLED; legal from FILLED: none (fill qty 1.0 at 100.0)
            FILLED           | FULL_FILL      | order 42 (BTCUSDT@BINANCE): cannot go from FILLED to FILLED; legal from FILLED: none (fill qty 10.0 at 100.0)
            FILLED           | REQUEST_CANCEL | order 42 (BTCUSDT@BINANCE): cannot go from FILLED to PENDING_CANCEL; legal from FILLED: none
            FILLED           | CANCEL         | order 42 (BTCUSDT@BINANCE): cannot go from FILLED to CANCELED; legal from FILLED: none
            FILLED           | CANCEL_REJECT  | order 42 (BTCUSDT@BINANCE): cannot go from FILLED to PARTIALLY_FILLED; legal from FILLED: none (a cancel reject is legal only from PENDING_CANCEL)
            FILLED           | REJECT         | order 42 (BTCUSDT@BINANCE): cannot go from FILLED to REJECTED; legal from FILLED: none
            FILLED           | EXPIRE         | order 42 (BTCUSDT@BINANCE): cannot go from FILLED to EXPIRED; legal from FILLED: none

            PENDING_CANCEL   | ACK            | order 42 (BTCUSDT@BINANCE): cannot go from PENDING_CANCEL to NEW; legal from PENDING_CANCEL: PENDING_NEW, NEW, PARTIALLY_FILLED, FILLED, CANCELED, REJECTED, EXPIRED (an acknowledgement is legal only from PENDING_NEW, or once from a PENDING_CANCEL or PARTIALLY_FILLED it trails; PENDING_CANCEL returns to NEW only on a cancel reject)
            # a partial fill while the cancel is in flight keeps PENDING_CANCEL
            PENDING_CANCEL   | PARTIAL_FILL   | PENDING_CANCEL
            PENDING_CANCEL   | FULL_FILL      | FILLED
            PENDING_CANCEL   | REQUEST_CANCEL | order 42 (BTCUSDT@BINANCE): cannot go from PENDING_CANCEL to PENDING_CANCEL; legal from PENDING_CANCEL: PENDING_NEW, NEW, PARTIALLY_FILLED, FILLED, CANCELED, REJECTED, EXPIRED
            PENDING_CANCEL   | CANCEL         | CANCELED
            PENDING_CANCEL   | CANCEL_REJECT  | NEW
            PENDING_CANCEL   | REJECT         | order 42 (BTCUSDT@BINANCE): cannot go from PENDING_CANCEL to REJECTED; legal from PENDING_CANCEL: PENDING_NEW, NEW, PARTIALLY_FILLED, FILLED, CANCELED, REJECTED, EXPIRED (an order that was acknowledged or filled cannot be rejected)
            PENDING_CANCEL   | EXPIRE         | EXPIRED

            CANCELED         | ACK            | order 42 (BTCUSDT@BINANCE): cannot go from CANCELED to NEW; legal from CANCELED: none
            CANCELED         | PARTIAL_FILL   | order 42 (BTCUSDT@BINANCE): cannot go from CANCELED to PARTIALLY_FILLED; legal from CANCELED: none (fill qty 1.0 at 100.0)
            CANCELED         | FULL_FILL      | order 42 (BTCUSDT@BINANCE): cannot go from CANCELED to FILLED; legal from CANCELED: none (fill qty 10.0 at 100.0)
            CANCELED         | REQUEST_CANCEL | order 42 (BTCUSDT@BINANCE): cannot go from CANCELED to PENDING_CANCEL; legal from CANCELED: none
            CANCELED         | CANCEL         | order 42 (BTCUSDT@BINANCE): cannot go from CANCELED to CANCELED; legal from CANCELED: none
            CANCELED         | CANCEL_REJECT  | order 42 (BTCUSDT@BINANCE): cannot go from CANCELED to NEW; legal from CANCELED: none (a cancel reject is legal only from PENDING_CANCEL)
            CANCELED         | REJECT         | order 42 (BTCUSDT@BINANCE): cannot go from CANCELED to REJECTED; legal from CANCELED: none
            CANCELED         | EXPIRE         | order 42 (BTCUSDT@BINANCE): cannot go from CANCELED to EXPIRED; legal from CANCELED: none

            REJECTED         | ACK            | order 42 (BTCUSDT@BINANCE): cannot go from REJECTED to NEW; legal from REJECTED: none
            REJECTED         | PARTIAL_FILL   | order 42 (BTCUSDT@BINANCE): cannot go from REJECTED to PARTIALLY_FILLED; legal from REJECTED: none (fill qty 1.0 at 100.0)
            REJECTED         | FULL_FILL      | order 42 (BTCUSDT@BINANCE): cannot go from REJECTED to FILLED; legal from REJECTED: none (fill qty 10.0 at 100.0)
            REJECTED         | REQUEST_CANCEL | order 42 (BTCUSDT@BINANCE): cannot go from REJECTED to PENDING_CANCEL; legal from REJECTED: none
            REJECTED         | CANCEL         | order 42 (BTCUSDT@BINANCE): cannot go from REJECTED to CANCELED; legal from REJECTED: none
            REJECTED         | CANCEL_REJECT  | order 42 (BTCUSDT@BINANCE): cannot go from REJECTED to PENDING_NEW; legal from REJECTED: none (a cancel reject is legal only from PENDING_CANCEL)
            REJECTED         | REJECT         | order 42 (BTCUSDT@BINANCE): cannot go from REJECTED to REJECTED; legal from REJECTED: none
            REJECTED         | EXPIRE         | order 42 (BTCUSDT@BINANCE): cannot go from REJECTED to EXPIRED; legal from REJECTED: none

            EXPIRED          | ACK            | order 42 (BTCUSDT@BINANCE): cannot go from EXPIRED to NEW; legal from EXPIRED: none
            EXPIRED          | PARTIAL_FILL   | order 42 (BTCUSDT@BINANCE): cannot go from EXPIRED to PARTIALLY_FILLED; legal from EXPIRED: none (fill qty 1.0 at 100.0)
            EXPIRED          | FULL_FILL      | order 42 (BTCUSDT@BINANCE): cannot go from EXPIRED to FILLED; legal from EXPIRED: none (fill qty 10.0 at 100.0)
            EXPIRED          | REQUEST_CANCEL | order 42 (BTCUSDT@BINANCE): cannot go from EXPIRED to PENDING_CANCEL; legal from EXPIRED: none
            EXPIRED          | CANCEL         | order 42 (BTCUSDT@BINANCE): cannot go from EXPIRED to CANCELED; legal from EXPIRED: none
            EXPIRED          | CANCEL_REJECT  | order 42 (BTCUSDT@BINANCE): cannot go from EXPIRED to NEW; legal from EXPIRED: none (a cancel reject is legal only from PENDING_CANCEL)
            EXPIRED          | REJECT         | order 42 (BTCUSDT@BINANCE): cannot go from EXPIRED to REJECTED; legal from EXPIRED: none
            EXPIRED          | EXPIRE         | order 42 (BTCUSDT@BINANCE): cannot go from EXPIRED to EXPIRED; legal from EXPIRED: none
            """)
    void everyMethodFromEveryStatusIsAcceptedOrRefusedAsTheTableSays(OrderStatus from, Action action,
                                                                       String expected) {
        Order order = orderIn(from);
        if (expected.startsWith("order ")) {
            double filledBefore = order.filledQty();
            double leavesBefore = order.leavesQty();
            long tsBefore = order.lastUpdateTs();
            assertThatThrownBy(() -> perform(order, action, 9_000L))
                    .isInstanceOf(IllegalOrderTransitionException.class)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage(expected)
                    .satisfies(e -> {
                        IllegalOrderTransitionException t = (IllegalOrderTransitionException) e;
                        assertThat(t.orderId()).isEqualTo(42L);
                        assertThat(t.instrumentId()).isEqualTo("BTCUSDT@BINANCE");
                        assertThat(t.from()).isEqualTo(from);
                    });
            // a refused move leaves the order as it was
            assertThat(order.status()).isEqualTo(from);
            assertThat(order.filledQty()).isEqualTo(filledBefore);
            assertThat(order.leavesQty()).isEqualTo(leavesBefore);
            assertThat(order.lastUpdateTs()).isEqualTo(tsBefore);
        } else {
            perform(order, action, 9_000L);
            assertThat(order.status()).isEqualTo(OrderStatus.valueOf(expected));
            assertThat(order.lastUpdateTs()).isEqualTo(9_000L);
        }
    }
}
