package io.qtrade.research.sweep;

import io.qtrade.store.HiveLayout;
import io.qtrade.store.TickStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Lists the partitions of a sweep: from a tick store's layout, or days of generated data. */
public final class Partitions {

    private Partitions() {
    }

    /**
     * Every {@code symbol x day} the store holds for {@code venue} with at least one finished part, days in
     * {@code [from, to]} (either may be null: unbounded), ordered by symbol as given, then date; indexed in that
     * order.
     *
     * @throws IllegalArgumentException if a symbol has no partition in the range (naming it and the range)
     */
    public static List<Partition> inStore(TickStore store, String venue, List<String> symbols, LocalDate from,
                                          LocalDate to) {
        List<Partition> out = new ArrayList<>();
        for (String symbol : symbols) {
            Path dir = HiveLayout.symbolDir(store.root(), venue, symbol);
            List<LocalDate> dates = new ArrayList<>();
            if (Files.isDirectory(dir)) {
                try (Stream<Path> children = Files.list(dir)) {
                    for (Path d : (Iterable<Path>) children::iterator) {
                        String name = d.getFileName().toString();
                        if (!Files.isDirectory(d) || !name.startsWith("date=")) {
                            continue;
                        }
                        LocalDate date;
                        try {
                            date = LocalDate.parse(name.substring("date=".length()));
                        } catch (DateTimeParseException e) {
                            throw new IllegalArgumentException(d + ": not a date partition (date=YYYY-MM-DD)", e);
                        }
                        if ((from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to))
                                && !HiveLayout.parts(d, null).isEmpty()) {
                            dates.add(date);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("listing " + dir, e);
                }
            }
            if (dates.isEmpty()) {
                throw new IllegalArgumentException("the store at " + store.root() + " has no partition of " + venue
                        + "/" + symbol + " between " + (from == null ? "the start" : from) + " and "
                        + (to == null ? "the end" : to));
            }
            dates.sort(null);
            for (LocalDate date : dates) {
                out.add(new Partition(out.size(), venue, symbol, date));
            }
        }
        return out;
    }

    /** {@code days} consecutive days of one symbol from {@code first}: labels for generated data, indexed 0.. */
    public static List<Partition> days(String venue, String symbol, LocalDate first, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be >= 1, was " + days);
        }
        List<Partition> out = new ArrayList<>(days);
        for (int d = 0; d < days; d++) {
            out.add(new Partition(d, venue, symbol, first.plusDays(d)));
        }
        return out;
    }
}
