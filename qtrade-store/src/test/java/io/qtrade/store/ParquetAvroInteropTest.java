package io.qtrade.store;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.InMemoryEventSource;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The store's Parquet parts read back through parquet-avro as {@code TickEvent} records, field for field. */
class ParquetAvroInteropTest {

    @Test
    void parquetAvroReadsEveryFieldTheStoreWrote(@TempDir Path root) throws Exception {
        Instrument btc = Instrument.spot("BTCUSDT", "SIM", 0.1, 0.001);
        EventBatch b = new EventBatch(4);
        b.addTrade(0, 1_704_153_600_000_000_123L, 1_704_153_600_000_200_123L, Side.SELL, 42_000.1, 0.003);
        b.add(0, 1_704_153_600_000_000_124L, 1_704_153_600_000_200_124L, EventKind.ORDER_ADD, (byte) 1, 41_999.9,
                1.5, 987_654_321L, 3);
        TickStore.WriteSummary s = TickStore.at(root).write(new InMemoryEventSource(List.of(btc), b),
                TickFormat.PARQUET);
        try (ParquetReader<GenericRecord> r = AvroParquetReader.<GenericRecord>builder(
                new LocalInputFile(s.parts().get(0))).withConf(new PlainParquetConfiguration()).build()) {
            GenericRecord first = r.read();
            assertThat(first.getSchema().getFullName()).isEqualTo("io.qtrade.connectors.store.TickEvent");
            assertThat(first.get("exch_ts")).isEqualTo(1_704_153_600_000_000_123L);
            assertThat(first.get("local_ts")).isEqualTo(1_704_153_600_000_200_123L);
            assertThat(first.get("kind")).isEqualTo(2);
            assertThat(first.get("side")).isEqualTo(-1);
            assertThat(first.get("price")).isEqualTo(42_000.1);
            assertThat(first.get("qty")).isEqualTo(0.003);
            GenericRecord second = r.read();
            assertThat(second.get("kind")).isEqualTo(7);
            assertThat(second.get("order_id")).isEqualTo(987_654_321L);
            assertThat(second.get("flags")).isEqualTo(3);
            assertThat(r.read()).isNull();
        }
        Instrument fromFooter = new ParquetTickReader(s.parts().get(0)).instruments().get(0);
        assertThat(fromFooter).isEqualTo(btc);
    }
}
