package io.qtrade.server;

import java.util.Optional;

/** Parsing of the {@code Authorization} header; the token itself is never logged or echoed. */
final class Auth {

    private Auth() {
    }

    /** The token of an {@code Authorization: Bearer TOKEN} header, or empty. */
    static Optional<String> bearer(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String h = header.strip();
        if (h.length() < 7 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = h.substring(7).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
