package io.qtrade.backtest;

import io.qtrade.backtest.exchange.ExchangeModel;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fill.PenetrationFill;
import io.qtrade.backtest.fill.TradeThroughFill;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.core.Side;
import io.qtrade.core.order.OrderStatus;
import io.qtrade.core.order.TimeInForce;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.UnaryOperator;

import static io.qtrade.backtest.Scenarios.AAA;
import static io.qtrade.backtest.Scenarios.BBB;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fill options of {@link ExchangeSettings} on hand-built tapes with exact fills: hftbacktest's no-partial-fill
 * exchange, the penetration rule for prints through an order's price, and a choice per instrument. The standard book:
 * bids 100.00 x 10, 99.99 x 10; asks 100.02 x 10, 100.03 x 10, 100.05 x 10.
 */
class FillModelScenarioTest {

    private static List<String> fills(ScriptedStrategy s) {
        return s.fills.stream().map(f -> f.exchTs() + ":" + f.qty() + "@" + f.price() + " " + f.liquidity()).toList();
    }

    private static BacktestResult run(Tape tape, ScriptedStrategy s, UnaryOperator<ExchangeSettings.Builder> options) {
        return Backtest.builder().source(tape.source())
                .exchange(options.apply(ExchangeSettings.builder(AAA).latency(ConstantLatency.ZERO)
                        .queue(RiskAverseQueue.INSTANCE)).build())
                .strategy("s", s).markIntervalNanos(0).endNanos(Scenarios.END).build().run();
    }

    private static UnaryOperator<ExchangeSettings.Builder> noPartial() {
        return b -> b.exchangeModel(ExchangeModel.NO_PARTIAL_FILL);
    }

    // ---- NO_PARTIAL_FILL (hftbacktest NoPartialFillExchange) ----

    @Test
    void noPartialFillFillsAMarketOrderWholeAtTheOppositeBest() {
        // 15 at the best ask 100.02 although only 10 show there (partial fills: 10 @ 100.02, 5 @ 100.03).
        ScriptedStrategy s = new ScriptedStrategy().at(1500, c -> c.submitMarket(0, Side.BUY, 15));
        run(Scenarios.standardBook(1000), s, noPartial());
        assertThat(fills(s)).containsExactly("1500:15.0@100.02 TAKER");
    }

