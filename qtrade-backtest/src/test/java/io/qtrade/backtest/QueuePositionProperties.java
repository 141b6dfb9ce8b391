package io.qtrade.backtest;

import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.LogProbability;
import io.qtrade.backtest.queue.PowerProbability;
import io.qtrade.backtest.queue.ProbabilisticQueue;
import io.qtrade.backtest.queue.QueueModel;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.core.market.InMemoryEventSource;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.List;

import static io.qtrade.backtest.Scenarios.AAA;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every L2 queue model, on random tapes with small and very large queues (up to 1.5e7 lots per level, where
 * {@code x^100} overflows a double), gives a queue position that is a number in {@code [0, newQty]} at every depth
 * change: never NaN, never negative, never more than the level.
 */
class QueuePositionProperties {

    /** A model that records every answer of the model it wraps, with its inputs. */
    static final class Recording implements QueueModel {
        final QueueModel model;
        final List<String> bad = new ArrayList<>();
        long calls;

        Recording(QueueModel model) {
            this.model = model;
        }

        @Override
        public double qtyAheadAfterDepthChange(double qtyAhead, double tradedQty, double prevQty, double newQty) {
            double r = model.qtyAheadAfterDepthChange(qtyAhead, tradedQty, prevQty, newQty);
            calls++;
            if (!(r >= 0 && r <= newQty) || Double.isNaN(r)) {
                bad.add(model + "(" + qtyAhead + ", " + tradedQty + ", " + prevQty + ", " + newQty + ") = " + r);
            }
            return r;
        }
    }

    private static QueueModel model(int pick) {
        return switch (pick) {
            case 0 -> RiskAverseQueue.INSTANCE;
            case 1 -> new ProbabilisticQueue(LogProbability.INSTANCE);
            case 2 -> new ProbabilisticQueue(new PowerProbability(0.5));
            case 3 -> new ProbabilisticQueue(new PowerProbability(1));
            case 4 -> new ProbabilisticQueue(new PowerProbability(2));
            case 5 -> new ProbabilisticQueue(new PowerProbability(3));
            case 6 -> new ProbabilisticQueue(new PowerProbability(100));
            default -> new ProbabilisticQueue(new PowerProbability(400));
        };
    }

    @Property(tries = 60)
    void everyQueueModelKeepsTheQueuePositionANumberWithinTheLevel(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 0, max = 7) int pick,
            @ForAll @IntRange(min = 0, max = 2) int scalePower) {
        long scale = scalePower == 0 ? 1 : scalePower == 1 ? 1_000 : 1_000_000;
        Recording recording = new Recording(model(pick));
        InMemoryEventSource source = new InMemoryEventSource(List.of(AAA),
                RandomTape.generate(AAA, 0, seed, 3_000, 0, scale));
        BacktestResult r = Backtest.builder().source(source)
                .exchange(ExchangeSettings.builder(AAA).latency(new ConstantLatency(5_000, 5_000)).queue(recording)
                        .build())
                .strategy("s", new QuotingStrategy(0, 1, 3, 0)).markIntervalNanos(0).build().run();
        assertThat(recording.bad).isEmpty();
        assertThat(recording.calls).isPositive();
        assertThat(r.orderCount()).isPositive();
    }
}
