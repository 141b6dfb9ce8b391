package io.qtrade.examples;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.LognormalLatency;
import io.qtrade.backtest.queue.PowerProbability;
import io.qtrade.backtest.queue.ProbabilisticQueue;
import io.qtrade.connectors.synthetic.SyntheticMarket;
import io.qtrade.core.Instrument;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.core.time.Timestamps;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The main demo: a real backtest. Generates a two-instrument Cont–Stoikov–Talreja market (mid-prices correlated
 * through the SDK's fair-value extension), runs one {@link SimpleMarketMaker} per instrument through the simulated
 * exchange (lognormal order latency with a 50 µs median, feed latency from the events, probabilistic queue
 * position with {@code PowerProbability(2)}, -0.2 bps maker rebate and 2 bps taker fee), prints PnL, fills, the
 * maker/taker split and the throughput, and writes the result tables (orders, fills, equity, totals) as CSV.
 *
 * <pre>{@code
 * mvn -B -q -pl examples -am -DskipTests -Pdemo package
 * mvn -B -q -pl examples -am -DskipTests -Pdemo package -Dexec.args="5000000 7 target/my-report"
 * }</pre>
 * Arguments, all optional: number of events (default 2,000,000), seed (default 7), report directory (default
 * {@code target/qtrade-demo} under the working directory).
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) {
        long events = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 2_000_000L;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 7L;
        Path reportDir = Path.of(args.length > 2 ? args[2] : "target/qtrade-demo");

        Instrument aaa = Instrument.spot("AAA", "SYN", 0.01, 1);
        Instrument bbb = Instrument.spot("BBB", "SYN", 0.01, 1);
        SyntheticMarket market = SyntheticMarket.builder()
                .instrument(aaa, 100.00)
                .instrument(bbb, 50.00)
                .events(events)
                .seed(seed)
                .meanReversion(1.0)
                .correlation(0.8)
                .build();

        Backtest.Builder builder = Backtest.builder().source(market).seed(seed).initialCash(100_000);
        for (Instrument instrument : List.of(aaa, bbb)) {
            builder.exchange(ExchangeSettings.builder(instrument)
                    .latency(new LognormalLatency(50_000, 50_000, 0.5, seed))
                    .queue(new ProbabilisticQueue(new PowerProbability(2)))
                    .fees(new BpsFees(-0.2, 2.0))
                    .build());
        }
        builder.strategy("mm-AAA", new SimpleMarketMaker(0, 1, 10, 0.5));
        builder.strategy("mm-BBB", new SimpleMarketMaker(1, 1, 10, 0.5));
        Backtest backtest = builder.build();
        BacktestResult result = backtest.run();

        System.out.println("qtrade demo: market making backtest on a Cont-Stoikov-Talreja synthetic market");
        System.out.println(market.config());
        System.out.println(backtest);
        System.out.printf(Locale.ROOT, "%,d events in %.2f s: %,.0f events/s (generation included)%n",
                result.events(), result.wallNanos() / 1e9, result.eventsPerSecond());
        Table equity = result.equity();
        if (equity.rowCount() > 0) {
            System.out.printf(Locale.ROOT, "market time %s .. %s%n",
                    Timestamps.toInstant(equity.longColumn("ts").get(0)),
                    Timestamps.toInstant(equity.longColumn("ts").get(equity.rowCount() - 1)));
        }
        for (String id : result.strategyIds()) {
            Portfolio p = result.portfolio(id);
            long maker = result.fillRecords().stream().filter(f -> f.strategyId().equals(id)
                    && f.liquidity() == io.qtrade.core.order.Liquidity.MAKER).count();
            long fills = result.fillRecords().stream().filter(f -> f.strategyId().equals(id)).count();
            long orders = result.orderRecords().stream().filter(o -> o.strategyId().equals(id)).count();
            System.out.printf(Locale.ROOT, "%-7s orders %,7d  fills %,6d (maker %,d / taker %,d)  net PnL %10.2f"
                            + "  realized %10.2f  unrealized %8.2f  fees %8.2f%n", id, orders, fills, maker,
                    fills - maker, p.netPnl(), p.realizedPnl(), p.unrealizedPnl(), p.fees());
        }
        System.out.println(result.totals().print());
        for (Path file : result.writeCsv(reportDir)) {
            System.out.println("wrote " + file.toAbsolutePath());
        }
    }
}
