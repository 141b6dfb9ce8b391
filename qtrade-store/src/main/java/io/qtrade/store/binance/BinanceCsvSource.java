package io.qtrade.store.binance;

import io.qtrade.store.ingest.CsvLine;
import io.qtrade.store.ingest.EpochUnit;
import io.qtrade.store.ingest.ImportException;
import io.qtrade.store.ingest.ImportOptions;
import io.qtrade.store.ingest.LineReader;
import io.qtrade.store.ingest.SkipCounter;
import io.qtrade.store.ingest.StagedEventSource;
import io.qtrade.store.ingest.TimeOrder;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventFlags;
import io.qtrade.core.market.EventKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Streams a Binance public-data CSV ({@link BinanceCsvFile}: {@code trades}, {@code aggTrades}, {@code bookTicker};
 * spot or USD-M futures) as market events.
 *
 * <h2>Mapping</h2>
 * <ul>
 *   <li>{@code trades}, {@code aggTrades}: one {@code TRADE} row, flagged {@link EventFlags#END_OF_MESSAGE}; the
 *       aggressor is {@link Side#SELL} when {@code is_buyer_maker} is true (the buyer's order rested, so the seller
 *       took it) and {@link Side#BUY} otherwise. An aggregate trade's quantity is the sum of its fills.</li>
 *   <li>{@code bookTicker}: two {@code BBO} rows, bid then ask (the ask flagged {@code END_OF_MESSAGE}).</li>
 * </ul>
 *
 * <h2>Time</h2>
 * Binance writes epoch milliseconds, UTC; spot files from 2025-01-01 write microseconds. The unit is
 * {@link EpochUnit#AUTO} by default (decided per value by magnitude) or fixed by the caller. {@code exchTs} is
 * {@code time} / {@code transact_time} / {@code transaction_time}. These files carry no local receive time: the
 * importer logs that once and sets {@code localTs = exchTs + options.assumedFeedLatencyNanos()}.
 *
 * <h2>Header</h2>
 * A first line whose first field is not an integer is a header and must name the file's columns; any other first line
 * is data. A spot line may carry one more column, {@code is_best_match}, which is read and ignored.
 *
 * <h2>Bad input</h2>
 * A wrong column count, a non-numeric, NaN, negative (quantity) or non-positive (price) field, a price off the
 * instrument's tick grid, a boolean that is not {@code true}/{@code false}, a header naming other columns, or time
 * going back beyond {@link ImportOptions#backwardsToleranceNanos()}: an {@link ImportException} naming file, line
 * and column, or in lenient mode a counted, logged skip.
 */
public final class BinanceCsvSource extends StagedEventSource {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceCsvSource.class);

    private final BinanceCsvFile kind;
    private final Instrument instrument;
    private final EpochUnit unit;
    private final ImportOptions options;
    private final String file;
    private final LineReader reader;
    private final CsvLine csv;
    private final SkipCounter skips;
    private final TimeOrder timeOrder;
    private final String expectedFields;
    private long rows;

    private BinanceCsvSource(BinanceCsvFile kind, Path path, Instrument instrument, EpochUnit unit,
                             ImportOptions options) {
        super(List.of(instrument), options.stagingRows());
        this.kind = Objects.requireNonNull(kind, "kind");
        this.instrument = instrument;
        this.unit = Objects.requireNonNull(unit, "unit");
        this.options = options;
        this.file = path.toString();
        this.csv = new CsvLine(file);
        this.skips = new SkipCounter(options.lenient());
        this.timeOrder = new TimeOrder(options.backwardsToleranceNanos());
        int n = kind.columns().size();
        this.expectedFields = kind.hasBestMatchColumn()
                ? n + " or " + (n + 1) + " (" + String.join(",", kind.columns()) + "[,is_best_match])"
                : n + " (" + String.join(",", kind.columns()) + ")";
        this.reader = new LineReader(path);
        LOG.info("{}: Binance {} file has no local receive time; assuming localTs = exchTs + {} ns", file, kind,
                options.assumedFeedLatencyNanos());
    }

    /**
     * Opens a Binance public-data CSV.
     *
     * @param kind       which file it is
     * @param path       the CSV file (unzipped)
     * @param instrument the instrument (tick size from the caller)
     * @param unit       the timestamp unit, {@link EpochUnit#AUTO} to detect milliseconds or microseconds
     * @param options    strict or lenient, time tolerance, assumed feed latency
     */
    public static BinanceCsvSource open(BinanceCsvFile kind, Path path, Instrument instrument, EpochUnit unit,
                                        ImportOptions options) {
        return new BinanceCsvSource(kind, path, instrument, unit, options);
    }

    /** A {@code trades} file, timestamps in milliseconds or microseconds (detected). */
    public static BinanceCsvSource trades(Path path, Instrument instrument, ImportOptions options) {
        return open(BinanceCsvFile.TRADES, path, instrument, EpochUnit.AUTO, options);
    }

    /** An {@code aggTrades} file, timestamps in milliseconds or microseconds (detected). */
    public static BinanceCsvSource aggTrades(Path path, Instrument instrument, ImportOptions options) {
        return open(BinanceCsvFile.AGG_TRADES, path, instrument, EpochUnit.AUTO, options);
    }

    /** A {@code bookTicker} file, timestamps in milliseconds or microseconds (detected). */
    public static BinanceCsvSource bookTicker(Path path, Instrument instrument, ImportOptions options) {
        return open(BinanceCsvFile.BOOK_TICKER, path, instrument, EpochUnit.AUTO, options);
    }

    /** Lines skipped in lenient mode per reason (field and problem, numbers blanked), in the order first seen. */
    public java.util.Map<String, Long> skipReasons() {
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

    @Override
    protected boolean fill(EventBatch staging) {
        String line;
        while (staging.capacity() - staging.size() >= 2 && (line = reader.next()) != null) {
            long number = reader.lineNumber();
            try {
                csv.reset(line, number);
                if (number == 1 && !csv.isEmpty(0) && !Character.isDigit(line.charAt(0))) {
                    checkHeader();
                    continue;
                }
                parseAndEmit(staging);
            } catch (ImportException e) {
                skips.skipOrThrow(e);
            }
        }
        return staging.capacity() - staging.size() < 2;
    }

    private void checkHeader() {
        List<String> expected = kind.columns();
        int n = csv.fields();
        boolean ok = n == expected.size() || (kind.hasBestMatchColumn() && n == expected.size() + 1
                && csv.is(n - 1, "is_best_match"));
        for (int i = 0; ok && i < expected.size(); i++) {
            ok = csv.is(i, expected.get(i));
        }
        if (!ok) {
            throw csv.error(null, "header '" + csv.text() + "' does not name the " + kind + " columns "
                    + String.join(",", expected));
        }
    }

    private void parseAndEmit(EventBatch staging) {
        int n = kind.columns().size();
        csv.requireFields(n, kind.hasBestMatchColumn() ? n + 1 : n, expectedFields);
        if (csv.fields() == n + 1) {
            csv.bool(n, "is_best_match");
        }
        List<String> names = kind.columns();
        long raw = csv.integer(kind.timeCol, names.get(kind.timeCol));
        long exchTs;
        try {
            exchTs = unit.toPlausibleNanos(raw);
        } catch (IllegalArgumentException e) {
            throw csv.error(names.get(kind.timeCol), "timestamp " + e.getMessage());
        }
        String problem = timeOrder.check(exchTs);
        if (problem != null) {
            throw csv.error(names.get(kind.timeCol), problem);
        }
        long localTs = exchTs + options.assumedFeedLatencyNanos();
        if (kind == BinanceCsvFile.BOOK_TICKER) {
            double bid = gridPrice(1, names.get(1));
            double bidQty = csv.quantity(2, names.get(2));
            double ask = gridPrice(3, names.get(3));
            double askQty = csv.quantity(4, names.get(4));
            csv.integer(0, names.get(0));
            csv.integer(6, names.get(6));
            timeOrder.accept(exchTs);
            staging.add(0, exchTs, localTs, EventKind.BBO, Side.BUY.code(), bid, bidQty, EventBatch.NO_ORDER_ID,
                    EventFlags.NONE);
            staging.add(0, exchTs, localTs, EventKind.BBO, Side.SELL.code(), ask, askQty, EventBatch.NO_ORDER_ID,
                    EventFlags.END_OF_MESSAGE);
        } else {
            csv.integer(0, names.get(0));
            double price = gridPrice(kind.priceCol, names.get(kind.priceCol));
            double qty = csv.quantity(kind.qtyCol, names.get(kind.qtyCol));
            if (qty == 0) {
                throw csv.error(names.get(kind.qtyCol), "trade quantity 0: expected > 0");
            }
            boolean buyerMaker = csv.bool(kind.buyerMakerCol, names.get(kind.buyerMakerCol));
            if (kind == BinanceCsvFile.AGG_TRADES) {
                long firstId = csv.integer(3, names.get(3));
                long lastId = csv.integer(4, names.get(4));
                if (lastId < firstId) {
                    throw csv.error(names.get(4), "last_trade_id " + lastId + " < first_trade_id " + firstId);
                }
            } else {
                csv.decimal(3, names.get(3));
            }
            timeOrder.accept(exchTs);
            byte aggressor = buyerMaker ? Side.SELL.code() : Side.BUY.code();
            staging.add(0, exchTs, localTs, EventKind.TRADE, aggressor, price, qty, EventBatch.NO_ORDER_ID,
                    EventFlags.END_OF_MESSAGE);
        }
        rows++;
    }

    private double gridPrice(int col, String name) {
        double price = csv.price(col, name);
        if (!instrument.isOnTickGrid(price)) {
            throw csv.error(name, "price " + csv.string(col) + " is off the tick grid of " + instrument.id()
                    + " (tick size " + instrument.tickSize() + ")");
        }
        return price;
    }

    @Override
    public void close() {
        reader.close();
    }

    @Override
    public String toString() {
        return "BinanceCsvSource[" + kind + ", " + file + ", " + instrument.id() + ", unit=" + unit + ", options="
                + options + ", rows=" + rows + ", skipped=" + skips.skipped() + "]";
    }
}
