package io.qtrade.backtest;

import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.FeeModel;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.FifoQueue;
import io.qtrade.backtest.queue.PowerProbability;
import io.qtrade.backtest.queue.ProbabilisticQueue;
import io.qtrade.backtest.queue.QueueModel;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.core.order.TimeInForce;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.qtrade.backtest.Scenarios.AAA;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three fill-model defects of issue 17, each on a hand-built tape with the exact fills expected (worked out in the
 * comments). Each test failed before its fix.
 */
class FillDefectScenarioTest {

    private static List<String> fills(ScriptedStrategy s) {
        return s.fills.stream().map(f -> f.exchTs() + ":" + f.qty() + "@" + f.price() + " " + f.liquidity()).toList();
    }

    // ---- (a) a crossing GTC limit's rested remainder ----

    @Test
    void aCrossingRemainderDoesNotFillAgainstTheQuantityItTookOnUnrelatedRows() {
        // Asks 100.02 x 10, 100.03 x 10, 100.05 x 10. A buy of 15 at 100.02 takes the 10 at 100.02 (taker) and rests 5
        // there with nothing ahead. The feed does not know of the take and still shows the ask 100.02 x 10:
        // 2000  bid 99.99 10 -> 12 (another level)       no fill: the ask at 100.02 is the quantity already taken
        // 3000  ask 100.02 10 -> 7 (3 of the taken cancel) no fill: 7 <= the 10 taken, nothing new at the price
        // 3500  ask 100.02  7 -> 7 (re-stated, same qty)   no fill
        // 4000  ask 100.02  7 -> 9 (2 new asks at 100.02)  new liquidity at the price: the market reached the order
        //                                                 (rule 5), it fills completely: 5 at 100.02 as maker
        Tape tape = Scenarios.standardBook(1000)
                .depth(2000, Side.BUY, 99.99, 12)
                .depth(3000, Side.SELL, 100.02, 7)
                .depth(3500, Side.SELL, 100.02, 7)
                .depth(4000, Side.SELL, 100.02, 9);
        ScriptedStrategy s = new ScriptedStrategy().at(1500, c -> c.submitLimit(0, Side.BUY, 100.02, 15,
                TimeInForce.GTC));
        Scenarios.run(tape, s);
        assertThat(fills(s)).containsExactly("1500:10.0@100.02 TAKER", "4000:5.0@100.02 MAKER");
    }

    @Test
    void aCrossingRemainderFillsByTheQueueRulesOnPrintsAtAndThroughItsPrice() {
        // As above; the remainder of 5 is the only bid at 100.02 (nothing ahead). A sell print of 2 at 100.02 fills 2
        // (rule 3); a sell print of 4 at 100.01 went through the order's price: fills the last 3 (rule 4). Unrelated
        // rows in between fill nothing.
        Tape tape = Scenarios.standardBook(1000)
                .depth(2000, Side.BUY, 99.99, 12)
                .trade(3000, Side.SELL, 100.02, 2)
                .depth(3500, Side.SELL, 100.05, 4)
                .trade(4000, Side.SELL, 100.01, 4);
        ScriptedStrategy s = new ScriptedStrategy().at(1500, c -> c.submitLimit(0, Side.BUY, 100.02, 15,
                TimeInForce.GTC));
        Scenarios.run(tape, s);
        assertThat(fills(s)).containsExactly("1500:10.0@100.02 TAKER", "3000:2.0@100.02 MAKER",
                "4000:3.0@100.02 MAKER");
    }

    @Test
    void aRemainderThatWalkedTwoLevelsFillsOnlyWhenEitherShowsMoreThanWasTaken() {
        // A buy of 25 at 100.03 takes 10 at 100.02 and 10 at 100.03 and rests 5 at 100.03.
        // 2000  ask 100.02 10 -> 10 (re-stated)  nothing new
        // 3000  ask 100.03 10 -> 4               nothing new
        // 4000  ask 100.02 10 -> 11              one new ask below the order's price: the market reached it: 5 fill
        Tape tape = Scenarios.standardBook(1000)
                .depth(2000, Side.SELL, 100.02, 10)
                .depth(3000, Side.SELL, 100.03, 4)
                .depth(4000, Side.SELL, 100.02, 11);
        ScriptedStrategy s = new ScriptedStrategy().at(1500, c -> c.submitLimit(0, Side.BUY, 100.03, 25,
                TimeInForce.GTC));
        Scenarios.run(tape, s);
        assertThat(fills(s)).containsExactly("1500:10.0@100.02 TAKER", "1500:10.0@100.03 TAKER",
                "4000:5.0@100.03 MAKER");
    }

