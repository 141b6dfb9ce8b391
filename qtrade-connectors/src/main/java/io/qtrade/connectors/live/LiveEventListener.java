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

    /**
     * The client's connection was lost (it reconnects by itself; a planned rotation at the maximum connection age is
     * not reported); called on the client's supervisor thread after the
     * last message of that connection. A kill switch listens here ({@link DisconnectGuard}, paper trading). Does
     * nothing unless overridden.
     *
     * @param reason why, in the client's words (closed by the server, an I/O error, an idle timeout); no secret
     */
    default void onDisconnect(String reason) {
    }
}
