package io.qtrade.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Decoders for the Parquet value encodings of a required, flat INT32, INT64 or DOUBLE column, from a page's bytes
 * into a caller-owned {@code long[]}: INT32 values sign-extended, INT64 values as they are, DOUBLE values as their raw
 * IEEE-754 bits ({@link Double#longBitsToDouble} gives them back). Nothing is allocated.
 *
 * <ul>
 *   <li>{@code PLAIN}: little-endian values of 4 or 8 bytes, one after the other.</li>
 *   <li>{@code RLE_DICTIONARY} / {@code PLAIN_DICTIONARY} data pages: one byte of bit width, then the RLE / bit-packed
 *       hybrid of dictionary indices: runs {@code varint(count << 1), value in ceil(width / 8) bytes} and bit-packed
 *       groups {@code varint(groups << 1 | 1), groups * width bytes} (8 values a group, least significant bit
 *       first).</li>
 *   <li>{@code DELTA_BINARY_PACKED}: header {@code varint blockSize, varint miniblocks, varint count,
 *       zigzag first}; per block {@code zigzag minDelta}, one bit-width byte per miniblock, then the miniblocks
 *       bit-packed, each {@code blockSize / miniblocks} values long (padded); value {@code i + 1 = value i + minDelta
 *       + delta i}, wrapping at the column's width.</li>
 *   <li>{@code BYTE_STREAM_SPLIT}: byte {@code k} of value {@code i} at {@code k * count + i}.</li>
 * </ul>
 * Reference: Apache Parquet format specification, {@code Encodings.md} (parquet-format 2.10). Every length read from
 * the page is checked against the page's bytes before it is used: a corrupt page throws a
 * {@link CorruptPageException}, never reads outside the page or returns values it does not hold.
 *
 * <p>Buffers passed in must hold {@link #SLACK} readable bytes after the page's last byte (the bit unpacker reads
 * 8 bytes at a time and masks what it does not need).
 */
final class PageEncodings {

    /** Bytes a page buffer must have after the page's end. */
    static final int SLACK = 16;

    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class,
            ByteOrder.LITTLE_ENDIAN);

    /** Largest block of a delta page accepted: parquet-mr and Arrow write 128. */
    static final int MAX_DELTA_BLOCK = 1 << 16;

    private PageEncodings() {
    }

    /** A page whose bytes do not hold what its encoding needs. */
    static final class CorruptPageException extends RuntimeException {
        CorruptPageException(String message) {
            super(message, null, false, false);
        }
    }

    /** {@code PLAIN}: exactly {@code count * width} bytes. */
    static void plain(byte[] page, int from, int to, int width, long[] out, int count) {
        if ((long) count * width != to - from) {
            throw new CorruptPageException("a PLAIN page of " + count + " values of " + width + " bytes holds "
                    + (to - from) + " bytes");
        }
        if (width == 8) {
            for (int i = 0, p = from; i < count; i++, p += 8) {
                out[i] = (long) LONG_LE.get(page, p);
            }
        } else {
            for (int i = 0, p = from; i < count; i++, p += 4) {
                out[i] = (int) INT_LE.get(page, p);
            }
        }
    }

    /** {@code BYTE_STREAM_SPLIT}: exactly {@code count * width} bytes. */
    static void byteStreamSplit(byte[] page, int from, int to, int width, long[] out, int count) {
        if ((long) count * width != to - from) {
            throw new CorruptPageException("a BYTE_STREAM_SPLIT page of " + count + " values of " + width
                    + " bytes holds " + (to - from) + " bytes");
        }
        for (int i = 0; i < count; i++) {
            long v = 0;
            for (int k = 0; k < width; k++) {
                v |= (page[from + k * count + i] & 0xFFL) << (8 * k);
            }
            out[i] = width == 4 ? (int) v : v;
        }
    }

    /**
     * Dictionary indices (RLE / bit-packed hybrid after a bit-width byte) looked up in {@code dictionary}.
     *
     * @return the number of bytes used
     */
    static int dictionary(byte[] page, int from, int to, long[] dictionary, int dictionarySize, long[] out,
                          int count) {
        if (from >= to) {
            if (count == 0) {
                return 0;
            }
            throw new CorruptPageException("a dictionary-encoded page of " + count + " values has no bit width");
        }
        int width = page[from] & 0xFF;
        if (width > 32) {
            throw new CorruptPageException("dictionary index bit width " + width + ", expected 0..32");
        }
        int p = from + 1;
        int i = 0;
        long mask = width == 0 ? 0 : (1L << width) - 1;
        while (i < count) {
            long header = 0;
            int shift = 0;
            while (true) {
                if (p >= to || shift > 35) {
                    throw new CorruptPageException("dictionary indices end inside a run header after " + i + " of "
                            + count + " values");
                }
                byte b = page[p++];
                header |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    break;
                }
                shift += 7;
            }
            if ((header & 1) == 0) {
                long run = header >>> 1;
                int bytes = (width + 7) >>> 3;
                if (run == 0 || run > count - i || bytes > to - p) {
                    throw new CorruptPageException("a dictionary index run of " + run + " values at value " + i
                            + " of " + count + " (" + (to - p) + " bytes left)");
                }
                int id = 0;
                for (int k = 0; k < bytes; k++) {
                    id |= (page[p++] & 0xFF) << (8 * k);
                }
                if (id < 0 || id >= dictionarySize) {
                    throw badIndex(id, dictionarySize, i);
                }
                long v = dictionary[id];
                for (int end = i + (int) run; i < end; i++) {
                    out[i] = v;
                }
            } else {
                long groups = header >>> 1;
                long bytes = groups * width;
                if (groups == 0 || bytes > to - p) {
                    throw new CorruptPageException("a bit-packed run of " + groups + " groups of width " + width
                            + " at value " + i + " needs " + bytes + " bytes, " + (to - p) + " are left");
                }
                // The last group may be padded past the page's value count.
                int n = (int) Math.min(groups * 8, count - i);
                int end = i + n;
                long bit = (long) p << 3;
                if (width <= 8 && (1 << width) <= dictionarySize) {
                    // Every index the width can hold is in the dictionary, so none is checked; a group of 8 values
                    // is `width` whole bytes, read as one little-endian long (SLACK covers the bytes past the page).
                    int q = p;
                    for (int last = i + (n & ~7); i < last; i += 8, q += width) {
                        long word = (long) LONG_LE.get(page, q);
                        out[i] = dictionary[(int) (word & mask)];
                        out[i + 1] = dictionary[(int) ((word >>> width) & mask)];
                        out[i + 2] = dictionary[(int) ((word >>> (2 * width)) & mask)];
                        out[i + 3] = dictionary[(int) ((word >>> (3 * width)) & mask)];
                        out[i + 4] = dictionary[(int) ((word >>> (4 * width)) & mask)];
                        out[i + 5] = dictionary[(int) ((word >>> (5 * width)) & mask)];
                        out[i + 6] = dictionary[(int) ((word >>> (6 * width)) & mask)];
                        out[i + 7] = dictionary[(int) ((word >>> (7 * width)) & mask)];
                    }
                    bit = (long) q << 3;
                }
                for (; i < end; i++, bit += width) {
                    int id = (int) (((long) LONG_LE.get(page, (int) (bit >>> 3)) >>> (bit & 7)) & mask);
                    if (id >= dictionarySize) {
                        throw badIndex(id, dictionarySize, i);
                    }
                    out[i] = dictionary[id];
                }
                p += (int) bytes;
            }
        }
        return p - from;
    }

    private static CorruptPageException badIndex(int id, int size, int at) {
        return new CorruptPageException("dictionary index " + id + " at value " + at + " outside the dictionary of "
                + size + " values");
    }

    /**
     * {@code DELTA_BINARY_PACKED} of a 4-byte ({@code width == 4}, wrapping at 32 bits) or 8-byte column.
     *
     * @param widths caller-owned scratch for a block's miniblock bit widths; a page with more miniblocks a block is
     *               refused
     * @return the number of bytes used
     */
    static int delta(byte[] page, int from, int to, int width, long[] out, int count, byte[] widths) {
        int[] at = {from};
        long blockSize = varint(page, at, to, "block size");
        long miniblocks = varint(page, at, to, "miniblock count");
        long total = varint(page, at, to, "value count");
        long first = zigzag(varint(page, at, to, "first value"));
        if (blockSize <= 0 || blockSize % 128 != 0 || blockSize > MAX_DELTA_BLOCK || miniblocks <= 0
                || blockSize % miniblocks != 0 || (blockSize / miniblocks) % 32 != 0 || miniblocks > widths.length) {
            throw new CorruptPageException("a delta page header with block size " + blockSize + " and "
                    + miniblocks + " miniblocks: expected a multiple of 128 split into miniblocks of a multiple of 32");
        }
        if (total != count) {
            throw new CorruptPageException("a delta page header counts " + total + " values, the page header "
                    + count);
        }
        int p = at[0];
        if (count == 0) {
            return p - from;
        }
        int miniSize = (int) (blockSize / miniblocks);
        int nMini = (int) miniblocks;
        long value = first;
        out[0] = width == 4 ? (int) value : value;
        int i = 1;
        while (i < count) {
            at[0] = p;
            long minDelta = zigzag(varint(page, at, to, "block minimum delta"));
            p = at[0];
            if (nMini > to - p) {
                throw new CorruptPageException("a delta block's " + nMini + " bit widths pass the page's end");
            }
            System.arraycopy(page, p, widths, 0, nMini);
            p += nMini;
            for (int m = 0; m < nMini && i < count; m++) {
                int w = widths[m] & 0xFF;
                if (w > width * 8) {
                    throw new CorruptPageException("delta miniblock bit width " + w + " for a " + width * 8
                            + "-bit column");
                }
                int n = Math.min(miniSize, count - i);
                long needed = ((long) n * w + 7) >>> 3;
                if (needed > to - p) {
                    throw new CorruptPageException("a delta miniblock of " + n + " values of " + w + " bits needs "
                            + needed + " bytes, " + (to - p) + " are left");
                }
                if (w == 0) {
                    for (int end = i + n; i < end; i++) {
                        value += minDelta;
                        out[i] = width == 4 ? (int) value : value;
                    }
                } else if (w <= 56) {
                    long mask = (1L << w) - 1;
                    long bit = (long) p << 3;
                    int end = i + n;
                    if (width == 8) {
                        // A group of 8 values is `w` whole bytes: each value read at a fixed byte offset and shift
                        // within its group (no running bit position); SLACK covers reads past the page's end.
                        int o1 = w >>> 3;
                        int o2 = (2 * w) >>> 3;
                        int o3 = (3 * w) >>> 3;
                        int o4 = (4 * w) >>> 3;
                        int o5 = (5 * w) >>> 3;
                        int o6 = (6 * w) >>> 3;
                        int o7 = (7 * w) >>> 3;
                        int s1 = w & 7;
                        int s2 = (2 * w) & 7;
                        int s3 = (3 * w) & 7;
                        int s4 = (4 * w) & 7;
                        int s5 = (5 * w) & 7;
                        int s6 = (6 * w) & 7;
                        int s7 = (7 * w) & 7;
                        int q = p;
                        for (int last = i + (n & ~7); i < last; i += 8, q += w) {
                            long d0 = (long) LONG_LE.get(page, q) & mask;
                            long d1 = ((long) LONG_LE.get(page, q + o1) >>> s1) & mask;
                            long d2 = ((long) LONG_LE.get(page, q + o2) >>> s2) & mask;
                            long d3 = ((long) LONG_LE.get(page, q + o3) >>> s3) & mask;
                            long d4 = ((long) LONG_LE.get(page, q + o4) >>> s4) & mask;
                            long d5 = ((long) LONG_LE.get(page, q + o5) >>> s5) & mask;
                            long d6 = ((long) LONG_LE.get(page, q + o6) >>> s6) & mask;
                            long d7 = ((long) LONG_LE.get(page, q + o7) >>> s7) & mask;
                            value += minDelta + d0;
                            out[i] = value;
                            value += minDelta + d1;
                            out[i + 1] = value;
                            value += minDelta + d2;
                            out[i + 2] = value;
                            value += minDelta + d3;
                            out[i + 3] = value;
                            value += minDelta + d4;
                            out[i + 4] = value;
                            value += minDelta + d5;
                            out[i + 5] = value;
                            value += minDelta + d6;
                            out[i + 6] = value;
                            value += minDelta + d7;
                            out[i + 7] = value;
                        }
                        bit = (long) q << 3;
                    }
                    if (width == 4) {
                        for (; i < end; i++, bit += w) {
                            value += minDelta + (((long) LONG_LE.get(page, (int) (bit >>> 3)) >>> (bit & 7)) & mask);
                            out[i] = (int) value;
                        }
                    } else {
                        for (; i < end; i++, bit += w) {
                            value += minDelta + (((long) LONG_LE.get(page, (int) (bit >>> 3)) >>> (bit & 7)) & mask);
                            out[i] = value;
                        }
                    }
                } else {
                    long bit = (long) p << 3;
                    for (int end = i + n; i < end; i++, bit += w) {
                        int byteAt = (int) (bit >>> 3);
                        int shift = (int) (bit & 7);
                        long d = (long) LONG_LE.get(page, byteAt) >>> shift;
                        if (shift + w > 64) {
                            d |= (page[byteAt + 8] & 0xFFL) << (64 - shift);
                        }
                        if (w < 64) {
                            d &= (1L << w) - 1;
                        }
                        value += minDelta + d;
                        out[i] = value;
                    }
                }
                // A miniblock takes its full size (padded), except where the page ends first.
                p += (int) Math.min(((long) miniSize * w) >>> 3, to - p);
            }
        }
        return p - from;
    }

    private static long varint(byte[] page, int[] at, int to, String what) {
        long v = 0;
        int shift = 0;
        int p = at[0];
        while (true) {
            if (p >= to || shift > 63) {
                throw new CorruptPageException("the delta page's " + what + " passes the page's end");
            }
            byte b = page[p++];
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                at[0] = p;
                return v;
            }
            shift += 7;
        }
    }

    private static long zigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }
}
