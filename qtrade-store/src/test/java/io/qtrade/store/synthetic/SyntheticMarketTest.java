package io.qtrade.store.synthetic;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.MergedEventSource;
import io.qtrade.core.market.TimeKey;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticMarketTest {

    static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    static final Instrument BBB = new Instrument("BBB", "SYN", 0.05, 0.001, 10);
    static final Instrument CCC = Instrument.spot("CCC", "SYN", 0.5, 100);

    private static SyntheticMarket.Builder threeInstruments(long seed, long events) {
        return SyntheticMarket.builder()
                .instrument(AAA, 100.005)
                .instrument(BBB, 250.0)
                .instrument(CCC, 20_000.0)
                .events(events)
                .seed(seed)
                .feedLatencyNanos(150_000)
                .feedJitterNanos(80_000)
                .orderSizeLots(3)
                .meanReversion(0.5)
                .correlation(0.6);
    }

    @Test
    void sameSeedGivesIdenticalBatchesAndAnotherSeedDiffers() {
        SyntheticMarket first = threeInstruments(11, 200_000).build();
        SyntheticMarket second = threeInstruments(11, 200_000).build();
        SyntheticMarket other = threeInstruments(12, 200_000).build();
        EventBatch a = new EventBatch(1000);
        EventBatch b = new EventBatch(1000);
        EventBatch c = new EventBatch(1000);
        int batches = 0;
        int differing = 0;
        while (first.readBatch(a)) {
            assertThat(second.readBatch(b)).isTrue();
            assertThat(a.contentEquals(b)).as("batch %d", batches).isTrue();
            other.readBatch(c);
            if (!a.contentEquals(c)) {
                differing++;
            }
            batches++;
        }
        assertThat(second.readBatch(b)).isFalse();
        assertThat(batches).isEqualTo(200);
        // The three snapshots (306 rows) are the same for every seed, but even the first batch holds 694 model rows.
        assertThat(differing).isEqualTo(200);
    }

    @Test
    void batchSizeDoesNotChangeTheStream() {
        SyntheticMarket bulk = threeInstruments(5, 30_000).build();
        SyntheticMarket drip = threeInstruments(5, 30_000).build();
        EventBatch whole = new EventBatch(30_000);
        assertThat(bulk.readBatch(whole)).isTrue();
        EventBatch small = new EventBatch(7);
        EventBatch joined = new EventBatch(30_000);
        while (drip.readBatch(small)) {
            for (int row = 0; row < small.size(); row++) {
                joined.addFrom(small, row, 0);
            }
        }
        assertThat(joined.contentEquals(whole)).isTrue();
    }

    /** Replays a stream through naive TreeMap books and checks every invariant the generator promises. */
    static StreamStats checkStream(SyntheticMarket market, int batchCapacity) {
        List<Instrument> instruments = market.instruments();
        int n = instruments.size();
        ReferenceBook[] books = new ReferenceBook[n];
        long[] lastExch = new long[n];
        long[] lastLocal = new long[n];
        for (int i = 0; i < n; i++) {
            books[i] = new ReferenceBook();
            lastExch[i] = Long.MIN_VALUE;
            lastLocal[i] = Long.MIN_VALUE;
        }
        long latency = market.config().feedLatencyNanos();
        long jitter = market.config().feedJitterNanos();
        StreamStats stats = new StreamStats();
        long lastOverallExch = Long.MIN_VALUE;
        EventBatch batch = new EventBatch(batchCapacity);
        EventCursor cursor = new EventCursor();
        while (market.readBatch(batch)) {
            cursor.reset(batch);
            while (cursor.next()) {
                int i = cursor.instrument();
                Instrument instrument = instruments.get(i);
                ReferenceBook book = books[i];
                long exch = cursor.exchTs();
                long local = cursor.localTs();
                String where = "event " + stats.events + " of " + instrument.id();
                assertThat(exch).as(where + " exchTs overall").isGreaterThanOrEqualTo(lastOverallExch);
                assertThat(exch).as(where + " exchTs").isGreaterThanOrEqualTo(lastExch[i]);
                assertThat(local).as(where + " localTs").isGreaterThanOrEqualTo(lastLocal[i]);
                assertThat(local - exch).as(where + " feed delay").isGreaterThanOrEqualTo(latency);
                if (local > lastLocal[i] && lastLocal[i] != Long.MIN_VALUE) {
                    // Not held back by the FIFO rule, so the delay is the latency plus at most the jitter.
                    assertThat(local - exch).as(where + " feed delay").isLessThanOrEqualTo(latency + jitter);
                }
                lastOverallExch = exch;
                lastExch[i] = exch;
                lastLocal[i] = local;
                stats.events++;
                EventKind kind = cursor.kind();
                switch (kind) {
                    case SNAPSHOT_BEGIN -> {
                        book.clear();
                        stats.snapshots++;
                    }
                    case SNAPSHOT_END -> assertThat(book.bids).isNotEmpty();
                    case DEPTH_UPDATE -> {
                        assertThat(instrument.isOnTickGrid(cursor.price())).as(where + " price").isTrue();
                        assertThat(cursor.qty()).as(where + " qty").isGreaterThanOrEqualTo(0.0);
                        assertThat(instrument.isOnLotGrid(cursor.qty() / market.config().orderSizeLots()))
                                .as(where + " qty %s in whole units", cursor.qty()).isTrue();
                        book.apply(cursor.sideCode(), instrument.toTicksStrict(cursor.price()), cursor.qty());
                        assertThat(book.isCrossed()).as(where + " book crossed").isFalse();
                        stats.depthUpdates++;
                    }
                    case TRADE -> {
                        long tick = instrument.toTicksStrict(cursor.price());
                        if (cursor.side() == Side.BUY) {
                            assertThat(tick).as(where + " buy trade at best ask").isEqualTo(book.bestAsk());
                            assertThat(cursor.qty()).isLessThanOrEqualTo(book.asks.get(tick) * (1 + 1e-12));
                        } else {
                            assertThat(tick).as(where + " sell trade at best bid").isEqualTo(book.bestBid());
                            assertThat(cursor.qty()).isLessThanOrEqualTo(book.bids.get(tick) * (1 + 1e-12));
                        }
                        assertThat(instrument.isOnLotGrid(cursor.qty())).isTrue();
                        stats.trades++;
                    }
                    default -> throw new AssertionError(where + ": unexpected kind " + kind);
                }
            }
        }
        // Never cut inside a transition: the rebuilt books are the generator's own.
        for (int i = 0; i < n; i++) {
            assertThat(books[i].bestBid()).as("final best bid of %s", instruments.get(i).id())
                    .isEqualTo(market.book(i).bestBidTick());
            assertThat(books[i].bestAsk()).as("final best ask of %s", instruments.get(i).id())
                    .isEqualTo(market.book(i).bestAskTick());
        }
        return stats;
    }

    /** The most rows one transition can publish (see the class Javadoc of SyntheticMarket). */
    static long maxTransitionRows(SyntheticMarket market) {
        return 2L * market.config().marketOrderSize() + 9L * market.config().levels();
    }

    static final class StreamStats {
        long events;
        long snapshots;
        long depthUpdates;
        long trades;
    }

    @Test
    void streamIsOrderedOnTheGridAndNeverCrossed() {
        SyntheticMarket market = threeInstruments(3, 300_000).build();
        StreamStats stats = checkStream(market, 4096);
        // The stream ends on a whole transition: at least the rows asked for, less than one transition more.
        assertThat(stats.events).isBetween(300_000L, 300_000L + maxTransitionRows(market));
        assertThat(market.eventsProduced()).isEqualTo(stats.events);
        assertThat(stats.snapshots).isEqualTo(3);
        // Trades are about 2 mu / R of the transitions, R ~ 100 per model unit: a few percent of the rows.
        assertThat(stats.trades).isBetween(3_000L, 30_000L);
        assertThat(stats.depthUpdates + stats.trades + 2 * stats.snapshots).isEqualTo(stats.events);
    }

    @Test
    void walkingMarketOrdersRefillsAndRecentringKeepTheStreamValid() {
        // Few levels and large market orders: sides run dry (refill), orders walk the book, the mid drifts far
        // (re-centring drops far orders). The invariants must hold through all of it.
        SyntheticMarket market = SyntheticMarket.builder()
                .instrument(AAA, 100.0)
                .instrument(CCC, 20_000.0)
                .levels(3)
                .marketOrderSize(4)
                .marketRate(3.0)
                .cancelRates(0.9, 0.5, 0.2)
                .events(200_000)
                .seed(99)
                .build();
        StreamStats stats = checkStream(market, 333);
        assertThat(stats.events).isEqualTo(200_000);
        assertThat(stats.trades).isGreaterThan(20_000);
    }

    @Test
    void withoutSnapshotTheStreamStartsWithModelEvents() {
        SyntheticMarket market = SyntheticMarket.builder().instrument(AAA, 100.0).snapshot(false).events(10).build();
        EventBatch batch = new EventBatch(64);
        assertThat(market.readBatch(batch)).isTrue();
        assertThat(batch.size()).isEqualTo(10);
        assertThat(batch.kind(0)).isIn(EventKind.DEPTH_UPDATE, EventKind.TRADE);
        assertThat(batch.exchTs(0)).isGreaterThan(SyntheticMarket.DEFAULT_START_NANOS);
        assertThat(market.readBatch(batch)).isFalse();
        assertThat(batch.isEmpty()).isTrue();
    }

    @Test
    void initialSnapshotHoldsTheDefaultProfileAroundTheMid() {
        SyntheticMarket market = SyntheticMarket.builder().instrument(AAA, 100.005).levels(5).events(12).build();
        EventBatch batch = new EventBatch(64);
        market.readBatch(batch);
        assertThat(batch.kind(0)).isEqualTo(EventKind.SNAPSHOT_BEGIN);
        assertThat(batch.kind(11)).isEqualTo(EventKind.SNAPSHOT_END);
        assertThat(batch.exchTs(0)).isEqualTo(SyntheticMarket.DEFAULT_START_NANOS);
        assertThat(batch.localTs(0) - batch.exchTs(0)).isEqualTo(SyntheticMarket.DEFAULT_FEED_LATENCY_NANOS);
        // Mid 100.005 is a half tick: best bid 100.00, best ask 100.01, one-tick spread.
        assertThat(batch.price(1)).isEqualTo(100.00);
        assertThat(batch.sideCode(1)).isEqualTo(Side.BUY.code());
        assertThat(batch.price(6)).isEqualTo(100.01);
        assertThat(batch.sideCode(6)).isEqualTo(Side.SELL.code());
        // Queue at distance d from the opposite quote: max(1, round(lambda(d) / theta)), lambda(d) = 1.92 / d^0.52,
        // theta = 0.5: d = 1 -> 3.84 -> 4 lots, d = 2 -> 2.68 -> 3, d = 3 -> 2.17 -> 2.
        assertThat(batch.qty(1)).isEqualTo(4.0);
        assertThat(batch.qty(2)).isEqualTo(3.0);
        assertThat(batch.qty(3)).isEqualTo(2.0);
    }

    @Test
    void mergesWithOtherSourcesInTimeOrder() {
        SyntheticMarket one = SyntheticMarket.builder().instrument(AAA, 100.0).events(20_000).seed(1).build();
        SyntheticMarket two = SyntheticMarket.builder().instrument(BBB, 250.0).events(20_000).seed(2).build();
        MergedEventSource merged = new MergedEventSource(TimeKey.LOCAL, List.of(one, two));
        EventBatch batch = new EventBatch(512);
        long count = 0;
        long last = Long.MIN_VALUE;
        while (merged.readBatch(batch)) {
            for (int row = 0; row < batch.size(); row++) {
                assertThat(batch.localTs(row)).isGreaterThanOrEqualTo(last);
                last = batch.localTs(row);
            }
            count += batch.size();
        }
        assertThat(count).isEqualTo(40_000);
    }

    @Test
    void fiveMillionEventsStreamThroughOneSmallBatch() {
        SyntheticMarket market = SyntheticMarket.builder().instrument(AAA, 100.0).instrument(BBB, 250.0)
                .events(5_000_000).seed(8).build();
        EventBatch batch = new EventBatch(4096);
        long count = 0;
        long checksum = 0;
        long trades = 0;
        while (market.readBatch(batch)) {
            for (int row = 0; row < batch.size(); row++) {
                checksum = 31 * checksum + batch.exchTs(row) + Double.doubleToLongBits(batch.qty(row));
                if (batch.kindCode(row) == EventKind.TRADE.code()) {
                    trades++;
                }
            }
            count += batch.size();
        }
        assertThat(count).isEqualTo(5_000_000);
        assertThat(trades).isBetween(50_000L, 500_000L);
        // The same seed gives the same checksum; memory stays at the batch and the books whatever the count.
        SyntheticMarket again = SyntheticMarket.builder().instrument(AAA, 100.0).instrument(BBB, 250.0)
                .events(5_000_000).seed(8).build();
        long checksumAgain = 0;
        while (again.readBatch(batch)) {
            for (int row = 0; row < batch.size(); row++) {
                checksumAgain = 31 * checksumAgain + batch.exchTs(row) + Double.doubleToLongBits(batch.qty(row));
            }
        }
        assertThat(checksumAgain).isEqualTo(checksum);
    }

    @Test
    void configListsEveryParameter() {
        SyntheticMarket market = threeInstruments(21, 1000).build();
        String text = market.config().toString();
        for (String name : List.of("instruments", "initialMids", "events=1000", "seed=21", "startNanos",
                "feedLatencyNanos=150000", "feedJitterNanos=80000", "levels=50", "limitRateK=1.92",
                "limitRateAlpha=0.52", "marketRate=0.94", "cancelRates=[0.5]", "timeScaleNanos=1000000000",
                "orderSizeLots=3", "marketOrderSize=1", "meanReversion=0.5", "fairValueVolatilityTicks=1.0",
                "correlation=0.6", "correlationMatrix=[]", "snapshot=true")) {
            assertThat(text).contains(name);
        }
    }

    @Test
    void settersNameTheParameterTheValueAndTheRange() {
        SyntheticMarket.Builder b = SyntheticMarket.builder();
        assertThatThrownBy(() -> b.events(0)).hasMessage("events is 0 (allowed: >= 1)");
        assertThatThrownBy(() -> b.levels(0)).hasMessage("levels is 0 (allowed: 1..10000 ticks)");
        assertThatThrownBy(() -> b.levels(10_001)).hasMessage("levels is 10001 (allowed: 1..10000 ticks)");
        assertThatThrownBy(() -> b.feedLatencyNanos(-1))
                .hasMessage("feedLatencyNanos is -1 (allowed: 0..86400000000000 ns, one day)");
        assertThatThrownBy(() -> b.feedJitterNanos(-5)).hasMessageStartingWith("feedJitterNanos is -5 (allowed: 0..");
        assertThatThrownBy(() -> b.startNanos(-3)).hasMessage("startNanos is -3 (allowed: >= 0 epoch nanos)");
        assertThatThrownBy(() -> b.limitRate(0, 0.5))
                .hasMessage("limitRate k is 0.0 (allowed: finite and > 0 orders per model time unit)");
        assertThatThrownBy(() -> b.limitRate(1.92, -0.1)).hasMessage("limitRate alpha is -0.1 (allowed: 0..10.0)");
        assertThatThrownBy(() -> b.marketRate(Double.NaN))
                .hasMessage("marketRate mu is NaN (allowed: finite and >= 0 orders per model time unit)");
        assertThatThrownBy(() -> b.cancelRate(0))
                .hasMessage("cancelRate theta(1) is 0.0 "
                        + "(allowed: finite and > 0 per resting unit per model time unit)");
        assertThatThrownBy(() -> b.cancelRates(0.5, Double.POSITIVE_INFINITY))
                .hasMessageStartingWith("cancelRate theta(2) is Infinity");
        assertThatThrownBy(() -> b.timeScaleNanos(0)).hasMessageStartingWith("timeScaleNanos is 0 (allowed: 1..");
        assertThatThrownBy(() -> b.orderSizeLots(0)).hasMessage("orderSizeLots is 0 (allowed: 1..1000000 lots)");
        assertThatThrownBy(() -> b.marketOrderSize(-2))
                .hasMessage("marketOrderSize is -2 (allowed: 1..1000000 units)");
        assertThatThrownBy(() -> b.meanReversion(-1))
                .hasMessage("meanReversion kappa is -1.0 (allowed: 0..100 per tick of mispricing)");
        assertThatThrownBy(() -> b.fairValueVolatility(-0.5))
                .hasMessageStartingWith("fairValueVolatility sigma is -0.5");
        assertThatThrownBy(() -> b.correlation(1.5))
                .hasMessage("correlation rho is 1.5 (allowed: 0..1; use correlationMatrix for negative correlations)");
        assertThatThrownBy(() -> b.instrument(AAA, 0))
                .hasMessage("initialMid of AAA@SYN is 0.0 (allowed: finite and > 0)");
        assertThatThrownBy(() -> b.correlationMatrix(new double[][] {{1, 0.5}, {0.4, 1}}))
                .hasMessage("correlationMatrix[0][1] is 0.5 but [1][0] is 0.4 (allowed: a symmetric matrix)");
        assertThatThrownBy(() -> b.correlationMatrix(new double[][] {{1, 0.5}, {0.5, 0.9}}))
                .hasMessage("correlationMatrix[1][1] is 0.9 (allowed: 1, a correlation matrix has a unit diagonal)");
        assertThatThrownBy(() -> b.correlationMatrix(new double[][] {{1, 0.9, -0.9}, {0.9, 1, 0.9}, {-0.9, 0.9, 1}}))
                .hasMessageStartingWith("correlationMatrix is not positive semi-definite")
                .hasMessageContaining("at row 2");
        assertThatThrownBy(() -> b.correlationMatrix(new double[][] {{1, 0.5}}))
                .hasMessage("correlationMatrix row 0 has 2 entries (allowed: 1, a square matrix)");
    }

    @Test
    void buildNamesMissingAndConflictingSettings() {
        assertThatThrownBy(() -> SyntheticMarket.builder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("no instruments");
        assertThatThrownBy(() -> SyntheticMarket.builder().instrument(AAA, 100).instrument(BBB, 250).correlation(0.9)
                .build())
                .hasMessageStartingWith("correlation is set but meanReversion kappa is 0");
        assertThatThrownBy(() -> SyntheticMarket.builder().instrument(AAA, 100).meanReversion(1)
                .correlationMatrix(new double[][] {{1, 0.2}, {0.2, 1}}).build())
                .hasMessage("correlationMatrix is 2x2 but there are 1 instruments (allowed: 1x1)");
        assertThatThrownBy(() -> SyntheticMarket.builder().instrument(AAA, 100).levels(2).cancelRates(1, 2, 3).build())
                .hasMessage("cancelRates has 3 values but levels is 2 (allowed: at most levels values)");
        assertThatThrownBy(() -> SyntheticMarket.builder().instrument(AAA, 3.00).build())
                .hasMessage("initialMid of AAA@SYN is 3.0, 300 ticks of 0.01 (allowed: more than 8 * levels = 400 "
                        + "ticks, so that the initial book window has only positive prices)");
        assertThatThrownBy(() -> SyntheticMarket.builder().instrument(AAA, 100).instrument(AAA, 101))
                .hasMessage("instrument AAA@SYN was added twice (allowed: each instrument once)");
    }
}
