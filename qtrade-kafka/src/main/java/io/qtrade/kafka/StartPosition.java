package io.qtrade.kafka;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.TopicPartition;

/** Where a {@link KafkaEventSource} starts reading each partition. */
public sealed interface StartPosition {

    /** The first offset still on the broker. */
    record Earliest() implements StartPosition {
    }

    /** The end of each partition as the source starts: only events published afterwards. */
    record Latest() implements StartPosition {
    }

    /**
     * The consumer group's committed offset (the next event not yet handed out by a previous run); partitions
     * without a committed offset start at {@code ifNone}. Needs a group id.
     */
    record Committed(StartPosition ifNone) implements StartPosition {
        public Committed {
            Objects.requireNonNull(ifNone, "ifNone");
            if (ifNone instanceof Committed) {
                throw new IllegalArgumentException("Committed cannot fall back to Committed");
            }
        }
    }

    /**
     * The first record whose Kafka timestamp (the event's {@code exchTs} in milliseconds, as the sink writes it)
     * is {@code >= epochNanos / 1e6}; a partition with none starts at its end.
     */
    record AtTimestamp(long epochNanos) implements StartPosition {
    }

    /** Given offsets; a partition not in the map starts at its earliest offset. */
    record AtOffsets(Map<TopicPartition, Long> offsets) implements StartPosition {
        public AtOffsets {
            offsets = Map.copyOf(offsets);
        }
    }

}
