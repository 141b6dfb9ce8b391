package io.qtrade.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's start-up snippet, as it is printed there (between the markers). */
class ReadmeExampleTest {

    @Test
    void readmeSnippet() throws Exception {
        KafkaBroker broker = SharedBroker.get();
        String servers = broker.bootstrapServers();
        broker.createTopics(1, "qtrade.md.binance.trade", "qtrade.md.binance.depth_update");
        // README-START
        List<Instrument> instruments = List.of(new Instrument("BTCUSDT", "binance", 0.01, 0.00001, 1));
        EventBatch batch = new EventBatch(1024);
        batch.addDepth(0, 1_000_000_000L, 1_000_000_500L, Side.BUY, 42_000.00, 1.5);
        batch.addTrade(0, 2_000_000_000L, 2_000_000_400L, Side.SELL, 42_000.00, 0.25);

        // Publish: topics qtrade.md.binance.depth_update and qtrade.md.binance.trade, key "BTCUSDT@binance".
        try (KafkaEventSink sink = new KafkaEventSink(
                KafkaSinkConfig.defaults(servers).withCompression(Compression.LZ4).withLingerMillis(5), instruments)) {
            sink.publish(batch);
            sink.flush();
        }

        // Read back, merged in exchTs order, resuming where group "strategy-1" stopped last time.
        KafkaSourceConfig config = KafkaSourceConfig.replay(servers,
                        List.of("qtrade.md.binance.depth_update", "qtrade.md.binance.trade"))
                .withGroup("strategy-1")
                .withStart(new StartPosition.Committed(new StartPosition.Earliest()))
                .withPoison(PoisonPolicy.SKIP, poison -> System.err.println(poison));
        EventBatch read = new EventBatch(1024);
        try (KafkaEventSource source = new KafkaEventSource(config, instruments)) {
            while (source.readBatch(read)) {
                for (int row = 0; row < read.size(); row++) {
                    System.out.println(read.kind(row) + " " + read.price(row) + " x " + read.qty(row));
                }
            }
        }
        // README-END
        assertThat(read.isEmpty()).isTrue();
        try (KafkaEventSource again = new KafkaEventSource(config.withGroup("check"), instruments)) {
            assertThat(again.readBatch(read)).isTrue();
            assertThat(read.size()).isEqualTo(2);
            assertThat(read.kind(0)).isEqualTo(EventKind.DEPTH_UPDATE);
            assertThat(read.kind(1)).isEqualTo(EventKind.TRADE);
            assertThat(read.qty(1)).isEqualTo(0.25);
        }
    }
}
