package io.qtrade.connectors.zerodha.live;

import io.qtrade.connectors.live.MalformedFrameException;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventFlags;
import io.qtrade.core.market.EventKind;

import java.util.Arrays;
import java.util.List;

/**
 * Turns decoded Kite ticks into core events:
 * <ul>
 *   <li>{@link KiteTick.Mode#FULL}: the 5 + 5 depth levels are a complete picture of the top of the book, so they
 *       are written as a snapshot: {@code SNAPSHOT_BEGIN}, one {@code DEPTH_UPDATE} per level with a positive
 *       quantity (bids then asks, flagged {@link EventFlags#SNAPSHOT}), {@code SNAPSHOT_END}. Each full tick thus
 *       replaces the book; there is no sequence to resync.</li>
 *   <li>{@code QUOTE} and {@code FULL}: when the day's volume has grown since the instrument's previous tick, one
 *       {@code TRADE} row: quantity = the volume's increase (all trades since the previous tick, aggregated), price
 *       = the last traded price, aggressor unknown ({@link Side#NO_SIDE_CODE}). The first tick of an instrument, or
 *       a volume that went down (a new session), only sets the reference.</li>
 *   <li>{@code LTP} and index ticks carry no book or volume: no event (the tick itself still reaches a
 *       {@link KiteTickParser.Handler}).</li>
 * </ul>
 * Times: {@code exchTs} = the exchange time of a full tick (trade rows: the last trade time), in epoch seconds
 * converted to ns; a quote tick carries no exchange time and is stamped {@code exchTs = localTs}. The last row of a
 * tick is flagged {@link EventFlags#END_OF_MESSAGE}. A depth price off the instrument's tick grid throws a
 * {@link MalformedFrameException} before any row is written. A token that is not subscribed is counted
 * ({@link #unknownTokens()}), not written.
 */
public final class KiteTickEvents {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final List<Instrument> instruments;
    private final long[] sortedTokens;
    private final int[] indexOfSorted;
    private final long[] lastVolume;
    private long unknownTokens;

    /**
     * @param instruments the subscribed instruments (row index = position)
     * @param tokens      their Kite instrument tokens, same order
     */
    public KiteTickEvents(List<Instrument> instruments, long[] tokens) {
        if (instruments.size() != tokens.length) {
            throw new IllegalArgumentException(instruments.size() + " instruments but " + tokens.length + " tokens");
        }
        this.instruments = List.copyOf(instruments);
        Integer[] order = new Integer[tokens.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(tokens[a], tokens[b]));
        this.sortedTokens = new long[tokens.length];
        this.indexOfSorted = new int[tokens.length];
        for (int i = 0; i < order.length; i++) {
            sortedTokens[i] = tokens[order[i]];
            indexOfSorted[i] = order[i];
            if (i > 0 && sortedTokens[i] == sortedTokens[i - 1]) {
                throw new IllegalArgumentException("token " + sortedTokens[i] + " is listed twice");
            }
        }
        this.lastVolume = new long[tokens.length];
        Arrays.fill(lastVolume, -1);
    }

    /** The instrument index of {@code token}, or -1. */
    public int indexOf(long token) {
        int at = Arrays.binarySearch(sortedTokens, token);
        return at < 0 ? -1 : indexOfSorted[at];
    }

    /**
     * Writes the rows of one tick.
     *
     * @return rows written
     */
    public int write(KiteTick t, long localTs, EventBatch out) {
        int i = indexOf(t.instrumentToken);
        if (i < 0) {
            unknownTokens++;
            return 0;
        }
        if (t.mode != KiteTick.Mode.QUOTE && t.mode != KiteTick.Mode.FULL) {
            return 0;
        }
        Instrument in = instruments.get(i);
        boolean full = t.mode == KiteTick.Mode.FULL;
        int levels = 0;
        if (full) {
            for (int l = 0; l < KiteTick.DEPTH_LEVELS; l++) {
                levels += check(in, t, t.bidQty[l], t.bidPrice[l], "bid", l);
                levels += check(in, t, t.askQty[l], t.askPrice[l], "ask", l);
            }
        }
        boolean trade = lastVolume[i] >= 0 && t.volume > lastVolume[i] && t.lastPrice > 0;
        double traded = trade ? t.volume - lastVolume[i] : 0;
        lastVolume[i] = t.volume;
        int rows = (trade ? 1 : 0) + (full ? levels + 2 : 0);
        if (rows == 0) {
            return 0;
        }
        if (out.capacity() - out.size() < rows) {
            throw new IllegalStateException("kite tick of token " + t.instrumentToken + " needs " + rows
                    + " rows, the batch has room for " + (out.capacity() - out.size()));
        }
        long exchTs = full && t.exchangeTimeSeconds > 0 ? t.exchangeTimeSeconds * NANOS_PER_SECOND : localTs;
        if (trade) {
            long tradeTs = full && t.lastTradeTimeSeconds > 0 ? t.lastTradeTimeSeconds * NANOS_PER_SECOND : exchTs;
            out.add(i, tradeTs, localTs, EventKind.TRADE, Side.NO_SIDE_CODE, t.lastPrice, traded,
                    EventBatch.NO_ORDER_ID, full ? EventFlags.NONE : EventFlags.END_OF_MESSAGE);
        }
        if (full) {
            out.add(i, exchTs, localTs, EventKind.SNAPSHOT_BEGIN, Side.NO_SIDE_CODE, 0, 0, EventBatch.NO_ORDER_ID,
                    EventFlags.SNAPSHOT);
            for (int l = 0; l < KiteTick.DEPTH_LEVELS; l++) {
                if (t.bidQty[l] > 0) {
                    out.add(i, exchTs, localTs, EventKind.DEPTH_UPDATE, Side.BUY.code(), t.bidPrice[l], t.bidQty[l],
                            EventBatch.NO_ORDER_ID, EventFlags.SNAPSHOT);
                }
            }
            for (int l = 0; l < KiteTick.DEPTH_LEVELS; l++) {
                if (t.askQty[l] > 0) {
                    out.add(i, exchTs, localTs, EventKind.DEPTH_UPDATE, Side.SELL.code(), t.askPrice[l], t.askQty[l],
                            EventBatch.NO_ORDER_ID, EventFlags.SNAPSHOT);
                }
            }
            out.add(i, exchTs, localTs, EventKind.SNAPSHOT_END, Side.NO_SIDE_CODE, 0, 0, EventBatch.NO_ORDER_ID,
                    EventFlags.SNAPSHOT | EventFlags.END_OF_MESSAGE);
        }
        return rows;
    }

    private static int check(Instrument in, KiteTick t, long qty, double price, String side, int level) {
        if (qty == 0) {
            return 0;
        }
        if (!(price > 0) || !in.isOnTickGrid(price)) {
            throw new MalformedFrameException("kite tick of token " + t.instrumentToken + " depth " + side + "["
                    + level + "]", "price " + price + " is not a positive price on the tick grid of " + in.id()
                    + " (tick size " + in.tickSize() + ")");
        }
        return 1;
    }

    /** Ticks of tokens that are not subscribed, not written. */
    public long unknownTokens() {
        return unknownTokens;
    }

    @Override
    public String toString() {
        return "KiteTickEvents[instruments=" + instruments.size() + ", unknownTokens=" + unknownTokens + "]";
    }
}
