package io.qtrade.launcher;

import io.qtrade.bars.ticks.TickBars;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.bar.BarInterval;
import io.qtrade.core.bar.BarSource;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.EventSource;
import io.qtrade.features.bars.BarSpec;
import io.qtrade.store.SampleData;
import io.qtrade.store.TickStore;
import io.qtrade.store.bars.BarStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code bars-from-ticks} command on the store's sample day (synthetic, venue SIM, two instruments). */
class BarsFromTicksTest {

    private static final long S = 1_000_000_000L;

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = BarsFromTicks.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The first hour of the sample day's trades, [hour0, hour0 + 1 h). */
    private static long firstHour() {
        try (EventSource probe = TickStore.at(SampleData.root()).read(SampleData.synthetic())) {
            EventBatch first = new EventBatch(1);
            probe.readBatch(first);
            return Math.floorDiv(first.exchTs(0), 3_600 * S) * 3_600 * S;
        }
    }

    private static String iso(long nanos) {
        return Instant.ofEpochSecond(nanos / S).toString();
    }

    @Test
    void oneCommandWritesTheTickStoresTradesAsOneMinuteBarsThatReadBackAsTickBarsBuildsThem(@TempDir Path dir) {
        long hour0 = firstHour();
        Result r = run("--from", SampleData.root().toString(), "--to", dir.toString(), "--format", "csv",
                "interval=1m", "venue=SIM", "start=" + iso(hour0), "end=" + iso(hour0 + 3_600 * S));
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("1m bars into").contains("venue=SIM");
        // expected: TickBars on the same query, built directly
        BarBatch want = new BarBatch(1000);
        TickBars.build(TickStore.at(SampleData.root()).read(SampleData.synthetic().withRange(hour0,
                hour0 + 3_600 * S)), BarSpec.time(Duration.ofMinutes(1))).readBatch(want);
        // 2 instruments x 60 minutes, every minute traded in the sample day
        assertThat(want.size()).isGreaterThan(60);
        BarStore store = BarStore.at(dir);
        BarBatch got = new BarBatch(1000);
        try (BarSource back = store.read(BarInterval.ONE_MINUTE, store.instruments(BarInterval.ONE_MINUTE))) {
            back.readBatch(got);
        }
        assertThat(got.size()).isEqualTo(want.size());
        for (int k = 0; k < want.size(); k++) {
            assertThat(new long[] {got.instrument(k), got.startTs(k), got.endTs(k), got.tradeCount(k)})
                    .containsExactly(want.instrument(k), want.startTs(k), want.endTs(k), want.tradeCount(k));
            assertThat(new double[] {got.open(k), got.high(k), got.low(k), got.close(k), got.volume(k), got.vwap(k)})
                    .containsExactly(want.open(k), want.high(k), want.low(k), want.close(k), want.volume(k),
                            want.vwap(k));
            assertThat(got.startTs(k)).isGreaterThanOrEqualTo(hour0);
            assertThat(got.endTs(k)).isLessThanOrEqualTo(hour0 + 3_600 * S);
        }
    }

    @Test
    void barsOfOneSymbolFromAStartDateCountTheTradesOfTheTicks(@TempDir Path dir) throws Exception {
        long hour0 = firstHour();
        String symbol = TickStore.at(SampleData.root()).read(SampleData.synthetic()).instruments().get(0).symbol();
        Result r = run("--from", SampleData.root().toString(), "--to", dir.toString(), "interval=5m",
                "symbols=" + symbol, "start=" + iso(hour0), "end=" + iso(hour0 + 2 * 3_600 * S));
        assertThat(r.status()).as(r.err()).isZero();
        // the trade counts of the bars add up to the trades of that symbol in the range, counted from the ticks
        long trades = 0;
        try (EventSource ticks = TickStore.at(SampleData.root()).read(SampleData.synthetic()
                .withRange(hour0, hour0 + 2 * 3_600 * S))) {
            int want = ticks.instruments().stream().map(i -> i.symbol()).toList().indexOf(symbol);
            EventBatch b = new EventBatch(8192);
            while (ticks.readBatch(b)) {
                for (int k = 0; k < b.size(); k++) {
                    if (b.kind(k) == EventKind.TRADE && b.instrument(k) == want) {
                        trades++;
                    }
                }
            }
        }
        BarStore store = BarStore.at(dir);
        BarInterval five = BarInterval.parse("5m");
        assertThat(store.instruments(five)).extracting(i -> i.symbol()).containsExactly(symbol);
        long counted = 0;
        int bars = 0;
        BarBatch b = new BarBatch(4096);
        try (BarSource back = store.read(five, store.instruments(five))) {
            while (back.readBatch(b)) {
                for (int k = 0; k < b.size(); k++) {
                    counted += b.tradeCount(k);
                    assertThat(b.endTs(k) - b.startTs(k)).isEqualTo(300 * S);
                }
                bars += b.size();
            }
        }
        assertThat(trades).isPositive();
        assertThat(counted).isEqualTo(trades);
        assertThat(bars).isEqualTo(24); // 2 hours of 5-minute bars, every one traded in the sample day
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".parquet")).count()).isPositive();
        }
    }

    @Test
    void theSameRangeTwiceIsRefusedAndItsPartsRemoved(@TempDir Path dir) throws Exception {
        long hour0 = firstHour();
        String[] args = {"--from", SampleData.root().toString(), "--to", dir.toString(), "--format", "csv",
            "interval=1m", "start=" + iso(hour0), "end=" + iso(hour0 + 600 * S)};
        assertThat(run(args).status()).isZero();
        long partsBefore;
        try (Stream<Path> files = Files.walk(dir)) {
            partsBefore = files.filter(Files::isRegularFile).count();
        }
        Result again = run(args);
        assertThat(again.status()).isEqualTo(2);
        assertThat(again.err()).contains("parts of this call were removed");
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(partsBefore);
        }
    }

    @Test
    void badArgumentsAreRefusedNamingThem(@TempDir Path dir) {
        String root = SampleData.root().toString();
        assertThat(run("--from", root, "--to", dir.toString()).err()).contains("interval=LABEL is required");
        assertThat(run("--from", root, "interval=1w").err()).contains("seconds, minutes, hours or days");
        assertThat(run("--from", root, "interval=1m", "colour=red").err()).contains("unknown options [colour]");
        assertThat(run("--from", root, "interval=1m", "start=yesterday").err()).contains("start=yesterday");
        assertThat(run("--from", dir.resolve("nothing").toString(), "interval=1m").err())
                .contains("is not a directory");
        assertThat(run("interval=1m").status()).isEqualTo(2);
        assertThat(run("--help").status()).isZero();
    }
}
