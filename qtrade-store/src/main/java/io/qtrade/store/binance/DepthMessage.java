package io.qtrade.store.binance;

import java.util.Arrays;

/**
 * One Binance depth message, reused: a {@code depthUpdate} diff ({@code U}, {@code u}, and on USD-M futures
 * {@code pu}) or a REST depth snapshot ({@code lastUpdateId} in {@link #finalUpdateId}), with its levels in primitive
 * arrays that grow to the largest message and are then reused. Prices and quantities are as Binance sends them;
 * quantity is the level's absolute new quantity, 0 removes the level.
 */
public final class DepthMessage {

    /** The {@code pu} of a spot diff, which has none. */
    public static final long NO_UPDATE_ID = Long.MIN_VALUE;

    /** {@code U}: the first update id in the diff; for a snapshot, its {@code lastUpdateId}. */
    public long firstUpdateId;
    /** {@code u}: the final update id in the diff; for a snapshot, its {@code lastUpdateId}. */
    public long finalUpdateId;
    /** {@code pu} (USD-M futures): the previous diff's final update id, or {@link #NO_UPDATE_ID}. */
    public long prevFinalUpdateId = NO_UPDATE_ID;
    /** The venue's time, epoch nanoseconds ({@code T} on futures, {@code E} on spot). */
    public long exchTs;
    /** The local receive time, epoch nanoseconds. */
    public long localTs;
    private double[] bidPrice = new double[16];
    private double[] bidQty = new double[16];
    private int bids;
    private double[] askPrice = new double[16];
    private double[] askQty = new double[16];
    private int asks;

    /** Forgets the levels and resets the ids. */
    public DepthMessage clear() {
        firstUpdateId = 0;
        finalUpdateId = 0;
        prevFinalUpdateId = NO_UPDATE_ID;
        exchTs = 0;
        localTs = 0;
        bids = 0;
        asks = 0;
        return this;
    }

    /** Appends a bid level. */
    public void addBid(double price, double qty) {
        if (bids == bidPrice.length) {
            bidPrice = Arrays.copyOf(bidPrice, bids * 2);
            bidQty = Arrays.copyOf(bidQty, bids * 2);
        }
        bidPrice[bids] = price;
        bidQty[bids++] = qty;
    }

    /** Appends an ask level. */
    public void addAsk(double price, double qty) {
        if (asks == askPrice.length) {
            askPrice = Arrays.copyOf(askPrice, asks * 2);
            askQty = Arrays.copyOf(askQty, asks * 2);
        }
        askPrice[asks] = price;
        askQty[asks++] = qty;
    }

    /** Number of bid levels. */
    public int bidCount() {
        return bids;
    }

    /** Number of ask levels. */
    public int askCount() {
        return asks;
    }

    /** Price of bid level {@code i}. */
    public double bidPrice(int i) {
        return bidPrice[i];
    }

    /** Quantity of bid level {@code i}. */
    public double bidQty(int i) {
        return bidQty[i];
    }

    /** Price of ask level {@code i}. */
    public double askPrice(int i) {
        return askPrice[i];
    }

    /** Quantity of ask level {@code i}. */
    public double askQty(int i) {
        return askQty[i];
    }

    /** Makes this message a copy of {@code other}. */
    public void copyFrom(DepthMessage other) {
        firstUpdateId = other.firstUpdateId;
        finalUpdateId = other.finalUpdateId;
        prevFinalUpdateId = other.prevFinalUpdateId;
        exchTs = other.exchTs;
        localTs = other.localTs;
        bids = 0;
        asks = 0;
        for (int i = 0; i < other.bids; i++) {
            addBid(other.bidPrice[i], other.bidQty[i]);
        }
        for (int i = 0; i < other.asks; i++) {
            addAsk(other.askPrice[i], other.askQty[i]);
        }
    }

    @Override
    public String toString() {
        return "DepthMessage[U=" + firstUpdateId + ", u=" + finalUpdateId + ", pu=" + prevFinalUpdateId
                + ", exchTs=" + exchTs + ", localTs=" + localTs + ", bids=" + bids + ", asks=" + asks + "]";
    }
}
