package io.qtrade.bars;

import io.qtrade.bars.order.BarOrder;
import io.qtrade.bars.order.Bracket;
import io.qtrade.bars.order.FillRules;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.order.OrderStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BarEngineOrdersTest {

    private static final Instrument A = Instrument.spot("A", "X", 0.01, 1);
    private static final Instrument B = Instrument.spot("B", "X", 0.01, 1);

    /** Five days of A: open, high, low, close. */
    private static TestBars fiveDays() {
        return new TestBars(A)
                .bar(0, 0, 100, 102, 99, 101, 1000)
                .bar(1, 0, 103, 106, 101, 105, 1000)   // gaps up
                .bar(2, 0, 105, 107, 95, 96, 1000)     // wide range down
                .bar(3, 0, 94, 98, 93, 97, 1000)       // gaps down
                .bar(4, 0, 97, 99, 96, 98, 1000);
    }

    private static BarResult run(TestBars bars, TestBars.Scripted s) {
        return run(bars, s, FillRules.CONSERVATIVE);
    }

    private static BarResult run(TestBars bars, TestBars.Scripted s, FillRules rules) {
        return BarBacktest.builder().source(bars.source()).strategy("s", s).initialCash(100_000).fillRules(rules)
                .build().run();
    }

    @Test
    void marketOnOpenFillsAtTheNextOpenAndMarketOnCloseAtThisClose() {
        TestBars.Scripted s = new TestBars.Scripted((n, c, bars) -> {
            if (n == 0) {
                c.submit(BarOrder.marketOnOpen(0, Side.BUY, 10));   // day 1 open 103
                c.submit(BarOrder.marketOnClose(0, Side.BUY, 5));   // day 0 close 101
            }
        });
        BarResult r = run(fiveDays(), s);
        assertThat(s.fills).extracting(f -> f.price()).containsExactly(101.0, 103.0);
        assertThat(s.fills.get(0).exchTs()).isEqualTo(TestBars.DAY);      // the close of day 0
        assertThat(s.fills.get(1).exchTs()).isEqualTo(2 * TestBars.DAY);  // bar time of day 1
        // 15 shares; cash 100000 - 505 - 1030 = 98465; marked at the last close 98: equity 98465 + 1470 = 99935
        assertThat(r.portfolio("s").cash()).isEqualTo(98_465.0);
        assertThat(r.portfolio("s").equity()).isEqualTo(99_935.0);
        assertThat(r.backtest().orders().stringColumn("type").asList())
                .containsExactly("MARKET_ON_OPEN", "MARKET_ON_CLOSE");
    }

    @Test
    void limitsFillAtTheOpenWhenGappedThroughElseOnlyWhenTradedThrough() {
        TestBars.Scripted s = new TestBars.Scripted((n, c, bars) -> {
            if (n == 0) {
                c.submit(BarOrder.limit(0, Side.SELL, 1, 102));  // day 1 opens 103 >= 102: fills at the open 103
                c.submit(BarOrder.limit(0, Side.BUY, 1, 101));   // day 1 low 101 only touches: no fill; day 2 low 95 < 101: 101
                c.submit(BarOrder.limit(0, Side.BUY, 1, 93));    // day 3 low 93 touches only: never under THROUGH
            }
        });
        run(fiveDays(), s);
        assertThat(s.fills).extracting(f -> f.orderId() + "@" + f.price()).containsExactly("1@103.0", "2@101.0");
        assertThat(s.fills.get(1).exchTs()).isEqualTo(3 * TestBars.DAY);
    }

    @Test
    void touchOptionFillsALimitThatIsOnlyTouched() {
        TestBars.Scripted s = new TestBars.Scripted((n, c, bars) -> {
            if (n == 0) {
                c.submit(BarOrder.limit(0, Side.BUY, 1, 101));   // day 1 low 101 touches: fills at 101 with TOUCH
            }
        });
        run(fiveDays(), s, new FillRules(FillRules.LimitFill.TOUCH, FillRules.SameBarExit.ADVERSE_FIRST));
        assertThat(s.fills).extracting(f -> f.price()).containsExactly(101.0);
        assertThat(s.fills.get(0).exchTs()).isEqualTo(2 * TestBars.DAY);
    }

    @Test
    void stopsFillAtTheWorseOfStopAndOpen() {
        TestBars.Scripted s = new TestBars.Scripted((n, c, bars) -> {
            if (n == 0) {
                c.submit(BarOrder.stop(0, Side.BUY, 1, 102));   // day 1 opens 103 above the stop: fills at 103
                c.submit(BarOrder.stop(0, Side.BUY, 1, 106.5)); // day 2 high 107 >= 106.5: fills at 106.5
            }
            if (n == 2) {
                c.submit(BarOrder.stop(0, Side.SELL, 2, 95));   // day 3 opens 94 below 95: fills at 94
            }
        });
        run(fiveDays(), s);
        assertThat(s.fills).extracting(f -> f.orderId() + "@" + f.price())
                .containsExactly("1@103.0", "2@106.5", "3@94.0");
    }

    @Test
    void stopLimitTriggeredInsideTheBarFillsAtTheStopOnlyWhenTheLimitAllowsIt() {
        TestBars.Scripted s = new TestBars.Scripted((n, c, bars) -> {
            if (n == 1) {
                // day 2: high 107 reaches 106; limit 106.2 >= stop: fills at 106
                c.submit(BarOrder.stopLimit(0, Side.BUY, 1, 106, 106.2));
                // day 2: reaches 106 but limit 104 < stop: rests as a limit from day 3 (opens 94 <= 104: fills at 94)
                c.submit(BarOrder.stopLimit(0, Side.BUY, 1, 106, 104));
            }
        });
        run(fiveDays(), s);
        assertThat(s.fills).extracting(f -> f.orderId() + "@" + f.price() + "@" + f.exchTs() / TestBars.DAY)
                .containsExactly("1@106.0@3", "2@94.0@4");
    }

    @Test
    void trailingStopLevelFollowsTheBestHighOfEarlierBarsOnly() {
        TestBars.Scripted s = new TestBars.Scripted((n, c, bars) -> {
            if (n == 0) {
                c.submit(BarOrder.marketOnClose(0, Side.BUY, 1));            // 101
                c.submit(BarOrder.trailingStop(0, Side.SELL, 1, 5.0));        // from close 101: stop 96
            }
        });
        run(fiveDays(), s);
        // day 1: low 101 > 96, high 106 -> stop 101; day 2: opens 105 > 101, low 95 <= 101: fills at 101
        assertThat(s.fills).extracting(f -> f.orderId() + "@" + f.price() + "@" + f.exchTs() / TestBars.DAY)
                .containsExactly("1@101.0@1", "2@101.0@3");
    }

    @Test
    void bracketExitsAreOcoAndTheAdverseOneFillsFirstWhenABarReachesBoth() {
        TestBars.Scripted adverse = new TestBars.Scripted((n, c, bars) -> {
            if (n == 0) {
                c.submitBracket(new Bracket(BarOrder.marketOnOpen(0, Side.BUY, 10), 100, 106.5));
            }
        });
        BarResult r = run(fiveDays(), adverse);
        // entry at day 1 open 103; exits from day 2: high 107 >= 106.5 and low 95 <= 100: the stop fills at 100
        assertThat(adverse.fills).extracting(f -> f.orderId() + "@" + f.price() + "@" + f.exchTs() / TestBars.DAY)
                .containsExactly("1@103.0@2", "2@100.0@3");
        assertThat(r.backtest().orderRecords().get(2).order().status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(r.portfolio("s").position(A).qty()).isZero();

        TestBars.Scripted favourable = new TestBars.Scripted((n, c, bars) -> {
            if (n == 0) {
                c.submitBracket(new Bracket(BarOrder.marketOnOpen(0, Side.BUY, 10), 100, 106.5));
            }
        });
        run(fiveDays(), favourable, new FillRules(FillRules.LimitFill.THROUGH, FillRules.SameBarExit.FAVOURABLE_FIRST));
        assertThat(favourable.fills).extracting(f -> f.orderId() + "@" + f.price())
                .containsExactly("1@103.0", "3@106.5");
    }

    @Test
    void aGapThroughOneExitFillsThatOneAtTheOpen() {
        TestBars.Scripted s = new TestBars.Scripted((n, c, bars) -> {
            if (n == 1) {
                // entry at day 2 open 105; day 3 opens 94 below the stop 95 and its high 98 is above the target 97.5
                c.submitBracket(new Bracket(BarOrder.marketOnOpen(0, Side.BUY, 10), 95, 97.5));
            }
        });
        run(fiveDays(), s, new FillRules(FillRules.LimitFill.THROUGH, FillRules.SameBarExit.FAVOURABLE_FIRST));
        assertThat(s.fills).extracting(f -> f.orderId() + "@" + f.price()).containsExactly("1@105.0", "2@94.0");
    }

    @Test
    void targetWeightsRoundDownToTheLotAndSellBeforeBuying() {
        Instrument lots = Instrument.spot("L", "X", 0.01, 10);
        TestBars bars = new TestBars(A, lots)
                .bar(0, 0, 100, 100, 100, 100, 1e6).bar(0, 1, 33, 33, 33, 33, 1e6)
                .bar(1, 0, 100, 100, 100, 100, 1e6).bar(1, 1, 33, 33, 33, 33, 1e6)
                .bar(2, 0, 110, 110, 110, 110, 1e6).bar(2, 1, 30, 30, 30, 30, 1e6)
                .bar(3, 0, 110, 110, 110, 110, 1e6).bar(3, 1, 30, 30, 30, 30, 1e6);
        TestBars.Scripted s = new TestBars.Scripted((n, c, b) -> {
            if (n == 0) {
                // 100,000 equity: A 0.5 -> 500 shares; L 0.3 -> 30,000/33 = 909.09 -> 900 (lot 10)
                assertThat(c.rebalanceToWeights(new double[] {0.5, 0.3}, io.qtrade.bars.order.Rebalance.NEXT_OPEN))
                        .isEqualTo(2);
            }
            if (n == 2) {
                // equity = 100,000 - 50,000 - 29,700 + 500*110 + 900*30 = 102,300
                assertThat(c.equity()).isEqualTo(102_300.0);
                // A 0.2 -> 20,460/110 = 186 shares (sell 314); L 0.6 -> 61,380/30 = 2046 -> 2040 (buy 1140)
                assertThat(c.rebalanceToWeights(new double[] {0.2, 0.6}, io.qtrade.bars.order.Rebalance.NEXT_OPEN))
                        .isEqualTo(2);
            }
        });
        BarResult r = run(bars, s);
        assertThat(s.fills).extracting(f -> f.instrument().symbol() + " " + f.side() + " " + f.qty())
                .containsExactly("A BUY 500.0", "L BUY 900.0", "A SELL 314.0", "L BUY 1140.0");
        assertThat(r.portfolio("s").position(A).qty()).isEqualTo(186.0);
        assertThat(r.portfolio("s").position(lots).qty()).isEqualTo(2040.0);
        // cash: 100,000 - 50,000 - 29,700 + 314*110 (34,540) - 1140*30 (34,200) = 20,640
        assertThat(r.portfolio("s").cash()).isCloseTo(20_640.0, within(1e-9));
    }

    @Test
    void targetQuantitiesTradeTheDifferenceAtThisClose() {
        TestBars.Scripted s = new TestBars.Scripted((n, c, b) -> {
            if (n == 0) {
                c.rebalanceToQuantities(new double[] {7.9}, io.qtrade.bars.order.Rebalance.THIS_CLOSE); // 7 at 101
            }
            if (n == 1) {
                c.rebalanceToQuantities(new double[] {-3}, io.qtrade.bars.order.Rebalance.THIS_CLOSE); // sell 10 at 105
            }
        });
        BarResult r = run(fiveDays(), s);
        assertThat(s.fills).extracting(f -> f.side() + " " + f.qty() + "@" + f.price())
                .containsExactly("BUY 7.0@101.0", "SELL 10.0@105.0");
        assertThat(r.portfolio("s").position(A).qty()).isEqualTo(-3.0);
    }

    @Test
    void addingAnInstrumentDoesNotChangeAnotherInstrumentsFills() {
        TestBars.Step step = (n, c, bars) -> {
            if (n == 0) {
                c.submit(BarOrder.limit(0, Side.BUY, 3, 100.5));
                c.submit(BarOrder.stop(0, Side.SELL, 1, 96));
            }
        };
        TestBars alone = fiveDays();
        TestBars with = new TestBars(A, B);
        double[][] a = {{100, 102, 99, 101}, {103, 106, 101, 105}, {105, 107, 95, 96}, {94, 98, 93, 97},
                {97, 99, 96, 98}};
        for (int d = 0; d < 5; d++) {
            with.bar(d, 0, a[d][0], a[d][1], a[d][2], a[d][3], 1000);
            if (d % 2 == 0) {
                with.bar(d, 1, 50, 51, 49, 50.5, 10);
            }
        }
        TestBars.Scripted s1 = new TestBars.Scripted(step);
        TestBars.Scripted s2 = new TestBars.Scripted(step);
        BarResult r1 = run(alone, s1);
        BarResult r2 = run(with, s2);
        assertThat(s2.fills).hasSize(2);
        for (int k = 0; k < s1.fills.size(); k++) {
            assertThat(Double.doubleToRawLongBits(s2.fills.get(k).price()))
                    .isEqualTo(Double.doubleToRawLongBits(s1.fills.get(k).price()));
            assertThat(s2.fills.get(k).exchTs()).isEqualTo(s1.fills.get(k).exchTs());
        }
        assertThat(r2.portfolio("s").equity()).isEqualTo(r1.portfolio("s").equity());
    }
}
