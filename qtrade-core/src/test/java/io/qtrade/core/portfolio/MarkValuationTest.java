package io.qtrade.core.portfolio;

import io.qtrade.core.ContractSpec;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.Liquidity;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Portfolio#valuation} gives, bit for bit, what {@code mark(slot, p)} followed by {@code equity()},
 * {@code netPnl()} and the position's {@code unrealizedPnl(p)} give, on random portfolios: several instruments (a
 * spot coin with a 0.001 lot, a future with multiplier 50, an inverse perpetual), longs, shorts, positions closed
 * through float dust, unmarked instruments, cash flows and funding; and it is reused only while
 * nothing it depends on has changed.
 */
class MarkValuationTest {

    private static final Instrument COIN = Instrument.spot("COIN", "SYN", 0.01, 0.001);
    private static final Instrument FUT = new Instrument("FUT", "SYN", 0.25, 1, 50);
    private static final Instrument INV = new Instrument("INV", "SYN", 0.5, 1, 100)
            .withContract(ContractSpec.inversePerpetual("BTC", Duration.ofHours(8)));
    private static final List<Instrument> ALL = List.of(COIN, FUT, INV);

    private static long bits(double v) {
        return Double.doubleToRawLongBits(v);
    }

    /** A random portfolio: fills in random instruments (some closing to dust), cash flows, funding, some marks. */
    private static Portfolio randomPortfolio(SplittableRandom r, int steps) {
        Portfolio p = new Portfolio(r.nextDouble(1e3, 1e6));
        long t = 0;
        for (int k = 0; k < steps; k++) {
            Instrument inst = ALL.get(r.nextInt(ALL.size()));
            double price = inst == INV ? r.nextDouble(20_000, 60_000) : r.nextDouble(1, 500);
            switch (r.nextInt(6)) {
                case 0, 1, 2 -> {
                    double qty = inst == COIN ? Math.round(r.nextDouble(0.001, 3) * 1000) / 1000.0 : 1 + r.nextInt(9);
                    Side side = r.nextBoolean() ? Side.BUY : Side.SELL;
                    p.apply(new Fill(k + 1, inst, side, price, qty, r.nextDouble(-0.5, 2), Liquidity.TAKER, t, t));
                }
                case 3 -> p.applyCashFlow(r.nextDouble(-100, 100));
                case 4 -> p.applyFunding(inst, r.nextDouble(-5, 5));
                default -> p.mark(inst, price);
            }
            t++;
        }
        if (r.nextBoolean()) {
            // 0.1 + 0.2 - 0.3 of a coin: closed to flat through float dust (within the flat tolerance)
            Position c = p.position(COIN);
            double q = c.qty();
            if (q != 0) {
                p.apply(new Fill(999, COIN, q > 0 ? Side.SELL : Side.BUY, 10, Math.abs(q), 0, Liquidity.TAKER, t, t));
            }
            p.apply(new Fill(1000, COIN, Side.BUY, 10, 0.1, 0, Liquidity.TAKER, t, t));
            p.apply(new Fill(1001, COIN, Side.BUY, 10, 0.2, 0, Liquidity.TAKER, t, t));
            p.apply(new Fill(1002, COIN, Side.SELL, 10, 0.3, 0, Liquidity.TAKER, t, t));
        }
        return p;
    }

    @Property(tries = 300)
    void valuesAreThoseOfMarkingThenAskingTheSums(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long seed,
                                                  @ForAll @IntRange(min = 0, max = 40) int steps) {
        SplittableRandom r = new SplittableRandom(seed);
        Portfolio p = randomPortfolio(r, steps);
        Instrument inst = ALL.get(r.nextInt(ALL.size()));
        int slot = p.slotOf(inst);
        MarkValuation v = p.valuation(slot);
        for (int k = 0; k < 20; k++) {
            double price = inst == INV ? r.nextDouble(20_000, 60_000) : r.nextDouble(0.5, 600);
            p.mark(slot, price);
            assertThat(bits(v.equity(price))).as("equity at %s", price).isEqualTo(bits(p.equity()));
            assertThat(bits(v.netPnl(price))).as("net PnL at %s", price).isEqualTo(bits(p.netPnl()));
            assertThat(bits(v.positionUnrealizedPnl(price)))
                    .isEqualTo(bits(p.position(inst).unrealizedPnl(price)));
            // marking its own instrument leaves the valuation as it is
            assertThat(p.valuation(slot)).isSameAs(v);
        }
    }

