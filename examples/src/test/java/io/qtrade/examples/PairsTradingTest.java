package io.qtrade.examples;

import io.qtrade.store.synthetic.SyntheticPair;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Runs the pairs example as its command does (seed 1, 4 hours) and checks what it prints and finds. */
class PairsTradingTest {

    private static List<PairsTrading.Scenario> scenarios;
    private static String printed;

    @BeforeAll
    static void runTheExample() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        scenarios = PairsTrading.run(1, 4, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        printed = bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void cointegratedPairIsProfitableNetOfFeesWithOrWithoutTheGate() {
        for (PairsTrading.Scenario s : scenarios.subList(0, 2)) {
            assertThat(s.stats().entries()).isGreaterThan(100);
            assertThat(s.portfolio().fees()).isPositive();
            assertThat(s.portfolio().netPnl()).isGreaterThan(s.portfolio().fees());
        }
        assertThat(scenarios.get(1).stats().gateAccepts()).isEqualTo(scenarios.get(1).stats().gateTests());
    }

    @Test
    void gatedTraderStaysFlatOnIndependentWalks() {
        PairsTrading.Scenario independent = scenarios.get(2);
        assertThat(independent.stats().gateTests()).isGreaterThan(200);
        assertThat(independent.stats().ordersSent()).isZero();
        assertThat(independent.portfolio().netPnl()).isZero();
    }

    @Test
    void hedgeRatioPathStaysAtTheGeneratedRatio() {
        // b = 1.5 in SyntheticPair.example(); OLS prior over 30 minutes, then a slowly moving filter
        assertThat(scenarios.get(0).stats().meanBeta()).isCloseTo(1.5, within(0.01));
        assertThat(scenarios.get(0).stats().maxBeta() - scenarios.get(0).stats().minBeta()).isLessThan(0.01);
    }

    @Test
    void printsTheTradesTheResultsAndTheHedgeRatioTables() {
        assertThat(printed).contains("first trades (cointegrated, no gate):", "YLEG@SYN", "XLEG@SYN",
                "Kalman pairs trading, PnL net of fees", "independent + EG gate", "hedge ratio path after warm-up");
    }
}
