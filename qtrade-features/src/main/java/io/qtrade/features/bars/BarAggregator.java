package io.qtrade.features.bars;

import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.MarketEvent;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.Objects;

/**
 * Builds bars from a stream of trades by the rule of a {@link BarSpec} and appends each completed bar to an
 * {@link OhlcvBars}:
 * <pre>{@code
 * open = p_1, high = max p_i, low = min p_i, close = p_n, volume = sum q_i, dollarVolume = sum p_i q_i c, trades = n
 * }</pre>
 * A tick, volume or dollar bar closes on the trade that reaches its threshold; a time bar closes when the first trade
 * of a later interval arrives (an interval without trades gives no bar) or on {@link #flush()}. {@link #flush()} also
 * closes a partly filled tick, volume or dollar bar: call it at the end of the data if the last, short bar is wanted.
 *
 * <p>Streaming: {@link #onTrade} is {@code O(1)} and allocates nothing once the {@link OhlcvBars} has the capacity.
 * Batch: {@link #aggregate(BarSpec, double, long[], double[], double[])} and the Tablesaw form give the same bars
 * (they flush at the end). Not thread-safe.
 *
 * <p>[1] M. López de Prado (2018), "Advances in Financial Machine Learning", Wiley, chapter 2.
 */
public final class BarAggregator {

    private final BarSpec spec;
    private final BarSpec.BarType type;
    private final long periodNanos;
    private final double threshold;
    private final double contractMultiplier;
    private final OhlcvBars sink;
    private int n;
    private long bucket;
    private long startTs;
    private long lastTs = Long.MIN_VALUE;
    private double open;
    private double high;
    private double low;
    private double close;
    private double volume;
    private double dollars;

