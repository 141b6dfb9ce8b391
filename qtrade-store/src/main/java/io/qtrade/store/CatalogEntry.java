package io.qtrade.store;

import java.time.LocalDate;

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
 */
public record CatalogEntry(String venue, String symbol, LocalDate firstDate, LocalDate lastDate, int dates,
                           int parquetParts, int csvParts, long rows, long bytes) {
}
