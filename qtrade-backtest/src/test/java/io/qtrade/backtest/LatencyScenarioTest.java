package io.qtrade.backtest;

import io.qtrade.backtest.fee.FeeModel;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.latency.ReplayedLatency;
import io.qtrade.backtest.exchange.SimulatedExchange;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.core.Side;
import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.order.OrderStatus;
import io.qtrade.core.order.TimeInForce;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.qtrade.backtest.Scenarios.AAA;
import static org.assertj.core.api.Assertions.assertThat;

/** Latency races with entry 100 ns and response 100 ns: the times of every report are known in advance. */
class LatencyScenarioTest {

    private static final ConstantLatency LATENCY = new ConstantLatency(100, 100);

    private static List<String> timeline(ScriptedStrategy s) {
        List<String> out = new ArrayList<>();
        for (ExecutionReport r : s.reports) {
            out.add(r.localTs() + " " + r.status() + (r.isFill() ? " " + r.lastFillQty() + "@" + r.lastFillPrice() : ""));
        }
        return out;
    }

    @Test
    void anOrderArrivingAfterThePriceMovedRestsInsteadOfTaking() {
        // Sent at 1500 to take the 100.02 ask; at exch 1550 the ask moves to 100.03; the order arrives at 1600 and
        // no longer crosses: it rests at 100.02 as the new best bid, acknowledged at 1700.
        Tape tape = new Tape(0, AAA).depth(1000, Side.BUY, 100.00, 10).depth(1000, Side.SELL, 100.02, 10)
                .depth(1550, Side.SELL, 100.02, 0).depth(1550, Side.SELL, 100.03, 10);
        ScriptedStrategy s = new ScriptedStrategy().at(1500, c -> c.submitLimit(0, Side.BUY, 100.02, 1,
                TimeInForce.GTC));
        BacktestResult r = Scenarios.run(tape, s, RiskAverseQueue.INSTANCE, LATENCY, FeeModel.NONE);
        assertThat(s.fills).isEmpty();
        assertThat(timeline(s)).containsExactly("1700 NEW");
        assertThat(r.orderRecords().get(0).exchArrivalTs()).isEqualTo(1600);
        assertThat(r.orderRecords().get(0).entryLatencyNanos()).isEqualTo(100);

        // The same order with zero latency takes the ask.
        ScriptedStrategy fast = new ScriptedStrategy().at(1500, c -> c.submitLimit(0, Side.BUY, 100.02, 1,
                TimeInForce.GTC));
        Scenarios.run(new Tape(0, AAA).depth(1000, Side.BUY, 100.00, 10).depth(1000, Side.SELL, 100.02, 10)
                .depth(1550, Side.SELL, 100.02, 0).depth(1550, Side.SELL, 100.03, 10), fast);
        assertThat(fast.fills).hasSize(1);
    }

    private static Tape raceTape(long tradeTs) {
        return new Tape(0, AAA).depth(1000, Side.BUY, 100.00, 10).depth(1000, Side.SELL, 100.02, 10)
                .trade(tradeTs, Side.SELL, 100.01, 1);
    }

    private static ScriptedStrategy restThenCancelAt2000() {
        long[] id = new long[1];
        return new ScriptedStrategy()
                .at(1500, c -> id[0] = c.submitLimit(0, Side.BUY, 100.01, 1, TimeInForce.GTC))
                .at(2000, c -> assertThat(c.cancel(id[0])).isTrue());
    }

