package io.qtrade.core.market;

/** Thrown when a stream that must be in time order goes back in time; the message says where and by how much. */
public final class OutOfOrderEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OutOfOrderEventException(String message) {
        super(message);
    }
}
