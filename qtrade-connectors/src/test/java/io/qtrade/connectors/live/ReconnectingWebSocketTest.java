package io.qtrade.connectors.live;

import io.qtrade.connectors.replay.LoopbackVenue;
import io.qtrade.connectors.replay.ReplayFrame;
import io.qtrade.core.time.SystemClock;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ReconnectingWebSocketTest {

    /** Records what the connection hands over. */
    private static final class Recording implements ReconnectingWebSocket.Handler {
        final List<String> texts = new CopyOnWriteArrayList<>();
        final List<String> disconnects = new CopyOnWriteArrayList<>();
        int opens;

        @Override
        public void onOpen(WebSocket socket) {
            opens++;
        }

        @Override
        public void onText(CharSequence text) {
            if (text.toString().equals("bad")) {
                throw new IllegalStateException("handler failure on purpose");
            }
            texts.add(text.toString());
        }

        @Override
        public void onBinary(ByteBuffer data) {
            texts.add("binary:" + data.remaining());
        }

        @Override
        public void onDisconnect(String reason) {
            disconnects.add(reason);
        }

        @Override
        public boolean resetOnError(RuntimeException error) {
            return true;
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @Test
    void connectionsReachingTheMaximumAgeAreReopenedAtOnceWithoutBackoff() throws Exception {
        List<Long> delays = new CopyOnWriteArrayList<>();
        try (LoopbackVenue venue = LoopbackVenue.builder(List.of()).start()) {
            Recording handler = new Recording();
            URI uri = URI.create(venue.webSocketBase() + "/ws");
            ReconnectingWebSocket ws = new ReconnectingWebSocket("age", () -> uri, HttpClient.newHttpClient(), handler,
                    ReconnectPolicy.defaults(1), delays::add, new SystemClock(), TimeUnit.MILLISECONDS.toNanos(150),
                    TimeUnit.HOURS.toNanos(1));
            ws.start();
            await(() -> ws.connects() >= 3);
            ws.close();
            assertThat(ws.rotations()).isGreaterThanOrEqualTo(2);
            assertThat(ws.connects()).isGreaterThanOrEqualTo(3);
            assertThat(delays).isEmpty(); // a planned rotation does not back off
            assertThat(handler.disconnects).allMatch(r -> r.startsWith("rotation"));
        }
    }

    @Test
    void aSilentConnectionIsTakenForDeadAndReopenedWithBackoff() throws Exception {
        List<Long> delays = new CopyOnWriteArrayList<>();
        try (LoopbackVenue venue = LoopbackVenue.builder(List.of()).start()) {
            Recording handler = new Recording();
            URI uri = URI.create(venue.webSocketBase() + "/ws");
            ReconnectingWebSocket ws = new ReconnectingWebSocket("idle", () -> uri, HttpClient.newHttpClient(),
                    handler, new ReconnectPolicy(1_000_000, 10_000_000, 2, 0, 5, 1), delays::add, new SystemClock(),
                    TimeUnit.HOURS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(100));
            ws.start();
            await(() -> ws.connects() >= 2);
            ws.close();
            assertThat(ws.idleResets()).isGreaterThanOrEqualTo(1);
            assertThat(handler.disconnects.get(0)).startsWith("silent for").contains("idle timeout 100 ms");
            assertThat(delays.get(0)).isEqualTo(1_000_000L); // unlike a rotation, a dead connection backs off
        }
    }

    @Test
    void pingsAreAnsweredWithPongsAndCounted() throws Exception {
        try (LoopbackVenue venue = LoopbackVenue.builder(List.of()).start()) {
            Recording handler = new Recording();
            URI uri = URI.create(venue.webSocketBase() + "/ws");
            ReconnectingWebSocket ws = new ReconnectingWebSocket("ping", () -> uri, HttpClient.newHttpClient(),
                    handler, ReconnectPolicy.defaults(1), n -> { }, new SystemClock(), TimeUnit.HOURS.toNanos(1),
                    TimeUnit.HOURS.toNanos(1));
            ws.start();
            await(() -> venue.connections() == 1 && ws.isConnected());
            assertThat(venue.ping()).isEqualTo(1);
            assertThat(venue.ping()).isEqualTo(1);
            await(() -> venue.pongs() == 2 && ws.pings() == 2);
            ws.close();
            assertThat(venue.pongs()).isEqualTo(2);
            assertThat(ws.pings()).isEqualTo(2);
            assertThat(ws.disconnects()).isZero();
        }
    }

    @Test
    void aHandlerFailureThatAsksForAResetReconnectsAndMessagesFlowAgain() throws Exception {
        List<ReplayFrame> frames = List.of(ReplayFrame.text("one"), ReplayFrame.text("bad"), ReplayFrame.text("two"),
                ReplayFrame.binary(new byte[] {1, 2, 3}));
        List<Long> delays = new CopyOnWriteArrayList<>();
        try (LoopbackVenue venue = LoopbackVenue.builder(frames).frameIntervalNanos(TimeUnit.MILLISECONDS.toNanos(5))
                .start()) {
            Recording handler = new Recording();
            URI uri = URI.create(venue.webSocketBase() + "/ws");
            ReconnectingWebSocket ws = new ReconnectingWebSocket("reset", () -> uri, HttpClient.newHttpClient(),
                    handler, new ReconnectPolicy(1_000_000, 10_000_000, 2, 0, 3, 1), delays::add, new SystemClock(),
                    TimeUnit.HOURS.toNanos(1), TimeUnit.HOURS.toNanos(1));
            ws.start();
            await(() -> handler.texts.size() >= 2 && ws.connects() == 2);
            ws.close();
            assertThat(ws.handlerErrors()).isEqualTo(1);
            assertThat(ws.connects()).isEqualTo(2);
            assertThat(delays).containsExactly(1_000_000L); // no jitter: the first cap
            assertThat(handler.texts.get(0)).isEqualTo("one");
        }
    }
}
