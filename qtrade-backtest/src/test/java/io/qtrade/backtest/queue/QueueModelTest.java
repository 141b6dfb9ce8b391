package io.qtrade.backtest.queue;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class QueueModelTest {

    private static final double EXACT = 1e-12;

    @Test
    void riskAverseMovesUpOnlyWhenTheLevelShrinksBelowTheQtyAhead() {
        QueueModel m = RiskAverseQueue.INSTANCE;
        // 10 ahead, level 40 -> 20: cancels assumed behind, still 10 ahead.
        assertThat(m.qtyAheadAfterDepthChange(10, 0, 40, 20)).isEqualTo(10.0);
        // level 40 -> 6: at most 6 can be ahead.
        assertThat(m.qtyAheadAfterDepthChange(10, 0, 40, 6)).isEqualTo(6.0);
        // an increase joins behind.
        assertThat(m.qtyAheadAfterDepthChange(10, 0, 40, 60)).isEqualTo(10.0);
    }

    @Test
    void powerOneSplitsACancelInProportionToTheQuantitiesAheadAndBehind() {
        QueueModel m = new ProbabilisticQueue(new PowerProbability(1));
        // ahead 10, behind 30, cancel of 20: share ahead = 10 / (10 + 30) = 0.25 -> 5 from ahead -> 5 left.
        assertThat(m.qtyAheadAfterDepthChange(10, 0, 40, 20)).isCloseTo(5.0, within(EXACT));
    }

    @Test
    void powerTwoTakesMoreOfACancelFromTheLongerPartOfTheQueue() {
        QueueModel m = new ProbabilisticQueue(new PowerProbability(2));
        // share ahead = 100 / (100 + 900) = 0.1 -> 2 of the 20 from ahead -> 8 left.
        assertThat(m.qtyAheadAfterDepthChange(10, 0, 40, 20)).isCloseTo(8.0, within(EXACT));
    }

    @Test
    void logProbabilityUsesLogOnePlusQuantity() {
        QueueModel m = new ProbabilisticQueue(LogProbability.INSTANCE);
        // share ahead = ln 11 / (ln 11 + ln 31) = 0.4111700265118009 -> 10 - 0.41117 * 20 = 1.7765994697639815.
        assertThat(m.qtyAheadAfterDepthChange(10, 0, 40, 20)).isCloseTo(1.7765994697639815, within(1e-12));
    }

    @Test
    void aDecreaseThatATradeAlreadyExplainedIsNotCountedAgainAsACancel() {
        QueueModel m = new ProbabilisticQueue(new PowerProbability(1));
        // ahead was 15, a trade of 5 took it to 10 (tradedQty 5); the feed then shows the level 40 -> 35.
        assertThat(m.qtyAheadAfterDepthChange(10, 5, 40, 35)).isCloseTo(10.0, within(EXACT));
        // the same depth change without the trade would be a cancel of 5, 1/4 of it (1.25) from ahead.
        assertThat(m.qtyAheadAfterDepthChange(10, 0, 40, 35)).isCloseTo(8.75, within(EXACT));
    }

    @Test
    void whatTheQueueBehindCannotSupplyComesFromAhead() {
        QueueModel m = new ProbabilisticQueue(new PowerProbability(1));
        // ahead 30, behind 2, cancel of 10: share ahead 30/32 -> 9.375 from ahead, 0.625 from behind (fits) -> 20.625.
        assertThat(m.qtyAheadAfterDepthChange(30, 0, 32, 22)).isCloseTo(20.625, within(EXACT));
        // ahead 30, behind 0: everything from ahead.
        assertThat(m.qtyAheadAfterDepthChange(30, 0, 30, 22)).isCloseTo(22.0, within(EXACT));
        // power 4: share ahead 30^4/(30^4+2^4) ~ 0.99998; 10 * (1 - share) = 0.000198 <= behind 2.
        double share = Math.pow(30, 4) / (Math.pow(30, 4) + Math.pow(2, 4));
        assertThat(new ProbabilisticQueue(new PowerProbability(4)).qtyAheadAfterDepthChange(30, 0, 32, 22))
                .isCloseTo(30 - share * 10, within(EXACT));
    }

    @Test
    void theQtyAheadNeverExceedsTheLevelNorGoesNegative() {
        QueueModel m = new ProbabilisticQueue(new PowerProbability(3));
        assertThat(m.qtyAheadAfterDepthChange(10, 0, 10, 0)).isEqualTo(0.0);
        assertThat(m.qtyAheadAfterDepthChange(0, 0, 10, 5)).isEqualTo(0.0);
    }

    @Test
    void powerShareIsComputedWithoutOverflowAndEqualsTheRatioOfPowersWhereThatIsFinite() {
        PowerProbability p3 = new PowerProbability(3);
        // 10^3 / (10^3 + 30^3) = 1000 / 28000 = 1/28.
        assertThat(p3.aheadShare(10, 30)).isCloseTo(1.0 / 28.0, within(EXACT));
        PowerProbability p100 = new PowerProbability(100);
        // 10,000^100 overflows; 1 / (1 + 2^100) = 7.888609052210118e-31.
        assertThat(p100.aheadShare(10_000, 20_000)).isCloseTo(7.888609052210118e-31, within(1e-45));
        assertThat(p100.aheadShare(20_000, 10_000)).isEqualTo(1.0 - 7.888609052210118e-31);
        // (1e6/1e3)^400 overflows to infinity: share 0; the other way 0: share 1.
        assertThat(new PowerProbability(400).aheadShare(1e3, 1e6)).isEqualTo(0.0);
        assertThat(new PowerProbability(400).aheadShare(1e6, 1e3)).isEqualTo(1.0);
        assertThat(p100.aheadShare(0, 5)).isEqualTo(0.0);
        assertThat(p100.aheadShare(5, 0)).isEqualTo(1.0);
        // the model: ahead 10,000, behind 20,000, cancel of 10,000 -> ahead 10,000 - 7.9e-27.
        assertThat(new ProbabilisticQueue(p100).qtyAheadAfterDepthChange(10_000, 0, 30_000, 20_000))
                .isCloseTo(10_000.0, within(1e-9));
    }

    @Test
    void aWeightFunctionThatOverflowsIsRefusedNamingItsInputsNotTurnedIntoNaN() {
        QueueProbability exp = new QueueProbability() {
            @Override
            public double weight(double qty) {
                return Math.exp(qty);
            }

            @Override
            public String toString() {
                return "Exp[]";
            }
        };
        QueueModel m = new ProbabilisticQueue(exp);
        assertThat(m.qtyAheadAfterDepthChange(10, 0, 30, 20)).isCloseTo(10 - 10 / (1 + Math.exp(10)), within(1e-9));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> m.qtyAheadAfterDepthChange(1000, 0, 3000, 2000))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("Exp[]: weights f(ahead=1000.0) = Infinity and f(behind=2000.0) = Infinity");
    }

    @Test
    void modelsListTheirParameters() {
        assertThat(new ProbabilisticQueue(new PowerProbability(2)).toString())
                .isEqualTo("ProbabilisticQueue[probability=PowerProbability[n=2.0]]");
        assertThat(FifoQueue.INSTANCE.requiresMarketByOrder()).isTrue();
        assertThat(RiskAverseQueue.INSTANCE.requiresMarketByOrder()).isFalse();
    }
}
