package io.qtrade.bench;

import io.qtrade.connectors.synthetic.SyntheticMarket;
import io.qtrade.core.Instrument;
import io.qtrade.core.book.OrderBook;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import io.qtrade.features.flow.OrderFlowImbalance;
import io.qtrade.features.flow.StoikovMicroprice;
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
 *   <li>{@code replayOfiMicropriceRv}: the same plus a streaming realized variance of the mid;</li>
 *   <li>{@code replayOfi} and {@code replayMicroprice}: the replay with one of the two, to attribute the cost.</li>
 * </ul>
 * The realized variance is a measurement hook ({@link MidRealizedVarianceHook}: {@code sum (ln m_n - ln m_{n-1})^2}
 * over mid changes, one log per changed mid) written here so that the figure exists before
 * {@code io.qtrade.features.volatility} has its streaming realized variance; replace the hook by that class to
 * measure the real one. The target: features added cost < 15 ns per event over the baseline.
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

    private final Instrument instrument = Instrument.spot("AAA", "SYN", 0.01, 1);
    private final EventBatch events = new EventBatch(EVENTS);
    private final EventCursor cursor = new EventCursor();
    private final OrderBook book = new OrderBook(instrument);
    private final OrderFlowImbalance ofi = new OrderFlowImbalance();
    private final MidRealizedVarianceHook rv = new MidRealizedVarianceHook();
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
    public double replayOfiMicropriceRv() {
        OrderBook b = book;
        b.clear();
        OrderFlowImbalance o = ofi;
        o.reset();
        MidRealizedVarianceHook v = rv;
        v.reset();
        StoikovMicroprice m = micro;
        double sink = 0.0;
        EventCursor c = cursor.reset(events);
        while (c.next()) {
            b.apply(c);
            o.update(b);
            sink += m.microprice(b);
            v.update(b);
        }
        return sink + o.windowSum() + v.realizedVariance();
    }

    /**
     * The benchmark's stand-in for a streaming realized variance of the mid:
     * {@code RV = sum (ln m_n - ln m_{n-1})^2} over the events where the mid changed (Andersen and Bollerslev 1998),
     * skipping events without a two-sided book. The mid is compared in ticks ({@code bid + ask} ticks) and the log
     * return taken as {@code ln((bid_n + ask_n) / (bid_{n-1} + ask_{n-1}))} in ticks, the same number as the log
     * return of the mid in price, so an event that leaves the mid alone costs two loads and a compare.
     */
    static final class MidRealizedVarianceHook {
        private long lastSumTicks = Long.MIN_VALUE;
        private double lastLogSum = Double.NaN;
        private double sum;

        void update(OrderBookView book) {
            long bid = book.bestBidTicks();
            long ask = book.bestAskTicks();
            if (bid == OrderBook.NO_BID || ask == OrderBook.NO_ASK) {
                return;
            }
            long sumTicks = bid + ask;
            if (sumTicks != lastSumTicks) {
                double logSum = Math.log((double) sumTicks);
                if (lastLogSum == lastLogSum) {
                    double r = logSum - lastLogSum;
                    sum += r * r;
                }
                lastLogSum = logSum;
                lastSumTicks = sumTicks;
            }
        }

        double realizedVariance() {
            return sum;
        }

        void reset() {
            lastSumTicks = Long.MIN_VALUE;
            lastLogSum = Double.NaN;
            sum = 0.0;
        }
    }
}
