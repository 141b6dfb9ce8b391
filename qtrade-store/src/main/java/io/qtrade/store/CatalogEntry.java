package io.qtrade.store;

import io.qtrade.core.market.EventKind;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the store holds for one instrument: its date partitions, part files and rows.
 *
 * @param venue        the venue partition
 * @param symbol       the symbol partition
 * @param firstDate    the earliest {@code date} partition (UTC)
 * @param lastDate     the latest {@code date} partition (UTC)
 * @param dates        number of date partitions
 * @param parquetParts Parquet part files
 * @param csvParts     CSV part files
 * @param rows         rows over all parts (Parquet from the footers; CSV by counting lines)
 * @param bytes        bytes on disk over all parts
 * @param kinds        the event kinds over all parts, in code order ({@link TickStore#partitions()} lists them per
 *                     date partition)
 */
public record CatalogEntry(String venue, String symbol, LocalDate firstDate, LocalDate lastDate, int dates,
                           int parquetParts, int csvParts, long rows, long bytes, Set<EventKind> kinds) {

    /** Checks and copies. */
    public CatalogEntry {
        kinds = Collections.unmodifiableSet(kinds.isEmpty() ? EnumSet.noneOf(EventKind.class) : EnumSet.copyOf(kinds));
    }
}
