package io.qtrade.backtest;

import io.qtrade.backtest.fee.FeeModel;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.L3ArrivalQueue;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.order.TimeInForce;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.qtrade.backtest.Scenarios.AAA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link L3ArrivalQueue} on a tape of depth rows with the level's L3 messages beside them. The bids at 100.00 (5) rest
 * before the data starts (their ids are unknown to the messages); the own buy of 2 joins behind them at 1500.
 * <pre>
 * 2000  add 2 (4) at 100.00, depth 9                      behind: ahead 5
 * 3000  cancel 2 (4), depth 5                             behind: ahead 5
 * 4000  execute 99 (3), unknown: ahead; trade print 3     ahead 2 (the print moves nothing: the execution did)
 * 5000  add 3 (1), depth 3                                behind
 * 6000  execute 99 (2), depth 1                           ahead 0
 * 7000  execute 3 (1), behind the own order, depth 0      the aggressor reached it first: fills 1
 * 8000  add 4: a sell of 5 at 100.00, ask depth 5         the opposite best reached the order: fills the last 1
 * </pre>
 */
class L3ArrivalScenarioTest {

    private static List<String> fills(ScriptedStrategy s) {
        return s.fills.stream().map(f -> f.exchTs() + ":" + f.qty() + "@" + f.price() + " " + f.liquidity()).toList();
    }

    private static Tape tape() {
        return new Tape(0, AAA)
                .depth(1000, Side.BUY, 100.00, 5).depth(1000, Side.BUY, 99.99, 10).depth(1000, Side.SELL, 100.02, 5)
                .l3(2000, EventKind.ORDER_ADD, Side.BUY, 100.00, 4, 2).depth(2000, Side.BUY, 100.00, 9)
                .l3(3000, EventKind.ORDER_CANCEL, Side.BUY, 100.00, 4, 2).depth(3000, Side.BUY, 100.00, 5)
                .l3(4000, EventKind.ORDER_EXECUTE, Side.BUY, 100.00, 3, 99).trade(4000, Side.SELL, 100.00, 3)
                .depth(4000, Side.BUY, 100.00, 2)
                .l3(5000, EventKind.ORDER_ADD, Side.BUY, 100.00, 1, 3).depth(5000, Side.BUY, 100.00, 3)
                .l3(6000, EventKind.ORDER_EXECUTE, Side.BUY, 100.00, 2, 99).depth(6000, Side.BUY, 100.00, 1)
                .l3(7000, EventKind.ORDER_EXECUTE, Side.BUY, 100.00, 1, 3).depth(7000, Side.BUY, 100.00, 0)
                .l3(8000, EventKind.ORDER_ADD, Side.SELL, 100.00, 5, 4).depth(8000, Side.SELL, 100.00, 5);
    }

    @Test
    void theLevelsOwnMessagesMoveTheQueueAndUnknownOrdersCountAsAhead() {
        ScriptedStrategy s = new ScriptedStrategy().at(1500, c -> c.submitLimit(0, Side.BUY, 100.00, 2,
                TimeInForce.GTC));
        BacktestResult r = Scenarios.run(tape(), s, L3ArrivalQueue.INSTANCE, ConstantLatency.ZERO, FeeModel.NONE);
        assertThat(r.orderRecords().get(0).qtyAheadAtEntry()).isEqualTo(5.0);
        assertThat(fills(s)).containsExactly("7000:1.0@100.0 MAKER", "8000:1.0@100.0 MAKER");
    }

    @Test
    void aModifyRowIsRefusedNamingTheEvent() {
        Tape tape = new Tape(0, AAA).depth(1000, Side.BUY, 100.00, 5).depth(1000, Side.SELL, 100.02, 5)
                .l3(2000, EventKind.ORDER_MODIFY, Side.BUY, 100.00, 4, 2);
        ScriptedStrategy s = new ScriptedStrategy();
        assertThatThrownBy(() -> Scenarios.run(tape, s, L3ArrivalQueue.INSTANCE, ConstantLatency.ZERO,
                FeeModel.NONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AAA@SYN (instrument 0), event 2 (ORDER_MODIFY at exchTs 2000)")
                .hasMessageContaining("L3ArrivalQueue[] takes no ORDER_MODIFY row");
    }
}
