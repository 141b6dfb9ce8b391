package io.qtrade.store.binance;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventFlags;
import io.qtrade.core.market.EventKind;
import io.qtrade.store.bars.BinanceKlines;
import io.qtrade.store.ingest.CsvLine;
import io.qtrade.store.ingest.EpochUnit;
import io.qtrade.store.ingest.ImportException;
import io.qtrade.store.ingest.ImportOptions;
import io.qtrade.store.ingest.LineReader;
import io.qtrade.store.ingest.SkipCounter;
import io.qtrade.store.ingest.StagedEventSource;
import io.qtrade.store.ingest.TimeOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Streams a Binance USD-M or COIN-M public-data file about a perpetual or future ({@link BinanceDerivativeFile}:
 * {@code fundingRate}, {@code markPriceKlines}, {@code indexPriceKlines}) as {@link EventKind#FUNDING_RATE},
 * {@link EventKind#MARK_PRICE} or {@link EventKind#INDEX_PRICE} rows, and reads {@code premiumIndexKlines} as a bar
 * series ({@link #premiumIndexBars}).
 *
 * <h2>Mapping</h2>
 * <ul>
 *   <li>{@code fundingRate} ({@code calc_time, funding_interval_hours, last_funding_rate}): one
 *       {@code FUNDING_RATE} row per line, {@code price} = {@code last_funding_rate} (the rate settled, a fraction per
 *       funding interval: {@code 0.0001} = 0.01 %, positive: longs pay shorts), {@code orderId} = {@code exchTs} =
 *       {@code calc_time} in ns. Binance stamps {@code calc_time} at the settlement, a few milliseconds after the
 *       funding time ({@code 1629792000004} = 08:00:00.004 UTC): the time is kept as published, never rounded.
 *       {@code funding_interval_hours} is checked (an integer in 1..24) and reported by
 *       {@link #fundingIntervalsHours()}; the event model has no column for it.</li>
 *   <li>{@code markPriceKlines}, {@code indexPriceKlines}: one {@code MARK_PRICE} / {@code INDEX_PRICE} row per
 *       kline, {@code price} = the kline's {@code close}, at {@code exchTs = close_time + 1 unit} (1 ms, or 1 µs
 *       in a microsecond file): the end of the kline, the first instant its close is known, which is also the next
 *       kline's {@code open_time}. Open, high and low are checked, not emitted: a strategy replaying the rows sees
 *       the mark price of each interval when the interval is over, never before. Mark and index prices carry more
 *       decimals than the contract's tick size and are kept exactly: they are never checked against or snapped to
 *       the tick grid.</li>
 *   <li>{@code premiumIndexKlines}: no event kind describes the premium index (a signed fraction, the input to the
 *       funding rate), so {@link #premiumIndexBars} reads it as bars of the premium: start {@code open_time}, end
 *       {@code close_time + 1 unit}, open/high/low/close as published (negative values allowed), volume as
 *       published (0), no VWAP, no trade count ({@code count} is the number of premium samples, not trades).</li>
 * </ul>
 * Every row carries {@code side} 0, {@code qty} 0 and {@link EventFlags#END_OF_MESSAGE}.
 *
 * <h2>Time</h2>
 * {@link EpochUnit#AUTO}: milliseconds, or microseconds (Binance moved its spot files to microseconds in 2025; a
 * futures file in microseconds is read the same way). No file here carries a local receive time: the importer logs
 * that once and sets {@code localTs = exchTs + options.assumedFeedLatencyNanos()}. Klines must follow each other:
 * an {@code open_time} not after the previous kline's (a duplicate or an out-of-order kline) is bad input whatever
 * the time tolerance; funding lines may step back only within {@link ImportOptions#backwardsToleranceNanos()}.
 *
 * <h2>Header</h2>
 * A first line whose first character is not a digit is a header and must name the file's columns; any other first
 * line is data (files before 2022 have no header).
 *
 * <h2>Bad input</h2>
 * A wrong column count, a non-numeric field, a timestamp outside 1970..2200 or of mixed units, a funding time of 0
 * (the epoch itself: the store refuses it too), a funding interval
 * outside 1..24 hours, a funding rate with {@code |rate| >= 1} (100 % per interval: a percentage or a wrong column,
 * not a rate), a non-positive mark or index price, {@code low <= open, close <= high} broken, a negative volume or
 * count, a header naming other columns, time going back: an {@link ImportException} naming file, line and column,
 * or in lenient mode a counted, logged skip.
 */
public final class BinanceDerivativeCsvSource extends StagedEventSource {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceDerivativeCsvSource.class);

    private final BinanceDerivativeFile kind;
    private final Instrument instrument;
    private final ImportOptions options;
    private final String file;
    private final LineReader reader;
    private final CsvLine csv;
    private final SkipCounter skips;
    private final TimeOrder timeOrder;
    private final KlineLine kline = new KlineLine(false);
    private final String expectedFields;
    private long lastOpenNanos = Long.MIN_VALUE;
    private int intervalsSeen;
    private long rows;

    private BinanceDerivativeCsvSource(BinanceDerivativeFile kind, Path path, Instrument instrument,
                                       ImportOptions options) {
        super(List.of(instrument), options.stagingRows());
        this.kind = Objects.requireNonNull(kind, "kind");
        if (kind.eventKind() == null) {
            throw new IllegalArgumentException(kind + " is not read as events (no event kind describes the premium"
                    + " index): read it with BinanceDerivativeCsvSource.premiumIndexBars");
        }
        this.instrument = instrument;
        this.options = options;
        this.file = path.toString();
        this.csv = new CsvLine(file);
        this.skips = new SkipCounter(options.lenient());
        this.timeOrder = new TimeOrder(options.backwardsToleranceNanos());
        this.expectedFields = kind.columns().size() + " (" + String.join(",", kind.columns()) + ")";
        this.reader = new LineReader(path);
        LOG.info("{}: Binance {} file has no local receive time; assuming localTs = exchTs + {} ns", file, kind,
                options.assumedFeedLatencyNanos());
    }

    /**
     * Opens a Binance derivative public-data file as events.
     *
     * @param kind       {@code FUNDING_RATE}, {@code MARK_PRICE_KLINES} or {@code INDEX_PRICE_KLINES}
     * @param path       the CSV, plain, {@code .gz}, or the {@code .zip} Binance ships
     * @param instrument the perpetual or future (its tick size does not apply to these rows)
     * @param options    strict or lenient, time tolerance, assumed feed latency
     * @throws IllegalArgumentException for {@code PREMIUM_INDEX_KLINES} (read by {@link #premiumIndexBars})
     */
    public static BinanceDerivativeCsvSource open(BinanceDerivativeFile kind, Path path, Instrument instrument,
                                                  ImportOptions options) {
        return new BinanceDerivativeCsvSource(kind, path, instrument, options);
    }

    /** A {@code fundingRate} file: one {@code FUNDING_RATE} row per settlement. */
    public static BinanceDerivativeCsvSource fundingRate(Path path, Instrument instrument, ImportOptions options) {
        return open(BinanceDerivativeFile.FUNDING_RATE, path, instrument, options);
    }

    /** A {@code markPriceKlines} file: one {@code MARK_PRICE} row per kline, its close at its end. */
    public static BinanceDerivativeCsvSource markPriceKlines(Path path, Instrument instrument,
                                                             ImportOptions options) {
        return open(BinanceDerivativeFile.MARK_PRICE_KLINES, path, instrument, options);
    }

    /** An {@code indexPriceKlines} file: one {@code INDEX_PRICE} row per kline, its close at its end. */
    public static BinanceDerivativeCsvSource indexPriceKlines(Path path, Instrument instrument,
                                                              ImportOptions options) {
        return open(BinanceDerivativeFile.INDEX_PRICE_KLINES, path, instrument, options);
    }

    /**
     * Reads a {@code premiumIndexKlines} file (plain, {@code .gz} or {@code .zip}) as bars of the premium index,
     * instrument index 0, with the same checks as the price klines except that values may be negative (finite).
     *
     * @return the bars and the lines skipped in lenient mode
     * @throws ImportException in strict mode, naming file, line and field
     */
    public static BinanceKlines.Result premiumIndexBars(Path path, ImportOptions options) {
        String name = path.toString();
        CsvLine csv = new CsvLine(name);
        SkipCounter skips = new SkipCounter(options.lenient());
        KlineLine k = new KlineLine(true);
        List<String> columns = BinanceDerivativeFile.KLINE_COLUMNS;
        String expected = columns.size() + " (" + String.join(",", columns) + ")";
        List<BarBatch> chunks = new ArrayList<>();
        BarBatch bars = new BarBatch(1024);
        long lastOpen = Long.MIN_VALUE;
        try (LineReader reader = new LineReader(path)) {
            String line;
            while ((line = reader.next()) != null) {
                try {
                    csv.reset(line, reader.lineNumber());
                    if (reader.lineNumber() == 1 && isHeader(line)) {
                        checkHeader(csv, columns, BinanceDerivativeFile.PREMIUM_INDEX_KLINES);
                        continue;
                    }
                    csv.requireFields(columns.size(), columns.size(), expected);
                    k.parse(csv);
                    if (k.openNanos <= lastOpen) {
                        throw csv.error("open_time", "kline opens at " + k.openNanos + " ns, not after the previous"
                                + " kline's open " + lastOpen + " ns (duplicate or out of order)");
                    }
                    lastOpen = k.openNanos;
                    if (bars.size() == bars.capacity()) {
                        chunks.add(bars);
                        bars = new BarBatch(bars.capacity() * 2);
                    }
                    bars.add(0, k.openNanos, k.endNanos, k.open, k.high, k.low, k.close, k.volume, BarBatch.NO_VWAP,
                            BarBatch.NO_TRADE_COUNT);
                } catch (ImportException e) {
                    skips.skipOrThrow(e);
                }
            }
        }
        chunks.add(bars);
        int total = 0;
        for (BarBatch c : chunks) {
            total += c.size();
        }
        BarBatch all = new BarBatch(Math.max(1, total));
        for (BarBatch c : chunks) {
            all.addRange(c, 0, c.size());
        }
        return new BinanceKlines.Result(all, (int) Math.min(Integer.MAX_VALUE, skips.skipped()));
    }

    /** Which file this is. */
    public BinanceDerivativeFile kind() {
        return kind;
    }

    /** Lines skipped in lenient mode per reason (field and problem, numbers blanked), in the order first seen. */
    public Map<String, Long> skipReasons() {
        return skips.reasons();
    }

    /** Lines skipped as bad input in lenient mode. */
    public long skipped() {
        return skips.skipped();
    }

    /** Data lines turned into events. */
    public long rows() {
        return rows;
    }

    /**
     * The distinct {@code funding_interval_hours} read so far from a {@code fundingRate} file, ascending (Binance
     * moves some contracts from 8 to 4 or 1 hour intervals; a month may hold two). Empty for klines.
     */
    public List<Integer> fundingIntervalsHours() {
        List<Integer> hours = new ArrayList<>();
        for (int h = 1; h <= 24; h++) {
            if ((intervalsSeen & (1 << h)) != 0) {
                hours.add(h);
            }
        }
        return hours;
    }

    @Override
    protected boolean fill(EventBatch staging) {
        String line;
        while (staging.size() < staging.capacity() && (line = reader.next()) != null) {
            long number = reader.lineNumber();
            try {
                csv.reset(line, number);
                if (number == 1 && isHeader(line)) {
                    checkHeader(csv, kind.columns(), kind);
                    continue;
                }
                csv.requireFields(kind.columns().size(), kind.columns().size(), expectedFields);
                if (kind == BinanceDerivativeFile.FUNDING_RATE) {
                    funding(staging);
                } else {
                    kline(staging);
                }
                rows++;
            } catch (ImportException e) {
                skips.skipOrThrow(e);
            }
        }
        return staging.size() == staging.capacity();
    }

    private void funding(EventBatch staging) {
        long raw = csv.integer(0, "calc_time");
        long exchTs;
        try {
            exchTs = EpochUnit.AUTO.toPlausibleNanos(raw);
        } catch (IllegalArgumentException e) {
            throw csv.error("calc_time", "timestamp " + e.getMessage());
        }
        if (exchTs == 0) {
            throw csv.error("calc_time", "calc_time 0 (1970-01-01T00:00Z) is not a funding time");
        }
        long hours = csv.integer(1, "funding_interval_hours");
        if (hours < 1 || hours > 24) {
            throw csv.error("funding_interval_hours", "funding interval of " + hours + " hours: expected 1..24");
        }
        double rate = csv.decimal(2, "last_funding_rate");
        if (!(Math.abs(rate) < 1.0)) {
            throw csv.error("last_funding_rate", "rate " + csv.string(2) + " is not a fraction per interval"
                    + " (0.0001 = 0.01 %): expected |rate| < 1");
        }
        String problem = timeOrder.check(exchTs);
        if (problem != null) {
            throw csv.error("calc_time", problem);
        }
        timeOrder.accept(exchTs);
        intervalsSeen |= 1 << hours;
        staging.add(0, exchTs, exchTs + options.assumedFeedLatencyNanos(), EventKind.FUNDING_RATE,
                Side.NO_SIDE_CODE, rate, 0.0, exchTs, EventFlags.END_OF_MESSAGE);
    }

    private void kline(EventBatch staging) {
        kline.parse(csv);
        if (kline.openNanos <= lastOpenNanos) {
            throw csv.error("open_time", "kline opens at " + kline.openNanos + " ns, not after the previous kline's"
                    + " open " + lastOpenNanos + " ns (duplicate or out of order)");
        }
        String problem = timeOrder.check(kline.endNanos);
        if (problem != null) {
            throw csv.error("close_time", problem);
        }
        timeOrder.accept(kline.endNanos);
        lastOpenNanos = kline.openNanos;
        long exchTs = kline.endNanos;
        staging.add(0, exchTs, exchTs + options.assumedFeedLatencyNanos(), kind.eventKind(), Side.NO_SIDE_CODE,
                kline.close, 0.0, EventBatch.NO_ORDER_ID, EventFlags.END_OF_MESSAGE);
    }

    private static boolean isHeader(String line) {
        return !line.isEmpty() && !Character.isDigit(line.charAt(0));
    }

    private static void checkHeader(CsvLine csv, List<String> expected, BinanceDerivativeFile kind) {
        boolean ok = csv.fields() == expected.size();
        for (int i = 0; ok && i < expected.size(); i++) {
            ok = csv.is(i, expected.get(i));
        }
        if (!ok) {
            throw csv.error(null, "header '" + csv.text() + "' does not name the " + kind + " columns "
                    + String.join(",", expected));
        }
    }

    @Override
    public void close() {
        reader.close();
    }

    @Override
    public String toString() {
        return "BinanceDerivativeCsvSource[" + kind + ", " + file + ", " + instrument.id() + ", options=" + options
                + ", rows=" + rows + ", skipped=" + skips.skipped() + "]";
    }
}
