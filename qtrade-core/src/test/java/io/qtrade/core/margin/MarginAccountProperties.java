package io.qtrade.core.margin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qtrade.core.ContractSpec;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.Liquidity;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Accounting invariants of {@link MarginAccount} (linear and inverse, cross and isolated). */
class MarginAccountProperties {

    static final Instrument LINEAR = MarginAccountTest.BTCUSDT;
    static final Instrument INVERSE = MarginAccountTest.BTCUSD_PERP;

    /**
     * Equity (wallet + isolated margin + unrealised PnL = margin balance) is conserved across fills at the mark and
     * funding, apart from the fees and funding: each step changes it by exactly {@code -fee} or {@code -paid}, and
     * {@code marginBalance == initial + realized + unrealized - fees - funding} throughout.
     */
    @Property(tries = 200)
    void marginBalanceMovesOnlyByFeesAndFunding(@ForAll @Size(min = 1, max = 40) List<@IntRange(min = -50, max = 50) Integer> steps,
                                                @ForAll boolean inverse, @ForAll boolean isolated,
                                                @ForAll @IntRange(min = 0, max = 10) int feeBps) {
        Instrument inst = inverse ? INVERSE : LINEAR;
        MarginAccount a = new MarginAccount(inverse ? "BTC" : "USDT", inverse ? 100 : 10_000_000, 0);
        a.configure(inst, isolated ? MarginMode.ISOLATED : MarginMode.CROSS, 5,
                LeverageBrackets.flat(0.004, 125));
        double price = 40_000;
        double initial = a.initialBalance();
        int k = 0;
        for (int s : steps) {
            price *= 1 + s / 2_000.0; // a mark move of up to 2.5 %
            a.mark(inst, price);
            double before = a.marginBalance();
            if (k++ % 3 == 2) {
                double rate = s / 100_000.0;
                double paid = a.settleFundingAtMark(inst, rate);
                assertThat(a.marginBalance()).isCloseTo(before - paid, within(1e-9 * Math.max(1, Math.abs(before))));
            } else if (s != 0) {
                double qty = inverse ? Math.abs(s) : Math.abs(s) / 100.0;
                double fee = feeBps / 10_000.0 * Math.abs(inst.settlementNotional(price, qty));
                a.apply(new Fill(k, inst, s > 0 ? Side.BUY : Side.SELL, price, qty, fee, Liquidity.TAKER, k, k));
                assertThat(a.marginBalance()).isCloseTo(before - fee, within(1e-9 * Math.max(1, Math.abs(before))));
            }
            double identity = initial + a.realizedPnl() + a.unrealizedPnl() - a.fees() - a.funding();
            assertThat(a.marginBalance()).isCloseTo(identity, within(1e-9 * Math.max(1, Math.abs(identity))));
            double isolatedSum = a.positions().get(0).isolatedWallet();
            assertThat(a.crossWalletBalance() + isolatedSum).isCloseTo(a.walletBalance(), within(1e-6));
        }
    }

