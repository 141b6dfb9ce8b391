package io.qtrade.bench.wsclient;

import java.net.ProtocolException;

/**
 * An incremental parser of the frames a WebSocket server sends to a client (RFC 6455, section 5), fed whatever bytes
 * one socket read returned: a frame's header, its payload, or both may be split across reads at any byte.
 *
 * <p>Frame layout (section 5.2): byte 0 = {@code FIN | RSV1-3 | opcode}; byte 1 = {@code MASK | length7}; a 7-bit
 * length of 126 is followed by a 16-bit length, 127 by a 64-bit one (network order); then, from a server, the payload
 * (a server's frames are never masked: section 5.1, "a client MUST close a connection if it detects a masked frame").
 * Data frames are text (0x1), binary (0x2) and continuation (0x0): a message is one frame with FIN set, or a first
 * frame without FIN, continuations, and a last continuation with FIN. Control frames (close 0x8, ping 0x9, pong 0xA)
 * carry at most 125 bytes, are never fragmented, and may come between the fragments of a message (section 5.5).
 *
 * <p>Refused, as a {@link ProtocolException} naming the rule: a masked frame, a reserved bit set (no extension was
 * negotiated), an unknown opcode, a fragmented or over-long control frame, a continuation with no message begun, and a
 * new data frame while a message is unfinished. After a refusal the parser is unusable (the connection must close).
 *
 * <p>Payload bytes are handed to the {@link Listener} as ranges of the caller's array, never copied, except a control
 * frame's payload (at most 125 bytes, copied into a buffer of the parser's own).
 */
public final class WsFrameParser {

    /** What the parser found; all calls on the thread that calls {@link #feed}. */
    public interface Listener {

        /** Part of the payload of a data message: {@code bytes[from, to)}, valid only during the call. */
        void onData(byte[] bytes, int from, int to);

        /** The data message whose payload was handed to {@link #onData} is complete (its last frame had FIN). */
        void onMessageEnd();

        /** A ping: the client answers with a pong carrying {@code payload[0, length)} (valid only during the call). */
        void onPing(byte[] payload, int length);

        /** A close frame: its status code (1005, "no status", when it had no payload). */
        void onClose(int code);
    }

    private static final int OP_CONTINUATION = 0x0;
    private static final int OP_TEXT = 0x1;
    private static final int OP_BINARY = 0x2;
    private static final int OP_CLOSE = 0x8;
    private static final int OP_PING = 0x9;
    private static final int OP_PONG = 0xA;
    /** Status code of a close frame without one (RFC 6455, section 7.4.1). */
    public static final int NO_STATUS_CODE = 1005;

    private final Listener listener;
    /** The header being read: 2 bytes, then 2 or 8 bytes of extended length. */
    private final byte[] header = new byte[10];
    private int headerLength;
    private int headerNeeded = 2;
    private boolean inPayload;
    private long payloadRemaining;
    private int opcode;
    private boolean fin;
    /** Whether a data message has begun and not yet ended (its first frame had no FIN). */
    private boolean inMessage;
    private final byte[] control = new byte[125];
    private int controlLength;
    private long frames;

    public WsFrameParser(Listener listener) {
        this.listener = listener;
    }

    /**
     * Parses {@code bytes[from, to)}, calling the listener for what completes in it; what is left of an unfinished
     * header or payload waits for the next call.
     *
     * @throws ProtocolException on a frame RFC 6455 forbids a server to send (see the class comment)
     */
    public void feed(byte[] bytes, int from, int to) throws ProtocolException {
        int p = from;
        while (p < to) {
            if (!inPayload) {
                while (p < to && headerLength < headerNeeded) {
                    header[headerLength++] = bytes[p++];
                    if (headerLength == 2) {
                        headerNeeded = 2 + extendedLengthBytes();
                    }
                }
                if (headerLength < headerNeeded) {
                    return;
                }
                beginPayload();
                if (payloadRemaining == 0) {
                    endFrame();
                    continue;
                }
            }
            int n = (int) Math.min(payloadRemaining, to - p);
            if (opcode >= OP_CLOSE) {
                System.arraycopy(bytes, p, control, controlLength, n);
                controlLength += n;
            } else {
                listener.onData(bytes, p, p + n);
            }
            p += n;
            payloadRemaining -= n;
            if (payloadRemaining == 0) {
                endFrame();
            }
        }
    }

    /** Frames parsed to their end so far (data and control). */
    public long frames() {
        return frames;
    }

    /** Whether the parser stands between two frames (nothing of a frame read and not yet handled). */
    public boolean betweenFrames() {
        return !inPayload && headerLength == 0;
    }

    private int extendedLengthBytes() throws ProtocolException {
        int b1 = header[1] & 0xFF;
        if ((b1 & 0x80) != 0) {
            throw new ProtocolException("WebSocket: a masked frame from the server (RFC 6455, 5.1: the client must"
                    + " close the connection)");
        }
        int len7 = b1 & 0x7F;
        return len7 == 126 ? 2 : len7 == 127 ? 8 : 0;
    }

    private void beginPayload() throws ProtocolException {
        int b0 = header[0] & 0xFF;
        if ((b0 & 0x70) != 0) {
            throw new ProtocolException("WebSocket: reserved bits 0x" + Integer.toHexString(b0 & 0x70)
                    + " set, no extension negotiated (RFC 6455, 5.2)");
        }
        fin = (b0 & 0x80) != 0;
        opcode = b0 & 0x0F;
        int len7 = header[1] & 0x7F;
        long length;
        if (len7 == 126) {
            length = ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
        } else if (len7 == 127) {
            length = 0;
            for (int i = 2; i < 10; i++) {
                length = (length << 8) | (header[i] & 0xFF);
            }
            if (length < 0) {
                throw new ProtocolException("WebSocket: 64-bit payload length with the top bit set (RFC 6455, 5.2)");
            }
        } else {
            length = len7;
        }
        switch (opcode) {
            case OP_TEXT, OP_BINARY -> {
                if (inMessage) {
                    throw new ProtocolException("WebSocket: a new data frame (opcode " + opcode + ") before the"
                            + " fragmented message ended (RFC 6455, 5.4)");
                }
                inMessage = !fin;
            }
            case OP_CONTINUATION -> {
                if (!inMessage) {
                    throw new ProtocolException("WebSocket: a continuation frame with no fragmented message begun"
                            + " (RFC 6455, 5.4)");
                }
                inMessage = !fin;
            }
            case OP_CLOSE, OP_PING, OP_PONG -> {
                if (!fin || length > 125) {
                    throw new ProtocolException("WebSocket: control frame (opcode " + opcode + ") fragmented or longer"
                            + " than 125 bytes (" + length + ") (RFC 6455, 5.5)");
                }
                controlLength = 0;
            }
            default -> throw new ProtocolException("WebSocket: unknown opcode 0x" + Integer.toHexString(opcode)
                    + " (RFC 6455, 5.2)");
        }
        payloadRemaining = length;
        inPayload = true;
    }

    private void endFrame() {
        inPayload = false;
        headerLength = 0;
        headerNeeded = 2;
        frames++;
        switch (opcode) {
            case OP_TEXT, OP_BINARY, OP_CONTINUATION -> {
                if (fin) {
                    listener.onMessageEnd();
                }
            }
            case OP_PING -> listener.onPing(control, controlLength);
            case OP_CLOSE -> listener.onClose(controlLength >= 2
                    ? ((control[0] & 0xFF) << 8) | (control[1] & 0xFF) : NO_STATUS_CODE);
            default -> {
                // a pong: nothing to do
            }
        }
    }
}
