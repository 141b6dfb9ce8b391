package io.qtrade.core.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.Liquidity;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * Accounting invariants over random fill sequences in three instruments: a spot coin with a 0.001 lot (decimal
 * quantities, so float dust), a future with multiplier 50, and a calendar spread with multiplier 1000 whose prices
 * are often negative. Random sides and sizes add to, reduce and flip positions through zero; fees are random in sign
 * (rebates).
 *
 * <p>Tolerance: relative 1e-9 of the gross money that went through the account ({@code |initialCash| + sum
 * |notional| + sum |fee| + |marked value|}). Each fill is a handful of double operations, each with relative error
 * at most 2^-53 (1.1e-16) of a value no larger than that scale; 200 fills accumulate well under 1e-12 of it, so
 * 1e-9 is three orders of magnitude clear of rounding. A real accounting mistake (a lost multiplier, a sign, a
 * fill applied twice) moves the identity by at least one fill's notional, which is many orders above 1e-9 of the
 * scale for sequences of at most 200 fills. Mistakes as small as one fee are caught by the hand-checked tests and by
 * the comparison with the BigDecimal reference below, which is per instrument.
 */
class PortfolioProperties {

    static final Instrument COIN = Instrument.spot("BTCUSDT", "BINANCE", 0.01, 0.001);
    static final Instrument FUTURE = new Instrument("ESZ5", "CME", 0.25, 1.0, 50.0);
    static final Instrument SPREAD = new Instrument("CLZ5-CLF6", "NYMEX", 0.01, 1.0, 1000.0);
    static final Instrument[] INSTRUMENTS = {COIN, FUTURE, SPREAD};
    static final double REL_TOL = 1e-9;

    /** One generated fill: which instrument, side, size in lots, price in ticks, fee in cents. */
    record Trade(int instrument, Side side, int lots, long priceTicks, int feeCents) {
        Fill toFill(long orderId) {
            Instrument ins = INSTRUMENTS[instrument];
            return new Fill(orderId, ins, side, ins.toPrice(priceTicks), lots * ins.lotSize(), feeCents / 100.0,
                    feeCents < 0 ? Liquidity.MAKER : Liquidity.TAKER, orderId, orderId);
        }
    }

    static Arbitrary<Long> priceTicks(int instrument) {
        return switch (instrument) {
            case 0 -> Arbitraries.longs().between(100_000L, 10_000_000L);  // 1,000.00 .. 100,000.00
            case 1 -> Arbitraries.longs().between(16_000L, 24_000L);       // 4,000.00 .. 6,000.00
            default -> Arbitraries.longs().between(-500L, 500L);            // -5.00 .. 5.00
        };
    }

    @Provide
    Arbitrary<Trade> trade() {
        return Arbitraries.integers().between(0, 2).flatMap(i -> Combinators.combine(
                        Arbitraries.of(Side.class),
                        Arbitraries.integers().between(1, 50),
                        priceTicks(i),
                        Arbitraries.integers().between(-200, 1_000))
                .as((side, lots, ticks, fee) -> new Trade(i, side, lots, ticks, fee)));
    }

    @Provide
    Arbitrary<List<Trade>> trades() {
        // uniform sizes: long sequences, where positions flip through zero many times, are as likely as short ones
        return trade().list().ofMinSize(1).ofMaxSize(200).withSizeDistribution(RandomDistribution.uniform());
    }

    @Provide
    Arbitrary<long[]> marks() {
        return Combinators.combine(priceTicks(0), priceTicks(1), priceTicks(2))
                .as((a, b, c) -> new long[] {a, b, c});
    }

