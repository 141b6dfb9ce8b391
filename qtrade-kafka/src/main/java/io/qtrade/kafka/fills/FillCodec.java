package io.qtrade.kafka.fills;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.Liquidity;

/**
 * The binary layout of one {@link Fill} in a Kafka record value, version {@value #VERSION}: 51 bytes, big-endian.
 * The record key is the instrument's {@code Instrument.id()} ({@code symbol@venue}), UTF-8.
 *
 * <pre>{@code
 * offset size field
 *      0    1 version    = 1
 *      1    1 side       +1 buy, -1 sell (Side.code())
 *      2    1 liquidity  0 maker, 1 taker
 *      3    8 orderId    (long)
 *     11    8 exchTs     epoch nanoseconds (long)
 *     19    8 localTs    epoch nanoseconds (long)
 *     27    8 price      IEEE-754 double bits
 *     35    8 qty        IEEE-754 double bits
 *     43    8 fee        IEEE-754 double bits, quote currency, negative = rebate
 * }</pre>
 */
public final class FillCodec {

    public static final byte VERSION = 1;
    public static final int SIZE = 51;

    private FillCodec() {
    }

    /** The fill as a new {@value #SIZE}-byte value. */
    public static byte[] encode(Fill fill) {
        byte[] b = new byte[SIZE];
        b[0] = VERSION;
        b[1] = fill.side().code();
        b[2] = (byte) fill.liquidity().ordinal();
        putLong(b, 3, fill.orderId());
        putLong(b, 11, fill.exchTs());
        putLong(b, 19, fill.localTs());
        putLong(b, 27, Double.doubleToRawLongBits(fill.price()));
        putLong(b, 35, Double.doubleToRawLongBits(fill.qty()));
        putLong(b, 43, Double.doubleToRawLongBits(fill.fee()));
        return b;
    }

    /**
     * The fill in {@code value} for {@code instrument}.
     *
     * @throws IllegalArgumentException naming what is wrong: length, version, side, liquidity, or a field the
     *                                  {@link Fill} constructor refuses
     */
    public static Fill decode(byte[] value, Instrument instrument) {
        if (value == null || value.length != SIZE) {
            throw new IllegalArgumentException("fill value of " + (value == null ? "null" : value.length + " bytes")
                    + ", expected " + SIZE);
        }
        if (value[0] != VERSION) {
            throw new IllegalArgumentException("fill layout version " + value[0] + ", this reader knows " + VERSION);
        }
        if (value[2] != 0 && value[2] != 1) {
            throw new IllegalArgumentException("liquidity code " + value[2] + ", expected 0 (maker) or 1 (taker)");
        }
        return new Fill(getLong(value, 3), instrument, Side.fromCode(value[1]),
                Double.longBitsToDouble(getLong(value, 27)), Double.longBitsToDouble(getLong(value, 35)),
                Double.longBitsToDouble(getLong(value, 43)), Liquidity.values()[value[2]], getLong(value, 11),
                getLong(value, 19));
    }

    private static void putLong(byte[] b, int at, long v) {
        for (int i = 7; i >= 0; i--) {
            b[at + i] = (byte) v;
            v >>>= 8;
        }
    }

    private static long getLong(byte[] b, int at) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | (b[at + i] & 0xff);
        }
        return v;
    }
}
