package io.qtrade.connectors.live;

import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.order.Fill;

/** Receives the order updates of a venue's private stream as core reports and fills, on the stream's thread. */
public interface ExecutionListener {

    /** An order changed: new status, filled and leaves quantities, the fill's price and quantity if it was one. */
    void onReport(ExecutionReport report);

    /** The order traded: called after {@link #onReport} for every report that is a fill. */
    void onFill(Fill fill);
}
