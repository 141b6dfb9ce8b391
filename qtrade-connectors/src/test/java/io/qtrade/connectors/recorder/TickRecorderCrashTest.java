package io.qtrade.connectors.recorder;

import io.qtrade.store.TickQuery;
import io.qtrade.store.TickStore;
import io.qtrade.core.Instrument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a recording child JVM with {@code destroyForcibly} (SIGKILL) in the middle of its writes, then reads the
 * store: every visible part is complete and readable, what is there is exactly the start of the recorded stream
 * for each instrument, and nothing reported as flushed before the kill is lost.
 */
class TickRecorderCrashTest {

    static final long EVENTS = 50_000_000L;
    static final long SEED = 17L;
    private static final int ROWS_PER_PART = 4000;
    private static final List<Instrument> BOTH = List.of(RecordedRows.AAA, RecordedRows.BBB);

    @Test
    void killingTheRecorderLosesOnlyTheUnflushedRowsAndNoPartIsCorrupt(@TempDir Path root) throws Exception {
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
                    if (++flushes == 5) {
                        break; // the child is now filling and writing the sixth part: kill it there
                    }
                }
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(flushes).as("the child reported 5 flushes before the kill").isEqualTo(5);
        assertThat(reported).isEqualTo(5L * ROWS_PER_PART);

        List<List<String>> stored = RecordedRows.rows(TickStore.at(root).read(TickQuery.all()), BOTH);
        long total = stored.get(0).size() + stored.get(1).size();
        // Everything reported durable is there; at most the part being written when the kill came is missing.
        assertThat(total).isGreaterThanOrEqualTo(reported);
        // What is there is exactly the beginning of each instrument's stream: no torn, reordered or foreign rows.
        List<List<String>> expected = RecordedRows.rows(RecordedRows.market(total + 2L * ROWS_PER_PART, SEED), BOTH);
        for (int i = 0; i < 2; i++) {
            assertThat(stored.get(i)).isEqualTo(expected.get(i).subList(0, stored.get(i).size()));
        }
        assertThat(TickRecorderTest.countInProgress(root)).as("a hidden in-progress part at most per instrument")
                .isLessThanOrEqualTo(2);
    }
}
