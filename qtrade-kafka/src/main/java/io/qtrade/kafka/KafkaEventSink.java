package io.qtrade.kafka;

import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes market events of any kind from {@link EventBatch}es to Kafka: one record per event, encoded by
 * {@link EventCodec}, to the topic {@link KafkaTopics#topic} of its instrument's venue and its kind, keyed by
 * {@code Instrument.id()} so one instrument's events stay in one partition in publish order.
 *
 * <p>Each instrument's events carry a sequence 1, 2, 3 ... across all its kinds, in publish order (counted by this
 * sink, continuing given last sequences when a feed handler restarts). The {@link KafkaEventSource} uses it twice:
 * to drop re-delivered events (compared within one key in one topic, the unit Kafka keeps in order) and to hand out
 * one instrument's events with equal timestamps in publish order although they come from different topics (a trade
 * and the depth update of the same venue message). A failed send is
 * rethrown, naming the topic, by the next {@link #publish} or {@link #flush}. Not thread-safe: one publishing
 * thread.
 */
public final class KafkaEventSink implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final List<Instrument> instruments;
    private final byte[][] keys;
    private final String[][] topicByInstrumentKind;
    private final long[] sequence;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final Callback callback;
    private long published;

    /** A sink for events whose {@code instrument} column indexes {@code instruments}. */
    public KafkaEventSink(KafkaSinkConfig config, List<Instrument> instruments) {
        this(config, instruments, new long[instruments.size()]);
    }

    /**
     * A sink continuing sequences: instrument {@code i}'s next event gets sequence {@code lastSequence[i] + 1}
     * (for a feed handler that restarts and knows what it published, see {@link #lastSequence}).
     *
     * @throws IllegalArgumentException if {@code lastSequence} has not one entry per instrument or one is negative
     */
    public KafkaEventSink(KafkaSinkConfig config, List<Instrument> instruments, long[] lastSequence) {
        if (lastSequence.length != instruments.size()) {
            throw new IllegalArgumentException("lastSequence has " + lastSequence.length + " entries for "
                    + instruments.size() + " instruments");
        }
        for (int i = 0; i < lastSequence.length; i++) {
            if (lastSequence[i] < 0) {
                throw new IllegalArgumentException("lastSequence[" + i + "] = " + lastSequence[i]
                        + ": a sequence is 0 (none published) or positive");
            }
        }
        this.instruments = List.copyOf(instruments);
        this.sequence = lastSequence.clone();
        int n = instruments.size();
        this.keys = new byte[n][];
        this.topicByInstrumentKind = new String[n][EventKind.values().length + 1];
        for (int i = 0; i < n; i++) {
            Instrument instrument = instruments.get(i);
            keys[i] = instrument.id().getBytes(StandardCharsets.UTF_8);
            for (EventKind kind : EventKind.values()) {
                topicByInstrumentKind[i][kind.code()] = config.topics().topic(instrument.venue(), kind);
            }
        }
        this.producer = new KafkaProducer<>(producerProperties(config), new ByteArraySerializer(),
                new ByteArraySerializer());
        this.callback = (metadata, exception) -> {
            if (exception != null) {
                failure.compareAndSet(null, new IllegalStateException("publishing to Kafka failed: "
                        + exception.getMessage(), exception));
            }
        };
    }

    static Properties producerProperties(KafkaSinkConfig config) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.compression().kafkaName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(config.lingerMillis()));
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(config.batchSizeBytes()));
        p.putAll(config.extra());
        return p;
    }

    /** The instruments the {@code instrument} column indexes. */
    public List<Instrument> instruments() {
        return instruments;
    }

    /**
     * Sends every row of {@code batch} (asynchronously: {@link #flush} waits for the broker's acknowledgement).
     *
     * @throws IllegalArgumentException when a row's instrument index is outside {@link #instruments()}
     * @throws IllegalStateException    when an earlier send failed (reported once)
     */
    public void publish(EventBatch batch) {
        rethrow();
        for (int row = 0; row < batch.size(); row++) {
            int instrument = batch.instrument(row);
            if (instrument >= keys.length) {
                throw new IllegalArgumentException("row " + row + ": instrument index " + instrument
                        + " outside the sink's " + keys.length + " instruments");
            }
            byte[] value = new byte[EventCodec.SIZE];
            EventCodec.encode(batch, row, ++sequence[instrument], value);
            producer.send(new ProducerRecord<>(topicByInstrumentKind[instrument][batch.kindCode(row)], null,
                    Math.floorDiv(batch.exchTs(row), 1_000_000L), keys[instrument], value), callback);
        }
        published += batch.size();
    }

    /** Waits until every event sent so far is acknowledged by the broker. */
    public void flush() {
        producer.flush();
        rethrow();
    }

    /** Events handed to the producer so far. */
    public long published() {
        return published;
    }

    /** The last sequence given to instrument {@code instrument}'s events (0 before the first). */
    public long lastSequence(int instrument) {
        return sequence[instrument];
    }

    private void rethrow() {
        RuntimeException e = failure.getAndSet(null);
        if (e != null) {
            throw e;
        }
    }

    /** Flushes and closes the producer. */
    @Override
    public void close() {
        try {
            producer.flush();
        } finally {
            producer.close();
        }
        rethrow();
    }

    @Override
    public String toString() {
        return "KafkaEventSink[instruments=" + instruments.size() + ", published=" + published + "]";
    }
}
