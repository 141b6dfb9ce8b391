package io.qtrade.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.margin.MarginSettings;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.core.ContractSpec;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.margin.LeverageBrackets;
import io.qtrade.core.margin.MarginMode;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventFlags;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.core.order.OrderStatus;
import io.qtrade.core.order.TimeInForce;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;
import io.qtrade.risk.PreTradeRiskGate;
import io.qtrade.risk.RiskGate;
import io.qtrade.risk.margin.MarginRatioBreaker;
import io.qtrade.risk.margin.MarginRatioBreaker.Reduction;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The margin ratio breaker acting before the venue's liquidation, on a generated crash from 100 to 80: a long of 50
 * at 10x, cross, 1,000 of cash, a flat 5 % maintenance margin rate.
 * <pre>{@code
 * equity(P) = 1000 - fee + 50 (P - entry)       MM(P) = 50 P 0.05 = 2.5 P       ratio = MM / equity
 * liquidated (margin balance < MM):  1000 - fee + 50 (P - 100.01) < 2.5 P   ->  P < about 84.2
 * breaker at ratio 0.5:              2.5 P >= 0.5 equity                       ->  P <= about 88.9
 * }</pre>
 * Without a breaker the long is liquidated; with REDUCE (to a margin ratio of 0.2) a reduce-only market order cuts it
 * before, and the rest rides the crash out without a liquidation; with STOP it is closed.
 */
class MarginBreakerReduceTest {

    static final Instrument PERP = Instrument.spot("AAA", "SYN", 0.01, 1)
            .withContract(ContractSpec.linearPerpetual("USD", Duration.ofHours(8)));
    static final LeverageBrackets MMR_5 = LeverageBrackets.flat(0.05, 20);
    static final long LAT = 100;
    static final int STEPS = 600;

    /** The crash: a quote and a mark row (the mid) every 10 us, the mid falling 100 -> 80 with N(0, 0.03) noise. */
    static EventBatch crash(long seed) {
        return crash(seed, STEPS + 1, 0.0);
    }

    /** {@link #crash(long)} with the mid gapping down by {@code gap} more from step {@code gapAt} on. */
    static EventBatch crash(long seed, int gapAt, double gap) {
        SplittableRandom rng = new SplittableRandom(seed);
        EventBatch b = new EventBatch(3 * (STEPS + 1));
        for (int k = 0; k <= STEPS; k++) {
            long t = 1_000_000L + k * 10_000L;
            double mid = 100.0 - 20.0 * k / STEPS + 0.03 * gaussian(rng) - (k >= gapAt ? gap : 0.0);
            long bidTicks = Math.round(mid * 100) - 1;
            b.add(0, t, t, EventKind.BBO, Side.BUY.code(), bidTicks / 100.0, 1_000, EventBatch.NO_ORDER_ID);
            b.add(0, t, t, EventKind.BBO, Side.SELL.code(), (bidTicks + 2) / 100.0, 1_000, EventBatch.NO_ORDER_ID,
                    EventFlags.END_OF_MESSAGE);
            b.add(0, t, t, EventKind.MARK_PRICE, (byte) 0, (bidTicks + 1) / 100.0, 0, EventBatch.NO_ORDER_ID);
        }
        return b;
    }

    private static double gaussian(SplittableRandom rng) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17
        double u = 1.0 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /** The best bid of the tape at venue time {@code t} (the last quote at or before it). */
    static double bidAt(EventBatch tape, long t) {
        double bid = Double.NaN;
        for (int r = 0; r < tape.size() && tape.exchTs(r) <= t; r++) {
            if (tape.kind(r) == EventKind.BBO && tape.sideCode(r) == Side.BUY.code()) {
                bid = tape.price(r);
            }
        }
        return bid;
    }

    /** Buys 50 at the first quote, and leaves a resting bid far below. */
    static final class LongFifty implements Strategy {
        StrategyContext ctx;
        long buyId = -1;
        long restingId = -1;

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
        }

