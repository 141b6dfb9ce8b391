package io.qtrade.sql.clickhouse;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A loopback HTTP server standing in for ClickHouse in tests that need exact control of the bytes: it records each
 * request and answers with what the test's responder returns (status and body, sent in full with its length).
 */
final class FakeClickHouse implements AutoCloseable {

    /** One request as received. */
    record Request(String method, String rawQuery, String authorization, String contentEncoding, byte[] body) {
        /** The decoded value of URL parameter {@code name}, or {@code null}. */
        String param(String name) {
            if (rawQuery == null) {
                return null;
            }
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (pair.substring(0, eq).equals(name)) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** What the fake answers. */
    record Response(int status, byte[] body) {
        static Response ok(byte[] body) {
            return new Response(200, body);
        }
    }

    private final HttpServer server;
    final List<Request> requests = new ArrayList<>();

    FakeClickHouse(Function<Request, Response> responder) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> handle(exchange, responder));
        server.start();
    }

    private synchronized void record(Request request) {
        requests.add(request);
    }

    private void handle(HttpExchange exchange, Function<Request, Response> responder) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Encoding"), body);
            record(request);
            Response response = responder.apply(request);
            byte[] body2 = response.body();
            exchange.sendResponseHeaders(response.status(), body2.length == 0 ? -1 : body2.length);
            if (body2.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body2);
                }
            }
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    ClickHouseClient client() {
        return ClickHouseClient.builder(endpoint()).build();
    }

    synchronized Request last() {
        return requests.get(requests.size() - 1);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Builds a response body in the source's RowBinary layout, the way ClickHouse would send it. */
    static final class Rows {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Rows row(String symbol, long exchTs, long localTs, int kind, int side, double price, double qty,
                 long orderId, int flags) {
            byte[] s = ClickHouseSink.rowBinaryString(symbol);
            out.writeBytes(s);
            ByteBuffer b = ByteBuffer.allocate(ClickHouseSource.FIXED_ROW_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            b.putLong(exchTs).putLong(localTs).put((byte) kind).put((byte) side).putDouble(price).putDouble(qty)
                    .putLong(orderId).putInt(flags);
            out.writeBytes(b.array());
            return this;
        }

        Rows raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        int size() {
            return out.size();
        }
    }
}
