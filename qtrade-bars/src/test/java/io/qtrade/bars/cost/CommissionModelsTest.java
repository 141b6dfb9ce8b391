package io.qtrade.bars.cost;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CommissionModelsTest {

    private static final Instrument S = Instrument.spot("S", "X", 0.01, 1);

    @Test
    void perShareHasAMinimumAndAMaximumPerOrder() {
        PerShareCommission ib = new PerShareCommission(0.005, 1.00, PerShareCommission.NO_MAX, 0.01);
        assertThat(ib.commission(S, Side.BUY, 100, 5_000)).isEqualTo(1.00);          // 0.50 -> minimum 1.00
        assertThat(ib.commission(S, Side.BUY, 1_000, 50_000)).isEqualTo(5.00);       // 0.005 * 1000
        assertThat(ib.commission(S, Side.BUY, 1_000, 300)).isEqualTo(3.00);          // 1% of 300 caps 5.00
        assertThat(ib.commission(S, Side.BUY, 10, 50)).isEqualTo(0.50);              // 1% of 50 below the minimum
        assertThat(new PerShareCommission(0.01, 0, 7.5, PerShareCommission.NO_MAX)
                .commission(S, Side.SELL, 1_000, 1e5)).isEqualTo(7.5);
        assertThat(ib.commission(S, Side.BUY, 0, 0)).isZero();
    }

    @Test
    void bpsAndTieredSchedules() {
        assertThat(new BpsCommission(10, 5).commission(S, Side.BUY, 10, 20_000)).isCloseTo(20.0, within(1e-12));
        assertThat(new BpsCommission(10, 5).commission(S, Side.BUY, 1, 1_000)).isEqualTo(5.0);
        TieredCommission tiers = new TieredCommission(TieredCommission.Basis.SHARES, List.of(
                new TieredCommission.Tier(300, 0.0035), new TieredCommission.Tier(3_000, 0.002),
                new TieredCommission.Tier(Double.POSITIVE_INFINITY, 0.001)), 0.35);
        // 300 * 0.0035 + 2700 * 0.002 + 1000 * 0.001 = 1.05 + 5.4 + 1.0 = 7.45
        assertThat(tiers.commission(S, Side.BUY, 4_000, 1e5)).isCloseTo(7.45, within(1e-12));
        assertThat(tiers.commission(S, Side.BUY, 50, 1e3)).isEqualTo(0.35);          // 0.175 -> minimum
        TieredCommission byNotional = new TieredCommission(TieredCommission.Basis.NOTIONAL, List.of(
                new TieredCommission.Tier(100_000, 10), new TieredCommission.Tier(Double.POSITIVE_INFINITY, 5)), 0);
        // 100,000 * 10 bps + 50,000 * 5 bps = 100 + 25
        assertThat(byNotional.commission(S, Side.SELL, 1, 150_000)).isCloseTo(125.0, within(1e-9));
        assertThatThrownBy(() -> new TieredCommission(TieredCommission.Basis.SHARES,
                List.of(new TieredCommission.Tier(100, 1)), 0)).hasMessageContaining("last tier's upTo must be infinite");
    }

    @Test
    void zerodhaDeliveryChargesOnARoundTripOfOneLakh() {
        // Zerodha's brokerage calculator, equity delivery NSE, buy 1,00,000 and sell 1,00,000 (arithmetic below):
        // STT 0.1% each side = 100 + 100; exchange 0.00297% = 2.97 each; SEBI 10/crore = 0.10 each;
        // stamp 0.015% on the buy = 15; GST 18% of (2.97 + 0.10) = 0.5526 each.
        double buy = IndianEquityCharges.DELIVERY.commission(S, Side.BUY, 100, 100_000);
        double sell = IndianEquityCharges.DELIVERY.commission(S, Side.SELL, 100, 100_000);
        assertThat(buy).isCloseTo(100 + 2.97 + 0.10 + 15 + 0.5526, within(1e-9));
        assertThat(sell).isCloseTo(100 + 2.97 + 0.10 + 0.5526, within(1e-9));
        assertThat(buy + sell).isCloseTo(222.2452, within(1e-9)); // 118.6226 + 103.6226
    }

    @Test
    void zerodhaIntradayBrokerageIsCappedAtTwentyRupees() {
        // buy 1,00,000 intraday: brokerage min(30, 20) = 20; exchange 2.97; SEBI 0.10; stamp 0.003% = 3;
        // GST 18% of (20 + 2.97 + 0.10) = 4.1526; STT on buys 0
        assertThat(IndianEquityCharges.INTRADAY.commission(S, Side.BUY, 100, 100_000))
                .isCloseTo(20 + 2.97 + 0.10 + 3 + 4.1526, within(1e-9));
        // sell 10,000: brokerage 0.03% = 3 (below the cap); STT 0.025% = 2.5; exchange 0.297; SEBI 0.01;
        // GST 0.18 * (3 + 0.297 + 0.01) = 0.59526
        assertThat(IndianEquityCharges.INTRADAY.commission(S, Side.SELL, 10, 10_000))
                .isCloseTo(3 + 2.5 + 0.297 + 0.01 + 0.59526, within(1e-9));
    }

    @Test
    void ibkrFixedWithRegulatoryFeesOnSales() {
        // sell 1000 shares for 50,000: broker max(5, 1) = 5; SEC 27.80e-6 * 50,000 = 1.39; TAF 0.166
        assertThat(UsEquityCommission.IBKR_FIXED.commission(S, Side.SELL, 1_000, 50_000))
                .isCloseTo(5 + 1.39 + 0.166, within(1e-9));
        assertThat(UsEquityCommission.IBKR_FIXED.commission(S, Side.BUY, 1_000, 50_000)).isEqualTo(5.0);
        // TAF capped at 8.30 for 100,000 shares sold (16.6 uncapped); broker 500 (0.005 * 1e5, below 1% of 2e6)
        assertThat(UsEquityCommission.IBKR_FIXED.commission(S, Side.SELL, 100_000, 2_000_000))
                .isCloseTo(500 + 55.6 + 8.30, within(1e-9));
    }

    @Test
    void slippageModels() {
        io.qtrade.core.bar.BarBatch b = new io.qtrade.core.bar.BarBatch(1);
        b.add(0, 0, 1, 100, 104, 96, 101, 10_000);
        io.qtrade.core.bar.BarCursor bar = new io.qtrade.core.bar.BarCursor().reset(b).at(0);
        assertThat(new FixedBpsSlippage(10).price(Side.BUY, 100, 1, bar)).isCloseTo(100.1, within(1e-12));
        assertThat(new FixedBpsSlippage(10).price(Side.SELL, 100, 1, bar)).isCloseTo(99.9, within(1e-12));
        assertThat(new RangeFractionSlippage(0.25).price(Side.BUY, 100, 1, bar)).isEqualTo(102.0);
        VolumeShareSlippage v = new VolumeShareSlippage(0.025, 0.1);
        assertThat(v.fillableQty(1_000, bar)).isEqualTo(250.0);
        assertThat(v.fillableQty(100, bar)).isEqualTo(100.0);
        // 250 of 10,000 = 2.5%: impact 0.1 * sqrt(0.025) = 1.5811%
        assertThat(v.price(Side.BUY, 100, 250, bar)).isCloseTo(100 * (1 + 0.1 * Math.sqrt(0.025)), within(1e-12));
        assertThat(v.price(Side.SELL, 100, 250, bar)).isCloseTo(98.41886116991581, within(1e-12));
    }

    @Test
    void borrowAndInterestAccrueActualOver365() {
        assertThat(new ShortBorrow(50).fee(-100_000, 365)).isCloseTo(500.0, within(1e-9));
        assertThat(new ShortBorrow(50).fee(-100_000, 1)).isCloseTo(500.0 / 365, within(1e-12));
        assertThat(new CashInterest(0.04, 0.08).interest(100_000, 365)).isCloseTo(4_000.0, within(1e-9));
        assertThat(new CashInterest(0.04, 0.08).interest(-10_000, 365)).isCloseTo(-800.0, within(1e-9));
    }
}
