package io.qtrade.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class KafkaEventSourceTest {

    private static final AtomicInteger RUN = new AtomicInteger();

    /** Fresh topics (2 partitions each) with the tape's rows 0 .. n published. */
    private static KafkaTopics publish(KafkaBroker broker, int n) throws Exception {
        KafkaTopics topics = new KafkaTopics("t" + RUN.incrementAndGet());
        broker.createTopics(2, Tape.topicNames(topics));
        EventBatch batch = new EventBatch(1000);
        try (KafkaEventSink sink = new KafkaEventSink(
                KafkaSinkConfig.defaults(broker.bootstrapServers()).withTopics(topics), Tape.INSTRUMENTS)) {
            for (long i = 0; i < n; i += batch.capacity()) {
                Tape.fill(batch, i, (int) Math.min(batch.capacity(), n - i));
                sink.publish(batch);
            }
            sink.flush();
        }
        return topics;
    }

    private static KafkaSourceConfig replay(KafkaBroker broker, KafkaTopics topics) {
        return KafkaSourceConfig.replay(broker.bootstrapServers(), List.of(Tape.topicNames(topics)));
    }

    /** Reads the source to its end checking each row against the tape from row {@code from}; returns the next row. */
    private static long readChecking(KafkaEventSource source, EventBatch got, long from) {
        EventBatch expected = new EventBatch(got.capacity());
        long row = from;
        while (source.readBatch(got)) {
            row = check(got, expected, row);
        }
        return row;
    }

    private static long check(EventBatch got, EventBatch expected, long row) {
        Tape.fill(expected, row, got.size());
        for (int r = 0; r < got.size(); r++) {
            KafkaRoundTripTest.assertRow(got, r, expected, r, row + r);
        }
        return row + got.size();
    }

    @Test
    void restartResumesFromCommittedOffsetsWithoutLossOrRepeat() throws Exception {
        KafkaBroker broker = SharedBroker.get();
        KafkaTopics topics = publish(broker, 20_000);
        KafkaSourceConfig config = replay(broker, topics).withGroup("resume-" + RUN.get())
                .withStart(new StartPosition.Committed(new StartPosition.Earliest()));
        EventBatch got = new EventBatch(1000);
        EventBatch expected = new EventBatch(1000);
        long row = 0;
        try (KafkaEventSource first = new KafkaEventSource(config, Tape.INSTRUMENTS)) {
            for (int b = 0; b < 7; b++) {
                assertThat(first.readBatch(got)).isTrue();
                row = check(got, expected, row);
            }
        }
        // 7 batches of 1000 were handed out; the second run starts exactly at event 7000.
        assertThat(row).isEqualTo(7_000);
        try (KafkaEventSource second = new KafkaEventSource(config, Tape.INSTRUMENTS)) {
            row = readChecking(second, got, row);
            assertThat(second.duplicatesDropped()).isZero();
        }
        assertThat(row).isEqualTo(20_000);
    }

    @Test
    void brokerRestartDuringARunLosesNothing() throws Exception {
        KafkaBroker broker = SharedBroker.get();
        KafkaTopics topics = publish(broker, 30_000);
        EventBatch got = new EventBatch(1000);
        EventBatch expected = new EventBatch(1000);
        long row = 0;
        // Small fetches, so most of the run is still on the broker when it restarts (the consumer cannot have
        // prefetched it): 2 KiB per partition fetch, 200 records per poll.
        KafkaSourceConfig config = replay(broker, topics).withGroup("restart-" + RUN.get())
                .withStart(new StartPosition.Committed(new StartPosition.Earliest()))
                .withExtra(Map.of("max.partition.fetch.bytes", "2048", "fetch.max.bytes", "16384",
                        "max.poll.records", "200"));
        try (KafkaEventSource source = new KafkaEventSource(config, Tape.INSTRUMENTS)) {
            for (int b = 0; b < 3; b++) {
                assertThat(source.readBatch(got)).isTrue();
                row = check(got, expected, row);
            }
            broker.restart();
            row = readChecking(source, got, row);
            assertThat(source.duplicatesDropped()).isZero();
        }
        assertThat(row).isEqualTo(30_000);
        // close() committed the end to the restarted broker: the group has nothing left.
        try (KafkaEventSource again = new KafkaEventSource(config, Tape.INSTRUMENTS)) {
            assertThat(again.readBatch(got)).isFalse();
        }
    }

    private static RecordMetadata sendRaw(KafkaBroker broker, String topic, int partition, byte[] key, byte[] value)
            throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(topic, partition, key, value)).get();
        }
    }

    @Test
    void poisonIsReportedWithTopicPartitionOffsetAndSkipped() throws Exception {
        KafkaBroker broker = SharedBroker.get();
        KafkaTopics topics = publish(broker, 5_000);
        String topic = topics.topic("binance", EventKind.TRADE);
        RecordMetadata at = sendRaw(broker, topic, 1, "BTCUSDT@binance".getBytes(StandardCharsets.UTF_8),
                new byte[] {1, 2, 3});
        List<PoisonMessage> reported = new ArrayList<>();
        try (KafkaEventSource source = new KafkaEventSource(
                replay(broker, topics).withPoison(PoisonPolicy.SKIP, reported::add), Tape.INSTRUMENTS)) {
            assertThat(readChecking(source, new EventBatch(700), 0)).isEqualTo(5_000);
            assertThat(source.poisonCount()).isEqualTo(1);
        }
        assertThat(reported).containsExactly(new PoisonMessage(topic, 1, at.offset(),
                "value of 3 bytes, expected 55"));
    }

    @Test
    void poisonStopsTheSourceWhenAskedTo() throws Exception {
        KafkaBroker broker = SharedBroker.get();
        KafkaTopics topics = publish(broker, 2_000);
        String topic = topics.topic("lobster", EventKind.BBO);
        byte[] badVersion = new byte[EventCodec.SIZE];
        badVersion[0] = 9;
        RecordMetadata at = sendRaw(broker, topic, 0, "AAPL@lobster".getBytes(StandardCharsets.UTF_8), badVersion);
        List<PoisonMessage> reported = new ArrayList<>();
        try (KafkaEventSource source = new KafkaEventSource(
                replay(broker, topics).withPoison(PoisonPolicy.STOP, reported::add), Tape.INSTRUMENTS)) {
            EventBatch got = new EventBatch(500);
            assertThatThrownBy(() -> {
                while (source.readBatch(got)) {
                    // read until the poison record reaches the head of its partition
                }
            }).isInstanceOf(PoisonMessageException.class)
                    .hasMessage("undecodable record at " + topic + "-0 offset " + at.offset()
                            + ": layout version 9, this reader knows 1");
        }
        assertThat(reported).hasSize(1);
        assertThat(reported.get(0).offset()).isEqualTo(at.offset());
    }

    @Test
    void reSentEventsAreDroppedByTheirSequence() throws Exception {
        KafkaBroker broker = SharedBroker.get();
        KafkaTopics topics = publish(broker, 1_000);
        // Re-send 5 events of BTCUSDT trade exactly as the sink encoded them (sequence 1..5): a producer retry
        // that the idempotent producer would normally prevent, or a republishing feed handler.
        String topic = topics.topic("binance", EventKind.TRADE);
        EventBatch batch = new EventBatch(1000);
        Tape.fill(batch, 0, 1000);
        int partition = -1;
        int resent = 0;
        long sequence = 0;
        for (int r = 0; r < batch.size() && resent < 5; r++) {
            if (batch.instrument(r) != 0) {
                continue;
            }
            // The sink numbers each instrument's events across kinds: this is BTCUSDT's sequence-th event.
            sequence++;
            if (batch.kind(r) == EventKind.TRADE) {
                byte[] value = new byte[EventCodec.SIZE];
                EventCodec.encode(batch, r, sequence, value);
                // Key and partitioner as the sink's, so the copy lands in the same partition after the original.
                partition = sendRaw(broker, topic, -1 == partition ? partitionOf(broker, topic) : partition,
                        "BTCUSDT@binance".getBytes(StandardCharsets.UTF_8), value).partition();
                resent++;
            }
        }
        try (KafkaEventSource source = new KafkaEventSource(replay(broker, topics), Tape.INSTRUMENTS)) {
            assertThat(readChecking(source, new EventBatch(1000), 0)).isEqualTo(1_000);
            assertThat(source.duplicatesDropped()).isEqualTo(5);
        }
    }

    /** The partition the default partitioner gives BTCUSDT's key in a 2-partition topic (murmur2, as Kafka's). */
    private static int partitionOf(KafkaBroker broker, String topic) {
        return org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(
                "BTCUSDT@binance".getBytes(StandardCharsets.UTF_8))) % 2;
    }

    /** The sink's last sequences after the tape's rows 0 .. n: per instrument, counted from the tape. */
    static long[] lastSequences(long n) {
        long[] last = new long[Tape.INSTRUMENTS.size()];
        for (long i = 0; i < n; i++) {
            last[Tape.instrument(i)]++;
        }
        return last;
    }

    /**
     * Two Kafka sources (one per venue) under the core's {@code MergedEventSource}, the k-way merge the backtest
     * engine and paper trading read from: the instruments concatenate to the tape's list and the rows come out as
     * the tape.
     */
    @Test
    void composesWithTheCoreMerge() throws Exception {
        KafkaBroker broker = SharedBroker.get();
        KafkaTopics topics = publish(broker, 8_000);
        List<String> binance = List.of(Tape.topicNames(topics)).subList(0, 4);
        List<String> lobster = List.of(Tape.topicNames(topics)).subList(4, 8);
        try (io.qtrade.core.market.MergedEventSource merged = new io.qtrade.core.market.MergedEventSource(
                io.qtrade.core.market.TimeKey.EXCH, List.of(
                new KafkaEventSource(KafkaSourceConfig.replay(broker.bootstrapServers(), binance),
                        Tape.INSTRUMENTS.subList(0, 2)),
                new KafkaEventSource(KafkaSourceConfig.replay(broker.bootstrapServers(), lobster),
                        Tape.INSTRUMENTS.subList(2, 4))))) {
            assertThat(merged.instruments()).isEqualTo(Tape.INSTRUMENTS);
            EventBatch got = new EventBatch(1000);
            EventBatch expected = new EventBatch(1000);
            long row = 0;
            while (merged.readBatch(got)) {
                row = check(got, expected, row);
            }
            assertThat(row).isEqualTo(8_000);
        }
    }

    @Test
    void startsAtATimestamp() throws Exception {
        KafkaBroker broker = SharedBroker.get();
        KafkaTopics topics = publish(broker, 10_000);
        // Row i has exchTs = T0 + i us, record timestamp its millisecond: start at the millisecond of row 4000
        // (rows 4000..4999 share it), so the source starts exactly at row 4000.
        try (KafkaEventSource source = new KafkaEventSource(
                replay(broker, topics).withStart(new StartPosition.AtTimestamp(Tape.exchTs(4_000))),
                Tape.INSTRUMENTS)) {
            assertThat(readChecking(source, new EventBatch(999), 4_000)).isEqualTo(10_000);
        }
    }

    @Test
    void startsAtGivenOffsetsAndAtTheLatest() throws Exception {
        KafkaBroker broker = SharedBroker.get();
        KafkaTopics topics = publish(broker, 3_000);
        String[] names = Tape.topicNames(topics);
        // Every partition at offset 0 = the whole tape.
        Map<TopicPartition, Long> zero = new java.util.HashMap<>();
        for (String t : names) {
            zero.put(new TopicPartition(t, 0), 0L);
            zero.put(new TopicPartition(t, 1), 0L);
        }
        try (KafkaEventSource source = new KafkaEventSource(
                replay(broker, topics).withStart(new StartPosition.AtOffsets(zero)), Tape.INSTRUMENTS)) {
            assertThat(readChecking(source, new EventBatch(1000), 0)).isEqualTo(3_000);
        }
        // Latest, live: only what is published after the source started; it ends 1 s after the last event.
        try (KafkaEventSource source = new KafkaEventSource(replay(broker, topics)
                .withStart(new StartPosition.Latest()).live(Duration.ofSeconds(1)), Tape.INSTRUMENTS)) {
            EventBatch batch = new EventBatch(1000);
            try (KafkaEventSink sink = new KafkaEventSink(
                    KafkaSinkConfig.defaults(broker.bootstrapServers()).withTopics(topics), Tape.INSTRUMENTS,
                    lastSequences(3_000))) {
                Tape.fill(batch, 3_000, 1_000);
                sink.publish(batch);
                sink.flush();
            }
            assertThat(readChecking(source, new EventBatch(1000), 3_000)).isEqualTo(4_000);
        }
    }
}
