package io.qtrade.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.order.OrderStatus;
import io.qtrade.core.order.TimeInForce;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.risk.PreTradeCheck;
import io.qtrade.risk.RiskActions;
import io.qtrade.risk.RiskDecision;
import org.junit.jupiter.api.Test;

/**
 * The gate's {@link RiskActions#reducePosition}: a reduce-only market order, cut at the venue to the position the venue
 * holds when it arrives (Binance {@code reduceOnly}), rejected when that position is flat. Hand-built tape, entry and
 * response latency 100 ns, book 99.99 / 100.01 x 100.
 */
class ReduceOnlyTest {

    static final Instrument AAA = Scenarios.AAA;

    /** A gate that asks, once, to reduce {@code qty} of AAA at local time {@code at}. */
    static final class ReduceAt implements PreTradeCheck {
        final long at;
        final double qty;
        RiskActions actions;
        boolean done;

        ReduceAt(long at, double qty) {
            this.at = at;
            this.qty = qty;
        }

        @Override
        public RiskDecision check(String strategyId, OrderRequest request, Portfolio portfolio, long nowNanos) {
            return RiskDecision.ACCEPT;
        }

        @Override
        public void bind(RiskActions actions) {
            this.actions = actions;
        }

        @Override
        public boolean needsMarketData() {
            return true;
        }

        @Override
        public void onMarketData(Instrument instrument, double mid, long nowNanos) {
            if (!done && nowNanos >= at) {
                done = true;
                actions.reducePosition("s", AAA, qty, "test", nowNanos);
            }
        }
    }

    static BacktestResult run(Tape tape, ScriptedStrategy s, ReduceAt gate) {
        return Backtest.builder().source(tape.source())
                .exchange(ExchangeSettings.builder(AAA).latency(new ConstantLatency(100, 100))
                        .queue(RiskAverseQueue.INSTANCE).fees(new BpsFees(0, 0)).build())
                .strategy("s", s).riskGate(gate).initialCash(10_000).build().run();
    }

    static Tape book() {
        return new Tape(0, AAA).depth(500, Side.BUY, 99.99, 100).depth(500, Side.SELL, 100.01, 100);
    }

    /** Long 10; a reduce of 25 is a SELL 25 cut to 10 at the venue: one fill of 10 at the bid, the rest cancelled. */
    @Test
    void aReduceLargerThanThePositionIsCutToIt() {
        ScriptedStrategy s = new ScriptedStrategy();
        s.at(1_000, c -> s.orderIds.add(c.submitMarket(0, Side.BUY, 10)));
        Tape tape = book().depth(2_000, Side.BUY, 99.99, 90).depth(9_000, Side.BUY, 99.98, 1);
        BacktestResult r = run(tape, s, new ReduceAt(2_000, 25));
        assertThat(r.orderRecords()).hasSize(2);
        OrderRecord reduce = r.orderRecords().get(1);
        assertThat(reduce.order().side()).isEqualTo(Side.SELL);
        assertThat(reduce.order().qty()).isEqualTo(25);
        assertThat(reduce.order().status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(reduce.order().filledQty()).isEqualTo(10);
        assertThat(reduce.order().cancelReason())
                .isEqualTo("REDUCE_ONLY: cut from 25.0 to 10.0, the position of 10.0 at the venue");
        assertThat(r.fillRecords()).hasSize(2);
        assertThat(r.fillRecords().get(1).price()).isEqualTo(99.99);
        assertThat(r.fillRecords().get(1).qty()).isEqualTo(10);
        assertThat(r.fillRecords().get(1).exchTs()).isEqualTo(2_100);
        assertThat(r.portfolio("s").position(AAA).isFlat()).isTrue();
        assertThat(s.last(reduce.order().orderId()).reason()).startsWith("REDUCE_ONLY: cut");
    }

    /**
     * Long 10 with a resting sell of 10 at 100.05 that a print fills at venue time 3000; the gate reduces at local 3000,
     * before the fill report (3100): the strategy still sees a long and sends a SELL 10, which finds the venue flat at
     * 3100 and is rejected, not filled into a short.
     */
    @Test
    void aReduceThatFindsTheVenueFlatIsRejected() {
        ScriptedStrategy s = new ScriptedStrategy();
        s.at(1_000, c -> s.orderIds.add(c.submitMarket(0, Side.BUY, 10)))
                .at(1_500, c -> s.orderIds.add(c.submitLimit(0, Side.SELL, 100.05, 10, TimeInForce.GTC)));
        Tape tape = book().trade(3_000, Side.BUY, 100.05, 10).depth(9_000, Side.BUY, 99.98, 1);
        BacktestResult r = run(tape, s, new ReduceAt(3_000, 10));
        assertThat(r.orderRecords()).hasSize(3);
        assertThat(r.orderRecords().get(1).order().status()).isEqualTo(OrderStatus.FILLED);
        OrderRecord reduce = r.orderRecords().get(2);
        assertThat(reduce.sendTs()).isEqualTo(3_000);
        assertThat(reduce.order().status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(reduce.order().rejectReason())
                .isEqualTo("REDUCE_ONLY: SELL 10.0 finds a position of 0.0 at the venue, nothing to reduce");
        assertThat(r.fillRecords()).hasSize(2);
        assertThat(r.portfolio("s").position(AAA).isFlat()).isTrue();
    }
}