        @Override
        public void onBook(int instrument, OrderBookView book) {
            if (buyId < 0 && !book.isEmpty(Side.SELL)) {
                buyId = ctx.submitMarket(0, Side.BUY, 50);
                restingId = ctx.submitLimit(0, Side.BUY, 70.00, 1, TimeInForce.GTC);
            }
        }
    }

    static BacktestResult run(EventBatch tape, Strategy s, RiskGate gate) {
        return Backtest.builder().source(new InMemoryEventSource(List.of(PERP), tape))
                .exchange(ExchangeSettings.builder(PERP).latency(new ConstantLatency(LAT, LAT))
                        .queue(RiskAverseQueue.INSTANCE).fees(new BpsFees(0.0, 4.0)).build())
                .strategy("s", s).initialCash(1_000).riskGate(gate)
                .margin(new MarginSettings(PERP, MarginMode.CROSS, 10, MMR_5)).build().run();
    }

    @Test
    void reducingAtTheTriggerAvoidsTheLiquidationThatHappensWithoutIt() {
        EventBatch tape = crash(7);

        BacktestResult bare = run(tape, new LongFifty(), RiskGate.NONE);
        assertThat(bare.liquidationRecords()).hasSize(1);
        assertThat(bare.liquidationRecords().get(0).qty()).isEqualTo(50);
        FillRecord buy = bare.fillRecords().get(0);
        // the liquidation mark is the first below the threshold: 1000 - fee + 50 (m - entry) < 2.5 m
        double threshold = (50 * buy.price() - 1_000 + buy.fee()) / 47.5;
        assertThat(bare.liquidationRecords().get(0).price()).isLessThan(threshold).isGreaterThan(threshold - 0.2);

        MarginRatioBreaker breaker = MarginRatioBreaker.reducing(0.5, Map.of(PERP, MMR_5), Reduction.toMarginRatio(0.2));
        LongFifty strategy = new LongFifty();
        BacktestResult reduced = run(tape, strategy, PreTradeRiskGate.of(breaker));

        assertThat(reduced.liquidationRecords()).isEmpty();
        assertThat(breaker.trips()).hasSize(1);
        assertThat(breaker.reductions()).hasSize(1);
        MarginRatioBreaker.Reduce cut = breaker.reductions().get(0);
        long tripTs = cut.nowNanos();
        // the ratio at the trip, from the tape: mid P at the trip, equity = cash + 50 P (the portfolio's, at mids)
        double bidAtTrip = bidAt(tape, tripTs);
        double mid = bidAtTrip + 0.01;
        FillRecord entry = reduced.fillRecords().get(0);
        double equity = 1_000 - 50 * entry.price() - entry.fee() + 50 * mid;
        assertThat(cut.marginRatio()).isCloseTo(2.5 * mid / equity, within(1e-9)).isGreaterThanOrEqualTo(0.5);
        // target 0.2 with a flat bracket: MM = 50 (1 - f) P 0.05 = 0.2 equity  ->  f = 1 - 0.2 equity / (2.5 P);
        // 31 of 50 on this seed (lot 1, rounded up)
        double f = 1 - 0.2 * equity / (2.5 * mid);
        assertThat(cut.qty()).isEqualTo(Math.ceil(50 * f));

        // the orders: the buy, the resting bid (cancelled by the breaker), the reduce-only market sell
        List<OrderRecord> orders = reduced.orderRecords();
        assertThat(orders).hasSize(3);
        assertThat(orders.get(1).order().orderId()).isEqualTo(strategy.restingId);
        assertThat(orders.get(1).order().status()).isEqualTo(OrderStatus.CANCELED);
        OrderRecord sell = orders.get(2);
        assertThat(sell.order().side()).isEqualTo(Side.SELL);
        assertThat(sell.order().qty()).isEqualTo(cut.qty());
        assertThat(sell.order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(sell.sendTs()).isEqualTo(tripTs);
        // through the normal fill path: a taker fill at the venue's bid when it arrives, with the taker fee
        FillRecord sold = reduced.fillRecords().get(1);
        assertThat(reduced.fillRecords()).hasSize(2);
        assertThat(sold.liquidation()).isFalse();
        assertThat(sold.exchTs()).isEqualTo(tripTs + LAT);
        assertThat(sold.price()).isEqualTo(bidAt(tape, tripTs + LAT));
        assertThat(sold.fee()).isCloseTo(cut.qty() * sold.price() * 4e-4, within(1e-9));
        double left = 50 - cut.qty();
        assertThat(reduced.portfolio("s").position(PERP).qty()).isEqualTo(left);
        assertThat(reduced.marginAccount("s", "USD").position(PERP).qty()).isEqualTo(left);
        // the rest rode the crash out: final wallet = 1000 - fees + realised, and the loss is less than liquidation's
        var account = reduced.marginAccount("s", "USD");
        double realised = cut.qty() * (sold.price() - entry.price());
        assertThat(account.walletBalance()).isCloseTo(1_000 - entry.fee() - sold.fee() + realised, within(1e-9));
        assertThat(reduced.portfolio("s").equity()).isGreaterThan(bare.portfolio("s").equity());

        // STOP: the same trip closes the whole position instead
        MarginRatioBreaker stopper = new MarginRatioBreaker(0.5, Map.of(PERP, MMR_5),
                MarginRatioBreaker.Action.STOP, null);
        BacktestResult stopped = run(tape, new LongFifty(), PreTradeRiskGate.of(stopper));
        assertThat(stopped.liquidationRecords()).isEmpty();
        assertThat(stopper.trips().get(0).nowNanos()).isEqualTo(tripTs);
        assertThat(stopper.reductions()).isEmpty();
        assertThat(stopped.fillRecords()).hasSize(2);
        assertThat(stopped.fillRecords().get(1).qty()).isEqualTo(50);
        assertThat(stopped.portfolio("s").position(PERP).isFlat()).isTrue();
    }

    /**
     * REDUCE_THEN_STOP on the crash with a gap of 4 more at step 345 (mid about 88.5 -> 84.5): 10 % cuts at the trigger
     * 0.5 (each re-arms once the ratio is back below it), then the gap takes the ratio past the stop ratio 0.6 (to about
     * 0.65-0.75, depending on the cuts before it) and the stop flattens what is left, before the venue's liquidation.
     */
    @Test
    void reduceThenStopCutsFirstThenFlattensBeforeLiquidation() {
        EventBatch tape = crash(7, 345, 4.0);
        BacktestResult bare = run(tape, new LongFifty(), RiskGate.NONE);
        assertThat(bare.liquidationRecords()).hasSize(1);
        MarginRatioBreaker breaker = new MarginRatioBreaker(0.5, Map.of(PERP, MMR_5),
                MarginRatioBreaker.Action.REDUCE_THEN_STOP, Reduction.fraction(0.1), 0.6);
        BacktestResult r = run(tape, new LongFifty(), PreTradeRiskGate.of(breaker));
        assertThat(r.liquidationRecords()).isEmpty();
        assertThat(breaker.reductions()).isNotEmpty();
        double held = 50;
        for (MarginRatioBreaker.Reduce cut : breaker.reductions()) {
            assertThat(cut.qty()).isEqualTo(Math.ceil(0.1 * held)); // 10 % of what was held, rounded up to the lot
            assertThat(cut.nowNanos()).isLessThan(1_000_000L + 345 * 10_000L);
            held -= cut.qty();
        }
        List<FillRecord> fills = r.fillRecords();
        assertThat(fills).hasSize(1 + breaker.reductions().size() + 1);
        FillRecord last = fills.get(fills.size() - 1);
        assertThat(last.side()).isEqualTo(Side.SELL);
        assertThat(last.qty()).isEqualTo(held); // the stop's flattening order, at the gap
        assertThat(last.exchTs()).isEqualTo(1_000_000L + 345 * 10_000L + LAT);
        assertThat(r.portfolio("s").position(PERP).isFlat()).isTrue();
        assertThat(r.marginAccount("s", "USD").position(PERP).isFlat()).isTrue();
    }

    @Test
    void aReduceBreakerNeedsAReductionAndATargetBelowItsTrigger() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MarginRatioBreaker(0.5, Map.of(PERP, MMR_5),
                MarginRatioBreaker.Action.REDUCE, null)).hasMessageContaining("REDUCE needs a Reduction");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MarginRatioBreaker.reducing(0.5, Map.of(PERP, MMR_5),
                Reduction.toMarginRatio(0.6))).hasMessageContaining("target margin ratio 0.6 must be below");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Reduction.fraction(1.5))
                .hasMessageContaining("FRACTION must be in (0, 1]");
    }
}
