package io.qtrade.backtest;

import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.latency.LatencyModel;
import io.qtrade.backtest.latency.LognormalLatency;
import io.qtrade.backtest.queue.PowerProbability;
import io.qtrade.backtest.queue.ProbabilisticQueue;
import io.qtrade.backtest.queue.QueueModel;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.core.Side;
import io.qtrade.core.order.Liquidity;
import io.qtrade.core.order.Order;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.core.strategy.Strategy;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.HashMap;
import java.util.Map;

import static io.qtrade.backtest.Scenarios.AAA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Invariants over seeded random tapes, latencies, queue models and quoting parameters. */
class BacktestProperties {

    private static BacktestResult run(long tapeSeed, QueueModel queue, LatencyModel latency, Strategy strategy) {
        return Backtest.builder().source(RandomTape.source(AAA, tapeSeed, 4_000, 30_000))
                .exchange(ExchangeSettings.builder(AAA).latency(latency).queue(queue).fees(new BpsFees(-0.3, 1.5))
                        .build())
                .strategy("s", strategy).initialCash(10_000).markIntervalNanos(100_000).build().run();
    }

    private static QueueModel queue(int pick) {
        return pick == 0 ? RiskAverseQueue.INSTANCE : new ProbabilisticQueue(new PowerProbability(pick));
    }

    @Property(tries = 40)
    void fillsNeverExceedTheOrderQuantity(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                          @ForAll @IntRange(min = 0, max = 3) int queue,
                                          @ForAll @IntRange(min = 1, max = 4) int qty,
                                          @ForAll @IntRange(min = 0, max = 40) int takeEvery) {
        BacktestResult r = run(seed, queue(queue), new LognormalLatency(10_000, 10_000, 0.5, seed),
                new QuotingStrategy(0, qty, 3 * qty, takeEvery));
        Map<Long, Double> filled = new HashMap<>();
        for (FillRecord f : r.fillRecords()) {
            filled.merge(f.orderId(), f.qty(), Double::sum);
        }
        for (OrderRecord o : r.orderRecords()) {
            Order order = o.order();
            double sum = filled.getOrDefault(order.orderId(), 0.0);
            assertThat(sum).isLessThanOrEqualTo(order.qty() + 1e-9);
            assertThat(order.filledQty()).isCloseTo(sum, within(1e-9));
        }
    }

    @Property(tries = 40)
    void cashPlusMarkedPositionsEqualStartingCapitalPlusRealizedAndUnrealizedPnlLessFees(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed, @ForAll @IntRange(min = 0, max = 3) int queue,
            @ForAll @IntRange(min = 0, max = 20) int takeEvery) {
        BacktestResult r = run(seed, queue(queue), new ConstantLatency(5_000, 5_000),
                new QuotingStrategy(0, 1, 4, takeEvery));
        Portfolio p = r.portfolio("s");
        double marked = p.position(AAA).qty() * (p.isMarked(AAA) ? p.markPrice(AAA) : p.position(AAA).avgEntryPrice());
        // equity = cash + marked positions; = initial + realized + unrealized - fees (tolerance: float rounding of
        // sums of a few thousand products around 1e2..1e4).
        assertThat(p.cash() + marked).isCloseTo(p.equity(), within(1e-6));
        assertThat(p.cash() + marked).isCloseTo(10_000 + p.realizedPnl() + p.unrealizedPnl() - p.fees(), within(1e-6));
        // the fees are the sum of the fill fees
        double fees = 0;
        for (FillRecord f : r.fillRecords()) {
            fees += f.fee();
        }
        assertThat(p.fees()).isCloseTo(fees, within(1e-9));
        // every equity row obeys the same identity for the strategy
        var eq = r.equity();
        for (int row = 0; row < eq.rowCount(); row++) {
            assertThat(eq.doubleColumn("strategy_net_pnl").get(row))
                    .isCloseTo(eq.doubleColumn("strategy_equity").get(row) - 10_000, within(1e-6));
        }
    }

    @Property(tries = 20)
    void aStrategyThatNeverTradesHasZeroPnl(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                            @ForAll @IntRange(min = 0, max = 3) int queue) {
        BacktestResult r = run(seed, queue(queue), new ConstantLatency(1_000, 1_000), new Strategy() { });
        Portfolio p = r.portfolio("s");
        assertThat(r.fillRecords()).isEmpty();
        assertThat(p.netPnl()).isEqualTo(0.0);
        assertThat(p.equity()).isEqualTo(10_000.0);
        assertThat(r.equity().doubleColumn("strategy_net_pnl").asList()).allMatch(v -> v == 0.0);
    }

    @Property(tries = 40)
    void withZeroLatencyAndTheRiskAverseQueueNoFillIsBetterThanTheTouch(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed, @ForAll @IntRange(min = 1, max = 20) int takeEvery) {
        BacktestResult r = run(seed, RiskAverseQueue.INSTANCE, ConstantLatency.ZERO,
                new QuotingStrategy(0, 2, 6, takeEvery));
        Map<Long, Order> orders = new HashMap<>();
        r.orderRecords().forEach(o -> orders.put(o.order().orderId(), o.order()));
        for (FillRecord f : r.fillRecords()) {
            Order o = orders.get(f.orderId());
            if (f.liquidity() == Liquidity.MAKER) {
                // a resting order fills at its own price, never better
                assertThat(f.price()).isEqualTo(o.price());
            } else if (f.side() == Side.BUY) {
                // a taker buy pays at least the ask, which is above the mid when it arrived
                assertThat(f.price()).isGreaterThan(f.arrivalMid());
            } else {
                assertThat(f.price()).isLessThan(f.arrivalMid());
            }
            if (o.type() == io.qtrade.core.order.OrderType.LIMIT) {
                assertThat(f.side() == Side.BUY ? f.price() <= o.price() : f.price() >= o.price()).isTrue();
            }
        }
    }
}
