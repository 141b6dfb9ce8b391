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
