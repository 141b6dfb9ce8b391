package io.qtrade.connectors.live;

import io.qtrade.core.Instrument;
import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.order.OrderRequest;

import java.util.List;

/**
 * Sends orders to a live venue and answers in core {@link ExecutionReport}s, whatever the venue's wire format. The
 * Binance and Kite Connect REST clients implement it, so that a kill switch can {@link #cancelAll} on any venue.
 * Calls block until the venue answers; a refusal or an error is a {@link VenueException} naming the venue, the
 * request, the venue's code and what it means.
 */
public interface OrderGateway {

    /** The venue's name, as in {@link Instrument#venue()}. */
    String venue();

    /**
     * Places an order.
     *
     * @param clientOrderId the caller's id for the order, sent to the venue where it takes one
     * @return the venue's acknowledgement: {@code orderId} is the venue's order id
     */
    ExecutionReport submit(OrderRequest request, long clientOrderId);

    /** Cancels one order; returns its report after the cancel. */
    ExecutionReport cancel(Instrument instrument, long orderId);

    /** Cancels every open order of {@code instrument}; returns one report per cancelled order (empty if none). */
    List<ExecutionReport> cancelAll(Instrument instrument);

    /** The order's current state. */
    ExecutionReport query(Instrument instrument, long orderId);
}
