package io.qtrade.connectors.zerodha.live;

import java.nio.ByteBuffer;

/** Builds Kite ticker messages byte by byte, as the Kite Connect v3 WebSocket docs lay them out (big-endian). */
final class KitePackets {

    private KitePackets() {
    }

    /** An 8-byte LTP packet. */
    static byte[] ltp(int token, int lastPrice) {
        return ByteBuffer.allocate(8).putInt(token).putInt(lastPrice).array();
    }

    /** A 44-byte quote packet. */
    static byte[] quote(int token, int ltp, int lastQty, int avg, int volume, int buyQty, int sellQty, int open,
                        int high, int low, int close) {
        return ByteBuffer.allocate(44).putInt(token).putInt(ltp).putInt(lastQty).putInt(avg).putInt(volume)
                .putInt(buyQty).putInt(sellQty).putInt(open).putInt(high).putInt(low).putInt(close).array();
    }

    /**
     * A 184-byte full packet: the quote fields, then last trade time, OI, OI high, OI low, exchange time, and
     * {@code depth} as 10 rows of {qty, price, orders}: 5 bids then 5 asks.
     */
    static byte[] full(int token, int ltp, int lastQty, int avg, int volume, int lastTradeTime, int exchangeTime,
                       int[][] depth) {
        ByteBuffer b = ByteBuffer.allocate(184);
        b.put(quote(token, ltp, lastQty, avg, volume, 1000, 2000, 150000, 151000, 149000, 149500));
        b.putInt(lastTradeTime).putInt(0).putInt(0).putInt(0).putInt(exchangeTime);
        for (int[] level : depth) {
            b.putInt(level[0]).putInt(level[1]).putShort((short) level[2]).putShort((short) 0);
        }
        return b.array();
    }

    /** A 28-byte index quote packet: token, LTP, high, low, open, close, change. */
    static byte[] indexQuote(int token, int ltp, int high, int low, int open, int close, int change) {
        return ByteBuffer.allocate(28).putInt(token).putInt(ltp).putInt(high).putInt(low).putInt(open)
                .putInt(close).putInt(change).array();
    }

    /** A 32-byte index full packet: the index quote and the exchange time. */
    static byte[] indexFull(int token, int ltp, int high, int low, int open, int close, int change, int time) {
        return ByteBuffer.allocate(32).put(indexQuote(token, ltp, high, low, open, close, change)).putInt(time)
                .array();
    }

    /** A message: 2-byte packet count, then each packet with its 2-byte length. */
    static byte[] message(byte[]... packets) {
        int size = 2;
        for (byte[] p : packets) {
            size += 2 + p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(size).putShort((short) packets.length);
        for (byte[] p : packets) {
            b.putShort((short) p.length).put(p);
        }
        return b.array();
    }

    /** Ten depth rows: bids at 1500.00, 1499.95, ... (paise) with qty 10, 20, ...; asks from 1500.05 up. */
    static int[][] ladder() {
        int[][] d = new int[10][];
        for (int i = 0; i < 5; i++) {
            d[i] = new int[] {10 * (i + 1), 150000 - 5 * i, i + 1};
            d[5 + i] = new int[] {11 * (i + 1), 150005 + 5 * i, i + 2};
        }
        return d;
    }
}
