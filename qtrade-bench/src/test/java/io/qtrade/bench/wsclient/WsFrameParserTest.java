package io.qtrade.bench.wsclient;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The load clients' RFC 6455 frame parser and line splitter, fed server frames built here byte by byte from the
 * frame layout of RFC 6455 section 5.2 (FIN/opcode byte, 7-bit length, 16- or 64-bit extended length, no mask), cut
 * into reads at every possible place.
 */
class WsFrameParserTest {

    /** What the listener saw, as strings (a test may build strings; the load clients never do). */
    static final class Recorder implements WsFrameParser.Listener, StreamLines.LineSink {
        final StreamLines lines = new StreamLines(this);
        final List<String> seen = new ArrayList<>();
        int messages;

        @Override
        public void onData(byte[] bytes, int from, int to) {
            lines.onData(bytes, from, to);
        }

        @Override
        public void onMessageEnd() {
            lines.onMessageEnd();
            messages++;
            seen.add("<end>");
        }

        @Override
        public void onPing(byte[] payload, int length) {
            seen.add("<ping " + new String(payload, 0, length, StandardCharsets.UTF_8) + ">");
        }

        @Override
        public void onClose(int code) {
            seen.add("<close " + code + ">");
        }

        @Override
        public void onLine(byte[] bytes, int from, int to) {
            seen.add(new String(bytes, from, to - from, StandardCharsets.UTF_8));
        }
    }

