package io.qtrade.bench.wsclient;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the load clients read of a stream message: the messages below are qtrade-server's wire format (a fill as
 * {@code StreamHub.fillJson} writes it, a top of book, the two gap messages), then the same with the fields in
 * another order and with other fields added or removed.
 */
class StreamMessageTest {

    private static final byte[] PUB = StreamMessage.key("pub");
    private static final byte[] LOST = StreamMessage.key("lost");
    private static final byte[] LOST_BY_TAP = StreamMessage.key("lostByEngineTap");

    private static StreamMessage.Kind kind(String m) {
        byte[] b = ("##" + m + "##").getBytes(StandardCharsets.UTF_8);   // at an offset, with bytes on both sides
        return StreamMessage.kind(b, 2, b.length - 2);
    }

    private static long field(String m, byte[] key) {
        byte[] b = ("##" + m + "##").getBytes(StandardCharsets.UTF_8);
        return StreamMessage.longField(b, 2, b.length - 2, key);
    }

    @Test
    void theServersMessagesAsWrittenToday() {
        String fill = "{\"orderId\":4711,\"strategy\":\"mm\",\"instrument\":\"AAA@SYN\",\"side\":\"SELL\",\"price\":100.01,"
                + "\"qty\":1.0,\"fee\":-0.002,\"liquidity\":\"MAKER\",\"exchTs\":1700000000000000000,"
                + "\"localTs\":1700000000000050000,\"viaApi\":false,\"positionQty\":-1.0,\"avgEntryPrice\":100.01,"
                + "\"realizedPnl\":0.0,\"fees\":-0.002,\"cash\":100000.01,\"type\":\"fill\",\"pub\":81234567890123}";
        assertThat(kind(fill)).isEqualTo(StreamMessage.Kind.FILL);
        assertThat(field(fill, PUB)).isEqualTo(81234567890123L);
        String top = "{\"type\":\"top\",\"instrument\":\"AAA@SYN\",\"bid\":99.99,\"bidQty\":3.0,\"ask\":100.01,"
                + "\"askQty\":2.0,\"localTs\":1700000000000050000,\"pub\":81234567000000}";
        assertThat(kind(top)).isEqualTo(StreamMessage.Kind.TOP);
        assertThat(field(top, PUB)).isEqualTo(81234567000000L);
        String gap = "{\"type\":\"gap\",\"lost\":4096}";
        assertThat(kind(gap)).isEqualTo(StreamMessage.Kind.GAP);
        assertThat(field(gap, LOST)).isEqualTo(4096);
        assertThat(field(gap, LOST_BY_TAP)).isEqualTo(StreamMessage.ABSENT);
        String tapGap = "{\"type\":\"gap\",\"stream\":\"fills\",\"lostByEngineTap\":101}";
        assertThat(kind(tapGap)).isEqualTo(StreamMessage.Kind.GAP);
        assertThat(field(tapGap, LOST_BY_TAP)).isEqualTo(101);
        assertThat(field(tapGap, LOST)).as("\"lost\": is not a prefix of \"lostByEngineTap\":")
                .isEqualTo(StreamMessage.ABSENT);
        assertThat(kind("{\"type\":\"subscribed\",\"topics\":[\"top\",\"fills\"]}")).isEqualTo(StreamMessage.Kind.OTHER);
        assertThat(kind("{\"type\":\"authenticated\",\"role\":\"READ_ONLY\"}")).isEqualTo(StreamMessage.Kind.OTHER);
        assertThat(kind("{\"type\":\"order\",\"pub\":5}")).isEqualTo(StreamMessage.Kind.OTHER);
    }

    @Test
    void anyFieldOrderAndOtherFieldsChanging() {
        assertThat(kind("{\"type\":\"fill\",\"pub\":12,\"orderId\":1}")).isEqualTo(StreamMessage.Kind.FILL);
        assertThat(field("{\"pub\":12,\"type\":\"fill\",\"orderId\":1}", PUB)).isEqualTo(12);
        assertThat(field("{\"type\":\"top\", \"pub\": 77 ,\"newField\":[1,2]}", PUB)).isEqualTo(77);
        assertThat(kind("{\"type\": \"gap\",\"lost\":3}")).isEqualTo(StreamMessage.Kind.GAP);
        assertThat(field("{\"lost\":-3}", LOST)).isEqualTo(-3);
        // A key name inside a string value is escaped there, so it does not match.
        String tricky = "{\"strategy\":\"a\\\"pub\\\":99\",\"type\":\"fill\",\"pub\":5}";
        assertThat(field(tricky, PUB)).isEqualTo(5);
        assertThat(field("{\"strategy\":\"a\\\"pub\\\":99\",\"type\":\"fill\"}", PUB)).isEqualTo(StreamMessage.ABSENT);
        assertThat(kind("{\"note\":\"x\\\"type\\\":\\\"fill\\\"\"}")).isEqualTo(StreamMessage.Kind.OTHER);
        // Not an integer, or missing: absent, never a wrong number.
        assertThat(field("{\"pub\":null}", PUB)).isEqualTo(StreamMessage.ABSENT);
        assertThat(field("{\"pub\":\"12\"}", PUB)).isEqualTo(StreamMessage.ABSENT);
        assertThat(field("{\"type\":\"fill\"}", PUB)).isEqualTo(StreamMessage.ABSENT);
        assertThat(kind("{\"type\":\"fil\"}")).isEqualTo(StreamMessage.Kind.OTHER);
        assertThat(kind("{\"type\":\"fills\"}")).isEqualTo(StreamMessage.Kind.OTHER);
        assertThat(kind("{\"type\":\"")).isEqualTo(StreamMessage.Kind.OTHER);
        assertThat(kind("")).isEqualTo(StreamMessage.Kind.OTHER);
    }
}
