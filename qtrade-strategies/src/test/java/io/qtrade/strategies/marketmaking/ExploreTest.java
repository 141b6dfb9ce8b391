package io.qtrade.strategies.marketmaking;

import io.qtrade.backtest.BacktestResult;
import org.junit.jupiter.api.Test;

class ExploreTest {
    @Test
    void explore() {
        for (double gamma : new double[] {0.1, 1, 10, 100}) {
            MarketMaker mm = MarketMakingRuns.estimatingMaker(new AvellanedaStoikov(gamma), 20).build();
            CheckedStrategy c = new CheckedStrategy(mm);
            long t0 = System.nanoTime();
            BacktestResult r = MarketMakingRuns.run(c, 300_000, 7);
            System.out.printf("gamma %s: %.2fs sigma %.5f k %.2f A %.3f orders %d fills %d pnl %.3f meanAbsQ %.3f ac10 %.3f ac60 %.3f max %.1f viol %d paused %d/%d samples %d%n",
                gamma, (System.nanoTime() - t0) / 1e9, mm.sigma(), mm.k(), mm.a(), mm.ordersSent(), r.fillRecords().size(),
                r.portfolio("mm").netPnl(), MarketMakingRuns.meanAbs(c.inventory),
                MarketMakingRuns.autocorrelation(c.inventory, 10), MarketMakingRuns.autocorrelation(c.inventory, 60),
                c.maxAbsPosition, c.violations.size(), mm.pausedEvaluations(), mm.evaluations(), mm.samples());
            if (!c.violations.isEmpty()) System.out.println(c.violations.subList(0, Math.min(5, c.violations.size())));
        }
    }
}