    @Test
    void aCancelLosesTheRaceAgainstAFillThatReachesTheVenueFirst() {
        // buy 100.01 arrives 1600 (ack seen 1700); cancel sent 2000 arrives 2100; the print at 2050 fills it first:
        // fill seen at 2150; the venue rejects the cancel at 2100 (seen 2200, dropped: the order is FILLED).
        ScriptedStrategy s = restThenCancelAt2000();
        BacktestResult r = Scenarios.run(raceTape(2050), s, RiskAverseQueue.INSTANCE, LATENCY, FeeModel.NONE);
        assertThat(timeline(s)).containsExactly("1700 NEW", "2150 FILLED 1.0@100.01");
        assertThat(s.fills.get(0).exchTs()).isEqualTo(2050);
        assertThat(s.fills.get(0).localTs()).isEqualTo(2150);
        assertThat(r.fillRecords().get(0).responseLatencyNanos()).isEqualTo(100);
        assertThat(r.orderRecords().get(0).order().status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void aCancelThatReachesTheVenueBeforeThePrintWins() {
        ScriptedStrategy s = restThenCancelAt2000();
        Scenarios.run(raceTape(2150), s, RiskAverseQueue.INSTANCE, LATENCY, FeeModel.NONE);
        assertThat(timeline(s)).containsExactly("1700 NEW", "2200 CANCELED");
        assertThat(s.fills).isEmpty();
    }

    @Test
    void aCancelSentBeforeTheAckChasesTheOrderAndCancelsIt() {
        // Sent at 1500, cancelled at 1550 (before the ack at 1700): the cancel arrives at 1650, after the order
        // (1600), and cancels it.
        long[] id = new long[1];
        ScriptedStrategy s = new ScriptedStrategy()
                .at(1500, c -> id[0] = c.submitLimit(0, Side.BUY, 99.50, 1, TimeInForce.GTC))
                .at(1550, c -> c.cancel(id[0]));
        Scenarios.run(raceTape(5000), s, RiskAverseQueue.INSTANCE, LATENCY, FeeModel.NONE);
        assertThat(timeline(s)).containsExactly("1700 PENDING_CANCEL", "1750 CANCELED");
    }

    @Test
    void theStrategySeesMarketDataAtLocalTimeAfterTheFeedLatency() {
        // Feed latency 500: the bid moves to 100.01 at exch 1200, which the strategy sees at 1700.
        Tape tape = new Tape(500, AAA).depth(1000, Side.BUY, 100.00, 10).depth(1000, Side.SELL, 100.02, 10)
                .depth(1200, Side.BUY, 100.01, 5);
        List<Double> seen = new ArrayList<>();
        ScriptedStrategy s = new ScriptedStrategy()
                .at(1600, c -> seen.add(c.book(0).bestBid()))
                .at(1700, c -> seen.add(c.book(0).bestBid()));
        Scenarios.run(tape, s);
        assertThat(seen).containsExactly(100.00, 100.01);
    }

    @Test
    void aReplayedLatencyCanMarkAnOrderRejectedByTheVenue() {
        ReplayedLatency recorded = new ReplayedLatency(new long[] {0, 1000}, new long[] {50, 1080},
                new long[] {100, 1150}, new boolean[] {false, true});
        long[] id = new long[1];
        ScriptedStrategy s = new ScriptedStrategy().at(1500, c -> id[0] = c.submitLimit(0, Side.BUY, 100.00, 1,
                TimeInForce.GTC));
        BacktestResult r = Scenarios.run(Scenarios.standardBook(1000), s, RiskAverseQueue.INSTANCE, recorded,
                FeeModel.NONE);
        // after the last row: entry 80, response 70 -> rejected at 1580, seen at 1650.
        assertThat(timeline(s)).containsExactly("1650 REJECTED");
        assertThat(s.last(id[0]).reason()).isEqualTo(SimulatedExchange.REASON_VENUE_REJECT);
        assertThat(r.orderRecords().get(0).exchArrivalTs()).isEqualTo(1580);
    }

    @Test
    void aFixedDecisionLatencyDelaysTheOrdersAStrategySends() {
        ScriptedStrategy s = new ScriptedStrategy().at(1500, c -> c.submitLimit(0, Side.BUY, 100.00, 1,
                TimeInForce.GTC));
        BacktestResult r = Backtest.builder().source(Scenarios.standardBook(1000).source())
                .exchange(io.qtrade.backtest.exchange.ExchangeSettings.builder(AAA).latency(LATENCY)
                        .queue(RiskAverseQueue.INSTANCE).build())
                .strategy("s", s).decisionLatencyNanos(30).endNanos(Scenarios.END).build().run();
        assertThat(r.orderRecords().get(0).sendTs()).isEqualTo(1530);
        assertThat(r.orderRecords().get(0).exchArrivalTs()).isEqualTo(1630);
        assertThat(timeline(s)).containsExactly("1730 NEW");
    }
}
