package io.qtrade.kafka;

import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.EventSource;
import io.qtrade.core.market.TimeKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * An {@link EventSource} over Kafka topics written by {@link KafkaEventSink}: every partition of every topic is
 * read and the partitions are merged into one stream in time order ({@code exchTs} or {@code localTs}; equal times by
 * instrument index, then in the instrument's publish order, which the sink's per-instrument sequence records), ready for the backtest engine, a pacer, paper trading, the recorder or a live strategy.
 *
 * <h2>Merge and the bounded wait</h2>
 * An event is handed out only when every partition still open has an event buffered, so nothing earlier can
 * arrive later from another partition. A partition known to hold unread events (a replay's end offset not reached,
 * or a lag reported by the last fetch) is always waited for. A partition that is caught up holds the merge back
 * until {@code lateWait} has passed since its last records arrived; then it counts as idle and no longer holds
 * anything back (as a watermark's idle source in stream processors) until records arrive for it again. An event an
 * idle partition receives later with an older timestamp than events already handed out comes out of order. A replay ({@code stopAtEnd}) closes a
 * partition once it reaches the end offset taken at start, so a replay never waits on finished partitions.
 *
 * <h2>Consumer group and delivery guarantee</h2>
 * The source assigns itself all partitions (it does not {@code subscribe}: a time-ordered merge needs every
 * partition, so the group's rebalancing would break it). The group id is used only to store progress: each
 * {@link #readBatch} first commits (asynchronously) the offsets after the events handed out by the previous
 * call, and {@link #close()} commits synchronously. Each strategy process therefore uses its own group id (many
 * groups read the same topics: fan-out); two sources sharing a group id would overwrite each other's progress.
 *
 * <p>The guarantee is <b>at-least-once from Kafka with de-duplication by the per-instrument sequence</b>: a record is
 * committed only after it was handed out, so a crash re-delivers the events handed out since the last successful commit
 * (normally the last batch); within a
 * run, a record whose sequence is not above the last one handed out for its instrument and kind (one key in one
 * topic, which Kafka keeps in order) (a re-fetch, a producer that
 * re-sent) is dropped and counted in {@link #duplicatesDropped()}. A clean restart ({@link #close()} then a new
 * source on the same group with {@link StartPosition.Committed}) resumes at the next event: nothing lost, nothing
 * repeated. A broker restart during a run is absorbed by the client (it reconnects; commits that fail meanwhile
 * are retried by the next batch's commit). No transactions are used.
 *
 * <h2>Poison messages</h2>
 * A record with an undecodable value or a key that is none of the source's instruments is reported to the
 * configured listener as a {@link PoisonMessage} (topic, partition, offset, reason) when it reaches the head of
 * its partition, then skipped or stopped on ({@link PoisonPolicy}).
 *
 * <p>Not thread-safe (Kafka's consumer is single-threaded). Allocation: the Kafka client allocates each record;
 * this class allocates nothing per event beyond the key string of the head record.
 */
public final class KafkaEventSource implements EventSource {

    private static final Duration POLL_SLICE = Duration.ofMillis(20);

    private final KafkaSourceConfig config;
    private final List<Instrument> instruments;
    private final Map<String, Integer> indexById = new HashMap<>();
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Lane[] lanes;
    private final Map<TopicPartition, Lane> laneByPartition = new HashMap<>();
    private final long[][] lastSequence;
    private final boolean commit;
    private final long lateWaitNanos;
    private long duplicates;
    private long poisoned;
    private long delivered;
    /** When the last event was handed out, or the first readBatch began; -1 before it. */
    private long lastEventNanos = -1;
    private boolean exhausted;

    /** One partition: its buffered records and what was handed out of it. */
    private static final class Lane {
        final TopicPartition partition;
        final ArrayDeque<ConsumerRecord<byte[], byte[]>> buffer = new ArrayDeque<>();
        long endOffset = Long.MAX_VALUE;
        boolean closed;
        /** Offset after the last record handed out (or skipped), -1 when none since the last commit. */
        long commitOffset = -1;
        /** When records last arrived (System.nanoTime), or when the source started. */
        long lastDataNanos = System.nanoTime();
        // The head record, examined once.
        ConsumerRecord<byte[], byte[]> head;
        String headProblem;
        int headInstrument;
        long headTs;
        long headSequence;

        Lane(TopicPartition partition) {
            this.partition = partition;
        }
    }

    /** A source whose events' {@code instrument} column indexes {@code instruments} (keys are their ids). */
    public KafkaEventSource(KafkaSourceConfig config, List<Instrument> instruments) {
        this.config = config;
        this.instruments = List.copyOf(instruments);
        for (int i = 0; i < this.instruments.size(); i++) {
            indexById.put(this.instruments.get(i).id(), i);
        }
        this.lastSequence = new long[this.instruments.size()][EventKind.values().length + 1];
        this.commit = !config.groupId().isEmpty();
        this.lateWaitNanos = config.lateWait().toNanos();
        this.consumer = new KafkaConsumer<>(consumerProperties(config), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : config.topics()) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic);
                if (infos == null || infos.isEmpty()) {
                    throw new IllegalArgumentException("topic " + topic + " has no partitions: does it exist?");
                }
                infos.stream().map(p -> new TopicPartition(p.topic(), p.partition()))
                        .sorted((a, b) -> Integer.compare(a.partition(), b.partition())).forEach(partitions::add);
            }
            consumer.assign(partitions);
            this.lanes = new Lane[partitions.size()];
            for (int i = 0; i < lanes.length; i++) {
                lanes[i] = new Lane(partitions.get(i));
                laneByPartition.put(partitions.get(i), lanes[i]);
            }
            seek(partitions, config.start());
            if (config.stopAtEnd()) {
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                for (Lane lane : lanes) {
                    lane.endOffset = ends.get(lane.partition);
                }
            }
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    static Properties consumerProperties(KafkaSourceConfig config) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        if (!config.groupId().isEmpty()) {
            p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        }
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "20000");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(4 * 1024 * 1024));
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.putAll(config.extra());
        return p;
    }

    private void seek(List<TopicPartition> partitions, StartPosition start) {
        if (start instanceof StartPosition.Earliest) {
            consumer.seekToBeginning(partitions);
        } else if (start instanceof StartPosition.Latest) {
            consumer.endOffsets(partitions).forEach(consumer::seek);
        } else if (start instanceof StartPosition.Committed c) {
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
            List<TopicPartition> without = new ArrayList<>();
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata om = committed.get(tp);
                if (om == null) {
                    without.add(tp);
                } else {
                    consumer.seek(tp, om.offset());
                }
            }
            if (!without.isEmpty()) {
                seek(without, c.ifNone());
            }
        } else if (start instanceof StartPosition.AtTimestamp t) {
            Map<TopicPartition, Long> query = new HashMap<>();
            long millis = Math.floorDiv(t.epochNanos(), 1_000_000L);
            partitions.forEach(tp -> query.put(tp, millis));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            for (TopicPartition tp : partitions) {
                OffsetAndTimestamp ot = found.get(tp);
                consumer.seek(tp, ot == null ? ends.get(tp) : ot.offset());
            }
        } else if (start instanceof StartPosition.AtOffsets o) {
            List<TopicPartition> without = new ArrayList<>();
            for (TopicPartition tp : partitions) {
                Long offset = o.offsets().get(tp);
                if (offset == null) {
                    without.add(tp);
                } else {
                    consumer.seek(tp, offset);
                }
            }
            consumer.seekToBeginning(without);
        }
    }

    @Override
    public List<Instrument> instruments() {
        return instruments;
    }

    @Override
    public boolean readBatch(EventBatch into) {
        into.clear();
        commitAsync();
        if (exhausted) {
            return false;
        }
        if (lastEventNanos < 0) {
            // The idle timeout counts from the first read, not from construction: a source opened before its
            // publisher is started has waited for nothing yet.
            lastEventNanos = System.nanoTime();
        }
        boolean polledNow = false;
        while (!into.isFull()) {
            long now = System.nanoTime();
            Lane best = null;
            long untilIdle = Long.MAX_VALUE;
            boolean blocked = false;
            for (Lane lane : lanes) {
                if (examineHead(lane)) {
                    if (best == null || before(lane, best)) {
                        best = lane;
                    }
                } else if (!isClosed(lane)) {
                    long quiet = now - lane.lastDataNanos;
                    if (hasPending(lane)) {
                        blocked = true;
                    } else if (quiet < lateWaitNanos) {
                        blocked = true;
                        untilIdle = Math.min(untilIdle, lateWaitNanos - quiet);
                    }
                }
            }
            if (best != null && !blocked) {
                emit(best, into);
                polledNow = false;
                continue;
            }
            if (best == null && !blocked) {
                if (config.stopAtEnd() && allClosed()) {
                    exhausted = true;
                    break;
                }
                if (!config.stopAtEnd() && !config.idleTimeout().isZero()
                        && now - lastEventNanos >= config.idleTimeout().toNanos()) {
                    exhausted = true;
                    break;
                }
            }
            // Blocked by a partition that has unread events or was active less than lateWait ago, or nothing
            // buffered at all: fetch.
            if (!polledNow) {
                polledNow = true;
                if (poll(Duration.ZERO)) {
                    continue;
                }
            }
            if (!into.isEmpty()) {
                break;
            }
            poll(Duration.ofNanos(Math.max(1_000_000L, Math.min(POLL_SLICE.toNanos(), untilIdle))));
        }
        return !into.isEmpty();
    }

    private boolean allClosed() {
        for (Lane lane : lanes) {
            if (!lane.closed) {
                return false;
            }
        }
        return true;
    }

    private boolean poll(Duration timeout) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(timeout);
        if (records.isEmpty()) {
            return false;
        }
        long now = System.nanoTime();
        for (TopicPartition tp : records.partitions()) {
            Lane lane = laneByPartition.get(tp);
            lane.buffer.addAll(records.records(tp));
            lane.lastDataNanos = now;
        }
        return true;
    }

    /**
     * Whether the broker is known to hold more of this partition than was fetched: a replay's end offset not yet
     * reached, or a live partition whose last fetch reported a lag. Such a partition is waited for without bound;
     * the late wait applies only to a partition that is caught up and quiet.
     */
    private boolean hasPending(Lane lane) {
        if (config.stopAtEnd()) {
            return consumer.position(lane.partition) < lane.endOffset;
        }
        OptionalLong lag = consumer.currentLag(lane.partition);
        return lag.isPresent() && lag.getAsLong() > 0;
    }

    private boolean isClosed(Lane lane) {
        if (!lane.closed && config.stopAtEnd() && lane.buffer.isEmpty() && lane.head == null
                && consumer.position(lane.partition) >= lane.endOffset) {
            lane.closed = true;
        }
        return lane.closed;
    }

    /** Makes the lane's head a decodable event, handling poison on the way; {@code false} when nothing buffered. */
    private boolean examineHead(Lane lane) {
        while (lane.head == null) {
            ConsumerRecord<byte[], byte[]> r = lane.buffer.pollFirst();
            if (r == null) {
                return false;
            }
            if (config.stopAtEnd() && r.offset() >= lane.endOffset) {
                // Published after the replay started: not part of it.
                lane.buffer.clear();
                lane.closed = true;
                return false;
            }
            String problem = EventCodec.problem(r.value());
            int instrument = -1;
            if (problem == null) {
                String id = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
                Integer index = id == null ? null : indexById.get(id);
                if (index == null) {
                    problem = "key " + (id == null ? "null" : "'" + id + "'") + " is none of the source's "
                            + instruments.size() + " instruments";
                } else {
                    instrument = index;
                }
            }
            if (problem != null) {
                PoisonMessage poison = new PoisonMessage(r.topic(), r.partition(), r.offset(), problem);
                poisoned++;
                config.poisonListener().accept(poison);
                if (config.poisonPolicy() == PoisonPolicy.STOP) {
                    lane.buffer.addFirst(r);
                    throw new PoisonMessageException(poison);
                }
                lane.commitOffset = r.offset() + 1;
                continue;
            }
            lane.head = r;
            lane.headInstrument = instrument;
            lane.headTs = config.timeKey() == TimeKey.EXCH ? EventCodec.exchTs(r.value())
                    : EventCodec.localTs(r.value());
            lane.headSequence = EventCodec.sequence(r.value());
        }
        return true;
    }

    /**
     * The merge order of two heads: time, then instrument index, then the instrument's publish sequence. So one
     * instrument's events with equal times (a venue message's trade and depth rows, in different topics) come out
     * in the order they were published, and equal times of different instruments by instrument index, whatever
     * the topic and partition order.
     */
    private static boolean before(Lane a, Lane b) {
        if (a.headTs != b.headTs) {
            return a.headTs < b.headTs;
        }
        if (a.headInstrument != b.headInstrument) {
            return a.headInstrument < b.headInstrument;
        }
        return a.headSequence < b.headSequence;
    }

    private void emit(Lane lane, EventBatch into) {
        ConsumerRecord<byte[], byte[]> r = lane.head;
        lane.head = null;
        lane.commitOffset = r.offset() + 1;
        byte[] value = r.value();
        int instrument = lane.headInstrument;
        long sequence = lane.headSequence;
        if (config.deduplicate()) {
            // Compared per kind: one kind of one instrument is one key in one topic, which Kafka keeps in publish
            // order, so its sequences only rise unless a record is delivered again. (Across kinds they need not:
            // the merge follows time, and an idle partition's late event may come out after newer ones.)
            long[] last = lastSequence[instrument];
            byte kind = value[1];
            if (sequence <= last[kind]) {
                duplicates++;
                return;
            }
            last[kind] = sequence;
        }
        EventCodec.decodeInto(value, instrument, into);
        delivered++;
        lastEventNanos = System.nanoTime();
    }

    private Map<TopicPartition, OffsetAndMetadata> pendingCommits() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (Lane lane : lanes) {
            if (lane.commitOffset >= 0) {
                offsets.put(lane.partition, new OffsetAndMetadata(lane.commitOffset));
            }
        }
        return offsets;
    }

    private void commitAsync() {
        if (!commit) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = pendingCommits();
        if (offsets.isEmpty()) {
            return;
        }
        consumer.commitAsync(offsets, (done, error) -> {
            if (error == null) {
                // Clear only what is still the same offset: later batches may have moved on.
                done.forEach((tp, om) -> {
                    Lane lane = laneByPartition.get(tp);
                    if (lane.commitOffset == om.offset()) {
                        lane.commitOffset = -1;
                    }
                });
            }
        });
    }

    /**
     * The publish sequence of the last event of {@code kind} handed out for instrument {@code instrument} (0 before
     * the first).
     */
    public long lastSequence(int instrument, EventKind kind) {
        return lastSequence[instrument][kind.code()];
    }

    /** Events handed out so far. */
    public long delivered() {
        return delivered;
    }

    /** Re-delivered events dropped by their sequence. */
    public long duplicatesDropped() {
        return duplicates;
    }

    /** Undecodable records reported so far. */
    public long poisonCount() {
        return poisoned;
    }

    /** Commits the offsets after every event handed out (synchronously) and closes the consumer. */
    @Override
    public void close() {
        try {
            if (commit) {
                Map<TopicPartition, OffsetAndMetadata> offsets = pendingCommits();
                if (!offsets.isEmpty()) {
                    consumer.commitSync(offsets);
                }
            }
        } finally {
            consumer.close();
        }
    }

    @Override
    public String toString() {
        return "KafkaEventSource[topics=" + config.topics() + ", group=" + config.groupId() + ", partitions="
                + lanes.length + ", delivered=" + delivered + ", duplicatesDropped=" + duplicates + ", poison="
                + poisoned + "]";
    }
}
