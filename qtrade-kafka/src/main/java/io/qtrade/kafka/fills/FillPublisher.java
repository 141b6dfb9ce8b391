package io.qtrade.kafka.fills;

import io.qtrade.core.order.ExecutionReport;
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
 * Publishes fills (executions) to one topic, encoded by {@link FillCodec}, and optionally execution reports (every
 * order state change) to another, encoded by {@link ExecutionReportCodec}; both keyed by {@code Instrument.id()} so
 * one instrument's records stay in one partition in order, which is all {@link PositionReader} needs to rebuild its
 * position. Idempotent producer, {@code acks=all}; {@link #publish} waits for the broker's acknowledgement, so a
 * returned call means the fill is stored (fills are few; their durability matters more than throughput).
 */
public final class FillPublisher implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final String reportTopic;

    /** Fills only. */
    public FillPublisher(String bootstrapServers, String topic) {
        this(bootstrapServers, topic, NO_REPORTS);
    }

    /** No execution-report topic: {@link #publish(ExecutionReport)} is refused. */
    public static final String NO_REPORTS = "";

    /** Fills to {@code topic}, execution reports to {@code reportTopic}. */
    public FillPublisher(String bootstrapServers, String topic, String reportTopic) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.reportTopic = Objects.requireNonNull(reportTopic, "reportTopic (NO_REPORTS for none)");
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
        send(new ProducerRecord<>(topic, null, Math.floorDiv(fill.exchTs(), 1_000_000L),
                fill.instrument().id().getBytes(StandardCharsets.UTF_8), FillCodec.encode(fill)),
                "fill of order " + fill.orderId());
    }

    /**
     * Stores {@code report} in the execution-report topic; record timestamp {@code exchTs} in milliseconds.
     *
     * @throws IllegalStateException when this publisher has no report topic, or the broker did not acknowledge it
     */
    public void publish(ExecutionReport report) {
        if (reportTopic.isEmpty()) {
            throw new IllegalStateException("execution report of order " + report.orderId()
                    + ": this publisher was built without a report topic");
        }
        send(new ProducerRecord<>(reportTopic, null, Math.floorDiv(report.exchTs(), 1_000_000L),
                report.instrument().id().getBytes(StandardCharsets.UTF_8), ExecutionReportCodec.encode(report)),
                "execution report of order " + report.orderId());
    }

    private void send(ProducerRecord<byte[], byte[]> record, String what) {
        try {
            producer.send(record).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " not stored in " + record.topic() + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted publishing " + what + " to " + record.topic(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
