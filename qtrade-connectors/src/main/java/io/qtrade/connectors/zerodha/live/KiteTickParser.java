package io.qtrade.connectors.zerodha.live;

import io.qtrade.connectors.live.MalformedFrameException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Decodes a Kite Connect ticker binary message (Kite Connect v3 docs, "WebSocket streaming", message structure),
 * all integers big-endian:
 * <pre>{@code
 * message  = int16 packet count N, then N times { int16 length L, L bytes packet }     (a 1-byte message: heartbeat)
 * packet   offset  field                            L = 8   28   32   44   184
 *          0       instrument token (int32)             x    x    x    x    x
 *          4       last traded price                    x    x    x    x    x
 *  tradable 8      last traded qty                                    x    x
 *          12      average traded price                               x    x
 *          16      volume traded today                                x    x
 *          20/24   total buy qty / total sell qty                     x    x
 *          28..44  open, high, low, close                             x    x
 *          44      last trade time (epoch s)                               x
 *          48..60  OI, OI day high, OI day low                             x
 *          60      exchange time (epoch s)                                 x
 *          64      10 depth entries of 12 bytes: qty int32, price int32, orders int16, 2 padding bytes;
 *                  5 bids then 5 asks                                      x
 *  index   8..24   high, low, open, close                    x    x
 *          24      price change                              x    x
 *          28      exchange time (epoch s)                        x
 * price    = wire int32 / divisor;  divisor = 10^7 for CDS (segment 3), 10^4 for BCD (segment 6), else 100 (paise)
 * segment  = token & 0xFF  (9 = indices: not tradable)
 * }</pre>
 * The divisors follow Kite's reference client (pykiteconnect {@code ticker.py}); MCX and the other segments are
 * read in paise. Integers other than the price change are unsigned on the wire.
 *
 * <p>The whole message's framing (count, each length one of 8, 28, 32, 44, 184, no byte missing or left over) is
 * checked before the first packet is handed out, so a truncated or corrupt message is refused as a whole with a
 * {@link MalformedFrameException} naming the packet and byte offset, and nothing of it is applied. Allocation-free:
 * one reused {@link KiteTick}.
 */
public final class KiteTickParser {

    /** Segment (token low byte) of currency derivatives on NSE. */
    public static final int SEGMENT_CDS = 3;
    /** Segment of currency derivatives on BSE. */
    public static final int SEGMENT_BCD = 6;
    /** Segment of indices (not tradable). */
    public static final int SEGMENT_INDICES = 9;

    /** Receives each decoded packet. */
    @FunctionalInterface
    public interface Handler {
        /** One packet; {@code tick} is reused for the next one. */
        void onTick(KiteTick tick);
    }

    private final KiteTick tick = new KiteTick();

    /**
     * Decodes one message and hands each packet to {@code handler}.
     *
     * @return the number of packets, 0 for a heartbeat
     * @throws MalformedFrameException when the framing is broken; no packet is handed out then
     */
    public int parse(ByteBuffer message, Handler handler) {
        // Absolute reads from the message's position: no view buffer per message when it is big-endian (the JDK's
        // WebSocket hands out big-endian buffers); a little-endian one is read through a big-endian view.
        ByteBuffer m = message.order() == ByteOrder.BIG_ENDIAN ? message
                : message.duplicate().order(ByteOrder.BIG_ENDIAN);
        int base = message.position();
        int size = message.remaining();
        if (size == 1) {
            return 0;
        }
        if (size < 2) {
            throw bad(-1, 0, "empty message: expected a 2-byte packet count");
        }
        int count = m.getShort(base) & 0xFFFF;
        int offset = 2;
        for (int i = 0; i < count; i++) {
            if (offset + 2 > size) {
                throw bad(i, offset, "truncated: the packet's 2-byte length is missing (message has " + size
                        + " bytes, " + count + " packets announced)");
            }
            int length = m.getShort(base + offset) & 0xFFFF;
            if (length != 8 && length != 28 && length != 32 && length != 44 && length != 184) {
                throw bad(i, offset, "packet length " + length + " is none of 8 (LTP), 28/32 (index quote/full),"
                        + " 44 (quote), 184 (full)");
            }
            if (offset + 2 + length > size) {
                throw bad(i, offset + 2, "truncated: packet of " + length + " bytes, only " + (size - offset - 2)
                        + " left");
            }
            offset += 2 + length;
        }
        if (offset != size) {
            throw bad(count, offset, (size - offset) + " bytes after the " + count + " announced packets");
        }
        offset = 2;
        for (int i = 0; i < count; i++) {
            int length = m.getShort(base + offset) & 0xFFFF;
            decode(m, base + offset + 2, length);
            handler.onTick(tick);
            offset += 2 + length;
        }
        return count;
    }

    private void decode(ByteBuffer m, int at, int length) {
        KiteTick t = tick;
        t.clear();
        t.instrumentToken = u32(m, at);
        t.segment = (int) (t.instrumentToken & 0xFF);
        t.divisor = t.segment == SEGMENT_CDS ? 10_000_000.0 : t.segment == SEGMENT_BCD ? 10_000.0 : 100.0;
        t.lastPrice = u32(m, at + 4) / t.divisor;
        switch (length) {
            case 8 -> t.mode = KiteTick.Mode.LTP;
            case 28, 32 -> {
                t.mode = length == 28 ? KiteTick.Mode.INDEX_QUOTE : KiteTick.Mode.INDEX_FULL;
                t.high = u32(m, at + 8) / t.divisor;
                t.low = u32(m, at + 12) / t.divisor;
                t.open = u32(m, at + 16) / t.divisor;
                t.close = u32(m, at + 20) / t.divisor;
                if (length == 32) {
                    t.exchangeTimeSeconds = u32(m, at + 28);
                }
            }
            default -> {
                t.mode = length == 44 ? KiteTick.Mode.QUOTE : KiteTick.Mode.FULL;
                t.lastTradedQty = u32(m, at + 8);
                t.averagePrice = u32(m, at + 12) / t.divisor;
                t.volume = u32(m, at + 16);
                t.totalBuyQty = u32(m, at + 20);
                t.totalSellQty = u32(m, at + 24);
                t.open = u32(m, at + 28) / t.divisor;
                t.high = u32(m, at + 32) / t.divisor;
                t.low = u32(m, at + 36) / t.divisor;
                t.close = u32(m, at + 40) / t.divisor;
                if (length == 184) {
                    t.lastTradeTimeSeconds = u32(m, at + 44);
                    t.openInterest = u32(m, at + 48);
                    t.exchangeTimeSeconds = u32(m, at + 60);
                    for (int level = 0; level < 10; level++) {
                        int p = at + 64 + 12 * level;
                        long qty = u32(m, p);
                        double price = u32(m, p + 4) / t.divisor;
                        int orders = m.getShort(p + 8) & 0xFFFF;
                        if (level < KiteTick.DEPTH_LEVELS) {
                            t.bidQty[level] = qty;
                            t.bidPrice[level] = price;
                            t.bidOrders[level] = orders;
                        } else {
                            t.askQty[level - 5] = qty;
                            t.askPrice[level - 5] = price;
                            t.askOrders[level - 5] = orders;
                        }
                    }
                }
            }
        }
    }

    private static long u32(ByteBuffer m, int at) {
        return m.getInt(at) & 0xFFFF_FFFFL;
    }

    private static MalformedFrameException bad(int packet, int offset, String message) {
        return new MalformedFrameException("kite ticker message" + (packet >= 0 ? " packet " + packet : "")
                + " byte " + offset, message);
    }

    @Override
    public String toString() {
        return "KiteTickParser[]";
    }
}
