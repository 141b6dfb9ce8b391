package io.qtrade.backtest.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.core.order.Liquidity;
import io.qtrade.core.order.TimeInForce;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Execution quality on hand-built orders whose every number is worked out in the comments (tolerance 1e-9 bps or
 * currency: the arithmetic is a handful of double operations on 2-decimal prices).
 */
class ExecutionQualityTest {

    private static final double EPS = 1e-9;
    private static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);

    /**
     * Mid 100.00 from t=0, 100.10 from 100, 100.20 from 300; trades 100.05 x 2 at 50, 100.10 x 3 at 150,
     * 100.20 x 5 at 250, 100.30 x 1 at 400.
     */
    static MarketTape tape() {
        return MarketTape.builder(List.of(AAA))
                .mid(0, 0, 100.00).mid(0, 100, 100.10).mid(0, 300, 100.20)
                .trade(0, 50, 100.05, 2).trade(0, 150, 100.10, 3).trade(0, 250, 100.20, 5).trade(0, 400, 100.30, 1)
                .build();
    }

    /** BUY 10, decided at 0, arrived at 100 (mid 100.10), 4 @ 100.12 taker (fee 0.2) at 150, 2 @ 100.15 maker
     *  (rebate 0.01) at 250, cancelled at 350 with 4 unfilled. */
    static ParentOrder partlyFilledBuy() {
        return new ParentOrder("s", 1, 0, AAA.id(), Side.BUY, 10, 1.0, 0, 100, 100.10, 350, List.of(
                new ParentOrder.ChildFill(100.12, 4, 0.2, Liquidity.TAKER, 150),
                new ParentOrder.ChildFill(100.15, 2, -0.01, Liquidity.MAKER, 250)));
    }

    @Test
    void tapeAnswersMidVwapAndTwapOverIntervals() {
        MarketTape t = tape();
        assertThat(t.midAt(0, -1)).isNaN();
        assertThat(t.midAt(0, 99)).isEqualTo(100.00);
        assertThat(t.midAt(0, 100)).isEqualTo(100.10);
        assertThat(t.midBefore(0, 100)).isEqualTo(100.00);
        // [100, 250]: 100.10 x 3 + 100.20 x 5 = 801.30 over 8 lots.
        assertThat(t.vwap(0, 100, 250)).isCloseTo(100.1625, within(EPS));
        assertThat(t.vwap(0, 260, 390)).isNaN();
        // [0, 400]: 100.00 for 100 ns, 100.10 for 200, 100.20 for 100 -> (10000 + 20020 + 10020) / 400 = 100.10.
        assertThat(t.twapOfMid(0, 0, 400)).isCloseTo(100.10, within(EPS));
        assertThat(t.twapOfMid(0, 150, 150)).isEqualTo(100.10);
        assertThat(t.tradedQty(0, 0, 1000)).isEqualTo(11.0);
    }

    @Test
    void partlyFilledBuyHasPeroldShortfallWithItsFourParts() {
        OrderExecution o = ExecutionQuality.measure(partlyFilledBuy(), tape());
        // F = 6, sum p q = 4 x 100.12 + 2 x 100.15 = 400.48 + 200.30 = 600.78, avg = 100.13; fees 0.2 - 0.01 = 0.19.
        assertThat(o.filledQty()).isEqualTo(6.0);
        assertThat(o.avgFillPrice()).isCloseTo(100.13, within(EPS));
        assertThat(o.fees()).isCloseTo(0.19, within(EPS));
        assertThat(o.decisionPrice()).isEqualTo(100.00);
        assertThat(o.endMid()).isEqualTo(100.20);
        // arrival: (100.13 - 100.10) / 100.10 x 1e4 = 2.997002997 bps
        assertThat(o.slippageVsArrivalBps()).isCloseTo(0.03 / 100.10 * 1e4, within(EPS));
        // VWAP [100, 250] = 100.1625: (100.13 - 100.1625) / 100.1625 x 1e4 = -3.2447... bps (beat the VWAP)
        assertThat(o.intervalVwap()).isCloseTo(100.1625, within(EPS));
        assertThat(o.slippageVsVwapBps()).isCloseTo(-0.0325 / 100.1625 * 1e4, within(EPS));
        // TWAP [100, 250] = 100.10 (the mid does not move in the interval)
        assertThat(o.intervalTwap()).isCloseTo(100.10, within(EPS));
        assertThat(o.slippageVsTwapBps()).isCloseTo(0.03 / 100.10 * 1e4, within(EPS));
        // delay 6 x (100.10 - 100.00) = 0.6; trading 600.78 - 6 x 100.10 = 0.18; opportunity 4 x (100.20 - 100) = 0.8
        assertThat(o.delayCost()).isCloseTo(0.6, within(EPS));
        assertThat(o.tradingCost()).isCloseTo(0.18, within(EPS));
        assertThat(o.opportunityCost()).isCloseTo(0.8, within(EPS));
        // IS = (600.78 - 600) + 0.19 + 0.8 = 1.77 = 0.6 + 0.18 + 0.19 + 0.8; over 10 x 100.00 -> 17.7 bps
        assertThat(o.implementationShortfall()).isCloseTo(1.77, within(EPS));
        assertThat(o.implementationShortfallBps()).isCloseTo(17.7, within(EPS));
    }

    @Test
    void sellSlippageIsPositiveWhenSoldBelowTheBenchmark() {
        // SELL 5 decided and arrived at 300 (mid 100.20), filled 5 @ 100.18 at 400, fee 0.05.
        ParentOrder sell = new ParentOrder("s", 2, 0, AAA.id(), Side.SELL, 5, 1.0, 300, 300, 100.20, 400,
                List.of(new ParentOrder.ChildFill(100.18, 5, 0.05, Liquidity.TAKER, 400)));
        OrderExecution o = ExecutionQuality.measure(sell, tape());
        // -(100.18 - 100.20) / 100.20 x 1e4 = 1.996007984 bps
        assertThat(o.slippageVsArrivalBps()).isCloseTo(0.02 / 100.20 * 1e4, within(EPS));
        // VWAP [300, 400] = 100.30 (one trade): -(100.18 - 100.30) / 100.30 x 1e4 = 11.964 bps
        assertThat(o.slippageVsVwapBps()).isCloseTo(0.12 / 100.30 * 1e4, within(EPS));
        // IS = -(500.90 - 501.00) + 0.05 = 0.15; over 5 x 100.20 -> 2.994 bps; nothing left unfilled
        assertThat(o.opportunityCost()).isZero();
        assertThat(o.implementationShortfall()).isCloseTo(0.15, within(EPS));
        assertThat(o.implementationShortfallBps()).isCloseTo(0.15 / 501.0 * 1e4, within(EPS));
    }

    @Test
    void eachFillIsMeasuredAgainstTheMidItMetAndTheVwapSinceArrival() {
        List<FillExecution> f = ExecutionQuality.measureFills(partlyFilledBuy(), tape());
        assertThat(f).hasSize(2);
        // fill 1 at 150: mid before 100.10 -> (100.12 - 100.10) / 100.10 x 1e4; VWAP [100, 150] = 100.10;
        // fee 0.2 / (100.12 x 4) x 1e4 = 4.994 bps
        assertThat(f.get(0).midBeforeFill()).isEqualTo(100.10);
        assertThat(f.get(0).slippageVsMidBps()).isCloseTo(0.02 / 100.10 * 1e4, within(EPS));
        assertThat(f.get(0).slippageVsVwapBps()).isCloseTo(0.02 / 100.10 * 1e4, within(EPS));
        assertThat(f.get(0).feeBps()).isCloseTo(0.2 / 400.48 * 1e4, within(EPS));
        // fill 2 at 250: VWAP [100, 250] = 100.1625 -> (100.15 - 100.1625) / 100.1625 x 1e4; a rebate is negative bps
        assertThat(f.get(1).slippageVsVwapBps()).isCloseTo(-0.0125 / 100.1625 * 1e4, within(EPS));
        assertThat(f.get(1).feeBps()).isCloseTo(-0.01 / 200.30 * 1e4, within(EPS));
        assertThat(f.get(1).slippageVsArrivalBps()).isCloseTo(0.05 / 100.10 * 1e4, within(EPS));
    }

    @Test
    void summaryWeightsSlippageByNotionalAndSumsShortfall() {
        ParentOrder sell = new ParentOrder("s", 2, 0, AAA.id(), Side.SELL, 5, 1.0, 300, 300, 100.20, 400,
                List.of(new ParentOrder.ChildFill(100.18, 5, 0.05, Liquidity.TAKER, 400)));
        ExecutionQuality q = ExecutionQuality.of(List.of(partlyFilledBuy(), sell), tape());
        ExecutionSummary s = q.summaries().get(0);
        assertThat(s.symbol()).isEqualTo(AAA.id());
        assertThat(q.summaries().get(1).symbol()).isEqualTo("*");
        assertThat(s.orders()).isEqualTo(2);
        assertThat(s.fills()).isEqualTo(3);
        // notional 600.78 and 500.90; IS 1.77 + 0.15 = 1.92 over paper 1000 + 501 -> 12.7915 bps
        double wArrival = (0.03 / 100.10 * 1e4 * 600.78 + 0.02 / 100.20 * 1e4 * 500.90) / (600.78 + 500.90);
        assertThat(s.slippageVsArrivalBps()).isCloseTo(wArrival, within(EPS));
        assertThat(s.implementationShortfall()).isCloseTo(1.92, within(EPS));
        assertThat(s.implementationShortfallBps()).isCloseTo(1.92 / 1501.0 * 1e4, within(EPS));
        assertThat(q.ordersTable().rowCount()).isEqualTo(2);
        assertThat(q.fillsTable().rowCount()).isEqualTo(3);
        assertThat(q.summaryTable().doubleColumn("implementation_shortfall").get(0)).isCloseTo(1.92, within(EPS));
    }

    @Test
    void backtestMakerFillIsMeasuredFromTheResultAndTheReplayedTape() {
        // The README's run: bid 100.00 x 10, ask 100.02 x 10 at 1,000; our buy 2 @ 100.00 arrives at 1,300 (mid
        // 100.01) behind 10 lots; a print of 12 at 100.00 at 5,000 fills it as maker with a 0.5 bps rebate.
        EventBatch events = new EventBatch(16);
        events.addDepth(0, 1_000, 1_200, Side.BUY, 100.00, 10);
        events.addDepth(0, 1_000, 1_200, Side.SELL, 100.02, 10);
        events.addTrade(0, 5_000, 5_200, Side.SELL, 100.00, 12);
        events.addDepth(0, 5_000, 5_200, Side.BUY, 100.00, 0);
        Strategy buyer = new Strategy() {
            @Override
            public void onStart(StrategyContext ctx) {
                ctx.submitLimit(0, Side.BUY, 100.00, 2, TimeInForce.GTC);
            }
        };
        InMemoryEventSource source = new InMemoryEventSource(List.of(AAA), events);
        BacktestResult result = Backtest.builder().source(source)
                .exchange(ExchangeSettings.builder(AAA).latency(new ConstantLatency(100, 100))
                        .queue(RiskAverseQueue.INSTANCE).fees(new BpsFees(-0.5, 2.0)).build())
                .strategy("buyer", buyer).build().run();
        source.rewind();
        ExecutionQuality q = ExecutionQuality.of(result, MarketTape.of(source));
        OrderExecution o = q.orders().get(0);
        assertThat(o.arrivalTs()).isEqualTo(1_300);
        assertThat(o.arrivalMid()).isCloseTo(100.01, within(EPS));
        // (100.00 - 100.01) / 100.01 x 1e4 = -0.9999 bps: the maker bought below the arrival mid
        assertThat(o.slippageVsArrivalBps()).isCloseTo(-0.01 / 100.01 * 1e4, within(EPS));
        // the only print in [1,300, 5,000] is 100.00: 0 bps against VWAP
        assertThat(o.slippageVsVwapBps()).isCloseTo(0.0, within(EPS));
        // fee -0.5 bps of 200.00 = -0.01; decided at 1,200 (mid 100.01): IS = 2 x (100.00 - 100.01) - 0.01 = -0.03
        assertThat(o.fees()).isCloseTo(-0.01, within(EPS));
        assertThat(o.implementationShortfall()).isCloseTo(-0.03, within(EPS));
        assertThat(q.fills().get(0).liquidity()).isEqualTo(Liquidity.MAKER);
        assertThat(q.fills().get(0).feeBps()).isCloseTo(-0.5, within(EPS));
    }

    @Test
    void badInputNamesTheOrderAndField() {
        assertThatThrownBy(() -> new ParentOrder("s", 9, 0, AAA.id(), Side.BUY, 0, 1.0, 0, 0, 100, 0, List.of()))
                .hasMessageContaining("parent order 9 of s: qty = 0.0");
        assertThatThrownBy(() -> new ParentOrder.ChildFill(-1, 1, 0, Liquidity.MAKER, 7))
                .hasMessageContaining("fill at 7: price = -1.0");
        assertThatThrownBy(() -> MarketTape.builder(List.of(AAA)).trade(0, 10, 100, 1).trade(0, 5, 100, 1))
                .hasMessageContaining("at 5 is earlier than the previous one at 10");
        assertThatThrownBy(() -> tape().twapOfMid(0, 10, 5)).hasMessageContaining("ends before it starts");
    }
}
