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
import io.qtrade.core.margin.LeverageBrackets;
import io.qtrade.core.margin.Liquidation;
import io.qtrade.core.margin.MarginMode;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.order.OrderStatus;
import io.qtrade.core.order.TimeInForce;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * A liquidation first cancels the strategy's open orders at the venue (Binance, "Liquidation Protocols": "all open
 * orders will be cancelled" when the liquidation is triggered): on the liquidated instrument in isolated mode, on every
 * cross instrument in cross mode. Hand-built tapes; every number below is worked out in the comments (tolerance 1e-9:
 * sums of a few decimal products in binary floating point).
 */
class LiquidationCancelsOrdersTest {

    static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1)
            .withContract(ContractSpec.linearPerpetual("USD", Duration.ofHours(8)));
    static final Instrument BBB = Instrument.spot("BBB", "SYN", 0.01, 1)
            .withContract(ContractSpec.linearPerpetual("USD", Duration.ofHours(8)));
    /** Entry and response latency, ns. */
    static final long LAT = 100;
    static final LeverageBrackets MMR_04 = LeverageBrackets.flat(0.004, 125);

    /** A strategy that records, in order, its order updates and liquidations as text lines, and the reports. */
    static final class Recorder extends ScriptedStrategy {
        final List<String> log = new ArrayList<>();
        final List<Liquidation> liquidations = new ArrayList<>();

        @Override
        public void onOrderUpdate(ExecutionReport report) {
            super.onOrderUpdate(report);
            log.add("update " + report.orderId() + " " + report.status() + " @" + report.localTs());
        }

        @Override
        public void onLiquidation(Liquidation liquidation) {
            liquidations.add(liquidation);
            log.add("liquidation " + liquidation.instrument().symbol() + " @" + liquidation.exchTs());
        }
    }

    static ExchangeSettings settings(Instrument i) {
        // taker 4 bps, maker 0: the market buy pays 10 x 100.01 x 0.0004 = 0.40004
        return ExchangeSettings.builder(i).latency(new ConstantLatency(LAT, LAT)).queue(RiskAverseQueue.INSTANCE)
                .fees(new BpsFees(0.0, 4.0)).build();
    }

    /** Both books 99.99 / 100.01, 100 deep, at t = 1000; mark rows of AAA at the given times and prices. */
    static EventBatch tape(long[] markTs, double[] marks) {
        EventBatch b = new EventBatch(64);
        for (int i = 0; i < 2; i++) {
            b.addDepth(i, 1_000, 1_000, Side.BUY, 99.99, 100);
            b.addDepth(i, 1_000, 1_000, Side.SELL, 100.01, 100);
        }
        b.add(0, 1_000, 1_000, EventKind.MARK_PRICE, (byte) 0, 100.0, 0, EventBatch.NO_ORDER_ID);
        for (int k = 0; k < markTs.length; k++) {
            b.add(0, markTs[k], markTs[k], EventKind.MARK_PRICE, (byte) 0, marks[k], 0, EventBatch.NO_ORDER_ID);
        }
        // a last quiet row so that the run reaches past every response
        b.addDepth(1, 9_000, 9_000, Side.BUY, 99.98, 1);
        return b;
    }

    /**
     * Isolated x10, a long of 10 bought at 100.01: isolated wallet 10 x 100.01 / 10 = 100.01. Mark 90.5: margin balance
     * 100.01 - 95.1 = 4.91 >= MM 10 x 90.5 x 0.004 = 3.62, kept. Mark 90.3: 100.01 - 97.1 = 2.91 < MM 3.612: liquidated
     * at 5000. Its two resting AAA orders are cancelled at 5000 with the liquidation's reason (seen at 5100); the BBB
     * order and the AAA order still in flight (sent 4950, arrives 5050) stay open.
     */
    @Test
    void isolatedLiquidationCancelsTheOrdersOfItsInstrumentFirst() {
        Recorder s = new Recorder();
        s.at(2_000, c -> s.orderIds.add(c.submitMarket(0, Side.BUY, 10)))
                .at(3_000, c -> {
                    s.orderIds.add(c.submitLimit(0, Side.BUY, 95.00, 5, TimeInForce.GTC));
                    s.orderIds.add(c.submitLimit(0, Side.SELL, 110.00, 5, TimeInForce.GTC));
                    s.orderIds.add(c.submitLimit(1, Side.BUY, 95.00, 5, TimeInForce.GTC));
                })
                .at(4_950, c -> s.orderIds.add(c.submitLimit(0, Side.BUY, 94.00, 1, TimeInForce.GTC)));
        BacktestResult r = Backtest.builder()
                .source(new InMemoryEventSource(List.of(AAA, BBB), tape(new long[] {4_000, 5_000},
                        new double[] {90.5, 90.3})))
                .exchange(settings(AAA)).exchange(settings(BBB)).strategy("s", s).initialCash(1_000)
                .margin(new MarginSettings(AAA, MarginMode.ISOLATED, 10, MMR_04))
                .margin(new MarginSettings(BBB, MarginMode.ISOLATED, 10, MMR_04))
                .build().run();
        long buy = s.orderIds.get(0);
        long bidA = s.orderIds.get(1);
        long askA = s.orderIds.get(2);
        long bidB = s.orderIds.get(3);
        long late = s.orderIds.get(4);

        assertThat(s.liquidations).hasSize(1);
        Liquidation l = s.liquidations.get(0);
        assertThat(l.exchTs()).isEqualTo(5_000);
        assertThat(l.price()).isEqualTo(90.3);
        assertThat(l.marginBalance()).isCloseTo(2.91, within(1e-9));
        assertThat(l.maintenanceMargin()).isCloseTo(3.612, within(1e-9));
        // clearance fee: min(0.005 x 903, remaining 2.91) = 2.91, the whole isolated margin left
        assertThat(l.clearanceFee()).isCloseTo(2.91, within(1e-9));

        String reason = "LIQUIDATION: AAA@SYN ISOLATED position of 10.0 liquidated at mark 90.3 (margin balance "
                + l.marginBalance() + " < maintenance margin " + l.maintenanceMargin() + " USD)";
        for (long id : new long[] {bidA, askA}) {
            ExecutionReport last = s.last(id);
            assertThat(last.status()).isEqualTo(OrderStatus.CANCELED);
            assertThat(last.reason()).isEqualTo(reason);
            assertThat(last.exchTs()).isEqualTo(5_000);
            assertThat(last.localTs()).isEqualTo(5_000 + LAT);
        }
        assertThat(s.last(bidB).status()).isEqualTo(OrderStatus.NEW);
        assertThat(s.last(late).status()).isEqualTo(OrderStatus.NEW);
        // the strategy hears of the liquidation at venue time, of the cancels after the response latency
        assertThat(s.log).containsSubsequence("liquidation AAA @5000", "update " + bidA + " CANCELED @5100",
                "update " + askA + " CANCELED @5100");

        // results: the orders table carries the reason; the fills are the market buy and the liquidation only
        Table orders = r.orders();
        for (int row = 0; row < orders.rowCount(); row++) {
            long id = orders.longColumn("order_id").get(row);
            String status = orders.stringColumn("status").get(row);
            String why = orders.stringColumn("reason").get(row);
            if (id == bidA || id == askA) {
                assertThat(status).isEqualTo("CANCELED");
                assertThat(why).isEqualTo(reason);
            } else {
                assertThat(why).isEmpty();
            }
        }
        assertThat(r.fillRecords()).hasSize(2);
        FillRecord first = r.fillRecords().get(0);
        assertThat(first.orderId()).isEqualTo(buy);
        assertThat(first.price()).isEqualTo(100.01);
        assertThat(first.fee()).isCloseTo(0.40004, within(1e-12));
        FillRecord liq = r.fillRecords().get(1);
        assertThat(liq.liquidation()).isTrue();
        assertThat(liq.side()).isEqualTo(Side.SELL);
        assertThat(liq.qty()).isEqualTo(10);
        assertThat(liq.price()).isEqualTo(90.3);
        assertThat(liq.fee()).isCloseTo(2.91, within(1e-9));
        // wallet: 1000 - 0.40004 (fee) - 97.1 (loss 10 x (100.01 - 90.3)) - 2.91 (clearance) = 899.58996
        assertThat(r.marginAccount("s", "USD").walletBalance()).isCloseTo(899.58996, within(1e-9));
        assertThat(r.portfolio("s").cash()).isCloseTo(899.58996, within(1e-9));
    }

    /**
     * Cross x20, cash 100: a long of 10 AAA at 100.01 (fee 0.40004, cross wallet 99.59996). Mark 90.5: margin balance
     * 99.59996 - 95.1 = 4.49996 >= MM 3.62, kept; mark 90.4: 99.59996 - 96.1 = 3.49996 < MM 3.616: liquidated. A cross
     * liquidation cancels the open orders on every cross instrument: the AAA bid and the BBB bid (no BBB position).
     */
    @Test
    void crossLiquidationCancelsTheOrdersOfEveryCrossInstrument() {
        Recorder s = new Recorder();
        s.at(2_000, c -> s.orderIds.add(c.submitMarket(0, Side.BUY, 10)))
                .at(3_000, c -> {
                    s.orderIds.add(c.submitLimit(0, Side.BUY, 95.00, 1, TimeInForce.GTC));
                    s.orderIds.add(c.submitLimit(1, Side.BUY, 95.00, 1, TimeInForce.GTC));
                });
        BacktestResult r = Backtest.builder()
                .source(new InMemoryEventSource(List.of(AAA, BBB), tape(new long[] {4_000, 5_000},
                        new double[] {90.5, 90.4})))
                .exchange(settings(AAA)).exchange(settings(BBB)).strategy("s", s).initialCash(100)
                .margin(new MarginSettings(AAA, MarginMode.CROSS, 20, MMR_04))
                .margin(new MarginSettings(BBB, MarginMode.CROSS, 20, MMR_04))
                .build().run();
        assertThat(s.liquidations).hasSize(1);
        Liquidation l = s.liquidations.get(0);
        assertThat(l.mode()).isEqualTo(MarginMode.CROSS);
        assertThat(l.marginBalance()).isCloseTo(3.49996, within(1e-9));
        assertThat(l.maintenanceMargin()).isCloseTo(3.616, within(1e-9));
        for (int k = 1; k <= 2; k++) {
            ExecutionReport last = s.last(s.orderIds.get(k));
            assertThat(last.status()).isEqualTo(OrderStatus.CANCELED);
            assertThat(last.reason()).startsWith(MarginLedger.REASON_LIQUIDATION + ": AAA@SYN CROSS position of 10.0");
            assertThat(last.localTs()).isEqualTo(5_000 + LAT);
        }
        // remaining collateral 3.49996 < clearance fee 0.005 x 904 = 4.52: all of it goes, the wallet ends at 0
        assertThat(r.marginAccount("s", "USD").walletBalance()).isCloseTo(0.0, within(1e-9));
        assertThat(r.fillRecords()).hasSize(2);
    }
}
