package io.qtrade.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.qtrade.bars.BarBacktest;
import io.qtrade.bars.BarContext;
import io.qtrade.bars.BarResult;
import io.qtrade.bars.cost.FixedBpsSlippage;
import io.qtrade.bars.cost.UsEquityCommission;
import io.qtrade.bars.order.Rebalance;
import io.qtrade.bars.synthetic.SyntheticEquityMarket;
import io.qtrade.core.bar.BarInterval;
import io.qtrade.core.bar.BarSlice;
import io.qtrade.core.bar.BarSource;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tech.tablesaw.api.Table;

/**
 * The whole path: daily bars of qtrade-bars' synthetic equity market stored in PostgreSQL, the bar engine run over
 * them read back by {@link PgBarSource}, and its result stored by {@link PgResults}: the run over the database's bars
 * gives the same four tables as the run over the generator's, and those tables read back equal.
 */
@ExtendWith(PgClusterExtension.class)
class PgBarEngineTest {

    /** qtrade-bars' README strategy: equal weights, rebalanced at the next open every 30th day. */
    static Strategy equalWeight() {
        return new Strategy() {
            BarContext bars;

            @Override
            public void onStart(StrategyContext context) {
                bars = BarContext.of(context);
            }

            @Override
            public void onBars(BarSlice slice) {
                double[] w = new double[bars.instruments().size()];
                for (int k = 0; k < slice.size(); k++) {
                    w[slice.instrument(k)] = 0.95 / slice.size();
                }
                if (bars.nowNanos() / 86_400_000_000_000L % 30 == 0) {
                    bars.rebalanceToWeights(w, Rebalance.NEXT_OPEN);
                }
            }
        };
    }

    static BarResult run(BarSource source, SyntheticEquityMarket market) {
        return BarBacktest.builder()
                .source(source)
                .universe(market.universe())
                .strategy("equal weight", equalWeight())
                .initialCash(1_000_000)
                .commission(UsEquityCommission.IBKR_FIXED)
                .slippage(new FixedBpsSlippage(5))
                .build().run();
    }

    @Test
    void theBarEngineOverBarsReadFromPostgresMatchesTheRunOverTheGenerator(PgCluster cluster) throws Exception {
        PgSettings settings = cluster.freshDatabase("engine");
        SyntheticEquityMarket market = SyntheticEquityMarket.of(8, 250, 7);
        BarResult direct = run(market, market);
        SyntheticEquityMarket again = SyntheticEquityMarket.of(8, 250, 7);
        try (Connection c = settings.connect()) {
            long stored = new PgBarSink(c, BarInterval.ONE_DAY, again.instruments()).writeAll(again, 512);
            assertThat(stored).isGreaterThan(1_000);
            BarResult viaPostgres;
            try (PgBarSource source = PgBarSource.open(c, BarInterval.ONE_DAY, again.instruments(), Long.MIN_VALUE,
                    Long.MAX_VALUE, ReadMode.COPY)) {
                viaPostgres = run(source, again);
            }
            assertThat(direct.backtest().fillCount()).isPositive();
            for (Map.Entry<String, Table> t : direct.backtest().tables().entrySet()) {
                PgResultsRoundTripTest.assertSameTable(viaPostgres.backtest().tables().get(t.getKey()),
                        t.getValue());
            }
            PgResults results = new PgResults(c);
            results.write("equal-weight-1", Map.of("symbols", "8", "days", "250", "seed", "7"),
                    viaPostgres.backtest());
            StoredRun run = results.read("equal-weight-1");
            for (Map.Entry<String, Table> t : direct.backtest().tables().entrySet()) {
                PgResultsRoundTripTest.assertSameTable(run.table(t.getKey()), t.getValue());
            }
        }
    }
}
