package io.qtrade.store.cli;

import io.qtrade.store.SampleData;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * How the sample tick store shipped in the jar ({@link SampleData}) is made: a fixed list of {@link Convert}
 * commands, run in order into one directory, then its {@code index.txt}. The same inputs give the same bytes.
 *
 * <table>
 *   <caption>The sample</caption>
 *   <tr><th>partition</th><th>from</th></tr>
 *   <tr><td>{@code venue=SIM}, {@code BTCUSDT} (tick 1, lot 0.001) and {@code ETHUSDT} (tick 0.1, lot 0.001),
 *       2024-01-02 to 2024-01-04</td>
 *       <td>{@code synthetic}: 375,000 events (about 71 hours) of the Cont-Stoikov-Talreja generator, seed 42, with
 *       informed order flow ({@code mean_reversion=1}, {@code fair_value_volatility=1.5} ticks per square root of a
 *       minute, fair values correlated 0.7), an intraday activity profile ({@link #INTRADAY_ACTIVITY}: events and
 *       price variance per second follow it) and fair-value jumps (about two a day per instrument, Laplace sizes of
 *       40 ticks on average); one model unit is a minute, 10 levels, 3 market orders a side per minute</td></tr>
 *   <tr><td>{@code venue=BINANCE/symbol=BTCUSDT} (tick 0.01, lot 0.00001), 2023-11-14, 2024-01-01, 2025-01-01</td>
 *       <td>{@code binance-depth} (spot recording with a gap and a resync), then {@code binance-trades} (two daily
 *       files, milliseconds and microseconds, chained)</td></tr>
 *   <tr><td>{@code venue=BINANCE_USDM/symbol=BTCUSDT} (tick 0.1, lot 0.001), 2024-01-01</td>
 *       <td>{@code tardis-incremental} (Tardis {@code incremental_book_L2}, two snapshots)</td></tr>
 *   <tr><td>{@code venue=NASDAQ/symbol=AAPL} (tick 0.01, lot 1), 2012-06-21</td>
 *       <td>{@code lobster} (message + orderbook pair, level 2, L3 rows)</td></tr>
 * </table>
 * The vendor rows come from the importers' test fixtures ({@code qtrade-store/src/test/resources}): a few
 * dozen rows that show each format in the store, not a realistic market (their prices do not continue from one
 * file to the next). Only one kind of file is converted per instrument and date, because the store reads the parts
 * of a date one after the other.
 *
 * <p>Regenerated from the repository root by
 * <pre>{@code
 * mvn -B -q -pl qtrade-store -am -DskipTests -Pconvert package \
 *     -Dconvert.mainClass=io.qtrade.store.cli.SampleRecipe \
 *     -Dexec.args="qtrade-store/src/main/resources/io/qtrade/store/sample qtrade-store/src/test/resources"
 * }</pre>
 */
public final class SampleRecipe {

    /** Rows of the synthetic venue: about three days (2024-01-02 to 2024-01-04, 71 hours) of both instruments. */
    public static final int SYNTHETIC_EVENTS = 375_000;
    /**
     * Activity of each hour of the UTC day (relative; the generator normalises it to a mean of 1): quiet Asian
     * night, the European open at 08:00, the peak at the US open 14:00-16:00, then a slow decline.
     */
    public static final String INTRADAY_ACTIVITY =
            "0.5,0.4,0.4,0.4,0.5,0.6,0.8,1.0,1.4,1.3,1.1,1.0,1.1,1.6,2.0,1.9,1.6,1.3,1.1,1.0,0.9,0.8,0.7,0.6";

    private SampleRecipe() {
    }

    /**
     * The {@link Convert} arguments that make the sample in {@code dir} from the fixtures under {@code fixtures}, in
     * the order they run.
     */
    public static List<List<String>> commands(Path dir, Path fixtures) {
        String to = dir.toString();
        Path binance = fixtures.resolve("binance");
        return List.of(
                List.of("--from", "synthetic", "--to", to, "symbols=BTCUSDT,ETHUSDT", "venue=SIM",
                        "mids=42000,2300", "tick_sizes=1,0.1", "lot_sizes=0.001,0.001", "events=" + SYNTHETIC_EVENTS,
                        "seed=42", "date=2024-01-02", "levels=10", "market_rate=3", "time_scale_ms=60000",
                        "mean_reversion=1", "fair_value_volatility=1.5", "correlation=0.7",
                        "intraday_activity=" + INTRADAY_ACTIVITY, "jump_rate=0.0014", "jump_ticks=40"),
                List.of("--from", "binance-depth", "--to", to, "market=spot", "symbol=BTCUSDT", "tick_size=0.01",
                        "lot_size=0.00001", binance.resolve("btcusdt-spot-depth.jsonl").toString()),
                List.of("--from", "binance-trades", "--to", to, "tick_size=0.01", "lot_size=0.00001",
                        binance.resolve("BTCUSDT-trades-2024-01-01.csv").toString(),
                        binance.resolve("BTCUSDT-trades-2025-01-01.csv").toString()),
                List.of("--from", "tardis-incremental", "--to", to, "tick_size=0.1", "lot_size=0.001",
                        fixtures.resolve("tardis/binance-futures_incremental_book_L2_2024-01-01_BTCUSDT.csv")
                                .toString()),
                List.of("--from", "lobster", "--to", to, "tick_size=0.01",
                        fixtures.resolve("lobster/AAPL_2012-06-21_34200000_57600000_message_2.csv").toString()));
    }

    /**
     * Deletes the {@code venue=*} directories and {@code index.txt} in {@code dir}, runs {@link #commands} into it
     * and writes {@code dir/index.txt} ({@link SampleData#writeIndex}).
     *
     * @throws IllegalStateException with the command and its messages when a command fails
     */
    public static void regenerate(Path dir, Path fixtures) {
        clear(dir);
        Convert convert = new Convert(InputFormats.standard());
        for (List<String> command : commands(dir, fixtures)) {
            ByteArrayOutputStream messages = new ByteArrayOutputStream();
            PrintStream sink = new PrintStream(messages, true, StandardCharsets.UTF_8);
            int status = convert.run(command.toArray(new String[0]), sink, sink);
            if (status != 0) {
                throw new IllegalStateException("Convert " + String.join(" ", command) + " exited with " + status
                        + ": " + messages.toString(StandardCharsets.UTF_8));
            }
        }
        SampleData.writeIndex(dir);
    }

    private static void clear(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> doomed = new ArrayList<>();
        try (Stream<Path> top = Files.list(dir)) {
            for (Path p : (Iterable<Path>) top::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith("venue=") || name.equals("index.txt")) {
                    try (Stream<Path> walk = Files.walk(p)) {
                        walk.forEach(doomed::add);
                    }
                }
            }
            doomed.sort((a, b) -> b.getNameCount() - a.getNameCount());
            for (Path p : doomed) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("deleting the old sample under " + dir, e);
        }
    }

    /** {@code DIR FIXTURES}: {@link #regenerate regenerates} the sample in {@code DIR}. */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: SampleRecipe DIR FIXTURES (the sample directory and the importers' test"
                    + " resources, qtrade-store/src/test/resources)");
            System.exit(2);
        }
        regenerate(Path.of(args[0]), Path.of(args[1]));
        System.out.println("sample data written to " + args[0]);
    }
}
