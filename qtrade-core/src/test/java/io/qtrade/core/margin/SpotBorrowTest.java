package io.qtrade.core.margin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.Liquidity;
import io.qtrade.core.portfolio.Portfolio;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpotBorrowTest {

    static final long H = SpotBorrow.HOUR_NANOS;
    static final Instrument ETH = Instrument.spot("ETHUSDT", "BINANCE", 0.01, 0.0001);

    @Test
    void shortSpotPaysHourlyInterestOnTheBorrowedCoinAtTheRateOfEachHour() {
        BorrowRates rates = BorrowRates.parse(List.of(
                "# asset,daily rate (fraction), from",
                "asset,daily_rate,from_utc",
                "ETH,0.0024,1970-01-01T00:00:00",
                "ETH,0.0048,1970-01-01T02:00:00"), "test");
        assertThat(rates.hourlyRate("ETH", 0)).isCloseTo(0.0001, within(1e-18));
        Portfolio p = new Portfolio(10_000);
        SpotBorrow borrow = new SpotBorrow(rates, Map.of(ETH, "ETH"));
        borrow.accrue(p, H / 2);
        p.apply(new Fill(1, ETH, Side.SELL, 2_000, 3, 0, Liquidity.TAKER, H / 2, H / 2));
        p.mark(ETH, 2_000);
        // hours 1 and 2 start: 3 ETH x 0.0001 x 2,000 = 0.6, then 3 x 0.0002 x 2,000 = 1.2
        assertThat(borrow.accrue(p, 2 * H + 5)).isCloseTo(0.6 + 1.2, within(1e-12));
        p.mark(ETH, 2_100);
        assertThat(borrow.accrue(p, 3 * H)).isCloseTo(3 * 0.0002 * 2_100, within(1e-12));
        assertThat(borrow.accrue(p, 3 * H + H / 2)).isZero();
        assertThat(p.otherCash()).isCloseTo(-(1.8 + 1.26), within(1e-9));
        assertThat(borrow.interestPaid()).isCloseTo(1.8 + 1.26, within(1e-9));
        // a long borrows nothing
        p.apply(new Fill(2, ETH, Side.BUY, 2_100, 6, 0, Liquidity.TAKER, 3 * H, 3 * H));
        assertThat(borrow.accrue(p, 5 * H)).isZero();
        assertThatThrownBy(() -> rates.hourlyRate("BTC", 0)).hasMessageContaining("no rate for asset BTC");
        assertThatThrownBy(() -> BorrowRates.parse(List.of("asset,rate", "ETH,1"), "bad.csv"))
                .hasMessageContaining("bad.csv line 1");
    }
}
