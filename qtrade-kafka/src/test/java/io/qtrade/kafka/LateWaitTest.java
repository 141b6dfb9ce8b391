package io.qtrade.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live merge: it waits for a partition active within lateWait, and an idle partition holds nothing back. */
class LateWaitTest {

    static final List<Instrument> ONE = List.of(new Instrument("X", "venue", 0.5, 1, 1));

    @Test
    void waitsForARecentlyActivePartitionThenSkipsAnIdleOne() throws Exception {
        KafkaBroker broker = SharedBroker.get();
        KafkaTopics topics = new KafkaTopics("late");
        String trades = topics.topic("venue", EventKind.TRADE);
        String depth = topics.topic("venue", EventKind.DEPTH_UPDATE);
        broker.createTopics(1, trades, depth);
        KafkaSourceConfig config = KafkaSourceConfig.replay(broker.bootstrapServers(), List.of(trades, depth))
                .withStart(new StartPosition.Latest()).live(Duration.ofSeconds(2)).withLateWait(Duration.ofSeconds(3));
        List<Long> seen = new ArrayList<>();
        try (KafkaEventSource source = new KafkaEventSource(config, ONE);
             KafkaEventSink sink = new KafkaEventSink(
                     KafkaSinkConfig.defaults(broker.bootstrapServers()).withTopics(topics), ONE)) {
            // Both partitions receive events within lateWait of the source's start: the merge interleaves them
            // by exchTs although the trades were sent (and may arrive) first.
            EventBatch b = new EventBatch(16);
            b.addTrade(0, 10, 10, Side.BUY, 100, 1);
            b.addTrade(0, 20, 20, Side.BUY, 100, 1);
            b.addTrade(0, 30, 30, Side.BUY, 100, 1);
            sink.publish(b);
            sink.flush();
            b.clear();
            b.addDepth(0, 15, 15, Side.BUY, 99.5, 4);
            sink.publish(b);
            sink.flush();
            // Then only trades: the depth partition goes idle after lateWait and must not hold them back forever.
            b.clear();
            b.addTrade(0, 40, 40, Side.SELL, 100, 1);
            b.addTrade(0, 50, 50, Side.SELL, 100, 1);
            sink.publish(b);
            sink.flush();
            EventBatch got = new EventBatch(16);
            while (source.readBatch(got)) {
                for (int r = 0; r < got.size(); r++) {
                    seen.add(got.exchTs(r));
                }
            }
        }
        assertThat(seen).containsExactly(10L, 15L, 20L, 30L, 40L, 50L);
    }
}
