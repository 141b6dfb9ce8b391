package io.qtrade.core.margin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A leverage bracket table: contiguous {@link LeverageBracket}s by notional, as an exchange publishes them per
 * symbol, loaded from a file.
 *
 * <p>Lookup: the bracket with {@code floor <= notional < cap}; a notional at or above the last cap uses the last
 * bracket (the exchange refuses such positions; {@link MarginAccount} rejects orders that reach it).
 *
 * <p>Two file formats ({@link #load(Path)} picks by the first non-blank character):
 * <ul>
 *   <li>CSV with a header naming the columns {@code floor,cap,mmr} and optionally {@code bracket}, {@code cum} and
 *       {@code max_leverage} (any order; {@code #} starts a comment line). A missing {@code cum} is derived:
 *       {@code cum_n = floor_n * (mmr_n - mmr_{n-1}) + cum_{n-1}}, {@code cum_1 = 0}; a missing max leverage is 125.
 *   <li>Binance's JSON answer of {@code GET /fapi/v1/leverageBracket} (one symbol): objects with
 *       {@code notionalFloor}, {@code notionalCap}, {@code maintMarginRatio}, {@code cum}, {@code initialLeverage}
 *       (and COIN-M's {@code qtyFloor}/{@code qtyCap} are not read: its brackets by notional coin value use the
 *       same field names).
 * </ul>
 * Immutable.
 */
public final class LeverageBrackets {

    /** Max leverage used when a CSV table has no {@code max_leverage} column. */
    public static final double DEFAULT_MAX_LEVERAGE = 125;

    private final LeverageBracket[] brackets;

    private LeverageBrackets(LeverageBracket[] brackets) {
        this.brackets = brackets;
    }

    /**
     * A table of contiguous brackets, lowest first.
     *
     * @throws IllegalArgumentException if it is empty, does not start at 0 or has a gap or overlap between tiers
     */
    public static LeverageBrackets of(List<LeverageBracket> brackets) {
        if (brackets.isEmpty()) {
            throw new IllegalArgumentException("leverage brackets: the table is empty");
        }
        LeverageBracket[] b = brackets.toArray(new LeverageBracket[0]);
        if (b[0].floor() != 0.0) {
            throw new IllegalArgumentException("leverage brackets: the first bracket must start at notional 0, was "
                    + b[0].floor());
        }
        for (int i = 1; i < b.length; i++) {
            if (b[i].floor() != b[i - 1].cap()) {
                throw new IllegalArgumentException("leverage brackets: bracket " + b[i].bracket() + " starts at "
                        + b[i].floor() + " but bracket " + b[i - 1].bracket() + " ends at " + b[i - 1].cap()
                        + ": tiers must be contiguous");
            }
        }
        return new LeverageBrackets(b);
    }

    /** One bracket for every notional: a flat maintenance margin rate, no maintenance amount. */
    public static LeverageBrackets flat(double maintMarginRate, double maxLeverage) {
        return of(List.of(new LeverageBracket(1, 0, Double.POSITIVE_INFINITY, maintMarginRate, 0, maxLeverage)));
    }

    /**
     * Brackets from floors and rates, with the maintenance amounts derived by Binance's rule
     * {@code cum_n = floor_n * (mmr_n - mmr_{n-1}) + cum_{n-1}}; the last cap is {@code lastCap}.
     */
    public static LeverageBrackets fromFloors(double[] floors, double[] mmrs, double[] maxLeverages, double lastCap) {
        if (floors.length != mmrs.length || floors.length != maxLeverages.length) {
            throw new IllegalArgumentException("leverage brackets: floors, mmrs and maxLeverages differ in length: "
                    + floors.length + ", " + mmrs.length + ", " + maxLeverages.length);
        }
        List<LeverageBracket> out = new ArrayList<>();
        double cum = 0;
        for (int i = 0; i < floors.length; i++) {
            if (i > 0) {
                cum += floors[i] * (mmrs[i] - mmrs[i - 1]);
            }
            double cap = i + 1 < floors.length ? floors[i + 1] : lastCap;
            out.add(new LeverageBracket(i + 1, floors[i], cap, mmrs[i], cum, maxLeverages[i]));
        }
        return of(out);
    }

    /** The bracket whose {@code floor <= notional < cap} (the last one above the last cap). */
    public LeverageBracket forNotional(double notional) {
        for (LeverageBracket b : brackets) {
            if (notional < b.cap()) {
                return b;
            }
        }
        return brackets[brackets.length - 1];
    }

    /** The brackets, lowest first; a copy. */
    public List<LeverageBracket> brackets() {
        return List.of(brackets);
    }

    /** Number of brackets. */
    public int size() {
        return brackets.length;
    }

    /** The bracket at {@code index} (0 = lowest). */
    public LeverageBracket get(int index) {
        return brackets[index];
    }

    /** {@code forNotional(notional).maintenanceMargin(notional)}, settlement asset. */
    public double maintenanceMargin(double notional) {
        return forNotional(notional).maintenanceMargin(notional);
    }

    /** The highest leverage allowed at {@code notional}. */
    public double maxLeverage(double notional) {
        return forNotional(notional).maxLeverage();
    }

    /**
     * Loads a table from a CSV or Binance JSON file (see the class Javadoc).
     *
     * @throws IllegalArgumentException naming the file and line of a malformed entry
     */
    public static LeverageBrackets load(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return parse(text, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("leverage brackets: cannot read " + file, e);
        }
    }

    /** {@link #load} from a reader; {@code source} names it in error messages. */
    public static LeverageBrackets read(Reader reader, String source) {
        StringBuilder sb = new StringBuilder();
        try (BufferedReader r = new BufferedReader(reader)) {
            String line;
            while ((line = r.readLine()) != null) {
                sb.append(line).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("leverage brackets: cannot read " + source, e);
        }
        return parse(sb.toString(), source);
    }

    private static LeverageBrackets parse(String text, String source) {
        String trimmed = text.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            return parseBinanceJson(trimmed, source);
        }
        return parseCsv(text, source);
    }

    private static final Pattern OBJECT = Pattern.compile("\\{[^{}\\[\\]]*\\}");

    private static LeverageBrackets parseBinanceJson(String text, String source) {
        Matcher m = OBJECT.matcher(text);
        List<LeverageBracket> out = new ArrayList<>();
        while (m.find()) {
            String obj = m.group();
            if (!obj.contains("notionalFloor")) {
                continue;
            }
            int bracket = (int) number(obj, "bracket", source);
            out.add(new LeverageBracket(bracket, number(obj, "notionalFloor", source),
                    number(obj, "notionalCap", source), number(obj, "maintMarginRatio", source),
                    number(obj, "cum", source), number(obj, "initialLeverage", source)));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("leverage brackets: " + source + " has no bracket object with"
                    + " notionalFloor/notionalCap/maintMarginRatio/cum/initialLeverage");
        }
        out.sort((a, b) -> Double.compare(a.floor(), b.floor()));
        return of(out);
    }

    private static double number(String obj, String field, String source) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"?([-+0-9.eE]+)\"?").matcher(obj);
        if (!m.find()) {
            throw new IllegalArgumentException("leverage brackets: " + source + ": field '" + field
                    + "' missing in " + obj);
        }
        return Double.parseDouble(m.group(1));
    }

    private static LeverageBrackets parseCsv(String text, String source) {
        String[] lines = text.split("\r?\n");
        int[] col = null;
        List<double[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",");
            if (col == null) {
                col = header(f, source, n + 1);
                continue;
            }
            double[] row = new double[6];
            for (int c = 0; c < 6; c++) {
                if (col[c] < 0) {
                    row[c] = Double.NaN;
                    continue;
                }
                if (col[c] >= f.length) {
                    throw new IllegalArgumentException("leverage brackets: " + source + " line " + (n + 1)
                            + ": " + f.length + " fields, column " + HEADER[c] + " is field " + (col[c] + 1));
                }
                String v = f[col[c]].strip();
                try {
                    row[c] = v.equalsIgnoreCase("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("leverage brackets: " + source + " line " + (n + 1)
                            + ": column " + HEADER[c] + " is not a number: '" + v + "'");
                }
            }
            rows.add(row);
            lineNumbers.add(n + 1);
        }
        if (col == null || rows.isEmpty()) {
            throw new IllegalArgumentException("leverage brackets: " + source + " has no header and bracket rows");
        }
        List<LeverageBracket> out = new ArrayList<>();
        double cum = 0;
        for (int i = 0; i < rows.size(); i++) {
            double[] r = rows.get(i);
            if (Double.isNaN(r[4])) {
                if (i > 0) {
                    cum += r[1] * (r[3] - rows.get(i - 1)[3]);
                }
            } else {
                cum = r[4];
            }
            try {
                out.add(new LeverageBracket(Double.isNaN(r[0]) ? i + 1 : (int) r[0], r[1], r[2], r[3], cum,
                        Double.isNaN(r[5]) ? DEFAULT_MAX_LEVERAGE : r[5]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("leverage brackets: " + source + " line " + lineNumbers.get(i)
                        + ": " + e.getMessage(), e);
            }
        }
        return of(out);
    }

    private static final String[] HEADER = {"bracket", "floor", "cap", "mmr", "cum", "max_leverage"};

    private static int[] header(String[] f, String source, int line) {
        int[] col = {-1, -1, -1, -1, -1, -1};
        for (int i = 0; i < f.length; i++) {
            String name = f[i].strip().toLowerCase(Locale.ROOT);
            for (int c = 0; c < HEADER.length; c++) {
                if (HEADER[c].equals(name)) {
                    col[c] = i;
                }
            }
        }
        for (int c = 1; c <= 3; c++) {
            if (col[c] < 0) {
                throw new IllegalArgumentException("leverage brackets: " + source + " line " + line
                        + ": header must name the column '" + HEADER[c] + "' (columns floor,cap,mmr and optionally"
                        + " bracket,cum,max_leverage), was " + String.join(",", f));
            }
        }
        return col;
    }

    @Override
    public String toString() {
        return "LeverageBrackets" + List.of(brackets);
    }
}
