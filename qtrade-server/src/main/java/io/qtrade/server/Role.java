package io.qtrade.server;

/** What a token may do: read every endpoint and stream, or also trade (orders, cancels, the kill switch). */
public enum Role {
    /** Read endpoints and streams only; a trading endpoint answers 403. */
    READ_ONLY,
    /** Everything a read-only token may, plus placing and cancelling orders and engaging and resetting the kill switch. */
    TRADING;

    /** Whether this role may call an endpoint that needs {@code needed}. */
    public boolean allows(Role needed) {
        return this == TRADING || needed == READ_ONLY;
    }
}
