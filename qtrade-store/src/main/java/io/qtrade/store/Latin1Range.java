package io.qtrade.store;

import java.nio.charset.StandardCharsets;

/**
 * A reusable {@link CharSequence} view of a range of a {@code byte[]} read as ISO-8859-1 (each byte one char), so
 * that {@link io.qtrade.store.ingest.Decimals} parses a CSV field in place without building a {@code String}.
 * Valid until the owner of the array reuses it.
 */
final class Latin1Range implements CharSequence {

    private byte[] bytes = new byte[0];
    private int offset;
    private int length;

    Latin1Range set(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
        return this;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("index " + index + " outside 0.." + (length - 1));
        }
        return (char) (bytes[offset + index] & 0xFF);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(bytes, offset + start, end - start, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }
}
