package io.qtrade.connectors.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a text file line by line, counting lines, with a bounded buffer whatever the file size. A trailing
 * carriage return is removed (files written on Windows), as is a byte-order mark before the first line; a blank line
 * is returned as the empty string.
 */
public final class LineReader implements AutoCloseable {

    private static final int BUFFER_CHARS = 1 << 16;

    private final Path path;
    private final BufferedReader reader;
    private long lineNumber;

    /**
     * Opens {@code path} as UTF-8.
     *
     * @throws UncheckedIOException when the file cannot be opened
     */
    public LineReader(Path path) {
        this.path = path;
        try {
            this.reader = new BufferedReader(Files.newBufferedReader(path, StandardCharsets.UTF_8), BUFFER_CHARS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + path, e);
        }
    }

    /** The next line, or {@code null} at the end of the file. */
    public String next() {
        try {
            String line = reader.readLine();
            if (line == null) {
                return null;
            }
            lineNumber++;
            if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1); // a UTF-8 byte-order mark written by some editors
            }
            int n = line.length();
            return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " after line " + lineNumber, e);
        }
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
