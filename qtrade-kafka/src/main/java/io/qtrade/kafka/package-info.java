/**
 * Market events over Apache Kafka: {@link io.qtrade.kafka.KafkaEventSink} publishes
 * {@link io.qtrade.core.market.EventBatch} rows ({@link io.qtrade.kafka.EventCodec} layout, a topic per venue and
 * kind from {@link io.qtrade.kafka.KafkaTopics}, keyed by instrument) and {@link io.qtrade.kafka.KafkaEventSource}
 * reads them back as an {@link io.qtrade.core.market.EventSource}, merged in time order. Timestamps are epoch
 * nanoseconds; Kafka record timestamps are the events' {@code exchTs} in milliseconds.
 */
package io.qtrade.kafka;
