package io.qtrade.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.margin.MarginLedger;
import io.qtrade.backtest.margin.MarginSettings;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.core.ContractSpec;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.margin.Delivery;
import io.qtrade.core.margin.LeverageBrackets;
import io.qtrade.core.margin.MarginAccount;
import io.qtrade.core.margin.MarginMode;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.core.order.OrderStatus;
import io.qtrade.core.order.TimeInForce;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * Dated futures delivered at expiry, on a hand-built tape: expiry {@code T} = 2 h, a long of 10 contracts bought at
 * 100.01 (taker 4 bps) in isolated margin at 10x. The delivery price is the mean of the INDEX_PRICE rows in
 * {@code [T - 30 min, T]}: 101, 102, 103, 104 -> 102.5 (the rows at 99.5 and 50, just before the window, and the mark
 * 103 are not in it). Tolerance 1e-9 (linear, sums of a few decimal products) and 1e-12 (inverse, coin amounts ~1).
 */
class DeliveryTest {

    static final long MIN = 60_000_000_000L;
    static final long T = 120 * MIN;
    static final long LAT = 100;

    static final class Recorder extends ScriptedStrategy {
        final List<Delivery> deliveries = new ArrayList<>();

        @Override
        public void onDelivery(Delivery delivery) {
            deliveries.add(delivery);
        }
    }

    static EventBatch tape() {
        EventBatch b = new EventBatch(32);
        long t0 = T - 40 * MIN;
        b.addDepth(0, t0, t0, Side.BUY, 99.99, 100);
        b.addDepth(0, t0, t0, Side.SELL, 100.01, 100);
        b.add(0, t0, t0, EventKind.MARK_PRICE, (byte) 0, 100.0, 0, EventBatch.NO_ORDER_ID);
        b.add(0, t0, t0, EventKind.INDEX_PRICE, (byte) 0, 99.5, 0, EventBatch.NO_ORDER_ID);
        b.add(0, T - 30 * MIN - 1, T - 30 * MIN - 1, EventKind.INDEX_PRICE, (byte) 0, 50.0, 0, EventBatch.NO_ORDER_ID);
        double[] index = {101, 102, 103, 104};
        long[] at = {T - 30 * MIN, T - 20 * MIN, T - 10 * MIN, T};
        for (int k = 0; k < 4; k++) {
            b.add(0, at[k], at[k], EventKind.INDEX_PRICE, (byte) 0, index[k], 0, EventBatch.NO_ORDER_ID);
            if (k == 2) {
                b.add(0, T - 5 * MIN, T - 5 * MIN, EventKind.MARK_PRICE, (byte) 0, 103.0, 0, EventBatch.NO_ORDER_ID);
            }
        }
        b.addDepth(0, T + MIN, T + MIN, Side.BUY, 99.98, 1);
        return b;
    }

    /** Buys 10 at market, rests a bid at 95; sends a bid 50 ns before expiry (arrives after) and one after it. */
    static Recorder strategy() {
        Recorder s = new Recorder();
        long t0 = T - 40 * MIN;
        s.at(t0 + 1_000, c -> {
            s.orderIds.add(c.submitMarket(0, Side.BUY, 10));
            s.orderIds.add(c.submitLimit(0, Side.BUY, 95.00, 5, TimeInForce.GTC));
        }).at(T - 50, c -> s.orderIds.add(c.submitLimit(0, Side.BUY, 95.00, 1, TimeInForce.GTC)))
                .at(T + 1_000, c -> s.orderIds.add(c.submitLimit(0, Side.BUY, 95.00, 1, TimeInForce.GTC)));
        return s;
    }

    static BacktestResult run(Instrument future, Recorder s, double cash) {
        return Backtest.builder().source(new InMemoryEventSource(List.of(future), tape()))
                .exchange(ExchangeSettings.builder(future).latency(new ConstantLatency(LAT, LAT))
                        .queue(RiskAverseQueue.INSTANCE).fees(new BpsFees(0.0, 4.0)).build())
                .strategy("s", s).initialCash(cash)
                .margin(new MarginSettings(future, MarginMode.ISOLATED, 10, LeverageBrackets.flat(0.004, 125)))
                .build().run();
    }

