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
}
