package io.qtrade.connectors.live;

/**
 * A live feed outran its consumer: a {@link LiveEventSource} with {@link LiveEventSource.Overflow#FAIL} found every
 * queue block full. Thrown on the client's receive thread for the refused message and on the consumer's next read,
 * so that a paper-trading run stops instead of trading on a feed with a hole in it. The message names the queue's
 * size and the time.
 */
public final class LiveFeedOverflowException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what overflowed, its capacity and when */
    public LiveFeedOverflowException(String message) {
        super(message);
    }
}
