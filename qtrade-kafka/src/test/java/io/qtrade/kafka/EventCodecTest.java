package io.qtrade.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    @Test
    void everyKindRoundTripsBitForBit() {
        EventBatch in = new EventBatch(64);
        Tape.fill(in, 0, 64);
        EventBatch out = new EventBatch(64);
        byte[] value = new byte[EventCodec.SIZE];
        for (int r = 0; r < in.size(); r++) {
            EventCodec.encode(in, r, r + 1, value);
            assertThat(EventCodec.problem(value)).isNull();
            assertThat(EventCodec.sequence(value)).isEqualTo(r + 1);
            EventCodec.decodeInto(value, in.instrument(r), out);
        }
        assertThat(out.contentEquals(in)).isTrue();
    }

    /**
     * Mark price, index price and funding rate rows (issue 23) round-trip bit for bit: the rate (a fraction, negative
     * too) in the price field, the funding time (epoch ns) in the order id field.
     */
    @Test
    void derivativeKindsRoundTripWithTheFundingTimeInTheOrderIdField() {
        long t = Tape.T0;
        long funding = t + 8 * 3_600_000_000_000L;
        EventBatch in = new EventBatch(4);
        in.add(0, t, t + 3_000_000, EventKind.MARK_PRICE, (byte) 0, 42_001.12345678, 0, 0, 2);
        in.add(0, t, t + 3_000_000, EventKind.INDEX_PRICE, (byte) 0, 41_998.87654321, 0, 0, 2);
        in.add(0, t, t + 3_000_000, EventKind.FUNDING_RATE, (byte) 0, -0.00002345, 0, funding, 2);
        in.add(0, t + 1, t + 3_000_001, EventKind.FUNDING_RATE, (byte) 0, 0.0001, 0, funding, 2);
        EventBatch out = new EventBatch(4);
        byte[] value = new byte[EventCodec.SIZE];
        for (int r = 0; r < in.size(); r++) {
            EventCodec.encode(in, r, r + 1, value);
            assertThat(EventCodec.problem(value)).isNull();
            assertThat(value[1]).isEqualTo(in.kind(r).code());
            EventCodec.decodeInto(value, 0, out);
        }
        assertThat(out.contentEquals(in)).isTrue();
        assertThat(out.orderId(2)).isEqualTo(funding);
        assertThat(out.price(2)).isEqualTo(-0.00002345);
    }

    /** The documented layout, byte by byte: a TRADE, sell, flags 2, sequence 7, price 1.5 (0x3FF8000000000000). */
    @Test
    void layoutIsAsDocumented() {
        EventBatch b = new EventBatch(1);
        b.add(0, 0x0102030405060708L, 0x1112131415161718L, EventKind.TRADE, (byte) -1, 1.5, 2.0, 0, 2);
        byte[] v = new byte[EventCodec.SIZE];
        EventCodec.encode(b, 0, 7, v);
        assertThat(v[0]).isEqualTo((byte) 1);
        assertThat(v[1]).isEqualTo((byte) 2);
        assertThat(v[2]).isEqualTo((byte) -1);
        assertThat(new byte[] {v[3], v[4], v[5], v[6]}).containsExactly(0, 0, 0, 2);
        assertThat(v[14]).isEqualTo((byte) 7);
        assertThat(new byte[] {v[15], v[16], v[22]}).containsExactly(1, 2, 8);
        assertThat(new byte[] {v[23], v[30]}).containsExactly(0x11, 0x18);
        assertThat(new byte[] {v[31], v[32], v[38]}).containsExactly(0x3F, (byte) 0xF8, 0);
        assertThat(new byte[] {v[39], v[40]}).containsExactly(0x40, 0x00);
    }

    @Test
    void undecodableValuesAreNamed() {
        assertThat(EventCodec.problem(new byte[3])).isEqualTo("value of 3 bytes, expected 55");
        assertThat(EventCodec.problem(null)).isEqualTo("null value (tombstone), expected 55 bytes");
        byte[] v = new byte[EventCodec.SIZE];
        v[0] = 2;
        assertThat(EventCodec.problem(v)).isEqualTo("layout version 2, this reader knows 1");
        v[0] = 1;
        v[1] = 14;
        assertThat(EventCodec.problem(v)).isEqualTo("event kind code 14 names no kind");
        v[1] = 2;
        v[2] = 5;
        assertThat(EventCodec.problem(v)).isEqualTo("side code 5, expected -1, 0 or 1");
    }

    @Test
    void topicNamesAreCheckedNotRewritten() {
        KafkaTopics topics = new KafkaTopics("qtrade.md");
        assertThat(topics.topic("Binance", EventKind.ORDER_ADD)).isEqualTo("qtrade.md.binance.order_add");
        assertThatThrownBy(() -> topics.topic("nse fo", EventKind.TRADE))
                .hasMessageContaining("venue 'nse fo' cannot be part of a Kafka topic name");
    }
}
