package io.qtrade.core.margin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.Liquidity;
import io.qtrade.core.portfolio.Portfolio;
import org.junit.jupiter.api.Test;

/** A portfolio holding an inverse contract agrees with the margin account (both in the base coin). */
class InversePortfolioTest {

    @Test
    void inversePortfolioMatchesTheMarginAccountInTheBaseCoin() {
        Instrument perp = MarginAccountTest.BTCUSD_PERP;
        Portfolio portfolio = new Portfolio(1.0);
        MarginAccount account = new MarginAccount("BTC", 1.0, 0);
        account.configure(perp, MarginMode.CROSS, 10, LeverageBrackets.flat(0.005, 125));
        double[][] fills = {{40_000, 10}, {50_000, 10}, {45_000, -25}, {42_000, 5}, {47_000, 3}};
        for (double[] f : fills) {
            double fee = perp.settlementNotional(f[0], Math.abs(f[1])) * 5e-4;
            Fill fill = new Fill(1, perp, f[1] > 0 ? Side.BUY : Side.SELL, f[0], Math.abs(f[1]), fee,
                    Liquidity.TAKER, 0, 0);
            portfolio.apply(fill);
            account.apply(fill);
        }
        portfolio.mark(perp, 46_000);
        account.mark(perp, 46_000);
        assertThat(portfolio.position(perp).qty()).isEqualTo(account.position(perp).qty());
        assertThat(portfolio.position(perp).avgEntryPrice()).isCloseTo(account.position(perp).entryPrice(),
                within(1e-9));
        assertThat(portfolio.realizedPnl()).isCloseTo(account.realizedPnl(), within(1e-15));
        assertThat(portfolio.unrealizedPnl()).isCloseTo(account.unrealizedPnl(), within(1e-15));
        assertThat(portfolio.cash()).isCloseTo(account.walletBalance(), within(1e-15));
        assertThat(portfolio.equity()).isCloseTo(account.marginBalance(), within(1e-15));
        assertThat(portfolio.netPnl()).isCloseTo(portfolio.equity() - 1.0, within(1e-15));
    }
}