    @Property(tries = 500)
    void equityMinusInitialCashIsRealizedPlusUnrealizedMinusFeesAfterEveryFill(
            @ForAll("trades") List<Trade> trades, @ForAll("marks") long[] marks,
            @ForAll @IntRange(min = 0, max = 7) int unmarkedMask,
            @ForAll @IntRange(min = -1_000_000, max = 100_000_000) int initialCash) {
        Portfolio pf = new Portfolio(initialCash);
        for (int i = 0; i < INSTRUMENTS.length; i++) {
            if ((unmarkedMask >> i & 1) == 0) {
                pf.mark(INSTRUMENTS[i], INSTRUMENTS[i].toPrice(marks[i])); // the others are carried at cost
            }
        }
        double gross = Math.abs((double) initialCash);
        double cashFlows = 0.0;
        long id = 0;
        for (Trade t : trades) {
            Fill f = t.toFill(++id);
            pf.apply(f);
            gross += Math.abs(f.notional()) + Math.abs(f.fee());
            cashFlows += f.cashFlow();

            double scale = gross + Math.abs(pf.marketValue());
            double lhs = pf.equity() - pf.initialCash();
            double rhs = pf.realizedPnl() + pf.unrealizedPnl() - pf.fees();
            assertThat(Math.abs(lhs - rhs)).as("equity - initialCash vs realized + unrealized - fees after %s", f)
                    .isLessThanOrEqualTo(REL_TOL * scale);
            assertThat(pf.netPnl()).isEqualTo(rhs);
            assertThat(Math.abs(pf.cash() - (initialCash + cashFlows))).isLessThanOrEqualTo(REL_TOL * scale);
        }
    }

    @Property(tries = 500)
    void positionQtyIsTheSumOfSignedFillQtys(@ForAll("trades") List<Trade> trades) {
        Portfolio pf = new Portfolio(0.0);
        long[] signedLots = new long[INSTRUMENTS.length];
        long id = 0;
        for (Trade t : trades) {
            pf.apply(t.toFill(++id));
            signedLots[t.instrument()] += t.side().sign() * (long) t.lots();
        }
        for (int i = 0; i < INSTRUMENTS.length; i++) {
            Instrument ins = INSTRUMENTS[i];
            Position p = pf.position(ins);
            double expected = signedLots[i] * ins.lotSize(); // exact count of lots, one rounding
            // at most 200 additions of values below 10^4 lots: rounding far below 1e-9 lot per fill
            assertThat(Math.abs(p.qty() - expected)).as("qty of %s", ins.id())
                    .isLessThanOrEqualTo(1e-9 * ins.lotSize() * trades.size());
            if (signedLots[i] == 0) {
                assertThat(p.qty()).as("flat %s is exactly flat", ins.id()).isEqualTo(0.0);
                assertThat(p.isFlat()).isTrue();
                assertThat(p.avgEntryPrice()).isNaN();
            } else {
                assertThat(p.isFlat()).isFalse();
                assertThat(Math.signum(p.qty())).isEqualTo(Math.signum((double) signedLots[i]));
            }
        }
    }

    @Property(tries = 500)
    void aRoundTripAtOnePriceRealizesNothing(@ForAll @IntRange(min = 0, max = 2) int instrument,
                                             @ForAll("roundTripSizes") List<Integer> signedLots,
                                             @ForAll @IntRange(min = -200, max = 1_000) int feeCents,
                                             @ForAll @LongRange(min = -500, max = 500) long spreadTicks,
                                             @ForAll @LongRange(min = 16_000, max = 10_000_000) long outrightTicks) {
        Instrument ins = INSTRUMENTS[instrument];
        long ticks = instrument == 2 ? spreadTicks : instrument == 1 ? 16_000 + outrightTicks % 8_001 : outrightTicks;
        double price = ins.toPrice(ticks);
        Portfolio pf = new Portfolio(1_000_000.0);
        long net = 0;
        double gross = 0.0;
        long id = 0;
        for (int lots : signedLots) {
            apply(pf, ins, lots, price, feeCents, ++id);
            net += lots;
            gross += Math.abs(ins.notional(price, lots * ins.lotSize()));
        }
        if (net != 0) {
            apply(pf, ins, -net, price, feeCents, ++id); // close the round trip at the same price
            gross += Math.abs(ins.notional(price, net * ins.lotSize()));
        }
        Position p = pf.position(ins);
        assertThat(p.qty()).isEqualTo(0.0);
        assertThat(Math.abs(p.realizedPnl())).isLessThanOrEqualTo(REL_TOL * gross);
        // all that is left of the round trip is the fees
        assertThat(Math.abs(pf.cash() - (1_000_000.0 - pf.fees()))).isLessThanOrEqualTo(REL_TOL * (gross + 1e6));
        assertThat(pf.fees()).isEqualTo(feeCents / 100.0 * id, org.assertj.core.api.Assertions.within(1e-9 * id));
    }

