package io.qtrade.connectors.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.FeeModel;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.margin.FundingRecord;
import io.qtrade.backtest.margin.MarginSettings;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.connectors.binance.live.BinanceMarketDataClient;
import io.qtrade.connectors.live.LiveEventSource;
import io.qtrade.connectors.replay.LoopbackVenue;
import io.qtrade.connectors.replay.ReplayFrame;
import io.qtrade.core.ContractSpec;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.margin.LeverageBrackets;
import io.qtrade.core.margin.MarginMode;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;
import io.qtrade.core.time.SystemClock;
import io.qtrade.store.binance.BinanceMarket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Funding in paper trading: a loopback USD-M venue streams a book ticker, then Binance mark price frames
 * ({@code btcusdt@markPrice@1s}, the payload of Binance's "Mark Price Stream" docs with our numbers) announcing a
 * funding rate of 0.0001 for funding time {@code F}, 4 s after the test starts, at a mark of 100.05. The strategy
 * buys 1 at the ask 100.10 on the first book; the engine's {@code MarginLedger}, the backtest's, settles the funding on
 * the position at {@code F} when the first mark row after {@code F} arrives: 1 x 100.05 x 0.0001 = 0.010005 USDT paid,
 * exactly once although every later frame still announces {@code F} (tolerance 1e-12: one product of decimals).
 */
class PaperFundingTest {

    static final Instrument BTCUSDT = Instrument.spot("BTCUSDT", "BINANCE_USDM", 0.01, 0.001)
            .withContract(ContractSpec.linearPerpetual("USDT", ContractSpec.EIGHT_HOURS));
    static final long MS = 1_000_000L;

    static final class BuyOne implements Strategy {
        StrategyContext ctx;
        volatile boolean sent;
        final CountDownLatch filled = new CountDownLatch(1);
        volatile long fillLocalTs;

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
        }

        @Override
        public void onBook(int instrument, OrderBookView book) {
            if (!sent && !book.isEmpty(Side.SELL)) {
                sent = true;
                ctx.submitMarket(0, Side.BUY, 1);
            }
        }

        @Override
        public void onFill(io.qtrade.core.order.Fill fill) {
            fillLocalTs = fill.localTs();
            filled.countDown();
        }
    }

    @Test
    void fundingIsSettledFromTheLiveMarkPriceStreamWithTheBacktestsLedger() throws Exception {
        SystemClock clock = new SystemClock();
        long startMs = clock.nowNanos() / MS;
        long fundingMs = startMs + 4_000; // far enough for the buy to fill first on a loaded machine
        List<ReplayFrame> frames = new ArrayList<>();
        frames.add(ReplayFrame.text("{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"e\":\"bookTicker\",\"u\":1,"
                + "\"s\":\"BTCUSDT\",\"b\":\"100.00\",\"B\":\"10\",\"a\":\"100.10\",\"A\":\"10\",\"T\":" + startMs
                + ",\"E\":" + startMs + "}}"));
        int marks = 110; // one every 50 ms from the connection: 5.5 s, past F however late the client connects
        for (int k = 0; k < marks; k++) {
            frames.add(ReplayFrame.text("{\"stream\":\"btcusdt@markPrice@1s\",\"data\":{\"e\":\"markPriceUpdate\","
                    + "\"E\":" + (startMs + k) + ",\"s\":\"BTCUSDT\",\"p\":\"100.05000000\",\"i\":\"100.00000000\","
                    + "\"P\":\"100.01000000\",\"r\":\"0.00010000\",\"T\":" + fundingMs + "}}"));
        }
        BuyOne strategy = new BuyOne();
        PaperTrading paper = PaperTrading.builder(List.of(BTCUSDT))
                .exchange(ExchangeSettings.builder(BTCUSDT).latency(new ConstantLatency(MS, MS))
                        .queue(RiskAverseQueue.INSTANCE).fees(FeeModel.NONE).build())
                .strategy("carry", strategy)
                .initialCash(1_000)
                .margin(new MarginSettings(BTCUSDT, MarginMode.CROSS, 10, LeverageBrackets.flat(0.004, 125)))
                .clock(clock)
                // venue time = receive time on the paper clock: the funding time F is on the same clock
                .exchangeTime(LiveEventSource.ExchangeTime.RECEIVE)
                .build();
        try (LoopbackVenue venue = LoopbackVenue.builder(frames).frameIntervalNanos(50 * MS).start();
             BinanceMarketDataClient client = BinanceMarketDataClient.builder(BinanceMarket.USDM_FUTURES,
                             List.of(BTCUSDT), paper.listener())
                     .streams(false, false, false, true)
                     .markPrice(BinanceMarketDataClient.MarkPriceUpdates.EVERY_SECOND)
                     .streamBase(venue.webSocketBase()).restBase(venue.httpBase())
                     .clock(paper.clock())
                     .build()) {
            paper.start();
            client.start();
            assertThat(strategy.filled.await(30, TimeUnit.SECONDS)).as("the buy fills").isTrue();
            assertThat(strategy.fillLocalTs).as("filled before the funding time").isLessThan(fundingMs * MS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (venue.framesSent() < frames.size() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(venue.framesSent()).isEqualTo(frames.size());
            Thread.sleep(200); // the last frames reach the engine (a wait, not a verdict: F is long past)
            BacktestResult result = paper.stop();

            assertThat(result.fundingRecords()).hasSize(1);
            FundingRecord f = result.fundingRecords().get(0);
            assertThat(f.fundingTime()).isEqualTo(fundingMs * MS);
            assertThat(f.qty()).isEqualTo(1.0);
            assertThat(f.markPrice()).isEqualTo(100.05);
            assertThat(f.rate()).isEqualTo(0.0001);
            assertThat(f.paid()).isCloseTo(0.010005, within(1e-12));
            assertThat(result.portfolio("carry").funding()).isCloseTo(0.010005, within(1e-12));
            var account = result.marginAccount("carry", "USDT");
            assertThat(account.funding()).isCloseTo(0.010005, within(1e-12));
            // wallet: 1000, no fee, no realised PnL, minus the funding paid
            assertThat(account.walletBalance()).isCloseTo(1_000 - 0.010005, within(1e-12));
            assertThat(result.portfolio("carry").position(BTCUSDT).qty()).isEqualTo(1.0);
            assertThat(result.fillRecords().get(0).price()).isEqualTo(100.10);
            assertThat(result.funding().rowCount()).isEqualTo(1);
        }
    }
}
