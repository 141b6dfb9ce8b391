package io.qtrade.research.sweep;

import io.qtrade.store.TickQuery;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A slice of the data one backtest runs on: one symbol of one venue on one UTC day, as the tick store's Hive layout
 * partitions it ({@code venue=V/symbol=S/date=D}). Serializable, so a Spark task carries it to the executor that reads
 * it.
 *
 * @param index  the partition's position in the sweep's list (the sweep table sorts by it)
 * @param venue  the venue partition
 * @param symbol the symbol partition
 * @param date   the UTC day
 */
public record Partition(int index, String venue, String symbol, LocalDate date) implements Serializable {

    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    /** Checks the fields. */
    public Partition {
        Objects.requireNonNull(venue, "partition venue");
        Objects.requireNonNull(symbol, "partition symbol");
        Objects.requireNonNull(date, "partition date");
        if (index < 0) {
            throw new IllegalArgumentException("partition index must be >= 0, was " + index);
        }
    }

    /** Midnight UTC opening the day, epoch nanoseconds. */
    public long startNanos() {
        return date.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
    }

    /** Midnight UTC closing the day (exclusive), epoch nanoseconds. */
    public long endNanos() {
        return startNanos() + NANOS_PER_DAY;
    }

    /** The tick-store query reading this partition: the symbol on the venue over {@code [startNanos, endNanos)}. */
    public TickQuery query() {
        return TickQuery.symbols(symbol).withVenue(venue).withRange(startNanos(), endNanos());
    }

    /** {@code SIM/AAA/2026-11-25}. */
    @Override
    public String toString() {
        return venue + "/" + symbol + "/" + date;
    }
}
