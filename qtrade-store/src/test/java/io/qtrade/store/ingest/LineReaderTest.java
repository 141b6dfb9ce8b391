package io.qtrade.store.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LineReaderTest {

    static final String TEXT = "\uFEFFid,price\r\n1,100.5\r\n\r\n2,101\n";
    static final List<String> LINES = List.of("id,price", "1,100.5", "", "2,101");

    @TempDir
    Path dir;

    static List<String> readAll(Path path) {
        List<String> lines = new ArrayList<>();
        try (LineReader reader = new LineReader(path)) {
            String line;
            while ((line = reader.next()) != null) {
                lines.add(line);
                assertThat(reader.lineNumber()).isEqualTo(lines.size());
            }
        }
        return lines;
    }

    static void zip(Path path, String... namesAndTexts) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(path))) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndTexts[i]));
                zip.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    @Test
    void plainFilesLoseTheByteOrderMarkAndCarriageReturnsAndKeepBlankLines() throws IOException {
        Path plain = Files.writeString(dir.resolve("t.csv"), TEXT);
        assertThat(readAll(plain)).isEqualTo(LINES);
    }

    @Test
    void gzipAndSingleFileZipReadTheSameLinesAsThePlainFile() throws IOException {
        Path gz = dir.resolve("t.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(TEXT.getBytes(StandardCharsets.UTF_8));
        }
        Path zip = dir.resolve("T.ZIP");
        zip(zip, "folder/", "", "t.csv", TEXT);   // a directory entry is not a file
        assertThat(readAll(gz)).isEqualTo(LINES);
        assertThat(readAll(zip)).isEqualTo(LINES);
    }

    @Test
    void aZipWithSeveralFilesOrNoneIsRefusedNamingTheEntries() throws IOException {
        Path two = dir.resolve("two.zip");
        zip(two, "a.csv", "1\n", "b.csv", "2\n");
        assertThatThrownBy(() -> new LineReader(two))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("holds more than one file (a.csv, b.csv, ...); expected exactly one");
        Path none = dir.resolve("none.zip");
        zip(none);
        assertThatThrownBy(() -> new LineReader(none))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("holds no file; expected exactly one");
    }

    @Test
    void aCorruptGzipIsAnErrorNamingTheFile() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv.gz"), "not gzip");
        assertThatThrownBy(() -> new LineReader(bad))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot open " + bad);
    }

    @Test
    void aHugeLineInASmallGzipIsRefusedWithFileAndLine() throws IOException {
        // 40 MB of one line compresses to about 40 kB; before, it was read into memory whole (300 MB in the trial).
        Path gz = dir.resolve("huge.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("id,price\n1,2\n".getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) '7');
            for (int i = 0; i < 40; i++) {
                out.write(block);
            }
            out.write("\n3,4\n".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(Files.size(gz)).isLessThan(200_000);
        try (LineReader reader = new LineReader(gz)) {
            assertThat(reader.next()).isEqualTo("id,price");
            assertThat(reader.next()).isEqualTo("1,2");
            assertThatThrownBy(reader::next).isInstanceOfSatisfying(ImportException.class, e -> {
                assertThat(e.file()).isEqualTo(gz.toString());
                assertThat(e.line()).isEqualTo(3);
                assertThat(e.problem()).contains("longer than " + LineReader.MAX_LINE_CHARS);
            });
        }
    }

    @Test
    void linesEndAtCrLfCrOrLfAndTheLastNeedsNoTerminator() throws IOException {
        Path f = dir.resolve("ends.txt");
        Files.writeString(f, "a\r\nb\rc\n\nd");
        assertThat(readAll(f)).containsExactly("a", "b", "c", "", "d");
        Path exact = dir.resolve("exact.txt");
        Files.writeString(exact, "x".repeat(LineReader.MAX_LINE_CHARS) + "\ny");
        assertThat(readAll(exact)).hasSize(2);
    }

    @Test
    void aZipEntryNameThatIsNotUtf8IsRefusedNamingTheArchive() throws IOException {
        // A local file header whose name is the byte 0xFF (not UTF-8) and no UTF-8 flag.
        Path zip = dir.resolve("bad-name.zip");
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        java.nio.ByteBuffer h = java.nio.ByteBuffer.allocate(31).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        h.putInt(0x04034b50).putShort((short) 10).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                .putShort((short) 0).putInt(0).putInt(0).putInt(0).putShort((short) 1).putShort((short) 0)
                .put((byte) 0xFF);
        b.write(h.array());
        Files.write(zip, b.toByteArray());
        assertThatThrownBy(() -> new LineReader(zip)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(zip.toString()).hasMessageContaining("not valid UTF-8");
    }
}
