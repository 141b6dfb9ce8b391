package io.qtrade.connectors.live;

import io.qtrade.core.time.SystemClock;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 18, item 15: secrets in URIs never reach a log line, a disconnect reason or an exception message. */
class RedactionTest {

    private static final String API_KEY = "kiteapikey7q2";
    private static final String ACCESS_TOKEN = "kiteaccesstoken9x7";
    private static final String LISTEN_KEY = "pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1";

    @Test
    void queryValuesLongTokensAndUserInfoAreMasked() {
        String text = "java.lang.IllegalArgumentException: URI has a fragment: wss://ws.kite.trade/?api_key="
                + API_KEY + "&access_token=" + ACCESS_TOKEN + "#x and wss://stream.binance.com/ws/" + LISTEN_KEY
                + " and https://user:pw@host/x";
        String out = Redaction.redact(text);
        assertThat(out).doesNotContain(API_KEY, ACCESS_TOKEN, LISTEN_KEY, "user:pw")
                .contains("?api_key=***&access_token=***", "/ws/***", "https://***@host/x");
        assertThat(Redaction.redact("connection attempt 3 failed: java.net.ConnectException"))
                .isEqualTo("connection attempt 3 failed: java.net.ConnectException");
        // Class names are long words too, but without digits: they stay readable.
        assertThat(Redaction.redact("java.lang.IllegalArgumentException: x; ArrayIndexOutOfBoundsException2"))
                .isEqualTo("java.lang.IllegalArgumentException: x; ***");
    }

    @Test
    void aFailedConnectionAttemptLogsNoSecretWhenTheJdkQuotesTheUri() throws Exception {
        // A fragment makes the JDK's WebSocket builder refuse the URI with a message that quotes it whole: before,
        // that text went to a WARN line on every retry with the api_key and access_token in it.
        URI uri = URI.create("ws://127.0.0.1:1/ws/" + LISTEN_KEY + "?api_key=" + API_KEY + "&access_token="
                + ACCESS_TOKEN + "#frag");
        List<String> reasons = new CopyOnWriteArrayList<>();
        ReconnectingWebSocket.Handler handler = new ReconnectingWebSocket.Handler() {
            @Override
            public void onOpen(WebSocket socket) {
            }

            @Override
            public void onText(CharSequence text) {
            }

            @Override
            public void onBinary(ByteBuffer data) {
            }

            @Override
            public void onDisconnect(String reason) {
                reasons.add(reason);
            }

            @Override
            public boolean resetOnError(RuntimeException error) {
                return true;
            }
        };
        String logged = captureStderr(() -> {
            ReconnectingWebSocket ws = new ReconnectingWebSocket("kite", () -> uri, HttpClient.newHttpClient(),
                    handler, new ReconnectPolicy(1_000, 1_000, 1, 0, 3, 1), n -> { }, new SystemClock(),
                    TimeUnit.HOURS.toNanos(1), TimeUnit.HOURS.toNanos(1));
            ws.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!ws.gaveUp() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            ws.close();
        });
        assertThat(logged).contains("connection attempt 1 failed").contains("api_key=***")
                .doesNotContain(API_KEY, ACCESS_TOKEN, LISTEN_KEY);
        assertThat(String.join("\n", reasons)).doesNotContain(API_KEY, ACCESS_TOKEN, LISTEN_KEY);
    }

    @Test
    void venueExceptionMessagesAreRedacted() {
        VenueException e = new VenueException("KITE", VenueException.Reason.VENUE_ERROR, 0, "", 0,
                "GET https://api.kite.trade/quote?api_key=" + API_KEY + ": no answer");
        assertThat(e.getMessage()).doesNotContain(API_KEY).contains("api_key=***");
    }

    /** The slf4j-simple backend of the tests writes to whatever System.err is at the time of the call. */
    private static String captureStderr(ThrowingRunnable body) throws Exception {
        PrintStream saved = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setErr(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
