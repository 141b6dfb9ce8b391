package io.qtrade.kafka;

import io.qtrade.core.market.EventBatch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Throughput and end-to-end delay of {@link KafkaEventSink} / {@link KafkaEventSource} against a raw kafka-clients
 * producer / consumer moving the same bytes (same 55-byte values, keys, topics, producer settings), in one run, on
 * the in-process broker over loopback. A measurement harness (a main class), not a test:
 *
 * <pre>{@code
 * mvn -B -o -q -pl qtrade-kafka test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.qtrade.kafka.KafkaThroughput -Dexec.args="1000000"
 * }</pre>
 *
 * Delay: events are published live at a fixed pace with {@code exchTs} = the wall clock at send; the receiving
 * side computes {@code wall clock at receipt - exchTs} per event; p50 and p99 over all events.
 */
public final class KafkaThroughput {

    private KafkaThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        try (KafkaBroker broker = KafkaBroker.start(Files.createTempDirectory("qtrade-kafka-bench-"))) {
            String servers = broker.bootstrapServers();
            KafkaSinkConfig sinkConfig = KafkaSinkConfig.defaults(servers);
            System.out.printf("events=%d, value %d bytes, compression %s, linger %d ms, batch %d B, 8 topics x 2 "
                            + "partitions%n", n, EventCodec.SIZE, sinkConfig.compression(), sinkConfig.lingerMillis(),
                    sinkConfig.batchSizeBytes());
            for (int round = 0; round < 2; round++) {
                KafkaTopics q = new KafkaTopics("q" + round);
                KafkaTopics raw = new KafkaTopics("raw" + round);
                broker.createTopics(2, Tape.topicNames(q));
                broker.createTopics(2, Tape.topicNames(raw));
                double qPub = publishQtrade(sinkConfig.withTopics(q), n);
                double rawPub = publishRaw(sinkConfig.withTopics(raw), n);
                double qCon = consumeQtrade(servers, q, n);
                double rawCon = consumeRaw(servers, raw, n);
                System.out.printf("round %d%s: publish qtrade %.0f ev/s, raw %.0f ev/s; consume qtrade (merged) "
                        + "%.0f ev/s, raw (unmerged) %.0f ev/s%n", round, round == 0 ? " (warm-up)" : "", qPub,
                        rawPub, qCon, rawCon);
            }
            KafkaTopics ql = new KafkaTopics("qlive");
            KafkaTopics rl = new KafkaTopics("rawlive");
            broker.createTopics(2, Tape.topicNames(ql));
            broker.createTopics(2, Tape.topicNames(rl));
            int liveEvents = 200_000;
            int perMilli = 20;
            long[] qd = delayQtrade(sinkConfig.withTopics(ql), liveEvents, perMilli);
            long[] rd = delayRaw(sinkConfig.withTopics(rl), liveEvents, perMilli);
            System.out.printf("end-to-end delay at %d ev/s, %d events: qtrade p50 %.2f ms p99 %.2f ms; raw p50 %.2f ms "
                            + "p99 %.2f ms%n", perMilli * 1000, liveEvents, pct(qd, 0.50), pct(qd, 0.99),
                    pct(rd, 0.50), pct(rd, 0.99));
        }
        System.exit(0);
    }

    static double pct(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }

    static double publishQtrade(KafkaSinkConfig config, int n) {
        EventBatch batch = new EventBatch(10_000);
        long t0 = System.nanoTime();
        try (KafkaEventSink sink = new KafkaEventSink(config, Tape.INSTRUMENTS)) {
            for (long i = 0; i < n; i += batch.capacity()) {
                Tape.fill(batch, i, (int) Math.min(batch.capacity(), n - i));
                sink.publish(batch);
            }
            sink.flush();
            if (sink.published() != n) {
                throw new IllegalStateException("sink published " + sink.published());
            }
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    /** The same records the sink would send (topic, key, timestamp, value), sent by a bare producer. */
    static double publishRaw(KafkaSinkConfig config, int n) {
        EventBatch batch = new EventBatch(10_000);
        byte[][] keys = Tape.INSTRUMENTS.stream().map(i -> i.id().getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new);
        long[] seq = new long[keys.length];
        Properties p = KafkaEventSink.producerProperties(config);
        long t0 = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (long i = 0; i < n; i += batch.capacity()) {
                Tape.fill(batch, i, (int) Math.min(batch.capacity(), n - i));
                for (int r = 0; r < batch.size(); r++) {
                    int ins = batch.instrument(r);
                    byte[] v = new byte[EventCodec.SIZE];
                    EventCodec.encode(batch, r, ++seq[ins], v);
                    producer.send(new ProducerRecord<>(config.topics().topic(
                            Tape.INSTRUMENTS.get(ins).venue(), batch.kind(r)), null, batch.exchTs(r) / 1_000_000L,
                            keys[ins], v));
                }
            }
            producer.flush();
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    static double consumeQtrade(String servers, KafkaTopics topics, int n) {
        EventBatch batch = new EventBatch(10_000);
        long count = 0;
        long t0 = System.nanoTime();
        String stats;
        try (KafkaEventSource source = new KafkaEventSource(
                KafkaSourceConfig.replay(servers, List.of(Tape.topicNames(topics))), Tape.INSTRUMENTS)) {
            while (source.readBatch(batch)) {
                count += batch.size();
            }
            stats = source.toString();
        }
        double rate = count / ((System.nanoTime() - t0) / 1e9);
        if (count != n) {
            throw new IllegalStateException("qtrade source read " + count + " of " + n + ": " + stats);
        }
        return rate;
    }

    static KafkaConsumer<byte[], byte[]> rawConsumer(String servers, KafkaTopics topics, boolean fromEnd) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "20000");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(4 * 1024 * 1024));
        KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> parts = new ArrayList<>();
        for (String t : Tape.topicNames(topics)) {
            parts.add(new TopicPartition(t, 0));
            parts.add(new TopicPartition(t, 1));
        }
        c.assign(parts);
        if (fromEnd) {
            c.seekToEnd(parts);
            parts.forEach(c::position);
        } else {
            c.seekToBeginning(parts);
        }
        return c;
    }

    /** Reads and decodes the same values into a batch, without merging partitions. */
    static double consumeRaw(String servers, KafkaTopics topics, int n) {
        EventBatch batch = new EventBatch(20_000);
        long count = 0;
        long t0 = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> c = rawConsumer(servers, topics, false)) {
            while (count < n) {
                batch.clear();
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(100))) {
                    EventCodec.decodeInto(r.value(), 0, batch);
                    count++;
                }
            }
        }
        return count / ((System.nanoTime() - t0) / 1e9);
    }

    /** Publishes {@code total} events at {@code perMilli} per millisecond with exchTs = wall clock at send. */
    static void paced(KafkaSinkConfig config, int total, int perMilli, boolean raw) {
        EventBatch batch = new EventBatch(perMilli);
        byte[][] keys = Tape.INSTRUMENTS.stream().map(i -> i.id().getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new);
        long[] seq = new long[keys.length];
        KafkaProducer<byte[], byte[]> producer = raw ? new KafkaProducer<>(KafkaEventSink.producerProperties(config),
                new ByteArraySerializer(), new ByteArraySerializer()) : null;
        try (KafkaEventSink sink = raw ? null : new KafkaEventSink(config, Tape.INSTRUMENTS)) {
            long start = System.nanoTime();
            for (int sent = 0, tick = 0; sent < total; tick++) {
                while (System.nanoTime() - start < tick * 1_000_000L) {
                    Thread.onSpinWait();
                }
                batch.clear();
                long now = wallNanos();
                for (int k = 0; k < perMilli; k++, sent++) {
                    batch.add(Tape.instrument(sent), now, now, Tape.kind(sent), (byte) 1, 100.0, 1.0,
                            Tape.kind(sent) == io.qtrade.core.market.EventKind.ORDER_ADD ? 1 + sent : 0);
                }
                if (raw) {
                    for (int r = 0; r < batch.size(); r++) {
                        int ins = batch.instrument(r);
                        byte[] v = new byte[EventCodec.SIZE];
                        EventCodec.encode(batch, r, ++seq[ins], v);
                        producer.send(new ProducerRecord<>(config.topics().topic(Tape.INSTRUMENTS.get(ins).venue(),
                                batch.kind(r)), null, now / 1_000_000L, keys[ins], v));
                    }
                } else {
                    sink.publish(batch);
                }
            }
        } finally {
            if (producer != null) {
                producer.close();
            }
        }
    }

    private static final long WALL_OFFSET = System.currentTimeMillis() * 1_000_000L - System.nanoTime();

    static long wallNanos() {
        return WALL_OFFSET + System.nanoTime();
    }

    static long[] delayQtrade(KafkaSinkConfig config, int total, int perMilli) throws Exception {
        long[] delays = new long[total];
        KafkaSourceConfig sc = KafkaSourceConfig.replay(config.bootstrapServers(), List.of(Tape.topicNames(config.topics())))
                .withStart(new StartPosition.Latest()).live(Duration.ofSeconds(3))
                .withLateWait(Duration.ofMillis(20));
        try (KafkaEventSource source = new KafkaEventSource(sc, Tape.INSTRUMENTS)) {
            Thread producer = new Thread(() -> paced(config, total, perMilli, false));
            producer.start();
            EventBatch batch = new EventBatch(10_000);
            int got = 0;
            while (got < total && source.readBatch(batch)) {
                long now = wallNanos();
                for (int r = 0; r < batch.size() && got < total; r++) {
                    delays[got++] = now - batch.exchTs(r);
                }
            }
            producer.join();
            if (got != total) {
                throw new IllegalStateException("qtrade live read " + got + " of " + total);
            }
        }
        Arrays.sort(delays);
        return delays;
    }

    static long[] delayRaw(KafkaSinkConfig config, int total, int perMilli) throws Exception {
        long[] delays = new long[total];
        try (KafkaConsumer<byte[], byte[]> c = rawConsumer(config.bootstrapServers(), config.topics(), true)) {
            Thread producer = new Thread(() -> paced(config, total, perMilli, true));
            producer.start();
            int got = 0;
            while (got < total) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(20))) {
                    delays[got++] = wallNanos() - EventCodec.exchTs(r.value());
                }
            }
            producer.join();
        }
        Arrays.sort(delays);
        return delays;
    }

}
