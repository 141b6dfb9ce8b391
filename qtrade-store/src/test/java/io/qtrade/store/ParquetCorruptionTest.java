package io.qtrade.store;

import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.InMemoryEventSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 18, items 7 and 8: a corrupt Parquet part is refused as a {@link TickDataException} naming the file, or reads
 * exactly the rows written; it never reads different values, fewer rows, or escapes as another exception.
 */
class ParquetCorruptionTest {

    static final Instrument AAA = Instrument.spot("AAA", "SIM", 0.01, 1);
    static final long DAY = io.qtrade.core.time.Timestamps.startOfDay(LocalDate.of(2024, 5, 6));

    @TempDir
    Path dir;
    Path part;
    byte[] good;
    List<String> rows;

    @BeforeEach
    void writeAThreeRowPart() throws Exception {
        EventBatch b = new EventBatch(3);
        b.addTrade(0, DAY + 1, DAY + 11, null, 100.01, 1);
        b.addTrade(0, DAY + 2, DAY + 12, null, 100.02, 2.5);
        b.addTrade(0, DAY + 3, DAY + 13, null, 100.03, 0.5);
        Path root = dir.resolve("store");
        TickStore.at(root).write(new InMemoryEventSource(List.of(AAA), b), TickFormat.PARQUET);
        part = HiveLayout.partitionDir(root, "SIM", "AAA", LocalDate.of(2024, 5, 6)).resolve("part-0.parquet");
        good = Files.readAllBytes(part);
        rows = read(part);
        assertThat(rows).hasSize(3);
    }

    static List<String> read(Path file) {
        List<String> out = new ArrayList<>();
        EventBatch b = new EventBatch(16);
        try (ParquetTickReader r = new ParquetTickReader(file, AAA, TickReadOptions.DEFAULT)) {
            while (r.readBatch(b)) {
                for (int i = 0; i < b.size(); i++) {
                    out.add(b.exchTs(i) + " " + b.localTs(i) + " " + b.kind(i) + " " + b.sideCode(i) + " "
                            + Double.doubleToRawLongBits(b.price(i)) + " " + Double.doubleToRawLongBits(b.qty(i))
                            + " " + b.orderId(i) + " " + b.flags(i));
                }
            }
        }
        return out;
    }

    /** Either the same rows, or a TickDataException naming the file; anything else fails the test. */
    private void expectSameRowsOrLocatedRefusal(byte[] corrupt, String what) throws Exception {
        Path f = dir.resolve("corrupt.parquet");
        Files.write(f, corrupt);
        List<String> got;
        try {
            got = read(f);
        } catch (TickDataException e) {
            assertThat(e.file()).as(what).isEqualTo(f);
            assertThat(e.getMessage()).as(what).startsWith(f.toString());
            return;
        }
        assertThat(got).as(what + ": read without an error, so the rows must be the ones written").isEqualTo(rows);
    }

    @Test
    void everyByteOfThePartFlippedIsRefusedOrHarmless() throws Exception {
        // Before: flipped bits in a page changed values silently (CRCs unchecked); others escaped as raw
        // parquet-mr, NullPointer, ArrayIndexOutOfBounds or NegativeArraySize exceptions.
        // 400 seeded positions here (about 2 s); FuzzCampaign flips every byte of every fixture.
        Random random = new Random(18);
        for (int k = 0; k < 400; k++) {
            int at = random.nextInt(good.length);
            byte[] c = good.clone();
            c[at] ^= (byte) (1 << random.nextInt(8));
            expectSameRowsOrLocatedRefusal(c, "bit flipped at byte " + at);
        }
    }

    @Test
    void truncationsAtEveryLengthAreRefused() throws Exception {
        for (int len = 0; len < good.length; len += 7) {
            byte[] c = java.util.Arrays.copyOf(good, len);
            Path f = dir.resolve("cut.parquet");
            Files.write(f, c);
            assertThatThrownBy(() -> read(f)).as("cut at %d", len).isInstanceOf(TickDataException.class)
                    .hasMessageStartingWith(f.toString());
        }
    }

