package io.qtrade.server;

/**
 * A refused request: the HTTP status, a short code and a message that says what was wrong (the field, the limit),
 * never a credential. Answered as {@code {"status":..., "error":..., "message":...}}.
 */
final class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int status;
    final String code;
    final long retryAfterSeconds;

    Refusal(int status, String code, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static Refusal badRequest(String message) {
        return new Refusal(400, "bad_request", message, 0);
    }

    static Refusal unauthorized() {
        return new Refusal(401, "unauthorized", "a valid bearer token is required (Authorization: Bearer TOKEN)", 0);
    }

    static Refusal forbidden(String what) {
        return new Refusal(403, "forbidden", what + " needs a trading token; this token is read-only", 0);
    }

    static Refusal notFound(String message) {
        return new Refusal(404, "not_found", message, 0);
    }

    static Refusal tooLarge(long bytes, int max) {
        return new Refusal(413, "payload_too_large", "request body of " + bytes + " bytes exceeds the limit of "
                + max + " bytes", 0);
    }

    static Refusal unsupportedMediaType(String got) {
        return new Refusal(415, "unsupported_media_type", "Content-Type must be application/json, was "
                + (got == null ? "none" : "'" + got + "'"), 0);
    }

    static Refusal tooManyRequests(long retryAfterNanos) {
        long s = Math.max(1, (retryAfterNanos + 999_999_999L) / 1_000_000_000L);
        return new Refusal(429, "too_many_requests", "rate limit exceeded; retry after " + s + " s", s);
    }

    static Refusal unavailable(String message) {
        return new Refusal(503, "unavailable", message, 0);
    }
}
