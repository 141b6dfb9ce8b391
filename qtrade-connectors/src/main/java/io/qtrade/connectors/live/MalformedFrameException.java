package io.qtrade.connectors.live;

/**
 * A frame from a venue's stream that does not follow the venue's documented format: the message names the venue's
 * stream, the field or byte offset and what was expected. The frame is not applied; the connection is kept or
 * reset as the client's rule says, and the book is never changed by a partly read frame.
 */
public final class MalformedFrameException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String where;

    /**
     * @param where   the stream and the field or byte offset ("btcusdt@depth field b[2][0]", "kite packet 1 byte 8")
     * @param message what was found and what was expected
     */
    public MalformedFrameException(String where, String message) {
        super(where + ": " + message);
        this.where = where;
    }

    /** The stream and the field or byte offset. */
    public String where() {
        return where;
    }
}
