package io.qtrade.ml.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.BacktestResult;
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
import io.qtrade.ml.model.online.LearningRateSchedule;
import io.qtrade.ml.model.online.OnlineLogisticRegression;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An online model that learns during a tick backtest: at each daily print the strategy first learns yesterday's
 * features with today's outcome (the label is known only now: no look-ahead), then scores today's features with the
 * same object through a {@link ForecastSignal}. The engine-driven model must end with exactly the coefficients of the
 * same updates replayed over the batch features, and its scores must be the progressive (predict-then-learn) ones.
 */
class OnlineLearningBacktestTest {
    private static final long DAY = 1_000_000_000L;

    @Test
    void onlineModelLearnsInsideTheEngineExactlyAsInBatch() {
        double[] close = RefCases.csv("synthetic_ibm_close_19981231_20001229.csv").doubles("close");
        int n = close.length;
        Instrument ibm = Instrument.spot("IBM", "SYN", 0.01, 1);
        EventBatch events = new EventBatch(n * 5);
        double oldBid = Double.NaN;
        for (int d = 0; d < n; d++) {
            double bid = Math.round(close[d] * 100) / 100.0;
            close[d] = bid;
            long t = d * DAY;
            if (!Double.isNaN(oldBid)) {
                events.addDepth(0, t, t + 1_000, Side.BUY, oldBid, 0);
                events.addDepth(0, t, t + 1_000, Side.SELL, oldBid + 0.02, 0);
            }
            events.addDepth(0, t + 1, t + 1_001, Side.BUY, bid, 1_000);
            events.addDepth(0, t + 1, t + 1_001, Side.SELL, bid + 0.02, 1_000);
            events.addTrade(0, t + 500_000, t + 501_000, Side.SELL, bid, 1);
            oldBid = bid;
        }
        LearningRateSchedule schedule = LearningRateSchedule.inverseScaling(0.5, 0.6);
        OnlineLogisticRegression live = new OnlineLogisticRegression(6, 1e-4, schedule);
        Learner learner = new Learner(new ReturnLagFeatures(5, 20), live);
        BacktestResult result = Backtest.builder()
                .source(new InMemoryEventSource(List.of(ibm), events))
                .exchange(ExchangeSettings.builder(ibm).latency(new ConstantLatency(100, 100))
                        .queue(RiskAverseQueue.INSTANCE).fees(new BpsFees(0, 1)).build())
                .strategy("online", learner)
                .build()
                .run();

        // the same updates over the batch features: learn row d-1 with label [c_d > c_{d-1}], then score row d
        double[][] x = ReturnLagFeatures.rows(close, 5, 20);
        OnlineLogisticRegression batch = new OnlineLogisticRegression(6, 1e-4, schedule);
        int scored = 0;
        for (int d = 21; d < n; d++) {
            batch.update(x[d - 1], close[d] > close[d - 1] ? 1 : 0);
            assertThat(learner.scores[d]).as("day %d", d).isEqualTo(batch.predict(x[d]));
            scored++;
        }
        assertThat(live.updates()).isEqualTo(n - 21);
        for (int j = 0; j < 6; j++) {
            assertThat(live.coefficient(j)).isEqualTo(batch.coefficient(j));
        }
        assertThat(live.intercept()).isEqualTo(batch.intercept());
        assertThat(scored).isEqualTo(n - 21);
        assertThat(result.events()).isEqualTo(events.size());
    }

    /** Learns yesterday's features with today's outcome, then scores today's. */
    static final class Learner implements Strategy {
        private final ReturnLagFeatures features;
        private final OnlineLogisticRegression model;
        private final ForecastSignal signal;
        private final double[] yesterday;
        private boolean haveYesterday;
        private double lastPrice = Double.NaN;
        private int day;
        final double[] scores = new double[1_000];

        Learner(ReturnLagFeatures features, OnlineLogisticRegression model) {
            this.features = features;
            this.model = model;
            this.signal = new ForecastSignal(features, model);
            this.yesterday = new double[features.size()];
        }

        @Override
        public void onStart(StrategyContext context) {
        }

        @Override
        public void onTrade(int instrument, MarketEvent trade) {
            double price = trade.price();
            if (haveYesterday) {
                model.update(yesterday, price > lastPrice ? 1 : 0);
            }
            features.update(price);
            scores[day++] = signal.score();
            if (features.isReady()) {
                features.write(yesterday);
                haveYesterday = true;
            }
            lastPrice = price;
        }
    }
}
