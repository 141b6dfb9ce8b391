package io.qtrade.store.binance;

import io.qtrade.store.ingest.CsvLine;
import io.qtrade.store.ingest.EpochUnit;

import java.util.List;

/**
 * Parses one line of a Binance kline file ({@link BinanceDerivativeFile#KLINE_COLUMNS}) in place, checking every
 * field: twelve columns; {@code open_time} and {@code close_time} integers of one unit (milliseconds, or
 * microseconds as Binance's spot files write from 2025, told per value by {@link EpochUnit#AUTO}), plausible, with
 * {@code close_time > open_time}; open, high, low, close finite decimals (positive prices, or signed for the premium
 * index) with {@code low <= open, close <= high}; the volume columns finite and {@code >= 0}; {@code count} an
 * integer {@code >= 0}; {@code ignore} not read. Reused for every line: it allocates nothing.
 */
final class KlineLine {

    private static final List<String> NAMES = BinanceDerivativeFile.KLINE_COLUMNS;

    private final boolean signed;
    long openNanos;
    /** {@code close_time} plus one unit of the file's time: the end of the kline, when its close is known. */
    long endNanos;
    double open;
    double high;
    double low;
    double close;
    double volume;
    long count;

    /** @param signed whether the values are a signed fraction (premium index) rather than positive prices */
    KlineLine(boolean signed) {
        this.signed = signed;
    }

    /** Parses the line {@code csv} holds (its field count already checked). */
    void parse(CsvLine csv) {
        long rawOpen = csv.integer(0, NAMES.get(0));
        long rawClose = csv.integer(6, NAMES.get(6));
        EpochUnit unit = EpochUnit.AUTO.resolve(rawOpen);
        if (EpochUnit.AUTO.resolve(rawClose) != unit) {
            throw csv.error(NAMES.get(6), "close_time " + rawClose + " is not in the unit of open_time " + rawOpen
                    + " (" + unit + ")");
        }
        try {
            openNanos = unit.toPlausibleNanos(rawOpen);
        } catch (IllegalArgumentException e) {
            throw csv.error(NAMES.get(0), "timestamp " + e.getMessage());
        }
        try {
            endNanos = unit.toPlausibleNanos(rawClose) + unit.toNanos(1);
        } catch (IllegalArgumentException e) {
            throw csv.error(NAMES.get(6), "timestamp " + e.getMessage());
        }
        if (rawClose <= rawOpen) {
            throw csv.error(NAMES.get(6), "close_time " + rawClose + " is not after open_time " + rawOpen);
        }
        open = value(csv, 1);
        high = value(csv, 2);
        low = value(csv, 3);
        close = value(csv, 4);
        if (high < low) {
            throw csv.error(NAMES.get(2), "high " + csv.string(2) + " is below low " + csv.string(3));
        }
        if (open < low || open > high) {
            throw csv.error(NAMES.get(1), "open " + csv.string(1) + " is outside [low " + csv.string(3) + ", high "
                    + csv.string(2) + "]");
        }
        if (close < low || close > high) {
            throw csv.error(NAMES.get(4), "close " + csv.string(4) + " is outside [low " + csv.string(3) + ", high "
                    + csv.string(2) + "]");
        }
        volume = csv.quantity(5, NAMES.get(5));
        csv.quantity(7, NAMES.get(7));
        count = csv.integer(8, NAMES.get(8));
        if (count < 0) {
            throw csv.error(NAMES.get(8), "negative count " + count + ": expected >= 0");
        }
        csv.quantity(9, NAMES.get(9));
        csv.quantity(10, NAMES.get(10));
    }

    private double value(CsvLine csv, int col) {
        return signed ? csv.decimal(col, NAMES.get(col)) : csv.price(col, NAMES.get(col));
    }
}