    @Test
    void aCrossingSellRemainderIsTheMirrorImage() {
        // Bids 100.00 x 10, 99.99 x 10. A sell of 15 at 100.00 takes the 10 at 100.00 and rests 5 there.
        // 2000  ask 100.05 10 -> 12 (another level)     no fill
        // 3000  bid 100.00 10 -> 0 (the taken bids go)  no fill, nothing left taken
        // 4000  bid 100.00 0 -> 3 (3 new bids)          new liquidity at the price: 5 fill at 100.00 as maker
        Tape tape = Scenarios.standardBook(1000)
                .depth(2000, Side.SELL, 100.05, 12)
                .depth(3000, Side.BUY, 100.00, 0)
                .depth(4000, Side.BUY, 100.00, 3);
        ScriptedStrategy s = new ScriptedStrategy().at(1500, c -> c.submitLimit(0, Side.SELL, 100.00, 15,
                TimeInForce.GTC));
        Scenarios.run(tape, s);
        assertThat(fills(s)).containsExactly("1500:10.0@100.0 TAKER", "4000:5.0@100.0 MAKER");
    }

    @Test
    void aCrossingRemainderOnL3DataDoesNotFillAgainstTheOrdersItTook() {
        // L3: asks order 9 (100.02 x 10); bid order 1 (100.00 x 5). A buy of 15 at 100.02 takes order 9's 10 and rests 5.
        // 2000  add order 2, bid 99.99 x 3 (another level): no fill
        // 3000  add order 10, ask 100.02 x 2: new liquidity at the order's price: the market reached it, 5 fill
        Tape tape = new Tape(0, AAA)
                .l3(1000, EventKind.ORDER_ADD, Side.BUY, 100.00, 5, 1)
                .l3(1000, EventKind.ORDER_ADD, Side.SELL, 100.02, 10, 9)
                .l3(2000, EventKind.ORDER_ADD, Side.BUY, 99.99, 3, 2)
                .l3(3000, EventKind.ORDER_ADD, Side.SELL, 100.02, 2, 10);
        ScriptedStrategy s = new ScriptedStrategy().at(1500, c -> c.submitLimit(0, Side.BUY, 100.02, 15,
                TimeInForce.GTC));
        Scenarios.run(tape, s, FifoQueue.INSTANCE, ConstantLatency.ZERO, FeeModel.NONE);
        assertThat(fills(s)).containsExactly("1500:10.0@100.02 TAKER", "3000:5.0@100.02 MAKER");
    }

    // ---- (b) rows inside a snapshot ----

    @Test
    void aSnapshotIsADepthChangeForTheQueueAndResetsTheQuantityTradedAtTheLevel() {
        // power(1). A buy of 2 at 100.00 joins a level of 10: ahead 10.
        // 2000  level 10 -> 20                         ahead 10, 10 behind
        // 3000  sell print of 4 at 100.00              ahead 6, traded 4
        // 4000  snapshot: bid 100.00 x 16, ask 100.02  the change 20 -> 16 is the print's: ahead 6, traded reset to 0
        // 5000  level 16 -> 8: a cancel of 8           behind = 16 - 0 - 6 = 10, share ahead 6/16 = 0.375 -> 3 from
        //                                              ahead: ahead 3
        //       (before the fix the stale traded 4 gave chg 4, behind 6, share 0.5: ahead 4)
        // 6000  sell print of 4 at 100.00              1 past the queue: fills 1
        // 7000  sell print of 1 at 100.00              fills the last 1
        EventBatch b = new EventBatch(32);
        b.addDepth(0, 1000, 1000, Side.BUY, 100.00, 10);
        b.addDepth(0, 1000, 1000, Side.SELL, 100.02, 10);
        b.addDepth(0, 2000, 2000, Side.BUY, 100.00, 20);
        b.addTrade(0, 3000, 3000, Side.SELL, 100.00, 4);
        b.add(0, 4000, 4000, EventKind.SNAPSHOT_BEGIN, (byte) 0, Double.NaN, 0, 0);
        b.addDepth(0, 4000, 4000, Side.BUY, 100.00, 16);
        b.addDepth(0, 4000, 4000, Side.SELL, 100.02, 10);
        b.add(0, 4000, 4000, EventKind.SNAPSHOT_END, (byte) 0, Double.NaN, 0, 0);
        b.addDepth(0, 5000, 5000, Side.BUY, 100.00, 8);
        b.addTrade(0, 6000, 6000, Side.SELL, 100.00, 4);
        b.addTrade(0, 7000, 7000, Side.SELL, 100.00, 1);
        ScriptedStrategy s = new ScriptedStrategy().at(1500, c -> c.submitLimit(0, Side.BUY, 100.00, 2,
                TimeInForce.GTC));
        run(b, s, new ProbabilisticQueue(new PowerProbability(1)));
        assertThat(fills(s)).containsExactly("6000:1.0@100.0 MAKER", "7000:1.0@100.0 MAKER");
    }

