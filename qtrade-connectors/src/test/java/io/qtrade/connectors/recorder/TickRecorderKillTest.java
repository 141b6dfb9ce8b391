package io.qtrade.connectors.recorder;

import io.qtrade.core.Instrument;
import io.qtrade.store.HiveLayout;
import io.qtrade.store.TickFormat;
import io.qtrade.store.TickQuery;
import io.qtrade.store.TickStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18's fault suite, kill -9 of a writer at seeded random points: after a seeded number of flushes and a
 * seeded delay into the next one, the recording child JVM gets SIGKILL. Then every visible part is complete, what is
 * there is exactly the start of each instrument's stream, nothing reported durable is lost; and the next write to
 * the store removes the in-progress part the killed writer left (its lock died with it) once it is stale.
 */
class TickRecorderKillTest {

    private static final int ROWS_PER_PART = 3000;
    private static final List<Instrument> BOTH = List.of(RecordedRows.AAA, RecordedRows.BBB);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void aWriterKilledAtARandomPointLeavesOnlyWholePartsAndItsLeftoversAreCleaned(long seed, @TempDir Path root)
            throws Exception {
        Random random = new Random(seed);
        int killAfterFlushes = 1 + random.nextInt(4);
        long delayMicros = random.nextInt(40_000);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", RecorderChild.class.getName(), root.toString(),
                Integer.toString(ROWS_PER_PART)).redirectErrorStream(true).start();
        long reported = -1;
        int flushes = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("FLUSHED ")) {
                    reported = Long.parseLong(line.substring(8));
                    if (++flushes == killAfterFlushes) {
                        break;
                    }
                }
            }
            TimeUnit.MICROSECONDS.sleep(delayMicros);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(flushes).isEqualTo(killAfterFlushes);

        List<List<String>> stored = RecordedRows.rows(TickStore.at(root).read(TickQuery.all()), BOTH);
        long total = stored.get(0).size() + stored.get(1).size();
        assertThat(total).isGreaterThanOrEqualTo(reported);
        List<List<String>> expected = RecordedRows.rows(RecordedRows.market(total + 2L * ROWS_PER_PART,
                TickRecorderCrashTest.SEED), BOTH);
        for (int i = 0; i < 2; i++) {
            assertThat(stored.get(i)).isEqualTo(expected.get(i).subList(0, stored.get(i).size()));
        }

        // Age whatever the kill left in progress past the staleness limit; the next write removes it.
        List<Path> leftovers;
        try (Stream<Path> files = Files.walk(root)) {
            leftovers = files.filter(f -> f.getFileName().toString().endsWith(HiveLayout.IN_PROGRESS_SUFFIX))
                    .toList();
        }
        for (Path f : leftovers) {
            Files.setLastModifiedTime(f, FileTime.from(Instant.now().minusSeconds(3600)));
        }
        // Any write into those partitions (here the stream's first rows again, same instruments and date).
        TickStore.at(root).write(RecordedRows.market(100, TickRecorderCrashTest.SEED), TickFormat.PARQUET);
        for (Path f : leftovers) {
            assertThat(f).as("stale in-progress part of the killed writer").doesNotExist();
        }
    }
}
