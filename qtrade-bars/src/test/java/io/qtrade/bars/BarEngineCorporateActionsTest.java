package io.qtrade.bars;

import io.qtrade.bars.corporate.CorporateAction;
import io.qtrade.bars.corporate.CorporateActions;
import io.qtrade.bars.cost.BpsCommission;
import io.qtrade.bars.order.BarOrder;
import io.qtrade.bars.universe.Universe;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.backtest.BacktestResult;
import io.qtrade.core.order.Order;
import io.qtrade.core.order.OrderStatus;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

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

    /** A's bars: day d closes at 10 + d (open = high = low = close). */
    private static TestBars rising(int days, Instrument... instruments) {
        TestBars bars = new TestBars(instruments);
        for (int d = 0; d < days; d++) {
            for (int i = 0; i < instruments.length; i++) {
                double c = i == 0 ? 10 + d : 100;
                bars.bar(d, i, c, c, c, c, 1e6);
            }
        }
        return bars;
    }

    /** Runs on the general loop and (one instrument) on the one-series loop; the two must agree to the bit. */
    private static BarResult runBoth(Supplier<TestBars> bars, Supplier<TestBars.Scripted> strategy,
                                     Universe universe, List<TestBars.Scripted> used) {
        BarResult[] r = new BarResult[2];
        for (int k = 0; k < 2; k++) {
            TestBars.Scripted s = strategy.get();
            used.add(s);
            BarBacktest.Builder b = BarBacktest.builder().source(bars.get().source()).strategy("s", s)
                    .initialCash(10_000).commission(BpsCommission.of(10)).universe(universe);
            if (k == 0) {
                b.generalLoop();
            }
            r[k] = b.build().run();
        }
        OneSeriesLoopTest.assertSameResults(r[0], r[1]);
        return r[0];
    }

    private static List<String> fills(TestBars.Scripted s) {
        return s.fills.stream().map(f -> f.instrument().symbol() + " " + f.side() + " " + f.qty() + "@" + f.price() + "@"
                + f.exchTs() / TestBars.DAY + " fee " + f.fee()).toList();
    }

    @Test
    void aSingleInstrumentWhoseLastBarIsItsDelistingDayIsClosedAtThatCloseAtTheLastBarTime() {
        // A: days 0..3, closes 10, 11, 12, 13; delisted on day 3, the data's last day
        Universe universe = new Universe(List.of(new Universe.Listing("A", LocalDate.ofEpochDay(0),
                LocalDate.ofEpochDay(3))));
        List<TestBars.Scripted> used = new ArrayList<>();
        List<String> listed = new ArrayList<>();
        BarResult r = runBoth(() -> rising(4, A), () -> new TestBars.Scripted((n, c, b) -> {
            listed.add(n + ":" + c.isListed(0));
            if (n == 0) {
                c.submit(BarOrder.marketOnClose(0, Side.BUY, 100));  // at 10, fee 1.0
            }
            if (n == 3) {
                c.submit(BarOrder.limit(0, Side.BUY, 10, 5));        // working at the end: cancelled
            }
        }), universe, used);
        assertThat(listed).containsExactly("0:true", "1:true", "2:true", "3:true", "0:true", "1:true", "2:true",
                "3:true");
        // closed at the delisting day's close 13, at its bar time (end of day 3 = 4 x DAY), 10 bps: fee 1.3
        for (TestBars.Scripted s : used) {
            assertThat(fills(s)).containsExactly("A BUY 100.0@10.0@1 fee 1.0", "A SELL 100.0@13.0@4 fee 1.3");
        }
        assertThat(r.backtest().orders().stringColumn("type").asList())
                .containsExactly("MARKET_ON_CLOSE", "LIMIT", "DELISTING");
        assertThat(r.backtest().orders().stringColumn("status").asList())
                .containsExactly("FILLED", "CANCELED", "FILLED");
        for (TestBars.Scripted s : used) {
            assertThat(s.updates).filteredOn(u -> u.orderId() == 2 && u.status() == OrderStatus.CANCELED)
                    .extracting(u -> u.reason() + "@" + u.exchTs() / TestBars.DAY).containsExactly("delisted@4");
        }
        // the orders table says why the engine cancelled the limit
        assertThat(r.backtest().orders().stringColumn("reason").asList()).containsExactly("", "delisted", "");
        assertThat(r.backtest().orders().longColumn("send_ts").asList())
                .containsExactly(TestBars.DAY, 4 * TestBars.DAY, 4 * TestBars.DAY);
        // cash 10,000 - 1,000 - 1.0 + 1,300 - 1.3 = 10,297.7, flat
        assertThat(r.portfolio("s").cash()).isCloseTo(10_297.7, within(1e-9));
        assertThat(r.portfolio("s").position(A).qty()).isZero();
        assertThat(r.equity("s")).isCloseTo(10_297.7, within(1e-9));
        // equity rows: one per bar time, then the delisting's row at the last bar time with the equity after it
        var eq = r.backtest().equity();
        assertThat(eq.longColumn("ts").asList()).containsExactly(TestBars.DAY, 2 * TestBars.DAY,
                3 * TestBars.DAY, 4 * TestBars.DAY, 4 * TestBars.DAY);
        assertThat(eq.doubleColumn("position").asList()).containsExactly(100.0, 100.0, 100.0, 100.0, 0.0);
        assertThat(eq.doubleColumn("strategy_equity").get(3)).isCloseTo(10_299.0, within(1e-9));
        assertThat(eq.doubleColumn("strategy_equity").get(4)).isCloseTo(10_297.7, within(1e-9));
        double[] curve = r.equityCurve("s").equity();
        assertThat(curve[curve.length - 1]).isCloseTo(10_297.7, within(1e-9));
        var totals = r.backtest().totals();
        int all = totals.stringColumn("symbol").indexOf(BacktestResult.ALL_INSTRUMENTS);
        assertThat(totals.doubleColumn("net_pnl").get(all)).isCloseTo(297.7, within(1e-9));
        assertThat(totals.doubleColumn("fees").get(all)).isCloseTo(2.3, within(1e-12));
        assertThat(totals.intColumn("fills").get(all)).isEqualTo(2);
    }

    @Test
    void aSymbolDelistedOnTheDataLastDayIsClosedWhileTheOtherIsKept() {
        // A (instrument 0): closes 10 + d; B (instrument 1): flat 100; both trade days 0..3; A delisted on day 3
        Universe universe = new Universe(List.of(new Universe.Listing("A", LocalDate.ofEpochDay(0),
                LocalDate.ofEpochDay(3))));
        TestBars.Scripted s = new TestBars.Scripted((n, c, b) -> {
            if (n == 0) {
                c.submit(BarOrder.marketOnClose(0, Side.BUY, 100));  // A at 10, fee 1.0
                c.submit(BarOrder.marketOnClose(1, Side.BUY, 10));   // B at 100, fee 1.0
            }
            if (n == 3) {
                c.submit(BarOrder.limit(0, Side.SELL, 100, 50));     // cancelled by the delisting
                c.submit(BarOrder.limit(1, Side.SELL, 10, 500));     // B's: still working at the end
            }
        });
        BarResult r = BarBacktest.builder().source(rising(4, A, B).source()).strategy("s", s).initialCash(10_000)
                .commission(BpsCommission.of(10)).universe(universe).build().run();
        assertThat(fills(s)).containsExactly("A BUY 100.0@10.0@1 fee 1.0", "B BUY 10.0@100.0@1 fee 1.0",
                "A SELL 100.0@13.0@4 fee 1.3");
        assertThat(r.backtest().orders().stringColumn("type").asList())
                .containsExactly("MARKET_ON_CLOSE", "MARKET_ON_CLOSE", "LIMIT", "LIMIT", "DELISTING");
        assertThat(r.backtest().orders().stringColumn("symbol").asList()).containsExactly("A@X", "B@X", "A@X", "B@X", "A@X");
        assertThat(r.backtest().orders().stringColumn("status").asList())
                .containsExactly("FILLED", "FILLED", "CANCELED", "PENDING_NEW", "FILLED");
        assertThat(s.updates).filteredOn(u -> u.orderId() == 3 && u.status() == OrderStatus.CANCELED)
                .extracting(u -> u.reason() + "@" + u.exchTs() / TestBars.DAY).containsExactly("delisted@4");
        // cash 10,000 - 1,001 - 1,001 + 1,300 - 1.3 = 9,296.7; B: 10 at 100
        assertThat(r.portfolio("s").cash()).isCloseTo(9_296.7, within(1e-9));
        assertThat(r.portfolio("s").position(A).qty()).isZero();
        assertThat(r.portfolio("s").position(B).qty()).isEqualTo(10.0);
        assertThat(r.equity("s")).isCloseTo(10_296.7, within(1e-9));
        var eq = r.backtest().equity();
        int last = eq.rowCount() - 1;
        assertThat(eq.longColumn("ts").get(last)).isEqualTo(4 * TestBars.DAY);
        assertThat(eq.stringColumn("symbol").get(last)).isEqualTo("A@X");
        assertThat(eq.doubleColumn("position").get(last)).isZero();
        assertThat(eq.doubleColumn("strategy_equity").get(last)).isCloseTo(10_296.7, within(1e-9));
        assertThat(eq.doubleColumn("strategy_equity").get(last - 1)).isCloseTo(10_298.0, within(1e-9));
        var totals = r.backtest().totals();
        int all = totals.stringColumn("symbol").indexOf(BacktestResult.ALL_INSTRUMENTS);
        assertThat(totals.doubleColumn("net_pnl").get(all)).isCloseTo(296.7, within(1e-9));
    }

    @Test
    void aDelistingDatedAfterTheDataEndsIsNotAppliedAndThePositionIsKept() {
        // A: days 0..3 (the last bar ends at midnight of day 4); delisted on day 4, then on day 9: never reached
        for (int delisted : new int[] {4, 9}) {
            Universe universe = new Universe(List.of(new Universe.Listing("A", LocalDate.ofEpochDay(0),
                    LocalDate.ofEpochDay(delisted))));
            List<TestBars.Scripted> used = new ArrayList<>();
            BarResult r = runBoth(() -> rising(4, A), () -> new TestBars.Scripted((n, c, b) -> {
                if (n == 0) {
                    c.submit(BarOrder.marketOnClose(0, Side.BUY, 100));
                }
                if (n == 3) {
                    c.submit(BarOrder.limit(0, Side.BUY, 10, 5));
                }
            }), universe, used);
            for (TestBars.Scripted s : used) {
                assertThat(fills(s)).as("delisted on day %d", delisted).containsExactly("A BUY 100.0@10.0@1 fee 1.0");
            }
            assertThat(r.backtest().orders().stringColumn("type").asList()).containsExactly("MARKET_ON_CLOSE", "LIMIT");
            assertThat(r.backtest().orders().stringColumn("status").asList()).containsExactly("FILLED", "PENDING_NEW"); // sent at the last bar: never arrived
            assertThat(r.portfolio("s").cash()).isCloseTo(8_999.0, within(1e-9));
            assertThat(r.portfolio("s").position(A).qty()).isEqualTo(100.0);
            assertThat(r.equity("s")).isCloseTo(8_999.0 + 1_300.0, within(1e-9));
            assertThat(r.backtest().equity().rowCount()).isEqualTo(4);
        }
    }

    @Test
    void barsAfterTheDelistingDayMakeNoBarTimeSoTheCloseHappensAtTheDelistingDaysBarTime() {
        // A: days 0..5, delisted on day 3: days 4 and 5 are dropped, nothing trades after the delisting day
        Universe universe = new Universe(List.of(new Universe.Listing("A", LocalDate.ofEpochDay(0),
                LocalDate.ofEpochDay(3))));
        List<TestBars.Scripted> used = new ArrayList<>();
        BarResult r = runBoth(() -> rising(6, A), () -> new TestBars.Scripted((n, c, b) -> {
            if (n == 0) {
                c.submit(BarOrder.marketOnClose(0, Side.BUY, 100));
            }
        }), universe, used);
        assertThat(r.droppedBars()).isEqualTo(2);
        assertThat(r.slices()).isEqualTo(4);
        for (TestBars.Scripted s : used) {
            assertThat(fills(s)).containsExactly("A BUY 100.0@10.0@1 fee 1.0", "A SELL 100.0@13.0@4 fee 1.3");
        }
        assertThat(r.backtest().orders().stringColumn("type").asList()).containsExactly("MARKET_ON_CLOSE", "DELISTING");
        assertThat(r.portfolio("s").cash()).isCloseTo(10_297.7, within(1e-9));
    }
}
