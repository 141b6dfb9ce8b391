package io.qtrade.store.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a text file line by line, counting lines, with a bounded buffer whatever the file size. A trailing
 * carriage return is removed (files written on Windows), as is a byte-order mark before the first line; a blank line
 * is returned as the empty string.
 *
 * <p>Vendors ship their files compressed, and they are read as they are: a name ending in {@code .gz} (Tardis's
 * {@code .csv.gz}) is gunzipped on the fly, and a name ending in {@code .zip} (Binance public data) must hold exactly
 * one file, which is read; a zip with no entry or with more than one is refused, naming the entries, and so is an
 * entry whose name is not valid UTF-8 (naming the archive).
 *
 * <p>A line longer than {@link #MAX_LINE_CHARS} characters is refused with an {@link ImportException} naming the
 * file and the line, before more than that is held in memory: a small {@code .gz} can otherwise inflate into one
 * line of hundreds of megabytes. Lines end at {@code \n}, {@code \r} or {@code \r\n}, as in
 * {@link BufferedReader#readLine()}.
 */
public final class LineReader implements AutoCloseable {

    /** The longest line accepted: 4 Mi characters (a Binance depth snapshot of 5,000 levels is about 150 k). */
    public static final int MAX_LINE_CHARS = 1 << 22;

    private static final int BUFFER_CHARS = 1 << 16;

    private final Path path;
    private final BufferedReader reader;
    private final char[] buf = new char[BUFFER_CHARS];
    private final StringBuilder line = new StringBuilder();
    private int pos;
    private int limit;
    private boolean eof;
    private boolean skipLineFeed;
    private long lineNumber;

    /**
     * Opens {@code path} as UTF-8, decompressing a {@code .gz} or single-entry {@code .zip} file.
     *
     * @throws UncheckedIOException when the file cannot be opened, or a zip does not hold exactly one file
     */
    public LineReader(Path path) {
        this.path = path;
        InputStream in = null;
        try {
            in = open(path);
            this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER_CHARS);
        } catch (IOException e) {
            closeQuietly(in, e);
            throw new UncheckedIOException("cannot open " + path + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(Path path) throws IOException {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        InputStream raw = Files.newInputStream(path);
        try {
            if (name.endsWith(".gz")) {
                return new GZIPInputStream(raw, BUFFER_CHARS);
            }
            if (name.endsWith(".zip")) {
                return singleEntry(path, new ZipInputStream(raw));
            }
            return raw;
        } catch (IOException | RuntimeException e) {
            closeQuietly(raw, e);
            throw e;
        }
    }

    /** Positions {@code zip} at its only entry; refuses an empty archive or one with several files. */
    private static InputStream singleEntry(Path path, ZipInputStream zip) throws IOException {
        ZipEntry first = nextFile(path, zip);
        if (first == null) {
            throw new IOException("zip archive " + path + " holds no file; expected exactly one");
        }
        // Check there is no second file without reading the first twice: a second pass over the archive.
        try (ZipInputStream check = new ZipInputStream(Files.newInputStream(path))) {
            nextFile(path, check);
            ZipEntry second = nextFile(path, check);
            if (second != null) {
                throw new IOException("zip archive " + path + " holds more than one file (" + first.getName() + ", "
                        + second.getName() + ", ...); expected exactly one");
            }
        }
        return zip;
    }

    private static ZipEntry nextFile(Path path, ZipInputStream zip) throws IOException {
        ZipEntry entry;
        while (true) {
            try {
                entry = zip.getNextEntry();
            } catch (IllegalArgumentException malformed) {
                // The JDK refuses an entry name that is not valid UTF-8 without naming the archive.
                throw new IOException("zip archive " + path + " has an entry whose name is not valid UTF-8 ("
                        + malformed.getMessage() + ")", malformed);
            }
            if (entry == null || !entry.isDirectory()) {
                return entry;
            }
        }
    }

    private static void closeQuietly(InputStream in, Exception cause) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException suppressed) {
                cause.addSuppressed(suppressed);
            }
        }
    }

    /**
     * The next line, or {@code null} at the end of the file.
     *
     * @throws ImportException when the line is longer than {@link #MAX_LINE_CHARS}
     */
    public String next() {
        try {
            line.setLength(0);
            boolean any = false;
            while (true) {
                if (pos == limit) {
                    if (eof || !fill()) {
                        eof = true;
                        break;
                    }
                }
                if (skipLineFeed) {
                    skipLineFeed = false;
                    if (buf[pos] == '\n') {
                        pos++;
                        continue;
                    }
                }
                int start = pos;
                while (pos < limit && buf[pos] != '\n' && buf[pos] != '\r') {
                    pos++;
                }
                any = true;
                if (line.length() + (pos - start) > MAX_LINE_CHARS) {
                    throw ImportException.atLine(path.toString(), lineNumber + 1, null, "line longer than "
                            + MAX_LINE_CHARS + " characters: refused before reading it into memory");
                }
                line.append(buf, start, pos - start);
                if (pos < limit) {
                    skipLineFeed = buf[pos] == '\r';
                    pos++;
                    return finish();
                }
            }
            return any ? finish() : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " after line " + lineNumber, e);
        }
    }

    private String finish() {
        lineNumber++;
        if (lineNumber == 1 && line.length() > 0 && line.charAt(0) == '\uFEFF') {
            return line.substring(1); // a UTF-8 byte-order mark written by some editors
        }
        return line.toString();
    }

    private boolean fill() throws IOException {
        int n = reader.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    /** The 1-based number of the line last returned (0 before the first). */
    public long lineNumber() {
        return lineNumber;
    }

    /** The file. */
    public Path path() {
        return path;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + path, e);
        }
    }

    @Override
    public String toString() {
        return "LineReader[" + path + ", line " + lineNumber + "]";
    }
}
