package io.qtrade.risk.stops;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.Liquidity;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.risk.RiskActions;
import io.qtrade.risk.RiskDecision;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StopLossTest {

    private static final Instrument FUT = new Instrument("FUT", "SYN", 0.5, 1, 10);
    private static final OrderRequest ORDER = OrderRequest.limit(FUT, Side.BUY, 100, 1);

    private final List<String> stopped = new ArrayList<>();
    private final RiskActions engine = new RiskActions() {
        @Override
        public void cancelAllOrders(String reason, long nowNanos) {
            stopped.add("all");
        }

        @Override
        public void stopStrategy(String strategyId, String reason, long nowNanos) {
            stopped.add(strategyId + "@" + nowNanos);
        }

        @Override
        public void reducePosition(String strategyId, io.qtrade.core.Instrument instrument, double qty, String reason,
                                   long nowNanos) {
            throw new AssertionError("not expected here: reduce " + strategyId + " " + instrument + " " + qty);
        }
    };

    private static Portfolio shortTwo() {
        Portfolio p = new Portfolio(0);
        p.apply(new Fill(1, FUT, Side.SELL, 100, 2, 1.0, Liquidity.TAKER, 0, 0));   // short 2 x 10 at 100, fee 1
        return p;
    }

    @Test
    void aPositionStopTripsAboveTheLossAtTheMidAndBlocksTheStrategyUntilReset() {
        StopLoss stop = StopLoss.perPosition(100);
        stop.bind(engine);
        Portfolio p = shortTwo();
        stop.onFill("s", null, p, 0);
        // Short 2 x 10: unrealized = (100 - mid) * 20. Mid 105 -> -100 (at the limit), 105.5 -> -110.
        stop.onMarketData(FUT, 104.5, 1);
        stop.onMarketData(FUT, 105, 2);
        assertThat(stopped).isEmpty();
        assertThat(stop.check("s", ORDER, p, 2)).isSameAs(RiskDecision.ACCEPT);
        stop.onMarketData(FUT, 105.5, 3);
        assertThat(stopped).containsExactly("s@3");
        assertThat(stop.check("s", ORDER, p, 4).reason()).isEqualTo("STOP_LOSS: strategy s stopped at 3: position FUT@SYN"
                + " qty -2.0 entry 100.0 at 105.5: unrealized loss 110.0 > limit 100.0");
        assertThat(stop.check("other", ORDER, p, 4)).isSameAs(RiskDecision.ACCEPT);
        stop.onMarketData(FUT, 200, 5);                    // already stopped: not stopped twice
        assertThat(stopped).hasSize(1);
        assertThat(stop.reset("s")).isTrue();
        assertThat(stop.check("s", ORDER, p, 6)).isSameAs(RiskDecision.ACCEPT);
    }

    @Test
    void aStrategyStopCountsRealizedUnrealizedAndFees() {
        StopLoss stop = StopLoss.perStrategy(51);
        stop.bind(engine);
        Portfolio p = shortTwo();
        p.mark(FUT, 102.5);                                // unrealized (100 - 102.5) * 20 = -50, fee 1: -51, at
        stop.onMark("s", p, 10);
        assertThat(stopped).isEmpty();
        p.mark(FUT, 102.75);                               // -55 - 1 = -56
        stop.onMark("s", p, 20);
        assertThat(stopped).containsExactly("s@20");
        assertThat(stop.stops().get(0).reason()).isEqualTo("net loss 56.0 > limit 51.0");
        assertThat(stop.needsMarketData()).isFalse();
        assertThatThrownBy(() -> StopLoss.of(StopLoss.NO_LIMIT, StopLoss.NO_LIMIT))
                .hasMessageContaining("set maxLossPerPosition or maxLossPerStrategy");
        assertThatThrownBy(() -> StopLoss.perStrategy(-1))
                .hasMessage("stop loss: maxLossPerStrategy must be > 0 or NO_LIMIT, was -1.0");
    }
}
