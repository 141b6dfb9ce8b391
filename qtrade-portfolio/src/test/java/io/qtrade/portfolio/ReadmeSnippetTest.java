package io.qtrade.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.qtrade.portfolio.covariance.LedoitWolf;
import io.qtrade.portfolio.hrp.HierarchicalRiskParity;
import io.qtrade.portfolio.optimize.MeanVarianceOptimizer;
import io.qtrade.portfolio.optimize.OptimalPortfolio;
import io.qtrade.portfolio.optimize.PortfolioConstraints;
import io.qtrade.portfolio.returns.HistoricalMean;
import io.qtrade.portfolio.riskparity.RiskBudgeting;
import org.junit.jupiter.api.Test;

/** The README's first snippet, run as written (between the markers). */
class ReadmeSnippetTest {

    @Test
    void readmeSnippetRuns() {
        double[][] returns = RefCases.returns("dj10_1999_2000"); // T x N daily returns, rows are dates
        // README-BEGIN
        double[][] cov = LedoitWolf.INSTANCE.estimate(returns);
        double[] mu = HistoricalMean.INSTANCE.estimate(returns);
        int n = mu.length;
        PortfolioConstraints limits = PortfolioConstraints.builder(n).bounds(0.0, 0.2)   // long-only, <= 20% each
                .group("industrials", new int[] {0, 2, 3}, 0.0, 0.4)                     // AA + BA + CAT <= 40%
                .build();
        MeanVarianceOptimizer mv = MeanVarianceOptimizer.of(cov, mu, 0.0002, limits);  // rf 0.02% per day
        OptimalPortfolio gmv = mv.minimumVariance();
        OptimalPortfolio tangency = mv.maximumSharpe();
        double[] erc = RiskBudgeting.equalRiskContribution(cov).weights();
        double[] hrp = HierarchicalRiskParity.SINGLE.allocate(cov).weights();
        // README-END
        assertThat(gmv.volatility()).isLessThan(tangency.volatility());
        assertThat(tangency.sharpeRatio()).isGreaterThan(gmv.sharpeRatio());
        assertThat(gmv.weight(0) + gmv.weight(2) + gmv.weight(3)).isLessThanOrEqualTo(0.4 + 1e-12);
        double se = 0.0;
        double sh = 0.0;
        for (int i = 0; i < n; i++) {
            se += erc[i];
            sh += hrp[i];
        }
        assertThat(se).isCloseTo(1.0, offset(1e-12));
        assertThat(sh).isCloseTo(1.0, offset(1e-12));
    }
}
