package io.qtrade.strategies.marketmaking;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.OrderRecord;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.core.order.Order;
import io.qtrade.core.strategy.Strategy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The desk controls of {@link MarketMaker} on scripted tapes with zero latency, every quote price computed by hand.
 *
 * <p>Parameters throughout: Avellaneda-Stoikov gamma = 1, sigma = 0.01 per sqrt(s), k = 100, A = 1, rolling
 * tau = 60 s, tick 0.01, 1-lot quotes:
 * <pre>{@code
 * risk term   gamma sigma^2 tau        = 1e-4 * 60            = 0.006
 * spread      0.006 + (2/1) ln(1.01)   = 0.006 + 0.0199006617 = 0.0259006617
 * q = 0:  bidDepth = askDepth = 0.0129503309
 * q = 1:  bidDepth = 0.0189503309, askDepth = 0.0069503309
 * }</pre>
 */
class MarketMakerControlsTest {

    private static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    private static final long S = 1_000_000_000L;

    private static MarketMaker.Builder maker() {
        return MarketMaker.builder()
                .model(new AvellanedaStoikov(1.0))
                .horizon(new RollingHorizon(60))
                .sigma(0.01)
                .intensity(1.0, 100.0)
                .orderQty(1)
                .maxInventory(2)
                .staleAfterNanos(5 * S);
    }

    @Test
    void quotesAreRoundedAwayFromMidAndRequotedOnlyAfterTheThreshold() {
        EventBatch tape = new EventBatch(64);
        tape.addDepth(0, S, S, Side.BUY, 100.00, 5);       // one-sided: no quote
        tape.addDepth(0, S, S, Side.SELL, 100.10, 5);      // mid 100.05: bid 100.0370497 -> 100.03, ask 100.0629503 -> 100.07
        tape.addDepth(0, 2 * S, 2 * S, Side.BUY, 100.02, 5); // mid 100.06: targets 100.04 / 100.08, 1 tick: kept
        tape.addDepth(0, 3 * S, 3 * S, Side.BUY, 100.04, 5); // mid 100.07: targets 100.05 / 100.09, 2 ticks: replaced
        BacktestResult result = run(tape, maker().minRequoteTicks(2).build());

        assertThat(orders(result)).containsExactly(
                "1.0s BUY 100.03 CANCELED",
                "1.0s SELL 100.07 CANCELED",
                "3.0s BUY 100.05 NEW",
                "3.0s SELL 100.09 NEW");
    }

    @Test
    void withAOneTickThresholdEveryTickMoveIsRequoted() {
        EventBatch tape = new EventBatch(64);
        tape.addDepth(0, S, S, Side.BUY, 100.00, 5);
        tape.addDepth(0, S, S, Side.SELL, 100.10, 5);
        tape.addDepth(0, 2 * S, 2 * S, Side.BUY, 100.02, 5);
        BacktestResult result = run(tape, maker().minRequoteTicks(1).build());

        assertThat(orders(result)).containsExactly(
                "1.0s BUY 100.03 CANCELED",
                "1.0s SELL 100.07 CANCELED",
                "2.0s BUY 100.04 NEW",
                "2.0s SELL 100.08 NEW");
    }

    @Test
    void aQuoteThatWouldCrossIsHeldOneTickOffTheOppositeTouch() {
        // sigma 0.2: risk term 1 * 0.04 * 60 = 2.4, spread 2.4 + 0.0199006617 = 2.4199006617, half 1.2099503309.
        // q = 0 (mid 100.05): bid 98.8400497 -> 98.84, ask 101.2599503 -> 101.26.
        // A sell print at 98.80 trades through the bid: long 1. At q = 1: bidDepth 3.6099503, askDepth -1.1900497:
        // bid 96.4400497 -> 96.44; ask target 98.8599503 -> 98.86 is through the best bid 100.00, so the ask is
        // held one tick above it, at 100.01 (post-only, it rests).
        EventBatch tape = new EventBatch(64);
        tape.addDepth(0, S, S, Side.BUY, 100.00, 5);
        tape.addDepth(0, S, S, Side.SELL, 100.10, 5);
        tape.addTrade(0, 2 * S, 2 * S, Side.SELL, 98.80, 1);
        BacktestResult result = run(tape, maker().sigma(0.2).build());
        assertThat(orders(result)).containsExactly(
                "1.0s BUY 98.84 FILLED",
                "1.0s SELL 101.26 CANCELED",
                "2.0s BUY 96.44 NEW",
                "2.0s SELL 100.01 NEW");
    }

