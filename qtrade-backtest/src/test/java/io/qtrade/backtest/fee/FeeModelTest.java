package io.qtrade.backtest.fee;

import io.qtrade.core.Instrument;
import io.qtrade.core.order.Liquidity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FeeModelTest {

    private static final Instrument FUT = new Instrument("ES", "CME", 0.25, 1, 50);

    @Test
    void bpsFeesScaleWithNotionalAndAllowAMakerRebate() {
        BpsFees fees = new BpsFees(-0.5, 2.0);
        // notional = 4000 * 3 * 50 = 600,000; taker 2 bps = 120; maker -0.5 bps = -30.
        assertThat(fees.fee(FUT, Liquidity.TAKER, 4000, 3)).isCloseTo(120.0, within(1e-9));
        assertThat(fees.fee(FUT, Liquidity.MAKER, 4000, 3)).isCloseTo(-30.0, within(1e-9));
        assertThat(fees).hasToString("BpsFees[makerFeeBps=-0.5, takerFeeBps=2.0]");
    }

    @Test
    void perContractFeesScaleWithQuantityOnly() {
        PerContractFees fees = new PerContractFees(0.25, 1.10);
        assertThat(fees.fee(FUT, Liquidity.TAKER, 4000, 3)).isCloseTo(3.30, within(1e-12));
        assertThat(fees.fee(FUT, Liquidity.MAKER, 1, 3)).isCloseTo(0.75, within(1e-12));
    }
}
