package io.qtrade.backtest;

import io.qtrade.backtest.exchange.SimulatedExchange;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.core.Side;
import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.order.Liquidity;
import io.qtrade.core.order.OrderStatus;
import io.qtrade.core.order.TimeInForce;
import org.junit.jupiter.api.Test;

import static io.qtrade.backtest.Scenarios.AAA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Each order type against the standard book: asks 100.02 x 10, 100.03 x 10, 100.05 x 10; bids 100.00, 99.99. */
class OrderTypeScenarioTest {

    private static ScriptedStrategy sending(java.util.function.Consumer<io.qtrade.core.strategy.StrategyContext> a) {
        return new ScriptedStrategy().at(1500, a);
    }

    private static String fills(ScriptedStrategy s) {
        StringBuilder b = new StringBuilder();
        s.fills.forEach(f -> b.append(f.qty()).append('@').append(f.price()).append(' ').append(f.liquidity())
                .append(';'));
        return b.toString();
    }

    @Test
    void aMarketOrderWalksTheBookLevelByLevelAsTakerPayingTheTakerFee() {
        ScriptedStrategy s = sending(c -> c.submitMarket(0, Side.BUY, 15));
        BacktestResult r = Scenarios.run(Scenarios.standardBook(1000), s, RiskAverseQueue.INSTANCE,
                ConstantLatency.ZERO, new BpsFees(-0.5, 2.0));
        assertThat(fills(s)).isEqualTo("10.0@100.02 TAKER;5.0@100.03 TAKER;");
        // fees: 10 * 100.02 * 2 bps = 0.20004; 5 * 100.03 * 2 bps = 0.10003.
        assertThat(s.fills.get(0).fee()).isCloseTo(0.20004, within(1e-12));
        assertThat(s.fills.get(1).fee()).isCloseTo(0.10003, within(1e-12));
        assertThat(r.orderRecords().get(0).order().status()).isEqualTo(OrderStatus.FILLED);
        // avg price (10 * 100.02 + 5 * 100.03) / 15 = 100.02333...: the slippage over the touch.
        assertThat(r.orderRecords().get(0).order().avgFillPrice()).isCloseTo(100.023333333333, within(1e-9));
    }

    @Test
    void anIocLimitTakesWhatIsWithinItsLimitAndCancelsTheRest() {
        ScriptedStrategy s = sending(c -> c.submitLimit(0, Side.BUY, 100.02, 15, TimeInForce.IOC));
        BacktestResult r = Scenarios.run(Scenarios.standardBook(1000), s);
        assertThat(fills(s)).isEqualTo("10.0@100.02 TAKER;");
        assertThat(r.orderRecords().get(0).order().status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(r.orderRecords().get(0).order().filledQty()).isEqualTo(10.0);
    }

    @Test
    void aFokThatCannotFillInFullExpiresWithoutAnyFill() {
        ScriptedStrategy s = sending(c -> c.submitLimit(0, Side.BUY, 100.02, 15, TimeInForce.FOK));
        BacktestResult r = Scenarios.run(Scenarios.standardBook(1000), s);
        assertThat(s.fills).isEmpty();
        assertThat(r.orderRecords().get(0).order().status()).isEqualTo(OrderStatus.EXPIRED);
    }

    @Test
    void aFokThatCanFillInFullFillsAcrossLevels() {
        ScriptedStrategy s = sending(c -> c.submitLimit(0, Side.BUY, 100.03, 15, TimeInForce.FOK));
        BacktestResult r = Scenarios.run(Scenarios.standardBook(1000), s);
        assertThat(fills(s)).isEqualTo("10.0@100.02 TAKER;5.0@100.03 TAKER;");
        assertThat(r.orderRecords().get(0).order().status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void aPostOnlyOrderThatWouldCrossIsRejectedAndOneThatDoesNotRests() {
        long[] ids = new long[2];
        ScriptedStrategy s = sending(c -> {
            ids[0] = c.submitLimit(0, Side.BUY, 100.02, 1, TimeInForce.POST_ONLY);
            ids[1] = c.submitLimit(0, Side.BUY, 100.01, 1, TimeInForce.POST_ONLY);
        });
        Scenarios.run(Scenarios.standardBook(1000), s);
        ExecutionReport crossed = s.last(ids[0]);
        assertThat(crossed.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(crossed.reason()).isEqualTo(SimulatedExchange.REASON_POST_ONLY_WOULD_CROSS);
        assertThat(s.last(ids[1]).status()).isEqualTo(OrderStatus.NEW);
        assertThat(s.fills).isEmpty();
    }

    @Test
    void aCrossingGtcLimitTakesAsTakerThenRestsTheRestAsMaker() {
        ScriptedStrategy s = sending(c -> c.submitLimit(0, Side.BUY, 100.02, 15, TimeInForce.GTC));
        Tape tape = Scenarios.standardBook(1000).trade(2000, Side.SELL, 100.02, 3);
        BacktestResult r = Scenarios.run(tape, s);
        // 10 taken at 100.02; 5 rest at 100.02 with nothing ahead; a sell print of 3 there fills 3 as maker.
        assertThat(fills(s)).isEqualTo("10.0@100.02 TAKER;3.0@100.02 MAKER;");
        assertThat(r.orderRecords().get(0).order().status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(r.orderRecords().get(0).order().leavesQty()).isEqualTo(2.0);
    }

    @Test
    void twoMarketOrdersAtOnceDoNotTakeTheSameLiquidityTwice() {
        ScriptedStrategy s = sending(c -> {
            c.submitMarket(0, Side.BUY, 8);
            c.submitMarket(0, Side.BUY, 8);
        });
        Scenarios.run(Scenarios.standardBook(1000), s);
        assertThat(fills(s)).isEqualTo("8.0@100.02 TAKER;2.0@100.02 TAKER;6.0@100.03 TAKER;");
    }

    @Test
    void anOrderOffTheTickGridIsRejectedByTheVenue() {
        long[] id = new long[1];
        ScriptedStrategy s = sending(c -> id[0] = c.submitLimit(0, Side.BUY, 100.005, 1, TimeInForce.GTC));
        Scenarios.run(Scenarios.standardBook(1000), s);
        assertThat(s.last(id[0]).status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(s.last(id[0]).reason()).isEqualTo(SimulatedExchange.REASON_OFF_TICK);
    }

    @Test
    void aSellMarketOrderTakesTheBidsAndTheFillsUpdatePositionCashAndFees() {
        ScriptedStrategy s = sending(c -> c.submitMarket(0, Side.SELL, 12));
        BacktestResult r = Scenarios.run(Scenarios.standardBook(1000), s, RiskAverseQueue.INSTANCE,
                ConstantLatency.ZERO, new BpsFees(0, 1.0));
        assertThat(fills(s)).isEqualTo("10.0@100.0 TAKER;2.0@99.99 TAKER;");
        // cash = 10 * 100 + 2 * 99.99 - fees; fees = (1000 + 199.98) * 1 bp = 0.119998.
        assertThat(r.portfolio("s").fees()).isCloseTo(0.119998, within(1e-12));
        assertThat(r.portfolio("s").cash()).isCloseTo(1199.98 - 0.119998, within(1e-9));
        assertThat(r.portfolio("s").position(AAA).qty()).isEqualTo(-12.0);
        assertThat(r.fillRecords()).allMatch(f -> f.liquidity() == Liquidity.TAKER);
    }
}
