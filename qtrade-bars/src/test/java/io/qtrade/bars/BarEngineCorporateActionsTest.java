package io.qtrade.bars;

import io.qtrade.bars.corporate.CorporateAction;
import io.qtrade.bars.corporate.CorporateActions;
import io.qtrade.bars.order.BarOrder;
import io.qtrade.bars.universe.Universe;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.order.Order;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BarEngineCorporateActionsTest {

    private static final Instrument A = Instrument.spot("A", "X", 0.01, 1);
    private static final Instrument B = Instrument.spot("B", "X", 0.01, 1);

    @Test
    void aSplitRescalesPositionAndWorkingOrdersAndADividendIsCreditedOnTheExDate() {
        TestBars bars = new TestBars(A)
                .bar(0, 0, 100, 100, 100, 100, 1e6)
                .bar(1, 0, 110, 110, 110, 110, 1e6)
                .bar(2, 0, 55, 56, 54, 55, 1e6)      // ex-date of a 2:1 split
                .bar(3, 0, 56, 57, 55, 56, 1e6)      // ex-date of a 0.50 dividend
                .bar(4, 0, 59, 61, 58, 60, 1e6);     // high 61 > 60: the rescaled limit fills at 60
        CorporateActions actions = new CorporateActions(List.of(
                CorporateAction.split("A", LocalDate.ofEpochDay(2), 2),
                CorporateAction.dividend("A", LocalDate.ofEpochDay(3), 0.5)));
        List<Double> factors = new ArrayList<>();
        TestBars.Scripted s = new TestBars.Scripted((n, c, b) -> {
            if (n == 0) {
                c.submit(BarOrder.marketOnClose(0, Side.BUY, 10));   // 10 at 100
                c.submit(BarOrder.limit(0, Side.SELL, 5, 120));     // after the split: 10 at 60
            }
            factors.add(c.adjustmentFactor(0) * c.lastClose(0));
        });
        BarResult r = BarBacktest.builder().source(bars.source()).strategy("s", s).initialCash(10_000)
                .corporateActions(actions).build().run();
        assertThat(s.fills).extracting(f -> f.side() + " " + f.qty() + "@" + f.price())
                .containsExactly("BUY 10.0@100.0", "SELL 10.0@60.0");
        assertThat(r.dividends("s")).isEqualTo(10.0); // 20 shares x 0.50
        // cash: 10,000 - 1,000 + 10 + 600 = 9,610; 10 shares left at 60
        assertThat(r.portfolio("s").cash()).isCloseTo(9_610.0, within(1e-9));
        assertThat(r.portfolio("s").position(A).qty()).isEqualTo(10.0);
        assertThat(r.portfolio("s").position(A).avgEntryPrice()).isEqualTo(50.0);
        assertThat(r.portfolio("s").equity()).isCloseTo(10_210.0, within(1e-9));
        // the limit order: the pre-split row cancelled, re-issued under the same id for 10 at 60
        List<Order> limitRows = r.backtest().orderRecords().stream().map(o -> o.order())
                .filter(o -> o.orderId() == 2).toList();
        assertThat(limitRows).extracting(o -> o.status() + " " + o.qty() + "@" + o.price())
                .containsExactly("CANCELED 5.0@120.0", "FILLED 10.0@60.0");
        // total-return price: 100, 110, 55*2 = 110, 56*2*(55/(55-0.5)) = 113.0275..., 60*2*(55/54.5)
        assertThat(factors.get(2)).isCloseTo(110.0, within(1e-9));
        assertThat(factors.get(3)).isCloseTo(112.0 * 55 / 54.5, within(1e-9));
        assertThat(factors.get(4) / factors.get(3)).isCloseTo(60.0 / 56.0, within(1e-12));
    }

    @Test
    void aSymbolIsNeverSeenBeforeItsListingAndIsClosedAtItsLastPriceAfterDelisting() {
        TestBars bars = new TestBars(A, B);
        for (int d = 0; d < 6; d++) {
            bars.bar(d, 0, 100, 100, 100, 100, 1e6);
            bars.bar(d, 1, 20 + d, 20 + d, 20 + d, 20 + d, 1e6);
        }
        Universe universe = new Universe(List.of(new Universe.Listing("B", LocalDate.ofEpochDay(2),
                LocalDate.ofEpochDay(3))));
        List<String> seen = new ArrayList<>();
        TestBars.Scripted s = new TestBars.Scripted((n, c, b) -> {
            seen.add(n + ":" + b.has(1) + ":" + c.isListed(1));
            if (b.has(1) && c.portfolio().position(B).isFlat() && n == 2) {
                c.submit(BarOrder.marketOnClose(1, Side.BUY, 100)); // at 22
            }
        });
        BarResult r = BarBacktest.builder().source(bars.source()).strategy("s", s).initialCash(10_000)
                .universe(universe).build().run();
        assertThat(seen).containsExactly("0:false:false", "1:false:false", "2:true:true", "3:true:true",
                "4:false:false", "5:false:false");
        assertThat(r.droppedBars()).isEqualTo(4);
        // closed at the last close it saw (day 3: 23), at the first bar time after the delisting
        assertThat(s.fills).extracting(f -> f.side() + " " + f.qty() + "@" + f.price() + "@" + f.exchTs() / TestBars.DAY)
                .containsExactly("BUY 100.0@22.0@3", "SELL 100.0@23.0@5");
        assertThat(r.backtest().orders().stringColumn("type").asList()).containsExactly("MARKET_ON_CLOSE", "DELISTING");
        assertThat(r.portfolio("s").cash()).isCloseTo(10_100.0, within(1e-9));
    }
}
