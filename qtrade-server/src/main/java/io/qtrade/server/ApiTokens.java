package io.qtrade.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The bearer tokens the server accepts, each with a {@link Role}. Only their SHA-256 digests are kept; a presented
 * token is hashed and compared with every stored digest by {@link MessageDigest#isEqual} (constant time in the
 * digest, and no early exit over the list), so the time of a refusal says nothing about how close a guess was.
 * No token ever reaches a log line, an exception message or {@link #toString()}: those say how many tokens of each
 * role there are and, on a bad setting, the variable or file line at fault.
 *
 * <p>Sources: the environment ({@value #READ_ONLY_VARIABLE} and {@value #TRADING_VARIABLE}, each a comma-separated
 * list), or a {@code key=value} file with the same keys ({@code #} comments). A token has at least
 * {@value #MIN_TOKEN_CHARS} characters, no blanks and no commas (e.g. {@code openssl rand -hex 32}).
 */
public final class ApiTokens {

    /** Environment variable (or file key) of the read-only tokens. */
    public static final String READ_ONLY_VARIABLE = "QTRADE_SERVER_READ_TOKENS";
    /** Environment variable (or file key) of the trading tokens. */
    public static final String TRADING_VARIABLE = "QTRADE_SERVER_TRADING_TOKENS";
    /** Shortest token accepted. */
    public static final int MIN_TOKEN_CHARS = 24;

    private final List<byte[]> digests;
    private final List<Role> roles;

    private ApiTokens(List<byte[]> digests, List<Role> roles) {
        if (digests.isEmpty()) {
            throw new IllegalArgumentException("api tokens: none configured; set " + READ_ONLY_VARIABLE + " and/or "
                    + TRADING_VARIABLE + " (comma-separated, at least " + MIN_TOKEN_CHARS + " characters each)");
        }
        this.digests = digests;
        this.roles = roles;
    }

    /** A token holder authenticated by {@link #authenticate}: its index among the tokens, and its role. */
    public record Principal(int tokenIndex, Role role) {
        @Override
        public String toString() {
            return "token#" + tokenIndex + "(" + role + ")";
        }
    }

    /** Tokens from the process environment. */
    public static ApiTokens fromEnvironment() {
        return fromVariables(System.getenv(), "environment variable ");
    }

    /** Tokens from a map of variables (the environment's shape), e.g. a test's. */
    public static ApiTokens fromVariables(Map<String, String> variables) {
        return fromVariables(variables, "variable ");
    }

    private static ApiTokens fromVariables(Map<String, String> variables, String where) {
        Builder b = builder();
        add(b, variables.get(READ_ONLY_VARIABLE), Role.READ_ONLY, where + READ_ONLY_VARIABLE);
        add(b, variables.get(TRADING_VARIABLE), Role.TRADING, where + TRADING_VARIABLE);
        return b.build();
    }

    /**
     * Tokens from a {@code key=value} file ({@value #READ_ONLY_VARIABLE}, {@value #TRADING_VARIABLE}).
     *
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException naming the file and line of a bad entry (never its value)
     */
    public static ApiTokens fromFile(Path file) throws IOException {
        Builder b = builder();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String where = file + " line " + (i + 1);
            if (eq < 0) {
                throw new IllegalArgumentException("api tokens: " + where + ": expected KEY=VALUE");
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (key.equals(READ_ONLY_VARIABLE)) {
                add(b, value, Role.READ_ONLY, where + " (" + key + ")");
            } else if (key.equals(TRADING_VARIABLE)) {
                add(b, value, Role.TRADING, where + " (" + key + ")");
            } else {
                throw new IllegalArgumentException("api tokens: " + where + ": unknown key '" + key + "' (expected "
                        + READ_ONLY_VARIABLE + " or " + TRADING_VARIABLE + ")");
            }
        }
        return b.build();
    }

    private static void add(Builder b, String list, Role role, String where) {
        if (list == null) {
            return;
        }
        String[] parts = list.split(",");
        for (int i = 0; i < parts.length; i++) {
            b.token(parts[i].strip(), role, where + " entry " + (i + 1));
        }
    }

    /** An empty builder (tokens given in code, e.g. a test's). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The principal of a presented token, or empty for a missing or unknown one. Every stored digest is compared,
     * in constant time each.
     */
    public Optional<Principal> authenticate(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] d = sha256(presented);
        int match = -1;
        for (int i = 0; i < digests.size(); i++) {
            if (MessageDigest.isEqual(digests.get(i), d) & match < 0) {
                match = i;
            }
        }
        return match < 0 ? Optional.empty() : Optional.of(new Principal(match, roles.get(match)));
    }

    /** Number of tokens. */
    public int size() {
        return digests.size();
    }

    /** Number of tokens with {@code role}. */
    public int count(Role role) {
        int n = 0;
        for (Role r : roles) {
            if (r == role) {
                n++;
            }
        }
        return n;
    }

    /** Counts only: never a token. */
    @Override
    public String toString() {
        return "ApiTokens[readOnly=" + count(Role.READ_ONLY) + ", trading=" + count(Role.TRADING) + "]";
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** Collects tokens. */
    public static final class Builder {
        private final List<byte[]> digests = new ArrayList<>();
        private final List<Role> roles = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a token.
         *
         * @param where names the source in an error (never the value)
         * @throws IllegalArgumentException if the token is too short, has blanks or commas, or is given twice
         */
        public Builder token(String token, Role role, String where) {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(role, "role");
            if (token.length() < MIN_TOKEN_CHARS) {
                throw new IllegalArgumentException("api tokens: " + where + ": a token needs at least "
                        + MIN_TOKEN_CHARS + " characters, this one has " + token.length());
            }
            for (int i = 0; i < token.length(); i++) {
                char c = token.charAt(i);
                if (c <= ' ' || c == ',' || c > '~') {
                    throw new IllegalArgumentException("api tokens: " + where
                            + ": a token may hold printable ASCII only, without blanks or commas");
                }
            }
            byte[] d = sha256(token);
            for (byte[] e : digests) {
                if (MessageDigest.isEqual(e, d)) {
                    throw new IllegalArgumentException("api tokens: " + where + ": the same token is given twice");
                }
            }
            digests.add(d);
            roles.add(role);
            return this;
        }

        /** Adds a token (from code). */
        public Builder token(String token, Role role) {
            return token(token, role, "token " + (digests.size() + 1));
        }

        /** The tokens. */
        public ApiTokens build() {
            return new ApiTokens(List.copyOf(digests), List.copyOf(roles));
        }
    }
}
