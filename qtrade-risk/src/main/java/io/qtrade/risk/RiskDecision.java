package io.qtrade.risk;

import java.util.Objects;

/**
 * The outcome of a pre-trade check: accept, or reject with a machine-readable reason code and a message for people.
 *
 * <p>Accepting returns the shared {@link #ACCEPT} constant, so the common path allocates nothing. A rejection names
 * its check in {@code reasonCode} (for example {@code "MAX_POSITION"}) and says what was exceeded in
 * {@code message}; the engine hands both to the strategy as the order's reject reason.
 *
 * @param accepted   whether the order may go to the venue
 * @param reasonCode short code of the check that refused it, {@link #NO_REASON} when accepted
 * @param message    what was exceeded and by how much, {@link #NO_REASON} when accepted
 */
public record RiskDecision(boolean accepted, String reasonCode, String message) {

    /** The reason code and message of an accepted order. */
    public static final String NO_REASON = "";
    /** The decision to let an order through. */
    public static final RiskDecision ACCEPT = new RiskDecision(true, NO_REASON, NO_REASON);

    public RiskDecision {
        Objects.requireNonNull(reasonCode, "risk decision: reasonCode must not be null, use NO_REASON");
        Objects.requireNonNull(message, "risk decision: message must not be null, use NO_REASON");
        if (!accepted && reasonCode.isBlank()) {
            throw new IllegalArgumentException("risk decision: a rejection needs a non-blank reasonCode, message was '"
                    + message + "'");
        }
        if (accepted && !reasonCode.isEmpty()) {
            throw new IllegalArgumentException("risk decision: an acceptance carries no reasonCode, was '" + reasonCode
                    + "'");
        }
    }

    /** A rejection by the check {@code reasonCode}, explained by {@code message}. */
    public static RiskDecision reject(String reasonCode, String message) {
        return new RiskDecision(false, reasonCode, message);
    }

    /** {@code reasonCode: message}, the text a strategy sees as the order's reject reason; "" when accepted. */
    public String reason() {
        return accepted ? NO_REASON : reasonCode + ": " + message;
    }
}
