package io.qtrade.kafka;

import io.qtrade.core.market.TimeKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Settings of a {@link KafkaEventSource}.
 *
 * @param bootstrapServers {@code host:port[,host:port]}
 * @param topics           the topics to merge (every partition of each)
 * @param groupId          consumer group whose committed offsets record progress; {@link #NO_GROUP} for none
 * @param start            where each partition starts
 * @param timeKey          which timestamp orders the merge
 * @param lateWait         how long to wait for a partition with no buffered event before handing out later events
 *                         of the others (the bound on waiting for a late partition)
 * @param stopAtEnd        {@code true}: the source ends at the partitions' end offsets taken when it starts (a
 *                         replay); {@code false}: it follows the topics live
 * @param idleTimeout      live only: the source ends after this long with no event (counted from the first
 *                         {@code readBatch}); {@link Duration#ZERO} never
 * @param deduplicate      drop an event whose sequence (per instrument and kind) is not above the last one handed out
 * @param poisonPolicy     skip or stop on an undecodable record
 * @param poisonListener   told of every undecodable record (topic, partition, offset, reason)
 * @param extra            further consumer properties, applied last
 */
public record KafkaSourceConfig(String bootstrapServers, List<String> topics, String groupId, StartPosition start,
                                TimeKey timeKey, Duration lateWait, boolean stopAtEnd, Duration idleTimeout,
                                boolean deduplicate, PoisonPolicy poisonPolicy, Consumer<PoisonMessage> poisonListener,
                                Map<String, String> extra) {

    /** No consumer group: nothing is committed; {@link StartPosition.Committed} is refused. */
    public static final String NO_GROUP = "";
    public static final Duration DEFAULT_LATE_WAIT = Duration.ofMillis(200);

    public KafkaSourceConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        topics = List.copyOf(topics);
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("no topics to read");
        }
        Objects.requireNonNull(groupId, "groupId (NO_GROUP for none)");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(timeKey, "timeKey");
        Objects.requireNonNull(poisonPolicy, "poisonPolicy");
        Objects.requireNonNull(poisonListener, "poisonListener");
        if (lateWait.isNegative()) {
            throw new IllegalArgumentException("lateWait must be >= 0, was " + lateWait);
        }
        if (idleTimeout.isNegative()) {
            throw new IllegalArgumentException("idleTimeout must be >= 0, was " + idleTimeout);
        }
        if (start instanceof StartPosition.Committed && groupId.isEmpty()) {
            throw new IllegalArgumentException("start at committed offsets needs a group id");
        }
        extra = Map.copyOf(extra);
    }

    /**
     * A replay of {@code topics} from the earliest offsets to their ends, no group, ordered by {@code exchTs},
     * 200 ms late wait, de-duplicating, stopping on poison.
     */
    public static KafkaSourceConfig replay(String bootstrapServers, List<String> topics) {
        return new KafkaSourceConfig(bootstrapServers, topics, NO_GROUP, new StartPosition.Earliest(), TimeKey.EXCH,
                DEFAULT_LATE_WAIT, true, Duration.ZERO, true, PoisonPolicy.STOP, poison -> { }, Map.of());
    }

    public KafkaSourceConfig withGroup(String value) {
        return new KafkaSourceConfig(bootstrapServers, topics, value, start, timeKey, lateWait, stopAtEnd,
                idleTimeout, deduplicate, poisonPolicy, poisonListener, extra);
    }

    public KafkaSourceConfig withStart(StartPosition value) {
        return new KafkaSourceConfig(bootstrapServers, topics, groupId, value, timeKey, lateWait, stopAtEnd,
                idleTimeout, deduplicate, poisonPolicy, poisonListener, extra);
    }

    public KafkaSourceConfig withTimeKey(TimeKey value) {
        return new KafkaSourceConfig(bootstrapServers, topics, groupId, start, value, lateWait, stopAtEnd,
                idleTimeout, deduplicate, poisonPolicy, poisonListener, extra);
    }

    public KafkaSourceConfig withLateWait(Duration value) {
        return new KafkaSourceConfig(bootstrapServers, topics, groupId, start, timeKey, value, stopAtEnd,
                idleTimeout, deduplicate, poisonPolicy, poisonListener, extra);
    }

    /** Follows the topics live, ending after {@code idle} without events ({@link Duration#ZERO}: never). */
    public KafkaSourceConfig live(Duration idle) {
        return new KafkaSourceConfig(bootstrapServers, topics, groupId, start, timeKey, lateWait, false,
                idle, deduplicate, poisonPolicy, poisonListener, extra);
    }

    public KafkaSourceConfig withDeduplicate(boolean value) {
        return new KafkaSourceConfig(bootstrapServers, topics, groupId, start, timeKey, lateWait, stopAtEnd,
                idleTimeout, value, poisonPolicy, poisonListener, extra);
    }

    public KafkaSourceConfig withPoison(PoisonPolicy policy, Consumer<PoisonMessage> listener) {
        return new KafkaSourceConfig(bootstrapServers, topics, groupId, start, timeKey, lateWait, stopAtEnd,
                idleTimeout, deduplicate, policy, listener, extra);
    }

    public KafkaSourceConfig withExtra(Map<String, String> value) {
        return new KafkaSourceConfig(bootstrapServers, topics, groupId, start, timeKey, lateWait, stopAtEnd,
                idleTimeout, deduplicate, poisonPolicy, poisonListener, value);
    }
}