    @Test
    void noQuoteOnTheSideThatWouldPassMaxInventory() {
        // Quotes at 1 s: bid 100.03, ask 100.07 (class comment). A sell print at 100.00 trades through the bid:
        // filled, position 1. Requote at q = 1 (mid 100.05): bid 100.05 - 0.0189503 = 100.0310497 -> 100.03,
        // ask 100.05 + 0.0069503 = 100.0569503 -> 100.06 (kept bid would be 100.03; the filled one is gone, so a
        // new bid is sent as 1 + 1 <= 2). A second print fills it: position 2 = maxInventory: no new bid.
        EventBatch tape = new EventBatch(64);
        tape.addDepth(0, S, S, Side.BUY, 100.00, 5);
        tape.addDepth(0, S, S, Side.SELL, 100.10, 5);
        tape.addTrade(0, 2 * S, 2 * S, Side.SELL, 100.00, 1);
        tape.addDepth(0, 2 * S, 2 * S, Side.BUY, 100.00, 4);
        tape.addTrade(0, 3 * S, 3 * S, Side.SELL, 100.00, 1);
        tape.addDepth(0, 3 * S, 3 * S, Side.BUY, 100.00, 3);
        tape.addDepth(0, 4 * S, 4 * S, Side.BUY, 99.90, 1);
        BacktestResult result = run(tape, maker().build());

        // q = 2: askDepth = 0.0129503 - 2 * 0.006 = 0.0009503: ask 100.0509503 -> 100.06 (as at q = 1: kept).
        assertThat(orders(result)).containsExactly(
                "1.0s BUY 100.03 FILLED",
                "1.0s SELL 100.07 CANCELED",
                "2.0s BUY 100.03 FILLED",
                "2.0s SELL 100.06 NEW");
        assertThat(result.portfolio("mm").position(AAA).qty()).isEqualTo(2.0);
    }

    @Test
    void staleBookPausesQuotingUntilTheNextUpdate() {
        EventBatch tape = new EventBatch(64);
        tape.addDepth(0, S, S, Side.BUY, 100.00, 5);
        tape.addDepth(0, S, S, Side.SELL, 100.10, 5);
        tape.addDepth(0, 20 * S, 20 * S, Side.BUY, 99.50, 1); // far level: touch unchanged, book fresh again
        MarketMaker mm = maker().build();
        BacktestResult result = run(tape, mm);
        // Samples at 2 s .. 6 s: age <= 5 s, quotes kept; at 7 s the age is 6 s > 5 s: cancelled; requoted at 20 s.
        List<OrderRecord> records = result.orderRecords();
        assertThat(orders(result)).containsExactly(
                "1.0s BUY 100.03 CANCELED",
                "1.0s SELL 100.07 CANCELED",
                "20.0s BUY 100.03 NEW",
                "20.0s SELL 100.07 NEW");
        assertThat(records.get(0).order().lastUpdateTs()).isEqualTo(7 * S);
        assertThat(mm.pausedOnBook()).isEqualTo(1);          // the one-sided start
        assertThat(mm.pausedOnStaleBook()).isEqualTo(13);    // the samples at 7 s .. 19 s
        assertThat(mm.pausedOnWarmUp()).isZero();            // sigma, A, k given
        assertThat(mm.pausedOnHorizon()).isZero();
        assertThat(mm.pausedEvaluations()).isEqualTo(14);
    }

    @Test
    void crossedBookPausesAndCancelsBothQuotes() {
        EventBatch tape = new EventBatch(64);
        tape.addDepth(0, S, S, Side.BUY, 100.00, 5);
        tape.addDepth(0, S, S, Side.SELL, 100.10, 5);
        tape.addDepth(0, 2 * S, 2 * S, Side.BUY, 99.50, 1);
        MarketMaker mm = maker().build();
        // The engine's books never stay crossed (they prune stale levels), so a live feed's crossed view is
        // simulated: the update at 2 s is shown to the maker with the best bid at 100.20 > best ask 100.10.
        Strategy crossing = new CrossingAt(mm, 2 * S, AAA.toTicks(100.20));
        BacktestResult result = run(tape, crossing);
        assertThat(orders(result)).containsExactly("1.0s BUY 100.03 CANCELED", "1.0s SELL 100.07 CANCELED");
        assertThat(result.orderRecords().get(0).order().lastUpdateTs()).isEqualTo(2 * S);
        assertThat(mm.pausedOnBook()).isEqualTo(1 + 1); // the one-sided start, the crossed update at 2 s
    }

