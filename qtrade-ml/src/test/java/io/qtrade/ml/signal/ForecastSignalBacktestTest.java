package io.qtrade.ml.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.FillRecord;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.core.market.MarketEvent;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;
import io.qtrade.ml.RefCases;
import io.qtrade.ml.dataset.ReturnLagFeatures;
import io.qtrade.ml.model.Model;
import io.qtrade.ml.model.linear.LogisticRegression;
import io.qtrade.ml.model.linear.StandardScaler;
import io.qtrade.ml.model.linear.StandardisedModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A {@link ForecastSignal} inside a {@link Strategy} in the tick engine: 522 daily closes of the synthetic stock
 * replayed as L2 events (one "day" per simulated second: the touch, six depth updates away from it, and a print at
 * the bid that closes the bar). Two walk-forward models (logistic regressions trained on days 20..249 and 20..399)
 * take over at days 0 and 400. The strategy's scores must equal the batch model on the batch features, and its
 * orders follow the score's side.
 */
class ForecastSignalBacktestTest {
    private static final long DAY = 1_000_000_000L;
    private static final long FEED = 1_000;
    private static final int SWITCH_DAY = 400;

    @Test
    void strategyScoresEqualTheBatchModelsAndTradesTheirSide() {
        double[] raw = RefCases.csv("synthetic_ibm_close_19981231_20001229.csv").doubles("close");
        double[] close = Arrays.stream(raw).map(c -> Math.round(c * 100) / 100.0).toArray();
        int n = close.length;
        Instrument ibm = Instrument.spot("IBM", "SYN", 0.01, 1);
        EventBatch events = new EventBatch(n * 20);
        double oldBid = Double.NaN;
        for (int d = 0; d < n; d++) {
            long t = d * DAY;
            double bid = close[d];
            double ask = bid + 0.02;
            if (!Double.isNaN(oldBid)) {
                events.addDepth(0, t, t + FEED, Side.BUY, oldBid, 0);
                events.addDepth(0, t, t + FEED, Side.SELL, oldBid + 0.02, 0);
                for (int k = 1; k <= 3; k++) {
                    events.addDepth(0, t, t + FEED, Side.BUY, oldBid - 0.05 * k, 0);
                    events.addDepth(0, t, t + FEED, Side.SELL, oldBid + 0.02 + 0.05 * k, 0);
                }
            }
            events.addDepth(0, t + 1, t + 1 + FEED, Side.BUY, bid, 1000);
            events.addDepth(0, t + 1, t + 1 + FEED, Side.SELL, ask, 1000);
            for (int k = 1; k <= 3; k++) {
                events.addDepth(0, t + 2, t + 2 + FEED, Side.BUY, bid - 0.05 * k, 100 * k);
                events.addDepth(0, t + 2, t + 2 + FEED, Side.SELL, ask + 0.05 * k, 100 * k);
            }
            events.addTrade(0, t + 500_000, t + 500_000 + FEED, Side.SELL, bid, 1);
            oldBid = bid;
        }

        double[][] features = ReturnLagFeatures.rows(close, 5, 20);
        Model first = train(close, features, 20, 250);
        Model second = train(close, features, 20, SWITCH_DAY);
        ModelSchedule schedule = ModelSchedule.builder().add(0, first).add(SWITCH_DAY * DAY, second).build();

        ScoringStrategy strategy = new ScoringStrategy(new ForecastSignal(new ReturnLagFeatures(5, 20), schedule));
        BacktestResult result = Backtest.builder()
                .source(new InMemoryEventSource(List.of(ibm), events))
                .exchange(ExchangeSettings.builder(ibm)
                        .latency(new ConstantLatency(100, 100))
                        .queue(RiskAverseQueue.INSTANCE)
                        .fees(new BpsFees(0, 1.0))
                        .build())
                .strategy("forecast", strategy)
                .build()
                .run();

        ForecastSignal signal = strategy.signal;
        assertThat(signal.calls()).isEqualTo(n);
        assertThat(signal.swaps()).isEqualTo(2);
        int expectedOrders = 0;
        int previousSide = 0;
        for (int d = 0; d < n; d++) {
            double s = strategy.scores.get(d);
            if (d < 20) {
                assertThat(s).as("day %d (warm-up)", d).isNaN();
                continue;
            }
            Model active = d < SWITCH_DAY ? first : second;
            assertThat(s).as("day %d", d).isEqualTo(active.predict(features[d]));
            int side = s > 0.5 ? 1 : -1;
            if (side != previousSide) {
                expectedOrders++;
                previousSide = side;
            }
        }
        assertThat(expectedOrders).isGreaterThan(5);
        assertThat(result.orderCount()).isEqualTo(expectedOrders);
        assertThat(result.fillCount()).isEqualTo(expectedOrders);
        // every fill is a market order at the touch: buys at the ask (bid + 0.02), sells at the bid
        for (FillRecord f : result.fillRecords()) {
            int day = (int) (f.exchTs() / DAY);
            double expectedPrice = f.side() == Side.BUY ? close[day] + 0.02 : close[day];
            assertThat(f.price()).as("fill at day %d", day).isCloseTo(expectedPrice, within(1e-9));
            assertThat(f.qty()).isEqualTo(f == result.fillRecords().get(0) ? 10.0 : 20.0);
        }
        assertThat(result.portfolio("forecast").position(ibm).qty()).isEqualTo(previousSide * 10.0);
    }

    private static Model train(double[] close, double[][] features, int from, int to) {
        double[][] x = Arrays.copyOfRange(features, from, to);
        int[] y = new int[to - from];
        for (int t = from; t < to; t++) {
            y[t - from] = close[t + 1] > close[t] ? 1 : 0;      // label ends at t+1 < to: inside the train period
        }
        StandardScaler scaler = StandardScaler.fit(x);
        return new StandardisedModel(scaler, LogisticRegression.fit(scaler.transform(x), y, 1.0));
    }

    /** Long 10 when the score says up, short 10 when down; one bar per print. */
    static final class ScoringStrategy implements Strategy {
        final ForecastSignal signal;
        final ReturnLagFeatures features;
        final List<Double> scores = new ArrayList<>();
        private StrategyContext ctx;
        private double target;

        ScoringStrategy(ForecastSignal signal) {
            this.signal = signal;
            this.features = (ReturnLagFeatures) signal.features();
        }

        @Override
        public void onStart(StrategyContext context) {
            this.ctx = context;
        }

        @Override
        public void onTrade(int instrument, MarketEvent trade) {
            features.update(trade.price());
            double s = signal.score(ctx.nowNanos());
            scores.add(s);
            if (Double.isNaN(s)) {
                return;
            }
            double next = s > 0.5 ? 10 : -10;
            double delta = next - target;
            if (delta != 0) {
                ctx.submitMarket(instrument, delta > 0 ? Side.BUY : Side.SELL, Math.abs(delta));
                target = next;
            }
        }
    }
}