    @Test
    void aPositionClosedWithDecimalQuantitiesAddsNothingToTheSums() {
        Portfolio p = new Portfolio(1_000);
        p.apply(new Fill(1, COIN, Side.BUY, 10, 0.1, 0, Liquidity.TAKER, 0, 0));
        p.apply(new Fill(2, COIN, Side.BUY, 10, 0.2, 0, Liquidity.TAKER, 0, 0));
        p.apply(new Fill(3, COIN, Side.SELL, 10, 0.3, 0, Liquidity.TAKER, 0, 0));
        Position c = p.position(COIN);
        assertThat(c.isFlat()).isTrue();
        MarkValuation v = p.valuation(p.slotOf(COIN));
        p.mark(COIN, 12);
        assertThat(bits(v.equity(12))).isEqualTo(bits(p.equity()));
        assertThat(bits(v.netPnl(12))).isEqualTo(bits(p.netPnl()));
        assertThat(bits(v.positionUnrealizedPnl(12))).isEqualTo(bits(c.unrealizedPnl(12)));
    }

    @Test
    void anythingElseThatChangesGivesANewValuation() {
        Portfolio p = new Portfolio(10_000);
        p.apply(new Fill(1, FUT, Side.BUY, 100, 2, 1, Liquidity.TAKER, 0, 0));
        p.apply(new Fill(2, COIN, Side.SELL, 20, 1.5, 0.1, Liquidity.TAKER, 0, 0));
        int fut = p.slotOf(FUT);
        MarkValuation v = p.valuation(fut);
        p.mark(fut, 101);
        assertThat(p.valuation(fut)).isSameAs(v);
        p.mark(COIN, 21); // another instrument's mark moves its term
        MarkValuation afterMark = p.valuation(fut);
        assertThat(afterMark).isNotSameAs(v);
        assertThat(bits(afterMark.equity(101))).isEqualTo(bits(p.equity()));
        p.applyCashFlow(5);
        MarkValuation afterCash = p.valuation(fut);
        assertThat(afterCash).isNotSameAs(afterMark);
        assertThat(bits(afterCash.netPnl(101))).isEqualTo(bits(p.netPnl()));
        p.applyFunding(FUT, 0.75);
        MarkValuation afterFunding = p.valuation(fut);
        assertThat(afterFunding).isNotSameAs(afterCash);
        assertThat(bits(afterFunding.netPnl(101))).isEqualTo(bits(p.netPnl()));
        p.apply(new Fill(3, FUT, Side.SELL, 102, 1, 1, Liquidity.TAKER, 1, 1));
        MarkValuation afterFill = p.valuation(fut);
        assertThat(afterFill).isNotSameAs(afterFunding);
        p.mark(fut, 103);
        assertThat(bits(afterFill.equity(103))).isEqualTo(bits(p.equity()));
        assertThat(bits(afterFill.netPnl(103))).isEqualTo(bits(p.netPnl()));
        p.mark(p.slotOf(COIN), 22); // another slot's mark, by slot
        MarkValuation afterSlotMark = p.valuation(fut);
        assertThat(afterSlotMark).isNotSameAs(afterFill);
        assertThat(bits(afterSlotMark.equity(103))).isEqualTo(bits(p.equity()));
        p.split(FUT, 2); // 1 at 102 becomes 2 at 51, the mark 103 becomes 51.5
        MarkValuation afterSplit = p.valuation(fut);
        assertThat(afterSplit).isNotSameAs(afterSlotMark);
        p.mark(fut, 51.5);
        assertThat(bits(afterSplit.equity(51.5))).isEqualTo(bits(p.equity()));
        assertThat(bits(afterSplit.netPnl(51.5))).isEqualTo(bits(p.netPnl()));
        assertThat(bits(afterSplit.positionUnrealizedPnl(51.5)))
                .isEqualTo(bits(p.position(FUT).unrealizedPnl(51.5)));
        p.split(COIN, 3); // another instrument's split
        assertThat(p.valuation(fut)).isNotSameAs(afterSplit);
        afterFill = p.valuation(fut);
        // a fill applied to the position directly (against the Portfolio's contract) is still seen
        p.position(FUT).apply(new Fill(4, FUT, Side.SELL, 103, 1, 0, Liquidity.TAKER, 2, 2));
        assertThat(p.valuation(fut)).isNotSameAs(afterFill);
    }

    @Test
    void aPriceThatIsNotFiniteIsRefusedAsAMarkIs() {
        Portfolio p = new Portfolio(1_000);
        p.apply(new Fill(1, FUT, Side.BUY, 100, 1, 0, Liquidity.TAKER, 0, 0));
        MarkValuation v = p.valuation(p.slotOf(FUT));
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThatThrownBy(() -> v.equity(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("position in " + FUT.id() + ": mark price must be finite, was " + bad);
            assertThatThrownBy(() -> v.netPnl(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> v.positionUnrealizedPnl(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> p.valuation(5)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
