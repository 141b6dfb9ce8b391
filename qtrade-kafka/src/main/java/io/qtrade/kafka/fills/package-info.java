/**
 * Fills (executions) on Kafka: {@link io.qtrade.kafka.fills.FillPublisher} writes them to a topic keyed by
 * instrument ({@link io.qtrade.kafka.fills.FillCodec} layout), {@link io.qtrade.kafka.fills.PositionReader}
 * rebuilds positions from the whole topic.
 */
package io.qtrade.kafka.fills;
