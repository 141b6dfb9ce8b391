package io.qtrade.strategies.execution;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.FillRecord;
import io.qtrade.backtest.OrderRecord;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.store.synthetic.SyntheticMarket;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.strategy.Strategy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The algorithms in the backtester on a generated Cont-Stoikov-Talreja market. */
class ExecutionBacktestTest {

    static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    static final long SEC = 1_000_000_000L;
    static final long START = SyntheticMarket.DEFAULT_START_NANOS + 60 * SEC;   // one minute of book building
    static final long LATENCY = 1_000_000L;                                    // 1 ms each way

    static SyntheticMarket market(long seed) {
        // 10 lots per order unit: about 1.9 prints of 10 lots per second; ~100 events per second
        return SyntheticMarket.builder().instrument(AAA, 100.00).orderSizeLots(10).snapshot(true)
                .events(250_000).seed(seed).build();
    }

    static BacktestResult run(Strategy strategy, long seed) {
        return Backtest.builder()
                .source(market(seed))
                .exchange(ExchangeSettings.builder(AAA).latency(new ConstantLatency(LATENCY, LATENCY))
                        .queue(RiskAverseQueue.INSTANCE).fees(new BpsFees(-0.5, 2.0)).build())
                .strategy("algo", strategy)
                .build()
                .run();
    }

    /** Volume printed in [from, to) by local time, read straight from the generator. */
    static double printedVolume(long seed, long from, long to) {
        SyntheticMarket m = market(seed);
        EventBatch batch = new EventBatch(4096);
        EventCursor c = new EventCursor();
        double v = 0;
        while (m.readBatch(batch)) {
            c.reset(batch);
            while (c.next()) {
                if (c.kind() == EventKind.TRADE && c.localTs() >= from && c.localTs() < to) {
                    v += c.qty();
                }
            }
        }
        return v;
    }

    @Test
    void twapCompletesInsideTheWindowWithEachSliceFilledAsScheduled() {
        ParentOrder parent = ParentOrder.unlimited(AAA, Side.BUY, 3000, START, START + 600 * SEC);
        TwapSchedule twap = TwapSchedule.of(parent, 10);                 // 300 lots per 60 s slice
        ExecutionAlgo algo = ExecutionAlgo.builder(twap).catchUpLeadNanos(5 * SEC).build();
        BacktestResult result = run(algo, 11);
        ParentOrderReport report = algo.report();

        assertThat(report.filledQty()).isEqualTo(3000.0);
        assertThat(report.isComplete()).isTrue();
        assertThat(report.completionNanos()).isLessThan(parent.endNanos());
        assertThat(result.portfolio("algo").position(AAA).qty()).isEqualTo(3000.0);
        // every slice's fills (by the time the strategy saw them) add up to exactly its scheduled 300 lots
        double[] bySlice = new double[10];
        for (FillRecord f : result.fillRecords()) {
            assertThat(f.localTs()).isBetween(START, parent.endNanos() - 1);
            bySlice[(int) ((f.localTs() - START) / (60 * SEC))] += f.qty();
        }
        assertThat(bySlice).containsExactly(300, 300, 300, 300, 300, 300, 300, 300, 300, 300);
        // no order was sent outside the window, and no child was larger than the shortfall
        for (OrderRecord o : result.orderRecords()) {
            assertThat(o.sendTs()).isBetween(START, parent.endNanos() - 1);
            assertThat(o.order().qty()).isLessThanOrEqualTo(300.0);
        }
        assertThat(report.childrenSent()).isEqualTo(result.orderRecords().size());
        assertThat(report.childrenFilled()).isPositive().isLessThanOrEqualTo(report.childrenSent());
        // some of it rests and earns the spread, the rest is caught up as taker
        assertThat(report.makerFilledQty()).isPositive().isLessThan(3000.0);
        assertThat(report.arrivalMid()).isBetween(95.0, 105.0);
        assertThat(report.slippageBps()).isFinite();
    }

    @Test
    void randomisedTwapFillsItsJitteredSlices() {
        ParentOrder parent = ParentOrder.unlimited(AAA, Side.SELL, 400, START, START + 400 * SEC);
        TwapSchedule twap = TwapSchedule.randomised(parent, 4, 0.5, 3);
        ExecutionAlgo algo = ExecutionAlgo.builder(twap).catchUpLeadNanos(5 * SEC).build();
        BacktestResult result = run(algo, 12);
        long[] lots = twap.sliceLots();
        double[] bySlice = new double[4];
        for (FillRecord f : result.fillRecords()) {
            bySlice[(int) ((f.localTs() - START) / (100 * SEC))] += f.qty();
        }
        assertThat(bySlice).containsExactly(lots[0], lots[1], lots[2], lots[3]);
        assertThat(algo.report().filledQty()).isEqualTo(400.0);
    }

