package io.qtrade.server;

import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.connectors.binance.live.BinanceMarketDataClient;
import io.qtrade.connectors.paper.PaperTrading;
import io.qtrade.connectors.replay.LoopbackVenue;
import io.qtrade.connectors.replay.SyntheticBinanceStream;
import io.qtrade.core.Instrument;
import io.qtrade.risk.killswitch.KillSwitch;
import io.qtrade.server.tap.EngineTap;
import io.qtrade.store.binance.BinanceMarket;
import io.qtrade.store.synthetic.SyntheticMarket;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's programs, run: the server next to paper trading, and the Java client. */
class ReadmeExampleTest {

    @Test
    void theReadmeSnippetsRun() throws Exception {
        Map<String, String> environment = Map.of(ApiTokens.TRADING_VARIABLE, "trade-token-0123456789abcdef");
        Instrument btc = Instrument.spot("BTCUSDT", "BINANCE", 0.01, 0.001);
        SyntheticBinanceStream stream = SyntheticBinanceStream.render(SyntheticMarket.builder()
                .instrument(btc, 100.00).events(10_000).seed(7).build(), 2_000);
        try (LoopbackVenue venue = stream.startVenue(v -> v.frameIntervalNanos(2_000_000))) {
            TestMaker myStrategy = new TestMaker(btc, 3, 0.001, 20_000_000, EngineTap.builder(List.of(btc)).build()
                    .signals("mm"));
            // README begin
            KillSwitch killSwitch = new KillSwitch();
            EngineTap tap = EngineTap.builder(List.of(btc)).killSwitch(killSwitch).build();
            PaperTrading paper = PaperTrading.builder(List.of(btc))
                    .exchange(ExchangeSettings.builder(btc).latency(new ConstantLatency(1_000_000, 1_000_000))
                            .queue(RiskAverseQueue.INSTANCE).fees(new BpsFees(1.0, 2.0)).build())
                    .strategy("mm", tap.wrap("mm", myStrategy))        // the tap sees what the strategy sees
                    .killSwitchOnDisconnect(killSwitch)
                    .initialCash(10_000)
                    .build();
            QtradeServer server = QtradeServer.start(tap, ServerConfig.builder(ApiTokens.fromVariables(environment))
                    .port(0).build());                                // 127.0.0.1 unless bindAddress(...) says otherwise
            BinanceMarketDataClient md = BinanceMarketDataClient.builder(BinanceMarket.SPOT, List.of(btc),
                            paper.listener()).streamBase(venue.webSocketBase()).restBase(venue.httpBase())
                    .clock(paper.clock()).build();
            paper.start();
            md.start();
            // README end
            String token = "trade-token-0123456789abcdef";
            String base = server.baseUrl();
            assertThat(Http.await(() -> myStrategy.fills.size() >= 2, 60)).isTrue();
            // README client begin
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> positions = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/positions"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            System.out.println(positions.body());   // [{"strategy":"mm","instrument":"BTCUSDT@BINANCE","qty":...}]

            List<String> fills = new CopyOnWriteArrayList<>();
            WebSocket ws = http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                    .buildAsync(URI.create(base.replace("http", "ws") + "/api/v1/stream"), new WebSocket.Listener() {
                        final StringBuilder frame = new StringBuilder();

                        @Override
                        public CompletionStage<?> onText(WebSocket w, CharSequence part, boolean last) {
                            frame.append(part);
                            if (last) {                     // a frame: one JSON message per line
                                fills.addAll(List.of(frame.toString().split("\n")));   // {"type":"fill",...}
                                frame.setLength(0);
                            }
                            w.request(1);
                            return null;
                        }
                    }).join();
            ws.sendText("{\"op\":\"subscribe\",\"topics\":[\"fills\"]}", true);
            // README client end
            assertThat(positions.statusCode()).isEqualTo(200);
            assertThat(positions.body()).startsWith("[{\"strategy\":\"mm\",\"instrument\":\"BTCUSDT@BINANCE\",\"qty\":");
            assertThat(Http.await(() -> fills.stream().anyMatch(m -> m.contains("\"type\":\"fill\"")), 60)).isTrue();
            ws.abort();
            server.stop();
            md.close();
            paper.stop();
        }
    }
}
