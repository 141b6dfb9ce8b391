package io.qtrade.bars.universe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * When each symbol is in the tradable universe: listed from {@code listed} (inclusive) to {@code delisted}
 * (its last trading day, inclusive; {@link #STILL_LISTED} when it still trades).
 *
 * <p>The bar engine drops a symbol's bars outside that span (a strategy never sees a symbol before its listing),
 * and after the delisting day closes any position at the last close it saw and cancels its orders (at the first bar
 * time after the delisting day, or at the data's last bar time when the data ends on or after the delisting day and
 * no later bar time comes; a delisting dated after the data's last day is not applied). A symbol the
 * universe does not name is always listed.
 *
 * <p>CSV form ({@link #readCsv}): header {@code symbol,listed,delisted} (any order, case-insensitive), ISO dates,
 * an empty {@code delisted} for a symbol still listed:
 * <pre>
 * symbol,listed,delisted
 * AAA,2000-01-03,
 * BBB,2003-05-01,2011-09-30
 * </pre>
 * Malformed lines, a delisting before the listing, and a symbol named twice are refused with file, line and field.
 */
public final class Universe {

    /** {@code delisted} of a symbol that still trades. */
    public static final LocalDate STILL_LISTED = LocalDate.MAX;

    /**
     * One symbol's listing span.
     *
     * @param symbol   the symbol
     * @param listed   first trading day
     * @param delisted last trading day, {@link #STILL_LISTED} if none
     */
    public record Listing(String symbol, LocalDate listed, LocalDate delisted) {
        public Listing {
            Objects.requireNonNull(symbol, "listing: symbol");
            Objects.requireNonNull(listed, "listing: listed");
            Objects.requireNonNull(delisted, "listing: delisted");
            if (delisted.isBefore(listed)) {
                throw new IllegalArgumentException("listing of " + symbol + ": delisted " + delisted
                        + " is before listed " + listed);
            }
        }

        /** Whether the symbol trades on {@code date}. */
        public boolean isListedOn(LocalDate date) {
            return !date.isBefore(listed) && !date.isAfter(delisted);
        }
    }

    private final Map<String, Listing> listings = new LinkedHashMap<>();

    /** @param listings one per symbol */
    public Universe(List<Listing> listings) {
        for (Listing l : listings) {
            if (this.listings.put(l.symbol(), l) != null) {
                throw new IllegalArgumentException("universe: symbol " + l.symbol() + " is named twice");
            }
        }
    }

    /** The listing of {@code symbol}, empty when the universe does not name it (always listed). */
    public Optional<Listing> listing(String symbol) {
        return Optional.ofNullable(listings.get(symbol));
    }

    /** Every listing, in the order given. */
    public List<Listing> listings() {
        return List.copyOf(listings.values());
    }

    /** The symbols listed on {@code date}, in the order given. */
    public List<String> listedOn(LocalDate date) {
        List<String> out = new ArrayList<>();
        for (Listing l : listings.values()) {
            if (l.isListedOn(date)) {
                out.add(l.symbol());
            }
        }
        return out;
    }

    /**
     * Reads the CSV form described in the class comment.
     *
     * @throws IllegalArgumentException naming the file, line and field of a malformed line
     */
    public static Universe readCsv(Path file) {
        List<Listing> out = new ArrayList<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new IllegalArgumentException(file + ": empty file, expected a header symbol,listed,delisted");
            }
            String[] names = header.replace("\uFEFF", "").split(",", -1);
            int symbol = column(file, names, "symbol");
            int listed = column(file, names, "listed");
            int delisted = column(file, names, "delisted");
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
                String sym = f[symbol].trim();
                if (sym.isEmpty()) {
                    throw new IllegalArgumentException(where + ": field 'symbol' is empty");
                }
                Integer previous = lineOf.put(sym, lineNo);
                if (previous != null) {
                    throw new IllegalArgumentException(where + ": symbol " + sym + " was already listed on line "
                            + previous);
                }
                LocalDate from = date(where, "listed", f[listed]);
                LocalDate until = f[delisted].isBlank() ? STILL_LISTED : date(where, "delisted", f[delisted]);
                if (until.isBefore(from)) {
                    throw new IllegalArgumentException(where + ": field 'delisted' " + until + " is before 'listed' "
                            + from);
                }
                out.add(new Listing(sym, from, until));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read universe " + file, e);
        }
        return new Universe(out);
    }

    private static LocalDate date(String where, String field, String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": field '" + field + "' is not an ISO date: '" + text + "'");
        }
    }

    private static int column(Path file, String[] names, String wanted) {
        for (int k = 0; k < names.length; k++) {
            if (names[k].trim().toLowerCase(Locale.ROOT).equals(wanted)) {
                return k;
            }
        }
        throw new IllegalArgumentException(file + ":1: the header has no column '" + wanted + "' (it needs symbol,"
                + " listed, delisted)");
    }

    @Override
    public String toString() {
        return "Universe[" + listings.size() + " symbols]";
    }
}
