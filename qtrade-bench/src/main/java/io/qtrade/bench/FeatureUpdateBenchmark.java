package io.qtrade.bench;

import io.qtrade.store.synthetic.SyntheticMarket;
import io.qtrade.core.Instrument;
import io.qtrade.core.book.OrderBook;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import io.qtrade.features.flow.OrderFlowImbalance;
import io.qtrade.features.flow.StoikovMicroprice;
import io.qtrade.features.volatility.RealizedSessionListener;
import io.qtrade.features.volatility.RealizedVarianceOnGrid;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The cost of microstructure features updated on every L2 event of a book replay, one operation = one event, over a
 * fixed stream of {@value #EVENTS} events (snapshot, depth updates and trades) from a Cont-Stoikov-Talreja
 * {@link SyntheticMarket}:
 * <ul>
 *   <li>{@code baselineReplay}: {@link OrderBook#apply} through an {@link EventCursor}, nothing else;</li>
 *   <li>{@code replayOfiMicroprice}: the same replay, then after every event {@link OrderFlowImbalance#update} and
 *   the Stoikov micro-price lookup {@link StoikovMicroprice#microprice} (fitted in the setup on the first
 *   {@value #FIT_EVENTS} book states of the same stream);</li>
 *   <li>{@code replayOfiMicropriceRv}: the same plus {@link RealizedVarianceOnGrid} fed {@code (exchTs, mid)} on
 *   every event with a two-sided book ({@value #RV_GRID_NANOS} ns grid, UTC-day sessions, previous-tick sampling:
 *   a grid point passed costs one {@code Math.log}, another event two comparisons and two stores);</li>
 *   <li>{@code replayOfi}, {@code replayMicroprice} and {@code replayRv}: the replay with one of the three, to
 *   attribute the cost.</li>
 * </ul>
 * The target: the three features add < 15 ns per event over the baseline, and allocate nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class FeatureUpdateBenchmark {

    static final int EVENTS = 1 << 20;
    static final int FIT_EVENTS = 1 << 18;
    /** Realized variance grid spacing: one second. */
    static final long RV_GRID_NANOS = 1_000_000_000L;

    private final Instrument instrument = Instrument.spot("AAA", "SYN", 0.01, 1);
    private final EventBatch events = new EventBatch(EVENTS);
    private final EventCursor cursor = new EventCursor();
    private final OrderBook book = new OrderBook(instrument);
    private final OrderFlowImbalance ofi = new OrderFlowImbalance();
    private final SessionSums sessions = new SessionSums();
    private final RealizedVarianceOnGrid rv = RealizedVarianceOnGrid.utcDays(RV_GRID_NANOS, sessions);
    private StoikovMicroprice micro;

    @Setup
    public void setUp() {
        SyntheticMarket market = SyntheticMarket.builder().instrument(instrument, 100.00).events(EVENTS).seed(1)
                .snapshot(true).build();
        EventBatch batch = new EventBatch(4096);
        while (events.size() < EVENTS && market.readBatch(batch)) {
            for (int row = 0; row < batch.size() && events.size() < EVENTS; row++) {
                events.addFrom(batch, row, 0);
            }
        }
        double[] bid = new double[FIT_EVENTS];
        double[] bidQty = new double[FIT_EVENTS];
        double[] ask = new double[FIT_EVENTS];
        double[] askQty = new double[FIT_EVENTS];
        OrderBook fitBook = new OrderBook(instrument);
        EventCursor c = new EventCursor().reset(events);
        for (int i = 0; i < FIT_EVENTS && c.next(); i++) {
            fitBook.apply(c);
            bid[i] = fitBook.bestBid();
            bidQty[i] = fitBook.bestBidQty();
            ask[i] = fitBook.bestAsk();
            askQty[i] = fitBook.bestAskQty();
        }
        micro = StoikovMicroprice.builder().tickSize(instrument.tickSize()).imbalanceBuckets(10).spreadStates(3)
                .fit(bid, bidQty, ask, askQty);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long baselineReplay() {
        OrderBook b = book;
        b.clear();
        EventCursor c = cursor.reset(events);
        while (c.next()) {
            b.apply(c);
        }
        return b.bestBidTicks() + b.bestAskTicks();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public double replayOfi() {
        OrderBook b = book;
        b.clear();
        OrderFlowImbalance o = ofi;
        o.reset();
        EventCursor c = cursor.reset(events);
        while (c.next()) {
            b.apply(c);
            o.update(b);
        }
        return o.windowSum();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public double replayMicroprice() {
        OrderBook b = book;
        b.clear();
        StoikovMicroprice m = micro;
        double sink = 0.0;
        EventCursor c = cursor.reset(events);
        while (c.next()) {
            b.apply(c);
            sink += m.microprice(b);
        }
        return sink;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public double replayOfiMicroprice() {
        OrderBook b = book;
        b.clear();
        OrderFlowImbalance o = ofi;
        o.reset();
        StoikovMicroprice m = micro;
        double sink = 0.0;
        EventCursor c = cursor.reset(events);
        while (c.next()) {
            b.apply(c);
            o.update(b);
            sink += m.microprice(b);
        }
        return sink + o.windowSum();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public double replayRv() {
        OrderBook b = book;
        b.clear();
        RealizedVarianceOnGrid v = rv;
        v.reset();
        sessions.reset();
        EventCursor c = cursor.reset(events);
        while (c.next()) {
            b.apply(c);
            double mid = b.mid();
            if (mid == mid) {
                v.onTick(c.exchTs(), mid);
            }
        }
        return sessions.realizedVarianceSum + v.currentRealizedVariance();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public double replayOfiMicropriceRv() {
        OrderBook b = book;
        b.clear();
        OrderFlowImbalance o = ofi;
        o.reset();
        RealizedVarianceOnGrid v = rv;
        v.reset();
        sessions.reset();
        StoikovMicroprice m = micro;
        double sink = 0.0;
        EventCursor c = cursor.reset(events);
        while (c.next()) {
            b.apply(c);
            o.update(b);
            sink += m.microprice(b);
            double mid = b.mid();
            if (mid == mid) {
                v.onTick(c.exchTs(), mid);
            }
        }
        return sink + o.windowSum() + sessions.realizedVarianceSum + v.currentRealizedVariance();
    }

    /** Adds up the completed sessions' realized variance, so that nothing the estimator computes is dead code. */
    static final class SessionSums implements RealizedSessionListener {
        double realizedVarianceSum;
        long sessionCount;

        @Override
        public void onSession(long sessionStartNanos, long sessionEndNanos, double realizedVariance,
                              double bipowerVariation, int returnCount, long tickCount) {
            realizedVarianceSum += realizedVariance + bipowerVariation;
            sessionCount++;
        }

        void reset() {
            realizedVarianceSum = 0.0;
            sessionCount = 0;
        }
    }
}
