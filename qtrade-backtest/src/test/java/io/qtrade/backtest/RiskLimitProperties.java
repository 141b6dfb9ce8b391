package io.qtrade.backtest;

import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.latency.LognormalLatency;
import io.qtrade.backtest.queue.PowerProbability;
import io.qtrade.backtest.queue.ProbabilisticQueue;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.TimeInForce;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;
import io.qtrade.risk.PreTradeRiskGate;
import io.qtrade.risk.limits.MaxOpenOrders;
import io.qtrade.risk.limits.MaxPosition;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.SplittableRandom;

import static io.qtrade.backtest.Scenarios.AAA;
import static org.assertj.core.api.Assertions.assertThat;

/** Over random tapes, latencies and order flows, the limits that count resting orders hold at every fill. */
class RiskLimitProperties {

    /** Sends random limit orders (some marketable, some resting) and cancels, and records the extremes it reaches. */
    static final class RandomTrader implements Strategy {
        private final SplittableRandom rnd;
        private final int maxQty;
        private final long[] open = new long[64];
        private StrategyContext ctx;
        double maxLong;
        double maxShort;
        int maxOpenSeen;

        RandomTrader(long seed, int maxQty) {
            this.rnd = new SplittableRandom(seed);
            this.maxQty = maxQty;
        }

        @Override
        public void onStart(StrategyContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void onBook(int instrument, OrderBookView book) {
            if (Double.isNaN(book.mid()) || rnd.nextInt(4) != 0) {
                return;
            }
            int n = ctx.openOrders(0, open);
            maxOpenSeen = Math.max(maxOpenSeen, n);
            if (n > 0 && rnd.nextInt(3) == 0) {
                ctx.cancel(open[rnd.nextInt(n)]);
                return;
            }
            Side side = rnd.nextBoolean() ? Side.BUY : Side.SELL;
            // Offsets of -3..+3 ticks through the touch: positive ones cross the spread.
            int offset = rnd.nextInt(7) - 3;
            double price = side == Side.BUY ? AAA.toPrice(book.bestAskTicks() + offset)
                    : AAA.toPrice(book.bestBidTicks() - offset);
            ctx.submitLimit(0, side, price, 1 + rnd.nextInt(maxQty), TimeInForce.GTC);
        }

        @Override
        public void onFill(Fill fill) {
            double q = ctx.position(0).qty();
            maxLong = Math.max(maxLong, q);
            maxShort = Math.min(maxShort, q);
        }
    }

    @Property(tries = 30)
    void theWorstCasePositionLimitHoldsAtEveryFill(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                   @ForAll @IntRange(min = 1, max = 6) int maxQty,
                                                   @ForAll @IntRange(min = 1, max = 15) int positionLimit,
                                                   @ForAll @IntRange(min = 1, max = 4) int openLimit) {
        RandomTrader trader = new RandomTrader(seed, maxQty);
        BacktestResult r = Backtest.builder().source(RandomTape.source(AAA, seed, 3_000, 20_000))
                .exchange(ExchangeSettings.builder(AAA).latency(new LognormalLatency(5_000, 5_000, 0.5, seed))
                        .queue(new ProbabilisticQueue(new PowerProbability(2))).build())
                .strategy("s", trader)
                .riskGate(PreTradeRiskGate.of(new MaxPosition(positionLimit), new MaxOpenOrders(openLimit)))
                .markIntervalNanos(0).build().run();
        assertThat(trader.maxLong).isLessThanOrEqualTo(positionLimit);
        assertThat(trader.maxShort).isGreaterThanOrEqualTo(-positionLimit);
        assertThat(trader.maxOpenSeen).isLessThanOrEqualTo(openLimit);
        assertThat(r.fillRecords()).as("the random flow trades").isNotEmpty();
        assertThat(r.orderRecords()).as("and meets its limits").anyMatch(o -> o.order().rejectReason().startsWith("MAX_"));
    }
}
