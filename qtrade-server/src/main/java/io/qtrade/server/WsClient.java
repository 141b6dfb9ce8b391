package io.qtrade.server;

import io.javalin.websocket.WsContext;
import org.eclipse.jetty.websocket.api.WriteCallback;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One WebSocket client: its subscriptions and a bounded queue of messages written one at a time with Jetty's
 * asynchronous send. The hub only ever {@link #offer}s (never blocks); a full queue drops the message (the client is
 * sampled) and a queue that stays full for the slow-client timeout disconnects the client. A half-open socket (the
 * peer gone without a FIN, or a client that stopped reading) is one whose writes never complete: its queue fills
 * and it is dropped the same way, and Jetty's idle timeout closes it.
 */
final class WsClient {

    private static final ThreadLocal<Boolean> IN_PUMP = ThreadLocal.withInitial(() -> Boolean.FALSE);

    final WsContext ctx;
    final long connectedNanos;
    private final ArrayBlockingQueue<String> queue;
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile ApiTokens.Principal principal;
    private volatile Set<Topic> topics = EnumSet.noneOf(Topic.class);
    private volatile Set<String> instruments;
    private volatile long fullSinceNanos;
    private volatile boolean closed;
    private final WriteCallback callback = new WriteCallback() {
        @Override
        public void writeFailed(Throwable x) {
            sending.set(false);
            close(1011, "write failed");
        }

        @Override
        public void writeSuccess() {
            sent.incrementAndGet();
            sending.set(false);
            pump();
        }
    };

    WsClient(WsContext ctx, int queueMessages, long nowNanos) {
        this.ctx = ctx;
        this.queue = new ArrayBlockingQueue<>(queueMessages);
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
     * Queues a message without blocking.
     *
     * @return false if dropped (the queue was full)
     */
    boolean offer(String message, long nowNanos, long slowTimeoutNanos) {
        if (closed) {
            return false;
        }
        if (!queue.offer(message)) {
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
        pump();
        return true;
    }

    /** Sends queued messages one at a time; a completion on this thread continues the loop instead of recursing. */
    void pump() {
        if (IN_PUMP.get()) {
            return;
        }
        IN_PUMP.set(Boolean.TRUE);
        try {
            while (!closed && sending.compareAndSet(false, true)) {
                String m = queue.poll();
                if (m == null) {
                    sending.set(false);
                    if (queue.isEmpty()) {
                        break;
                    }
                    continue;
                }
                try {
                    ctx.session.getRemote().sendString(m, callback);
                } catch (RuntimeException e) {
                    sending.set(false);
                    close(1011, "send failed");
                }
            }
        } finally {
            IN_PUMP.set(Boolean.FALSE);
        }
    }

    /** Sends one message now (answers to the client's own requests), through the same queue. */
    void reply(String message) {
        offer(message, System.nanoTime(), Long.MAX_VALUE);
    }

    void close(int code, String reason) {
        if (closed) {
            return;
        }
        closed = true;
        queue.clear();
        try {
            ctx.session.close(code, reason);
        } catch (RuntimeException ignored) {
            // already closing
        }
    }

    /** Hard close without the closing handshake (a peer that does not read would never answer it). */
    void disconnect() {
        closed = true;
        queue.clear();
        try {
            ctx.session.disconnect();
        } catch (RuntimeException ignored) {
            // already gone
        }
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
        queue.clear();
    }

    long sent() {
        return sent.get();
    }

    long dropped() {
        return dropped.get();
    }

    int queued() {
        return queue.size();
    }
}
