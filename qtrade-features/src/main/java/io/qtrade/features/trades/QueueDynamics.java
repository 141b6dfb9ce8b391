package io.qtrade.features.trades;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBook;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.MarketEvent;

import java.util.Objects;

/**
 * Arrival rates of adds, cancels and trades per price level of an L2 book: the empirical intensities
 * {@code lambda(i)}, {@code theta(i)} and {@code mu} of the zero-intelligence queue model of Cont, Stoikov and
 * Talreja [1, section 3], read from depth updates and trades.
 * <pre>{@code
 * level i of a side  = distance in ticks from that side's best price before the event (i = 0 at or inside the best)
 * delta              = new qty - old qty of the level (a DEPTH_UPDATE)
 * delta > 0          -> ADD,    volume delta
 * delta < 0          -> the part matched by the trade just reported at that price is TRADE volume already counted;
 *                       the rest is CANCEL
 * TRADE event        -> TRADE at the resting side (opposite the aggressor; by price against the quotes when no flag)
 * rate(kind, side, i)   = count(kind, side, i) / T,   T = last exchTs - first exchTs, in seconds
 * volumeRate(...)       = volume(kind, side, i) / T
 * }</pre>
 * [1] estimate {@code theta(i)} per unit of resting quantity; divide {@link #volumeRate} of cancels by the average
 * queue size for that.
 *
 * <p>Feed it every event <em>before</em> the book applies it ({@link #onEvent(MarketEvent, OrderBookView)}), so that
 * the old quantity and the best prices are the ones the event changed. Levels {@code >= maxLevels} are counted in
 * {@link #beyondLevels()}; a trade price that matches neither quote when no aggressor is given is counted in
 * {@link #unattributedTrades()}; trade quantity that no later depth decrease consumed is in
 * {@link #unmatchedTradeQty()}. Only {@code DEPTH_UPDATE} and {@code TRADE} rows count (a feed of {@code BBO} rows has
 * no depth changes to read; L3 rows name adds and cancels directly). Rates are {@code NaN} while {@code T = 0}.
 *
 * <p>[1] R. Cont, S. Stoikov, R. Talreja (2010), "A stochastic model for order book dynamics", Operations Research
 * 58(3), 549-563.
 *
 * <p>Streaming, {@code O(1)} per event, allocation-free; not thread-safe.
 */
public final class QueueDynamics {

    private final Instrument instrument;
    private final int maxLevels;
    /** [kind][side][level], side 0 = bid, 1 = ask. */
    private final long[][][] counts;
    private final double[][][] volumes;
    private long firstTs = Long.MIN_VALUE;
    private long lastTs = Long.MIN_VALUE;
    private long beyondLevels;
    private long unattributedTrades;
    private double unmatchedTradeQty;
    private int pendingSide = -1;
    private long pendingTicks;
    private double pendingQty;

    /**
     * @param instrument the instrument whose tick grid prices are read on
     * @param maxLevels  levels {@code 0..maxLevels-1} per side are counted, {@code >= 1}
     * @throws IllegalArgumentException when {@code maxLevels < 1}
     */
    public QueueDynamics(Instrument instrument, int maxLevels) {
        if (maxLevels < 1) {
            throw new IllegalArgumentException("maxLevels must be >= 1, was " + maxLevels);
        }
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.maxLevels = maxLevels;
        int kinds = QueueEvent.values().length;
        counts = new long[kinds][2][maxLevels];
        volumes = new double[kinds][2][maxLevels];
    }

