package io.qtrade.bars;

import io.qtrade.bars.cost.FixedBpsSlippage;
import io.qtrade.bars.cost.UsEquityCommission;
import io.qtrade.bars.order.Rebalance;
import io.qtrade.bars.synthetic.SyntheticEquityMarket;
import io.qtrade.core.bar.BarSlice;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;
import io.qtrade.risk.metrics.Conventions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The snippet at the top of qtrade-bars/README.md, run as written. */
class ReadmeSnippetTest {

    @Test
    void readmeSnippetRuns() {
        // --- README snippet start
        SyntheticEquityMarket market = SyntheticEquityMarket.of(20, 504, 7); // 20 symbols, 2 years, seed 7

        Strategy equalWeight = new Strategy() {
            BarContext bars;

            @Override
            public void onStart(StrategyContext context) {
                bars = BarContext.of(context);
            }

            @Override
            public void onBars(BarSlice slice) {               // every bar time: the bars of every listed symbol
                double[] w = new double[bars.instruments().size()];
                for (int k = 0; k < slice.size(); k++) {
                    w[slice.instrument(k)] = 0.95 / slice.size();
                }
                if (bars.nowNanos() / 86_400_000_000_000L % 30 == 0) {
                    bars.rebalanceToWeights(w, Rebalance.NEXT_OPEN); // lot-rounded trades at the next open
                }
            }
        };

        BarResult result = BarBacktest.builder()
                .source(market)
                .universe(market.universe())
                .strategy("equal weight", equalWeight)
                .initialCash(1_000_000)
                .commission(UsEquityCommission.IBKR_FIXED)
                .slippage(new FixedBpsSlippage(5))
                .build().run();

        System.out.println(result.summary(Conventions.DAILY).printAll());
        // --- README snippet end
        var p = result.portfolio("equal weight");
        assertThat(result.backtest().fillCount()).isGreaterThan(50);
        assertThat(p.fees()).isPositive();
        assertThat(p.netPnl()).isCloseTo(p.equity() - 1_000_000, within(1e-6));
        assertThat(result.slices()).isEqualTo(504);
    }
}
