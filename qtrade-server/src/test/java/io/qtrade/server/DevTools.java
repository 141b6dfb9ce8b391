package io.qtrade.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal Chrome DevTools protocol client over the browser's remote-debugging WebSocket (the JDK's
 * {@code java.net.http.WebSocket}; no chromedriver, no Selenium): launches headless Chromium with a fresh profile and
 * the network services off, opens one page target in flat session mode, sends commands and collects the page's
 * exceptions and console errors. Protocol: https://chromedevtools.github.io/devtools-protocol/ .
 */
final class DevTools implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final WebSocket socket;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    final List<String> pageErrors = new CopyOnWriteArrayList<>();
    private String session;

    /** Debian's {@code /usr/bin/chromium} (or chromium / chromium-browser on the PATH), or null. */
    static Path chromium() {
        for (String p : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
            if (Files.isExecutable(Path.of(p))) {
                return Path.of(p);
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                for (String name : new String[] {"chromium", "chromium-browser"}) {
                    Path p = Path.of(dir, name);
                    if (Files.isExecutable(p)) {
                        return p;
                    }
                }
            }
        }
        return null;
    }

    private DevTools(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    /** Launches Chromium headless, its log to {@code dir/chromium.log}, and opens a blank page. */
    static DevTools launch(Path chromium, Path dir) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
                "--user-data-dir=" + dir.resolve("profile"), "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0", "about:blank"));
        Process p = new ProcessBuilder(cmd).redirectOutput(dir.resolve("chromium.out").toFile()).start();
        CompletableFuture<String> endpoint = new CompletableFuture<>();
        Thread drain = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(),
                    StandardCharsets.UTF_8)); PrintWriter log = new PrintWriter(Files.newBufferedWriter(
                    dir.resolve("chromium.log")), true)) {
                String line;
                while ((line = r.readLine()) != null) {
                    log.println(line);
                    int at = line.indexOf("DevTools listening on ");
                    if (at >= 0) {
                        endpoint.complete(line.substring(at + "DevTools listening on ".length()).strip());
                    }
                }
                endpoint.completeExceptionally(new IOException("chromium exited before listening, see "
                        + dir.resolve("chromium.log")));
            } catch (IOException e) {
                endpoint.completeExceptionally(e);
            }
        }, "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        String url = endpoint.get(90, TimeUnit.SECONDS);
        DevTools[] self = new DevTools[1];
        Listener listener = new Listener(self);
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), listener)
                .get(30, TimeUnit.SECONDS);
        DevTools d = new DevTools(p, ws);
        self[0] = d;
        String target = d.call("Target.createTarget", obj("url", "about:blank"), null).get("targetId").asText();
        d.session = d.call("Target.attachToTarget", obj("targetId", target, "flatten", true), null)
                .get("sessionId").asText();
        d.send("Runtime.enable", obj());
        d.send("Page.enable", obj());
        return d;
    }

    static ObjectNode obj(Object... kv) {
        ObjectNode n = JSON.createObjectNode();
        for (int i = 0; i < kv.length; i += 2) {
            n.set((String) kv[i], JSON.valueToTree(kv[i + 1]));
        }
        return n;
    }

    /** A command to the page; its result. */
    JsonNode send(String method, ObjectNode params) throws Exception {
        return call(method, params, session);
    }

    private JsonNode call(String method, ObjectNode params, String sessionId) throws Exception {
        long id = ids.incrementAndGet();
        ObjectNode msg = obj("id", id, "method", method);
        msg.set("params", params);
        if (sessionId != null) {
            msg.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        socket.sendText(JSON.writeValueAsString(msg), true).get(30, TimeUnit.SECONDS);
        JsonNode answer = f.get(60, TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new IllegalStateException(method + ": " + answer.get("error"));
        }
        return answer.get("result");
    }

    /** Evaluates a JavaScript expression in the page; its value (by value). */
    JsonNode eval(String expression) throws Exception {
        JsonNode r = send("Runtime.evaluate", obj("expression", expression, "returnByValue", true));
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException("page exception evaluating " + expression + ": " + r.get("exceptionDetails"));
        }
        JsonNode v = r.get("result").get("value");
        return v == null ? JSON.nullNode() : v;
    }

    /** A left click at the centre of the element {@code selector}, as a mouse press and release. */
    void click(String selector) throws Exception {
        JsonNode rect = eval("(() => { const r = document.querySelector('" + selector
                + "').getBoundingClientRect(); return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()");
        double x = rect.get("x").asDouble();
        double y = rect.get("y").asDouble();
        send("Input.dispatchMouseEvent", obj("type", "mouseMoved", "x", x, "y", y));
        send("Input.dispatchMouseEvent", obj("type", "mousePressed", "x", x, "y", y, "button", "left",
                "clickCount", 1));
        send("Input.dispatchMouseEvent", obj("type", "mouseReleased", "x", x, "y", y, "button", "left",
                "clickCount", 1));
    }

    /** A PNG of the page's viewport. */
    byte[] screenshot() throws Exception {
        return java.util.Base64.getDecoder().decode(send("Page.captureScreenshot", obj("format", "png"))
                .get("data").asText());
    }

    private void onMessage(String text) {
        try {
            JsonNode m = JSON.readTree(text);
            if (m.has("id")) {
                CompletableFuture<JsonNode> f = pending.remove(m.get("id").asLong());
                if (f != null) {
                    f.complete(m);
                }
                return;
            }
            String method = m.path("method").asText();
            if (method.equals("Runtime.exceptionThrown")) {
                pageErrors.add("exception: " + m.path("params").path("exceptionDetails"));
            } else if (method.equals("Runtime.consoleAPICalled")
                    && m.path("params").path("type").asText().equals("error")) {
                pageErrors.add("console.error: " + m.path("params").path("args"));
            }
        } catch (IOException e) {
            pageErrors.add("unreadable DevTools message: " + e);
        }
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // the browser goes anyway
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static final class Listener implements WebSocket.Listener {
        private final DevTools[] owner;
        private final StringBuilder part = new StringBuilder();

        Listener(DevTools[] owner) {
            this.owner = owner;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            part.append(data);
            if (last) {
                String text = part.toString();
                part.setLength(0);
                // Set before the first command is sent, so before the first message.
                owner[0].onMessage(text);
            }
            webSocket.request(1);
            return null;
        }
    }
}
