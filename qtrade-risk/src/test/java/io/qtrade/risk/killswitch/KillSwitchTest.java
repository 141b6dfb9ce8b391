package io.qtrade.risk.killswitch;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.risk.PreTradeRiskGate;
import io.qtrade.risk.RiskActions;
import io.qtrade.risk.RiskDecision;
import io.qtrade.risk.limits.MaxOrderQty;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KillSwitchTest {

    private static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    private static final OrderRequest ORDER = OrderRequest.limit(AAA, Side.BUY, 100, 1);
    private final Portfolio portfolio = new Portfolio(0);

    /** Records the engine requests a switch makes. */
    private static final class Recorder implements RiskActions {
        final List<String> calls = new ArrayList<>();

        @Override
        public void cancelAllOrders(String reason, long nowNanos) {
            calls.add("cancelAll@" + nowNanos + " " + reason);
        }

        @Override
        public void stopStrategy(String strategyId, String reason, long nowNanos) {
            calls.add("stop " + strategyId + "@" + nowNanos);
        }

        @Override
        public void reducePosition(String strategyId, io.qtrade.core.Instrument instrument, double qty, String reason,
                                   long nowNanos) {
            throw new AssertionError("not expected here: reduce " + strategyId + " " + instrument + " " + qty);
        }
    }

    @Test
    void engagingRejectsEveryOrderAsksOnceForACancelAllAndIsRecordedUntilReset() {
        KillSwitch ks = new KillSwitch();
        Recorder engine = new Recorder();
        ks.bind(engine);
        assertThat(ks.check("s", ORDER, portfolio, 0)).isSameAs(RiskDecision.ACCEPT);

        assertThat(ks.engage(EngagementCause.MANUAL, "desk", 100)).isTrue();
        assertThat(ks.engage(EngagementCause.DISCONNECT, "again", 150)).isFalse();
        RiskDecision d = ks.check("s", ORDER, portfolio, 200);
        assertThat(d.reason()).isEqualTo("KILL_SWITCH: engaged at 100 by MANUAL: desk");
        assertThat(engine.calls).containsExactly("cancelAll@100 kill switch MANUAL: desk");
        assertThat(ks.engagements()).containsExactly(
                new Engagement(100, EngagementCause.MANUAL, "desk", Engagement.NOT_RESET));

        assertThat(ks.reset(300)).isTrue();
        assertThat(ks.reset(301)).isFalse();
        assertThat(ks.check("s", ORDER, portfolio, 400)).isSameAs(RiskDecision.ACCEPT);
        ks.engage(EngagementCause.DISCONNECT, "venue session lost", 500);
        assertThat(ks.engagements()).containsExactly(
                new Engagement(100, EngagementCause.MANUAL, "desk", 300),
                new Engagement(500, EngagementCause.DISCONNECT, "venue session lost", Engagement.NOT_RESET));
        assertThatThrownBy(() -> ks.reset(499)).hasMessage("kill switch: reset at 499 is before its engagement at 500");
    }

    @Test
    void aBreachOfAWrappedLimitEngagesTheSwitchAndLaterOrdersMeetTheSwitch() {
        KillSwitch ks = new KillSwitch();
        PreTradeRiskGate gate = PreTradeRiskGate.of(ks, ks.engageOnBreach(new MaxOrderQty(5)));
        assertThat(gate.check("s", ORDER, portfolio, 10).accepted()).isTrue();
        RiskDecision breach = gate.check("s", OrderRequest.limit(AAA, Side.BUY, 100, 6), portfolio, 20);
        assertThat(breach.reasonCode()).isEqualTo("MAX_ORDER_QTY");
        assertThat(ks.engagements().get(0).cause()).isEqualTo(EngagementCause.LIMIT_BREACH);
        assertThat(ks.engagements().get(0).detail()).startsWith("strategy s: MAX_ORDER_QTY: qty 6.0 > limit 5.0");
        assertThat(gate.check("s", ORDER, portfolio, 30).reasonCode()).isEqualTo("KILL_SWITCH");
    }

    @Test
    void theHeartbeatEngagesAtLastDataPlusTimeoutAndNotAtExactlyTheTimeoutOnAnOrder() {
        KillSwitch ks = new KillSwitch();
        HeartbeatMonitor hb = new HeartbeatMonitor(ks, 1_000);
        assertThat(hb.wakeAtNanos()).isEqualTo(HeartbeatMonitor.NO_WAKE);   // nothing watched before data
        hb.onMarketData(AAA, 100, 5_000);
        assertThat(hb.wakeAtNanos()).isEqualTo(6_000);
        // An order checked exactly at the timeout passes (a silence of the timeout is allowed), 1 ns later it does not.
        assertThat(hb.check("s", ORDER, portfolio, 6_000)).isSameAs(RiskDecision.ACCEPT);
        assertThat(ks.isEngaged()).isFalse();
        RiskDecision late = hb.check("s", ORDER, portfolio, 6_001);
        assertThat(late.reason()).startsWith("KILL_SWITCH: engaged at 6001 by HEARTBEAT_TIMEOUT: no market data for 1001 ns");
        assertThat(hb.wakeAtNanos()).isEqualTo(HeartbeatMonitor.NO_WAKE);   // engaged: nothing more to wake for

        KillSwitch woken = new KillSwitch();
        HeartbeatMonitor engineDriven = new HeartbeatMonitor(woken, 1_000);
        engineDriven.onMarketData(AAA, Double.NaN, 5_000);                  // any event is a heartbeat
        engineDriven.onWake(5_999);
        assertThat(woken.isEngaged()).isFalse();
        engineDriven.onWake(6_000);
        assertThat(woken.engagements()).extracting(Engagement::engagedNanos).containsExactly(6_000L);
        assertThatThrownBy(() -> new HeartbeatMonitor(woken, 0))
                .hasMessage("heartbeat monitor: heartbeatTimeoutNanos must be > 0, was 0");
    }
}
