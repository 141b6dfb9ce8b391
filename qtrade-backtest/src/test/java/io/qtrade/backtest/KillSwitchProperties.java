package io.qtrade.backtest;

import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.core.Side;
import io.qtrade.core.order.Order;
import io.qtrade.core.order.OrderStatus;
import io.qtrade.core.order.TimeInForce;
import io.qtrade.risk.PreTradeRiskGate;
import io.qtrade.risk.killswitch.EngagementCause;
import io.qtrade.risk.killswitch.KillSwitch;
import io.qtrade.risk.limits.MaxOrderQty;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.qtrade.backtest.Scenarios.AAA;
import static org.assertj.core.api.Assertions.assertThat;

/** Over random sequences of orders, cancels, engagements and resets: nothing passes an engaged kill switch. */
class KillSwitchProperties {

    private static final int SUBMIT = 0;
    private static final int SUBMIT_MARKETABLE = 1;
    private static final int CANCEL = 2;
    private static final int ENGAGE = 3;
    private static final int RESET = 4;

    @Property(tries = 60)
    void noOrderPassesWhileEngagedAndEveryOrderOpenAtAnEngagementEnds(
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 4) Integer> actions,
            @ForAll @LongRange(min = 0, max = 400) long latencyNanos,
            @ForAll @IntRange(min = 1, max = 12) int qtyLimit) {
        KillSwitch killSwitch = new KillSwitch();
        // The kill switch first, so that its rejections win over the size limit's.
        PreTradeRiskGate gate = PreTradeRiskGate.of(killSwitch, new MaxOrderQty(qtyLimit));
        List<Long> sentWhileEngaged = new ArrayList<>();
        List<Long> sentWhileFree = new ArrayList<>();
        Set<Long> openAtEngagement = new HashSet<>();
        ScriptedStrategy s = new ScriptedStrategy();
        long[] buf = new long[256];
        for (int k = 0; k < actions.size(); k++) {
            int action = actions.get(k);
            int n = k;
            s.at(1100 + 100L * k, c -> {
                switch (action) {
                    case SUBMIT, SUBMIT_MARKETABLE -> {
                        boolean engaged = killSwitch.isEngaged();
                        double price = action == SUBMIT ? 99.00 + 0.01 * (n % 50) : 100.05;
                        long id = c.submitLimit(0, Side.BUY, price, 1 + n % 3, TimeInForce.GTC);
                        (engaged ? sentWhileEngaged : sentWhileFree).add(id);
                    }
                    case CANCEL -> {
                        int open = c.openOrders(0, buf);
                        if (open > 0) {
                            c.cancel(buf[n % open]);
                        }
                    }
                    case ENGAGE -> {
                        int open = c.openOrders(0, buf);
                        if (killSwitch.engage(EngagementCause.MANUAL, "step " + n, c.nowNanos())) {
                            for (int i = 0; i < open; i++) {
                                openAtEngagement.add(buf[i]);
                            }
                        }
                    }
                    default -> killSwitch.reset(c.nowNanos());
                }
            });
        }
        BacktestResult r = Backtest.builder().source(Scenarios.standardBook(1000).source())
                .exchange(ExchangeSettings.builder(AAA).latency(new ConstantLatency(latencyNanos, latencyNanos))
                        .queue(RiskAverseQueue.INSTANCE).build())
                .strategy("s", s).riskGate(gate).markIntervalNanos(0).endNanos(Scenarios.END).build().run();

        for (long id : sentWhileEngaged) {
            assertThat(s.last(id).status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(s.last(id).reason()).startsWith("KILL_SWITCH: engaged at ");
        }
        for (OrderRecord o : r.orderRecords()) {
            Order order = o.order();
            if (sentWhileEngaged.contains(order.orderId())) {
                assertThat(o.exchArrivalTs()).as("order %d reached the venue", order.orderId())
                        .isEqualTo(OrderRecord.NEVER);
                assertThat(order.filledQty()).isZero();
            }
            if (openAtEngagement.contains(order.orderId())) {
                assertThat(order.status().isTerminal()).as("order %d open at an engagement", order.orderId())
                        .isTrue();
            }
        }
        for (long id : sentWhileFree) {
            assertThat(s.last(id).reason()).doesNotStartWith("KILL_SWITCH");
        }
    }
}
