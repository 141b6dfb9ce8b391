package io.qtrade.connectors.live;

import io.qtrade.core.market.EventBatch;

/**
 * Receives the core market events a live client decodes, one venue message at a time, on the client's receive
 * thread. The batch is the client's own and is cleared after the call: copy what must outlive it.
 */
@FunctionalInterface
public interface LiveEventListener {

    /** The rows decoded from one venue message (never empty). */
    void onEvents(EventBatch batch);
}
