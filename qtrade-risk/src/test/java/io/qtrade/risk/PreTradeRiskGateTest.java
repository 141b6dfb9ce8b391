package io.qtrade.risk;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.risk.breakers.DailyLossLimit;
import io.qtrade.risk.breakers.MaxDrawdownBreaker;
import io.qtrade.risk.killswitch.EngagementCause;
import io.qtrade.risk.killswitch.HeartbeatMonitor;
import io.qtrade.risk.killswitch.KillSwitch;
import io.qtrade.risk.limits.MaxOrderNotional;
import io.qtrade.risk.limits.MaxOrderQty;
import io.qtrade.risk.limits.MaxGrossExposure;
import io.qtrade.risk.limits.MaxOpenOrders;
import io.qtrade.risk.limits.MaxPosition;
import io.qtrade.risk.limits.OrderRateLimit;
import io.qtrade.risk.limits.PriceBand;
import io.qtrade.risk.stops.StopLoss;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreTradeRiskGateTest {

    private static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);

    @Test
    void checksRunInOrderAndTheFirstRejectionIsTheAnswer() {
        List<String> asked = new ArrayList<>();
        PreTradeCheck first = (id, r, p, t) -> {
            asked.add("first");
            return r.qty() > 5 ? RiskDecision.reject("FIRST", "qty") : RiskDecision.ACCEPT;
        };
        PreTradeCheck second = (id, r, p, t) -> {
            asked.add("second");
            return RiskDecision.reject("SECOND", "always");
        };
        PreTradeRiskGate gate = PreTradeRiskGate.of(first, second);
        assertThat(gate.check("s", OrderRequest.limit(AAA, Side.BUY, 1, 6), new Portfolio(0), 0).reasonCode())
                .isEqualTo("FIRST");
        assertThat(asked).containsExactly("first");
        assertThat(gate.check("s", OrderRequest.limit(AAA, Side.BUY, 1, 1), new Portfolio(0), 0).reasonCode())
                .isEqualTo("SECOND");
    }

    @Test
    void theGateNeedsMarketDataAndWakesUpWhenAnyCheckDoes() {
        KillSwitch ks = new KillSwitch();
        HeartbeatMonitor hb = new HeartbeatMonitor(ks, 50);
        PreTradeRiskGate plain = PreTradeRiskGate.of(new MaxOrderQty(1));
        assertThat(plain.needsMarketData()).isFalse();
        assertThat(plain.wakeAtNanos()).isEqualTo(RiskGate.NO_WAKE);
        PreTradeRiskGate gate = PreTradeRiskGate.of(ks, new MaxOrderQty(1), hb);
        assertThat(gate.needsMarketData()).isTrue();
        gate.onMarketData(AAA, 100, 1000);
        assertThat(gate.wakeAtNanos()).isEqualTo(1050);
        gate.onWake(1050);
        assertThat(ks.isEngaged()).isTrue();
    }

    @Test
    void aGateWithoutChecksOrWithOneCheckTwiceIsRefused() {
        assertThatThrownBy(() -> PreTradeRiskGate.builder().build())
                .hasMessageContaining("no check (add one with check(...), or use RiskGate.NONE)");
        MaxOrderQty q = new MaxOrderQty(1);
        assertThatThrownBy(() -> PreTradeRiskGate.of(q, q))
                .hasMessageContaining("check #1 (MaxOrderQty[maxQty=1.0]) is the same object as check #0");
    }

    @Test
    void theAcceptPathAllocatesNothingAfterWarmUp() {
        KillSwitch ks = new KillSwitch();
        PriceBand band = new PriceBand(100);
        MaxOrderNotional notional = new MaxOrderNotional(1e6);
        Instrument bbb = Instrument.spot("BBB", "SYN", 0.01, 1);
        PreTradeRiskGate gate = PreTradeRiskGate.of(ks, new MaxOrderQty(100), notional, band, new MaxPosition(1000),
                new MaxGrossExposure(1e9), new MaxOpenOrders(10));
        gate.onMarketData(AAA, 100, 0);
        gate.onMarketData(bbb, 50, 0);
        OrderRequest r = OrderRequest.limit(AAA, Side.BUY, 100.5, 3);
        Portfolio p = new Portfolio(0);
        p.apply(new io.qtrade.core.order.Fill(1, AAA, Side.BUY, 100, 2, 0, io.qtrade.core.order.Liquidity.MAKER, 0, 0));
        p.apply(new io.qtrade.core.order.Fill(2, bbb, Side.SELL, 50, 4, 0, io.qtrade.core.order.Liquidity.MAKER, 0, 0));
        int accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            accepted += gate.check("s", r, p, i).accepted() ? 1 : 0;
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 100_000; i++) {
            accepted += gate.check("s", r, p, i).accepted() ? 1 : 0;
        }
        long allocated = threads.getThreadAllocatedBytes(tid) - before;
        assertThat(accepted).isEqualTo(120_000);
        // A few hundred bytes of measurement noise at most; one object per check would be >= 1.6 MB.
        assertThat(allocated).isLessThan(10_000);
    }

    @Test
    void theReadmeGateAcceptsANormalOrderAndAFatFingerStopsEverything() {
        KillSwitch killSwitch = new KillSwitch();
        RiskGate gate = PreTradeRiskGate.builder()
                .check(killSwitch)
                .check(new HeartbeatMonitor(killSwitch, 5_000_000_000L))
                .check(killSwitch.engageOnBreach(new MaxOrderQty(10)))
                .check(new MaxOrderNotional(250_000))
                .check(new PriceBand(50))
                .check(new MaxPosition(20))
                .check(new MaxGrossExposure(1_000_000))
                .check(new OrderRateLimit(20, 10))
                .check(new MaxOpenOrders(50))
                .check(new DailyLossLimit(killSwitch, 5_000))
                .check(MaxDrawdownBreaker.ofFraction(killSwitch, 0.10))
                .check(StopLoss.of(1_000, 3_000))
                .build();
        assertThat(gate.needsMarketData()).isTrue();
        assertThat(gate.needsWakeUps()).isTrue();
        Portfolio p = new Portfolio(100_000);
        gate.onMarketData(AAA, 100, 1_000);
        assertThat(gate.check("s", OrderRequest.limit(AAA, Side.BUY, 99.9, 5), p, 2_000)).isSameAs(RiskDecision.ACCEPT);
        assertThat(gate.check("s", OrderRequest.limit(AAA, Side.BUY, 99.9, 50), p, 3_000).reason())
                .startsWith("MAX_ORDER_QTY: qty 50.0 > limit 10.0");
        assertThat(killSwitch.engagements().get(0).cause()).isEqualTo(EngagementCause.LIMIT_BREACH);
        assertThat(gate.check("s", OrderRequest.limit(AAA, Side.BUY, 99.9, 5), p, 4_000).reasonCode())
                .isEqualTo("KILL_SWITCH");
    }
}
