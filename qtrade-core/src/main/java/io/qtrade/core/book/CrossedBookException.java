package io.qtrade.core.book;

/**
 * Thrown under {@link CrossedBookPolicy#THROW} when an update would cross or lock a book. The message names the
 * instrument, the side, price and quantity of the refused update and the opposite best price it would have reached.
 */
public final class CrossedBookException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** @param message what was refused and why, naming the instrument, side, price and opposite best */
    public CrossedBookException(String message) {
        super(message);
    }
}
