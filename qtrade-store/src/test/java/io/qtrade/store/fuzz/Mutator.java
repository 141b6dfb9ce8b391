package io.qtrade.store.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded mutations of a fixture, as a reliability reviewer would make them: bit flips, truncation, inserted and
 * deleted bytes, swapped and repeated lines, and numbers replaced by hostile ones (NaN, infinities, huge, negative,
 * subnormal, 19+ digits, overflowing timestamps). The same seed gives the same mutant.
 */
public final class Mutator {

    /** Numbers a hostile file puts where a number goes. */
    static final String[] HOSTILE_NUMBERS = {"NaN", "Infinity", "-Infinity", "-1", "0", "-0", "1e308", "1.8e308",
        "4.9e-324", "1e-400", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
        "99999999999999999999999", "-0.9999999999999999999", "95000.500000000000000000", "1.7e23", "0x1p3", "1f",
        "", " 1", "18446744073709551615", "9223372036854776", "-5", "2919", "0.1", "1E5", ".5", "5."};
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final byte[] INSERTS = ",\n\r-+.9e\"{}[]:0 \t".getBytes(StandardCharsets.US_ASCII);

    private Mutator() {
    }

    /** One to three mutations of {@code seed}, chosen by {@code random}. */
    public static byte[] mutate(byte[] seed, Random random) {
        byte[] b = seed;
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            b = once(b, random);
        }
        return b;
    }

    static byte[] once(byte[] b, Random r) {
        if (b.length == 0) {
            return new byte[]{(byte) r.nextInt(256)};
        }
        switch (r.nextInt(8)) {
            case 0 -> {
                byte[] c = b.clone();
                int at = r.nextInt(c.length);
                c[at] ^= (byte) (1 << r.nextInt(8));
                return c;
            }
            case 1 -> {
                return java.util.Arrays.copyOf(b, r.nextInt(b.length));
            }
            case 2 -> {
                int at = r.nextInt(b.length + 1);
                int k = 1 + r.nextInt(4);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(b, 0, at);
                for (int i = 0; i < k; i++) {
                    out.write(r.nextBoolean() ? INSERTS[r.nextInt(INSERTS.length)] : r.nextInt(256));
                }
                out.write(b, at, b.length - at);
                return out.toByteArray();
            }
            case 3 -> {
                int at = r.nextInt(b.length);
                int k = Math.min(b.length - at, 1 + r.nextInt(16));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(b, 0, at);
                out.write(b, at + k, b.length - at - k);
                return out.toByteArray();
            }
            case 4, 5 -> {
                return replaceNumber(b, r);
            }
            case 6 -> {
                return swapLines(b, r, false);
            }
            default -> {
                return swapLines(b, r, true);
            }
        }
    }

    private static byte[] replaceNumber(byte[] b, Random r) {
        String s = new String(b, StandardCharsets.ISO_8859_1);
        Matcher m = NUMBER.matcher(s);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[]{m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return b;
        }
        int[] span = spans.get(r.nextInt(spans.size()));
        String replacement = HOSTILE_NUMBERS[r.nextInt(HOSTILE_NUMBERS.length)];
        return (s.substring(0, span[0]) + replacement + s.substring(span[1])).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] swapLines(byte[] b, Random r, boolean duplicate) {
        String s = new String(b, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
        if (lines.size() < 2) {
            return b;
        }
        int i = r.nextInt(lines.size());
        int j = r.nextInt(lines.size());
        if (duplicate) {
            lines.add(j, lines.get(i));
        } else {
            String t = lines.get(i);
            lines.set(i, lines.get(j));
            lines.set(j, t);
        }
        return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Every decimal number in the text, as the double {@link java.math.BigDecimal} gives for it, plus its negation
     * when it is zero: {@code BigDecimal} has no negative zero, and {@code "-0"} is correctly read as {@code -0.0}
     * (numerically equal to its text).
     */
    public static List<Double> decimals(byte[] b) {
        List<Double> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(new String(b, StandardCharsets.ISO_8859_1));
        while (m.find()) {
            try {
                double v = new java.math.BigDecimal(m.group()).doubleValue();
                out.add(v);
                if (v == 0) {
                    out.add(-v);
                }
            } catch (NumberFormatException e) {
                // "1." and the like are fine for BigDecimal; anything else is not a number the readers accept.
            }
        }
        return out;
    }
}