    /** A server frame (unmasked): RFC 6455, 5.2. */
    static byte[] frame(boolean fin, int opcode, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((fin ? 0x80 : 0) | opcode);
        int n = payload.length;
        if (n < 126) {
            out.write(n);
        } else if (n < 65536) {
            out.write(126);
            out.write(n >>> 8);
            out.write(n & 0xFF);
        } else {
            out.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) n >>> shift) & 0xFF);
            }
        }
        out.writeBytes(payload);
        return out.toByteArray();
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Feeds {@code stream} cut at {@code cuts} (increasing), each piece copied to its own array at an offset. */
    static Recorder feed(byte[] stream, int... cuts) throws ProtocolException {
        Recorder r = new Recorder();
        WsFrameParser p = new WsFrameParser(r);
        int from = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int to = i < cuts.length ? cuts[i] : stream.length;
            byte[] read = new byte[to - from + 7];
            System.arraycopy(stream, from, read, 3, to - from);   // not at index 0: offsets must be honoured
            p.feed(read, 3, 3 + to - from);
            from = to;
        }
        assertThat(p.betweenFrames()).isTrue();
        return r;
    }

    private static final String FILL = "{\"orderId\":17,\"strategy\":\"mm\",\"instrument\":\"AAA@SYN\",\"side\":\"BUY\","
            + "\"price\":99.99,\"qty\":1.0,\"type\":\"fill\",\"pub\":123456789}";
    private static final String TOP = "{\"type\":\"top\",\"instrument\":\"AAA@SYN\",\"bid\":99.99,\"pub\":987654321}";

    @Test
    void framesSplitAcrossReadsAtEveryByteGiveTheSameLines() throws ProtocolException {
        String big = "x".repeat(300);                 // a 16-bit length
        String huge = "y".repeat(70_000);             // a 64-bit length
        byte[] stream = concat(frame(true, 1, text(FILL + "\n" + TOP + "\n" + FILL)),
                frame(true, 1, text(big + "\n" + TOP)), frame(true, 1, text(huge)), frame(true, 1, text(TOP)));
        List<String> expected = List.of(FILL, TOP, FILL, "<end>", big, TOP, "<end>", huge, "<end>", TOP, "<end>");
        assertThat(feed(stream).seen).isEqualTo(expected);
        // One cut anywhere in the first frames (header bytes, extended length bytes, inside a line, at a '\n').
        for (int cut = 1; cut < 700; cut++) {
            assertThat(feed(stream, cut).seen).as("cut at %d", cut).isEqualTo(expected);
        }
        // Byte by byte through the whole stream.
        int[] every = new int[stream.length - 1];
        Arrays.setAll(every, i -> i + 1);
        assertThat(feed(stream, every).seen).isEqualTo(expected);
        // Random cuts.
        Random random = new Random(42);
        for (int trial = 0; trial < 200; trial++) {
            int[] cuts = random.ints(1 + random.nextInt(20), 1, stream.length).sorted().distinct().toArray();
            assertThat(feed(stream, cuts).seen).as("cuts %s", Arrays.toString(cuts)).isEqualTo(expected);
        }
    }

    @Test
    void aFragmentedMessageWithALineAcrossFragmentsAndAPingBetweenThem() throws ProtocolException {
        String all = FILL + "\n" + TOP + "\n" + FILL;
        int a = FILL.length() / 2;                 // the first fill cut in two
        int b = FILL.length() + 1 + 5;             // the top cut after 5 bytes
        byte[] stream = concat(
                frame(false, 1, text(all.substring(0, a))),
                frame(true, 9, text("are you there")),                  // a ping between fragments (RFC 6455, 5.5)
                frame(false, 0, text(all.substring(a, b))),
                frame(false, 0, new byte[0]),                           // an empty continuation
                frame(true, 0, text(all.substring(b))),
                frame(true, 0xA, new byte[0]),                          // an unsolicited pong: ignored
                frame(true, 1, text(TOP)));
        List<String> expected = List.of("<ping are you there>", FILL, TOP, FILL, "<end>", TOP, "<end>");
        assertThat(feed(stream).seen).isEqualTo(expected);
        for (int cut = 1; cut < stream.length; cut++) {
            assertThat(feed(stream, cut).seen).as("cut at %d", cut).isEqualTo(expected);
        }
        assertThat(feed(stream).messages).isEqualTo(2);
    }

    @Test
    void aMessageEndingWithANewlineOrHoldingEmptyLinesGivesNoEmptyLine() throws ProtocolException {
        byte[] stream = frame(true, 1, text(FILL + "\n\n" + TOP + "\n"));
        assertThat(feed(stream, 5, FILL.length() + 3).seen).containsExactly(FILL, TOP, "<end>");
    }

    @Test
    void closeGivesItsStatusCodeOr1005WithoutOne() throws ProtocolException {
        byte[] withCode = frame(true, 8, concat(new byte[] {0x03, (byte) 0xE9}, text("going away")));   // 1001
        assertThat(feed(concat(frame(true, 1, text(TOP)), withCode), 1).seen)
                .containsExactly(TOP, "<end>", "<close 1001>");
        assertThat(feed(frame(true, 8, new byte[0])).seen).containsExactly("<close 1005>");
    }

    @Test
    void forbiddenFramesAreRefusedNamingTheRule() {
        byte[] masked = frame(true, 1, text("hi"));
        masked[1] |= (byte) 0x80;
        assertThatThrownBy(() -> feed(masked)).isInstanceOf(ProtocolException.class).hasMessageContaining("masked");
        // Refused as soon as the second header byte arrives, before any payload.
        Recorder r = new Recorder();
        assertThatThrownBy(() -> new WsFrameParser(r).feed(masked, 0, 2)).hasMessageContaining("5.1");

        byte[] reserved = frame(true, 1, text("hi"));
        reserved[0] |= 0x40;
        assertThatThrownBy(() -> feed(reserved)).hasMessageContaining("reserved bits");
        assertThatThrownBy(() -> feed(frame(true, 0, text("hi")))).hasMessageContaining("continuation");
        assertThatThrownBy(() -> feed(concat(frame(false, 1, text("a")), frame(true, 1, text("b")))))
                .hasMessageContaining("before the fragmented message ended");
        assertThatThrownBy(() -> feed(frame(true, 9, new byte[126]))).hasMessageContaining("125");
        assertThatThrownBy(() -> feed(frame(false, 9, new byte[1]))).hasMessageContaining("fragmented");
        assertThatThrownBy(() -> feed(frame(true, 3, new byte[1]))).hasMessageContaining("unknown opcode 0x3");
    }

    @Test
    void aClientFrameIsMaskedAndUnmasksToItsPayload() {
        // The parser refuses it (a server never masks), so it is decoded here by the RFC's rule: payload[i] ^ key[i % 4].
        byte[] payload = text("{\"op\":\"subscribe\",\"topics\":[\"top\",\"fills\"]}");
        for (int length : new int[] {payload.length, 0}) {
            ByteBuffer f = LoadClients.maskedFrame(1, payload, length, -1, new Random(7));
            assertThat(f.get(0) & 0xFF).isEqualTo(0x81);                 // FIN, text
            assertThat(f.get(1) & 0x80).isEqualTo(0x80);                 // MASK
            assertThat(f.get(1) & 0x7F).isEqualTo(length);
            byte[] key = {f.get(2), f.get(3), f.get(4), f.get(5)};
            byte[] decoded = new byte[length];
            for (int i = 0; i < length; i++) {
                decoded[i] = (byte) (f.get(6 + i) ^ key[i & 3]);
            }
            assertThat(decoded).isEqualTo(Arrays.copyOf(payload, length));
            assertThat(f.remaining()).isEqualTo(6 + length);
        }
        // A close frame carries its status code first (1000 = 0x03E8), masked as well.
        ByteBuffer close = LoadClients.maskedFrame(8, new byte[0], 0, 1000, new Random(7));
        assertThat(close.get(0) & 0xFF).isEqualTo(0x88);
        assertThat(close.get(1) & 0xFF).isEqualTo(0x82);
        assertThat((byte) (close.get(6) ^ close.get(2))).isEqualTo((byte) 0x03);
        assertThat((byte) (close.get(7) ^ close.get(3))).isEqualTo((byte) 0xE8);
    }

    @Test
    void theAcceptKeyOfRfc6455() {
        // RFC 6455, section 1.3: the sample nonce and its accept value.
        assertThat(LoadClients.acceptFor("dGhlIHNhbXBsZSBub25jZQ==")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }

    @Test
    void theEightBytesAtATimeNewlineSearchAgreesWithAPlainScan() {
        Random random = new Random(3);
        for (int trial = 0; trial < 2000; trial++) {
            byte[] b = new byte[random.nextInt(40)];
            for (int i = 0; i < b.length; i++) {
                // Bytes near '\n' (0x0A) and 0x0B/0x09/0x8A, where a word trick can go wrong, and any byte.
                int pick = random.nextInt(6);
                b[i] = (byte) (pick == 0 ? '\n' : pick == 1 ? 0x0B : pick == 2 ? 0x09 : pick == 3 ? 0x8A
                        : random.nextInt(256));
            }
            int from = b.length == 0 ? 0 : random.nextInt(b.length);
            int to = from + (b.length == from ? 0 : random.nextInt(b.length - from + 1));
            int expected = -1;
            for (int i = from; i < to; i++) {
                if (b[i] == '\n') {
                    expected = i;
                    break;
                }
            }
            assertThat(StreamLines.indexOfNewline(b, from, to)).as("trial %d", trial).isEqualTo(expected);
        }
    }
}