    @Test
    void aPageHeaderClaimingAHugePageIsRefusedBeforeAllocating() throws Exception {
        // The first page header follows "PAR1": type (field 1), uncompressed_page_size (field 2, zigzag varint).
        // Rewrite field 2 as 2^31 - 1: before, parquet-mr allocated it (OutOfMemoryError from a 3 kB file).
        int p = 4;
        assertThat(good[p] & 0xFF).isEqualTo(0x15); // compact protocol: field delta 1, type i32
        p += 2; // type value (one byte)
        assertThat(good[p] & 0xFF).isEqualTo(0x15); // field 2, i32
        int start = p + 1;
        int end = start;
        while ((good[end] & 0x80) != 0) {
            end++;
        }
        // Replace the varint by the 5-byte zigzag varint of 2^31 - 1 (the rest of the file moves along).
        java.io.ByteArrayOutputStream c = new java.io.ByteArrayOutputStream();
        c.write(good, 0, start);
        c.write(new byte[]{(byte) 0xFE, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F});
        c.write(good, end + 1, good.length - end - 1);
        Path f = dir.resolve("huge.parquet");
        Files.write(f, c.toByteArray());
        assertThatThrownBy(() -> read(f)).isInstanceOf(TickDataException.class)
                .hasMessageContaining("row group 0").hasMessageContaining("field exch_ts")
                .hasMessageContaining("2147483647 uncompressed bytes");
    }

    @Test
    void aFooterThatListsNoRowGroupsIsRefusedNotReadAsEmpty() throws Exception {
        // Before: a corrupt footer read this 3-row file as 0 rows without an error.
        byte[] c = good.clone();
        int footerLength = ByteBuffer.wrap(c, c.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int footerStart = c.length - 8 - footerLength;
        // FileMetaData: version (1, i32), schema (2, list), num_rows (3, i64), row_groups (4, list). Find the
        // row_groups list header 0x19 followed by size-and-type and make it an empty list of structs (0x0C).
        boolean done = false;
        for (int i = footerStart; i < c.length - 9 && !done; i++) {
            if ((c[i] & 0xFF) == 0x19 && (c[i + 1] & 0x0F) == 0x0C && (c[i + 1] & 0xF0) == 0x10) {
                c[i + 1] = 0x0C; // a list of 0 structs... the rest of the list becomes trailing garbage
                done = true;
            }
        }
        assertThat(done).isTrue();
        expectSameRowsOrLocatedRefusal(c, "row groups emptied");
        Path f = dir.resolve("corrupt.parquet");
        assertThatThrownBy(() -> read(f)).isInstanceOf(TickDataException.class);
    }

    @Test
    void aColumnWhoseCodecBecomesOneWithoutItsClassesIsALocatedError() throws Exception {
        // In the footer, the price column's ColumnMetaData: path_in_schema "price" (05 'price'), then the codec
        // (field 4, i32: 15, zigzag varint 02 = SNAPPY). 0A is LZ4, whose Hadoop codec class is not on the class path:
        // before, a NoClassDefFoundError or codec exception escaped without the file's name.
        byte[] pattern = {0x05, 'p', 'r', 'i', 'c', 'e', 0x15, 0x02};
        byte[] c = good.clone();
        int at = -1;
        for (int i = 0; i + pattern.length <= c.length && at < 0; i++) {
            if (java.util.Arrays.equals(c, i, i + pattern.length, pattern, 0, pattern.length)) {
                at = i + pattern.length - 1;
            }
        }
        assertThat(at).as("the price column's codec in the footer").isPositive();
        for (byte codec : new byte[]{0x06, 0x08, 0x0A, 0x0C}) { // LZO, BROTLI, LZ4, ZSTD
            c[at] = codec;
            Path f = dir.resolve("codec.parquet");
            Files.write(f, c);
            // Named to the column when the codec's class is missing (LZO, BROTLI); to the row group when the class
            // is there but a library it needs is not (LZ4 without lz4-java) or the bytes are not that codec's (ZSTD).
            assertThatThrownBy(() -> read(f)).as("codec %d", codec / 2).isInstanceOf(TickDataException.class)
                    .hasMessageStartingWith(f.toString()).hasMessageContaining("row group 0");
        }
    }
}
