package io.qtrade.connectors.zerodha.live;

/**
 * One decoded Kite ticker packet, a reused flyweight: {@link KiteTickParser} overwrites it for every packet, so a
 * handler copies what it keeps. Prices are in rupees (the integer on the wire divided by {@link #divisor}),
 * quantities in units, times in epoch seconds as Kite sends them (0 when the mode carries none). Fields a mode does
 * not carry are 0 (their depth counts 0).
 */
public final class KiteTick {

    /** Depth levels per side in full mode. */
    public static final int DEPTH_LEVELS = 5;

    /** What a packet carries, told apart by its length. */
    public enum Mode {
        /** 8 bytes: token, last price. */
        LTP,
        /** 44 bytes (tradable): LTP, last qty, average price, volume, total buy/sell qty, OHLC. */
        QUOTE,
        /** 184 bytes (tradable): quote, last trade time, open interest, exchange time, 5 + 5 depth levels. */
        FULL,
        /** 28 bytes (index): LTP, high, low, open, close, change. */
        INDEX_QUOTE,
        /** 32 bytes (index): index quote and exchange time. */
        INDEX_FULL
    }

    Mode mode;
    long instrumentToken;
    int segment;
    double divisor;
    double lastPrice;
    long lastTradedQty;
    double averagePrice;
    long volume;
    long totalBuyQty;
    long totalSellQty;
    double open;
    double high;
    double low;
    double close;
    long lastTradeTimeSeconds;
    long openInterest;
    long exchangeTimeSeconds;
    final long[] bidQty = new long[DEPTH_LEVELS];
    final double[] bidPrice = new double[DEPTH_LEVELS];
    final int[] bidOrders = new int[DEPTH_LEVELS];
    final long[] askQty = new long[DEPTH_LEVELS];
    final double[] askPrice = new double[DEPTH_LEVELS];
    final int[] askOrders = new int[DEPTH_LEVELS];

    void clear() {
        mode = null;
        lastTradedQty = 0;
        averagePrice = 0;
        volume = 0;
        totalBuyQty = 0;
        totalSellQty = 0;
        open = 0;
        high = 0;
        low = 0;
        close = 0;
        lastTradeTimeSeconds = 0;
        openInterest = 0;
        exchangeTimeSeconds = 0;
        java.util.Arrays.fill(bidQty, 0);
        java.util.Arrays.fill(askQty, 0);
        java.util.Arrays.fill(bidPrice, 0);
        java.util.Arrays.fill(askPrice, 0);
        java.util.Arrays.fill(bidOrders, 0);
        java.util.Arrays.fill(askOrders, 0);
    }

    /** The packet's mode. */
    public Mode mode() {
        return mode;
    }

    /** Kite's instrument token. */
    public long instrumentToken() {
        return instrumentToken;
    }

    /** The exchange segment, the token's low byte (1 NSE, 2 NFO, 3 CDS, 4 BSE, 5 BFO, 6 BCD, 7 MCX, 9 indices). */
    public int segment() {
        return segment;
    }

    /** Whether the instrument trades (every segment but indices). */
    public boolean tradable() {
        return segment != KiteTickParser.SEGMENT_INDICES;
    }

    /** What wire prices are divided by: 100 (paise), 10^7 (CDS), 10^4 (BCD). */
    public double divisor() {
        return divisor;
    }

    /** Last traded price, rupees. */
    public double lastPrice() {
        return lastPrice;
    }

    /** Last traded quantity. */
    public long lastTradedQty() {
        return lastTradedQty;
    }

    /** Volume-weighted average traded price of the day, rupees. */
    public double averagePrice() {
        return averagePrice;
    }

    /** Volume traded today. */
    public long volume() {
        return volume;
    }

    /** Total pending buy quantity. */
    public long totalBuyQty() {
        return totalBuyQty;
    }

    /** Total pending sell quantity. */
    public long totalSellQty() {
        return totalSellQty;
    }

    /** Day open, rupees. */
    public double open() {
        return open;
    }

    /** Day high, rupees. */
    public double high() {
        return high;
    }

    /** Day low, rupees. */
    public double low() {
        return low;
    }

    /** Previous close, rupees. */
    public double close() {
        return close;
    }

    /** Last trade time, epoch seconds (full mode). */
    public long lastTradeTimeSeconds() {
        return lastTradeTimeSeconds;
    }

    /** Open interest (full mode, derivatives). */
    public long openInterest() {
        return openInterest;
    }

    /** Exchange time of the tick, epoch seconds (full modes). */
    public long exchangeTimeSeconds() {
        return exchangeTimeSeconds;
    }

    /** Quantity at bid level {@code i} (0 = best). */
    public long bidQty(int i) {
        return bidQty[i];
    }

    /** Price of bid level {@code i}, rupees. */
    public double bidPrice(int i) {
        return bidPrice[i];
    }

    /** Orders at bid level {@code i}. */
    public int bidOrders(int i) {
        return bidOrders[i];
    }

    /** Quantity at ask level {@code i} (0 = best). */
    public long askQty(int i) {
        return askQty[i];
    }

    /** Price of ask level {@code i}, rupees. */
    public double askPrice(int i) {
        return askPrice[i];
    }

    /** Orders at ask level {@code i}. */
    public int askOrders(int i) {
        return askOrders[i];
    }

    @Override
    public String toString() {
        return "KiteTick[" + mode + ", token=" + instrumentToken + ", segment=" + segment + ", lastPrice=" + lastPrice
                + ", volume=" + volume + ", exchangeTimeSeconds=" + exchangeTimeSeconds + "]";
    }
}
