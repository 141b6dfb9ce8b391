package io.qtrade.store;


import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sample tick store shipped in this jar, in Parquet:
 * <ul>
 *   <li>venue {@code SIM}: symbols {@code BTCUSDT} (tick 1, lot 0.001, from 42,000) and {@code ETHUSDT} (tick 0.1,
 *       lot 0.001, from 2,300), 2024-01-02 to 2024-01-04 UTC (71 hours), 375,000 events of the synthetic
 *       Cont-Stoikov-Talreja market with informed flow, an intraday activity profile and jumps, seed
 *       42: the days the demo and the examples replay ({@link #synthetic()});</li>
 *   <li>venues {@code BINANCE}, {@code BINANCE_USDM}, {@code NASDAQ}: the importers' test fixtures converted by
 *       {@code Convert} (a Binance spot depth recording and trades, a Tardis {@code incremental_book_L2} file, a
 *       LOBSTER pair): a few dozen rows each, showing what each vendor format becomes in the store.</li>
 * </ul>
 * <pre>{@code
 * TickStore store = TickStore.at(SampleData.root());
 * try (EventSource day = store.read(SampleData.synthetic())) { ... }      // venue SIM only
 * }</pre>
 * It lives under {@code io/qtrade/store/sample/} on the class path, listed in {@code index.txt}. Running
 * from a directory (the build tree), {@link #root()} is that directory; from a jar, the files are copied once to a
 * directory under {@code java.io.tmpdir} (written complete, then renamed), so any working directory works.
 *
 * <p>Regenerated, byte for byte, by {@code io.qtrade.store.cli.SampleRecipe} (its class comment gives the
 * command and the list of conversions).
 */
public final class SampleData {

    /** The venue of the synthetic day. */
    public static final String SYNTHETIC_VENUE = "SIM";

    private static final String BASE = "sample/";
    private static final String INDEX = "index.txt";

    private SampleData() {
    }

    /** The query for the synthetic day: venue {@value #SYNTHETIC_VENUE}, both symbols, every row. */
    public static TickQuery synthetic() {
        return TickQuery.all().withVenue(SYNTHETIC_VENUE);
    }

    /** The root of the sample tick store, extracted to a temporary directory when it is inside a jar. */
    public static Path root() {
        URL index = SampleData.class.getResource(BASE + INDEX);
        if (index == null) {
            throw new IllegalStateException("the sample data index " + BASE + INDEX + " is missing next to "
                    + SampleData.class.getName() + " on the class path");
        }
        if ("file".equals(index.getProtocol())) {
            try {
                return Path.of(index.toURI()).getParent();
            } catch (URISyntaxException e) {
                throw new IllegalStateException("sample data at " + index, e);
            }
        }
        return extract(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * Copies the sample, file by file as {@code index.txt} lists them, from the class path into a new directory under
     * {@code parent} (written under a temporary name, then renamed), unless a complete copy is already there.
     */
    static Path extract(Path parent) {
        List<String> files = index();
        // Named after the index, so a jar with other sample files extracts to another directory.
        Path target = parent.resolve("qtrade-sample-data-" + Integer.toHexString(String.join("\n", files)
                .hashCode()));
        if (Files.isDirectory(target)) {
            return target;
        }
        Path tmp = target.resolveSibling(target.getFileName() + HiveLayout.IN_PROGRESS_SUFFIX + "-"
                + ProcessHandle.current().pid());
        try {
            for (String f : files) {
                Path out = tmp.resolve(f);
                Files.createDirectories(out.getParent());
                try (InputStream in = SampleData.class.getResourceAsStream(BASE + f)) {
                    if (in == null) {
                        throw new IllegalStateException("sample file " + f + " listed in " + INDEX + " is missing");
                    }
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.isDirectory(target)) {
                    throw raced;
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("extracting the sample data to " + target, e);
        }
    }

    private static List<String> index() {
        try (InputStream in = SampleData.class.getResourceAsStream(BASE + INDEX)) {
            if (in == null) {
                throw new IllegalStateException("the sample data index " + BASE + INDEX + " is missing");
            }
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    out.add(line.strip());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the sample data index", e);
        }
    }

    /** Writes {@code root/index.txt}: every file under {@code root} but the index, relative, sorted, '/'-separated. */
    public static void writeIndex(Path root) {
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p) && !p.getFileName().toString().equals(INDEX)) {
                    files.add(root.relativize(p).toString().replace('\\', '/'));
                }
            }
            files.sort(null);
            Files.writeString(root.resolve(INDEX), String.join("\n", files) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("indexing " + root, e);
        }
    }
}
