package io.qtrade.core.margin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qtrade.core.ContractSpec;
import io.qtrade.core.Instrument;
import io.qtrade.core.InstrumentKind;
import io.qtrade.core.Side;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.Liquidity;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarginAccountTest {

    static final Instrument BTCUSDT = new Instrument("BTCUSDT", "BINANCE", 0.1, 0.001, 1.0)
            .withContract(ContractSpec.linearPerpetual("USDT", ContractSpec.EIGHT_HOURS));
    /** Binance COIN-M BTCUSD_PERP: contract value 100 USD, settled in BTC. */
    static final Instrument BTCUSD_PERP = new Instrument("BTCUSD_PERP", "BINANCE", 0.1, 1, 100.0)
            .withContract(ContractSpec.inversePerpetual("BTC", ContractSpec.EIGHT_HOURS));
    static final LeverageBrackets FAQ = LeverageBrackets.fromFloors(new double[] {0, 50_000, 250_000},
            new double[] {0.004, 0.005, 0.01}, new double[] {125, 100, 50}, 1_000_000);

    static Fill fill(Instrument i, Side side, double price, double qty, double fee) {
        return new Fill(1, i, side, price, qty, fee, Liquidity.TAKER, 0, 0);
    }

    @Test
    void spotConstructorKeepsSpotAndKindsSayWhatTheyAre() {
        assertThat(Instrument.spot("AAA", "SYN", 0.01, 1).kind()).isEqualTo(InstrumentKind.SPOT);
        assertThat(BTCUSDT.kind().isPerpetual()).isTrue();
        assertThat(BTCUSD_PERP.kind().isInverse()).isTrue();
        assertThat(BTCUSDT).isNotEqualTo(new Instrument("BTCUSDT", "BINANCE", 0.1, 0.001, 1.0));
        // inverse: 10 contracts of 100 USD at 40,000 are worth 1000/40000 = 0.025 BTC
        assertThat(BTCUSD_PERP.settlementNotional(40_000, 10)).isEqualTo(0.025);
        assertThatThrownBy(() -> new ContractSpec(InstrumentKind.LINEAR_PERPETUAL, "USDT", 0, ContractSpec.NO_EXPIRY))
                .hasMessageContaining("fundingIntervalNanos must be > 0");
    }

    /** Binance COIN-M: PnL = contracts x contract value x (1/entry - 1/exit), in BTC; arithmetic in the comments. */
    @Test
    void inversePnlIsInTheBaseCoinWithHarmonicEntry() {
        MarginAccount btc = new MarginAccount("BTC", 1.0, 0);
        btc.configure(BTCUSD_PERP, MarginMode.CROSS, 10, LeverageBrackets.flat(0.005, 125));
        btc.apply(fill(BTCUSD_PERP, Side.BUY, 40_000, 10, 0));
        btc.apply(fill(BTCUSD_PERP, Side.BUY, 50_000, 10, 0));
        // harmonic mean: 20 / (10/40000 + 10/50000) = 44,444.44...
        assertThat(btc.position(BTCUSD_PERP).entryPrice()).isCloseTo(20 / (10 / 40_000.0 + 10 / 50_000.0),
                within(1e-9));
        btc.apply(fill(BTCUSD_PERP, Side.SELL, 45_000, 20, 0));
        // 10*100*(1/40000 - 1/45000) + 10*100*(1/50000 - 1/45000) = 0.0027778 - 0.0022222 = 0.000555...
        double expected = 1000 * (1 / 40_000.0 - 1 / 45_000.0) + 1000 * (1 / 50_000.0 - 1 / 45_000.0);
        assertThat(btc.realizedPnl()).isCloseTo(expected, within(1e-15));
        assertThat(btc.walletBalance()).isCloseTo(1.0 + expected, within(1e-15));
        // a short of 100 contracts from 50,000 marked at 40,000: -100*100*(1/50000 - 1/40000) = +0.05 BTC
        btc.apply(fill(BTCUSD_PERP, Side.SELL, 50_000, 100, 0));
        btc.mark(BTCUSD_PERP, 40_000);
        assertThat(btc.unrealizedPnl()).isCloseTo(0.05, within(1e-15));
        // funding in BTC: 100 contracts * 100 / 40,000 * 0.0001 = 0.000025 BTC, received by the short
        assertThat(btc.settleFunding(BTCUSD_PERP, 0, 0.0001, 40_000).paid()).isCloseTo(-0.000025, within(1e-18));
    }

    /** The COIN-M isolated price makes margin balance equal maintenance margin (checked a cent either side). */
    @Test
    void inverseIsolatedLiquidationPriceIsWhereMarginMeetsMaintenance() {
        LeverageBrackets coin = LeverageBrackets.fromFloors(new double[] {0, 5, 10}, new double[] {0.004, 0.005, 0.01},
                new double[] {125, 100, 50}, 1000);
        for (Side side : Side.values()) {
            MarginAccount btc = new MarginAccount("BTC", 2.0, 0);
            btc.configure(BTCUSD_PERP, MarginMode.ISOLATED, 20, coin);
            btc.apply(fill(BTCUSD_PERP, side, 40_000, 2_500, 0)); // 250,000 USD = 6.25 BTC, bracket 2
            double lp = btc.liquidationPrice(BTCUSD_PERP);
            MarginPosition p = btc.position(BTCUSD_PERP);
            double wb = p.isolatedWallet();
            assertThat(wb).isCloseTo(6.25 / 20, within(1e-12));
            double mm = coin.maintenanceMargin(250_000 / lp);
            assertThat(wb + p.unrealizedPnl(lp)).isCloseTo(mm, within(1e-12));
            int s = side.sign() > 0 ? 1 : -1;
            btc.mark(BTCUSD_PERP, lp + s * 0.01);
            assertThat(btc.liquidationDue()).isFalse();
            btc.mark(BTCUSD_PERP, lp - s * 0.01);
            assertThat(btc.liquidationDue()).isTrue();
        }
    }

    @Test
    void orderBeyondAvailableMarginIsRejectedWithTheNumbers() {
        MarginAccount usdt = new MarginAccount("USDT", 1_000, 0);
        usdt.configure(BTCUSDT, MarginMode.CROSS, 10, FAQ);
        MarginCheck ok = usdt.checkOrder(BTCUSDT, Side.BUY, 0.4, 20_000); // 8,000 / 10 = 800 <= 1,000
        assertThat(ok.accepted()).isTrue();
        assertThat(ok.initialMargin()).isCloseTo(800, within(1e-9));
        MarginCheck no = usdt.checkOrder(BTCUSDT, Side.BUY, 1, 20_000); // 20,000 / 10 = 2,000 > 1,000
        assertThat(no.accepted()).isFalse();
        assertThat(no.reason()).contains("needs initial margin 2000.0 USDT", "available balance is 1000.0 USDT");
        usdt.apply(fill(BTCUSDT, Side.BUY, 20_000, 0.4, 0));
        // reducing never needs margin
        assertThat(usdt.checkOrder(BTCUSDT, Side.SELL, 0.4, 20_000).accepted()).isTrue();
        assertThat(usdt.availableBalance()).isCloseTo(200, within(1e-9));
        // leverage 125 is above bracket 2's 100: 3 BTC at 20,000 = 60,000 notional is refused
        MarginAccount big = new MarginAccount("USDT", 1_000_000, 0);
        big.configure(BTCUSDT, MarginMode.CROSS, 125, FAQ);
        MarginCheck cap = big.checkOrder(BTCUSDT, Side.BUY, 3, 20_000);
        assertThat(cap.accepted()).isFalse();
        assertThat(cap.reason()).contains("bracket 2", "max leverage is 100.0", "leverage set 125.0");
    }

    /** Gap through the bankruptcy price: the trader loses the isolated margin (and the fee), the fund covers the rest. */
    @Test
    void isolatedLiquidationThroughBankruptcyLosesOnlyTheIsolatedMargin() {
        MarginAccount usdt = new MarginAccount("USDT", 10_000, 0.005);
        usdt.configure(BTCUSDT, MarginMode.ISOLATED, 10, FAQ);
        usdt.apply(fill(BTCUSDT, Side.BUY, 42_000, 1, 16.8)); // isolated margin 4,200
        assertThat(usdt.crossWalletBalance()).isCloseTo(10_000 - 4_200 - 16.8, within(1e-9));
        usdt.mark(BTCUSDT, 36_000); // past LP 37,951.81 and past bankruptcy 37,800: loss 6,000 > 4,200
        List<Liquidation> l = usdt.liquidateIfDue(5);
        assertThat(l).hasSize(1);
        Liquidation liq = l.get(0);
        assertThat(liq.side()).isEqualTo(Side.SELL);
        assertThat(liq.price()).isEqualTo(36_000);
        assertThat(liq.liquidationPrice()).isCloseTo(37_951.80722891566, within(1e-6));
        assertThat(liq.realizedPnl()).isCloseTo(-6_000, within(1e-9));
        assertThat(liq.clearanceFee()).isZero();
        assertThat(liq.insuranceFundCover()).isCloseTo(1_800, within(1e-9));
        assertThat(usdt.walletBalance()).isCloseTo(10_000 - 16.8 - 4_200, within(1e-9));
        assertThat(usdt.position(BTCUSDT).isFlat()).isTrue();
        assertThat(usdt.liquidateIfDue(6)).isEmpty();
    }

    /** Liquidated just past LP: the clearance fee is the rate times the notional, capped at what is left. */
    @Test
    void isolatedLiquidationAtLiquidationPriceChargesTheClearanceFee() {
        MarginAccount usdt = new MarginAccount("USDT", 10_000, 0.005);
        usdt.configure(BTCUSDT, MarginMode.ISOLATED, 10, FAQ);
        usdt.apply(fill(BTCUSDT, Side.BUY, 42_000, 1, 0));
        usdt.mark(BTCUSDT, 37_950);
        Liquidation liq = usdt.liquidateIfDue(5).get(0);
        double remaining = 4_200 + (37_950 - 42_000); // 150
        assertThat(liq.clearanceFee()).isCloseTo(Math.min(0.005 * 37_950, remaining), within(1e-9));
        assertThat(usdt.walletBalance()).isCloseTo(10_000 - 4_050 - liq.clearanceFee(), within(1e-9));
        assertThat(usdt.clearanceFees()).isEqualTo(liq.clearanceFee());
    }

    @Test
    void crossLiquidationClosesEveryCrossPosition() {
        Instrument eth = new Instrument("ETHUSDT", "BINANCE", 0.01, 0.001, 1.0)
                .withContract(ContractSpec.linearPerpetual("USDT", ContractSpec.EIGHT_HOURS));
        MarginAccount usdt = new MarginAccount("USDT", 2_000, 0.0);
        usdt.configure(BTCUSDT, MarginMode.CROSS, 20, FAQ);
        usdt.configure(eth, MarginMode.CROSS, 20, LeverageBrackets.flat(0.005, 100));
        usdt.apply(fill(BTCUSDT, Side.BUY, 40_000, 0.5, 0));
        usdt.apply(fill(eth, Side.BUY, 2_000, 5, 0));
        double lp = usdt.liquidationPrice(BTCUSDT);
        // cross LP of BTC with ETH at its entry: (2000 - 50 + 0 + 0 - 0.5*40000)/(0.5*0.004 - 0.5)
        assertThat(lp).isCloseTo((2_000 - 10_000 * 0.005 - 20_000) / (0.5 * 0.004 - 0.5), within(1e-9));
        usdt.mark(BTCUSDT, lp + 1);
        assertThat(usdt.liquidationDue()).isFalse();
        usdt.mark(BTCUSDT, lp - 1);
        List<Liquidation> l = usdt.liquidateIfDue(9);
        assertThat(l).extracting(Liquidation::instrument).containsExactly(BTCUSDT, eth);
        assertThat(usdt.crossWalletBalance()).isGreaterThanOrEqualTo(0);
        assertThat(usdt.positions()).allMatch(MarginPosition::isFlat);
    }

    @Test
    void isolatedFundingComesOutOfTheIsolatedWallet() {
        MarginAccount usdt = new MarginAccount("USDT", 10_000, 0);
        usdt.configure(BTCUSDT, MarginMode.ISOLATED, 10, FAQ);
        usdt.apply(fill(BTCUSDT, Side.BUY, 40_000, 1, 0));
        FundingPayment pay = usdt.settleFunding(BTCUSDT, 0, 0.0001, 40_000);
        assertThat(pay.paid()).isCloseTo(4, within(1e-12)); // 1 * 40,000 * 0.0001
        assertThat(usdt.position(BTCUSDT).isolatedWallet()).isCloseTo(4_000 - 4, within(1e-9));
        assertThat(usdt.walletBalance()).isCloseTo(10_000 - 4, within(1e-9));
    }

    @Test
    void bracketLoaderReadsBinanceJsonAndNamesBadLines() {
        String json = "[{\"symbol\":\"ETHUSDT\",\"brackets\":[{\"bracket\":1,\"initialLeverage\":125,"
                + "\"notionalCap\":10000,\"notionalFloor\":0,\"maintMarginRatio\":0.005,\"cum\":0.0},"
                + "{\"bracket\":2,\"initialLeverage\":100,\"notionalCap\":100000,\"notionalFloor\":10000,"
                + "\"maintMarginRatio\":0.0065,\"cum\":15.0}]}]";
        LeverageBrackets b = LeverageBrackets.read(new StringReader(json), "eth.json");
        assertThat(b.size()).isEqualTo(2);
        assertThat(b.forNotional(20_000).cum()).isEqualTo(15.0);
        assertThat(b.maxLeverage(5_000)).isEqualTo(125);
        assertThatThrownBy(() -> LeverageBrackets.read(new StringReader("floor,cap,mmr\n0,100,x\n"), "bad.csv"))
                .hasMessageContaining("bad.csv line 2").hasMessageContaining("mmr");
        assertThatThrownBy(() -> LeverageBrackets.read(new StringReader("floor,cap,mmr\n0,100,0.01\n200,300,0.02\n"),
                "gap.csv")).hasMessageContaining("contiguous");
    }

    /**
     * Delivery at expiry: isolated long of 2 BTCUSDT quarterly at 40,000 (isolated margin 80,000 / 10 = 8,000), delivered
     * at 41,000: realised 2 x 1,000 = 2,000 into the wallet, the 8,000 released to the cross wallet, no fee. Inverse short
     * of 10 BTCUSD quarterly contracts (100 USD) at 40,000, delivered at 50,000: -10 x 100 x (1/40,000 - 1/50,000) =
     * -0.005 BTC.
     */
    @Test
    void aDatedFutureIsDeliveredAtTheDeliveryPrice() {
        long expiry = 1_700_000_000_000_000_000L;
        Instrument quarterly = new Instrument("BTCUSDT_Q", "BINANCE", 0.1, 0.001, 1.0)
                .withContract(ContractSpec.linearFuture("USDT", expiry));
        MarginAccount a = new MarginAccount("USDT", 10_000);
        a.configure(quarterly, MarginMode.ISOLATED, 10, FAQ);
        a.apply(fill(quarterly, Side.BUY, 40_000, 2, 0));
        assertThat(a.crossWalletBalance()).isCloseTo(2_000, within(1e-9));
        Delivery d = a.deliver(quarterly, expiry, 41_000);
        assertThat(d.qty()).isEqualTo(2);
        assertThat(d.entryPrice()).isEqualTo(40_000);
        assertThat(d.realizedPnl()).isCloseTo(2_000, within(1e-9));
        assertThat(d.releasedMargin()).isCloseTo(8_000, within(1e-9));
        assertThat(a.walletBalance()).isCloseTo(12_000, within(1e-9));
        assertThat(a.crossWalletBalance()).isCloseTo(12_000, within(1e-9));
        assertThat(a.deliveredPnl()).isCloseTo(2_000, within(1e-9));
        assertThat(a.position(quarterly).isFlat()).isTrue();

        Instrument coinQuarterly = new Instrument("BTCUSD_Q", "BINANCE", 0.1, 1, 100.0)
                .withContract(ContractSpec.inverseFuture("BTC", expiry));
        MarginAccount b = new MarginAccount("BTC", 1);
        b.configure(coinQuarterly, MarginMode.CROSS, 5, FAQ);
        b.apply(fill(coinQuarterly, Side.SELL, 40_000, 10, 0));
        Delivery inv = b.deliver(coinQuarterly, expiry, 50_000);
        assertThat(inv.qty()).isEqualTo(-10);
        assertThat(inv.realizedPnl()).isCloseTo(-0.005, within(1e-15));
        assertThat(inv.releasedMargin()).isZero();
        assertThat(b.walletBalance()).isCloseTo(0.995, within(1e-15));

        assertThatThrownBy(() -> a.deliver(quarterly, expiry, Double.NaN)).hasMessageContaining("delivery price");
        MarginAccount c = new MarginAccount("USDT", 1_000);
        c.configure(BTCUSDT, MarginMode.CROSS, 10, FAQ);
        assertThatThrownBy(() -> c.deliver(BTCUSDT, expiry, 40_000)).hasMessageContaining("not a dated future");
    }
}
