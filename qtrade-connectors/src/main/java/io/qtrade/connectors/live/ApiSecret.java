package io.qtrade.connectors.live;

import java.util.Objects;

/**
 * A secret value (API secret, API key, access token) that never appears in a log line, an exception message or a
 * {@code toString}: {@link #toString()} gives {@code ApiSecret[name, ****]} with only the name of where it came from
 * (an environment variable or a file key). The value is read with {@link #reveal()} by the code that signs or
 * sends a request, and nowhere else.
 */
public final class ApiSecret {

    private static final String MASK = "****";

    private final String name;
    private final String value;

    private ApiSecret(String name, String value) {
        this.name = name;
        this.value = value;
    }

    /**
     * A secret.
     *
     * @param name  where it comes from (an environment variable or a file key), shown in messages
     * @param value the secret itself, non-empty
     * @throws IllegalArgumentException when the value is empty or blank (the message names {@code name} only)
     */
    public static ApiSecret of(String name, String value) {
        Objects.requireNonNull(name, "name");
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("secret " + name + " is empty: expected a non-blank value");
        }
        return new ApiSecret(name, value);
    }

    /** Where the secret comes from: an environment variable or a file key. */
    public String name() {
        return name;
    }

    /** The secret itself: for signing or sending a request only, never for a message. */
    public String reveal() {
        return value;
    }

    /** Whether {@code text} contains this secret: lets tests and guards check that nothing leaks. */
    public boolean occursIn(CharSequence text) {
        return text != null && text.toString().contains(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiSecret other && other.name.equals(name) && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return "ApiSecret[" + name + ", " + MASK + "]";
    }
}
