package io.qtrade.store;

import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.EventSource;
import org.apache.parquet.format.Encoding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's own Parquet page decoder ({@link ColumnChunkDecoder}) against the rows written and against
 * parquet-mr's decoders (the reader as it was before issue 22, {@link ParquetMrTickReader}), row by row, on a file of
 * many row groups and many pages per column chunk that exercises every encoding the store's writer uses: delta
 * timestamps (negative deltas, bit widths up to 64), dictionary pages whose dictionary overflows mid-chunk into PLAIN
 * (doubles) or DELTA_BINARY_PACKED (integers), and RLE runs of dictionary indices.
 */
class ParquetPageDecoderTest {

    static final Instrument X = Instrument.spot("X", "SIM", 0.01, 0.001);
    static final int ROWS = 60_000;

    @TempDir
    static Path dir;
    static Path file;
    static EventBatch written;

    @BeforeAll
    static void writeAFileOfManyRowGroupsAndPages() {
        written = new EventBatch(ROWS);
        Random r = new Random(22);
        long ts = 1_700_000_000_000_000_000L;
        for (int i = 0; i < ROWS; i++) {
            ts += r.nextInt(10) == 0 ? 0 : r.nextInt(1 << (1 + r.nextInt(30)));
            long local = ts + 1_000 + r.nextInt(5_000_000); // not monotonic: negative deltas
            // Per 10,000 rows: first few distinct prices and sizes (the dictionary holds), then many (it overflows).
            boolean few = i % 10_000 < 5_000;
            double price = few ? 100 + r.nextInt(40) * 0.01 : 100 + r.nextInt(1_000_000) * 0.01;
            double qty = few ? 1 + r.nextInt(5) : r.nextInt(10_000_000) * 0.001;
            int flags = r.nextInt(8) == 0 ? r.nextInt(32) : 0;
            int pick = r.nextInt(20);
            if (pick < 12) {
                written.add(0, ts, local, EventKind.DEPTH_UPDATE, r.nextBoolean() ? (byte) 1 : (byte) -1, price,
                        r.nextInt(6) == 0 ? 0 : qty, 0, flags);
            } else if (pick < 16) {
                written.add(0, ts, local, EventKind.TRADE, (byte) (r.nextInt(3) - 1), price, qty, 0, flags);
            } else if (pick < 19) {
                // Order ids anywhere in the long range: delta bit widths up to 64.
                written.add(0, ts, local, EventKind.ORDER_ADD, (byte) 1, price, qty,
                        r.nextBoolean() ? r.nextLong() | 1 : 1 + r.nextInt(1000), flags);
            } else {
                written.add(0, ts, local, EventKind.SNAPSHOT_END, (byte) 0, Double.NaN, 0, 0, flags);
            }
        }
        file = dir.resolve("part-0.parquet");
        // 48 KiB row groups, 4 KiB pages, 2 KiB dictionaries: dozens of row groups, many pages per chunk.
        ParquetPartWriter w = new ParquetPartWriter(dir.resolve(".part-0.parquet.inprogress"), file, X,
                48 << 10, 4 << 10, 2 << 10);
        EventCursor c = new EventCursor();
        c.reset(written);
        while (c.next()) {
            w.write(c);
        }
        w.commit();
    }

    static List<String> rows(EventSource source, int batchRows) {
        List<String> out = new ArrayList<>();
        EventBatch b = new EventBatch(batchRows);
        try (source) {
            while (source.readBatch(b)) {
                for (int i = 0; i < b.size(); i++) {
                    out.add(row(b, i));
                }
            }
        }
        return out;
    }

    static String row(EventBatch b, int i) {
        return b.exchTs(i) + " " + b.localTs(i) + " " + b.kind(i) + " " + b.sideCode(i) + " "
                + Double.doubleToRawLongBits(b.price(i)) + " " + Double.doubleToRawLongBits(b.qty(i)) + " "
                + b.orderId(i) + " " + b.flags(i);
    }

    @Test
    void theFileHasManyRowGroupsAndPagesAndEveryEncodingTheWriterUses() {
        try (ParquetTickReader r = new ParquetTickReader(file, X, TickReadOptions.DEFAULT)) {
            assertThat(r.rowGroups()).isGreaterThanOrEqualTo(20);
            EventBatch b = new EventBatch(4096);
            long n = 0;
            while (r.readBatch(b)) {
                n += b.size();
            }
            assertThat(n).isEqualTo(ROWS);
            Map<String, Set<Encoding>> seen = r.encodingsSeen();
            assertThat(seen.get("exch_ts")).contains(Encoding.DELTA_BINARY_PACKED);
            assertThat(seen.get("local_ts")).contains(Encoding.DELTA_BINARY_PACKED);
            assertThat(seen.get("order_id")).contains(Encoding.DELTA_BINARY_PACKED);
            assertThat(seen.get("price")).contains(Encoding.RLE_DICTIONARY, Encoding.PLAIN);
            assertThat(seen.get("qty")).contains(Encoding.RLE_DICTIONARY, Encoding.PLAIN);
            assertThat(seen.get("kind")).contains(Encoding.RLE_DICTIONARY);
            assertThat(seen.get("flags")).contains(Encoding.RLE_DICTIONARY);
        }
        // Pages per column chunk: at 4 KiB pages and ~48 KiB row groups, each row group's price chunk has several.
        assertThat(pagesInFirstPriceChunk()).isGreaterThan(3);
    }