    @Test
    void noPartialFillFillsACrossingGtcLimitWholeAtTheOppositeBestInsteadOfResting() {
        ScriptedStrategy s = new ScriptedStrategy().at(1500, c -> c.submitLimit(0, Side.BUY, 100.03, 25,
                TimeInForce.GTC));
        BacktestResult r = run(Scenarios.standardBook(1000), s, noPartial());
        assertThat(fills(s)).containsExactly("1500:25.0@100.02 TAKER");
        assertThat(r.orderRecords().get(0).order().status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void noPartialFillFillsARestingOrderWholeOnlyOnceThePrintsTakeItsQueueALotBelowZero() {
        // buy 3 at 100.00 behind 10. Print 10: ahead 0, not filled (hftbacktest needs floor(-ahead / lot) > 0).
        // Print 1: ahead -1: the whole 3 fill at 100.00 (partial fills would give 1).
        Tape tape = Scenarios.standardBook(1000).trade(2000, Side.SELL, 100.00, 10).trade(3000, Side.SELL, 100.00, 1);
        ScriptedStrategy s = new ScriptedStrategy().at(1500, c -> c.submitLimit(0, Side.BUY, 100.00, 3,
                TimeInForce.GTC));
        run(tape, s, noPartial());
        assertThat(fills(s)).containsExactly("3000:3.0@100.0 MAKER");
    }

    @Test
    void noPartialFillFillsWholeOnAPrintThroughThePriceAndEachOrderSeesThePrintWhole() {
        // sell 5 at 100.04 (nothing ahead): a buy print of 1 at 100.05 fills all 5 (partial fills: 1).
        // two buys of 2 at 100.00, 10 ahead each: a sell print of 12 fills both completely (partial fills: 2 + 0).
        Tape tape = Scenarios.standardBook(1000).trade(2000, Side.BUY, 100.05, 1).trade(3000, Side.SELL, 100.00, 12);
        ScriptedStrategy s = new ScriptedStrategy().at(1500, c -> {
            c.submitLimit(0, Side.SELL, 100.04, 5, TimeInForce.GTC);
            c.submitLimit(0, Side.BUY, 100.00, 2, TimeInForce.GTC);
            c.submitLimit(0, Side.BUY, 100.00, 2, TimeInForce.GTC);
        });
        run(tape, s, noPartial());
        assertThat(fills(s)).containsExactly("2000:5.0@100.04 MAKER", "3000:2.0@100.0 MAKER", "3000:2.0@100.0 MAKER");
    }

    @Test
    void noPartialFillEndsIocAndFokOrdersThatDoNotCrossAndRejectsACrossingPostOnly() {
        long[] ids = new long[3];
        ScriptedStrategy s = new ScriptedStrategy().at(1500, c -> {
            ids[0] = c.submitLimit(0, Side.BUY, 100.01, 1, TimeInForce.IOC);
            ids[1] = c.submitLimit(0, Side.BUY, 100.01, 1, TimeInForce.FOK);
            ids[2] = c.submitLimit(0, Side.BUY, 100.02, 1, TimeInForce.POST_ONLY);
        });
        run(Scenarios.standardBook(1000), s, noPartial());
        assertThat(s.fills).isEmpty();
        assertThat(s.last(ids[0]).status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(s.last(ids[1]).status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(s.last(ids[2]).status()).isEqualTo(OrderStatus.REJECTED);
    }

    @Test
    void noPartialFillOnL3DataFillsTheWholeOrderWhenAnExecutionBehindItReachesIt() {
        // FIFO: bids order 1 (5); the own buy of 5 joins behind it; order 2 (4) joins behind the own order.
        // 3000 execute 1 for 5 (ahead 0); 4000 execute 2 for 3: the aggressor reached the own order first.
        // Partial fills: 3 of 5; no partial fill: the whole 5.
        Tape tape = new Tape(0, AAA)
                .l3(1000, io.qtrade.core.market.EventKind.ORDER_ADD, Side.BUY, 100.00, 5, 1)
                .l3(1000, io.qtrade.core.market.EventKind.ORDER_ADD, Side.SELL, 100.02, 9, 9)
                .l3(2000, io.qtrade.core.market.EventKind.ORDER_ADD, Side.BUY, 100.00, 4, 2)
                .l3(3000, io.qtrade.core.market.EventKind.ORDER_EXECUTE, Side.BUY, 100.00, 5, 1)
                .l3(4000, io.qtrade.core.market.EventKind.ORDER_EXECUTE, Side.BUY, 100.00, 3, 2);
        for (ExchangeModel model : ExchangeModel.values()) {
            ScriptedStrategy s = new ScriptedStrategy().at(1500, c -> c.submitLimit(0, Side.BUY, 100.00, 5,
                    TimeInForce.GTC));
            Backtest.builder().source(tape.source())
                    .exchange(ExchangeSettings.builder(AAA).latency(ConstantLatency.ZERO)
                            .queue(io.qtrade.backtest.queue.FifoQueue.INSTANCE).exchangeModel(model).build())
                    .strategy("s", s).markIntervalNanos(0).endNanos(Scenarios.END).build().run();
            assertThat(fills(s)).as(model.name())
                    .containsExactly(model == ExchangeModel.PARTIAL_FILL ? "4000:3.0@100.0 MAKER" : "4000:5.0@100.0 MAKER");
        }
    }

    // ---- penetration ----

    @Test
    void aPenetrationRuleFillsOnlyOnPrintsAtLeastNTicksThrough() {
        // sell 3 at 100.04 (nothing ahead). PenetrationFill(2, 1.0): a buy print of 2 at 100.05 (1 tick through)
        // does not fill; 2 at 100.06 (2 ticks) fills 2; 5 at 100.07 (3 ticks) fills the last 1.
        Tape tape = Scenarios.standardBook(1000).trade(2000, Side.BUY, 100.05, 2).trade(3000, Side.BUY, 100.06, 2)
                .trade(4000, Side.BUY, 100.07, 5);
        ScriptedStrategy s = new ScriptedStrategy().at(1500, c -> c.submitLimit(0, Side.SELL, 100.04, 3,
                TimeInForce.GTC));
        run(tape, s, b -> b.tradeThrough(new PenetrationFill(2, 1.0, 0)));
        assertThat(fills(s)).containsExactly("3000:2.0@100.04 MAKER", "4000:1.0@100.04 MAKER");
        // the default: the first print already fills 2.
        ScriptedStrategy d = new ScriptedStrategy().at(1500, c -> c.submitLimit(0, Side.SELL, 100.04, 3,
                TimeInForce.GTC));
        run(tape, d, UnaryOperator.identity());
        assertThat(fills(d)).containsExactly("2000:2.0@100.04 MAKER", "3000:1.0@100.04 MAKER");
    }

    @Test
    void aPenetrationProbabilityFillsOnThePrintsWhoseDrawIsBelowIt() {
        // PenetrationFill(1, 0.5, seed 7): prints of 1 lot one tick through at t = 2000, 3000, ..., 21000; the order
        // (sell 20 at 100.04) fills 1 lot at each print whose draw u(orderId, 1, t) < 0.5 and at no other.
        PenetrationFill rule = new PenetrationFill(1, 0.5, 7);
        Tape tape = Scenarios.standardBook(1000);
        for (int k = 0; k < 20; k++) {
            tape.trade(2000 + 1000L * k, Side.BUY, 100.05, 1);
        }
        long[] id = new long[1];
        ScriptedStrategy s = new ScriptedStrategy().at(1500, c -> id[0] = c.submitLimit(0, Side.SELL, 100.04, 20,
                TimeInForce.GTC));
        run(tape, s, b -> b.tradeThrough(rule));
        List<Long> expected = new java.util.ArrayList<>();
        for (int k = 0; k < 20; k++) {
            long t = 2000 + 1000L * k;
            if (rule.uniform(id[0], 1, t) < 0.5) {
                expected.add(t);
            }
        }
        assertThat(s.fills).extracting(f -> f.exchTs()).containsExactlyElementsOf(expected);
        // a fair coin over 20 prints: neither none nor all (the draws are fixed by the seed; 3..17 holds for it).
        assertThat(expected.size()).isBetween(3, 17);
    }

    @Test
    void penetrationDrawsAreUniformAndReproducible() {
        PenetrationFill rule = new PenetrationFill(1, 0.3, 42);
        int hits = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            if (rule.fills(i, 1, 1_000L * i)) {
                hits++;
            }
        }
        // binomial(100000, 0.3): sd = sqrt(n p (1-p)) = 144.9; 5 sd = 725.
        assertThat(hits).isBetween(30_000 - 725, 30_000 + 725);
        assertThat(new PenetrationFill(1, 0.3, 42).uniform(5, 1, 9)).isEqualTo(rule.uniform(5, 1, 9));
        assertThat(rule.fills(5, 0, 9)).isFalse();
        assertThat(new PenetrationFill(3, 1.0, 0).fills(1, 2, 0)).isFalse();
        assertThat(new PenetrationFill(3, 1.0, 0).fills(1, 3, 0)).isTrue();
        assertThat(rule.toString()).isEqualTo("PenetrationFill[minTicksThrough=1, probability=0.3, seed=42]");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PenetrationFill(0, 0.5, 1))
                .hasMessage("PenetrationFill: minTicksThrough must be >= 1 tick, was 0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PenetrationFill(1, 1.5, 1))
                .hasMessage("PenetrationFill: probability must be in (0, 1], was 1.5");
    }

    // ---- per instrument ----

    @Test
    void eachInstrumentUsesItsOwnFillModelAndTheDefaultsAreUnchanged() {
        // The same book on AAA (defaults) and BBB (no partial fills): a market buy of 15 on each.
        Tape tape = new Tape(0, AAA, BBB);
        for (int i = 0; i < 2; i++) {
            tape.depth(i, 1000, Side.BUY, 100.00, 10).depth(i, 1000, Side.SELL, 100.02, 10)
                    .depth(i, 1000, Side.SELL, 100.03, 10);
        }
        ScriptedStrategy s = new ScriptedStrategy().at(1500, c -> {
            c.submitMarket(0, Side.BUY, 15);
            c.submitMarket(1, Side.BUY, 15);
        });
        ExchangeSettings aaa = ExchangeSettings.builder(AAA).latency(ConstantLatency.ZERO)
                .queue(RiskAverseQueue.INSTANCE).build();
        ExchangeSettings bbb = ExchangeSettings.builder(BBB).latency(ConstantLatency.ZERO)
                .queue(RiskAverseQueue.INSTANCE).exchangeModel(ExchangeModel.NO_PARTIAL_FILL).build();
        BacktestResult r = Backtest.builder().source(tape.source()).exchange(aaa).exchange(bbb).strategy("s", s)
                .markIntervalNanos(0).endNanos(Scenarios.END).build().run();
        assertThat(r.fillRecords()).extracting(f -> f.symbol() + " " + f.qty() + "@" + f.price())
                .containsExactly("AAA@SYN 10.0@100.02", "AAA@SYN 5.0@100.03", "BBB@SYN 15.0@100.02");
        assertThat(aaa.exchangeModel()).isEqualTo(ExchangeModel.PARTIAL_FILL);
        assertThat(aaa.tradeThrough()).isSameAs(TradeThroughFill.ANY_PRINT);
        assertThat(bbb.toString()).contains("exchangeModel=NO_PARTIAL_FILL", "tradeThrough=TradeThroughFill.ANY_PRINT");
    }
}
