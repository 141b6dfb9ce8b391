package io.qtrade.server;

import io.javalin.websocket.WsContext;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.WriteCallback;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One WebSocket client: its subscriptions, what is waiting to be written to it, and its counters.
 *
 * <h2>Two kinds of message, two policies</h2>
 * <ul>
 *   <li><b>Latest values</b> (top of book, depth, portfolio, signals: {@link #offerLatest}) are conflated: the client
 *       holds one slot per key (for example {@code top:AAA@SYN}); a new value replaces one not yet written, and the
 *       replaced one is counted in {@link #conflated()}. The latest value is always the one delivered.</li>
 *   <li><b>Events</b> (fills, order updates, risk events, trade prints, replies: {@link #offer}) are never conflated:
 *       they wait in a bounded FIFO queue. A full queue drops the new event and counts it in {@link #dropped()}; the
 *       next frame then starts with a {@code {"type":"gap","lost":N}} message, so the client knows it missed N events
 *       (and can re-read {@code /fills} or {@code /orders}). A queue that stays full for the slow-client timeout
 *       disconnects the client.</li>
 *   <li><b>Fills the engine tap lost</b> (its fill ring full: {@link #announceTapLoss}) are announced by a
 *       {@code {"type":"gap","stream":"fills","lostByEngineTap":N}} message at the head of the next frame. It does
 *       not wait in the queue: offered to a full queue it would itself be dropped, counted as one lost event where N
 *       fills were lost.</li>
 * </ul>
 *
 * <h2>Frames</h2>
 * The hub calls {@link #flush} at a fixed rate ({@code streamFlushIntervalNanos}): if the previous frame has been
 * written, everything waiting (queued events in order, then the latest values) goes out as one WebSocket text frame,
 * one JSON object per line. One asynchronous write per client per flush (not one per message) is what keeps the
 * server's CPU, and the clients', small when the engine produces thousands of fills a second. Nobody waits on a
 * socket: a client whose write has not completed simply gets a bigger frame later (its latest values conflated, its
 * events queued). A half-open socket (the peer gone without a FIN, or a client that stopped reading) is one whose
 * write never completes: its queue fills and it is dropped the same way, and Jetty's idle timeout closes it.
 */
final class WsClient {

    /**
     * The frames built during one flush pass of the hub, kept so that clients with the same messages waiting share
     * one UTF-8 payload instead of each joining and encoding its own (a few entries: the fast clients share one, a
     * slow one differs).
     */
    static final class FrameCache {
        private static final int ENTRIES = 4;
        private final String[][] parts = new String[ENTRIES][];
        private final int[] counts = new int[ENTRIES];
        private final ByteBuffer[] payloads = new ByteBuffer[ENTRIES];
        private int next;

        ByteBuffer find(String[] p, int n) {
            for (int i = 0; i < ENTRIES; i++) {
                String[] q = parts[i];
                if (q != null && counts[i] == n && same(q, p, n)) {
                    return payloads[i];
                }
            }
            return null;
        }

        private static boolean same(String[] a, String[] b, int n) {
            for (int i = 0; i < n; i++) {
                if (a[i] != b[i]) {
                    return false;
                }
            }
            return true;
        }

        void put(String[] p, int n, ByteBuffer payload) {
            parts[next] = java.util.Arrays.copyOf(p, n);
            counts[next] = n;
            payloads[next] = payload;
            next = (next + 1) % ENTRIES;
        }

        /** Forgets the pass's frames (so that their strings can be collected). */
        void clear() {
            java.util.Arrays.fill(parts, null);
            java.util.Arrays.fill(payloads, null);
            next = 0;
        }

        /** The messages, one per line, as a UTF-8 payload (each write takes its own slice; none changes it). */
        static ByteBuffer payload(String[] p, int n) {
            return ByteBuffer.wrap(join(p, n).getBytes(StandardCharsets.UTF_8));
        }

        static String join(String[] p, int n) {
            int length = n;
            for (int i = 0; i < n; i++) {
                length += p[i].length();
            }
            StringBuilder b = new StringBuilder(length);
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    b.append('\n');
                }
                b.append(p[i]);
            }
            return b.toString();
        }
    }

    /** Most messages in one frame (the rest waits for the next flush). */
    static final int MAX_FRAME_MESSAGES = 4096;

    final WsContext ctx;
    final long connectedNanos;
    final int id;
    private final int capacity;
    /** Guarded by {@code this}: queued events, latest values by key, whether a frame is being written. */
    private final ArrayDeque<String> queue;
    private final LinkedHashMap<String, String> latest = new LinkedHashMap<>();
    private boolean sending;
    private int inFlight;
    private long lostSinceGap;
    /** Fills the engine tap lost, not yet announced to this client (guarded by {@code this}). */
    private long tapLostSinceGap;
    private String[] parts = new String[64];
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong conflated = new AtomicLong();
    private volatile ApiTokens.Principal principal;
    private volatile Set<Topic> topics = EnumSet.noneOf(Topic.class);
    private volatile Set<String> instruments;
    private volatile long fullSinceNanos;
    private volatile boolean closed;
    private final WriteCallback callback = new WriteCallback() {
        @Override
        public void writeFailed(Throwable x) {
            synchronized (WsClient.this) {
                sending = false;
                inFlight = 0;
            }
            close(1011, "write failed");
        }

        @Override
        public void writeSuccess() {
            int n;
            synchronized (WsClient.this) {
                n = inFlight;
                inFlight = 0;
                sending = false;
            }
            delivered.addAndGet(n);
            frames.incrementAndGet();
        }
    };

    private final Callback coreCallback = Callback.from(callback::writeSuccess, callback::writeFailed);

    WsClient(WsContext ctx, int id, int queueMessages, long nowNanos) {
        this.ctx = ctx;
        this.id = id;
        this.capacity = queueMessages;
        this.queue = new ArrayDeque<>(Math.min(queueMessages, 1024));
        this.connectedNanos = nowNanos;
    }

    ApiTokens.Principal principal() {
        return principal;
    }

    void authenticate(ApiTokens.Principal p) {
        this.principal = p;
    }

    boolean wants(Topic topic, String instrument) {
        if (principal == null || closed || !topics.contains(topic)) {
            return false;
        }
        Set<String> in = instruments;
        return instrument == null || in == null || in.contains(instrument);
    }

    void subscribe(Set<Topic> add, Set<String> instrumentFilter) {
        EnumSet<Topic> t = topics.isEmpty() ? EnumSet.noneOf(Topic.class) : EnumSet.copyOf(topics);
        t.addAll(add);
        topics = t;
        if (instrumentFilter != null) {
            instruments = Set.copyOf(instrumentFilter);
        }
    }

    void unsubscribe(Set<Topic> remove) {
        EnumSet<Topic> t = topics.isEmpty() ? EnumSet.noneOf(Topic.class) : EnumSet.copyOf(topics);
        t.removeAll(remove);
        topics = t;
    }

    Set<Topic> topics() {
        return topics;
    }

    /**
     * Queues an event (never conflated) without blocking; a full queue drops it, and a queue full for longer than
     * {@code slowTimeoutNanos} disconnects the client.
     *
     * @return false if dropped
     */
    boolean offer(String message, long nowNanos, long slowTimeoutNanos) {
        if (closed) {
            return false;
        }
        boolean full;
        synchronized (this) {
            full = queue.size() >= capacity;
            if (!full) {
                queue.addLast(message);
            } else {
                lostSinceGap++;
            }
        }
        if (full) {
            dropped.incrementAndGet();
            long since = fullSinceNanos;
            if (since == 0) {
                fullSinceNanos = nowNanos;
            } else if (nowNanos - since > slowTimeoutNanos) {
                disconnect();
            }
            return false;
        }
        fullSinceNanos = 0;
        return true;
    }

    /**
     * Announces {@code lostFills} fills the engine tap lost to this client (a fills subscriber), at the head of its next
     * frame; never dropped, whatever the state of the queue (announcements before one flush add up).
     */
    void announceTapLoss(long lostFills) {
        if (closed) {
            return;
        }
        synchronized (this) {
            tapLostSinceGap += lostFills;
        }
    }

    /** Sets the latest value of {@code key}; one not yet written is replaced (and counted as conflated). */
    void offerLatest(String key, String message) {
        if (closed) {
            return;
        }
        String old;
        synchronized (this) {
            old = latest.put(key, message);
        }
        if (old != null) {
            conflated.incrementAndGet();
        }
    }

    /** {@link #flush(FrameCache)} without sharing (a reply on a Jetty thread). */
    void flush() {
        flush(null);
    }

    /**
     * Writes everything waiting as one frame, unless the previous frame is still being written (then it waits for
     * the next flush). Never blocks: the write is asynchronous. Clients with the same messages waiting (the same
     * objects in the same order: the hub hands one string to every subscriber) share the frame's text through
     * {@code cache} (hub thread only; null for none).
     */
    void flush(FrameCache cache) {
        if (closed) {
            return;
        }
        String[] p;
        int n = 0;
        synchronized (this) {
            if (sending || queue.isEmpty() && latest.isEmpty() && lostSinceGap == 0 && tapLostSinceGap == 0) {
                return;
            }
            int size = Math.min(MAX_FRAME_MESSAGES, queue.size() + latest.size() + 2);
            if (parts.length < size) {
                parts = new String[Math.max(size, parts.length * 2)];
            }
            p = parts;
            if (tapLostSinceGap > 0) {
                p[n++] = "{\"type\":\"gap\",\"stream\":\"fills\",\"lostByEngineTap\":" + tapLostSinceGap + "}";
                tapLostSinceGap = 0;
            }
            if (lostSinceGap > 0) {
                p[n++] = "{\"type\":\"gap\",\"lost\":" + lostSinceGap + "}";
                lostSinceGap = 0;
            }
            String m;
            while (n < MAX_FRAME_MESSAGES && (m = queue.pollFirst()) != null) {
                p[n++] = m;
            }
            Iterator<Map.Entry<String, String>> it = latest.entrySet().iterator();
            while (n < MAX_FRAME_MESSAGES && it.hasNext()) {
                p[n++] = it.next().getValue();
                it.remove();
            }
            sending = true;
            inFlight = n;
        }
        // parts is used outside the lock only while sending is set, when no other flush of this client can start.
        ByteBuffer payload = cache == null ? null : cache.find(p, n);
        if (payload == null) {
            payload = FrameCache.payload(p, n);
            if (cache != null) {
                cache.put(p, n, payload);
            }
        }
        java.util.Arrays.fill(p, 0, n, null);
        try {
            Session session = ctx.session;
            if (session instanceof WebSocketSession w) {
                // What RemoteEndpoint.sendString does, with the frame's UTF-8 payload encoded once for every client
                // that shares it (a slice each: the write moves its own position only).
                w.getCoreSession().sendFrame(new Frame(OpCode.TEXT, payload.slice()), coreCallback, false);
            } else {
                session.getRemote().sendString(StandardCharsets.UTF_8.decode(payload.slice()).toString(), callback);
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                sending = false;
            }
            close(1011, "send failed");
        }
    }

    /** Sends an answer to the client's own request (through the queue, written at once if nothing is in flight). */
    void reply(String message) {
        offer(message, System.nanoTime(), Long.MAX_VALUE);
        flush();
    }

    void close(int code, String reason) {
        if (closed) {
            return;
        }
        closed = true;
        clear();
        try {
            ctx.session.close(code, reason);
        } catch (RuntimeException ignored) {
            // already closing
        }
    }

    /** Hard close without the closing handshake (a peer that does not read would never answer it). */
    void disconnect() {
        closed = true;
        clear();
        try {
            ctx.session.disconnect();
        } catch (RuntimeException ignored) {
            // already gone
        }
    }

    private synchronized void clear() {
        queue.clear();
        latest.clear();
    }

    /** Disconnects the client if its queue has been full longer than {@code timeoutNanos}; true if it did. */
    boolean dropIfSlow(long nowNanos, long timeoutNanos) {
        long since = fullSinceNanos;
        if (!closed && since != 0 && nowNanos - since > timeoutNanos) {
            disconnect();
            return true;
        }
        return false;
    }

    boolean closed() {
        return closed;
    }

    void markClosed() {
        closed = true;
        clear();
    }

    /** Messages written to the socket (counted when their frame's write completed). */
    long delivered() {
        return delivered.get();
    }

    /** Frames written. */
    long frames() {
        return frames.get();
    }

    /** Events dropped because the queue was full. */
    long dropped() {
        return dropped.get();
    }

    /** Latest values replaced before they were written. */
    long conflated() {
        return conflated.get();
    }

    synchronized int queued() {
        return queue.size();
    }
}
