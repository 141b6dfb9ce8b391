package io.qtrade.backtest;

import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventFlags;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.EventSource;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.core.order.TimeInForce;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A quote (a bid row and an ask row of one message) reaches the strategy whole: {@code onBook} is called once per
 * quote, after both rows are in the strategy's book. The hand-built tapes move the quote up and down by a tick or
 * two, so that a half-applied quote (new bid, old ask) would show as a pair that is in no quote of the tape (often a
 * locked or crossed one). Expected pairs: the tape's own quotes, in order.
 */
class QuoteAtomicityTest {

    private static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    private static final Instrument BBB = Instrument.spot("BBB", "SYN", 0.01, 1);

    /** (bid, ask) of each quote, moving up and down so that the new bid meets or passes the old ask. */
    private static final double[][] QUOTES = {
            {100.00, 100.02}, {100.02, 100.04}, {100.01, 100.03}, {99.98, 100.00}, {100.05, 100.07},
            {100.07, 100.09}, {100.03, 100.05}};

    /** Records (instrument, bestBid, bestAsk) in ticks of 0.01 at every onBook (exact). */
    private static final class Recorder implements Strategy {
        final List<List<Long>> seen = new ArrayList<>();

        @Override
        public void onBook(int instrument, OrderBookView book) {
            seen.add(List.of((long) instrument, book.bestBidTicks(), book.bestAskTicks()));
        }
    }

    /** Quote k of each instrument at exchTs 1,000 (k + 1), seen 200 ns later; bid row then ask row. */
    private static EventBatch tape(int instruments, boolean flagged) {
        EventBatch b = new EventBatch(QUOTES.length * 2 * instruments);
        for (int k = 0; k < QUOTES.length; k++) {
            long exchTs = 1_000L * (k + 1);
            for (int i = 0; i < instruments; i++) {
                double shift = i * 10.0;
                b.add(i, exchTs, exchTs + 200, EventKind.BBO, Side.BUY.code(), QUOTES[k][0] + shift, 5,
                        EventBatch.NO_ORDER_ID, EventFlags.NONE);
                b.add(i, exchTs, exchTs + 200, EventKind.BBO, Side.SELL.code(), QUOTES[k][1] + shift, 7,
                        EventBatch.NO_ORDER_ID, flagged ? EventFlags.END_OF_MESSAGE : EventFlags.NONE);
            }
        }
        return b;
    }

    private static List<List<Long>> expected(int instruments) {
        List<List<Long>> out = new ArrayList<>();
        for (double[] q : QUOTES) {
            for (int i = 0; i < instruments; i++) {
                out.add(List.of((long) i, Math.round(q[0] * 100) + i * 1_000L, Math.round(q[1] * 100) + i * 1_000L));
            }
        }
        return out;
    }

    private static List<List<Long>> run(int instruments, boolean flagged, int batchCapacity) {
        List<Instrument> ins = instruments == 1 ? List.of(AAA) : List.of(AAA, BBB);
        Recorder r = new Recorder();
        Backtest.Builder b = Backtest.builder()
                .source(new InMemoryEventSource(ins, tape(instruments, flagged)))
                .batchCapacity(batchCapacity)
                .strategy("recorder", r);
        for (Instrument in : ins) {
            b.exchange(ExchangeSettings.builder(in).latency(ConstantLatency.ZERO).queue(RiskAverseQueue.INSTANCE)
                    .build());
        }
        b.build().run();
        return r.seen;
    }

    @Test
    void flaggedQuotesAreSeenWholeOncePerQuote() {
        assertThat(run(1, true, 1024)).containsExactlyElementsOf(expected(1));
    }

    @Test
    void quoteSplitAcrossBatchesIsSeenWhole() {
        // Capacity 3: quotes 1, 4 (rows 2|3, 8|9) have their bid in one batch and their ask in the next.
        assertThat(run(1, true, 3)).containsExactlyElementsOf(expected(1));
    }

    @Test
    void quoteSplitByAnEmptyBatchIsSeenWhole() {
        // A source that returns an empty batch after every batch of 3 rows: the ask of quote 1 sits two batches on.
        InMemoryEventSource inner = new InMemoryEventSource(List.of(AAA), tape(1, true));
        EventSource gappy = new EventSource() {
            private boolean empty;

            @Override
            public List<Instrument> instruments() {
                return inner.instruments();
            }

            @Override
            public boolean readBatch(EventBatch into) {
                empty = !empty;
                if (empty) {
                    into.clear();
                    return true;
                }
                return inner.readBatch(into);
            }
        };
        Recorder r = new Recorder();
        Backtest.builder().source(gappy).batchCapacity(3)
                .exchange(ExchangeSettings.builder(AAA).latency(ConstantLatency.ZERO).queue(RiskAverseQueue.INSTANCE)
                        .build())
                .strategy("recorder", r).build().run();
        assertThat(r.seen).containsExactlyElementsOf(expected(1));
    }

    @Test
    void unflaggedQuotesJoinBySameTimestamps() {
        assertThat(run(1, false, 1024)).containsExactlyElementsOf(expected(1));
    }

    @Test
    void severalInstrumentsEachQuoteSeenWhole() {
        List<List<Long>> seen = run(2, true, 5);
        assertThat(seen).hasSize(QUOTES.length * 2);
        assertThat(seen).containsExactlyElementsOf(expected(2));
    }

    @Test
    void venueMatchesRestingOrdersAsOnTheWholeQuote() {
        // Sent at 1,200 (zero latency) after quote 0 (100.00 / 100.02): a sell at the ask, a buy at the bid.
        // Quote 1 (100.02 / 100.04) at 2,000: its bid reaches the sell (rule 5, at the sell's price). Quote 2
        // (100.01 / 100.03) reaches neither. Quote 3 (99.98 / 100.00) at 4,000: its ask reaches the buy.
        Strategy both = new Strategy() {
            @Override
            public void onStart(StrategyContext ctx) {
                ctx.submitLimit(0, Side.SELL, 100.02, 1, TimeInForce.GTC);
                ctx.submitLimit(0, Side.BUY, 100.00, 1, TimeInForce.GTC);
            }
        };
        BacktestResult result = Backtest.builder()
                .source(new InMemoryEventSource(List.of(AAA), tape(1, true)))
                .exchange(ExchangeSettings.builder(AAA).latency(ConstantLatency.ZERO).queue(RiskAverseQueue.INSTANCE)
                        .build())
                .strategy("both", both)
                .build()
                .run();
        List<FillRecord> fills = result.fillRecords();
        assertThat(fills).hasSize(2);
        assertThat(fills.get(0).side()).isEqualTo(Side.SELL);
        assertThat(Math.round(fills.get(0).price() * 100)).isEqualTo(10_002L);
        assertThat(fills.get(0).qty()).isEqualTo(1.0);
        assertThat(fills.get(0).exchTs()).isEqualTo(2_000L);
        assertThat(fills.get(1).side()).isEqualTo(Side.BUY);
        assertThat(Math.round(fills.get(1).price() * 100)).isEqualTo(10_000L);
        assertThat(fills.get(1).qty()).isEqualTo(1.0);
        assertThat(fills.get(1).exchTs()).isEqualTo(4_000L);
    }
}
