package io.qtrade.connectors.replay;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One recorded WebSocket message: text (a JSON frame) or binary (a Kite ticker packet), exactly as the venue sent
 * it.
 *
 * @param text   the text frame, or null for a binary one
 * @param binary the binary frame, or null for a text one
 */
public record ReplayFrame(String text, byte[] binary) {

    public ReplayFrame {
        if ((text == null) == (binary == null)) {
            throw new IllegalArgumentException("a replay frame is either text or binary, exactly one of the two");
        }
        binary = binary == null ? null : binary.clone();
    }

    /** A text frame. */
    public static ReplayFrame text(String text) {
        return new ReplayFrame(Objects.requireNonNull(text, "text"), null);
    }

    /** A binary frame (copied). */
    public static ReplayFrame binary(byte[] bytes) {
        return new ReplayFrame(null, Objects.requireNonNull(bytes, "bytes"));
    }

    /** Whether the frame is binary. */
    public boolean isBinary() {
        return binary != null;
    }

    /** The binary payload (a copy). */
    @Override
    public byte[] binary() {
        return binary == null ? null : binary.clone();
    }

    @Override
    public String toString() {
        return isBinary() ? "ReplayFrame[binary, " + binary.length + " bytes]"
                : "ReplayFrame[text, " + text.getBytes(StandardCharsets.UTF_8).length + " bytes]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReplayFrame f && Objects.equals(text, f.text) && java.util.Arrays.equals(binary, f.binary);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text) * 31 + java.util.Arrays.hashCode(binary);
    }
}
