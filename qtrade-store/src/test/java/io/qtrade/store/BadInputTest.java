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

    /**
     * The bulk decode's quick checks and the batch's bulk check hand every kind of bad row to the row checker: a file
     * with good rows around an unknown kind, kinds and sides that do not fit a byte, a side out of range, a depth row
     * without a side, a NaN price, an L3 row without an order id, a funding row with and without a plausible funding
     * time and time going back (within and past the tolerance) reads, strict and lenient, in batches of 1 to 64
     * rows, exactly as the parquet-mr reference reader (the reader before issue 22) reads it.
     */
    @Test
    void parquetWithEveryKindOfBadRowReadsAsTheReferenceReaderDoes(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("part-0.parquet");
        long fundingTime = 1_704_067_200_000_000_000L;
        java.util.List<GenericRecord> records = new java.util.ArrayList<>();
        long ts = 1_000;
        java.util.Random r = new java.util.Random(5);
        GenericRecord[] bad = {
                record(0, 300, 1, 100.0, 1.0), record(0, 2 + 256, 1, 100.0, 1.0), record(0, 0, 1, 100.0, 1.0),
                record(0, 2, 5, 100.0, 1.0), record(0, 2, 1 + 256, 100.0, 1.0), record(0, 1, 0, 100.0, 1.0),
                record(0, 2, 1, Double.NaN, 1.0), record(0, 7, 1, 100.0, 1.0), record(0, 2, 1, 100.0, -0.5),
                record(0, 13, 0, 0.0001, 0.0), record(0, 1, 1, 100.0, Double.POSITIVE_INFINITY)};
        for (int i = 0; i < 400; i++) {
            ts += r.nextInt(3);
            GenericRecord rec = r.nextInt(10) == 0 ? bad[r.nextInt(bad.length)] : record(0, 1 + r.nextInt(2),
                    r.nextBoolean() ? 1 : -1, 100 + r.nextInt(9), 1 + r.nextInt(3));
            GenericRecord copy = new GenericData.Record(TickSchema.avro());
            for (org.apache.avro.Schema.Field field : TickSchema.avro().getFields()) {
                copy.put(field.name(), rec.get(field.name()));
            }
            long rowTs = r.nextInt(40) == 0 ? ts - 1 - r.nextInt(3) : ts; // back by 1-3 ns now and then
            copy.put("exch_ts", rowTs);
            copy.put("local_ts", rowTs + 100);
            if ((int) copy.get("kind") == 13 && r.nextBoolean()) {
                copy.put("order_id", fundingTime); // a good funding row
            }
            records.add(copy);
        }
        try (ParquetWriter<GenericRecord> w = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(f))
                .withSchema(TickSchema.avro()).withConf(new PlainParquetConfiguration()).withPageRowCountLimit(50)
                .build()) {
            for (GenericRecord rec : records) {
                w.write(rec);
            }
        }
        for (long tolerance : new long[]{0, 2}) {
            TickReadOptions lenient = TickReadOptions.DEFAULT.withLenient(true).withMaxBackwardsNanos(tolerance);
            java.util.List<String> expected = ParquetPageDecoderTest.rows(new ParquetMrTickReader(f, BTC, lenient), 7);
            assertThat(expected).hasSizeBetween(250, 380);
            for (int batch : new int[]{1, 5, 64}) {
                ParquetTickReader reader = new ParquetTickReader(f, BTC, lenient);
                assertThat(ParquetPageDecoderTest.rows(reader, batch)).as("tolerance %d, batches of %d", tolerance,
                        batch).isEqualTo(expected);
                assertThat(reader.skippedRows()).isEqualTo(400 - expected.size());
            }
            TickReadOptions strict = TickReadOptions.DEFAULT.withMaxBackwardsNanos(tolerance);
            String message = null;
            try {
                ParquetPageDecoderTest.rows(new ParquetMrTickReader(f, BTC, strict), 7);
            } catch (TickDataException e) {
                message = e.getMessage();
            }
            assertThat(message).isNotNull();
            for (int batch : new int[]{1, 64}) {
                assertThatThrownBy(() -> ParquetPageDecoderTest.rows(new ParquetTickReader(f, BTC, strict), batch))
                        .isInstanceOf(TickDataException.class).hasMessage(message);
            }
        }
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