    /** The orders after the delivery: the resting bid cancelled at T, the two late bids rejected, all with the reason. */
    static void assertOrdersEndedByExpiry(Recorder s, BacktestResult r, String reason) {
        assertThat(s.last(s.orderIds.get(1)).status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(s.last(s.orderIds.get(1)).reason()).isEqualTo(reason);
        assertThat(s.last(s.orderIds.get(1)).exchTs()).isEqualTo(T);
        for (int k = 2; k <= 3; k++) {
            assertThat(s.last(s.orderIds.get(k)).status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(s.last(s.orderIds.get(k)).reason()).isEqualTo(reason);
        }
        assertThat(s.last(s.orderIds.get(2)).exchTs()).isEqualTo(T + 50);
        Table orders = r.orders();
        assertThat(orders.stringColumn("reason").asList()).containsExactly("", reason, reason, reason);
        assertThat(orders.stringColumn("status").asList()).containsExactly("FILLED", "CANCELED", "REJECTED",
                "REJECTED");
    }

    /**
     * Linear: realised 10 x (102.5 - 100.01) = 24.9; isolated margin 10 x 100.01 / 10 = 100.01 released; wallet
     * 1000 - 0.40004 + 24.9 = 1024.49996, the portfolio's cash and equity the same.
     */
    @Test
    void aLinearFutureIsDeliveredAtTheMeanIndexOfItsLastHalfHour() {
        Instrument future = Instrument.spot("AAAQ", "SYN", 0.01, 1)
                .withContract(ContractSpec.linearFuture("USD", T));
        Recorder s = strategy();
        BacktestResult r = run(future, s, 1_000);

        assertThat(s.deliveries).hasSize(1);
        Delivery d = s.deliveries.get(0);
        assertThat(d.exchTs()).isEqualTo(T);
        assertThat(d.qty()).isEqualTo(10);
        assertThat(d.entryPrice()).isEqualTo(100.01);
        assertThat(d.deliveryPrice()).isEqualTo(102.5);
        assertThat(d.realizedPnl()).isCloseTo(24.9, within(1e-9));
        assertThat(d.releasedMargin()).isCloseTo(100.01, within(1e-9));
        assertThat(r.deliveryRecords()).containsExactly(d);

        MarginAccount account = r.marginAccount("s", "USD");
        assertThat(account.position(future).isFlat()).isTrue();
        assertThat(account.position(future).isolatedWallet()).isZero();
        assertThat(account.deliveredPnl()).isCloseTo(24.9, within(1e-9));
        assertThat(account.walletBalance()).isCloseTo(1_024.49996, within(1e-9));
        assertThat(account.crossWalletBalance()).isCloseTo(1_024.49996, within(1e-9));
        assertThat(r.portfolio("s").position(future).isFlat()).isTrue();
        assertThat(r.portfolio("s").cash()).isCloseTo(1_024.49996, within(1e-9));
        assertThat(r.portfolio("s").equity()).isCloseTo(1_024.49996, within(1e-9));

        // its own line: the deliveries table; the fills are the market buy only
        Table deliveries = r.deliveries();
        assertThat(deliveries.rowCount()).isEqualTo(1);
        assertThat(deliveries.doubleColumn("delivery_price").get(0)).isEqualTo(102.5);
        assertThat(deliveries.doubleColumn("realized_pnl").get(0)).isCloseTo(24.9, within(1e-9));
        assertThat(deliveries.doubleColumn("released_margin").get(0)).isCloseTo(100.01, within(1e-9));
        assertThat(r.tables()).containsKey("deliveries");
        assertThat(r.fillRecords()).hasSize(1);
        String html = io.qtrade.backtest.report.HtmlReport.render(r,
                io.qtrade.backtest.report.ReportOptions.builder().build());
        assertThat(html).contains("<h2>Deliveries</h2>", "id=\"deliveries\"", "<td>102.5000</td>");

        assertOrdersEndedByExpiry(s, r, MarginLedger.REASON_EXPIRED + ": AAAQ@SYN expired at " + T
                + " ns and was delivered at 102.5");
    }

    /**
     * Inverse (coin-margined, contract value 100 USD, settled in AAA): 10 contracts at 100.01 are 1000 / 100.01 AAA;
     * fee 1000 / 100.01 x 0.0004; isolated margin 1000 / 100.01 / 10; realised 10 x 100 x (1/100.01 - 1/102.5) AAA.
     */
    @Test
    void anInverseFutureIsDeliveredInTheBaseCoin() {
        Instrument future = new Instrument("AAAUSD_Q", "SYN", 0.01, 1, 100)
                .withContract(ContractSpec.inverseFuture("AAA", T));
        Recorder s = strategy();
        BacktestResult r = run(future, s, 100);

        double fee = 1_000 / 100.01 * 0.0004;
        double realized = 1_000 * (1 / 100.01 - 1 / 102.5);
        assertThat(r.fillRecords().get(0).fee()).isCloseTo(fee, within(1e-15));
        Delivery d = s.deliveries.get(0);
        assertThat(d.deliveryPrice()).isEqualTo(102.5);
        assertThat(d.realizedPnl()).isCloseTo(realized, within(1e-12));
        assertThat(d.releasedMargin()).isCloseTo(1_000 / 100.01 / 10, within(1e-12));
        MarginAccount account = r.marginAccount("s", "AAA");
        assertThat(account.walletBalance()).isCloseTo(100 - fee + realized, within(1e-12));
        assertThat(account.position(future).isFlat()).isTrue();
        assertThat(r.portfolio("s").position(future).isFlat()).isTrue();
        assertThat(r.portfolio("s").cash()).isCloseTo(100 - fee + realized, within(1e-12));
        assertOrdersEndedByExpiry(s, r, MarginLedger.REASON_EXPIRED + ": AAAUSD_Q@SYN expired at " + T
                + " ns and was delivered at 102.5");
    }

    /** Without an index row in the window the delivery price is the latest mark (here 103, at T - 5 min). */
    @Test
    void withoutIndexRowsTheDeliveryPriceIsTheLatestMark() {
        Instrument future = Instrument.spot("AAAQ", "SYN", 0.01, 1)
                .withContract(ContractSpec.linearFuture("USD", T));
        EventBatch full = tape();
        EventBatch noIndex = new EventBatch(32);
        for (int r = 0; r < full.size(); r++) {
            if (full.kind(r) != EventKind.INDEX_PRICE) {
                noIndex.addFrom(full, r, 0);
            }
        }
        Recorder s = strategy();
        Backtest.builder().source(new InMemoryEventSource(List.of(future), noIndex))
                .exchange(ExchangeSettings.builder(future).latency(new ConstantLatency(LAT, LAT))
                        .queue(RiskAverseQueue.INSTANCE).fees(new BpsFees(0.0, 4.0)).build())
                .strategy("s", s).initialCash(1_000)
                .margin(new MarginSettings(future, MarginMode.CROSS, 10, LeverageBrackets.flat(0.004, 125)))
                .build().run();
        assertThat(s.deliveries.get(0).deliveryPrice()).isEqualTo(103.0);
        assertThat(s.deliveries.get(0).realizedPnl()).isCloseTo(10 * (103.0 - 100.01), within(1e-9));
        assertThat(s.deliveries.get(0).releasedMargin()).isZero();
    }
}
