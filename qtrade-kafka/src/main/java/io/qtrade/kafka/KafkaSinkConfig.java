package io.qtrade.kafka;

import java.util.Map;
import java.util.Objects;

/**
 * Settings of a {@link KafkaEventSink}. Batching: the producer gathers records per partition up to
 * {@code batchSizeBytes} or until {@code lingerMillis} passed, then compresses the batch with {@code compression}.
 * The producer is idempotent ({@code enable.idempotence=true}, {@code acks=all}), so a retried send is never
 * written twice.
 *
 * @param bootstrapServers {@code host:port[,host:port]}
 * @param topics           topic naming
 * @param compression      batch compression, {@link #DEFAULT_COMPRESSION} by default
 * @param lingerMillis     how long a batch waits for more records, milliseconds, {@code >= 0}
 * @param batchSizeBytes   largest batch per partition, bytes, {@code > 0}
 * @param extra            further producer properties, applied last (they override the above)
 */
public record KafkaSinkConfig(String bootstrapServers, KafkaTopics topics, Compression compression, int lingerMillis,
                              int batchSizeBytes, Map<String, String> extra) {

    public static final Compression DEFAULT_COMPRESSION = Compression.LZ4;
    public static final int DEFAULT_LINGER_MILLIS = 5;
    public static final int DEFAULT_BATCH_SIZE_BYTES = 256 * 1024;

    public KafkaSinkConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(compression, "compression");
        if (lingerMillis < 0) {
            throw new IllegalArgumentException("lingerMillis must be >= 0, was " + lingerMillis);
        }
        if (batchSizeBytes <= 0) {
            throw new IllegalArgumentException("batchSizeBytes must be > 0, was " + batchSizeBytes);
        }
        extra = Map.copyOf(extra);
    }

    /** The defaults: prefix {@link KafkaTopics#DEFAULT_PREFIX}, lz4, 5 ms linger, 256 KiB batches. */
    public static KafkaSinkConfig defaults(String bootstrapServers) {
        return new KafkaSinkConfig(bootstrapServers, new KafkaTopics(KafkaTopics.DEFAULT_PREFIX), DEFAULT_COMPRESSION,
                DEFAULT_LINGER_MILLIS, DEFAULT_BATCH_SIZE_BYTES, Map.of());
    }

    public KafkaSinkConfig withCompression(Compression value) {
        return new KafkaSinkConfig(bootstrapServers, topics, value, lingerMillis, batchSizeBytes, extra);
    }

    public KafkaSinkConfig withLingerMillis(int value) {
        return new KafkaSinkConfig(bootstrapServers, topics, compression, value, batchSizeBytes, extra);
    }

    public KafkaSinkConfig withBatchSizeBytes(int value) {
        return new KafkaSinkConfig(bootstrapServers, topics, compression, lingerMillis, value, extra);
    }

    public KafkaSinkConfig withTopics(KafkaTopics value) {
        return new KafkaSinkConfig(bootstrapServers, value, compression, lingerMillis, batchSizeBytes, extra);
    }

    public KafkaSinkConfig withExtra(Map<String, String> value) {
        return new KafkaSinkConfig(bootstrapServers, topics, compression, lingerMillis, batchSizeBytes, value);
    }
}
