package io.qtrade.examples;

import io.qtrade.research.montecarlo.MonteCarloResult.Statistic;
import io.qtrade.research.sweep.Metric;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Runs a reduced research sweep (4 short days) and checks that the printed figures and the report agree. */
class ResearchSweepTest {

    @TempDir
    static Path dir;

    static ResearchSweep.Outcome outcome;
    static String printed;

    @BeforeAll
    static void runReduced() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ResearchSweep.Settings s = ResearchSweep.Settings.parse("days=4", "events=40000", "in=2", "out=1",
                "resamples=500", "threads=2", "report=" + dir.resolve("report.html"));
        outcome = ResearchSweep.run(s, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        printed = bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void rankingIsSortedBestFirstAndItsFirstRowIsThePrintedBestSet() {
        Table ranking = outcome.ranking();
        assertThat(ranking.rowCount()).isEqualTo(ResearchSweep.GAMMAS.length * ResearchSweep.KS.length);
        assertThat(outcome.sweep().tasks()).isEqualTo(12 * 4);
        assertThat(outcome.sweep().failures()).isEmpty();
        DoubleColumn score = ranking.doubleColumn("score_sharpe");
        boolean seenNaN = false;
        for (int r = 1; r < score.size(); r++) {
            double prev = score.getDouble(r - 1);
            double cur = score.getDouble(r);
            if (Double.isNaN(cur)) {
                seenNaN = true;
                continue;
            }
            assertThat(seenNaN).as("a defined score after an undefined one at rank %d", r + 1).isFalse();
            assertThat(cur).as("rank %d", r + 1).isLessThanOrEqualTo(prev);
        }
        assertThat(ranking.intColumn("set").getInt(0)).isEqualTo(outcome.best().index());
        assertThat(printed).contains("ranking by sharpe").contains("best set by mean Sharpe: " + outcome.best());
    }

    @Test
    void walkForwardHasOneFoldPerOutOfSampleDayAndAFiniteEfficiency() {
        assertThat(outcome.walkForward().folds()).hasSize(2); // 4 days, in 2, out 1
        double efficiency = outcome.walkForward().efficiency();
        assertThat(efficiency).isFinite();
        Matcher m = Pattern.compile("walk-forward efficiency: (-?[0-9.]+)").matcher(printed);
        assertThat(m.find()).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isCloseTo(efficiency, within(5e-5)); // printed with 4 decimals
    }

    @Test
    void monteCarloObservedFinalIsTheSumOfTheBestSetsFillPnls() {
        double sum = 0;
        for (double v : outcome.fillPnls()) {
            sum += v;
        }
        assertThat(outcome.fillPnls().length).isGreaterThan(20);
        assertThat(outcome.monteCarlo().observed(Statistic.FINAL)).isCloseTo(sum, within(1e-9));
        double[] ci = outcome.monteCarlo().interval(Statistic.FINAL, 0.95);
        assertThat(ci[0]).isLessThanOrEqualTo(ci[1]);
        assertThat(printed).contains("per-fill PnLs").contains("probability of a final loss: ");
    }

    @Test
    void deflatedSharpeRatioIsAProbabilityAndPrinted() {
        double dsr = outcome.deflatedSharpe();
        assertThat(dsr).isBetween(0.0, 1.0);
        assertThat(outcome.sharpePerPeriod()).isFinite();
        assertThat(printed).contains("deflated_sharpe").contains("expected_max_sharpe");
    }

    @Test
    void reportHoldsTheHeatMapWithOneCellPerGridPointAndTheResearchTables() throws Exception {
        assertThat(printed).contains("report: " + outcome.report());
        String html = Files.readString(outcome.report(), StandardCharsets.UTF_8);
        assertThat(html).contains("<svg id='sweep-heatmap'");
        for (int i = 0; i < ResearchSweep.GAMMAS.length; i++) {
            for (int j = 0; j < ResearchSweep.KS.length; j++) {
                assertThat(html).contains("<rect id='sweep-heatmap-cell-" + i + "-" + j + "'");
            }
        }
        assertThat(html).contains("<h2>Parameter sweep: ranking by " + Metric.SHARPE.column() + "</h2>")
                .contains("<h2>Walk-forward</h2>").contains("<h2>Monte Carlo</h2>")
                .contains("<h2>Deflated Sharpe ratio</h2>");
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> ResearchSweep.Settings.parse("days=1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("days=1, expected >= 2");
        assertThatThrownBy(() -> ResearchSweep.Settings.parse("days=3", "in=3"))
                .hasMessageContaining("in=3 out=1 with days=3");
        assertThatThrownBy(() -> ResearchSweep.Settings.parse("events=many"))
                .hasMessage("events=many, expected an integer");
        assertThatThrownBy(() -> ResearchSweep.Settings.parse("colour=red"))
                .hasMessageContaining("unknown argument 'colour=red'");
    }
}
