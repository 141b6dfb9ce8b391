package io.qtrade.backtest;

import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.core.Side;
import io.qtrade.core.order.OrderStatus;
import io.qtrade.core.order.TimeInForce;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;
import io.qtrade.risk.RiskDecision;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.qtrade.backtest.Scenarios.AAA;
import static io.qtrade.backtest.Scenarios.BBB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineScenarioTest {

    @Test
    void aRiskGateRejectionReachesTheStrategyWithItsReasonAndNeverTheVenue() {
        long[] id = new long[2];
        ScriptedStrategy s = new ScriptedStrategy().at(1500, c -> {
            id[0] = c.submitLimit(0, Side.BUY, 100.00, 50, TimeInForce.GTC);
            id[1] = c.submitLimit(0, Side.BUY, 100.00, 5, TimeInForce.GTC);
        });
        BacktestResult r = Backtest.builder().source(Scenarios.standardBook(1000).source())
                .exchange(ExchangeSettings.builder(AAA).latency(new ConstantLatency(100, 100))
                        .queue(RiskAverseQueue.INSTANCE).build())
                .strategy("s", s)
                .riskGate((sid, req, p, now) -> req.qty() > 10
                        ? RiskDecision.reject("MAX_ORDER_QTY", "qty " + req.qty() + " > 10") : RiskDecision.ACCEPT)
                .endNanos(Scenarios.END).build().run();
        assertThat(s.last(id[0]).status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(s.last(id[0]).reason()).isEqualTo("MAX_ORDER_QTY: qty 50.0 > 10");
        assertThat(s.last(id[0]).localTs()).isEqualTo(1500);
        assertThat(r.orderRecords().get(0).exchArrivalTs()).isEqualTo(OrderRecord.NEVER);
        assertThat(s.last(id[1]).status()).isEqualTo(OrderStatus.NEW);
        assertThat(s.last(id[1]).localTs()).isEqualTo(1700);
    }

    @Test
    void aRepeatingTimerFiresOnItsGridInSimulatedTime() {
        ScriptedStrategy s = new ScriptedStrategy() {
            @Override
            public void onStart(StrategyContext ctx) {
                super.onStart(ctx);
                ctx.scheduleEvery(250);
            }
        };
        Backtest.builder().source(Scenarios.standardBook(1000).source())
                .exchange(ExchangeSettings.builder(AAA).latency(ConstantLatency.ZERO).queue(RiskAverseQueue.INSTANCE)
                        .build())
                .strategy("s", s).endNanos(2000).build().run();
        assertThat(s.timerTimes).containsExactly(1250L, 1500L, 1750L, 2000L);
    }

    @Test
    void orderIdsArePerStrategySoAPeerNeverShiftsThem() {
        List<Long> a = new ArrayList<>();
        List<Long> b = new ArrayList<>();
        ScriptedStrategy first = new ScriptedStrategy().at(1500, c -> a.add(c.submitLimit(0, Side.BUY, 99.00, 1,
                TimeInForce.GTC)));
        ScriptedStrategy second = new ScriptedStrategy().at(1400, c -> b.add(c.submitLimit(0, Side.BUY, 99.00, 1,
                TimeInForce.GTC)));
        Backtest.builder().source(Scenarios.standardBook(1000).source())
                .exchange(ExchangeSettings.builder(AAA).latency(ConstantLatency.ZERO).queue(RiskAverseQueue.INSTANCE)
                        .build())
                .strategy("a", first).strategy("b", second).endNanos(Scenarios.END).build().run();
        assertThat(a).containsExactly((1L << 40) | 1);
        assertThat(b).containsExactly((2L << 40) | 1);
    }

    @Test
    void theBuilderNamesEveryMissingOrConflictingSetting() {
        assertThatThrownBy(() -> Backtest.builder().source(new Tape(0, AAA, BBB).source())
                .exchange(ExchangeSettings.builder(AAA).latency(ConstantLatency.ZERO).queue(RiskAverseQueue.INSTANCE)
                        .build())
                .strategy("x", new Strategy() { }).strategy("x", new Strategy() { })
                .initialCash(Double.NaN).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strategy id 'x' is used twice")
                .hasMessageContaining("initialCash must be finite, was NaN")
                .hasMessageContaining("no exchange settings for BBB@SYN");
        assertThatThrownBy(() -> ExchangeSettings.builder(AAA).orderTickSize(0.015).build())
                .hasMessageContaining("latency is missing").hasMessageContaining("queue is missing")
                .hasMessageContaining("orderTickSize 0.015 must be a whole multiple of AAA@SYN's 0.01");
    }

    @Test
    void anEventSeenLocallyBeforeTheVenueSentItIsRefusedNamingTheEvent() {
        io.qtrade.core.market.EventBatch batch = new io.qtrade.core.market.EventBatch(4);
        batch.addDepth(0, 1000, 900, Side.BUY, 100.00, 1);
        assertThatThrownBy(() -> Backtest.builder()
                .source(new io.qtrade.core.market.InMemoryEventSource(List.of(AAA), batch))
                .exchange(ExchangeSettings.builder(AAA).latency(ConstantLatency.ZERO).queue(RiskAverseQueue.INSTANCE)
                        .build())
                .strategy("s", new Strategy() { }).build().run())
                .hasMessageContaining("event 0 (DEPTH_UPDATE, instrument 0): localTs 900 is before exchTs 1000");
    }
}