    /**
     * @param spec               when bars close
     * @param contractMultiplier {@code c} of the instrument (1 for spot), finite and {@code > 0}
     * @param sink               receives the completed bars (modified)
     */
    public BarAggregator(BarSpec spec, double contractMultiplier, OhlcvBars sink) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.sink = Objects.requireNonNull(sink, "sink");
        if (!(contractMultiplier > 0.0) || contractMultiplier == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("contractMultiplier must be finite and > 0, was "
                    + contractMultiplier);
        }
        this.type = spec.type();
        this.threshold = spec.threshold();
        this.periodNanos = type == BarSpec.BarType.TIME ? (long) spec.threshold() : 0;
        this.contractMultiplier = contractMultiplier;
    }

    /** Feeds a {@link EventKind#TRADE} event; other kinds are not trades and change nothing (returns false). */
    public boolean onEvent(MarketEvent event) {
        if (event.kind() != EventKind.TRADE) {
            return false;
        }
        return onTrade(event.exchTs(), event.price(), event.qty());
    }

    /**
     * Adds one trade.
     *
     * @param ts    epoch nanoseconds, non-decreasing
     * @param price finite trade price
     * @param qty   finite traded quantity {@code > 0}
     * @return whether a bar was appended to the sink
     * @throws IllegalArgumentException for a non-finite price, a quantity that is not finite and positive, or a
     *                                  timestamp earlier than the previous trade's (values named)
     */
    public boolean onTrade(long ts, double price, double qty) {
        if (!Double.isFinite(price) || !(qty > 0.0) || qty == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("bar trade at ts " + ts + ": price must be finite and qty finite and "
                    + "> 0, were " + price + " and " + qty);
        }
        if (ts < lastTs) {
            throw new IllegalArgumentException("bar trade at ts " + ts + " precedes the previous trade at "
                    + lastTs + "; expected non-decreasing timestamps");
        }
        lastTs = ts;
        boolean closed = false;
        if (type == BarSpec.BarType.TIME) {
            long b = Math.floorDiv(ts, periodNanos);
            if (n > 0 && b != bucket) {
                emit();
                closed = true;
            }
            bucket = b;
        }
        if (n == 0) {
            startTs = type == BarSpec.BarType.TIME ? bucket * periodNanos : ts;
            open = price;
            high = price;
            low = price;
        } else {
            if (price > high) {
                high = price;
            }
            if (price < low) {
                low = price;
            }
        }
        close = price;
        volume += qty;
        dollars += price * qty * contractMultiplier;
        n++;
        if (type != BarSpec.BarType.TIME) {
            double progress = switch (type) {
                case TICK -> n;
                case VOLUME -> volume;
                default -> dollars;
            };
            if (progress >= threshold) {
                emit();
                closed = true;
            }
        }
        return closed;
    }

    /** Appends the open bar, however full, if it holds a trade; returns whether it did. */
    public boolean flush() {
        if (n == 0) {
            return false;
        }
        emit();
        return true;
    }

    /** Trades in the open bar. */
    public int openTrades() {
        return n;
    }

    private void emit() {
        long end = type == BarSpec.BarType.TIME ? (bucket + 1) * periodNanos : lastTs;
        sink.append(startTs, end, open, high, low, close, volume, dollars, n);
        n = 0;
        volume = 0.0;
        dollars = 0.0;
    }

    /**
     * Batch form: the bars of a trade sequence (arrays not modified), flushed at the end.
     *
     * @throws IllegalArgumentException when the lengths differ, or as {@link #onTrade} naming the trade index
     */
    public static OhlcvBars aggregate(BarSpec spec, double contractMultiplier, long[] ts, double[] prices,
                                      double[] qtys) {
        if (ts.length != prices.length || ts.length != qtys.length) {
            throw new IllegalArgumentException("bar trade columns must have one length: ts " + ts.length
                    + ", prices " + prices.length + ", qtys " + qtys.length);
        }
        OhlcvBars bars = new OhlcvBars(Math.max(16, ts.length / 64), contractMultiplier);
        BarAggregator aggregator = new BarAggregator(spec, contractMultiplier, bars);
        for (int i = 0; i < ts.length; i++) {
            try {
                aggregator.onTrade(ts[i], prices[i], qtys[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("trade " + i + ": " + e.getMessage(), e);
            }
        }
        aggregator.flush();
        return bars;
    }

    /**
     * Batch form over a Tablesaw table of trades: {@code tsColumn} holds epoch nanoseconds (a long column),
     * {@code priceColumn} and {@code qtyColumn} are numeric.
     *
     * @throws IllegalArgumentException when a column is missing or of the wrong type (named), or as
     *                                  {@link #aggregate(BarSpec, double, long[], double[], double[])}
     */
    public static OhlcvBars aggregate(BarSpec spec, double contractMultiplier, Table trades, String tsColumn,
                                      String priceColumn, String qtyColumn) {
        Column<?> tsCol = column(trades, tsColumn);
        if (!(tsCol instanceof LongColumn longs)) {
            throw new IllegalArgumentException("column '" + tsColumn + "' of table " + trades.name()
                    + " must be a LONG column of epoch nanoseconds, was " + tsCol.type());
        }
        return aggregate(spec, contractMultiplier, longs.asLongArray(), numeric(trades, priceColumn),
                numeric(trades, qtyColumn));
    }

    private static Column<?> column(Table table, String name) {
        if (!table.containsColumn(name)) {
            throw new IllegalArgumentException("table " + table.name() + " has no column '" + name
                    + "'; columns are " + table.columnNames());
        }
        return table.column(name);
    }

    private static double[] numeric(Table table, String name) {
        Column<?> c = column(table, name);
        if (!(c instanceof NumericColumn<?> numeric)) {
            throw new IllegalArgumentException("column '" + name + "' of table " + table.name()
                    + " must be numeric, was " + c.type());
        }
        return numeric.asDoubleArray();
    }

    @Override
    public String toString() {
        return "BarAggregator[spec=" + spec + ", contractMultiplier=" + contractMultiplier + "]";
    }
}