    /**
     * Counts one event; call it before {@code book.apply(event)}.
     *
     * @param event      the event about to be applied
     * @param bookBefore the book of the event's instrument, before the event
     */
    public void onEvent(MarketEvent event, OrderBookView bookBefore) {
        EventKind kind = event.kind();
        if (kind == EventKind.DEPTH_UPDATE) {
            stamp(event.exchTs());
            Side side = event.side();
            long ticks = instrument.toTicks(event.price());
            double delta = event.qty() - bookBefore.qtyAt(side, ticks);
            int s = side == Side.BUY ? 0 : 1;
            int level = level(bookBefore, s, ticks);
            if (delta > 0.0) {
                record(QueueEvent.ADD, s, level, delta);
            } else if (delta < 0.0) {
                double removed = -delta;
                if (pendingSide == s && pendingTicks == ticks && pendingQty > 0.0) {
                    double executed = Math.min(removed, pendingQty);
                    pendingQty -= executed;
                    removed -= executed;
                }
                if (removed > 0.0) {
                    record(QueueEvent.CANCEL, s, level, removed);
                }
            }
        } else if (kind == EventKind.TRADE) {
            stamp(event.exchTs());
            long ticks = instrument.toTicks(event.price());
            int s;
            byte aggressor = event.sideCode();
            if (aggressor == 1) {
                s = 1; // a buy aggressor takes from the asks
            } else if (aggressor == -1) {
                s = 0;
            } else if (ticks <= bookBefore.bestBidTicks()) {
                s = 0;
            } else if (ticks >= bookBefore.bestAskTicks()) {
                s = 1;
            } else {
                unattributedTrades++;
                return;
            }
            if (pendingQty > 0.0) {
                unmatchedTradeQty += pendingQty;
            }
            pendingSide = s;
            pendingTicks = ticks;
            pendingQty = event.qty();
            record(QueueEvent.TRADE, s, level(bookBefore, s, ticks), event.qty());
        }
    }

    private void stamp(long ts) {
        if (firstTs == Long.MIN_VALUE) {
            firstTs = ts;
        }
        lastTs = ts;
    }

    private int level(OrderBookView book, int s, long ticks) {
        long distance;
        if (s == 0) {
            long best = book.bestBidTicks();
            distance = best == OrderBook.NO_BID ? 0 : best - ticks;
        } else {
            long best = book.bestAskTicks();
            distance = best == OrderBook.NO_ASK ? 0 : ticks - best;
        }
        return distance < 0 ? 0 : distance >= maxLevels ? -1 : (int) distance;
    }

    private void record(QueueEvent kind, int s, int level, double qty) {
        if (level < 0) {
            beyondLevels++;
            return;
        }
        counts[kind.ordinal()][s][level]++;
        volumes[kind.ordinal()][s][level] += qty;
    }

    /** Events of {@code kind} at {@code level} of {@code side}. */
    public long count(QueueEvent kind, Side side, int level) {
        return counts[kind.ordinal()][sideIndex(side)][checkLevel(level)];
    }

    /** Quantity of {@code kind} at {@code level} of {@code side}. */
    public double volume(QueueEvent kind, Side side, int level) {
        return volumes[kind.ordinal()][sideIndex(side)][checkLevel(level)];
    }

    /** {@code count / T} per second, {@code NaN} while {@code T = 0}. */
    public double rate(QueueEvent kind, Side side, int level) {
        return count(kind, side, level) / elapsedSeconds();
    }

    /** {@code volume / T} per second, {@code NaN} while {@code T = 0}. */
    public double volumeRate(QueueEvent kind, Side side, int level) {
        return volume(kind, side, level) / elapsedSeconds();
    }

    /** {@code T} in seconds, {@code NaN} before two timestamps differ. */
    public double elapsedSeconds() {
        long span = lastTs - firstTs;
        return firstTs == Long.MIN_VALUE || span <= 0 ? Double.NaN : span * 1e-9;
    }

    /** Depth changes and trades at levels {@code >= maxLevels}. */
    public long beyondLevels() {
        return beyondLevels;
    }

    /** Trades without aggressor flag whose price was strictly inside the quotes. */
    public long unattributedTrades() {
        return unattributedTrades;
    }

    /** Traded quantity that no depth decrease at the trade's level consumed. */
    public double unmatchedTradeQty() {
        return unmatchedTradeQty + pendingQty;
    }

    private int checkLevel(int level) {
        if (level < 0 || level >= maxLevels) {
            throw new IllegalArgumentException("level must be in [0, " + (maxLevels - 1) + "], was " + level);
        }
        return level;
    }

    private static int sideIndex(Side side) {
        return side == Side.BUY ? 0 : 1;
    }

    @Override
    public String toString() {
        return "QueueDynamics[instrument=" + instrument.id() + ", maxLevels=" + maxLevels + ", elapsedSeconds="
                + elapsedSeconds() + ", beyondLevels=" + beyondLevels + "]";
    }
}
