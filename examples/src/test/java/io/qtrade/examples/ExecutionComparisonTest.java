package io.qtrade.examples;

import io.qtrade.strategies.execution.ParentOrderReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Runs the execution comparison as its command does (seed 7, 8,000 lots) and checks the reports. */
class ExecutionComparisonTest {

    private static ExecutionComparison.Comparison comparison;
    private static String printed;

    @BeforeAll
    static void runTheExample() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        comparison = ExecutionComparison.run(7, 8000, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        printed = bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void timeSchedulesCompleteTheParentInsideTheWindow() {
        for (String name : new String[]{"TWAP 10 slices", "TWAP 10 slices, 30% jitter", "VWAP 6 buckets"}) {
            ParentOrderReport r = comparison.reports().get(name);
            assertThat(r.filledQty()).as(name).isEqualTo(8000.0);
            assertThat(r.completionNanos()).as(name).isLessThan(r.parent().endNanos());
        }
    }

    @Test
    void povParticipatesAtItsRateAndLeavesTheRest() {
        ParentOrderReport pov = comparison.reports().get("POV 10%");
        assertThat(pov.participation()).isCloseTo(0.10, within(0.01));
        assertThat(pov.isComplete()).isFalse();
        assertThat(pov.makerFilledQty()).isZero();   // POV children are marketable
    }

    @Test
    void slippageIsMeasuredAgainstTheArrivalMid() {
        for (ParentOrderReport r : comparison.reports().values()) {
            // buy: (avg - arrival) / arrival * 1e4
            assertThat(r.slippageBps()).isCloseTo((r.avgFillPrice() - r.arrivalMid()) / r.arrivalMid() * 1e4,
                    within(1e-9));
        }
        assertThat(comparison.marketVwap()).isBetween(99.0, 101.0);
    }

    @Test
    void vwapProfileIsEstimatedFromThePreviousDayAndPrinted() {
        assertThat(comparison.profile().buckets()).isEqualTo(6);
        double sum = 0;
        for (double f : comparison.profile().fractions()) {
            sum += f;
            assertThat(f).isBetween(0.1, 0.25);   // a stationary generator: each 5-minute bucket near 1/6
        }
        assertThat(sum).isCloseTo(1.0, within(1e-12));
        assertThat(printed).contains("VWAP profile (previous day", "execution algorithms on the same generated day",
                "POV 10%");
    }
}
