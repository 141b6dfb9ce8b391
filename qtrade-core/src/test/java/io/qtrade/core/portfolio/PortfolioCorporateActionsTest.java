package io.qtrade.core.portfolio;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.Liquidity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PortfolioCorporateActionsTest {

    private static final Instrument A = Instrument.spot("A", "X", 0.01, 1);

    @Test
    void splitKeepsCostAndEquityAndCashFlowCountsInNetPnl() {
        Portfolio p = new Portfolio(10_000);
        p.apply(new Fill(1, A, Side.BUY, 100, 10, 1, Liquidity.TAKER, 0, 0));
        p.mark(A, 110);
        double before = p.equity(); // 10000 - 1000 - 1 + 1100 = 10099
        assertThat(before).isEqualTo(10_099.0);
        p.split(A, 2);
        assertThat(p.position(A).qty()).isEqualTo(20.0);
        assertThat(p.position(A).avgEntryPrice()).isEqualTo(50.0);
        assertThat(p.markPrice(A)).isEqualTo(55.0);
        assertThat(p.equity()).isEqualTo(before);
        p.applyCashFlow(20 * 0.5); // a 0.50 dividend on 20 shares
        assertThat(p.otherCash()).isEqualTo(10.0);
        assertThat(p.cash()).isEqualTo(9_009.0);
        // equity - initialCash == realized + unrealized - fees + otherCash: 109 == 0 + 100 - 1 + 10
        assertThat(p.netPnl()).isCloseTo(p.equity() - p.initialCash(), within(1e-9));
        assertThat(p.netPnl()).isEqualTo(109.0);
    }
}
