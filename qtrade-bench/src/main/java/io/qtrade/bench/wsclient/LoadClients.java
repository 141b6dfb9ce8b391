package io.qtrade.bench.wsclient;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The client JVM of {@code ServerLoad}: {@code clients} WebSocket clients of qtrade-server's stream, subscribed to
 * top of book and fills, all served by <b>one thread</b> with one NIO {@link Selector}, speaking RFC 6455 by hand.
 *
 * <h2>Why not {@code java.net.http} or Jetty's client</h2>
 * A load generator must cost far less than the system it loads, or on a small machine it measures itself: with
 * {@code java.net.http} the 50 clients took a whole core (62 CPU-s a minute for about 560,000 messages a second, with
 * a selector thread, executor threads, a {@code CharBuffer} decoded per frame part and a {@code CompletableFuture}
 * per {@code request(1)}), on a 2-core machine where the engine needs one. Jetty's client (on the class path through
 * Javalin) would decode text the same way, and its raw-payload path still runs a thread pool and a frame flusher per
 * connection. Here a socket read lands in one heap array; {@link WsFrameParser} walks the frame headers in it and
 * hands the payload ranges, uncopied, to {@link StreamLines}, which finds the {@code '\n'} between messages eight bytes
 * at a time; per message {@link StreamMessage} reads the {@code "type"} and the {@code "pub"} nanoTime (or a gap's
 * counts) from the bytes. No String, no object per message, no lock, one thread.
 *
 * <h2>The clients</h2>
 * <ul>
 *   <li>Opening handshake (RFC 6455, 4.1): {@code GET} with {@code Upgrade: websocket}, a random 16-byte
 *       {@code Sec-WebSocket-Key}, {@code Authorization: Bearer <token>}; the answer must be 101 with
 *       {@code Sec-WebSocket-Accept = base64(SHA-1(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"))}. Then one masked
 *       text frame {@code {"op":"subscribe","topics":["top","fills"]}} (a client's frames are masked: 5.3).</li>
 *   <li>Server frames: text/continuation (fragmented messages, a message across reads), ping answered by a masked
 *       pong with the same payload, close answered by a masked close and the socket closed; a masked server frame or
 *       any other protocol error closes the connection and is counted.</li>
 *   <li>The first {@code slow} clients are slow on purpose: once subscribed, each reads at most
 *       {@value #SLOW_READ_BYTES} bytes every {@value #SLOW_READ_MILLIS} ms, so that their sockets back up and the
 *       server's slow-client policy (conflation, counted and announced losses, disconnection) is exercised.</li>
 * </ul>
 *
 * <h2>Protocol with the harness</h2>
 * Arguments: {@code ws-uri token clients slow}. Prints {@code READY} once every client got its {@code subscribed}
 * reply. A line {@code STOP <fills>} on standard input (the engine's fill count) makes the clients read on until
 * every fast client has accounted for that many fills (received + announced lost by {@code gap} messages), or no
 * byte arrived at a fast client for {@value #QUIET_MILLIS} ms, or {@value #STOP_TIMEOUT_SECONDS} s passed; then a
 * {@code RESULT k=v ...} line, a {@code CLIENT ...} line per fast client not accounted for, and the process exits.
 * Delays are log2 histograms of microseconds from each message's {@code "pub"} ({@code System.nanoTime()} of the
 * engine's JVM: the same {@code CLOCK_MONOTONIC} on Linux) to the end of the read that brought it.
 */
public final class LoadClients {

    static final int SLOW_READ_MILLIS = 100;
    static final int SLOW_READ_BYTES = 8192;
    static final int QUIET_MILLIS = 3000;
    static final int STOP_TIMEOUT_SECONDS = 60;
    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final byte[] PUB = StreamMessage.key("pub");
    private static final byte[] LOST = StreamMessage.key("lost");
    private static final byte[] LOST_BY_TAP = StreamMessage.key("lostByEngineTap");
    private static final byte[] SUBSCRIBED = "\"subscribed\"".getBytes(StandardCharsets.US_ASCII);

    private final Client[] clients;
    private final int slow;
    private final Selector selector;
    private final byte[] readBytes = new byte[256 * 1024];
    private final ByteBuffer readBuffer = ByteBuffer.wrap(readBytes);
    private final ByteBuffer slowBuffer = ByteBuffer.wrap(readBytes).limit(SLOW_READ_BYTES).slice();
    private final long[] fillDelay = new long[64];
    private final long[] topDelay = new long[64];
    private long maxDelayMicros;
    private long nowNanos;
    private long lastByteNanos = System.nanoTime();
    private long bytesRead;
    private long reads;
    private long protocolErrors;
    private volatile long expectedFills = -1;
    private volatile long loopCpuNanos;
    private final Random random = new SecureRandom();

    private LoadClients(int clients, int slow) throws IOException {
        this.clients = new Client[clients];
        this.slow = slow;
        this.selector = Selector.open();
    }

    public static void main(String[] args) throws Exception {
        run(args, System.in, System.out);
        System.exit(0);
    }

    /**
     * The clients' whole life (what {@link #main} does, without exiting): connect, print {@code READY} to
     * {@code out}, read on until a {@code STOP <fills>} line on {@code in} and the fills accounted for, print the
     * result to {@code out}, close the sockets.
     */
    public static void run(String[] args, java.io.InputStream in, java.io.PrintStream out) throws Exception {
        LoadClients c = new LoadClients(Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        c.connect(URI.create(args[0]), args[1], out);
        Thread loop = new Thread(c::loop, "load-clients");
        loop.setDaemon(true);
        loop.start();
        // The harness's STOP line: the engine's fill count follows it.
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        long fills = 0;
        if (line != null && line.startsWith("STOP ")) {
            fills = Long.parseLong(line.substring(5).trim());
        }
        c.expectedFills = fills;
        c.selector.wakeup();
        loop.join(TimeUnit.SECONDS.toMillis(STOP_TIMEOUT_SECONDS + 10));
        out.print(c.result(fills));
        out.flush();
        c.selector.close();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Connecting

    private void connect(URI uri, String token, java.io.PrintStream out) throws IOException {
        int port = uri.getPort() > 0 ? uri.getPort() : 80;
        for (int i = 0; i < clients.length; i++) {
            SocketChannel ch = SocketChannel.open(new InetSocketAddress(uri.getHost(), port));
            ch.socket().setTcpNoDelay(true);
            Client c = new Client(i, i < slow, ch);
            clients[i] = c;
            byte[] leftover = handshake(ch, uri, token);
            nowNanos = System.nanoTime();
            c.parser.feed(leftover, 0, leftover.length);
            byte[] subscribe = "{\"op\":\"subscribe\",\"topics\":[\"top\",\"fills\"]}"
                    .getBytes(StandardCharsets.UTF_8);
            writeFully(ch, maskedFrame(0x1, subscribe, subscribe.length, -1, random));
            ch.configureBlocking(false);
            c.key = ch.register(selector, SelectionKey.OP_READ, c);
        }
        // Every client reads at full speed until it has its "subscribed" reply; then the slow ones slow down.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < until && !allSubscribed()) {
            selector.select(20);
            readSelected();
        }
        if (!allSubscribed()) {
            throw new IllegalStateException("load clients: not every client was subscribed within 30 s");
        }
        for (Client c : clients) {
            if (c.slow && c.key.isValid()) {
                c.key.interestOps(0);
            }
        }
        out.println("READY");
        out.flush();
    }

    private boolean allSubscribed() {
        for (Client c : clients) {
            if (!c.subscribed) {
                return false;
            }
        }
        return true;
    }

    /** The opening handshake (blocking); returns the bytes read after the response's header (frames already sent). */
    private byte[] handshake(SocketChannel ch, URI uri, String token) throws IOException {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                + "\r\nSec-WebSocket-Version: 13\r\nAuthorization: Bearer " + token + "\r\n\r\n";
        writeFully(ch, ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
        ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        int end = -1;
        while (end < 0) {
            if (!in.hasRemaining() || ch.read(in) < 0) {
                throw new ProtocolException("WebSocket handshake: no complete response header (" + in.position()
                        + " bytes read)");
            }
            end = headerEnd(in.array(), in.position());
        }
        String header = new String(in.array(), 0, end, StandardCharsets.ISO_8859_1);
        String[] lines = header.split("\r\n");
        if (!lines[0].startsWith("HTTP/1.1 101")) {
            throw new ProtocolException("WebSocket handshake: expected 101 Switching Protocols, got '" + lines[0] + "'");
        }
        String accept = null;
        boolean upgrade = false;
        for (String l : lines) {
            int colon = l.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = l.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = l.substring(colon + 1).trim();
            if (name.equals("sec-websocket-accept")) {
                accept = value;
            } else if (name.equals("upgrade")) {
                upgrade = value.equalsIgnoreCase("websocket");
            }
        }
        String expected = acceptFor(key);
        if (!upgrade || !expected.equals(accept)) {
            throw new ProtocolException("WebSocket handshake: Upgrade '" + upgrade + "', Sec-WebSocket-Accept '"
                    + accept + "', expected '" + expected + "' (RFC 6455, 4.1)");
        }
        byte[] rest = new byte[in.position() - end - 4];
        System.arraycopy(in.array(), end + 4, rest, 0, rest.length);
        return rest;
    }

    /** {@code base64(SHA-1(key + GUID))} (RFC 6455, 4.2.2). */
    static String acceptFor(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return Base64.getEncoder().encodeToString(
                    sha1.digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JDK", e);
        }
    }

    private static int headerEnd(byte[] b, int length) {
        for (int i = 0; i + 3 < length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /**
     * A client frame: FIN, {@code opcode}, the MASK bit and a random 4-byte key, the payload XORed with the key
     * (RFC 6455, 5.3); {@code code >= 0} puts a close status code before the payload.
     */
    static ByteBuffer maskedFrame(int opcode, byte[] payload, int length, int code, Random random) {
        int n = (length < 0 ? payload.length : length) + (code >= 0 ? 2 : 0);
        byte[] body = new byte[n];
        int k = 0;
        if (code >= 0) {
            body[k++] = (byte) (code >>> 8);
            body[k++] = (byte) code;
        }
        System.arraycopy(payload, 0, body, k, n - k);
        ByteBuffer f = ByteBuffer.allocate(14 + n);
        f.put((byte) (0x80 | opcode));
        if (n < 126) {
            f.put((byte) (0x80 | n));
        } else if (n < 65536) {
            f.put((byte) (0x80 | 126)).putShort((short) n);
        } else {
            f.put((byte) (0x80 | 127)).putLong(n);
        }
        byte[] mask = new byte[4];
        random.nextBytes(mask);
        f.put(mask);
        for (int i = 0; i < n; i++) {
            f.put((byte) (body[i] ^ mask[i & 3]));
        }
        return f.flip();
    }

    private static void writeFully(SocketChannel ch, ByteBuffer b) throws IOException {
        for (int spins = 0; b.hasRemaining(); spins++) {
            if (ch.write(b) == 0) {
                if (spins > 10_000) {
                    throw new IOException("WebSocket: could not write a " + b.limit() + "-byte client frame");
                }
                Thread.onSpinWait();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reading

    private void loop() {
        long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long nextSlow = System.nanoTime();
        long stopAt = Long.MAX_VALUE;
        try {
            while (true) {
                long wait = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextSlow - System.nanoTime()));
                selector.select(Math.min(wait, SLOW_READ_MILLIS));
                readSelected();
                long now = System.nanoTime();
                if (now >= nextSlow) {
                    nextSlow = now + TimeUnit.MILLISECONDS.toNanos(SLOW_READ_MILLIS);
                    for (Client c : clients) {
                        if (c.slow && !c.closed) {
                            read(c, slowBuffer, 1);
                        }
                    }
                }
                long expected = expectedFills;
                if (expected >= 0) {
                    if (stopAt == Long.MAX_VALUE) {
                        stopAt = now + TimeUnit.SECONDS.toNanos(STOP_TIMEOUT_SECONDS);
                    }
                    if (allAccounted(expected) || now - lastByteNanos > TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS)
                            || now > stopAt) {
                        break;
                    }
                }
            }
            for (Client c : clients) {
                c.channel.close();
            }
        } catch (IOException e) {
            throw new IllegalStateException("load clients: the selector failed", e);
        } finally {
            loopCpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0;
        }
    }

    private boolean allAccounted(long expected) {
        for (Client c : clients) {
            if (!c.slow && !c.closed && c.fills + c.lost + c.lostByTap < expected) {
                return false;
            }
        }
        return true;
    }

    private void readSelected() {
        Iterator<SelectionKey> it = selector.selectedKeys().iterator();
        while (it.hasNext()) {
            SelectionKey k = it.next();
            it.remove();
            if (k.isValid() && k.isReadable()) {
                read((Client) k.attachment(), readBuffer, 8);
            }
        }
    }

    /** Reads into {@code buffer} and parses, at most {@code times} reads (fewer when the socket runs dry). */
    private void read(Client c, ByteBuffer buffer, int times) {
        try {
            for (int i = 0; i < times && !c.closed; i++) {
                buffer.clear();
                int n = c.channel.read(buffer);
                if (n < 0) {
                    c.close(false);
                    return;
                }
                if (n == 0) {
                    return;
                }
                reads++;
                bytesRead += n;
                nowNanos = System.nanoTime();
                if (!c.slow) {
                    lastByteNanos = nowNanos;   // the slow clients' backlog must not hold the stop off
                }
                c.parser.feed(readBytes, 0, n);
                if (n < buffer.capacity()) {
                    return;
                }
            }
        } catch (ProtocolException e) {
            protocolErrors++;
            System.err.println("load client #" + c.index + ": " + e.getMessage());
            c.close(false);
        } catch (IOException e) {
            c.close(false);   // reset by the server (a slow client disconnected)
        }
    }

    private void delay(long pub, long[] buckets) {
        if (pub == StreamMessage.ABSENT || pub == 0) {
            return;   // the empty book before the first copy
        }
        long micros = Math.max(1, (nowNanos - pub) / 1000);
        buckets[63 - Long.numberOfLeadingZeros(micros)]++;
        if (micros > maxDelayMicros) {
            maxDelayMicros = micros;
        }
    }

    /** One connection: its parser, its line splitter and its counts. */
    private final class Client implements WsFrameParser.Listener, StreamLines.LineSink {
        final int index;
        final boolean slow;
        final SocketChannel channel;
        final WsFrameParser parser = new WsFrameParser(this);
        final StreamLines lines = new StreamLines(this);
        SelectionKey key;
        boolean subscribed;
        boolean closed;
        boolean closedByServer;
        boolean closeFrame;
        long messages;
        long wsMessages;
        long fills;
        long tops;
        long gaps;
        long lost;
        long lostByTap;

        Client(int index, boolean slow, SocketChannel channel) {
            this.index = index;
            this.slow = slow;
            this.channel = channel;
        }

        @Override
        public void onData(byte[] bytes, int from, int to) {
            lines.onData(bytes, from, to);
        }

        @Override
        public void onMessageEnd() {
            lines.onMessageEnd();
            wsMessages++;
        }

        @Override
        public void onLine(byte[] b, int from, int to) {
            messages++;
            switch (StreamMessage.kind(b, from, to)) {
                case FILL -> {
                    fills++;
                    delay(StreamMessage.longField(b, from, to, PUB), fillDelay);
                }
                case TOP -> {
                    tops++;
                    delay(StreamMessage.longField(b, from, to, PUB), topDelay);
                }
                case GAP -> {
                    gaps++;
                    long l = StreamMessage.longField(b, from, to, LOST);
                    if (l != StreamMessage.ABSENT) {
                        lost += l;
                    }
                    long t = StreamMessage.longField(b, from, to, LOST_BY_TAP);
                    if (t != StreamMessage.ABSENT) {
                        lostByTap += t;
                    }
                }
                default -> {
                    if (!subscribed && StreamMessage.lastIndexOf(b, from, to, SUBSCRIBED) >= 0) {
                        subscribed = true;
                    }
                }
            }
        }

        @Override
        public void onPing(byte[] payload, int length) {
            try {
                writeFully(channel, maskedFrame(0xA, payload, length, -1, random));
            } catch (IOException e) {
                close(false);
            }
        }

        @Override
        public void onClose(int code) {
            try {
                int echo = code == WsFrameParser.NO_STATUS_CODE ? -1 : code;
                writeFully(channel, maskedFrame(0x8, new byte[0], 0, echo, random));
            } catch (IOException e) {
                // the server may already have closed its side
            }
            close(true);
        }

        void close(boolean byCloseFrame) {
            if (closed) {
                return;
            }
            closed = true;
            closedByServer = true;
            closeFrame = byCloseFrame;
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // The result

    static long percentile(long[] buckets, double q) {
        long total = 0;
        for (long b : buckets) {
            total += b;
        }
        long target = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < buckets.length; i++) {
            seen += buckets[i];
            if (seen >= target && total > 0) {
                return 1L << (i + 1);   // the bucket's upper bound, microseconds
            }
        }
        return -1;
    }

    private String result(long expected) {
        long all = 0;
        long fast = 0;
        long slowTotal = 0;
        long wsMessages = 0;
        long gaps = 0;
        long closedByServer = 0;
        long minFills = Long.MAX_VALUE;
        long maxFills = 0;
        long minAccounted = Long.MAX_VALUE;
        long maxAccounted = 0;
        long minTap = Long.MAX_VALUE;
        long maxTap = 0;
        int shortFast = 0;
        List<String> shortLines = new ArrayList<>();
        for (Client c : clients) {
            all += c.messages;
            wsMessages += c.wsMessages;
            gaps += c.gaps;
            if (c.closedByServer) {
                closedByServer++;
            }
            if (c.slow) {
                slowTotal += c.messages;
                continue;
            }
            fast += c.messages;
            long accounted = c.fills + c.lost + c.lostByTap;
            minFills = Math.min(minFills, c.fills);
            maxFills = Math.max(maxFills, c.fills);
            minAccounted = Math.min(minAccounted, accounted);
            maxAccounted = Math.max(maxAccounted, accounted);
            minTap = Math.min(minTap, c.lostByTap);
            maxTap = Math.max(maxTap, c.lostByTap);
            if (accounted != expected) {
                shortFast++;
                shortLines.add(String.format(Locale.ROOT, "CLIENT index=%d fills=%d lost=%d lostByEngineTap=%d"
                                + " gaps=%d messages=%d closed=%b parserBetweenFrames=%b%n", c.index, c.fills, c.lost,
                        c.lostByTap, c.gaps, c.messages, c.closed, c.parser.betweenFrames()));
            }
        }
        long cpu = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
        StringBuilder b = new StringBuilder("RESULT clients=" + clients.length + " messages=" + all + " frames="
                + wsMessages + " fastMessages=" + fast + " slowMessages=" + slowTotal + " fillP50="
                + percentile(fillDelay, 0.5) + " fillP99=" + percentile(fillDelay, 0.99) + " topP50="
                + percentile(topDelay, 0.5) + " topP99=" + percentile(topDelay, 0.99) + " maxDelay=" + maxDelayMicros
                + " minFastFills=" + (minFills == Long.MAX_VALUE ? 0 : minFills) + " maxFastFills=" + maxFills
                + " minFastAccounted=" + (minAccounted == Long.MAX_VALUE ? 0 : minAccounted) + " maxFastAccounted="
                + maxAccounted + " minFastLostByEngineTap=" + (minTap == Long.MAX_VALUE ? 0 : minTap)
                + " maxFastLostByEngineTap=" + maxTap + " fastNotAccounted=" + shortFast + " gaps=" + gaps
                + " closedByServer=" + closedByServer + " protocolErrors=" + protocolErrors + " reads=" + reads
                + " bytes=" + bytesRead + " loopCpuNanos=" + loopCpuNanos + " cpuNanos=" + cpu + "\n");
        shortLines.forEach(b::append);
        return b.toString();
    }
}
