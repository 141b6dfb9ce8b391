package io.qtrade.risk.margin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qtrade.core.ContractSpec;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.margin.LeverageBrackets;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.Liquidity;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.risk.RiskActions;
import io.qtrade.risk.RiskDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarginLimitsTest {

    static final Instrument BTCUSDT = new Instrument("BTCUSDT", "BINANCE", 0.1, 0.001, 1.0)
            .withContract(ContractSpec.linearPerpetual("USDT", ContractSpec.EIGHT_HOURS));
    /** Binance's FAQ example table for BTCUSDT: 0-50k 0.4 % cum 0, 50k-250k 0.5 % cum 50, 250k-1M 1 % cum 1,300. */
    static final LeverageBrackets FAQ = LeverageBrackets.fromFloors(new double[] {0, 50_000, 250_000},
            new double[] {0.004, 0.005, 0.01}, new double[] {125, 100, 50}, 1_000_000);

    /** 1,000 USDT of equity and a long of 1 BTC bought at 40,000. */
    static Portfolio longOneBtc() {
        Portfolio p = new Portfolio(1_000);
        p.apply(new Fill(1, BTCUSDT, Side.BUY, 40_000, 1, 0, Liquidity.TAKER, 0, 0));
        return p;
    }

    @Test
    void maxLeverageBoundsGrossNotionalOverEquity() {
        Portfolio p = longOneBtc();
        MaxLeverage limit = new MaxLeverage(50);
        limit.onMarketData(BTCUSDT, 40_000, 0);
        // now 40,000 / 1,000 = 40x; +0.2 BTC -> 48,000 / 1,000 = 48x passes, +0.3 -> 52x is refused
        assertThat(limit.check("s", OrderRequest.limit(BTCUSDT, Side.BUY, 40_000, 0.2), p, 0).accepted()).isTrue();
        RiskDecision no = limit.check("s", OrderRequest.limit(BTCUSDT, Side.BUY, 40_000, 0.3), p, 0);
        assertThat(no.accepted()).isFalse();
        assertThat(no.reasonCode()).isEqualTo(MaxLeverage.REASON_CODE);
        assertThat(no.message()).contains("leverage would reach 52.0", "limit 50.0", "equity 1000.0");
        assertThat(limit.check("s", OrderRequest.market(BTCUSDT, Side.SELL, 0.5), p, 0).accepted()).isTrue();
    }

    @Test
    void maxMarginUsageBoundsTheMarginRatio() {
        Portfolio p = longOneBtc();
        MaxMarginUsage limit = new MaxMarginUsage(0.5, Map.of(BTCUSDT, FAQ));
        limit.onMarketData(BTCUSDT, 40_000, 0);
        // 1.2 BTC: 48,000 * 0.4 % = 192 / 1,000 = 0.192; 1.25 BTC: 50,000 is bracket 2: 50,000 * 0.5 % - 50 = 200
        assertThat(limit.check("s", OrderRequest.limit(BTCUSDT, Side.BUY, 40_000, 0.2), p, 0).accepted()).isTrue();
        // 3 BTC: 120,000 * 0.5 % - 50 = 550 / 1,000 = 0.55 > 0.5
        RiskDecision no = limit.check("s", OrderRequest.limit(BTCUSDT, Side.BUY, 40_000, 2), p, 0);
        assertThat(no.accepted()).isFalse();
        assertThat(no.message()).contains("margin ratio would reach 0.55", "maintenance margin 550.0");
    }

    @Test
    void breakerStopsTheStrategyBeforeLiquidation() {
        Portfolio p = longOneBtc();
        MarginRatioBreaker breaker = new MarginRatioBreaker(0.3, Map.of(BTCUSDT, FAQ));
        List<String> stops = new ArrayList<>();
        breaker.bind(new RiskActions() {
            @Override
            public void cancelAllOrders(String reason, long nowNanos) {
            }

            @Override
            public void stopStrategy(String strategyId, String reason, long nowNanos) {
                stops.add(strategyId + ": " + reason);
            }

            @Override
            public void reducePosition(String strategyId, io.qtrade.core.Instrument instrument, double qty, String reason,
                                       long nowNanos) {
                throw new AssertionError("not expected here: reduce " + strategyId + " " + instrument + " " + qty);
            }
        });
        breaker.onMark("s", p, 1);
        breaker.onMarketData(BTCUSDT, 40_000, 2);
        assertThat(breaker.marginRatio(p)).isCloseTo(160.0 / 1_000, within(1e-12));
        assertThat(stops).isEmpty();
        // at 39,500: equity 500, MM 158: ratio 0.316 >= 0.3 (Binance would liquidate at ratio 1: about 39,000)
        breaker.onMarketData(BTCUSDT, 39_500, 3);
        assertThat(stops).containsExactly("s: margin ratio 0.316 >= trigger 0.3");
        breaker.onMarketData(BTCUSDT, 39_400, 4);
        assertThat(stops).hasSize(1);
        assertThat(breaker.check("s", OrderRequest.limit(BTCUSDT, Side.BUY, 39_400, 0.1), p, 5).accepted()).isFalse();
        assertThat(breaker.check("s", OrderRequest.market(BTCUSDT, Side.SELL, 1), p, 5).accepted()).isTrue();
        breaker.onMarketData(BTCUSDT, 40_000, 6);
        assertThat(breaker.check("s", OrderRequest.limit(BTCUSDT, Side.BUY, 40_000, 0.1), p, 7).accepted()).isTrue();
        assertThat(breaker.trips()).hasSize(1);
    }

    /** Records the reductions a breaker asks for. */
    static final class Reductions implements RiskActions {
        final List<String> calls = new ArrayList<>();

        @Override
        public void cancelAllOrders(String reason, long nowNanos) {
            calls.add("cancelAll");
        }

        @Override
        public void stopStrategy(String strategyId, String reason, long nowNanos) {
            calls.add("stop " + strategyId);
        }

        @Override
        public void reducePosition(String strategyId, Instrument instrument, double qty, String reason, long nowNanos) {
            calls.add("reduce " + strategyId + " " + instrument.symbol() + " " + qty + " @" + nowNanos);
        }
    }

    /**
     * REDUCE instead of STOP, on the long of 1 BTC at 40,000 with 1,000 of cash: at 39,500 the ratio is 158 / 500 =
     * 0.316 >= 0.3. A fraction of 0.25 closes 0.25 BTC; a target ratio of 0.1 closes f with 158 (1 - f) <= 0.1 x 500,
     * f >= 0.6835443, 0.684 BTC on the 0.001 lot (rounded up). Re-armed once the ratio is back below the trigger.
     */
    @Test
    void breakerReducesByAFractionOrDownToATargetRatio() {
        Portfolio p = longOneBtc();
        MarginRatioBreaker byFraction = MarginRatioBreaker.reducing(0.3, Map.of(BTCUSDT, FAQ),
                MarginRatioBreaker.Reduction.fraction(0.25));
        Reductions calls = new Reductions();
        byFraction.bind(calls);
        byFraction.onMark("s", p, 1);
        byFraction.onMarketData(BTCUSDT, 39_500, 3);
        assertThat(calls.calls).containsExactly("reduce s BTCUSDT 0.25 @3");
        byFraction.onMarketData(BTCUSDT, 39_400, 4);
        assertThat(calls.calls).hasSize(1);
        assertThat(byFraction.check("s", OrderRequest.limit(BTCUSDT, Side.BUY, 39_400, 0.1), p, 5).accepted())
                .isFalse();

        MarginRatioBreaker toTarget = MarginRatioBreaker.reducing(0.3, Map.of(BTCUSDT, FAQ),
                MarginRatioBreaker.Reduction.toMarginRatio(0.1));
        Reductions calls2 = new Reductions();
        toTarget.bind(calls2);
        toTarget.onMark("s", p, 1);
        toTarget.onMarketData(BTCUSDT, 39_500, 3);
        assertThat(toTarget.reductionFraction(p)).isCloseTo(1 - 50.0 / 158, within(1e-12));
        assertThat(calls2.calls).hasSize(1);
        assertThat(calls2.calls.get(0)).startsWith("reduce s BTCUSDT 0.684");
        assertThat(toTarget.reductions().get(0).qty()).isCloseTo(0.684, within(1e-12));
        assertThat(toTarget.reductions().get(0).marginRatio()).isCloseTo(0.316, within(1e-12));
        // the position is reduced (as the engine would), the mid recovers: below the trigger, re-armed
        p.apply(new Fill(2, BTCUSDT, Side.SELL, 39_500, 0.684, 0, Liquidity.TAKER, 4, 4));
        toTarget.onMarketData(BTCUSDT, 39_500, 5);
        assertThat(toTarget.marginRatio(p)).isCloseTo(39_500 * 0.316 * 0.004 / 500, within(1e-9));
        assertThat(toTarget.check("s", OrderRequest.limit(BTCUSDT, Side.BUY, 39_500, 0.01), p, 6).accepted())
                .isTrue();
    }

    /**
     * REDUCE_THEN_STOP: reduce at the trigger 0.3 (39,500: 0.316), stop at 0.5 if the ratio goes on: at 39,300 the
     * unreduced long has equity 300 and MM 39,300 x 0.004 = 157.2, ratio 0.524.
     */
    @Test
    void reduceThenStopReducesAtTheTriggerAndStopsAtTheStopRatio() {
        Portfolio p = longOneBtc();
        MarginRatioBreaker breaker = new MarginRatioBreaker(0.3, Map.of(BTCUSDT, FAQ),
                MarginRatioBreaker.Action.REDUCE_THEN_STOP, MarginRatioBreaker.Reduction.fraction(0.25), 0.5);
        Reductions calls = new Reductions();
        breaker.bind(calls);
        breaker.onMark("s", p, 1);
        breaker.onMarketData(BTCUSDT, 39_500, 3);
        assertThat(calls.calls).containsExactly("reduce s BTCUSDT 0.25 @3");
        breaker.onMarketData(BTCUSDT, 39_400, 4);
        assertThat(calls.calls).hasSize(1);
        breaker.onMarketData(BTCUSDT, 39_300, 5);
        assertThat(breaker.marginRatio(p)).isCloseTo(157.2 / 300, within(1e-12));
        assertThat(calls.calls).containsExactly("reduce s BTCUSDT 0.25 @3", "stop s");
        breaker.onMarketData(BTCUSDT, 39_200, 6);
        assertThat(calls.calls).hasSize(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MarginRatioBreaker(0.3, Map.of(BTCUSDT, FAQ),
                MarginRatioBreaker.Action.REDUCE_THEN_STOP, MarginRatioBreaker.Reduction.fraction(0.25), 0.2))
                .hasMessageContaining("needs a stopRatio in (triggerRatio 0.3, 1), was 0.2");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MarginRatioBreaker(0.3, Map.of(BTCUSDT, FAQ),
                MarginRatioBreaker.Action.REDUCE, MarginRatioBreaker.Reduction.fraction(0.25), 0.5))
                .hasMessageContaining("only action REDUCE_THEN_STOP takes a stopRatio");
    }

    @Test
    void readmeGateRejectsByTheFirstLimitItBreaks() {
        Instrument btcusdt = BTCUSDT;
        LeverageBrackets brackets = FAQ;
        io.qtrade.risk.RiskGate gate = io.qtrade.risk.PreTradeRiskGate.of(
                new MaxLeverage(10),
                new MaxMarginUsage(0.5, Map.of(btcusdt, brackets)),
                new MarginRatioBreaker(0.3, Map.of(btcusdt, brackets)));
        gate.onMarketData(btcusdt, 40_000, 0);
        // 1 BTC on 1,000 of equity is already 40x: adding is refused by MaxLeverage first
        RiskDecision d = gate.check("s", OrderRequest.limit(btcusdt, Side.BUY, 40_000, 0.1), longOneBtc(), 0);
        assertThat(d.reasonCode()).isEqualTo(MaxLeverage.REASON_CODE);
    }
}
