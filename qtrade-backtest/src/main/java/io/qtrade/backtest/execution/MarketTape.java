package io.qtrade.backtest.execution;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.MboBook;
import io.qtrade.core.book.OrderBook;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.EventSource;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The market as a benchmark: per instrument, the mid over venue time and the trades printed, with the interval
 * queries execution quality needs. Times are venue times ({@code exchTs}), epoch nanoseconds.
 *
 * <pre>{@code
 * mid(t)            the last mid recorded at or before t (a step function), NaN while a side is empty
 * midBefore(t)      the last mid recorded strictly before t (the book a fill at t met)
 * VWAP[a, b]        sum p_j q_j / sum q_j  over the trades with a <= t_j <= b            NaN without a trade
 * TWAP[a, b]        (1 / |valid|) integral_a^b mid(t) dt over the time the mid is defined  (= mid(a) when a = b)
 * }</pre>
 *
 * <p>{@link #of(EventSource)} replays a source through one {@link OrderBook} per instrument (an {@link MboBook} for an
 * instrument whose first book row is a market-by-order kind), recording the mid after every row that changes it and
 * every {@link EventKind#TRADE} row as a trade (market-by-order executions are not counted as trades: a feed that
 * prints trades prints them as TRADE rows). The strategies' own simulated fills are not in the tape: the backtester
 * has no market impact, so the benchmark is the market they traded in. {@link #builder(List)} builds a tape by hand.
 *
 * <p>Immutable after construction. Queries are O(log n) to find the interval plus O(k) over the k points inside it.
 */
public final class MarketTape {

    private final List<Instrument> instruments;
    private final Series[] series;

    private MarketTape(List<Instrument> instruments, Series[] series) {
        this.instruments = List.copyOf(instruments);
        this.series = series;
    }

    /**
     * Replays a whole source (and closes it).
     *
     * @throws IllegalArgumentException naming the row, instrument and time of an event out of {@code exchTs} order
     */
    public static MarketTape of(EventSource source) {
        Objects.requireNonNull(source, "market tape: source");
        List<Instrument> instruments = source.instruments();
        Builder b = builder(instruments);
        int n = instruments.size();
        OrderBook[] books = new OrderBook[n];
        MboBook[] mbo = new MboBook[n];
        OrderBookView[] views = new OrderBookView[n];
        EventBatch batch = new EventBatch(4096);
        EventCursor c = new EventCursor();
        long row = 0;
        long lastTs = Long.MIN_VALUE;
        try (source) {
            while (source.readBatch(batch)) {
                c.reset(batch);
                while (c.next()) {
                    int i = c.instrument();
                    long ts = c.exchTs();
                    if (ts < lastTs) {
                        throw new IllegalArgumentException("market tape: event " + row + " of "
                                + instruments.get(i).id() + " at exchTs " + ts + " is earlier than the previous "
                                + lastTs + "; expected a source in exchTs order");
                    }
                    lastTs = ts;
                    EventKind kind = c.kind();
                    if (kind.isDerivativeData()) {
                        // mark, index and funding rows say nothing about the book or the trades
                        row++;
                        continue;
                    }
                    if (kind == EventKind.TRADE) {
                        b.trade(i, ts, c.price(), c.qty());
                    } else {
                        if (views[i] == null) {
                            if (isMarketByOrder(kind)) {
                                mbo[i] = new MboBook(instruments.get(i));
                                views[i] = mbo[i].levels();
                            } else {
                                books[i] = new OrderBook(instruments.get(i));
                                views[i] = books[i];
                            }
                        }
                        if (mbo[i] != null) {
                            mbo[i].apply(c);
                        } else {
                            books[i].apply(c);
                        }
                        b.mid(i, ts, views[i].mid());
                    }
                    row++;
                }
            }
        }
        return b.build();
    }

    private static boolean isMarketByOrder(EventKind kind) {
        return kind == EventKind.ORDER_ADD || kind == EventKind.ORDER_MODIFY || kind == EventKind.ORDER_CANCEL
                || kind == EventKind.ORDER_EXECUTE;
    }

    /** A builder for a tape of these instruments (by index). */
    public static Builder builder(List<Instrument> instruments) {
        return new Builder(instruments);
    }

    /** The instruments, by index. */
    public List<Instrument> instruments() {
        return instruments;
    }

    /** The mid at or before {@code ts}: NaN before the first mid or while a side is empty. */
    public double midAt(int instrument, long ts) {
        Series s = series(instrument);
        int k = s.lastMidAtOrBefore(ts);
        return k < 0 ? Double.NaN : s.mid[k];
    }

    /** The mid recorded strictly before {@code ts}. */
    public double midBefore(int instrument, long ts) {
        return ts == Long.MIN_VALUE ? Double.NaN : midAt(instrument, ts - 1);
    }

    /** The time of the last mid or trade of an instrument, {@link Long#MIN_VALUE} if it has none. */
    public long lastTs(int instrument) {
        Series s = series(instrument);
        long t = Long.MIN_VALUE;
        if (s.midCount > 0) {
            t = s.midTs[s.midCount - 1];
        }
        if (s.tradeCount > 0) {
            t = Math.max(t, s.tradeTs[s.tradeCount - 1]);
        }
        return t;
    }

    /** Volume-weighted average price of the trades with {@code fromTs <= t <= toTs}; NaN without one. */
    public double vwap(int instrument, long fromTs, long toTs) {
        Series s = series(instrument);
        int k = lowerBound(s.tradeTs, s.tradeCount, fromTs);
        double pq = 0.0;
        double q = 0.0;
        for (; k < s.tradeCount && s.tradeTs[k] <= toTs; k++) {
            pq += s.tradePrice[k] * s.tradeQty[k];
            q += s.tradeQty[k];
        }
        return q > 0.0 ? pq / q : Double.NaN;
    }

    /** Quantity traded with {@code fromTs <= t <= toTs}. */
    public double tradedQty(int instrument, long fromTs, long toTs) {
        Series s = series(instrument);
        double q = 0.0;
        for (int k = lowerBound(s.tradeTs, s.tradeCount, fromTs); k < s.tradeCount && s.tradeTs[k] <= toTs; k++) {
            q += s.tradeQty[k];
        }
        return q;
    }

    /**
     * Time-weighted average of the mid over {@code [fromTs, toTs]}, the mid a step function; spans without a mid
     * are left out of both the integral and the time. {@code fromTs == toTs} gives {@link #midAt}; NaN if the mid
     * is undefined over the whole interval.
     */
    public double twapOfMid(int instrument, long fromTs, long toTs) {
        if (toTs < fromTs) {
            throw new IllegalArgumentException("market tape: TWAP interval [" + fromTs + ", " + toTs
                    + "] ends before it starts");
        }
        if (toTs == fromTs) {
            return midAt(instrument, fromTs);
        }
        Series s = series(instrument);
        int k = s.lastMidAtOrBefore(fromTs);
        double area = 0.0;
        double time = 0.0;
        long t = fromTs;
        double mid = k < 0 ? Double.NaN : s.mid[k];
        for (k = k + 1; k < s.midCount && s.midTs[k] < toTs; k++) {
            if (!Double.isNaN(mid)) {
                area += mid * (double) (s.midTs[k] - t);
                time += s.midTs[k] - t;
            }
            t = s.midTs[k];
            mid = s.mid[k];
        }
        if (!Double.isNaN(mid)) {
            area += mid * (double) (toTs - t);
            time += toTs - t;
        }
        return time > 0.0 ? area / time : Double.NaN;
    }

    private Series series(int instrument) {
        if (instrument < 0 || instrument >= series.length) {
            throw new IllegalArgumentException("market tape: instrument index " + instrument + ", expected 0.."
                    + (series.length - 1));
        }
        return series[instrument];
    }

    /** First index with {@code ts[k] >= key}. */
    private static int lowerBound(long[] ts, int n, long key) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ts[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("MarketTape[");
        for (int i = 0; i < series.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(instruments.get(i).id()).append(": mids=")
                    .append(series[i].midCount).append(", trades=").append(series[i].tradeCount);
        }
        return sb.append(']').toString();
    }

    /** Growable primitive columns of one instrument. */
    private static final class Series {
        long[] midTs = new long[64];
        double[] mid = new double[64];
        int midCount;
        long[] tradeTs = new long[64];
        double[] tradePrice = new double[64];
        double[] tradeQty = new double[64];
        int tradeCount;

        int lastMidAtOrBefore(long ts) {
            if (ts == Long.MAX_VALUE) {
                return midCount - 1;
            }
            return lowerBound(midTs, midCount, ts + 1) - 1;
        }
    }

    /** Builds a tape: mids and trades of each instrument in non-decreasing time. */
    public static final class Builder {
        private final List<Instrument> instruments;
        private final Series[] series;

        private Builder(List<Instrument> instruments) {
            this.instruments = List.copyOf(Objects.requireNonNull(instruments, "market tape: instruments"));
            this.series = new Series[instruments.size()];
            for (int i = 0; i < series.length; i++) {
                series[i] = new Series();
            }
        }

        private Series at(int instrument, String what) {
            if (instrument < 0 || instrument >= series.length) {
                throw new IllegalArgumentException("market tape: " + what + " for instrument index " + instrument
                        + ", expected 0.." + (series.length - 1));
            }
            return series[instrument];
        }

        /**
         * Records the mid from {@code ts} on (NaN: a side is empty); a repeat of the current mid is not recorded.
         *
         * @throws IllegalArgumentException if {@code ts} is earlier than the instrument's last mid
         */
        public Builder mid(int instrument, long ts, double mid) {
            Series s = at(instrument, "mid");
            int n = s.midCount;
            if (n > 0) {
                if (ts < s.midTs[n - 1]) {
                    throw new IllegalArgumentException("market tape: mid of " + instruments.get(instrument).id()
                            + " at " + ts + " is earlier than the previous one at " + s.midTs[n - 1]);
                }
                double last = s.mid[n - 1];
                if (last == mid || (Double.isNaN(last) && Double.isNaN(mid))) {
                    return this;
                }
                if (ts == s.midTs[n - 1]) {
                    s.mid[n - 1] = mid;
                    return this;
                }
            } else if (Double.isNaN(mid)) {
                return this;
            }
            if (n == s.midTs.length) {
                s.midTs = Arrays.copyOf(s.midTs, n * 2);
                s.mid = Arrays.copyOf(s.mid, n * 2);
            }
            s.midTs[n] = ts;
            s.mid[n] = mid;
            s.midCount = n + 1;
            return this;
        }

        /**
         * Records a trade.
         *
         * @param price > 0, finite
         * @param qty   > 0, finite
         * @throws IllegalArgumentException for a bad price or quantity, or a time earlier than the last trade
         */
        public Builder trade(int instrument, long ts, double price, double qty) {
            Series s = at(instrument, "trade");
            if (!(price > 0.0) || !(qty > 0.0) || Double.isInfinite(price) || Double.isInfinite(qty)) {
                throw new IllegalArgumentException("market tape: trade of " + instruments.get(instrument).id()
                        + " at " + ts + " has price " + price + " and qty " + qty + ", expected both finite and > 0");
            }
            int n = s.tradeCount;
            if (n > 0 && ts < s.tradeTs[n - 1]) {
                throw new IllegalArgumentException("market tape: trade of " + instruments.get(instrument).id()
                        + " at " + ts + " is earlier than the previous one at " + s.tradeTs[n - 1]);
            }
            if (n == s.tradeTs.length) {
                s.tradeTs = Arrays.copyOf(s.tradeTs, n * 2);
                s.tradePrice = Arrays.copyOf(s.tradePrice, n * 2);
                s.tradeQty = Arrays.copyOf(s.tradeQty, n * 2);
            }
            s.tradeTs[n] = ts;
            s.tradePrice[n] = price;
            s.tradeQty[n] = qty;
            s.tradeCount = n + 1;
            return this;
        }

        /** The tape. The builder must not be used afterwards. */
        public MarketTape build() {
            return new MarketTape(instruments, series);
        }
    }

    /** The side's sign: +1 for a buy, -1 for a sell. */
    static double sign(Side side) {
        return side == Side.BUY ? 1.0 : -1.0;
    }
}
