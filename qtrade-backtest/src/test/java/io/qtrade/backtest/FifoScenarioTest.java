package io.qtrade.backtest;

import io.qtrade.backtest.fee.FeeModel;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.FifoQueue;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.order.TimeInForce;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.qtrade.backtest.Scenarios.AAA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Exact FIFO on L3 data. Bids at 100.00: venue orders 1 (5) and 2 (3); the own buy of 2 arrives at 1500 behind
 * both (8 ahead); order 3 (4) joins behind it.
 * <pre>
 * 2000 cancel 3 (behind)          ahead 8
 * 3000 cancel 1 (ahead)           ahead 3: only that order's quantity, from its place
 * 4000 modify 2 down to 2         ahead 2 (an in-place reduction keeps priority)
 * 5000 execute 2 for 2            ahead 0, no fill yet
 * 6000 add 4 (4) behind; execute 4 for 3: the aggressor reached the own order first -> fills 2 at 6000
 * </pre>
 */
class FifoScenarioTest {

    private static Tape tape() {
        return new Tape(0, AAA)
                .l3(1000, EventKind.ORDER_ADD, Side.BUY, 100.00, 5, 1)
                .l3(1000, EventKind.ORDER_ADD, Side.BUY, 100.00, 3, 2)
                .l3(1000, EventKind.ORDER_ADD, Side.SELL, 100.02, 9, 9)
                .l3(1600, EventKind.ORDER_ADD, Side.BUY, 100.00, 4, 3)
                .l3(2000, EventKind.ORDER_CANCEL, Side.BUY, 100.00, 0, 3)
                .l3(3000, EventKind.ORDER_CANCEL, Side.BUY, 100.00, 0, 1)
                .l3(4000, EventKind.ORDER_MODIFY, Side.BUY, 100.00, 2, 2)
                .l3(5000, EventKind.ORDER_EXECUTE, Side.BUY, 100.00, 2, 2)
                .l3(6000, EventKind.ORDER_ADD, Side.BUY, 100.00, 4, 4)
                .l3(6000, EventKind.ORDER_EXECUTE, Side.BUY, 100.00, 3, 4);
    }

    @Test
    void onlyOrdersAheadMoveTheQueueAndAnExecutionBehindFillsTheOwnOrder() {
        ScriptedStrategy s = new ScriptedStrategy()
                .at(1500, c -> c.submitLimit(0, Side.BUY, 100.00, 2, TimeInForce.GTC));
        BacktestResult r = Scenarios.run(tape(), s, FifoQueue.INSTANCE, ConstantLatency.ZERO, FeeModel.NONE);
        assertThat(r.orderRecords().get(0).qtyAheadAtEntry()).isEqualTo(8.0);
        assertThat(s.fills).hasSize(1);
        assertThat(s.fills.get(0).exchTs()).isEqualTo(6000);
        assertThat(s.fills.get(0).qty()).isEqualTo(2.0);
    }

    @Test
    void theStrategySeesTheAggregatedLevelsOfTheL3Book() {
        List<Double> qty = new ArrayList<>();
        ScriptedStrategy s = new ScriptedStrategy().at(1500, c -> qty.add(c.book(0).bestBidQty()))
                .at(3500, c -> qty.add(c.book(0).bestBidQty()));
        Scenarios.run(tape(), s, FifoQueue.INSTANCE, ConstantLatency.ZERO, FeeModel.NONE);
        // 5 + 3 at 1500; at 3500 order 1 and 3 are gone: 3.
        assertThat(qty).containsExactly(8.0, 3.0);
    }

    @Test
    void l3RowsForAnInstrumentWithAnL2QueueModelAreRefusedNamingTheEvent() {
        ScriptedStrategy s = new ScriptedStrategy();
        assertThatThrownBy(() -> Scenarios.run(tape(), s, RiskAverseQueue.INSTANCE, ConstantLatency.ZERO,
                FeeModel.NONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AAA@SYN (instrument 0), event 0 (ORDER_ADD at exchTs 1000)")
                .hasMessageContaining("needs FifoQueue");
    }
}
