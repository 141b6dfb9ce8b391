package io.qtrade.store.ingest;

/**
 * Allocation-free parsing of decimal text (prices, quantities, timestamps) straight from a {@link CharSequence}
 * range, for the importers' read path.
 *
 * <p>{@link #parseDouble} accepts {@code [+-]digits[.digits][(e|E)[+-]digits]} (also {@code .5} and {@code 5.}) of
 * any length. With at most 18 significant digits whose value {@code m < 2^53} and a decimal exponent
 * {@code |e| <= 22} the result is exact-then-rounded once,
 * <pre>{@code
 * value = m * 10^e   or   m / 10^-e      (both operands exact doubles: one correctly rounded operation)
 * }</pre>
 * which is the correctly rounded double of the decimal, the same as {@link Double#parseDouble(String)} (Clinger
 * 1990, "How to read floating point numbers accurately", the fast path). Other well-formed inputs fall back to
 * {@code Double.parseDouble}. Anything else ({@code NaN}, {@code Infinity}, hex, blanks, empty), and any value a
 * normal double cannot hold (overflow to infinity, a non-zero value below {@link Double#MIN_NORMAL}), gives
 * {@code NaN}, which the caller reports as bad input.
 */
public final class Decimals {

    /** Significant digits kept in the long mantissa: 10^18 - 1 < 2^63, so it never overflows. */
    static final int MAX_FAST_DIGITS = 18;

    /** Exact powers of ten in a double: 10^0 .. 10^22. */
    private static final double[] POW10 = new double[23];

    static {
        double p = 1.0;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10.0;
        }
    }

    private Decimals() {
    }

    /**
     * The double value of the decimal text {@code s[from, to)}, or {@code NaN} when it is not a finite decimal
     * number in the grammar above or when its value cannot be represented: above {@link Double#MAX_VALUE} after
     * rounding, or non-zero with a magnitude below {@link Double#MIN_NORMAL} (a subnormal or zero result would
     * lose the value's digits silently). Text of any length is read exactly: at most {@value #MAX_FAST_DIGITS}
     * significant digits go into the long mantissa (which cannot overflow), any further non-zero digit sends the
     * text to the JDK's correctly rounded parser.
     */
    public static double parseDouble(CharSequence s, int from, int to) {
        int i = from;
        if (i >= to) {
            return Double.NaN;
        }
        boolean negative = false;
        char c = s.charAt(i);
        if (c == '-' || c == '+') {
            negative = c == '-';
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int exp10 = 0;
        int digits = 0;
        boolean exactMantissa = true;
        boolean nonZero = false;
        while (i < to && (c = s.charAt(i)) >= '0' && c <= '9') {
            nonZero |= c != '0';
            if (significant < MAX_FAST_DIGITS) {
                mantissa = mantissa * 10 + (c - '0');
                if (mantissa != 0) {
                    significant++;
                }
            } else {
                exp10++;
                exactMantissa &= c == '0';
            }
            digits++;
            i++;
        }
        if (i < to && s.charAt(i) == '.') {
            i++;
            while (i < to && (c = s.charAt(i)) >= '0' && c <= '9') {
                nonZero |= c != '0';
                if (significant < MAX_FAST_DIGITS) {
                    mantissa = mantissa * 10 + (c - '0');
                    if (mantissa != 0) {
                        significant++;
                    }
                    exp10--;
                } else {
                    exactMantissa &= c == '0';
                }
                digits++;
                i++;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (i < to && ((c = s.charAt(i)) == 'e' || c == 'E')) {
            i++;
            boolean expNegative = false;
            if (i < to && ((c = s.charAt(i)) == '-' || c == '+')) {
                expNegative = c == '-';
                i++;
            }
            int exp = 0;
            int expDigits = 0;
            while (i < to && (c = s.charAt(i)) >= '0' && c <= '9') {
                if (exp < 100_000) {
                    exp = exp * 10 + (c - '0');
                } else {
                    exactMantissa = false; // the exponent no longer fits: let the JDK read the whole text
                }
                expDigits++;
                i++;
            }
            if (expDigits == 0) {
                return Double.NaN;
            }
            exp10 += expNegative ? -exp : exp;
        }
        if (i != to) {
            return Double.NaN;
        }
        double value;
        if (!nonZero) {
            value = 0.0;
        } else if (exactMantissa && mantissa < (1L << 53) && exp10 >= -22 && exp10 <= 22) {
            value = exp10 >= 0 ? mantissa * POW10[exp10] : mantissa / POW10[-exp10];
        } else {
            value = Math.abs(Double.parseDouble(s.subSequence(from, to).toString()));
            if (!Double.isFinite(value) || value < Double.MIN_NORMAL) {
                return Double.NaN;
            }
        }
        return negative ? -value : value;
    }

    /**
     * The value of the integer text {@code s[from, to)} ({@code [+-]digits}).
     *
     * @throws NumberFormatException when it is not an integer or overflows a {@code long}
     */
    public static long parseLong(CharSequence s, int from, int to) {
        int i = from;
        if (i >= to) {
            throw new NumberFormatException("empty");
        }
        boolean negative = false;
        char c = s.charAt(i);
        if (c == '-' || c == '+') {
            negative = c == '-';
            i++;
        }
        if (i >= to) {
            throw new NumberFormatException("sign without digits");
        }
        long value = 0;
        for (; i < to; i++) {
            c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException("not a digit: '" + c + "'");
            }
            try {
                // Accumulate negatively so that Long.MIN_VALUE parses.
                value = Math.subtractExact(Math.multiplyExact(value, 10L), (long) (c - '0'));
            } catch (ArithmeticException overflow) {
                throw new NumberFormatException("overflows a long");
            }
        }
        if (!negative) {
            if (value == Long.MIN_VALUE) {
                throw new NumberFormatException("overflows a long");
            }
            return -value;
        }
        return value;
    }

    /**
     * Seconds with up to nine decimals ({@code 34200.004241176}) as whole nanoseconds, exactly (no binary
     * rounding): {@code seconds * 10^9 + fraction digits padded to nine}.
     *
     * @throws NumberFormatException when the text is not {@code digits[.digits]} with at most nine decimals
     */
    public static long parseSecondsAsNanos(CharSequence s, int from, int to) {
        int dot = to;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '.') {
                dot = i;
                break;
            }
        }
        if (dot == from) {
            throw new NumberFormatException("no whole seconds");
        }
        long seconds = parseLong(s, from, dot);
        if (seconds < 0 || s.charAt(from) == '+' || s.charAt(from) == '-') {
            throw new NumberFormatException("seconds must be unsigned");
        }
        long fraction = 0;
        int decimals = 0;
        for (int i = dot + 1; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException("not a digit: '" + c + "'");
            }
            if (++decimals > 9) {
                throw new NumberFormatException("more than nine decimals");
            }
            fraction = fraction * 10 + (c - '0');
        }
        if (dot + 1 == to && dot != to) {
            throw new NumberFormatException("a decimal point without decimals");
        }
        for (int d = decimals; d < 9; d++) {
            fraction *= 10;
        }
        return Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), fraction);
    }
}
