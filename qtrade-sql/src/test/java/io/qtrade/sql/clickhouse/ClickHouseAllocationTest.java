package io.qtrade.sql.clickhouse;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-event paths allocate nothing after warm-up: the sink's encoding into its buffer and the source's decoding
 * into the caller's batch (HTTP transfer excluded: the JDK client allocates its own receive buffers per chunk).
 * Measured with HotSpot's per-thread allocation counter; the bound of 2 KiB over 200,000 events (0.01 B/event)
 * leaves room for the counter's own bookkeeping, while one object per event would cost at least 3.2 MB.
 */
class ClickHouseAllocationTest {

    static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    static final Instrument BBB = Instrument.spot("BBB", "SYN", 0.05, 1);
    static final long T0 = 1_704_153_600_000_000_000L;
    static final int ROWS = 200_000;

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    @Test
    void encodingRowsIntoTheSinkBufferAllocatesNothing() {
        ClickHouseClient client = ClickHouseClient.builder(URI.create("http://127.0.0.1:1")).build();
        EventBatch batch = new EventBatch(1000);
        for (int i = 0; i < 1000; i++) {
            batch.addDepth(i % 2, T0 + i, T0 + i + 7, i % 3 == 0 ? Side.SELL : Side.BUY, 100 + i * 0.01, i);
        }
        // flushRows above every row written: no insert is sent, only the encoding runs.
        ClickHouseSink sink = ClickHouseSink.builder(client, new TickTable("t"), List.of(AAA, BBB))
                .flushRows(2 * ROWS + 1000).createTable(false).build();
        for (int i = 0; i < ROWS / 1000; i++) {
            sink.write(batch); // warm-up
        }
        long before = allocatedBytes();
        for (int i = 0; i < ROWS / 1000; i++) {
            sink.write(batch);
        }
        long allocated = allocatedBytes() - before;
        assertThat(sink.rowsBuffered()).isEqualTo(2 * ROWS);
        assertThat(allocated).isLessThan(2048);
    }

    @Test
    void decodingAResponseIntoTheCallersBatchAllocatesNothing() {
        FakeClickHouse.Rows rows = new FakeClickHouse.Rows();
        for (int i = 0; i < ROWS; i++) {
            rows.row(i % 2 == 0 ? "AAA" : "BBB", T0 + i, T0 + i + 7, 1, i % 3 == 0 ? -1 : 1, 100 + i * 0.01, i, 0,
                    0);
        }
        byte[] body = rows.bytes();
        ClickHouseClient client = ClickHouseClient.builder(URI.create("http://127.0.0.1:1")).build();
        EventBatch batch = new EventBatch(4096);
        long decoded = decodeAll(client, body, batch); // warm-up
        ByteArrayInputStream response = new ByteArrayInputStream(body);
        ClickHouseSource source = ClickHouseSource.builder(client, new TickTable("t"), List.of(AAA, BBB))
                .range(T0, T0 + ROWS).build();
        source.decode(response);
        long before = allocatedBytes();
        while (source.readBatch(batch)) {
            decoded += batch.size();
        }
        long allocated = allocatedBytes() - before;
        assertThat(decoded).isEqualTo(2L * ROWS);
        assertThat(allocated).isLessThan(2048);
    }

    private static long decodeAll(ClickHouseClient client, byte[] body, EventBatch batch) {
        long n = 0;
        for (int rep = 0; rep < 3; rep++) {
            try (ClickHouseSource source = ClickHouseSource.builder(client, new TickTable("t"), List.of(AAA, BBB))
                    .range(T0, T0 + ROWS).build()) {
                source.decode(new ByteArrayInputStream(body));
                while (source.readBatch(batch)) {
                    n += batch.size();
                }
            }
        }
        return n / 3;
    }
}
