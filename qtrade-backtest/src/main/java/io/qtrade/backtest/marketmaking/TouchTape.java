package io.qtrade.backtest.marketmaking;

import io.qtrade.core.Instrument;
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
 * The market's best bid and ask over venue time, per instrument: a step function recorded after every row that
 * changes the touch (the simulated orders are not in it: the backtester has no market impact).
 * <pre>{@code
 * touch(t) = the last (bid, ask) recorded at or before t      (NO_BID / NO_ASK while a side is empty)
 * mid(t)   = (bid + ask) / 2 of touch(t)                       NaN while a side is empty or before the first row
 * }</pre>
 * {@link #of(EventSource)} replays a source (an {@link MboBook} for an instrument whose first book row is a
 * market-by-order kind, an {@link OrderBook} otherwise); {@link #builder(List)} builds one by hand.
 */
public final class TouchTape {

    private final List<Instrument> instruments;
    private final Series[] series;

    private TouchTape(List<Instrument> instruments, Series[] series) {
        this.instruments = List.copyOf(instruments);
        this.series = series;
    }

    /**
     * Replays a whole source (and closes it).
     *
     * @throws IllegalArgumentException naming the row, instrument and time of an event out of {@code exchTs} order
     */
    public static TouchTape of(EventSource source) {
        Objects.requireNonNull(source, "touch tape: source");
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
                        throw new IllegalArgumentException("touch tape: event " + row + " of "
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
                    if (kind != EventKind.TRADE) {
                        if (views[i] == null) {
                            if (kind.isL3()) {
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
                        b.touch(i, ts, views[i].bestBidTicks(), views[i].bestAskTicks());
                    } else {
                        b.seen(i, ts);
                    }
                    row++;
                }
            }
        }
        return b.build();
    }

    /** A builder for a tape of these instruments (by index). */
    public static Builder builder(List<Instrument> instruments) {
        return new Builder(instruments);
    }

    /** The instruments, by index. */
    public List<Instrument> instruments() {
        return instruments;
    }

    /** How many touch points instrument {@code i} has. */
    public int size(int i) {
        return series(i).n;
    }

    /** The time of touch point {@code k} of instrument {@code i}. */
    public long ts(int i, int k) {
        return series(i).ts[k];
    }

    /** The best bid in ticks at touch point {@code k}, {@link OrderBook#NO_BID} when there was none. */
    public long bidTicks(int i, int k) {
        return series(i).bid[k];
    }

    /** The best ask in ticks at touch point {@code k}, {@link OrderBook#NO_ASK} when there was none. */
    public long askTicks(int i, int k) {
        return series(i).ask[k];
    }

    /** The first event time of instrument {@code i} (any kind), {@link Long#MIN_VALUE} if it has none. */
    public long firstTs(int i) {
        return series(i).first;
    }

    /** The last event time of instrument {@code i} (any kind), {@link Long#MIN_VALUE} if it has none. */
    public long lastTs(int i) {
        return series(i).last;
    }

    /** The index of the last touch point at or before {@code ts}, -1 if none. */
    public int indexAtOrBefore(int i, long ts) {
        Series s = series(i);
        int lo = 0;
        int hi = s.n;
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            if (s.ts[m] <= ts) {
                lo = m + 1;
            } else {
                hi = m;
            }
        }
        return lo - 1;
    }

    /** The mid at or before {@code ts}: NaN before the first point or while a side is empty. */
    public double midAt(int i, long ts) {
        int k = indexAtOrBefore(i, ts);
        if (k < 0) {
            return Double.NaN;
        }
        Series s = series(i);
        if (s.bid[k] == OrderBook.NO_BID || s.ask[k] == OrderBook.NO_ASK) {
            return Double.NaN;
        }
        Instrument inst = instruments.get(i);
        return (inst.toPrice(s.bid[k]) + inst.toPrice(s.ask[k])) / 2;
    }

    /** The mid strictly before {@code ts} (the book an event at {@code ts} met). */
    public double midBefore(int i, long ts) {
        return ts == Long.MIN_VALUE ? Double.NaN : midAt(i, ts - 1);
    }

    private Series series(int i) {
        if (i < 0 || i >= series.length) {
            throw new IllegalArgumentException("touch tape: instrument index " + i + ", expected 0.."
                    + (series.length - 1));
        }
        return series[i];
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("TouchTape[");
        for (int i = 0; i < series.length; i++) {
            b.append(i == 0 ? "" : ", ").append(instruments.get(i).id()).append('=').append(series[i].n)
                    .append(" points");
        }
        return b.append(']').toString();
    }

    private static final class Series {
        long[] ts = new long[64];
        long[] bid = new long[64];
        long[] ask = new long[64];
        int n;
        long first = Long.MIN_VALUE;
        long last = Long.MIN_VALUE;
    }

    /** Collects touch points in time order per instrument; a point equal to the previous one is not stored. */
    public static final class Builder {
        private final List<Instrument> instruments;
        private final Series[] series;

        private Builder(List<Instrument> instruments) {
            this.instruments = List.copyOf(instruments);
            this.series = new Series[this.instruments.size()];
            for (int i = 0; i < series.length; i++) {
                series[i] = new Series();
            }
        }

        /**
         * The touch of instrument {@code i} from {@code ts} on.
         *
         * @throws IllegalArgumentException if {@code ts} is before the instrument's previous point
         */
        public Builder touch(int i, long ts, long bidTicks, long askTicks) {
            Series s = seen(i, ts).series[i];
            if (s.n > 0 && s.bid[s.n - 1] == bidTicks && s.ask[s.n - 1] == askTicks) {
                return this;
            }
            if (s.n > 0 && s.ts[s.n - 1] == ts) {
                s.bid[s.n - 1] = bidTicks;
                s.ask[s.n - 1] = askTicks;
                return this;
            }
            if (s.n == s.ts.length) {
                s.ts = Arrays.copyOf(s.ts, s.n * 2);
                s.bid = Arrays.copyOf(s.bid, s.n * 2);
                s.ask = Arrays.copyOf(s.ask, s.n * 2);
            }
            s.ts[s.n] = ts;
            s.bid[s.n] = bidTicks;
            s.ask[s.n] = askTicks;
            s.n++;
            return this;
        }

        /** The touch by price ({@code NaN} for an empty side). */
        public Builder touch(int i, long ts, double bid, double ask) {
            Instrument inst = instruments.get(i);
            return touch(i, ts, Double.isNaN(bid) ? OrderBook.NO_BID : inst.toTicks(bid),
                    Double.isNaN(ask) ? OrderBook.NO_ASK : inst.toTicks(ask));
        }

        /** An event of instrument {@code i} at {@code ts} that did not change the touch (it extends the window). */
        public Builder seen(int i, long ts) {
            if (i < 0 || i >= series.length) {
                throw new IllegalArgumentException("touch tape: instrument index " + i + ", expected 0.."
                        + (series.length - 1));
            }
            Series s = series[i];
            if (s.last != Long.MIN_VALUE && ts < s.last) {
                throw new IllegalArgumentException("touch tape: " + instruments.get(i).id() + " at " + ts
                        + " is before its previous point at " + s.last);
            }
            if (s.first == Long.MIN_VALUE) {
                s.first = ts;
            }
            s.last = ts;
            return this;
        }

        /** The tape. */
        public TouchTape build() {
            return new TouchTape(instruments, series);
        }
    }
}
