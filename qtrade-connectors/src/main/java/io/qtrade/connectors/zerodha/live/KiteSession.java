package io.qtrade.connectors.zerodha.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.qtrade.connectors.live.ApiSecret;
import io.qtrade.connectors.live.Credentials;
import io.qtrade.connectors.live.VenueException;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The Kite Connect login flow's last step (Kite Connect v3 docs, "User: login flow"): the {@code request_token}
 * returned to the redirect URL is exchanged for the day's access token with
 * <pre>{@code
 * POST /session/token   api_key, request_token, checksum
 * checksum = lowercase hex( SHA-256( api_key + request_token + api_secret ) )
 * }</pre>
 * and the answer's {@code data.access_token} becomes the credentials' access token.
 */
public final class KiteSession {

    /** Kite's REST base. */
    public static final URI KITE_API = URI.create("https://api.kite.trade");

    private final URI base;
    private final HttpClient http;

    /**
     * @param base REST base ({@link #KITE_API}, or a loopback venue)
     * @param http the JDK client
     */
    public KiteSession(URI base, HttpClient http) {
        this.base = Objects.requireNonNull(base, "base");
        this.http = Objects.requireNonNull(http, "http");
    }

    /** {@code lowercase hex(SHA-256(apiKey + requestToken + apiSecret))}. */
    public static String checksum(String apiKey, String requestToken, ApiSecret apiSecret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] d = sha.digest((apiKey + requestToken + apiSecret.reveal()).getBytes(StandardCharsets.UTF_8));
            StringBuilder s = new StringBuilder(64);
            for (byte b : d) {
                s.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return s.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }

    /**
     * Exchanges {@code requestToken} for an access token.
     *
     * @return the credentials with the access token
     * @throws VenueException when Kite refuses (an expired or used request token is a TokenException)
     */
    public Credentials exchange(Credentials credentials, String requestToken) {
        Map<String, String> form = new LinkedHashMap<>();
        String key = credentials.apiKey().reveal();
        form.put("api_key", key);
        form.put("request_token", requestToken);
        form.put("checksum", checksum(key, requestToken, credentials.apiSecret()));
        JsonNode data = KiteRest.call(http, base, "POST", "/session/token", form, null);
        JsonNode token = data.get("access_token");
        if (token == null || !token.isTextual() || token.asText().isBlank()) {
            throw new VenueException(KiteRest.VENUE, VenueException.Reason.MALFORMED_RESPONSE, 200, "", 0,
                    "POST /session/token: no access_token in the answer");
        }
        return credentials.withAccessToken(ApiSecret.of(Credentials.KITE_ACCESS_TOKEN, token.asText()));
    }

    @Override
    public String toString() {
        return "KiteSession[base=" + base + "]";
    }
}
