package io.qtrade.examples;

import io.qtrade.bars.BarResult;
import io.qtrade.core.Side;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The ta4j bracket example on the bundled AAPL 2013 bars: entries, OCO exits at their prices, the benchmark. */
class Ta4jBracketStrategyTest {

    @Test
    void everyEntryIsClosedByItsStopOrItsTargetAndTheOtherIsCancelled() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BarResult r = Ta4jBracketStrategy.run(Ta4jBracketStrategy.bundledAapl(),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        var orders = r.backtest().orders();
        var types = orders.stringColumn("type").asList();
        var statuses = orders.stringColumn("status").asList();
        long entries = types.stream().filter("MARKET_ON_OPEN"::equals).count();
        assertThat(entries).isGreaterThanOrEqualTo(2);
        // each filled entry has a STOP and a TAKE_PROFIT; exactly one of the pair fills unless the run ended first
        int filledExits = 0;
        int cancelledExits = 0;
        for (int row = 0; row < orders.rowCount(); row++) {
            if (types.get(row).equals("STOP") || types.get(row).equals("TAKE_PROFIT")) {
                if (statuses.get(row).equals("FILLED")) {
                    filledExits++;
                } else if (statuses.get(row).equals("CANCELED")) {
                    cancelledExits++;
                }
            }
        }
        assertThat(filledExits).isEqualTo(cancelledExits);
        // sells happen only at an exit: the take-profit at its limit (or a better open), the stop at its stop (or a
        // worse open)
        var fills = r.backtest().fills();
        for (int row = 0; row < fills.rowCount(); row++) {
            if (fills.stringColumn("side").get(row).equals(Side.SELL.name())) {
                long id = fills.longColumn("order_id").get(row);
                var order = r.backtest().orderRecords().stream().filter(o -> o.order().orderId() == id).findFirst()
                        .orElseThrow();
                double price = fills.doubleColumn("price").get(row);
                if (order.typeName().equals("TAKE_PROFIT")) {
                    assertThat(price).isGreaterThanOrEqualTo(order.order().price());
                } else {
                    assertThat(order.typeName()).isEqualTo("STOP");
                }
            }
        }
        var p = r.portfolio("sma/rsi bracket");
        assertThat(p.fees()).isPositive();
        assertThat(p.netPnl()).isCloseTo(p.equity() - 100_000, within(1e-6));
        assertThat(r.benchmark()).isPresent();
        // buy and hold AAPL 2013: first close 549.03, last close 561.02 (+2.18%)
        double[] bench = r.benchmark().orElseThrow().equity();
        assertThat(bench[bench.length - 1] / bench[0]).isCloseTo(561.02 / 549.03, within(1e-12));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("signals", "TAKE_PROFIT");
    }
}
