package io.qtrade.strategies.execution;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.FillRecord;
import io.qtrade.backtest.OrderRecord;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.core.order.OrderStatus;
import io.qtrade.core.order.TimeInForce;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The child orders an {@link ExecutionAlgo} sends on hand-built tapes, order by order. The book is 99.99 x 1000 /
 * 100.01 x 1000 throughout; latency 1 ms each way, so a cancel is confirmed 2 ms after it is sent and an IOC's fill
 * is seen 2 ms after it is sent.
 */
class ExecutionAlgoScenarioTest {

    static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    static final long T0 = 1_704_153_600_000_000_000L;
    static final long SEC = 1_000_000_000L;
    static final long MS = 1_000_000L;
    static final long START = T0 + SEC;

    static EventBatch staticBook() {
        EventBatch b = new EventBatch(64);
        b.addDepth(0, T0, T0, Side.BUY, 99.99, 1000);
        b.addDepth(0, T0, T0, Side.SELL, 100.01, 1000);
        return b;
    }

    static BacktestResult run(EventBatch tape, ExecutionAlgo algo, long endNanos) {
        return Backtest.builder().source(new InMemoryEventSource(List.of(AAA), tape))
                .exchange(ExchangeSettings.builder(AAA).latency(new ConstantLatency(MS, MS))
                        .queue(RiskAverseQueue.INSTANCE).build())
                .strategy("algo", algo).endNanos(endNanos).build().run();
    }

