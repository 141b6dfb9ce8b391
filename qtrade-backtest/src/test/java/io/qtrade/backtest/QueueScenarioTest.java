package io.qtrade.backtest;

import io.qtrade.backtest.fee.FeeModel;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.PowerProbability;
import io.qtrade.backtest.queue.ProbabilisticQueue;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.core.Side;
import io.qtrade.core.order.Liquidity;
import io.qtrade.core.order.OrderStatus;
import io.qtrade.core.order.TimeInForce;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.qtrade.backtest.Scenarios.AAA;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One tape, the fill time known in advance for each queue model. A buy of 2 at 100.00 joins a level of 10:
 * <pre>
 * t=2000  level 10 -> 20   (20 join behind)            ahead: risk-averse 10, power(1) 10
 * t=3000  level 20 -> 14   (cancel of 6)               risk-averse 10 (assumed behind);
 *                                                      power(1): share ahead 10/(10+10) = 0.5 -> 3 from ahead -> 7
 * t=4000  trade 9 at 100.00, then level 14 -> 5        risk-averse 10 - 9 = 1, no fill;
 *                                                      power(1) 7 - 9 = -2 -> fills 2 at t=4000
 *         (the depth decrease 14 -> 5 is the trade's: not counted again)
 * t=5000  trade 3 at 100.00, level 5 -> 2              risk-averse 1 - 3 = -2 -> fills 2 at t=5000
 * </pre>
 */
class QueueScenarioTest {

    private static Tape tape() {
        return new Tape(0, AAA)
                .depth(1000, Side.BUY, 100.00, 10).depth(1000, Side.SELL, 100.02, 10)
                .depth(2000, Side.BUY, 100.00, 20)
                .depth(3000, Side.BUY, 100.00, 14)
                .trade(4000, Side.SELL, 100.00, 9).depth(4000, Side.BUY, 100.00, 5)
                .trade(5000, Side.SELL, 100.00, 3).depth(5000, Side.BUY, 100.00, 2);
    }

    private static ScriptedStrategy buyTwoAt100() {
        return new ScriptedStrategy().at(1500, c -> c.submitLimit(0, Side.BUY, 100.00, 2, TimeInForce.GTC));
    }

    @Test
    void riskAverseQueueFillsOnlyWhenTradesExhaustTheQueueAhead() {
        ScriptedStrategy s = buyTwoAt100();
        BacktestResult r = Scenarios.run(tape(), s);
        assertThat(s.fills).hasSize(1);
        assertThat(s.fills.get(0).exchTs()).isEqualTo(5000);
        assertThat(s.fills.get(0).qty()).isEqualTo(2.0);
        assertThat(s.fills.get(0).price()).isEqualTo(100.00);
        assertThat(s.fills.get(0).liquidity()).isEqualTo(Liquidity.MAKER);
        assertThat(r.fillRecords().get(0).qtyAheadAtEntry()).isEqualTo(10.0);
    }

    @Test
    void probabilisticQueueMovesUpOnCancelsAndFillsOneTradeEarlier() {
        ScriptedStrategy s = buyTwoAt100();
        Scenarios.run(tape(), s, new ProbabilisticQueue(new PowerProbability(1)), ConstantLatency.ZERO, FeeModel.NONE);
        assertThat(s.fills).hasSize(1);
        assertThat(s.fills.get(0).exchTs()).isEqualTo(4000);
        assertThat(s.fills.get(0).qty()).isEqualTo(2.0);
    }

    @Test
    void twoOwnOrdersAtOnePriceShareATradeInQueueOrder() {
        // Both join a level of 10 (ahead 10 each: own orders are not in the feed). A print of 13:
        // A: 10 ahead -> 3 past it -> fills 2, leaving 11 of the print; B: 10 ahead - 11 -> fills 1. Total 3 = 13 - 10.
        Tape tape = new Tape(0, AAA).depth(1000, Side.BUY, 100.00, 10).depth(1000, Side.SELL, 100.02, 10)
                .trade(2000, Side.SELL, 100.00, 13);
        ScriptedStrategy s = new ScriptedStrategy().at(1500, c -> {
            c.submitLimit(0, Side.BUY, 100.00, 2, TimeInForce.GTC);
            c.submitLimit(0, Side.BUY, 100.00, 2, TimeInForce.GTC);
        });
        BacktestResult r = Scenarios.run(tape, s);
        List<OrderRecord> orders = r.orderRecords();
        assertThat(orders.get(0).order().filledQty()).isEqualTo(2.0);
        assertThat(orders.get(0).order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(orders.get(1).order().filledQty()).isEqualTo(1.0);
        assertThat(orders.get(1).order().status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(r.portfolio("s").position(AAA).qty()).isEqualTo(3.0);
    }

    @Test
    void aTradeThroughTheOrdersPriceFillsItBeforeTheQueueAtThePrintPrice() {
        // A sell at 100.05 rests on an empty level (ahead 0). A buy print at 100.06 of 2 went through it: 2 fill at
        // 100.05. A later print of 5 at 100.05 fills the last 1.
        Tape tape = Scenarios.standardBook(1000).trade(2000, Side.BUY, 100.06, 2).trade(3000, Side.BUY, 100.05, 5);
        ScriptedStrategy s = new ScriptedStrategy().at(1500, c -> c.submitLimit(0, Side.SELL, 100.04, 3,
                TimeInForce.GTC));
        Scenarios.run(tape, s);
        assertThat(s.fills).extracting(f -> f.exchTs() + ":" + f.qty() + "@" + f.price())
                .containsExactly("2000:2.0@100.04", "3000:1.0@100.04");
    }

    @Test
    void theMarketMovingThroughARestingOrderFillsItCompletelyAtItsPrice() {
        // A buy at 100.00 (10 ahead). The ask drops to 100.00: whoever sold there would have hit the buy first.
        Tape tape = Scenarios.standardBook(1000).depth(2000, Side.SELL, 100.00, 4);
        ScriptedStrategy s = new ScriptedStrategy().at(1500, c -> c.submitLimit(0, Side.BUY, 100.00, 3,
                TimeInForce.GTC));
        Scenarios.run(tape, s);
        assertThat(s.fills).hasSize(1);
        assertThat(s.fills.get(0).qty()).isEqualTo(3.0);
        assertThat(s.fills.get(0).price()).isEqualTo(100.00);
        assertThat(s.fills.get(0).exchTs()).isEqualTo(2000);
    }

    @Test
    void aDepthDecreaseAloneNeverFillsEvenWhenItEmptiesTheLevel() {
        Tape tape = Scenarios.standardBook(1000).depth(2000, Side.BUY, 100.00, 0);
        ScriptedStrategy s = new ScriptedStrategy().at(1500, c -> c.submitLimit(0, Side.BUY, 100.00, 3,
                TimeInForce.GTC));
        BacktestResult r = Scenarios.run(tape, s, RiskAverseQueue.INSTANCE, ConstantLatency.ZERO, FeeModel.NONE);
        assertThat(s.fills).isEmpty();
        assertThat(r.orderRecords().get(0).order().status()).isEqualTo(OrderStatus.NEW);
    }

    @Test
    void fillsComeInWholeLotsAndAFractionPastTheQueueWaitsForTheNextPrint() {
        // power(2): ahead 10, behind 10 (level 20), cancel 20 -> 17: share 0.5 -> 1.5 from ahead -> 8.5 ahead.
        // print 9: 0.5 past the queue, less than a lot: no fill, 0.5 carried. print 1: 1.5 past -> fills 1.
        Tape tape = new Tape(0, AAA).depth(1000, Side.BUY, 100.00, 10).depth(1000, Side.SELL, 100.02, 10)
                .depth(2000, Side.BUY, 100.00, 20).depth(3000, Side.BUY, 100.00, 17)
                .trade(4000, Side.SELL, 100.00, 9).trade(5000, Side.SELL, 100.00, 1);
        ScriptedStrategy s = buyTwoAt100();
        Scenarios.run(tape, s, new ProbabilisticQueue(new PowerProbability(2)), ConstantLatency.ZERO, FeeModel.NONE);
        assertThat(s.fills).extracting(f -> f.exchTs() + ":" + f.qty()).containsExactly("5000:1.0");
    }

    @Test
    void aSnapshotRestatesTheLevelWithoutResettingTheQueuePosition() {
        // ahead 10; a snapshot re-states 100.00 with 4: ahead becomes min(10, 4) = 4 (not 0 because the book was
        // cleared in between); a print of 5 then fills 1.
        ScriptedStrategy s = buyTwoAt100();
        io.qtrade.core.market.EventBatch b = new io.qtrade.core.market.EventBatch(16);
        b.addDepth(0, 1000, 1000, Side.BUY, 100.00, 10);
        b.addDepth(0, 1000, 1000, Side.SELL, 100.02, 10);
        b.add(0, 2000, 2000, io.qtrade.core.market.EventKind.SNAPSHOT_BEGIN, (byte) 0, Double.NaN, 0, 0);
        b.addDepth(0, 2000, 2000, Side.BUY, 100.00, 4);
        b.addDepth(0, 2000, 2000, Side.SELL, 100.02, 10);
        b.add(0, 2000, 2000, io.qtrade.core.market.EventKind.SNAPSHOT_END, (byte) 0, Double.NaN, 0, 0);
        b.addTrade(0, 3000, 3000, Side.SELL, 100.00, 5);
        BacktestResult r = Backtest.builder()
                .source(new io.qtrade.core.market.InMemoryEventSource(java.util.List.of(AAA), b))
                .exchange(io.qtrade.backtest.exchange.ExchangeSettings.builder(AAA).latency(ConstantLatency.ZERO)
                        .queue(RiskAverseQueue.INSTANCE).build())
                .strategy("s", s).endNanos(Scenarios.END).build().run();
        assertThat(s.fills).extracting(f -> f.exchTs() + ":" + f.qty()).containsExactly("3000:1.0");
        assertThat(r.orderRecords().get(0).order().leavesQty()).isEqualTo(1.0);
    }

    @Test
    void aQuoteThatMovesTheAskOntoARestingBidFillsIt() {
        io.qtrade.core.market.EventBatch b = new io.qtrade.core.market.EventBatch(16);
        b.add(0, 1000, 1000, io.qtrade.core.market.EventKind.BBO, Side.BUY.code(), 100.00, 10, 0);
        b.add(0, 1000, 1000, io.qtrade.core.market.EventKind.BBO, Side.SELL.code(), 100.02, 10, 0);
        b.add(0, 2000, 2000, io.qtrade.core.market.EventKind.BBO, Side.BUY.code(), 99.99, 10, 0);
        b.add(0, 2000, 2000, io.qtrade.core.market.EventKind.BBO, Side.SELL.code(), 100.00, 10, 0);
        ScriptedStrategy s = buyTwoAt100();
        Backtest.builder()
                .source(new io.qtrade.core.market.InMemoryEventSource(java.util.List.of(AAA), b))
                .exchange(io.qtrade.backtest.exchange.ExchangeSettings.builder(AAA).latency(ConstantLatency.ZERO)
                        .queue(RiskAverseQueue.INSTANCE).build())
                .strategy("s", s).endNanos(Scenarios.END).build().run();
        assertThat(s.fills).extracting(f -> f.exchTs() + ":" + f.qty() + "@" + f.price()).containsExactly("2000:2.0@100.0");
    }
}
