package io.qtrade.kafka.fills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.OrderStatus;
import io.qtrade.core.order.Liquidity;
import io.qtrade.core.portfolio.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PositionReaderTest {

    static final Instrument BTC = new Instrument("BTCUSDT", "binance", 0.01, 0.001, 1);
    static final Instrument ES = new Instrument("ES", "cme", 0.25, 1, 50);

    @Test
    void codecRoundTripsEveryField() {
        Fill fill = new Fill(42, ES, Side.SELL, 4_500.25, 3, -1.5, Liquidity.MAKER, 1_700_000_000_123_456_789L,
                1_700_000_000_123_999_000L);
        assertThat(FillCodec.decode(FillCodec.encode(fill), ES)).isEqualTo(fill);
    }

    @Test
    void executionReportsRoundTripThroughTheBroker() throws Exception {
        io.qtrade.kafka.KafkaBroker broker = io.qtrade.kafka.SharedBroker.get();
        broker.createTopics(2, "fills.er", "reports.er");
        List<ExecutionReport> reports = List.of(
                new ExecutionReport(7, BTC, OrderStatus.NEW, 0, 2, ExecutionReport.NO_FILL_PRICE,
                        ExecutionReport.NO_FILL_QTY, ExecutionReport.NO_REASON, 1_000, 1_100),
                new ExecutionReport(7, BTC, OrderStatus.PARTIALLY_FILLED, 0.5, 1.5, 100.25, 0.5, "", 2_000, 2_100),
                new ExecutionReport(8, ES, OrderStatus.REJECTED, 0, 0, ExecutionReport.NO_FILL_PRICE,
                        ExecutionReport.NO_FILL_QTY, "price band: 4400 below 4450 — limit", 3_000, 3_100));
        try (FillPublisher publisher = new FillPublisher(broker.bootstrapServers(), "fills.er", "reports.er")) {
            reports.forEach(publisher::publish);
        }
        List<ExecutionReport> back = new ArrayList<>();
        long n = new PositionReader(broker.bootstrapServers(), "fills.er", List.of(BTC, ES))
                .readReports("reports.er", back::add);
        assertThat(n).isEqualTo(3);
        // Two partitions: order holds per instrument (key), so compare per instrument.
        assertThat(back.stream().filter(r -> r.instrument().equals(BTC)).toList())
                .containsExactly(reports.get(0), reports.get(1));
        assertThat(back.stream().filter(r -> r.instrument().equals(ES)).toList()).containsExactly(reports.get(2));
    }

    /**
     * Fills through a real broker (3 partitions), positions rebuilt from the topic equal those built by applying
     * the same fills to {@link Position} in memory (same class, so equal to the last bit).
     * Hand check for BTC: buy 2 @ 100 (fee 0.1), buy 1 @ 103 (fee 0.05), sell 1.5 @ 110 (fee 0.08):
     * qty 1.5, average entry (2*100 + 103)/3 = 101, realised 1.5*(110-101) = 13.5, fees 0.23.
     */
    @Test
    void positionsRebuiltFromTheFillsTopic() throws Exception {
        io.qtrade.kafka.KafkaBroker broker = io.qtrade.kafka.SharedBroker.get();
        broker.createTopics(3, "fills.test");
        List<Fill> fills = new ArrayList<>();
        fills.add(new Fill(1, BTC, Side.BUY, 100, 2, 0.1, Liquidity.TAKER, 1_000, 1_100));
        fills.add(new Fill(2, ES, Side.SELL, 4_500, 2, 2.5, Liquidity.MAKER, 1_500, 1_600));
        fills.add(new Fill(3, BTC, Side.BUY, 103, 1, 0.05, Liquidity.TAKER, 2_000, 2_100));
        fills.add(new Fill(4, ES, Side.BUY, 4_490, 1, 2.5, Liquidity.TAKER, 2_500, 2_600));
        fills.add(new Fill(5, BTC, Side.SELL, 110, 1.5, 0.08, Liquidity.MAKER, 3_000, 3_100));
        try (FillPublisher publisher = new FillPublisher(broker.bootstrapServers(), "fills.test")) {
            fills.forEach(publisher::publish);
        }
        Map<Instrument, Position> rebuilt = new PositionReader(broker.bootstrapServers(), "fills.test",
                List.of(BTC, ES)).read();

        Position btc = rebuilt.get(BTC);
        assertThat(btc.qty()).isCloseTo(1.5, within(1e-12));
        assertThat(btc.avgEntryPrice()).isCloseTo(101.0, within(1e-12));
        assertThat(btc.realizedPnl()).isCloseTo(13.5, within(1e-9));
        assertThat(btc.fees()).isCloseTo(0.23, within(1e-12));
        assertThat(btc.fillCount()).isEqualTo(3);
        Position expectedEs = new Position(ES);
        fills.stream().filter(f -> f.instrument().equals(ES)).forEach(expectedEs::apply);
        assertThat(rebuilt.get(ES).toString()).isEqualTo(expectedEs.toString());
        assertThat(rebuilt.get(ES).qty()).isEqualTo(-1.0);
    }
}