    @Test
    void twapRestsEachSliceThenCatchesUpWithAnIocForTheShortfall() {
        // buy 100 over [T0+1s, T0+21s): 2 slices of 50; catch-up 2 s before each slice end. Nothing trades on the
        // tape, so the resting children never fill and each slice is caught up:
        //   +0 s    GTC 50 @ 99.99 (the bid)         +8 s  cancel it; +8.002 s IOC 50 @ 100.01 (the ask), filled
        //   +10 s   GTC 50 @ 99.99                   +18 s cancel it; +18.002 s IOC 50 @ 100.01, filled
        ParentOrder parent = ParentOrder.unlimited(AAA, Side.BUY, 100, START, START + 20 * SEC);
        ExecutionAlgo algo = ExecutionAlgo.builder(TwapSchedule.of(parent, 2)).catchUpLeadNanos(2 * SEC).build();
        BacktestResult r = run(staticBook(), algo, START + 30 * SEC);

        List<OrderRecord> orders = r.orderRecords();
        assertThat(orders).hasSize(4);
        long[] sendTs = {START, START + 8 * SEC + 2 * MS, START + 10 * SEC, START + 18 * SEC + 2 * MS};
        double[] price = {99.99, 100.01, 99.99, 100.01};
        TimeInForce[] tif = {TimeInForce.GTC, TimeInForce.IOC, TimeInForce.GTC, TimeInForce.IOC};
        OrderStatus[] status = {OrderStatus.CANCELED, OrderStatus.FILLED, OrderStatus.CANCELED, OrderStatus.FILLED};
        for (int i = 0; i < 4; i++) {
            assertThat(orders.get(i).sendTs()).as("send time of child " + i).isEqualTo(sendTs[i]);
            assertThat(orders.get(i).order().price()).as("price of child " + i).isEqualTo(price[i]);
            assertThat(orders.get(i).order().qty()).as("qty of child " + i).isEqualTo(50.0);
            assertThat(orders.get(i).order().timeInForce()).as("tif of child " + i).isEqualTo(tif[i]);
            assertThat(orders.get(i).order().status()).as("status of child " + i).isEqualTo(status[i]);
        }
        ParentOrderReport report = algo.report();
        assertThat(report.filledQty()).isEqualTo(100.0);
        assertThat(report.avgFillPrice()).isEqualTo(100.01);
        assertThat(report.arrivalMid()).isEqualTo(100.00);
        // (100.01 - 100.00) / 100.00 * 1e4 = 1 bp
        assertThat(report.slippageBps()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(report.completionNanos()).isEqualTo(START + 18 * SEC + 4 * MS);
        assertThat(report.childrenSent()).isEqualTo(4);
        assertThat(report.childrenFilled()).isEqualTo(2);
        assertThat(algo.isFinished()).isTrue();
    }

    @Test
    void limitPriceCapsThePassiveChildAndHoldsTheCatchUp() {
        // limit 99.98, below the bid: the resting child sits at the limit, the ask 100.01 is beyond it, so each
        // slice's catch-up is held (2 episodes) and nothing fills
        ParentOrder parent = new ParentOrder(AAA, Side.BUY, 100, START, START + 20 * SEC, 99.98);
        ExecutionAlgo algo = ExecutionAlgo.builder(TwapSchedule.of(parent, 2)).catchUpLeadNanos(2 * SEC).build();
        BacktestResult r = run(staticBook(), algo, START + 30 * SEC);
        assertThat(r.orderRecords()).hasSize(2);
        for (OrderRecord o : r.orderRecords()) {
            assertThat(o.order().price()).isEqualTo(99.98);
            assertThat(o.order().timeInForce()).isEqualTo(TimeInForce.GTC);
        }
        assertThat(algo.report().limitHolds()).isEqualTo(2);
        assertThat(algo.report().filledQty()).isZero();
        assertThat(algo.report().isComplete()).isFalse();
    }

    @Test
    void povSendsRateTimesEachPrintClippedToTheChildSizes() {
        // prints of 100, 30, 30, 30, 250 lots one second apart; POV 10%, children in [10, 20]:
        //   V = 100 -> target 10: IOC 10          V = 130 -> 13: shortfall 3 < 10, wait
        //   V = 160 -> 16: shortfall 6, wait      V = 190 -> 19: shortfall 9, wait
        //   V = 440 -> 44: shortfall 34 -> IOC 20 (max); once filled, shortfall 14 -> IOC 14
        EventBatch tape = staticBook();
        double[] prints = {100, 30, 30, 30, 250};
        for (int k = 0; k < prints.length; k++) {
            long ts = START + (k + 1) * SEC;
            tape.addTrade(0, ts, ts, Side.SELL, 99.99, prints[k]);
        }
        ParentOrder parent = ParentOrder.unlimited(AAA, Side.BUY, 1000, START, START + 20 * SEC);
        ExecutionAlgo algo = ExecutionAlgo.builder(PovSchedule.of(parent, 0.1)).minChildQty(10).maxChildQty(20)
                .build();
        BacktestResult r = run(tape, algo, START + 30 * SEC);
        double[] childQty = new double[r.orderRecords().size()];
        for (int i = 0; i < childQty.length; i++) {
            childQty[i] = r.orderRecords().get(i).order().qty();
        }
        assertThat(childQty).containsExactly(10, 20, 14);
        assertThat(r.orderRecords().get(0).sendTs()).isEqualTo(START + SEC);
        assertThat(r.orderRecords().get(1).sendTs()).isEqualTo(START + 5 * SEC);
        assertThat(r.orderRecords().get(2).sendTs()).isEqualTo(START + 5 * SEC + 2 * MS);
        assertThat(algo.report().marketVolume()).isEqualTo(440.0);
        assertThat(algo.report().participation()).isEqualTo(44.0 / 440.0);
        for (FillRecord f : r.fillRecords()) {
            assertThat(f.price()).isEqualTo(100.01);
        }
    }

    @Test
    void sendsNothingBeforeTheStartOrAfterTheEnd() {
        ParentOrder parent = ParentOrder.unlimited(AAA, Side.SELL, 10, START + 5 * SEC, START + 6 * SEC);
        ExecutionAlgo algo = ExecutionAlgo.builder(TwapSchedule.of(parent, 1)).catchUpLeadNanos(SEC / 2).build();
        BacktestResult r = run(staticBook(), algo, START + 30 * SEC);
        for (OrderRecord o : r.orderRecords()) {
            assertThat(o.sendTs()).isBetween(parent.startNanos(), parent.endNanos() - 1);
        }
        // rest at the ask 100.01 at +5 s, cancel and sell 10 @ 99.99 (the bid) by IOC at +5.5 s
        assertThat(r.orderRecords()).hasSize(2);
        assertThat(algo.report().filledQty()).isEqualTo(10.0);
        assertThat(r.portfolio("algo").position(AAA).qty()).isEqualTo(-10.0);
    }

    @Test
    void builderNamesEveryBadOption() {
        ParentOrder parent = ParentOrder.unlimited(AAA, Side.BUY, 100, START, START + SEC);
        assertThatThrownBy(() -> ExecutionAlgo.builder(TwapSchedule.of(parent, 2)).catchUpLeadNanos(-1)
                .minChildQty(2.5).maxChildQty(1).build())
                .hasMessageContaining("catchUpLeadNanos must be > 0")
                .hasMessageContaining("minChildQty must be a positive whole number of lots")
                .hasMessageContaining("maxChildQty 1.0 is below minChildQty 2.5");
    }
}