    /**
     * An isolated liquidation at any mark past the liquidation price (a gap of any size) leaves the isolated
     * collateral at {@code >= 0}: the account loses at most the isolated margin; whatever the close loses beyond it
     * is the insurance fund's cover (Binance "Insurance Fund": it "will balance the account back to 0").
     */
    @Property(tries = 300)
    void isolatedLiquidationNeverTakesMoreThanTheIsolatedMargin(@ForAll boolean longSide,
                                                                @ForAll @DoubleRange(min = 1, max = 100) double leverage,
                                                                @ForAll @DoubleRange(min = 0, max = 0.6) double gap,
                                                                @ForAll @IntRange(min = 0, max = 500) int clearanceBps,
                                                                @ForAll boolean inverse) {
        Instrument inst = inverse ? INVERSE : LINEAR;
        MarginAccount a = new MarginAccount(inverse ? "BTC" : "USDT", inverse ? 50 : 1_000_000, clearanceBps / 10_000.0);
        a.configure(inst, MarginMode.ISOLATED, leverage, LeverageBrackets.flat(0.004, 125));
        double qty = inverse ? 1_000 : 2;
        a.apply(new Fill(1, inst, longSide ? Side.BUY : Side.SELL, 40_000, qty, 0, Liquidity.TAKER, 0, 0));
        double isolated = a.position(inst).isolatedWallet();
        double walletBefore = a.walletBalance();
        double lp = a.liquidationPrice(inst);
        double mark = longSide ? lp * (1 - gap) - 0.01 : lp * (1 + gap) + 0.01;
        if (mark <= 0) {
            return;
        }
        a.mark(inst, mark);
        List<Liquidation> l = a.liquidateIfDue(1);
        assertThat(l).hasSize(1);
        Liquidation liq = l.get(0);
        assertThat(walletBefore - a.walletBalance()).isLessThanOrEqualTo(isolated * (1 + 1e-12) + 1e-12);
        assertThat(liq.clearanceFee()).isGreaterThanOrEqualTo(0);
        assertThat(liq.insuranceFundCover()).isGreaterThanOrEqualTo(0);
        assertThat(isolated + liq.realizedPnl() - liq.fee()).isGreaterThanOrEqualTo(-1e-9);
        assertThat(a.walletBalance()).isGreaterThanOrEqualTo(0);
    }

    /**
     * A delivery at the mark conserves the margin balance (no fee: the unrealised PnL becomes realised) and leaves the
     * position flat with its isolated margin back in the cross wallet, for any path of fills, linear or inverse, cross or
     * isolated; the wallet moves by exactly the delivery's realised PnL.
     */
    @Property(tries = 200)
    void deliveryAtTheMarkConservesTheMarginBalance(@ForAll @Size(min = 1, max = 20) List<@IntRange(min = -50, max = 50) Integer> steps,
                                                    @ForAll boolean inverse, @ForAll boolean isolated,
                                                    @ForAll @DoubleRange(min = 0.8, max = 1.2) double settle) {
        long expiry = 1_700_000_000_000_000_000L;
        Instrument inst = inverse
                ? new Instrument("BTCUSD_Q", "BINANCE", 0.1, 1, 100.0).withContract(ContractSpec.inverseFuture("BTC", expiry))
                : new Instrument("BTCUSDT_Q", "BINANCE", 0.1, 0.001, 1.0).withContract(ContractSpec.linearFuture("USDT", expiry));
        MarginAccount a = new MarginAccount(inverse ? "BTC" : "USDT", inverse ? 100 : 10_000_000, 0);
        a.configure(inst, isolated ? MarginMode.ISOLATED : MarginMode.CROSS, 5, LeverageBrackets.flat(0.004, 125));
        double price = 40_000;
        int k = 0;
        for (int s : steps) {
            price *= 1 + s / 2_000.0;
            if (s != 0) {
                double qty = inverse ? Math.abs(s) : Math.abs(s) / 100.0;
                a.apply(new Fill(++k, inst, s > 0 ? Side.BUY : Side.SELL, price, qty, 0, Liquidity.TAKER, k, k));
            }
        }
        double deliveryPrice = price * settle;
        a.mark(inst, deliveryPrice);
        double before = a.marginBalance();
        double wallet = a.walletBalance();
        Delivery d = a.deliver(inst, expiry, deliveryPrice);
        assertThat(a.marginBalance()).isCloseTo(before, within(1e-9 * Math.max(1, Math.abs(before))));
        assertThat(a.walletBalance()).isCloseTo(wallet + d.realizedPnl(), within(1e-9 * Math.max(1, Math.abs(wallet))));
        assertThat(a.position(inst).isFlat()).isTrue();
        assertThat(a.crossWalletBalance()).isCloseTo(a.walletBalance(), within(1e-9 * Math.max(1, Math.abs(wallet))));
    }
}
