package io.qtrade.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.qtrade.core.market.EventBatch;
import java.util.List;
import org.junit.jupiter.api.Test;

class KafkaRoundTripTest {

    static final int EVENTS = 1_000_000;

    /**
     * A million events through the sink, a broker with 8 topics of 2 partitions, and the merging source: every row
     * comes back equal, field for field, in the original order (exchTs strictly increases, so the time-ordered
     * merge of the partitions must reproduce the tape exactly).
     */
    @Test
    void millionEventsRoundTripRowForRow() throws Exception {
        KafkaBroker broker = SharedBroker.get();
        KafkaTopics topics = new KafkaTopics("rt");
        broker.createTopics(2, Tape.topicNames(topics));
        EventBatch batch = new EventBatch(10_000);
        try (KafkaEventSink sink = new KafkaEventSink(
                KafkaSinkConfig.defaults(broker.bootstrapServers()).withTopics(topics), Tape.INSTRUMENTS)) {
            for (long i = 0; i < EVENTS; i += batch.capacity()) {
                Tape.fill(batch, i, batch.capacity());
                sink.publish(batch);
            }
            sink.flush();
            assertThat(sink.published()).isEqualTo(EVENTS);
        }
        EventBatch expected = new EventBatch(10_000);
        EventBatch got = new EventBatch(10_000);
        long row = 0;
        try (KafkaEventSource source = new KafkaEventSource(
                KafkaSourceConfig.replay(broker.bootstrapServers(), List.of(Tape.topicNames(topics))),
                Tape.INSTRUMENTS)) {
            while (source.readBatch(got)) {
                Tape.fill(expected, row, got.size());
                for (int r = 0; r < got.size(); r++) {
                    assertRow(got, r, expected, r, row + r);
                }
                row += got.size();
            }
            assertThat(source.duplicatesDropped()).isZero();
            assertThat(source.poisonCount()).isZero();
        }
        assertThat(row).isEqualTo(EVENTS);
    }

    static void assertRow(EventBatch got, int r, EventBatch expected, int e, long index) {
        if (got.instrument(r) != expected.instrument(e) || got.exchTs(r) != expected.exchTs(e)
                || got.localTs(r) != expected.localTs(e) || got.kindCode(r) != expected.kindCode(e)
                || got.sideCode(r) != expected.sideCode(e)
                || Double.doubleToRawLongBits(got.price(r)) != Double.doubleToRawLongBits(expected.price(e))
                || Double.doubleToRawLongBits(got.qty(r)) != Double.doubleToRawLongBits(expected.qty(e))
                || got.orderId(r) != expected.orderId(e) || got.flags(r) != expected.flags(e)) {
            throw new AssertionError("event " + index + " differs: got instrument " + got.instrument(r) + " exchTs "
                    + got.exchTs(r) + " kind " + got.kind(r) + " price " + got.price(r) + ", expected instrument "
                    + expected.instrument(e) + " exchTs " + expected.exchTs(e) + " kind " + expected.kind(e)
                    + " price " + expected.price(e));
        }
    }
}
