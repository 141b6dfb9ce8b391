package io.qtrade.store.ingest;

/**
 * A reusable {@link CharSequence} view of a range of a {@code char[]} (such as the text buffer a streaming JSON
 * parser exposes), so that a number can be parsed by {@link Decimals} without building a {@code String}. The view is
 * valid until the owner of the array reuses it.
 */
public final class CharRange implements CharSequence {

    private char[] chars = new char[0];
    private int offset;
    private int length;

    /** Points the view at {@code chars[offset, offset + length)}. */
    public CharRange set(char[] chars, int offset, int length) {
        this.chars = chars;
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
        return chars[offset + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(chars, offset + start, end - start);
    }

    @Override
    public String toString() {
        return new String(chars, offset, length);
    }
}