    private static int pagesInFirstPriceChunk() {
        ColumnChunkDecoder d = new ColumnChunkDecoder(file, "price", 8);
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
            var footer = org.apache.parquet.hadoop.ParquetFileReader.open(
                    new org.apache.parquet.io.LocalInputFile(file)).getFooter();
            var block = footer.getBlocks().get(0);
            d.open(ch, 0, block.getColumns().get(4), block.getRowCount());
            return d.pages();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyRowIsReadInOrderAsWrittenAndAsParquetMrDecodesIt() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            expected.add(row(written, i));
        }
        List<String> reference = rows(new ParquetMrTickReader(file, X, TickReadOptions.DEFAULT), 4096);
        assertThat(reference).isEqualTo(expected);
        for (int batchRows : new int[]{1, 777, 4096, 50_000}) {
            List<String> got = rows(new ParquetTickReader(file, X, TickReadOptions.DEFAULT), batchRows);
            assertThat(got).as("batches of %d rows", batchRows).hasSize(ROWS);
            for (int i = 0; i < ROWS; i++) {
                if (!got.get(i).equals(expected.get(i))) {
                    assertThat(got.get(i)).as("row %d, batches of %d", i, batchRows).isEqualTo(expected.get(i));
                }
            }
        }
    }

    @Test
    void aTimeRangeReadsTheSameRowsAsParquetMr() {
        long from = written.exchTs(17_123);
        long to = written.exchTs(41_456);
        TickReadOptions range = TickReadOptions.DEFAULT.withRange(from, to);
        List<String> reference = rows(new ParquetMrTickReader(file, X, range), 4096);
        List<String> got;
        try (ParquetTickReader r = new ParquetTickReader(file, X, range)) {
            got = rows(r, 4096);
            assertThat(r.rowGroupsSkipped()).isPositive();
        }
        assertThat(got).isNotEmpty().isEqualTo(reference);
        assertThat(got.get(0)).startsWith(from + " ");
    }

    /**
     * Codecs other than the store's Snappy, through the decompressor's ByteBuffer path from the native chunk buffer:
     * the first 20,000 rows written by parquet-avro with LZ4_RAW (parquet-mr's pure-Java codec), UNCOMPRESSED and
     * SNAPPY, in small pages, read row by row as parquet-mr reads them.
     */
    @Test
    void lz4RawUncompressedAndSnappyPartsReadAsParquetMrReadsThem() throws Exception {
        for (org.apache.parquet.hadoop.metadata.CompressionCodecName codec : new org.apache.parquet.hadoop.metadata
                .CompressionCodecName[]{org.apache.parquet.hadoop.metadata.CompressionCodecName.LZ4_RAW,
                org.apache.parquet.hadoop.metadata.CompressionCodecName.UNCOMPRESSED,
                org.apache.parquet.hadoop.metadata.CompressionCodecName.SNAPPY}) {
            Path f = dir.resolve("codec-" + codec + ".parquet");
            try (org.apache.parquet.hadoop.ParquetWriter<org.apache.avro.generic.GenericRecord> w =
                         org.apache.parquet.avro.AvroParquetWriter.<org.apache.avro.generic.GenericRecord>builder(
                                 new org.apache.parquet.io.LocalOutputFile(f)).withSchema(TickSchema.avro())
                                 .withConf(new org.apache.parquet.conf.PlainParquetConfiguration())
                                 .withCompressionCodec(codec).withPageRowCountLimit(1_000)
                                 .withPageWriteChecksumEnabled(true).build()) {
                for (int i = 0; i < 20_000; i++) {
                    org.apache.avro.generic.GenericRecord r = new org.apache.avro.generic.GenericData.Record(
                            TickSchema.avro());
                    r.put("exch_ts", written.exchTs(i));
                    r.put("local_ts", written.localTs(i));
                    r.put("kind", (int) written.kindCode(i));
                    r.put("side", (int) written.sideCode(i));
                    r.put("price", written.price(i));
                    r.put("qty", written.qty(i));
                    r.put("order_id", written.orderId(i));
                    r.put("flags", written.flags(i));
                    w.write(r);
                }
            }
            try (org.apache.parquet.hadoop.ParquetFileReader footer = org.apache.parquet.hadoop.ParquetFileReader.open(
                    new org.apache.parquet.io.LocalInputFile(f))) {
                assertThat(footer.getFooter().getBlocks().get(0).getColumns().get(0).getCodec()).isEqualTo(codec);
            }
            List<String> expected = rows(new ParquetMrTickReader(f, X, TickReadOptions.DEFAULT), 4096);
            assertThat(expected).hasSize(20_000);
            for (int i = 0; i < 20_000; i++) {
                if (!expected.get(i).equals(row(written, i))) {
                    assertThat(expected.get(i)).as("%s row %d", codec, i).isEqualTo(row(written, i));
                }
            }
            assertThat(rows(new ParquetTickReader(f, X, TickReadOptions.DEFAULT), 999)).as("%s", codec)
                    .isEqualTo(expected);
        }
    }
}
