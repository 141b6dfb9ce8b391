package io.qtrade.examples;

import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.FillRecord;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.PowerProbability;
import io.qtrade.backtest.queue.ProbabilisticQueue;
import io.qtrade.store.binance.BinanceMarket;
import io.qtrade.connectors.binance.live.BinanceMarketDataClient;
import io.qtrade.connectors.live.LiveEventSource;
import io.qtrade.connectors.live.ReconnectPolicy;
import io.qtrade.connectors.paper.PaperTrading;
import io.qtrade.connectors.replay.LoopbackVenue;
import io.qtrade.connectors.replay.SyntheticBinanceStream;
import io.qtrade.store.synthetic.SyntheticMarket;
import io.qtrade.core.Instrument;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.risk.killswitch.KillSwitch;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Paper trading end to end without the internet: a {@link LoopbackVenue} on 127.0.0.1 replays a generated Binance
 * spot stream of BTCUSDT (diff depth and trades rendered from the {@link SyntheticMarket} by
 * {@link SyntheticBinanceStream}, one frame per millisecond, REST depth snapshots answered from the same book); the
 * live {@link BinanceMarketDataClient} reads it exactly as it reads Binance (snapshot, diff chaining, resync); and
 * {@link PaperTrading} runs the same {@link SimpleMarketMaker} the backtest demo runs, on the wall clock, through the
 * simulated exchange (1 ms entry and response latency, a power-2 probabilistic queue, maker rebate 0.5 bps, taker fee
 * 2 bps) for a few seconds, with the kill switch armed on disconnect. Prints the fills and the PnL, then stops.
 *
 * <pre>{@code
 * mvn -B -q -pl examples -am -DskipTests -Pdemo package -Ddemo.mainClass=io.qtrade.examples.PaperTradingDemo
 * mvn ... -Dexec.args="10"      # run for 10 seconds
 * }</pre>
 */
public final class PaperTradingDemo {

    /** The instrument: Binance's BTCUSDT symbol on a 0.01 tick and 0.001 lot grid, around 100.00. */
    static final Instrument BTCUSDT = Instrument.spot("BTCUSDT", "BINANCE", 0.01, 0.001);

    /**
     * What a run produced, from its result.
     *
     * @param result   the run's tables (the same as a backtest's)
     * @param rows     rows the live source received
     * @param frames   frames the loopback venue sent
     * @param snapshots REST depth snapshots the client fetched
     */
    public record Run(BacktestResult result, long rows, int frames, long snapshots) {
    }

    private PaperTradingDemo() {
    }

    /** Runs for {@code seconds} (default 3) and prints the fills and the PnL. */
    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3.0;
        run((long) (seconds * 1e9), System.out);
    }

    /**
     * Starts the loopback venue, the live client and the paper-trading engine, lets them run for
     * {@code durationNanos} on the wall clock, stops them, and prints the result to {@code out}.
     */
    public static Run run(long durationNanos, PrintStream out) throws InterruptedException, TimeoutException {
        long frameIntervalNanos = TimeUnit.MILLISECONDS.toNanos(1);
        int frames = (int) Math.min(200_000, durationNanos / frameIntervalNanos + 2_000);
        SyntheticBinanceStream stream = SyntheticBinanceStream.render(SyntheticMarket.builder()
                .instrument(BTCUSDT, 100.00).events(frames * 4L).seed(7).build(), frames);
        KillSwitch killSwitch = new KillSwitch();
        PaperTrading paper = PaperTrading.builder(List.of(BTCUSDT))
                .exchange(ExchangeSettings.builder(BTCUSDT)
                        .latency(new ConstantLatency(1_000_000, 1_000_000))
                        .queue(new ProbabilisticQueue(new PowerProbability(2)))
                        .fees(new BpsFees(-0.5, 2.0))
                        .build())
                .strategy("mm", new SimpleMarketMaker(0, 0.001, 0.005, 1_000))
                .killSwitchOnDisconnect(killSwitch)
                // The replayed recording's venue times are not today's: the simulated venue acts at receive time.
                .exchangeTime(LiveEventSource.ExchangeTime.RECEIVE)
                .markIntervalNanos(TimeUnit.MILLISECONDS.toNanos(500))
                .build();
        BacktestResult result;
        int sent;
        long snapshots;
        try (LoopbackVenue venue = stream.startVenue(v -> v.frameIntervalNanos(frameIntervalNanos))) {
            try (BinanceMarketDataClient client = BinanceMarketDataClient.builder(BinanceMarket.SPOT,
                            List.of(BTCUSDT), paper.listener())
                    .streams(true, true, false, false)
                    .streamBase(venue.webSocketBase())
                    .restBase(venue.httpBase())
                    .reconnectPolicy(ReconnectPolicy.defaults(7))
                    .idleTimeoutNanos(TimeUnit.SECONDS.toNanos(2))  // the venue sends a frame every millisecond
                    .clock(paper.clock())
                    .build()) {
                out.printf(Locale.ROOT, "paper trading %s on the loopback venue %s for %.1f s%n", BTCUSDT.id(),
                        venue.webSocketBase(), durationNanos / 1e9);
                paper.start();
                client.start();
                TimeUnit.NANOSECONDS.sleep(durationNanos);
                snapshots = client.snapshotsFetched();
            }
            result = paper.stop();
            sent = venue.framesSent();
        }
        print(result, paper, killSwitch, sent, snapshots, out);
        return new Run(result, paper.source().rowsReceived(), sent, snapshots);
    }

    private static void print(BacktestResult result, PaperTrading paper, KillSwitch killSwitch, int frames,
                              long snapshots, PrintStream out) {
        out.printf(Locale.ROOT, "frames sent %,d, rows received %,d, depth snapshots %d, events processed %,d%n", frames,
                paper.source().rowsReceived(), snapshots, result.events());
        List<FillRecord> fills = result.fillRecords();
        out.printf(Locale.ROOT, "orders %,d, fills %,d%n", result.orderCount(), fills.size());
        int shown = Math.min(10, fills.size());
        for (int i = 0; i < shown; i++) {
            FillRecord f = fills.get(i);
            out.printf(Locale.ROOT, "  fill %-4s %.3f @ %.2f  %s  fee %.6f%n", f.side(), f.qty(), f.price(),
                    f.liquidity(), f.fee());
        }
        if (fills.size() > shown) {
            out.printf(Locale.ROOT, "  ... %d more%n", fills.size() - shown);
        }
        Portfolio p = result.portfolio("mm");
        out.printf(Locale.ROOT, "position %.3f, realized %.6f, unrealized %.6f, fees %.6f, net PnL %.6f%n",
                p.position(BTCUSDT).qty(), p.realizedPnl(), p.unrealizedPnl(), p.fees(), p.netPnl());
        out.printf(Locale.ROOT, "kill switch engagements %d, feed disconnects %d%n", killSwitch.engagements().size(),
                paper.source().disconnects());
    }
}
