package io.qtrade.kafka.fills;

import io.qtrade.core.order.Fill;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes fills (executions) to one topic, encoded by {@link FillCodec}, keyed by {@code Instrument.id()} so one
 * instrument's fills stay in one partition in order, which is all {@link PositionReader} needs to rebuild its
 * position. Idempotent producer, {@code acks=all}; {@link #publish} waits for the broker's acknowledgement, so a
 * returned call means the fill is stored (fills are few; their durability matters more than throughput).
 */
public final class FillPublisher implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;

    public FillPublisher(String bootstrapServers, String topic) {
        this.topic = Objects.requireNonNull(topic, "topic");
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * Stores {@code fill}; record timestamp {@code exchTs} in milliseconds.
     *
     * @throws IllegalStateException naming the topic and order when the broker did not acknowledge it
     */
    public void publish(Fill fill) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null,
                Math.floorDiv(fill.exchTs(), 1_000_000L), fill.instrument().id().getBytes(StandardCharsets.UTF_8),
                FillCodec.encode(fill));
        try {
            producer.send(record).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("fill of order " + fill.orderId() + " not stored in " + topic + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted publishing fill of order " + fill.orderId() + " to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
