package io.qtrade.examples;

import io.qtrade.backtest.queue.study.QueueStudyResult;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueueModelAccuracyTest {

    @Test
    void onTheShippedSampleItPrintsTheTableOfTheBacktestReadme() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        QueueStudyResult r = QueueModelAccuracy.run(new String[0], new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("(999 messages)", "| model | placements |", "| RiskAverse |", "| Log |");
        String readme = Files.readString(Path.of("../qtrade-backtest/README.md"));
        assertThat(readme).contains(r.markdown());
    }

    @Test
    void optionsAreCheckedByName() {
        assertThatThrownBy(() -> QueueModelAccuracy.run(new String[]{"horizon=3"}, System.out))
                .hasMessageContaining("unknown option 'horizon'");
    }
}
