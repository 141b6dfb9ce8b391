package io.qtrade.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The ML example on the synthetic universe's IBM column (2,612 closes): leakage shows, out-of-sample metrics cover
 * every walk-forward row, the baseline's fee is the taker fee on its one buy, and the verdict is printed.
 */
class MlSignalResearchTest {

    @Test
    void runsAndPrintsAnHonestVerdict() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MlSignalResearch.Report report = MlSignalResearch.run("IBM",
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String printed = bytes.toString(StandardCharsets.UTF_8);

        // 2612 closes, events from bar 100 to 2612 - 1 - 10: 2502
        int events = 2612 - 1 - 10 - 100 + 1;
        assertThat(report.events()).isEqualTo(events);
        MlSignalResearch.LeakageReport leak = report.leakage();
        assertThat(leak.shuffledUnpurged().n()).isEqualTo(events);
        assertThat(leak.purgedEmbargoed().n()).isEqualTo(events);
        // overlapping labels in a shuffled, unpurged CV inflate the accuracy well beyond the purged figure
        assertThat(leak.shuffledUnpurged().accuracy() - leak.purgedEmbargoed().accuracy()).isGreaterThan(0.04);
        assertThat(leak.shuffledUnpurged().binomialPValueGreater()).isLessThan(0.001);
        assertThat(leak.purgedEmbargoed().binomialPValueGreater()).isGreaterThan(0.05);

        assertThat(report.models()).hasSize(2);
        for (MlSignalResearch.ModelReport m : report.models()) {
            // every event after the first half (1251) is predicted out of sample exactly once
            assertThat(m.metrics().n()).isEqualTo(events - events / 2);
            assertThat(m.fills()).isPositive();
            assertThat(m.fees()).isPositive();
        }
        // buy-and-hold: one market buy of floor(100,000 / bid) at the ask, 5 bps taker fee
        double[] close = MlSignalResearch.loadCloses("IBM");
        int firstTestBar = 100 + events / 2; // 1351
        double bid = Math.round(close[firstTestBar] * 10_000) / 10_000.0;
        double ask = Math.round(close[firstTestBar] * (1 + 2e-4) * 10_000) / 10_000.0;
        double qty = Math.floor(100_000 / bid);
        assertThat(report.buyAndHoldFees()).isCloseTo(qty * ask * 5e-4, within(1e-6));
        assertThat(printed).contains("out-of-sample from bar " + firstTestBar, "Verdict: ",
                "purged 5-fold, 1% embargo");
        assertThat(report.verdict()).contains("not from skill");
    }
}
