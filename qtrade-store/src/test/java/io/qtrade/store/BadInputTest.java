package io.qtrade.store;

import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventSource;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every kind of bad row names file, line (or row) and field; lenient mode counts each one; nothing is dropped. */
class BadInputTest {

    static final Instrument BTC = Instrument.spot("BTCUSDT", "SIM", 0.01, 0.001);
    static final String GOOD_1 = "1000,1100,2,1,100.5,0.25,0,0";
    static final String GOOD_2 = "2000,2100,1,-1,100.6,3.0,0,2";

    static Path csv(Path dir, String... lines) throws Exception {
        Path f = dir.resolve("part-0.csv");
        Files.writeString(f, TickSchema.CSV_HEADER + "\n" + String.join("\n", lines) + "\n");
        return f;
    }

    static int readAll(EventSource s) {
        EventBatch b = new EventBatch(16);
        int n = 0;
        try (s) {
            while (s.readBatch(b)) {
                n += b.size();
            }
        }
        return n;
    }

    @ParameterizedTest(name = "{0} -> field {1}")
    @CsvSource(delimiter = '|', value = {
        "1500,1600,2,1,100.5                |line    |expected 8 comma-separated fields, found 5",
        "1500,1600,2,1,100.5,1,0,0,9        |line    |found more",
        "1500,1600,2,1,abc,1,0,0            |price   |expected a number, was 'abc'",
        "1500,16x0,2,1,100.5,1,0,0          |local_ts|expected an integer, was '16x0'",
        "1500,1600,2,1,100.5,-1.5,0,0       |qty     |expected a finite quantity >= 0, was -1.5",
        "1500,1600,2,1,100.5,NaN,0,0        |qty     |was NaN",
        "1500,1600,2,1,NaN,1,0,0            |price   |TRADE needs a finite price, was NaN",
        "1500,1600,42,1,100.5,1,0,0         |kind    |unknown event code 42",
        "1500,1600,1,0,100.5,1,0,0          |side    |DEPTH_UPDATE needs side 1 or -1",
        "1500,1600,7,1,100.5,1,0,0          |order_id|ORDER_ADD needs a non-zero order id",
        "999,1600,2,1,100.5,1,0,0           |exch_ts |time goes backwards by 1 ns",
        "1500,1600,2,1,100.5,1,0,99999999999|flags   |value out of the int range",
    })
    void strictModeNamesFileLineAndField(String bad, String field, String detail, @TempDir Path dir)
            throws Exception {
        Path f = csv(dir, GOOD_1, bad, GOOD_2);
        CsvTickReader r = new CsvTickReader(f, BTC, TickReadOptions.DEFAULT);
        assertThatThrownBy(() -> readAll(r))
                .isInstanceOfSatisfying(TickDataException.class, e -> {
                    assertThat(e.file()).isEqualTo(f);
                    assertThat(e.row()).isEqualTo(3);       // header is line 1, GOOD_1 line 2
                    assertThat(e.field()).isEqualTo(field);
                })
                .hasMessageContaining(f + ", line 3, field " + field)
                .hasMessageContaining(detail);
    }

    @Test
    void lenientModeCountsEverySkippedRowAndKeepsTheGoodOnes(@TempDir Path dir) throws Exception {
        Path f = csv(dir, GOOD_1, "x,1,2,3", "1500,1600,2,1,100.5,-1,0,0", "1500,1600,99,1,100.5,1,0,0", GOOD_2,
                "10,10,2,1,1,1,0,0");
        CsvTickReader r = new CsvTickReader(f, BTC, TickReadOptions.DEFAULT.withLenient(true));
        assertThat(readAll(r)).isEqualTo(2);
        assertThat(r.skippedRows()).isEqualTo(4);   // 4 bad rows + 2 good = the 6 data lines
    }

    @Test
    void timeGoingBackwardsWithinTheToleranceIsKept(@TempDir Path dir) throws Exception {
        // 2000 then 1950: 50 ns back, inside a 100 ns tolerance; then 1800 is 200 ns below the max 2000.
        Path f = csv(dir, GOOD_2, "1950,2100,2,1,1,1,0,0", "1800,2100,2,1,1,1,0,0");
        CsvTickReader ok = new CsvTickReader(f, BTC, TickReadOptions.DEFAULT.withMaxBackwardsNanos(100));
        assertThatThrownBy(() -> readAll(ok)).isInstanceOf(TickDataException.class)
                .hasMessageContaining("line 4, field exch_ts").hasMessageContaining("by 200 ns");
        CsvTickReader wide = new CsvTickReader(f, BTC, TickReadOptions.DEFAULT.withMaxBackwardsNanos(200));
        assertThat(readAll(wide)).isEqualTo(3);
    }

    @Test
    void aWrongHeaderIsRefusedOnLineOne(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.csv");
        Files.writeString(f, "ts,price\n1,2\n");
        assertThatThrownBy(() -> new CsvTickReader(f, BTC, TickReadOptions.DEFAULT))
                .isInstanceOf(TickDataException.class).hasMessageContaining("line 1, field line")
                .hasMessageContaining("expected the header " + TickSchema.CSV_HEADER);
    }

    @Test
    void parquetWrittenByParquetAvroWithABadRowIsRefusedByRow(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("part-0.parquet");
        try (ParquetWriter<GenericRecord> w = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(f))
                .withSchema(TickSchema.avro()).withConf(new PlainParquetConfiguration()).build()) {
            w.write(record(1000, 2, 1, 100.0, 1.0));
            w.write(record(2000, 2, 1, 100.0, 2.0));
            w.write(record(3000, 2, 1, 100.0, -4.0));
        }
        ParquetTickReader strict = new ParquetTickReader(f, BTC, TickReadOptions.DEFAULT);
        assertThatThrownBy(() -> readAll(strict)).isInstanceOf(TickDataException.class)
                .hasMessageContaining(f + ", row 2, field qty").hasMessageContaining("was -4.0");
        ParquetTickReader lenient = new ParquetTickReader(f, BTC, TickReadOptions.DEFAULT.withLenient(true));
        assertThat(readAll(lenient)).isEqualTo(2);
        assertThat(lenient.skippedRows()).isEqualTo(1);
    }

    @Test
    void parquetWithoutInstrumentMetadataNeedsTheInstrument(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("part-0.parquet");
        try (ParquetWriter<GenericRecord> w = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(f))
                .withSchema(TickSchema.avro()).withConf(new PlainParquetConfiguration()).build()) {
            w.write(record(1000, 2, 1, 100.0, 1.0));
        }
        assertThatThrownBy(() -> new ParquetTickReader(f)).isInstanceOf(TickDataException.class)
                .hasMessageContaining("the footer names no instrument");
    }

    static GenericRecord record(long ts, int kind, int side, double price, double qty) {
        GenericRecord r = new GenericData.Record(TickSchema.avro());
        r.put("exch_ts", ts);
        r.put("local_ts", ts + 100);
        r.put("kind", kind);
        r.put("side", side);
        r.put("price", price);
        r.put("qty", qty);
        r.put("order_id", 0L);
        r.put("flags", 0);
        return r;
    }
}
