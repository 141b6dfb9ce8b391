package io.qtrade.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A run of stream messages encoded once (UTF-8 JSON, one message per line, no newline after the last) and shared,
 * read-only, by every client it is offered to: a client queues a prefix of it ({@link #prefix}, a view of the same
 * bytes) and its frame is written from those bytes, so that no message is copied or encoded per client.
 *
 * <p>{@code ends[i]} is the offset just past message {@code i}; message {@code i + 1} starts at {@code ends[i] + 1}
 * (after the newline).
 */
final class Chunk {

    private final byte[] bytes;
    private final int[] ends;
    private final int count;

    private Chunk(byte[] bytes, int[] ends, int count) {
        this.bytes = bytes;
        this.ends = ends;
        this.count = count;
    }

    /** One message. */
    static Chunk of(String message) {
        byte[] b = message.getBytes(StandardCharsets.UTF_8);
        return new Chunk(b, new int[] {b.length}, 1);
    }

    /** Number of messages. */
    int count() {
        return count;
    }

    /**
     * The first {@code messages} messages (1..{@link #count()}) as a new buffer over the shared bytes (its own position
     * and limit; nobody writes the bytes).
     */
    ByteBuffer prefix(int messages) {
        if (messages < 1 || messages > count) {
            throw new IllegalArgumentException("chunk: prefix of " + messages + " messages, chunk has " + count);
        }
        return ByteBuffer.wrap(bytes, 0, ends[messages - 1]).slice();
    }

    /** Message {@code i} as text (for tests and diagnostics). */
    String message(int i) {
        int start = i == 0 ? 0 : ends[i - 1] + 1;
        return new String(bytes, start, ends[i] - start, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "Chunk[messages=" + count + ", bytes=" + (count == 0 ? 0 : ends[count - 1]) + "]";
    }

    /**
     * Collects messages between two flushes (the hub thread's; reused): {@link #add} appends one encoded message,
     * {@link #seal} hands the collected ones over as a chunk and starts again.
     */
    static final class Builder {
        private byte[] buf = new byte[1 << 14];
        private int length;
        private int[] ends = new int[256];
        private int count;

        /** Appends the message in {@code src[from, from + len)} (one JSON text, no newline inside). */
        void add(byte[] src, int from, int len) {
            int need = length + len + 1;
            if (need > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(need, buf.length * 2));
            }
            if (count > 0) {
                buf[length++] = '\n';
            }
            System.arraycopy(src, from, buf, length, len);
            length += len;
            if (count == ends.length) {
                ends = Arrays.copyOf(ends, count * 2);
            }
            ends[count++] = length;
        }

        /** Messages collected since the last seal. */
        int count() {
            return count;
        }

        /** The collected messages as a chunk (null if none), and an empty builder. */
        Chunk seal() {
            if (count == 0) {
                return null;
            }
            Chunk c = new Chunk(Arrays.copyOf(buf, length), Arrays.copyOf(ends, count), count);
            length = 0;
            count = 0;
            return c;
        }
    }
}