    @Provide
    Arbitrary<List<Integer>> roundTripSizes() {
        return Arbitraries.integers().between(-50, 50).filter(x -> x != 0).list().ofMinSize(1).ofMaxSize(50);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void matchesABigDecimalAverageCostReference(@ForAll("trades") @Size(max = 200) List<Trade> trades) {
        Portfolio pf = new Portfolio(0.0);
        Reference[] refs = {new Reference(), new Reference(), new Reference()};
        long id = 0;
        int flips = 0;
        for (Trade t : trades) {
            Fill f = t.toFill(++id);
            pf.apply(f);
            flips += refs[t.instrument()].apply(f) ? 1 : 0;
        }
        Statistics.label("flipped through zero").collect(flips > 0);
        Statistics.label("flipped through zero").coverage(c -> c.check(true).percentage(pct -> pct > 50.0));
        for (int i = 0; i < INSTRUMENTS.length; i++) {
            Position p = pf.position(INSTRUMENTS[i]);
            Reference r = refs[i];
            double scale = r.grossNotional.doubleValue() + 1.0;
            assertThat(Math.abs(p.realizedPnl() - r.realized.doubleValue())).as("realized of %s", INSTRUMENTS[i].id())
                    .isLessThanOrEqualTo(REL_TOL * scale);
            assertThat(Math.abs(p.qty() - r.qty.doubleValue())).isLessThanOrEqualTo(1e-9 * trades.size());
            if (r.qty.signum() == 0) {
                assertThat(p.avgEntryPrice()).isNaN();
            } else {
                assertThat(Math.abs(p.avgEntryPrice() - r.avg.doubleValue()))
                        .as("avg entry price of %s", INSTRUMENTS[i].id())
                        .isLessThanOrEqualTo(REL_TOL * (Math.abs(r.avg.doubleValue()) + 1.0));
            }
        }
    }

    private static void apply(Portfolio pf, Instrument ins, long signedLots, double price, int feeCents, long id) {
        Side side = signedLots > 0 ? Side.BUY : Side.SELL;
        pf.apply(new Fill(id, ins, side, price, Math.abs(signedLots) * ins.lotSize(), feeCents / 100.0,
                Liquidity.TAKER, id, id));
    }

    /** Average cost in 34-digit decimal arithmetic, written from the formulas in the Position Javadoc. */
    static final class Reference {
        BigDecimal qty = BigDecimal.ZERO;
        BigDecimal avg = BigDecimal.ZERO;
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal grossNotional = BigDecimal.ZERO;

        /** Applies the fill; whether it went through zero. */
        boolean apply(Fill f) {
            MathContext mc = MathContext.DECIMAL128;
            BigDecimal m = new BigDecimal(f.instrument().contractMultiplier());
            BigDecimal price = new BigDecimal(f.price());
            BigDecimal q = new BigDecimal(f.qty());
            BigDecimal signed = f.side() == Side.BUY ? q : q.negate();
            grossNotional = grossNotional.add(price.abs().multiply(q).multiply(m));
            if (qty.signum() == 0) {
                qty = signed;
                avg = price;
                return false;
            }
            if (qty.signum() == signed.signum()) {
                avg = avg.multiply(qty.abs()).add(price.multiply(q)).divide(qty.abs().add(q), mc);
                qty = qty.add(signed);
                return false;
            }
            BigDecimal closed = q.min(qty.abs());
            realized = realized.add(price.subtract(avg).multiply(closed).multiply(m)
                    .multiply(BigDecimal.valueOf(qty.signum())));
            BigDecimal remaining = qty.add(signed);
            // the exact binary values of decimal lots (0.001 * k) leave dust such as 1e-19: flat, as in Position
            if (remaining.abs().doubleValue() < Position.FLAT_TOLERANCE_LOTS * f.instrument().lotSize()) {
                remaining = BigDecimal.ZERO;
            }
            boolean flipped = remaining.signum() != 0 && remaining.signum() != qty.signum();
            if (remaining.signum() == 0) {
                avg = BigDecimal.ZERO;
            } else if (flipped) {
                avg = price;
            }
            qty = remaining;
            return flipped;
        }
    }
}
