package io.qtrade.bars;

import io.qtrade.bars.cost.BuyingPower;
import io.qtrade.bars.cost.CashInterest;
import io.qtrade.bars.cost.FixedBpsSlippage;
import io.qtrade.bars.cost.PerShareCommission;
import io.qtrade.bars.cost.ShortBorrow;
import io.qtrade.bars.cost.VolumeShareSlippage;
import io.qtrade.bars.order.BarOrder;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.order.OrderStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BarEngineCostsTest {

    private static final Instrument A = Instrument.spot("A", "X", 0.01, 1);

    private static TestBars flat(double volume) {
        TestBars b = new TestBars(A);
        for (int d = 0; d < 5; d++) {
            b.bar(d, 0, 100, 101, 99, 100, volume);
        }
        return b;
    }

    @Test
    void volumeShareCapsEachBarAndCarriesTheRestWithCommissionMinimumChargedOnce() {
        TestBars.Scripted s = new TestBars.Scripted((n, c, bars) -> {
            if (n == 0) {
                c.submit(BarOrder.marketOnOpen(0, Side.BUY, 600));
            }
        });
        BarResult r = BarBacktest.builder().source(flat(10_000).source()).strategy("s", s).initialCash(1e6)
                .slippage(new VolumeShareSlippage(0.025, 0.1))
                .commission(new PerShareCommission(0.005, 1.0, PerShareCommission.NO_MAX, PerShareCommission.NO_MAX))
                .build().run();
        // 2.5% of 10,000 = 250 per bar: 250, 250, 100 on days 1, 2, 3
        assertThat(s.fills).extracting(f -> f.qty()).containsExactly(250.0, 250.0, 100.0);
        double p250 = 100 * (1 + 0.1 * Math.sqrt(0.025));
        double p100 = 100 * (1 + 0.1 * Math.sqrt(0.01));
        assertThat(s.fills.get(0).price()).isCloseTo(p250, within(1e-12));
        assertThat(s.fills.get(2).price()).isCloseTo(p100, within(1e-12));
        // cumulative commission max(0.005 * q, 1): 1.25, 2.50, 3.00 -> increments 1.25, 1.25, 0.50
        assertThat(s.fills).extracting(f -> f.fee()).containsExactly(1.25, 1.25, 0.5);
        assertThat(r.backtest().orderRecords().get(0).order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(r.backtest().orderRecords().get(0).order().filledQty()).isEqualTo(600.0);
    }

    @Test
    void ordersBeyondBuyingPowerAreRejectedWithTheReason() {
        TestBars.Scripted s = new TestBars.Scripted((n, c, bars) -> {
            if (n == 0) {
                c.submit(BarOrder.marketOnOpen(0, Side.BUY, 900));   // 90,000 of 100,000: fine
                c.submit(BarOrder.marketOnOpen(0, Side.BUY, 200));   // 110,000 > 1.0 x equity: rejected
                c.submit(BarOrder.marketOnOpen(0, Side.SELL, 1000)); // would go short 100: rejected (no shorts)
            }
        });
        BarResult r = BarBacktest.builder().source(flat(1e6).source()).strategy("s", s).initialCash(100_000)
                .buyingPower(BuyingPower.CASH_ACCOUNT).build().run();
        assertThat(s.fills).extracting(f -> f.qty()).containsExactly(900.0);
        assertThat(r.rejections()).extracting(BarResult.Rejection::reason).containsExactly(
                "buying power: gross exposure 110000.00 after the fill of 200.0 A@X at 100.0 would exceed 1.0 x equity"
                        + " 100000.00",
                "buying power: short selling is not allowed; the fill of 1000.0 would leave a position of -100.0 in A@X");
        assertThat(r.backtest().orders().stringColumn("status").asList())
                .containsExactly("FILLED", "REJECTED", "REJECTED");
        assertThat(s.updates.stream().filter(u -> u.status() == OrderStatus.REJECTED).map(u -> u.reason()))
                .hasSize(2).allMatch(reason -> reason.startsWith("buying power"));
    }

    @Test
    void shortBorrowAndCashInterestAccrueDailyIntoCashAndNetPnl() {
        TestBars.Scripted s = new TestBars.Scripted((n, c, bars) -> {
            if (n == 0) {
                c.submit(BarOrder.marketOnClose(0, Side.SELL, 100)); // short 100 at 100: cash 110,000
            }
        });
        BarResult r = BarBacktest.builder().source(flat(1e6).source()).strategy("s", s).initialCash(100_000)
                .shortBorrow(new ShortBorrow(365)).cashInterest(new CashInterest(0.0365, 0.0)).build().run();
        // four daily accruals after the short: each borrow = 3.65% * 10,000 / 365 = 1.00;
        // interest = cash * 3.65% / 365 = cash * 1e-4 on the cash of the previous day
        assertThat(r.borrowFees("s")).isCloseTo(4.0, within(1e-9));
        double cash = 110_000;
        double interest = 0;
        for (int d = 0; d < 4; d++) {
            double i = cash * 1e-4;
            interest += i;
            cash += i - 1.0;
        }
        assertThat(r.interest("s")).isCloseTo(interest, within(1e-9));
        assertThat(r.portfolio("s").cash()).isCloseTo(cash, within(1e-9));
        assertThat(r.portfolio("s").netPnl()).isCloseTo(r.portfolio("s").equity() - 100_000, within(1e-9));
        assertThat(r.cashFlowTable().rowCount()).isEqualTo(8);
    }

    @Test
    void fixedSlippageMovesMarketFillsAgainstTheTraderButNotLimits() {
        TestBars.Scripted s = new TestBars.Scripted((n, c, bars) -> {
            if (n == 0) {
                c.submit(BarOrder.marketOnOpen(0, Side.BUY, 1));
                c.submit(BarOrder.limit(0, Side.BUY, 1, 100.5)); // opens 100 <= 100.5: fills at the open 100
            }
        });
        BarBacktest.builder().source(flat(1e6).source()).strategy("s", s).slippage(new FixedBpsSlippage(20))
                .build().run();
        assertThat(s.fills).extracting(f -> f.price()).containsExactly(100.2, 100.0);
    }
}
