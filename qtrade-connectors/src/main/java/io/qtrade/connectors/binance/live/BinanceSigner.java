package io.qtrade.connectors.binance.live;

import io.qtrade.connectors.live.ApiSecret;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * Signs Binance {@code SIGNED} requests exactly as Binance documents ("SIGNED (TRADE and USER_DATA) Endpoint
 * security", spot REST API general info):
 * <pre>{@code
 * signature = lowercase hex( HMAC-SHA256(key = secretKey, message = totalParams) )
 * totalParams = query string (concatenated with the request body for a form-encoded body), as sent, percent-encoded
 * }</pre>
 * The signature is appended as the last parameter {@code &signature=...}. Thread-safe.
 */
public final class BinanceSigner {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final ApiSecret secret;
    private final Mac mac;

    /** A signer with the account's API secret. */
    public BinanceSigner(ApiSecret secret) {
        this.secret = Objects.requireNonNull(secret, "secret");
        try {
            this.mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    /** The lowercase hex HMAC-SHA256 of {@code totalParams}. */
    public synchronized String sign(String totalParams) {
        byte[] digest = mac.doFinal(totalParams.getBytes(StandardCharsets.UTF_8));
        char[] out = new char[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
            out[2 * i] = HEX[(digest[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[digest[i] & 0xF];
        }
        return new String(out);
    }

    @Override
    public String toString() {
        return "BinanceSigner[HmacSHA256, secret=" + secret + "]";
    }
}
