package io.qtrade.server;

import io.qtrade.core.Instrument;
import io.qtrade.server.tap.EngineTap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * TLS with a user-given key store: a self-signed PKCS#12 key store made by the JDK's {@code keytool} for 127.0.0.1.
 * A client that trusts the certificate gets HTTPS answers and a WSS stream; one that does not is refused at the
 * handshake; plain HTTP to the port gets no API answer; the password never appears in the settings' text.
 */
class ServerTlsTest {

    private static final String PASSWORD = "test-keystore-password-0123";

    private static Path keyStore(Path dir) throws Exception {
        Path ks = dir.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "qtrade", "-keyalg", "EC",
                "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=localhost", "-ext",
                "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass",
                PASSWORD).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("keytool: %s", out).isZero();
        return ks;
    }

    private static SSLContext trusting(Path ks) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("qtrade", store.getCertificate("qtrade"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl;
    }

    @Test
    void httpsAndWssWithAGeneratedSelfSignedKeyStore(@TempDir Path dir) throws Exception {
        Path ks = keyStore(dir);
        Instrument btc = Instrument.spot("BTCUSDT", "BINANCE", 0.01, 0.00001);
        EngineTap tap = EngineTap.builder(List.of(btc)).build();
        tap.wrap("mm", new io.qtrade.server.tap.Joiner());
        ServerConfig config = PaperFixture.config().tls(TlsConfig.pkcs12(ks, PASSWORD)).build();
        assertThat(config.toString()).contains("TlsConfig[PKCS12 ").doesNotContain(PASSWORD);
        try (QtradeServer server = QtradeServer.start(tap, config)) {
            assertThat(server.baseUrl()).startsWith("https://127.0.0.1:");
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(ks))
                    .connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                    + "/api/v1/instruments")).header("Authorization", "Bearer " + PaperFixture.READ_TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"id\":\"BTCUSDT@BINANCE\"");
            assertThat(health.sslSession()).isPresent();
            // Still authenticated as over HTTP: no token, 401.
            assertThat(client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/instruments"))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

            ServerSecurityTest.Recorder r = new ServerSecurityTest.Recorder();
            r.socket = client.newWebSocketBuilder().header("Authorization", "Bearer " + PaperFixture.READ_TOKEN)
                    .buildAsync(URI.create(server.baseUrl().replace("https", "wss") + "/api/v1/stream"), r)
                    .get(10, TimeUnit.SECONDS);
            r.socket.sendText("{\"op\":\"subscribe\",\"topics\":[\"top\"]}", true);
            assertThat(Http.await(() -> r.messages.stream().anyMatch(m -> m.startsWith("{\"type\":\"subscribed\"")),
                    10)).isTrue();
            assertThat(r.messages.get(0)).isEqualTo("{\"type\":\"authenticated\",\"role\":\"READ_ONLY\"}");
            r.socket.abort();

            // A client that does not trust the certificate is refused at the handshake.
            HttpClient untrusting = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            assertThatThrownBy(() -> untrusting.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                    + "/api/v1/instruments")).build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class);
            // Plain HTTP on the TLS port gets no API answer.
            HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String http = server.baseUrl().replace("https", "http") + "/api/v1/instruments";
            HttpResponse<String> answer = null;
            try {
                answer = plain.send(HttpRequest.newBuilder(URI.create(http)).timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + PaperFixture.READ_TOKEN).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException refused) {
                // the TLS connector closes the connection: no answer at all
            }
            if (answer != null) {
                assertThat(answer.statusCode()).isNotEqualTo(200);
                assertThat(answer.body()).doesNotContain("BTCUSDT");
            }
        }
    }

    @Test
    void aMissingKeyStoreIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.p12");
        assertThatThrownBy(() -> TlsConfig.pkcs12(missing, PASSWORD)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope.p12").hasMessageNotContaining(PASSWORD);
        assertThatThrownBy(() -> new TlsConfig(dir, PASSWORD, "PEM")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keyStoreType");
    }
}
