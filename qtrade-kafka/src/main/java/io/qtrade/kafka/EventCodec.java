package io.qtrade.kafka;

import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;

/**
 * The binary layout of one market event in a Kafka record value, version {@value #VERSION}: 55 bytes, big-endian,
 * fixed size so a consumer checks one length.
 *
 * <pre>{@code
 * offset size field
 *      0    1 version      = 1 (a reader refuses any other)
 *      1    1 kind         EventKind.code(), 1..13
 *      2    1 side         +1 buy, -1 sell, 0 none (Side.code())
 *      3    4 flags        EventFlags bits (int)
 *      7    8 sequence     publish sequence per instrument (all kinds), 1, 2, 3 ... (long): de-duplication
 *                          and publish order of equal timestamps
 *     15    8 exchTs       venue time, epoch nanoseconds (long)
 *     23    8 localTs      local receive time, epoch nanoseconds (long)
 *     31    8 price        IEEE-754 double bits
 *     39    8 qty          IEEE-754 double bits
 *     47    8 orderId      venue order id, 0 when not market-by-order (long)
 * }</pre>
 *
 * <p>The record key is the instrument's {@code Instrument.id()} ({@code symbol@venue}) in UTF-8, so the default
 * partitioner (murmur2 of the key) keeps one instrument's events in one partition, in publish order. The record
 * timestamp is {@code exchTs / 1_000_000} (epoch milliseconds), which is what a consumer seeks by time on.
 * Compression is the producer's (lz4 by default), not the layout's.
 */
public final class EventCodec {

    /** The layout version this class writes and reads. */
    public static final byte VERSION = 1;
    /** Bytes of one encoded event. */
    public static final int SIZE = 55;

    static final int SEQUENCE_OFFSET = 7;
    static final int EXCH_TS_OFFSET = 15;
    static final int LOCAL_TS_OFFSET = 23;

    private EventCodec() {
    }

    /** Writes row {@code row} of {@code batch} with {@code sequence} into {@code out[0..SIZE)}. */
    public static void encode(EventBatch batch, int row, long sequence, byte[] out) {
        out[0] = VERSION;
        out[1] = batch.kindCode(row);
        out[2] = batch.sideCode(row);
        putInt(out, 3, batch.flags(row));
        putLong(out, SEQUENCE_OFFSET, sequence);
        putLong(out, EXCH_TS_OFFSET, batch.exchTs(row));
        putLong(out, LOCAL_TS_OFFSET, batch.localTs(row));
        putLong(out, 31, Double.doubleToRawLongBits(batch.price(row)));
        putLong(out, 39, Double.doubleToRawLongBits(batch.qty(row)));
        putLong(out, 47, batch.orderId(row));
    }

    /**
     * Why {@code value} cannot be decoded, or {@code null} when it can: a wrong length, an unknown version or an
     * unknown kind code.
     */
    public static String problem(byte[] value) {
        if (value == null) {
            return "null value (tombstone), expected " + SIZE + " bytes";
        }
        if (value.length != SIZE) {
            return "value of " + value.length + " bytes, expected " + SIZE;
        }
        if (value[0] != VERSION) {
            return "layout version " + value[0] + ", this reader knows " + VERSION;
        }
        if (value[1] <= 0 || value[1] > EventKind.FUNDING_RATE.code()) {
            return "event kind code " + value[1] + " names no kind";
        }
        if (value[2] < -1 || value[2] > 1) {
            return "side code " + value[2] + ", expected -1, 0 or 1";
        }
        return null;
    }

    /** The per-instrument publish sequence of a value {@link #problem} accepted. */
    public static long sequence(byte[] value) {
        return getLong(value, SEQUENCE_OFFSET);
    }

    /** The venue timestamp of a value {@link #problem} accepted. */
    public static long exchTs(byte[] value) {
        return getLong(value, EXCH_TS_OFFSET);
    }

    /** The local timestamp of a value {@link #problem} accepted. */
    public static long localTs(byte[] value) {
        return getLong(value, LOCAL_TS_OFFSET);
    }

    /**
     * Appends the event in {@code value} (accepted by {@link #problem}) to {@code into} as instrument
     * {@code instrument}; {@link EventBatch#add} checks the fields as for any other source.
     */
    public static void decodeInto(byte[] value, int instrument, EventBatch into) {
        into.add(instrument, getLong(value, EXCH_TS_OFFSET), getLong(value, LOCAL_TS_OFFSET),
                EventKind.fromCode(value[1]), value[2], Double.longBitsToDouble(getLong(value, 31)),
                Double.longBitsToDouble(getLong(value, 39)), getLong(value, 47), getInt(value, 3));
    }

    static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    static void putLong(byte[] b, int at, long v) {
        for (int i = 7; i >= 0; i--) {
            b[at + i] = (byte) v;
            v >>>= 8;
        }
    }

    static int getInt(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    static long getLong(byte[] b, int at) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | (b[at + i] & 0xff);
        }
        return v;
    }
}
