package io.qtrade.kafka;

import io.qtrade.core.market.EventBatch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;

/**
 * A diagnostic harness (a main class, not a test): round trips of the tape through fresh topics on one broker,
 * each checked partition by partition against what the sink sent there (counts from the tape and the default
 * partitioner), then row for row through the source. Prints where events went missing: in the broker's log (its
 * offsets) or in the reading.
 *
 * <pre>{@code
 * mvn -B -o -q -pl qtrade-kafka test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.qtrade.kafka.KafkaLossProbe -Dexec.args="1000000 5 [defaults]"
 * }</pre>
 *
 * With {@code defaults} the topics keep the broker's default time retention (7 days) while the tape's record
 * timestamps are from 2023: the broker's retention check (every 500 ms on the test broker, 5 minutes by default)
 * deletes what was written before it ran, and the log start offsets show it.
 */
public final class KafkaLossProbe {

    private KafkaLossProbe() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        // "defaults": topics with the broker's default retention (7 days by time), as before the fix.
        Map<String, String> topicConfig = args.length > 2 && args[2].equals("defaults") ? Map.of()
                : Map.of("retention.ms", "-1");
        int bad = 0;
        try (KafkaBroker broker = KafkaBroker.start(Files.createTempDirectory("qtrade-kafka-probe-"))) {
            for (int round = 0; round < rounds; round++) {
                KafkaTopics topics = new KafkaTopics("p" + round);
                broker.createTopics(2, topicConfig, Tape.topicNames(topics));
                EventBatch batch = new EventBatch(10_000);
                try (KafkaEventSink sink = new KafkaEventSink(
                        KafkaSinkConfig.defaults(broker.bootstrapServers()).withTopics(topics), Tape.INSTRUMENTS)) {
                    for (long i = 0; i < n; i += batch.capacity()) {
                        Tape.fill(batch, i, (int) Math.min(batch.capacity(), n - i));
                        sink.publish(batch);
                    }
                    sink.flush();
                }
                String logs = brokerCounts(broker.bootstrapServers(), topics, n);
                long read = 0;
                long firstBad = -1;
                EventBatch got = new EventBatch(10_000);
                EventBatch expected = new EventBatch(10_000);
                String stats;
                try (KafkaEventSource source = new KafkaEventSource(
                        KafkaSourceConfig.replay(broker.bootstrapServers(), List.of(Tape.topicNames(topics))),
                        Tape.INSTRUMENTS)) {
                    while (source.readBatch(got)) {
                        if (firstBad < 0) {
                            Tape.fill(expected, read, got.size());
                            for (int r = 0; r < got.size() && firstBad < 0; r++) {
                                if (got.exchTs(r) != expected.exchTs(r)) {
                                    firstBad = read + r;
                                }
                            }
                        }
                        read += got.size();
                    }
                    stats = "delivered " + source.delivered() + ", duplicates dropped " + source.duplicatesDropped();
                }
                boolean ok = read == n && firstBad < 0 && logs.isEmpty();
                if (!ok) {
                    bad++;
                }
                System.out.printf("round %d: read %d of %d, first row out of place %d (%s); broker logs: %s%n", round,
                        read, n, firstBad, stats, logs.isEmpty() ? "every partition holds what was sent" : logs);
            }
        }
        System.out.printf("%d of %d rounds lost or misplaced events%n", bad, rounds);
        System.exit(bad == 0 ? 0 : 1);
    }

    /** Empty when every partition's log holds from offset 0 exactly what the sink sent it; else the differences. */
    static String brokerCounts(String servers, KafkaTopics topics, long n) {
        Map<TopicPartition, Long> expected = new java.util.HashMap<>();
        for (long i = 0; i < n; i++) {
            String key = Tape.INSTRUMENTS.get(Tape.instrument(i)).id();
            int partition = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 2;
            TopicPartition tp = new TopicPartition(topics.topic(Tape.INSTRUMENTS.get(Tape.instrument(i)).venue(),
                    Tape.kind(i)), partition);
            expected.merge(tp, 1L, Long::sum);
        }
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        StringBuilder out = new StringBuilder();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            for (String t : Tape.topicNames(topics)) {
                parts.add(new TopicPartition(t, 0));
                parts.add(new TopicPartition(t, 1));
            }
            Map<TopicPartition, Long> begin = c.beginningOffsets(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            for (TopicPartition tp : parts) {
                long want = expected.getOrDefault(tp, 0L);
                if (begin.get(tp) != 0 || end.get(tp) != want) {
                    out.append(tp).append(" [").append(begin.get(tp)).append(", ").append(end.get(tp))
                            .append(") sent ").append(want).append("; ");
                }
            }
        }
        return out.toString();
    }
}