    @Test
    void finiteHorizonStopsQuotingAtItsEnd() {
        EventBatch tape = new EventBatch(64);
        tape.addDepth(0, S, S, Side.BUY, 100.00, 5);
        tape.addDepth(0, S, S, Side.SELL, 100.10, 5);
        tape.addDepth(0, 4 * S, 4 * S, Side.BUY, 99.50, 1);
        // T = 3 s: at 1 s tau = 2 s, risk term 1e-4 * 2 = 0.0002, depth = 0.0001 + 0.00995033 = 0.01005033:
        // bid 100.0399497 -> 100.03, ask 100.0600503 -> 100.07; at 3 s the horizon is over: cancelled.
        MarketMaker mm = maker().horizon(new FiniteHorizon(3 * S)).build();
        BacktestResult result = run(tape, mm);
        assertThat(orders(result)).containsExactly("1.0s BUY 100.03 CANCELED", "1.0s SELL 100.07 CANCELED");
        assertThat(result.orderRecords().get(0).order().lastUpdateTs()).isEqualTo(3 * S);
        assertThat(mm.pausedOnHorizon()).isGreaterThanOrEqualTo(2); // the 3 s sample and the 4 s update at least
        assertThat(mm.pausedOnStaleBook()).isZero();
    }

    @Test
    void orderFlowImbalanceSkewsBothQuotesWithTheFlow() {
        // OFI (Cont, Kukanov, Stoikov 2014) of the window ending at the 2 s sample is NaN (the ask appeared: no
        // previous ask to compare), so z = 0. At 2.5 s the bid queue grows 5 -> 9: e = 9 - 5 = +4; at the 3 s sample
        // OFI = 4, m = 4^2 (seed), z = 4 / 4 = 1, shift = 3 ticks * 0.01 * 1 = 0.03: the reference is 100.08,
        // bid 100.0670497 -> 100.06, ask 100.0929503 -> 100.10.
        EventBatch tape = new EventBatch(64);
        tape.addDepth(0, S, S, Side.BUY, 100.00, 5);
        tape.addDepth(0, S, S, Side.SELL, 100.10, 5);
        tape.addDepth(0, 2 * S + S / 2, 2 * S + S / 2, Side.BUY, 100.00, 9);
        tape.addDepth(0, 4 * S, 4 * S, Side.BUY, 99.50, 1);
        MarketMaker mm = maker().ofiSkewTicks(3).build();
        BacktestResult result = run(tape, mm);
        assertThat(orders(result)).containsExactly(
                "1.0s BUY 100.03 CANCELED",
                "1.0s SELL 100.07 CANCELED",
                "3.0s BUY 100.06 NEW",
                "3.0s SELL 100.1 NEW");
    }

    @Test
    void builderNamesMissingAndConflictingSettings() {
        assertThatThrownBy(() -> MarketMaker.builder().orderQty(1).maxInventory(1).sigma(1).intensity(1, 1).build())
                .hasMessageContaining("model is required");
        assertThatThrownBy(() -> maker().volatility(new io.qtrade.features.volatility.EwmaVolatility(0.9)).build())
                .hasMessageContaining("exactly one").hasMessageContaining("both");
        assertThatThrownBy(() -> MarketMaker.builder().model(new AvellanedaStoikov(1)).orderQty(1).maxInventory(1)
                .sigma(1).build()).hasMessageContaining("intensity").hasMessageContaining("neither");
        assertThatThrownBy(() -> maker().maxInventory(0.5).build()).hasMessageContaining("maxInventory 0.5")
                .hasMessageContaining("orderQty 1.0");
        assertThatThrownBy(() -> maker().minRequoteTicks(0)).hasMessageContaining("minRequoteTicks must be >= 1");
        assertThatThrownBy(() -> maker().orderQty(Double.NaN)).hasMessageContaining("orderQty");
        assertThat(maker().build().toString()).contains("AvellanedaStoikov[gamma=1.0]", "orderQty=1.0",
                "maxInventory=2.0", "given sigma 0.01", "given A 1.0, k 100.0");
    }

    @Test
    void orderQtyOffTheLotGridIsRefusedAtStart() {
        EventBatch tape = new EventBatch(4);
        tape.addDepth(0, S, S, Side.BUY, 100.00, 5);
        assertThatThrownBy(() -> run(tape, maker().orderQty(1.5).build()))
                .hasMessageContaining("orderQty 1.5").hasMessageContaining("lot");
    }

    private static BacktestResult run(EventBatch tape, Strategy strategy) {
        return Backtest.builder()
                .source(new InMemoryEventSource(List.of(AAA), tape))
                .exchange(ExchangeSettings.builder(AAA)
                        .latency(ConstantLatency.ZERO)
                        .queue(RiskAverseQueue.INSTANCE)
                        .fees(new BpsFees(0, 0))
                        .build())
                .strategy("mm", strategy)
                .build()
                .run();
    }

    /** Each order as "send time, side, price, final status", in send order. */
    private static List<String> orders(BacktestResult result) {
        List<String> out = new ArrayList<>();
        for (OrderRecord r : result.orderRecords()) {
            Order o = r.order();
            out.add((r.sendTs() / 1e9) + "s " + o.side() + " " + o.price() + " " + o.status());
        }
        return out;
    }
}
