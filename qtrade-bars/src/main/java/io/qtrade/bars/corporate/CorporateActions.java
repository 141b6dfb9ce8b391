package io.qtrade.bars.corporate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The corporate actions of a run, by symbol in ex-date order.
 *
 * <p>CSV form ({@link #readCsv}): a header naming the columns {@code date}, {@code symbol}, {@code ratio} and
 * {@code amount} in any order (case-insensitive, other columns ignored), then one action per line: a split has a
 * {@code ratio} ({@code 2}, {@code 2:1} or {@code 3/2}: new shares per old share) and an empty {@code amount}, a cash
 * dividend an {@code amount} per share and an empty {@code ratio}. Dates are ISO ({@code 2014-06-09}).
 * <pre>
 * date,symbol,ratio,amount
 * 2014-06-09,AAPL,7:1,
 * 2014-08-07,AAPL,,0.47
 * </pre>
 * A malformed line is refused with the file, line number and field; two actions of one kind for a symbol on one
 * date are refused as duplicates.
 */
public final class CorporateActions {

    /** No corporate actions. */
    public static final CorporateActions NONE = new CorporateActions(List.of());

    private final List<CorporateAction> all;
    private final Map<String, List<CorporateAction>> bySymbol = new HashMap<>();

    /** @param actions the actions, any order; duplicates (symbol, date, kind) are refused */
    public CorporateActions(List<CorporateAction> actions) {
        List<CorporateAction> sorted = new ArrayList<>(actions);
        sorted.sort(Comparator.comparing(CorporateAction::symbol).thenComparing(CorporateAction::exDate)
                .thenComparing(CorporateAction::kind));
        for (int k = 1; k < sorted.size(); k++) {
            CorporateAction a = sorted.get(k - 1);
            CorporateAction b = sorted.get(k);
            if (a.symbol().equals(b.symbol()) && a.exDate().equals(b.exDate()) && a.kind() == b.kind()) {
                throw new IllegalArgumentException("duplicate corporate action: two " + a.kind() + " of " + a.symbol()
                        + " on " + a.exDate());
            }
        }
        this.all = List.copyOf(sorted);
        for (CorporateAction a : all) {
            bySymbol.computeIfAbsent(a.symbol(), s -> new ArrayList<>()).add(a);
        }
    }

    /** Every action, by symbol, then ex-date. */
    public List<CorporateAction> all() {
        return all;
    }

    /** The actions of {@code symbol} in ex-date order (splits before dividends on one date); empty if none. */
    public List<CorporateAction> of(String symbol) {
        return bySymbol.getOrDefault(symbol, List.of());
    }

    /**
     * Reads the CSV form described in the class comment.
     *
     * @throws IllegalArgumentException naming the file, line and field of a malformed line
     * @throws UncheckedIOException     when the file cannot be read
     */
    public static CorporateActions readCsv(Path file) {
        List<CorporateAction> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new IllegalArgumentException(file + ": empty file, expected a header with date, symbol, ratio,"
                        + " amount");
            }
            String[] names = header.replace("\uFEFF", "").split(",", -1);
            int date = column(file, names, "date");
            int symbol = column(file, names, "symbol");
            int ratio = column(file, names, "ratio");
            int amount = column(file, names, "amount");
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                String where = file + ":" + lineNo;
                if (f.length < names.length) {
                    throw new IllegalArgumentException(where + ": " + f.length + " fields, the header has "
                            + names.length);
                }
                LocalDate d;
                try {
                    d = LocalDate.parse(f[date].trim());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(where + ": field 'date' is not an ISO date: '" + f[date] + "'");
                }
                String sym = f[symbol].trim();
                if (sym.isEmpty()) {
                    throw new IllegalArgumentException(where + ": field 'symbol' is empty");
                }
                String r = f[ratio].trim();
                String a = f[amount].trim();
                if (r.isEmpty() == a.isEmpty()) {
                    throw new IllegalArgumentException(where + ": exactly one of the fields 'ratio' (a split) and"
                            + " 'amount' (a dividend) must be set, were '" + r + "' and '" + a + "'");
                }
                try {
                    if (!r.isEmpty()) {
                        out.add(CorporateAction.split(sym, d, parseRatio(where, r)));
                    } else {
                        out.add(CorporateAction.dividend(sym, d, parseNumber(where, "amount", a)));
                    }
                } catch (IllegalArgumentException e) {
                    if (e.getMessage().startsWith(where)) {
                        throw e;
                    }
                    throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corporate actions " + file, e);
        }
        try {
            return new CorporateActions(out);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static int column(Path file, String[] names, String wanted) {
        for (int k = 0; k < names.length; k++) {
            if (names[k].trim().toLowerCase(Locale.ROOT).equals(wanted)) {
                return k;
            }
        }
        throw new IllegalArgumentException(file + ":1: the header has no column '" + wanted + "' (it needs date,"
                + " symbol, ratio, amount)");
    }

    private static double parseRatio(String where, String text) {
        int sep = Math.max(text.indexOf(':'), text.indexOf('/'));
        if (sep < 0) {
            return parseNumber(where, "ratio", text);
        }
        double num = parseNumber(where, "ratio", text.substring(0, sep));
        double den = parseNumber(where, "ratio", text.substring(sep + 1));
        return num / den;
    }

    private static double parseNumber(String where, String field, String text) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": field '" + field + "' is not a number: '" + text + "'");
        }
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(where + ": field '" + field + "' must be finite and > 0, was " + text);
        }
        return v;
    }

    @Override
    public String toString() {
        return "CorporateActions[" + all.size() + " actions, " + bySymbol.size() + " symbols]";
    }
}
