package io.qtrade.strategies.pairs;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.FillRecord;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventSource;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.features.cointegration.JohansenResult;
import org.junit.jupiter.api.Test;

import static io.qtrade.strategies.pairs.PairTape.X;
import static io.qtrade.strategies.pairs.PairTape.Y;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class KalmanPairsTraderTest {

    static final int FOUR_HOURS = 4 * 3600;
    static final double TAKER_FEE_BPS = 2.0;

    static BacktestResult run(EventSource source, KalmanPairsTrader trader) {
        return run(source, trader, Backtest.NO_END);
    }

    static BacktestResult run(EventSource source, KalmanPairsTrader trader, long endNanos) {
        Backtest.Builder b = Backtest.builder().source(source).strategy("pairs", trader).initialCash(100_000)
                .endNanos(endNanos);
        for (Instrument i : new Instrument[]{Y, X}) {
            b.exchange(ExchangeSettings.builder(i).latency(new ConstantLatency(1_000_000, 1_000_000))
                    .queue(RiskAverseQueue.INSTANCE).fees(new BpsFees(0.0, TAKER_FEE_BPS)).build());
        }
        return b.build().run();
    }

    /** Ve = the tape's spread variance 0.3^2, so z is on a unit scale; a tiny delta: a slowly moving hedge ratio. */
    static KalmanPairsTrader.Builder trader() {
        return KalmanPairsTrader.builder(Y, X).kalman(1e-11, 0.09).thresholds(1.5, 0.25, 4.0).warmUpSamples(1800)
                .legNotional(10_000);
    }

    @Test
    void zScoreIsTheInnovationOverItsStandardDeviation() {
        // zero prior (no warm-up), delta = 0.5 so Vw = 1, Ve = 1; mids x = 100.005, y = 150.005 at both samples.
        // step 1: R = I, yhat = 0, g = R F' = (x, 1), Q1 = x^2 + 1 + 1, e1 = y, z1 = y / sqrt(Q1)
        double x = 100.005;
        double y = 150.005;
        double q1 = x * x + 2;
        double z1 = y / Math.sqrt(q1);
        // K = g / Q1, theta1 = K e1 = (x y / Q1, y / Q1); P1 = R - K g' = [[1 - x^2/Q1, -x/Q1], [-x/Q1, 1 - 1/Q1]]
        double b1 = x * y / q1;
        double a1 = y / q1;
        double p00 = 1 - x * x / q1;
        double p01 = -x / q1;
        double p11 = 1 - 1 / q1;
        // step 2: R = P1 + I, e2 = y - (b1 x + a1), Q2 = F R F' + 1
        double e2 = y - (b1 * x + a1);
        double q2 = x * x * (p00 + 1) + 2 * x * p01 + (p11 + 1) + 1;
        double z2 = e2 / Math.sqrt(q2);

        KalmanPairsTrader one = KalmanPairsTrader.builder(Y, X).kalman(0.5, 1.0).warmUpSamples(0).legNotional(1000)
                .build();
        // one quote at T0; the repeating timer fires every second from the start, so up to T0 + 1.5 s: one sample
        run(PairTape.tape(new double[]{y}, new double[]{x}), one, PairTape.T0 + 3 * PairTape.SEC / 2);
        assertThat(one.stats().samples()).isEqualTo(1);
        assertThat(one.stats().lastZ()).isCloseTo(z1, within(1e-12));     // = 1.49983..
        assertThat(one.stats().lastBeta()).isCloseTo(b1, within(1e-12));

        KalmanPairsTrader two = KalmanPairsTrader.builder(Y, X).kalman(0.5, 1.0).warmUpSamples(0).legNotional(1000)
                .build();
        run(PairTape.tape(new double[]{y}, new double[]{x}), two, PairTape.T0 + 5 * PairTape.SEC / 2);
        assertThat(two.stats().samples()).isEqualTo(2);
        assertThat(two.stats().lastZ()).isCloseTo(z2, within(1e-12));
        assertThat(z1).isCloseTo(1.4998, within(1e-4));
        assertThat(two.stats().entries()).isZero();                         // |z| < entry 2 both times
    }

    @Test
    void profitableNetOfFeesOnACointegratedPair() {
        KalmanPairsTrader t = trader().build();
        BacktestResult r = run(PairTape.cointegrated(1, FOUR_HOURS), t);
        Portfolio p = r.portfolio("pairs");
        PairsTraderStats s = t.stats();
        assertThat(s.entries()).isGreaterThan(50);
        assertThat(p.fees()).isPositive();
        // equity - initial cash = realized + unrealized - fees: positive after every fee and spread crossing
        assertThat(p.netPnl()).isGreaterThan(0.1 * p.fees());
        assertThat(p.netPnl()).isCloseTo(p.realizedPnl() + p.unrealizedPnl() - p.fees(), within(1e-6));
        // the OLS prior on the 30-minute warm-up and the filtered path stay near the tape's b = 1.5
        assertThat(s.meanBeta()).isCloseTo(PairTape.B, within(0.3));
    }

    @Test
    void flatWhenTheEngleGrangerGateRejectsIndependentWalks() {
        KalmanPairsTrader t = trader().cointegrationGate(new EngleGrangerTest(0.01), 600, 60).build();
        BacktestResult r = run(PairTape.independent(2, FOUR_HOURS), t);
        PairsTraderStats s = t.stats();
        assertThat(s.gateTests()).isGreaterThan(200);
        assertThat(s.gateAccepts()).isLessThanOrEqualTo(s.gateTests() / 20);   // about the 1% false positives
        assertThat(s.ordersSent()).isLessThanOrEqualTo(4);                      // at most one round trip
        for (var position : r.portfolio("pairs").positions().values()) {
            assertThat(position.qty()).isZero();
        }
    }

    @Test
    void johansenGateCutsTradingOnIndependentWalksToAFewSpuriousWindows() {
        KalmanPairsTrader ungated = trader().build();
        run(PairTape.independent(3, FOUR_HOURS), ungated);
        KalmanPairsTrader t = trader().cointegrationGate(new JohansenTraceTest(0, 1, JohansenResult.LEVEL_99), 600, 60)
                .build();
        BacktestResult r = run(PairTape.independent(3, FOUR_HOURS), t);
        PairsTraderStats s = t.stats();
        assertThat(s.gateTests()).isGreaterThan(200);
        // overlapping windows of two random walks: a few tests reject the null by chance (here 4 of 230)
        assertThat(s.gateAccepts()).isLessThanOrEqualTo(s.gateTests() / 20);
        assertThat(ungated.stats().ordersSent()).isGreaterThan(100);
        // ... and trades only in those: here 16 orders (4 round trips) against about 270 without the gate
        assertThat(s.ordersSent()).isLessThanOrEqualTo(ungated.stats().ordersSent() / 10);
        for (var position : r.portfolio("pairs").positions().values()) {
            assertThat(position.qty()).isZero();
        }
    }

    @Test
    void gateStaysOpenOnTheCointegratedPairAndTheTraderStillProfits() {
        KalmanPairsTrader t = trader().cointegrationGate(new EngleGrangerTest(0.01), 600, 60).build();
        BacktestResult r = run(PairTape.cointegrated(1, FOUR_HOURS), t);
        PairsTraderStats s = t.stats();
        assertThat(s.gateAccepts()).isGreaterThan(s.gateTests() * 9 / 10);
        assertThat(r.portfolio("pairs").netPnl()).isPositive();
    }

    @Test
    void betaNeutralLegsHoldBetaTimesTheYQuantity() {
        KalmanPairsTrader t = trader().sizing(HedgeSizing.BETA_NEUTRAL).build();
        BacktestResult r = run(PairTape.cointegrated(4, 2 * 3600), t);
        FillRecord firstY = first(r, 0);
        FillRecord firstX = first(r, 1);
        // y leg: floor(10000 / y mid); x leg: floor(beta * q_y) with beta in the filter's range, opposite side
        assertThat(firstY.qty()).isEqualTo(Math.floor(10_000 / firstY.price()), within(1.0));
        assertThat(firstX.side()).isEqualTo(firstY.side().opposite());
        assertThat(firstX.qty() / firstY.qty()).isBetween(t.stats().minBeta() - 0.02, t.stats().maxBeta() + 0.02);
    }

    @Test
    void dollarNeutralLegsHaveEqualNotional() {
        KalmanPairsTrader t = trader().sizing(HedgeSizing.DOLLAR_NEUTRAL).build();
        BacktestResult r = run(PairTape.cointegrated(4, 2 * 3600), t);
        FillRecord firstY = first(r, 0);
        FillRecord firstX = first(r, 1);
        // y: floor(10,000 / p_y) lots, so within one lot's price of 10,000; x: floor(q_y p_y / p_x) lots, so its
        // notional is within one x lot's price of y's (plus the half-tick on each leg between mid and fill price)
        double notionalY = firstY.price() * firstY.qty();
        double notionalX = firstX.price() * firstX.qty();
        assertThat(notionalY).isCloseTo(10_000, within(firstY.price() + 1));
        assertThat(notionalX).isCloseTo(notionalY, within(firstX.price() + 1));
        assertThat(firstX.side()).isEqualTo(firstY.side().opposite());
    }

    @Test
    void builderNamesEveryBadOption() {
        assertThatThrownBy(() -> KalmanPairsTrader.builder(Y, Y).thresholds(1, 2, 3).sampleIntervalNanos(0).build())
                .hasMessageContaining("y and x are the same instrument YLEG@SYN")
                .hasMessageContaining("sampleIntervalNanos must be > 0, was 0")
                .hasMessageContaining("entryZ=1.0, exitZ=2.0")
                .hasMessageContaining("legNotional must be finite and > 0 (required), was NaN");
    }

    private static FillRecord first(BacktestResult r, int instrument) {
        return r.fillRecords().stream().filter(f -> f.instrument() == instrument).findFirst().orElseThrow();
    }
}
