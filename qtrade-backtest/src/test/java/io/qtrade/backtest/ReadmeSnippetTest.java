package io.qtrade.backtest;

import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.core.order.TimeInForce;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The snippet of qtrade-backtest/README.md, verbatim, with the numbers the README states. */
class ReadmeSnippetTest {

    @Test
    void theReadmeSnippetFillsTwoLotsAtTheBidWithAMakerRebate(@TempDir Path dir) throws Exception {
        Instrument aaa = Instrument.spot("AAA", "SYN", 0.01, 1);
        EventBatch events = new EventBatch(16);
        events.addDepth(0, 1_000, 1_200, Side.BUY, 100.00, 10);   // exchTs, localTs (feed latency 200 ns)
        events.addDepth(0, 1_000, 1_200, Side.SELL, 100.02, 10);
        events.addTrade(0, 5_000, 5_200, Side.SELL, 100.00, 12);  // 12 sold into the bid: 10 ahead, then us
        events.addDepth(0, 5_000, 5_200, Side.BUY, 100.00, 0);

        Strategy buyer = new Strategy() {
            @Override
            public void onStart(StrategyContext ctx) {
                ctx.submitLimit(0, Side.BUY, 100.00, 2, TimeInForce.GTC);
            }
        };
        BacktestResult result = Backtest.builder()
                .source(new InMemoryEventSource(List.of(aaa), events))
                .exchange(ExchangeSettings.builder(aaa)
                        .latency(new ConstantLatency(100, 100))      // entry, response (ns)
                        .queue(RiskAverseQueue.INSTANCE)
                        .fees(new BpsFees(-0.5, 2.0))                // maker rebate, taker fee (bps)
                        .build())
                .strategy("buyer", buyer)
                .build()
                .run();
        System.out.println(result.fills().print());
        result.writeCsv(dir);

        // sent at 1200 (first localTs), at the venue at 1300 behind 10; the print of 12 at 5000 fills 2, seen at
        // 5100; fee = -0.5 bps * 2 * 100.00 = -0.01.
        FillRecord fill = result.fillRecords().get(0);
        assertThat(fill.qty()).isEqualTo(2.0);
        assertThat(fill.exchTs()).isEqualTo(5_000);
        assertThat(fill.localTs()).isEqualTo(5_100);
        assertThat(fill.qtyAheadAtEntry()).isEqualTo(10.0);
        assertThat(fill.fee()).isCloseTo(-0.01, within(1e-12));
        assertThat(result.portfolio("buyer").position(aaa).qty()).isEqualTo(2.0);
        assertThat(Files.readAllLines(dir.resolve("fills.csv")).get(0)).startsWith("strategy,order_id,symbol,side");
        assertThat(Files.readAllLines(dir.resolve("fills.csv"))).hasSize(2);
    }
}
