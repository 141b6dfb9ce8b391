package io.qtrade.connectors.live;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialsTest {

    private static final String KEY = "k3y-value-123";
    private static final String SECRET = "s3cret-value-456";
    private static final String TOKEN = "t0ken-value-789";

    @Test
    void binanceCredentialsComeFromTheDocumentedVariables() {
        Credentials c = Credentials.binanceFromEnvironment(Map.of("BINANCE_API_KEY", KEY, "BINANCE_API_SECRET", SECRET));
        assertThat(c.apiKey().reveal()).isEqualTo(KEY);
        assertThat(c.apiSecret().reveal()).isEqualTo(SECRET);
        assertThat(c.accessToken()).isEmpty();
    }

    @Test
    void kiteCredentialsReadTheOptionalAccessToken() {
        Credentials c = Credentials.kiteFromEnvironment(Map.of("KITE_API_KEY", KEY, "KITE_API_SECRET", SECRET,
                "KITE_ACCESS_TOKEN", TOKEN));
        assertThat(c.accessToken().orElseThrow().reveal()).isEqualTo(TOKEN);
        assertThat(Credentials.kiteFromEnvironment(Map.of("KITE_API_KEY", KEY, "KITE_API_SECRET", SECRET))
                .accessToken()).isEmpty();
    }

    @Test
    void toStringNamesTheSourcesAndMasksEveryValue() {
        Credentials c = Credentials.kiteFromEnvironment(Map.of("KITE_API_KEY", KEY, "KITE_API_SECRET", SECRET,
                "KITE_ACCESS_TOKEN", TOKEN));
        assertThat(c.toString()).isEqualTo("Credentials[apiKey=ApiSecret[KITE_API_KEY, ****], apiSecret="
                + "ApiSecret[KITE_API_SECRET, ****], accessToken=ApiSecret[KITE_ACCESS_TOKEN, ****]]");
        assertThat(c.apiSecret().occursIn(c.toString())).isFalse();
    }

    @Test
    void missingOrBlankVariableIsNamedWithoutAnyValue() {
        assertThatThrownBy(() -> Credentials.binanceFromEnvironment(Map.of("BINANCE_API_KEY", KEY)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("environment variable BINANCE_API_SECRET is not set: expected the account's value");
        assertThatThrownBy(() -> Credentials.binanceFromEnvironment(Map.of("BINANCE_API_KEY", KEY,
                "BINANCE_API_SECRET", "  "))).hasMessageContaining("BINANCE_API_SECRET is blank")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
    }

    @Test
    void fileCredentialsUseTheSameKeysAndNameTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("binance.properties");
        Files.writeString(file, "BINANCE_API_KEY=" + KEY + "\nBINANCE_API_SECRET = " + SECRET + "\n");
        Credentials c = Credentials.binanceFromFile(file);
        assertThat(c.apiSecret().reveal()).isEqualTo(SECRET);
        Path partial = dir.resolve("kite.properties");
        Files.writeString(partial, "KITE_API_KEY=" + KEY + "\n");
        assertThatThrownBy(() -> Credentials.kiteFromFile(partial))
                .hasMessage("key in " + partial + " KITE_API_SECRET is not set: expected the account's value");
    }
}
