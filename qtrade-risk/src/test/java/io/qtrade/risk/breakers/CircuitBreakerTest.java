package io.qtrade.risk.breakers;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.Liquidity;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.risk.killswitch.EngagementCause;
import io.qtrade.risk.killswitch.KillSwitch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CircuitBreakerTest {

    private static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    private static final long DAY = 86_400_000_000_000L;
    /** 2024-01-01T00:00Z in epoch nanoseconds. */
    private static final long JAN_1 = 19_723L * DAY;

    /** A portfolio holding 10 AAA bought at 100 from 1000 initial cash, marked at {@code mid}: equity 1000 + 10 * (mid - 100). */
    private static Portfolio longTen() {
        Portfolio p = new Portfolio(1000);
        p.apply(new Fill(1, AAA, Side.BUY, 100, 10, 0, Liquidity.TAKER, 0, 0));
        return p;
    }

    @Test
    void theDailyLossLimitTripsAboveTheLimitAndStartsEachUtcDayFromTheLastEquity() {
        KillSwitch ks = new KillSwitch();
        DailyLossLimit limit = new DailyLossLimit(ks, 50);
        Portfolio p = longTen();
        p.mark(AAA, 95);                                   // equity 950: a loss of 50, at the limit
        limit.onMark("s", p, JAN_1 + 1);
        assertThat(limit.dailyPnl()).isEqualTo(-50.0);
        assertThat(ks.isEngaged()).isFalse();
        p.mark(AAA, 94);                                   // 940 at 23:59: still Jan 1, loss 60 > 50
        // ...but first, a new day: at 00:00:01 Jan 2 the day starts from 950 (the last equity of Jan 1).
        limit.onMark("s", p, JAN_1 + DAY + 1);
        assertThat(limit.dailyPnl()).isEqualTo(-10.0);
        assertThat(ks.isEngaged()).isFalse();
        p.mark(AAA, 89.99);                                // 899.9: loss 50.1 on Jan 2 (from 950)
        limit.onMark("s", p, JAN_1 + DAY + 2);
        assertThat(ks.engagements()).hasSize(1);
        assertThat(ks.engagements().get(0).cause()).isEqualTo(EngagementCause.CIRCUIT_BREAKER);
        assertThat(ks.engagements().get(0).detail()).startsWith("daily loss 50.1").contains("> limit 50.0 on 2024-01-02 UTC");
    }

    @Test
    void theDailyLossIsTheSumOverStrategies() {
        KillSwitch ks = new KillSwitch();
        DailyLossLimit limit = new DailyLossLimit(ks, 50);
        Portfolio a = longTen();
        Portfolio b = longTen();
        a.mark(AAA, 97);                                   // -30
        b.mark(AAA, 98);                                   // -20: total -50, at the limit
        limit.onMark("a", a, JAN_1);
        limit.onMark("b", b, JAN_1);
        assertThat(ks.isEngaged()).isFalse();
        b.mark(AAA, 97.99);                                // -20.1: total -50.1
        limit.onFill("b", null, b, JAN_1 + 1);
        assertThat(ks.isEngaged()).isTrue();
    }

    @Test
    void theDrawdownBreakerMeasuresFromThePeakInAmountOrFraction() {
        KillSwitch ks = new KillSwitch();
        MaxDrawdownBreaker amount = MaxDrawdownBreaker.ofAmount(ks, 100);
        Portfolio p = longTen();
        p.mark(AAA, 120);                                  // equity 1200: the peak
        amount.onMark("s", p, 1);
        p.mark(AAA, 110);                                  // 1100: drawdown 100, at the limit
        amount.onMark("s", p, 2);
        assertThat(amount.peakEquity()).isEqualTo(1200.0);
        assertThat(amount.drawdown()).isEqualTo(100.0);
        assertThat(ks.isEngaged()).isFalse();
        p.mark(AAA, 109.99);                               // 1099.9: 100.1
        amount.onMark("s", p, 3);
        assertThat(ks.engagements().get(0).detail()).startsWith("drawdown 100.1").contains("from peak 1200.0");

        KillSwitch ks2 = new KillSwitch();
        MaxDrawdownBreaker fraction = MaxDrawdownBreaker.ofFraction(ks2, 0.25);
        p.mark(AAA, 120);
        fraction.onMark("s", p, 1);                        // peak 1200; 25 % of it is 300
        p.mark(AAA, 90);                                   // 900: exactly 25 %
        fraction.onMark("s", p, 2);
        assertThat(ks2.isEngaged()).isFalse();
        p.mark(AAA, 89.99);                                // 899.9: 25.008 %
        fraction.onMark("s", p, 3);
        assertThat(ks2.isEngaged()).isTrue();
        assertThatThrownBy(() -> MaxDrawdownBreaker.ofFraction(ks2, 1.0))
                .hasMessage("max drawdown breaker: maxDrawdownFraction must be in (0, 1), was 1.0");
    }
}
