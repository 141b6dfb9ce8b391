package io.qtrade.bars;

import io.qtrade.bars.cost.UsEquityCommission;
import io.qtrade.bars.cost.VolumeShareSlippage;
import io.qtrade.bars.order.BarOrder;
import io.qtrade.bars.order.Rebalance;
import io.qtrade.bars.synthetic.SyntheticEquityMarket;
import io.qtrade.core.Side;
import io.qtrade.core.order.Fill;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BarEngineDeterminismTest {

    /** Monthly-ish rebalancing into the cheapest third plus a stop and a limit on the first symbol. */
    private static TestBars.Scripted strategy() {
        return new TestBars.Scripted((n, c, bars) -> {
            if (n % 21 == 0) {
                double[] w = new double[c.instruments().size()];
                for (int k = 0; k < bars.size(); k++) {
                    if (bars.close(k) < 100) {
                        w[bars.instrument(k)] = 0.02;
                    }
                }
                c.rebalanceToWeights(w, Rebalance.NEXT_OPEN);
            }
            if (n == 5 && bars.has(0)) {
                c.submit(BarOrder.stop(0, Side.SELL, 10, bars.close(bars.rowOf(0)) * 0.97));
                c.submit(BarOrder.limit(0, Side.BUY, 10, bars.close(bars.rowOf(0)) * 0.98));
            }
        });
    }

    private static List<Fill> run() {
        SyntheticEquityMarket m = SyntheticEquityMarket.of(30, 300, 21);
        TestBars.Scripted s = strategy();
        BarBacktest.builder().source(m).universe(m.universe()).strategy("s", s)
                .commission(UsEquityCommission.IBKR_FIXED).slippage(new VolumeShareSlippage(0.01, 0.1))
                .build().run();
        return s.fills;
    }

    @Test
    void sameInputsGiveTheSameFillsToTheBit() {
        List<Fill> a = run();
        List<Fill> b = run();
        assertThat(a).hasSizeGreaterThan(50);
        assertThat(b).hasSameSizeAs(a);
        for (int k = 0; k < a.size(); k++) {
            assertThat(Double.doubleToRawLongBits(b.get(k).price()))
                    .isEqualTo(Double.doubleToRawLongBits(a.get(k).price()));
            assertThat(Double.doubleToRawLongBits(b.get(k).qty())).isEqualTo(Double.doubleToRawLongBits(a.get(k).qty()));
            assertThat(Double.doubleToRawLongBits(b.get(k).fee())).isEqualTo(Double.doubleToRawLongBits(a.get(k).fee()));
            assertThat(b.get(k).exchTs()).isEqualTo(a.get(k).exchTs());
            assertThat(b.get(k).orderId()).isEqualTo(a.get(k).orderId());
        }
    }
}
