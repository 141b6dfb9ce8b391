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
 *   <li><b>Events</b> (fills, order updates, risk events, trade prints, replies: {@link #offer(Chunk, long, long)})
 *       are never conflated: they wait in a bounded FIFO queue (its capacity counted in messages). A full queue drops
 *       new events and counts them in {@link #dropped()}; the next flush then starts with a
 *       {@code {"type":"gap","lost":N}} message, so the client knows it missed N events (and can re-read
 *       {@code /fills} or {@code /orders}). A queue that stays full for the slow-client timeout disconnects the
 *       client.</li>
 *   <li><b>Fills the engine tap lost</b> (its fill ring full: {@link #announceTapLoss}) are announced by a
 *       {@code {"type":"gap","stream":"fills","lostByEngineTap":N}} message, a frame of its own at the head of the next flush. It does
 *       not wait in the queue: offered to a full queue it would itself be dropped, counted as one lost event where N
 *       fills were lost.</li>
 * </ul>
 *
 * <h2>Frames, shared</h2>
 * The hub collects the events of one flush interval once per distinct subscription into a {@link Chunk} (UTF-8
 * JSON, one message per line) and offers it to every client with that subscription; a client queues a read-only
 * view of as much of it as fits. The hub calls {@link #flush} at a fixed rate ({@code streamFlushIntervalNanos}): if
 * the previous write has completed, everything waiting goes out, each queued chunk (and each latest value) as one
 * WebSocket text frame written straight from the shared bytes, handed to Jetty at once: no message is copied,
 * joined or encoded per client. Nobody waits on a socket: a client whose write has not completed simply gets more
 * frames later (its latest values conflated, its events queued). A half-open socket (the peer gone without a FIN, or
 * a client that stopped reading) is one whose write never completes: its queue fills and it is dropped the same way,
 * and Jetty's idle timeout closes it.
 */
final class WsClient {

    /** Most frames in one flush (the rest waits for the next flush). */
    static final int MAX_FLUSH_FRAMES = 256;

    final WsContext ctx;
    final long connectedNanos;
    final int id;
    private final int capacity;
    /** Guarded by {@code this}: queued event frames with their message counts, latest values by key. */
    private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
    private final ArrayDeque<Integer> queueCounts = new ArrayDeque<>();
    private int queuedMessages;
    private final LinkedHashMap<String, Chunk> latest = new LinkedHashMap<>();
    /** Guarded by {@code this}: a flush's frames are being written; their message count; frames not yet written. */
    private boolean sending;
    private int inFlight;
    private long inFlightBytes;
    private int framesInFlight;
    private long lostSinceGap;
    /** Fills the engine tap lost, not yet announced to this client (guarded by {@code this}). */
    private long tapLostSinceGap;
    private ByteBuffer[] out = new ByteBuffer[8];
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong deliveredBytes = new AtomicLong();
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
            // Closed first, so that no flush starts (and reuses the frame array) while frames are still handed over.
            close(1011, "write failed");
            synchronized (WsClient.this) {
                sending = false;
                inFlight = 0;
                framesInFlight = 0;
            }
        }

        @Override
        public void writeSuccess() {
            int n;
            long bytes;
            synchronized (WsClient.this) {
                if (!sending || --framesInFlight > 0) {
                    return;
                }
                n = inFlight;
                bytes = inFlightBytes;
                inFlight = 0;
                sending = false;
            }
            delivered.addAndGet(n);
            deliveredBytes.addAndGet(bytes);
        }
    };

    private final Callback coreCallback = Callback.from(callback::writeSuccess, callback::writeFailed);

    WsClient(WsContext ctx, int id, int queueMessages, long nowNanos) {
        this.ctx = ctx;
        this.id = id;
        this.capacity = queueMessages;
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

    /** Instrument ids the client filters on, or null for all. */
    Set<String> instruments() {
        return instruments;
    }

    /**
     * Queues the events of {@code chunk} (never conflated) without blocking: as many as the queue has room for, in
     * order; the rest is dropped and counted, and a queue full for longer than {@code slowTimeoutNanos} disconnects
     * the client.
     *
     * @return how many of the chunk's messages were dropped (0: all queued)
     */
    int offer(Chunk chunk, long nowNanos, long slowTimeoutNanos) {
        int n = chunk.count();
        if (closed) {
            return n;
        }
        int taken;
        synchronized (this) {
            taken = Math.min(n, capacity - queuedMessages);
            if (taken > 0) {
                queue.addLast(chunk.prefix(taken));
                queueCounts.addLast(taken);
                queuedMessages += taken;
            } else {
                taken = 0;
            }
            lostSinceGap += n - taken;
        }
        if (taken < n) {
            dropped.addAndGet(n - taken);
            long since = fullSinceNanos;
            if (since == 0) {
                fullSinceNanos = nowNanos;
            } else if (nowNanos - since > slowTimeoutNanos) {
                disconnect();
            }
            return n - taken;
        }
        fullSinceNanos = 0;
        return 0;
    }

    /** Queues one event message (a reply, a rare event); false if dropped. */
    boolean offer(String message, long nowNanos, long slowTimeoutNanos) {
        return offer(Chunk.of(message), nowNanos, slowTimeoutNanos) == 0;
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
    void offerLatest(String key, Chunk message) {
        if (closed) {
            return;
        }
        Chunk old;
        synchronized (this) {
            old = latest.put(key, message);
        }
        if (old != null) {
            conflated.incrementAndGet();
        }
    }

    /**
     * Writes everything waiting, unless the previous flush is still being written (then it waits for the next
     * flush): a {@code gap} message if events were lost, each queued chunk, then each latest value, one text frame
     * each, handed to Jetty at once. Never blocks: the write is asynchronous.
     */
    void flush() {
        if (closed) {
            return;
        }
        ByteBuffer[] o;
        int n = 0;
        synchronized (this) {
            if (sending || queue.isEmpty() && latest.isEmpty() && lostSinceGap == 0 && tapLostSinceGap == 0) {
                return;
            }
            int size = Math.min(MAX_FLUSH_FRAMES, queue.size() + latest.size() + 2);
            if (out.length < size) {
                out = new ByteBuffer[Math.max(size, out.length * 2)];
            }
            o = out;
            int messages = 0;
            if (tapLostSinceGap > 0) {
                o[n++] = ByteBuffer.wrap(("{\"type\":\"gap\",\"stream\":\"fills\",\"lostByEngineTap\":"
                        + tapLostSinceGap + "}").getBytes(StandardCharsets.US_ASCII));
                messages++;
                tapLostSinceGap = 0;
            }
            if (lostSinceGap > 0) {
                o[n++] = ByteBuffer.wrap(("{\"type\":\"gap\",\"lost\":" + lostSinceGap + "}")
                        .getBytes(StandardCharsets.US_ASCII));
                messages++;
                lostSinceGap = 0;
            }
            ByteBuffer b;
            while (n < MAX_FLUSH_FRAMES && (b = queue.pollFirst()) != null) {
                int k = queueCounts.pollFirst();
                queuedMessages -= k;
                messages += k;
                o[n++] = b;
            }
            Iterator<Map.Entry<String, Chunk>> it = latest.entrySet().iterator();
            while (n < MAX_FLUSH_FRAMES && it.hasNext()) {
                o[n++] = it.next().getValue().prefix(1);
                it.remove();
                messages++;
            }
            long bytes = 0;
            for (int i = 0; i < n; i++) {
                bytes += o[i].remaining();
            }
            sending = true;
            inFlight = messages;
            inFlightBytes = bytes;
            framesInFlight = n;
        }
        frames.addAndGet(n);
        // out is used outside the lock only while sending is set, when no other flush of this client can start; each
        // entry is cleared before its frame is handed over, since the last frame's completion (possibly inside
        // sendFrame) ends the flush and lets another thread's flush fill the array.
        try {
            Session session = ctx.session;
            if (session instanceof WebSocketSession w) {
                // What RemoteEndpoint.sendString does, from bytes encoded once for every client that shares them
                // (Jetty queues the frames handed over while a write is in progress and writes them together).
                for (int i = 0; i < n; i++) {
                    ByteBuffer payload = o[i];
                    o[i] = null;
                    w.getCoreSession().sendFrame(new Frame(OpCode.TEXT, payload), coreCallback, false);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    ByteBuffer payload = o[i];
                    o[i] = null;
                    session.getRemote().sendString(StandardCharsets.UTF_8.decode(payload).toString(), callback);
                }
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
        queueCounts.clear();
        queuedMessages = 0;
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

    /** Payload bytes of the messages counted in {@link #delivered()} (newlines between messages included). */
    long deliveredBytes() {
        return deliveredBytes.get();
    }

    /** WebSocket frames handed to the socket. */
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

    /**
     * Messages not yet written: queued events, those of a write not yet completed, and a pending {@code gap}
     * announcement (0 only when everything offered so far has reached the socket).
     */
    synchronized int queued() {
        return queuedMessages + inFlight + (lostSinceGap > 0 ? 1 : 0) + (tapLostSinceGap > 0 ? 1 : 0);
    }
}