    @Test
    void vwapFillsFollowTheProfile() {
        ParentOrder parent = ParentOrder.unlimited(AAA, Side.BUY, 1000, START, START + 500 * SEC);
        VwapSchedule vwap = VwapSchedule.of(parent, VolumeProfile.of(3, 1, 1, 1, 4));
        ExecutionAlgo algo = ExecutionAlgo.builder(vwap).catchUpLeadNanos(5 * SEC).build();
        BacktestResult result = run(algo, 13);
        double[] bySlice = new double[5];
        for (FillRecord f : result.fillRecords()) {
            bySlice[(int) ((f.localTs() - START) / (100 * SEC))] += f.qty();
        }
        assertThat(bySlice).containsExactly(300, 100, 100, 100, 400);
        assertThat(algo.report().isComplete()).isTrue();
    }

    @Test
    void povRealisedParticipationIsWithinTenPercentOfTarget() {
        long end = START + 1200 * SEC;
        ParentOrder parent = ParentOrder.unlimited(AAA, Side.BUY, 100_000, START, end);   // more than POV will reach
        PovSchedule pov = PovSchedule.of(parent, 0.10);
        ExecutionAlgo algo = ExecutionAlgo.builder(pov).minChildQty(5).maxChildQty(50).build();
        BacktestResult result = run(algo, 14);
        ParentOrderReport report = algo.report();

        double volume = printedVolume(14, START, end);
        assertThat(report.marketVolume()).isEqualTo(volume);
        assertThat(volume).isGreaterThan(10_000);   // ~1.9 prints of 10 lots per second for 20 minutes
        assertThat(report.participation()).isCloseTo(0.10, within(0.10 * 0.10));
        // children clipped to [5, 50]
        for (OrderRecord o : result.orderRecords()) {
            assertThat(o.order().qty()).isBetween(5.0, 50.0);
        }
        assertThat(report.isComplete()).isFalse();
        assertThat(report.filledQty()).isLessThanOrEqualTo(0.10 * volume);
    }

    @Test
    void povStopsAtParentQuantity() {
        long end = START + 1200 * SEC;
        ParentOrder parent = ParentOrder.unlimited(AAA, Side.SELL, 300, START, end);
        ExecutionAlgo algo = ExecutionAlgo.builder(PovSchedule.of(parent, 0.2)).maxChildQty(40).build();
        BacktestResult result = run(algo, 15);
        assertThat(algo.report().filledQty()).isEqualTo(300.0);
        assertThat(result.portfolio("algo").position(AAA).qty()).isEqualTo(-300.0);
        assertThat(algo.report().completionNanos()).isLessThan(end);
    }

    @Test
    void limitPriceIsNeverBreachedAndHoldsTheCatchUp() {
        // a buy limited 20 ticks under the arrival mid: the ask stays above it for long stretches, so catch-up waits
        ParentOrder probe = ParentOrder.unlimited(AAA, Side.BUY, 100, START, START + 300 * SEC);
        ExecutionAlgo probeAlgo = ExecutionAlgo.builder(TwapSchedule.of(probe, 5)).build();
        run(probeAlgo, 16);
        double limit = Math.floor(probeAlgo.report().arrivalMid() * 100) / 100 - 0.20;

        ParentOrder parent = new ParentOrder(AAA, Side.BUY, 100, START, START + 300 * SEC, limit);
        ExecutionAlgo algo = ExecutionAlgo.builder(TwapSchedule.of(parent, 5)).build();
        BacktestResult result = run(algo, 16);
        for (FillRecord f : result.fillRecords()) {
            assertThat(f.price()).isLessThanOrEqualTo(limit + 1e-9);
        }
        for (OrderRecord o : result.orderRecords()) {
            assertThat(o.order().price()).isLessThanOrEqualTo(limit + 1e-9);
        }
        assertThat(algo.report().limitHolds()).isPositive();
        assertThat(algo.report().filledQty()).isLessThanOrEqualTo(100.0);
    }

    @Test
    void reportComputesSlippageAgainstArrivalMid() {
        ParentOrder parent = ParentOrder.unlimited(AAA, Side.BUY, 200, START, START + 200 * SEC);
        ExecutionAlgo algo = ExecutionAlgo.builder(TwapSchedule.of(parent, 4)).passive(false).build();
        BacktestResult result = run(algo, 17);
        ParentOrderReport r = algo.report();
        double notional = 0;
        double qty = 0;
        double fees = 0;
        for (FillRecord f : result.fillRecords()) {
            notional += f.price() * f.qty();
            qty += f.qty();
            fees += f.fee();
        }
        assertThat(r.filledQty()).isEqualTo(qty).isEqualTo(200.0);
        assertThat(r.avgFillPrice()).isCloseTo(notional / qty, within(1e-9));
        assertThat(r.feesPaid()).isCloseTo(fees, within(1e-9));
        // buy: (avg - arrival) / arrival * 1e4
        assertThat(r.slippageBps()).isCloseTo((notional / qty - r.arrivalMid()) / r.arrivalMid() * 1e4,
                within(1e-9));
        // taker-only children: every fill pays the 2 bps taker fee
        assertThat(r.makerFilledQty()).isZero();
        assertThat(fees).isCloseTo(notional * 2e-4, within(1e-6));
    }
}
