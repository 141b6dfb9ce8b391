package io.qtrade.store;

import java.util.List;
import java.util.Objects;

/**
 * What to read from a {@link TickStore}: which venue and symbols, which format, and how
 * ({@link TickReadOptions}: time range on {@code exch_ts}, strict or lenient, backwards tolerance).
 *
 * @param venue   the venue partition, or {@code null} for every venue
 * @param symbols the symbols, empty for every symbol
 * @param format  the part format to read, or {@code null}: Parquet parts where a date has them, else CSV
 * @param options range and strictness
 */
public record TickQuery(String venue, List<String> symbols, TickFormat format, TickReadOptions options) {

    /** @throws NullPointerException when {@code symbols} or {@code options} is null */
    public TickQuery {
        symbols = List.copyOf(Objects.requireNonNull(symbols, "symbols"));
        Objects.requireNonNull(options, "options");
    }

    /** Everything in the store, strict, whole time range. */
    public static TickQuery all() {
        return new TickQuery(null, List.of(), null, TickReadOptions.DEFAULT);
    }

    /** These symbols (of any venue) and everything else as in {@link #all()}. */
    public static TickQuery symbols(String... symbols) {
        return new TickQuery(null, List.of(symbols), null, TickReadOptions.DEFAULT);
    }

    /** This query limited to one venue. */
    public TickQuery withVenue(String venue) {
        return new TickQuery(venue, symbols, format, options);
    }

    /** This query with {@code exch_ts} in {@code [fromNanos, toNanos)}. */
    public TickQuery withRange(long fromNanos, long toNanos) {
        return new TickQuery(venue, symbols, format, options.withRange(fromNanos, toNanos));
    }

    /** This query reading only parts of {@code format}. */
    public TickQuery withFormat(TickFormat format) {
        return new TickQuery(venue, symbols, format, options);
    }

    /** This query with other read options. */
    public TickQuery withOptions(TickReadOptions options) {
        return new TickQuery(venue, symbols, format, options);
    }
}
