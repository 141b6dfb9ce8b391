package io.qtrade.bars;

import io.qtrade.bars.fx.Currencies;
import io.qtrade.bars.order.BarOrder;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BarEngineCurrenciesTest {

    private static final Instrument SPY = Instrument.spot("SPY", "ARCA", 0.01, 1);
    private static final Instrument INFY = Instrument.spot("INFY", "NSE", 0.05, 1);

    @Test
    void eachCurrencyKeepsItsCashAndEquityIsConvertedAtTheRateInForce() {
        TestBars bars = new TestBars(SPY, INFY)
                .bar(0, 0, 400, 400, 400, 400, 1e6).bar(0, 1, 1500, 1500, 1500, 1500, 1e6)
                .bar(1, 0, 404, 404, 404, 404, 1e6).bar(1, 1, 1490, 1490, 1490, 1490, 1e6)
                .bar(2, 0, 410, 410, 410, 410, 1e6).bar(2, 1, 1510, 1510, 1510, 1510, 1e6);
        Currencies fx = Currencies.builder("USD").quote("INFY", "INR")
                .rate("INR", 0, 0.012)                       // from day 0
                .rate("INR", 2 * TestBars.DAY + 1, 0.0125)   // in force at the day-2 bar time (end of day 2)
                .build();
        java.util.List<Double> equity = new java.util.ArrayList<>();
        TestBars.Scripted s = new TestBars.Scripted((n, c, b) -> {
            if (n == 0) {
                c.submit(BarOrder.marketOnClose(1, Side.BUY, 100));  // 150,000 INR
                c.submit(BarOrder.marketOnClose(0, Side.BUY, 10));   // 4,000 USD
            }
            equity.add(c.equity());
        });
        BarResult r = BarBacktest.builder().source(bars.source()).strategy("s", s).initialCash(10_000)
                .currencies(fx).build().run();
        assertThat(r.portfolio("s", "INR").cash()).isEqualTo(-150_000.0);
        assertThat(r.portfolio("s", "USD").cash()).isEqualTo(6_000.0);
        // the callback's equity is before the close orders of its own bar time fill (costless at the close: same)
        // day 1: 6,000 + 4,040 + (-150,000 + 149,000) * 0.012 = 10,028
        assertThat(equity.get(1)).isCloseTo(10_028.0, within(1e-9));
        // day 2 (bar time 3 days, after the new rate's 2 days + 1 ns): 6,000 + 4,100 + 1,000 * 0.0125 = 10,112.5
        assertThat(equity.get(2)).isCloseTo(10_112.5, within(1e-9));
        assertThat(r.equity("s")).isCloseTo(10_112.5, within(1e-9));
        // the equity table (and so the report's curve) is in the base currency
        var table = r.backtest().equity();
        double last = table.doubleColumn("strategy_equity").get(table.rowCount() - 1);
        assertThat(last).isCloseTo(10_112.5, within(1e-9));
    }

    @Test
    void aRateBeforeTheSeriesStartsIsAnErrorNamingTheCurrency() {
        Currencies fx = Currencies.builder("USD").quote("INFY", "INR").rate("INR", 100, 0.012).build();
        assertThatThrownBy(() -> fx.rate("INR", 99)).hasMessageContaining("no rate of INR in USD at or before 99");
        assertThat(fx.rate("INR", 100)).isEqualTo(0.012);
        assertThat(fx.rate("USD", 5)).isEqualTo(1.0);
        assertThatThrownBy(() -> Currencies.builder("USD").quote("X", "EUR").build())
                .hasMessageContaining("X is quoted in EUR but no rates of EUR in USD were given");
    }
}
