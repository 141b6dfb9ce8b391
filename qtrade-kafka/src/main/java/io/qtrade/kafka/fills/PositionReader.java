package io.qtrade.kafka.fills;

import io.qtrade.core.Instrument;
import io.qtrade.core.order.Fill;
import io.qtrade.core.portfolio.Position;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Rebuilds positions from a fills topic written by {@link FillPublisher}: reads every partition from the earliest
 * offset to the end offset taken when {@link #read} starts and applies each fill to its instrument's
 * {@link Position} (average entry price, realised P&amp;L, fees), in the order the fills were published per
 * instrument (one instrument's fills are in one partition). No consumer group: a rebuild always reads the whole
 * topic, so the result does not depend on earlier runs (the topic's retention must keep every fill:
 * {@code retention.ms=-1} or compaction off).
 *
 * <p>A record that cannot be decoded, or whose key is none of the given instruments, is an error naming topic,
 * partition and offset: a position that silently missed a fill would be wrong.
 */
public final class PositionReader {

    private final String bootstrapServers;
    private final String topic;
    private final Map<String, Instrument> byId = new HashMap<>();

    public PositionReader(String bootstrapServers, String topic, List<Instrument> instruments) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        for (Instrument instrument : instruments) {
            byId.put(instrument.id(), instrument);
        }
    }

    /** Positions of every instrument with at least one fill, in first-seen order. */
    public Map<Instrument, Position> read() {
        Map<Instrument, Position> positions = new LinkedHashMap<>();
        read(fill -> positions.computeIfAbsent(fill.instrument(), Position::new).apply(fill));
        return positions;
    }

    /** Hands every fill to {@code sink}, per partition in offset order; returns how many. */
    public long read(Consumer<Fill> sink) {
        return readAll(topic, r -> sink.accept(decode(r)));
    }

    /**
     * Hands every execution report of {@code reportTopic} (written by {@link FillPublisher#publish(
     * io.qtrade.core.order.ExecutionReport)}) to {@code sink}, per partition in offset order; returns how many.
     */
    public long readReports(String reportTopic, Consumer<io.qtrade.core.order.ExecutionReport> sink) {
        return readAll(reportTopic, r -> {
            Instrument instrument = instrumentOf(r);
            try {
                sink.accept(ExecutionReportCodec.decode(r.value(), instrument));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("execution report at " + r.topic() + "-" + r.partition() + " offset "
                        + r.offset() + " cannot be decoded: " + e.getMessage(), e);
            }
        });
    }

    private long readAll(String topic, Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        long count = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalArgumentException("topic " + topic + " has no partitions: does it exist?");
            }
            List<TopicPartition> partitions = new ArrayList<>();
            infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
            ends.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            while (!ends.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    Long end = ends.get(tp);
                    if (end == null || r.offset() >= end) {
                        continue;
                    }
                    sink.accept(r);
                    count++;
                }
                ends.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
        }
        return count;
    }

    private Instrument instrumentOf(ConsumerRecord<byte[], byte[]> r) {
        String id = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
        Instrument instrument = id == null ? null : byId.get(id);
        if (instrument == null) {
            throw new IllegalStateException("record at " + r.topic() + "-" + r.partition() + " offset " + r.offset()
                    + ": key " + id + " is none of the " + byId.size() + " instruments given");
        }
        return instrument;
    }

    private Fill decode(ConsumerRecord<byte[], byte[]> r) {
        String where = r.topic() + "-" + r.partition() + " offset " + r.offset();
        Instrument instrument = instrumentOf(r);
        try {
            return FillCodec.decode(r.value(), instrument);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("fill at " + where + " cannot be decoded: " + e.getMessage(), e);
        }
    }
}
