package io.qtrade.store;

import io.qtrade.core.time.Timestamps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Hive-style directory layout of the tick store:
 * <pre>{@code
 * root/venue=V/symbol=S/_instrument.json
 * root/venue=V/symbol=S/date=YYYY-MM-DD/part-N.parquet   (N = 0, 1, 2, ... in write order)
 * root/venue=V/symbol=S/date=YYYY-MM-DD/part-N.csv
 * }</pre>
 * {@code date} is the UTC date of {@code exch_ts}. A part being written is named {@code .part-N.EXT.inprogress}: the
 * leading dot and the suffix hide it from this store's readers, from DuckDB's and ClickHouse's {@code *.parquet}
 * globs and from Spark (which skips names starting with {@code .} or {@code _}); it is renamed atomically once
 * complete.
 */
public final class HiveLayout {

    /** The file in each symbol directory that describes the instrument. */
    public static final String INSTRUMENT_FILE = "_instrument.json";
    /** The suffix of a part file still being written. */
    public static final String IN_PROGRESS_SUFFIX = ".inprogress";

    private static final Pattern PART = Pattern.compile("part-(\\d{1,9})\\.(parquet|csv)");
    private static final Pattern IN_PROGRESS = Pattern.compile("\\.part-(\\d{1,9})\\.(parquet|csv)\\.inprogress");

    private HiveLayout() {
    }

    /** {@code root/venue=V/symbol=S}. */
    public static Path symbolDir(Path root, String venue, String symbol) {
        return root.resolve("venue=" + checkName("venue", venue)).resolve("symbol=" + checkName("symbol", symbol));
    }

    /** {@code root/venue=V/symbol=S/date=YYYY-MM-DD}. */
    public static Path partitionDir(Path root, String venue, String symbol, LocalDate date) {
        return symbolDir(root, venue, symbol).resolve("date=" + date);
    }

    /** The UTC calendar date of an epoch-nanosecond timestamp (floor division, so negative times work too). */
    public static LocalDate utcDate(long epochNanos) {
        return LocalDate.ofEpochDay(Math.floorDiv(epochNanos, Timestamps.NANOS_PER_DAY));
    }

    /** {@code dir/part-N.EXT}. */
    public static Path partFile(Path dir, int n, TickFormat format) {
        return dir.resolve("part-" + n + "." + format.extension());
    }

    /** The hidden name a part is written under before its atomic rename to {@link #partFile}. */
    public static Path inProgressFile(Path dir, int n, TickFormat format) {
        return dir.resolve(".part-" + n + "." + format.extension() + IN_PROGRESS_SUFFIX);
    }

    /**
     * One plus the highest part number in {@code dir}, complete or in progress, of any format; 0 for an empty or
     * missing directory. Counting in-progress parts keeps two writers of one partition from taking the same number
     * (a stale one left by a killed writer only leaves a gap).
     */
    public static int nextPartNumber(Path dir) {
        int next = 0;
        for (Part p : parts(dir, null)) {
            next = Math.max(next, p.number() + 1);
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Matcher m = IN_PROGRESS.matcher(f.getFileName().toString());
                    if (m.matches()) {
                        next = Math.max(next, Integer.parseInt(m.group(1)) + 1);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("listing " + dir, e);
            }
        }
        return next;
    }

    /**
     * The complete part files in {@code dir}, by part number; {@code format} null for every format.
     * In-progress files are never listed.
     */
    public static List<Part> parts(Path dir, TickFormat format) {
        List<Part> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Matcher m = PART.matcher(f.getFileName().toString());
                if (m.matches()) {
                    TickFormat fmt = TickFormat.parse(m.group(2));
                    if (format == null || format == fmt) {
                        out.add(new Part(f, Integer.parseInt(m.group(1)), fmt));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + dir, e);
        }
        out.sort((a, b) -> Integer.compare(a.number(), b.number()));
        return out;
    }

    /**
     * The value of a {@code key=value} directory name, or {@code null} when {@code dir}'s name is not of that form.
     */
    public static String partitionValue(Path dir, String key) {
        String name = dir.getFileName().toString();
        String prefix = key + "=";
        return name.startsWith(prefix) ? name.substring(prefix.length()) : null;
    }

    private static String checkName(String what, String value) {
        if (value == null || value.isEmpty() || value.startsWith(".") || value.startsWith("_")
                || value.indexOf('/') >= 0 || value.indexOf('\\') >= 0 || value.indexOf('=') >= 0) {
            throw new IllegalArgumentException(what + " '" + value + "' cannot name a Hive partition directory:"
                    + " expected a non-empty name without '/', '\\' or '=' that does not start with '.' or '_'");
        }
        return value;
    }

    /**
     * One complete part file.
     *
     * @param file   its path
     * @param number N in {@code part-N}
     * @param format its format, from the extension
     */
    public record Part(Path file, int number, TickFormat format) {
    }
}
