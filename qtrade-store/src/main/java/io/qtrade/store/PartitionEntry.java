package io.qtrade.store;

import io.qtrade.core.market.EventKind;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What one date partition of one instrument holds: its parts, rows and event kinds. Depth and trades of one day (a
 * vendor day is several files) sit side by side as separate parts and are read merged by {@code exch_ts}.
 *
 * @param venue  the venue partition
 * @param symbol the symbol partition
 * @param date   the UTC date of {@code exch_ts}
 * @param parts  the part files, by part number
 * @param rows   rows over the parts
 * @param kinds  the event kinds in the parts, in code order (from the Parquet footers' {@code qtrade.kinds}, or by
 *               reading the {@code kind} column of parts that lack it and of CSV parts)
 */
public record PartitionEntry(String venue, String symbol, LocalDate date, List<Path> parts, long rows,
                             Set<EventKind> kinds) {

    /** Copies. */
    public PartitionEntry {
        parts = List.copyOf(parts);
        kinds = Collections.unmodifiableSet(kinds.isEmpty() ? EnumSet.noneOf(EventKind.class) : EnumSet.copyOf(kinds));
    }
}
