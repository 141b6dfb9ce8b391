package io.qtrade.connectors.live;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * A venue account's secrets: the API key, the API secret and, for Kite Connect, the day's access token. Loaded from
 * environment variables or from a {@code key=value} properties file; nothing is ever printed: {@link #toString()}
 * lists the names the values came from, masked.
 *
 * <h2>Names</h2>
 * <table>
 * <caption>Environment variables and file keys</caption>
 * <tr><th>venue</th><th>API key</th><th>API secret</th><th>access token</th></tr>
 * <tr><td>Binance</td><td>{@code BINANCE_API_KEY}</td><td>{@code BINANCE_API_SECRET}</td><td>-</td></tr>
 * <tr><td>Kite Connect</td><td>{@code KITE_API_KEY}</td><td>{@code KITE_API_SECRET}</td>
 *     <td>{@code KITE_ACCESS_TOKEN} (optional: a session exchange makes one)</td></tr>
 * </table>
 * A file holds the same names as keys ({@code BINANCE_API_KEY=...}); a missing or blank required one is an error
 * naming the variable or the file and key, never showing a value.
 */
public final class Credentials {

    /** Environment variable (or file key) of the Binance API key. */
    public static final String BINANCE_API_KEY = "BINANCE_API_KEY";
    /** Environment variable (or file key) of the Binance API secret. */
    public static final String BINANCE_API_SECRET = "BINANCE_API_SECRET";
    /** Environment variable (or file key) of the Kite Connect API key. */
    public static final String KITE_API_KEY = "KITE_API_KEY";
    /** Environment variable (or file key) of the Kite Connect API secret. */
    public static final String KITE_API_SECRET = "KITE_API_SECRET";
    /** Environment variable (or file key) of the Kite Connect access token. */
    public static final String KITE_ACCESS_TOKEN = "KITE_ACCESS_TOKEN";

    private final ApiSecret apiKey;
    private final ApiSecret apiSecret;
    private final ApiSecret accessToken;

    /**
     * @param apiKey      the API key
     * @param apiSecret   the API secret
     * @param accessToken the session's access token, or null when there is none yet
     */
    public Credentials(ApiSecret apiKey, ApiSecret apiSecret, ApiSecret accessToken) {
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.apiSecret = Objects.requireNonNull(apiSecret, "apiSecret");
        this.accessToken = accessToken;
    }

    /** Binance credentials from {@code BINANCE_API_KEY} and {@code BINANCE_API_SECRET} in {@code env}. */
    public static Credentials binanceFromEnvironment(Map<String, String> env) {
        return new Credentials(required(env, BINANCE_API_KEY, "environment variable"),
                required(env, BINANCE_API_SECRET, "environment variable"), null);
    }

    /** Kite credentials from {@code KITE_API_KEY}, {@code KITE_API_SECRET} and, if set, {@code KITE_ACCESS_TOKEN}. */
    public static Credentials kiteFromEnvironment(Map<String, String> env) {
        return new Credentials(required(env, KITE_API_KEY, "environment variable"),
                required(env, KITE_API_SECRET, "environment variable"), optional(env, KITE_ACCESS_TOKEN));
    }

    /** Binance credentials from a properties file with the keys {@code BINANCE_API_KEY}, {@code BINANCE_API_SECRET}. */
    public static Credentials binanceFromFile(Path file) {
        Map<String, String> values = read(file);
        String where = "key in " + file;
        return new Credentials(required(values, BINANCE_API_KEY, where), required(values, BINANCE_API_SECRET, where),
                null);
    }

    /** Kite credentials from a properties file with the keys {@code KITE_API_KEY}, {@code KITE_API_SECRET}, ... */
    public static Credentials kiteFromFile(Path file) {
        Map<String, String> values = read(file);
        String where = "key in " + file;
        return new Credentials(required(values, KITE_API_KEY, where), required(values, KITE_API_SECRET, where),
                optional(values, KITE_ACCESS_TOKEN));
    }

    /** A copy with the given access token (after a Kite session exchange). */
    public Credentials withAccessToken(ApiSecret token) {
        return new Credentials(apiKey, apiSecret, Objects.requireNonNull(token, "token"));
    }

    /** The API key. */
    public ApiSecret apiKey() {
        return apiKey;
    }

    /** The API secret. */
    public ApiSecret apiSecret() {
        return apiSecret;
    }

    /** The access token, if any. */
    public Optional<ApiSecret> accessToken() {
        return Optional.ofNullable(accessToken);
    }

    private static ApiSecret required(Map<String, String> values, String name, String where) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(where + " " + name + " is " + (v == null ? "not set" : "blank")
                    + ": expected the account's value");
        }
        return ApiSecret.of(name, v.strip());
    }

    private static ApiSecret optional(Map<String, String> values, String name) {
        String v = values.get(name);
        return v == null || v.isBlank() ? null : ApiSecret.of(name, v.strip());
    }

    private static Map<String, String> read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("reading credentials file " + file, e);
        }
        Map<String, String> out = new java.util.HashMap<>();
        for (String k : p.stringPropertyNames()) {
            out.put(k, p.getProperty(k));
        }
        return out;
    }

    @Override
    public String toString() {
        return "Credentials[apiKey=" + apiKey + ", apiSecret=" + apiSecret + ", accessToken="
                + (accessToken == null ? "none" : accessToken.toString()) + "]";
    }
}
