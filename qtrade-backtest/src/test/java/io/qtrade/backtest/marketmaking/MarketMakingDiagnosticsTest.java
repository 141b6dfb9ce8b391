package io.qtrade.backtest.marketmaking;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.backtest.report.HtmlReport;
import io.qtrade.backtest.report.ReportOptions;
import io.qtrade.backtest.report.ReportSection;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.core.order.Liquidity;
import io.qtrade.core.order.TimeInForce;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * One quoting round on a hand-built tape, every number worked out here (tolerance 1e-9: double arithmetic on
 * two-decimal prices). Venue and strategy times are equal (no feed or order latency). AAA, tick 0.01.
 * <pre>
 * t = 0       bid 100.00 x 10, ask 100.02 x 10                       mid 100.01
 * t = 1 ms    own buy 1 @ 100.00 (10 ahead), own sell 1 @ 100.02 (10 ahead)
 * t = 2 s     sell print 11 @ 100.00: the buy fills 1 (maker); bid 100.00 -> 0, bid 99.99 x 5    mid 100.005
 * t = 4 s     ask 100.01 x 5, ask 100.02 -> 0                         mid 100.00 (own sell no longer at the touch)
 * t = 20 s    own sell cancelled
 * t = 30 s    ask 100.03 x 5, ask 100.01 -> 0                         mid 100.01
 * t = 300 s   bid 99.95 x 5, bid 99.99 -> 0                           mid 99.99
 * t = 400 s   bid 99.95 -> 6 (last event: the window is [0, 400 s])
 * </pre>
 * The buy fill (s = +1, price 100.00) met mid 100.01: spread capture 0.01 = 0.01 / 100.01 * 1e4 bps. Markouts:
 * 1 s (mid at 3 s) 100.005 - 100 = 0.005; 5 s (7 s) 0; 30 s (32 s) 0.01; 5 min (302 s) 99.99 - 100 = -0.01.
 * Quote time: bid at the touch [1 ms, 2 s) = 1.999 s, ask [1 ms, 4 s) = 3.999 s, both 1.999 s, of 400 s.
 * Inventory: 0 for [0, 2 s), 1 for [2 s, 400 s): fractions 0.005 and 0.995, mean 0.995.
 */
class MarketMakingDiagnosticsTest {

    static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    private static final long S = 1_000_000_000L;

    static EventBatch tape() {
        EventBatch b = new EventBatch(32);
        b.addDepth(0, 0, 0, Side.BUY, 100.00, 10);
        b.addDepth(0, 0, 0, Side.SELL, 100.02, 10);
        b.addTrade(0, 2 * S, 2 * S, Side.SELL, 100.00, 11);
        b.addDepth(0, 2 * S, 2 * S, Side.BUY, 100.00, 0);
        b.addDepth(0, 2 * S, 2 * S, Side.BUY, 99.99, 5);
        b.addDepth(0, 4 * S, 4 * S, Side.SELL, 100.01, 5);
        b.addDepth(0, 4 * S, 4 * S, Side.SELL, 100.02, 0);
        b.addDepth(0, 30 * S, 30 * S, Side.SELL, 100.03, 5);
        b.addDepth(0, 30 * S, 30 * S, Side.SELL, 100.01, 0);
        b.addDepth(0, 300 * S, 300 * S, Side.BUY, 99.95, 5);
        b.addDepth(0, 300 * S, 300 * S, Side.BUY, 99.99, 0);
        b.addDepth(0, 400 * S, 400 * S, Side.BUY, 99.95, 6);
        return b;
    }

    static final class OneRound implements Strategy {
        private StrategyContext ctx;
        private long sell;

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
            ctx.scheduleAt(1_000_000);
            ctx.scheduleAt(20 * S);
        }

