package io.qtrade.server;

import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.connectors.binance.live.BinanceMarketDataClient;
import io.qtrade.connectors.live.LiveEventSource;
import io.qtrade.connectors.paper.PaperTrading;
import io.qtrade.connectors.replay.LoopbackVenue;
import io.qtrade.connectors.replay.SyntheticBinanceStream;
import io.qtrade.core.Instrument;
import io.qtrade.risk.PreTradeRiskGate;
import io.qtrade.risk.killswitch.KillSwitch;
import io.qtrade.risk.limits.MaxOpenOrders;
import io.qtrade.risk.limits.MaxOrderQty;
import io.qtrade.risk.limits.MaxPosition;
import io.qtrade.server.tap.EngineTap;
import io.qtrade.store.binance.BinanceMarket;
import io.qtrade.store.synthetic.SyntheticMarket;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Paper trading against the loopback Binance venue (a generated BTCUSDT stream replayed on 127.0.0.1), the
 * {@link TestMaker} wrapped by an {@link EngineTap}, a risk gate of kill switch, max order qty (0.01), max position
 * (1.0) and max open orders (10), and a server on a free loopback port with one read-only and one trading token.
 */
final class PaperFixture implements AutoCloseable {

    static final Instrument BTC = Instrument.spot("BTCUSDT", "BINANCE", 0.01, 0.001);
    static final String READ_TOKEN = "read-token-0123456789abcdef";
    static final String TRADE_TOKEN = "trade-token-0123456789abcdef";
    static final long MS = 1_000_000L;

    final KillSwitch killSwitch = new KillSwitch();
    final PreTradeRiskGate gate;
    final EngineTap tap;
    final TestMaker maker;
    final PaperTrading paper;
    final LoopbackVenue venue;
    final BinanceMarketDataClient client;
    QtradeServer server;
    BacktestResult result;

    /**
     * @param frames          frames of the replayed stream
     * @param frameIntervalNs wall time between frames
     * @param config          server settings (tokens replaced by the fixture's), or null for no server
     */
    PaperFixture(int frames, long frameIntervalNs, ServerConfig.Builder config) {
        this(frames, frameIntervalNs, config, true);
    }

    /** As above; with {@code startNow} false the engine and the feed wait for {@link #start()}. */
    PaperFixture(int frames, long frameIntervalNs, ServerConfig.Builder config, boolean startNow) {
        gate = PreTradeRiskGate.of(killSwitch, new MaxOrderQty(0.01), new MaxPosition(1.0), new MaxOpenOrders(10));
        tap = EngineTap.builder(List.of(BTC)).killSwitch(killSwitch).riskGate(gate).build();
        maker = new TestMaker(BTC, 3, 0.001, 20 * MS, tap.signals("mm"));
        paper = PaperTrading.builder(List.of(BTC))
                .exchange(ExchangeSettings.builder(BTC).latency(new ConstantLatency(MS, MS))
                        .queue(RiskAverseQueue.INSTANCE).fees(new BpsFees(1.0, 2.0)).build())
                .strategy("mm", tap.wrap("mm", maker))
                .riskGate(gate)
                .killSwitchOnDisconnect(killSwitch)
                .initialCash(10_000)
                .markIntervalNanos(50 * MS)
                .exchangeTime(LiveEventSource.ExchangeTime.RECEIVE)
                .build();
        SyntheticBinanceStream stream = SyntheticBinanceStream.render(SyntheticMarket.builder()
                .instrument(BTC, 100.00).events(frames * 5L).seed(7).build(), frames);
        venue = stream.startVenue(v -> v.frameIntervalNanos(frameIntervalNs));
        client = BinanceMarketDataClient.builder(BinanceMarket.SPOT, List.of(BTC), paper.listener())
                .streams(true, true, false, false)
                .streamBase(venue.webSocketBase())
                .restBase(venue.httpBase())
                .clock(paper.clock())
                .build();
        if (config != null) {
            server = QtradeServer.start(tap, config.build());
        }
        if (startNow) {
            start();
        }
    }

    /** Starts the engine and the feed. */
    void start() {
        paper.start();
        client.start();
    }

    static ApiTokens tokens() {
        return ApiTokens.builder().token(READ_TOKEN, Role.READ_ONLY).token(TRADE_TOKEN, Role.TRADING).build();
    }

    static ServerConfig.Builder config() {
        return ServerConfig.builder(tokens()).port(0).intervals(5 * MS, 50 * MS);
    }

    /** Stops the feed and the engine; the result of the run. */
    BacktestResult stopEngine() throws Exception {
        if (result == null) {
            client.close();
            result = paper.stop(TimeUnit.SECONDS.toNanos(30));
        }
        return result;
    }

    @Override
    public void close() throws Exception {
        try {
            if (server != null) {
                server.stop();
            }
            stopEngine();
        } finally {
            venue.close();
        }
    }
}