    // ---- (c) PowerProbability(n) overflow ----

    @Test
    void powerOneHundredOnLargeQueuesKeepsAFiniteQueuePositionAndFills() {
        // power(100). A buy of 2 at 100.00 joins a level of 10,000: ahead 10,000.
        // 2000  level 10,000 -> 30,000 (20,000 behind)
        // 3000  level 30,000 -> 20,000: a cancel of 10,000; share ahead = 1 / (1 + 2^100) ~ 7.9e-31: ahead stays
        //       10,000 (to 1e-26). Before the fix 10,000^100 overflowed, the share was NaN and so was the position.
        // 4000  sell print of 10,001: 1 past the queue: fills 1
        // 5000  sell print of 1: fills the last 1
        Tape tape = new Tape(0, AAA).depth(1000, Side.BUY, 100.00, 10_000).depth(1000, Side.SELL, 100.02, 10)
                .depth(2000, Side.BUY, 100.00, 30_000).depth(3000, Side.BUY, 100.00, 20_000)
                .trade(4000, Side.SELL, 100.00, 10_001).trade(5000, Side.SELL, 100.00, 1);
        ScriptedStrategy s = new ScriptedStrategy().at(1500, c -> c.submitLimit(0, Side.BUY, 100.00, 2,
                TimeInForce.GTC));
        Scenarios.run(tape, s, new ProbabilisticQueue(new PowerProbability(100)), ConstantLatency.ZERO,
                FeeModel.NONE);
        assertThat(fills(s)).containsExactly("4000:1.0@100.0 MAKER", "5000:1.0@100.0 MAKER");
    }

    @Test
    void theExchangeRefusesAQueueModelThatGivesANaNPositionNamingTheOrderAndTheInputs() {
        QueueModel broken = new QueueModel() {
            @Override
            public double qtyAheadAfterDepthChange(double qtyAhead, double tradedQty, double prevQty, double newQty) {
                return newQty < prevQty ? Double.NaN : Math.min(qtyAhead, newQty);
            }

            @Override
            public String toString() {
                return "Broken[]";
            }
        };
        Tape tape = Scenarios.standardBook(1000).depth(2000, Side.BUY, 100.00, 4);
        long[] id = new long[1];
        ScriptedStrategy s = new ScriptedStrategy().at(1500, c -> id[0] = c.submitLimit(0, Side.BUY, 100.00, 2,
                TimeInForce.GTC));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Scenarios.run(tape, s, broken,
                        ConstantLatency.ZERO, FeeModel.NONE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AAA@SYN (instrument 0), event 5 (DEPTH_UPDATE at exchTs 2000): Broken[] gave"
                        + " qty ahead NaN for order ")
                .hasMessageContaining("(qtyAhead 10.0, tradedQty 0.0, prevQty 10.0, newQty 4.0); a queue model must"
                        + " return a value in [0, newQty]");
        assertThat(id[0]).isPositive();
    }

    private static void run(EventBatch b, ScriptedStrategy s, QueueModel queue) {
        Backtest.builder().source(new InMemoryEventSource(List.of(AAA), b))
                .exchange(ExchangeSettings.builder(AAA).latency(ConstantLatency.ZERO).queue(queue).build())
                .strategy("s", s).endNanos(Scenarios.END).build().run();
    }
}