        @Override
        public void onTimer(long timerId, long nowNanos) {
            if (nowNanos == 1_000_000) {
                ctx.submitLimit(0, Side.BUY, 100.00, 1, TimeInForce.GTC);
                sell = ctx.submitLimit(0, Side.SELL, 100.02, 1, TimeInForce.GTC);
            } else {
                ctx.cancel(sell);
            }
        }
    }

    static BacktestResult run() {
        return Backtest.builder().source(new InMemoryEventSource(List.of(AAA), tape()))
                .exchange(ExchangeSettings.builder(AAA).latency(ConstantLatency.ZERO).queue(RiskAverseQueue.INSTANCE)
                        .build())
                .strategy("mm", new OneRound()).markIntervalNanos(0).endNanos(500 * S).build().run();
    }

    static MarketMakingDiagnostics diagnostics() {
        return MarketMakingDiagnostics.of(run(), new InMemoryEventSource(List.of(AAA), tape()));
    }

    @Test
    void markoutsAndSpreadCaptureOfAFillAreSignedBySideAtEachHorizon() {
        MarketMakingDiagnostics d = diagnostics();
        assertThat(d.fills()).hasSize(1);
        FillMarkout f = d.fills().get(0);
        assertThat(f.side()).isEqualTo(Side.BUY);
        assertThat(f.liquidity()).isEqualTo(Liquidity.MAKER);
        assertThat(f.exchTs()).isEqualTo(2 * S);
        assertThat(f.midAtFill()).isCloseTo(100.01, within(1e-9));
        assertThat(f.spreadCapture()).isCloseTo(0.01, within(1e-9));
        assertThat(f.spreadCaptureBps()).isCloseTo(0.01 / 100.01 * 1e4, within(1e-9));
        assertThat(f.markout(0)).isCloseTo(0.005, within(1e-9));
        assertThat(f.markout(1)).isCloseTo(0.0, within(1e-9));
        assertThat(f.markout(2)).isCloseTo(0.01, within(1e-9));
        assertThat(f.markout(3)).isCloseTo(-0.01, within(1e-9));
        assertThat(f.markoutBps(3)).isCloseTo(-0.01 / 100.01 * 1e4, within(1e-9));
        MarketMakingSummary s = d.summaries().get(0);
        assertThat(s.fills()).isEqualTo(1);
        assertThat(s.makerFills()).isEqualTo(1);
        assertThat(s.markoutBps(2)).isCloseTo(0.01 / 100.01 * 1e4, within(1e-9));
    }

    @Test
    void aMarkoutPastTheEndOfTheTapeIsNaN() {
        // horizons 100 s and 500 s: 2 s + 500 s is after the last event at 400 s.
        MarketMakingDiagnostics d = MarketMakingDiagnostics.of(run(),
                TouchTape.of(new InMemoryEventSource(List.of(AAA), tape())), 100 * S, 500 * S);
        assertThat(d.fills().get(0).markout(0)).isCloseTo(0.01, within(1e-9));   // mid at 102 s: 100.01
        assertThat(d.fills().get(0).markout(1)).isNaN();
        assertThat(d.summaries().get(0).markoutBps(1)).isNaN();
        assertThat(d.fillsTable().columnNames()).contains("markout_100s_bps", "markout_500s_bps");
    }

    @Test
    void quoteTimeCountsTheTimeAnOwnOrderWorkedAtOrBetterThanTheMarketTouch() {
        QuoteTime q = diagnostics().quoteTimes().get(0);
        assertThat(q.windowNanos()).isEqualTo(400 * S);
        assertThat(q.bidAtTouch()).isCloseTo(1.999 / 400, within(1e-12));
        assertThat(q.askAtTouch()).isCloseTo(3.999 / 400, within(1e-12));
        assertThat(q.bothAtTouch()).isCloseTo(1.999 / 400, within(1e-12));
        assertThat(run().orderRecords()).extracting(o -> o.exchEndTs()).containsExactly(2 * S, 20 * S);
    }

    @Test
    void theInventoryHistogramIsTimeWeighted() {
        InventoryHistogram h = diagnostics().inventories().get(0);
        assertThat(h.bins()).containsExactly(new InventoryBin(0, 0, 0.005), new InventoryBin(1, 1, 0.995));
        assertThat(h.meanPosition()).isCloseTo(0.995, within(1e-12));
        assertThat(h.maxAbsPosition()).isEqualTo(1.0);
    }

    @Test
    void theSectionShowsTheTablesAndChartsAndTheReportCarriesIt(@TempDir Path dir) throws Exception {
        MarketMakingDiagnostics d = diagnostics();
        ReportSection section = MarketMakingSection.of(d);
        assertThat(section.title()).isEqualTo("Market making");
        assertThat(section.html()).contains("<figure class=\"chart\" id=\"mm-price-1-figure\">",
                "<figure class=\"chart\" id=\"mm-inventory-1-figure\">", "markout_1s_bps", "markout_5min_bps",
                "<td>0.9999</td>", "<td>0.9950</td>", "own buys");
        Path html = HtmlReport.write(d.result(), dir.resolve("r.html"),
                ReportOptions.builder().title("mm").section(section).build());
        String page = Files.readString(html);
        assertThat(page).contains("<h2>Market making</h2>", "mm-price-1");
    }

    @Test
    void aTapeOfOtherInstrumentsIsRefused() {
        Instrument bbb = Instrument.spot("BBB", "SYN", 0.01, 1);
        TouchTape other = TouchTape.builder(List.of(bbb)).touch(0, 0, 1.0, 1.01).build();
        assertThatThrownBy(() -> MarketMakingDiagnostics.of(run(), other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the tape's instruments [BBB@SYN] are not the result's [AAA@SYN]");
        assertThat(MarketMakingDiagnostics.label(300 * S)).isEqualTo("5min");
        assertThat(MarketMakingDiagnostics.label(250_000_000L)).isEqualTo("250ms");
    }
}
