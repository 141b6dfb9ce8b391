package io.qtrade.connectors.live;

/**
 * A venue refused a request or failed to answer it. {@link #reason()} says what kind of failure it is, so that a
 * caller can act on it (wait {@link #retryAfterNanos()} when rate limited, resync the clock on a timestamp error)
 * without parsing messages; the message names the venue, the request, the HTTP status, the venue's own code and text.
 * Never carries a secret.
 */
public final class VenueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, across venues. */
    public enum Reason {
        /** Too many requests (HTTP 429, Binance -1003): wait {@link #retryAfterNanos()} and slow down. */
        RATE_LIMITED,
        /** The IP is banned for ignoring rate limits (Binance HTTP 418). */
        IP_BANNED,
        /** The request's timestamp is outside the receive window (Binance -1021): resync the server-time offset. */
        TIMESTAMP,
        /** The account lacks the balance or margin for the order (Binance -2010 "insufficient balance"). */
        INSUFFICIENT_BALANCE,
        /** The order is unknown to the venue (Binance -2013, -2011 "Unknown order"). */
        UNKNOWN_ORDER,
        /** Bad API key, signature, token or permission (Binance -1022, -2014, -2015; Kite TokenException). */
        AUTHENTICATION,
        /** The venue rejected the order or request as invalid (bad parameter, filter, Kite InputException). */
        REJECTED,
        /** The venue failed (HTTP 5xx, Kite NetworkException); for an order the outcome is unknown. */
        VENUE_ERROR,
        /** The answer could not be read. */
        MALFORMED_RESPONSE
    }

    private final String venue;
    private final Reason reason;
    private final int httpStatus;
    private final String venueCode;
    private final long retryAfterNanos;

    /**
     * @param venue           the venue
     * @param reason          the kind of failure
     * @param httpStatus      the HTTP status, 0 if none
     * @param venueCode       the venue's error code or type ("-2010", "InputException"), "" if none
     * @param retryAfterNanos how long the venue asks to wait, 0 if it does not say
     * @param message         what was asked and what the venue said
     */
    public VenueException(String venue, Reason reason, int httpStatus, String venueCode, long retryAfterNanos,
                          String message) {
        super(Redaction.redact(venue + " " + reason + " (HTTP " + httpStatus + (venueCode.isEmpty() ? ""
                : ", code " + venueCode) + "): " + message));
        this.venue = venue;
        this.reason = reason;
        this.httpStatus = httpStatus;
        this.venueCode = venueCode;
        this.retryAfterNanos = retryAfterNanos;
    }

    /** The venue. */
    public String venue() {
        return venue;
    }

    /** The kind of failure. */
    public Reason reason() {
        return reason;
    }

    /** The HTTP status, 0 if none. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The venue's error code or type, "" if none. */
    public String venueCode() {
        return venueCode;
    }

    /** How long the venue asks the client to wait before the next request, nanoseconds; 0 if it does not say. */
    public long retryAfterNanos() {
        return retryAfterNanos;
    }
}
