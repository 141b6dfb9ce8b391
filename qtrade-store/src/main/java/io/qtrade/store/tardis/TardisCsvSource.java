package io.qtrade.store.tardis;

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

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Streams a Tardis.dev CSV dataset file (unzipped; columns as in Tardis' "CSV datasets" documentation, found by name
 * from the header line) as market events.
 *
 * <h2>Mapping</h2>
 * <ul>
 *   <li>{@link TardisCsvFile#INCREMENTAL_BOOK_L2}: one {@code DEPTH_UPDATE} per row (side {@code bid}/{@code ask},
 *       {@code amount} the absolute new quantity, 0 removes). Consecutive {@code is_snapshot=true} rows are a snapshot:
 *       a switch from {@code false} (or the start) to {@code true} opens it with {@code SNAPSHOT_BEGIN} (the book is
 *       discarded, as Tardis documents: snapshots come at the start of the day and again in mid-day after each
 *       reconnection of Tardis's recorder; a snapshot row whose {@code timestamp} or {@code local_timestamp} differs
 *       from the snapshot row before it starts a new snapshot), its rows carry {@link EventFlags#SNAPSHOT}, and the first non-snapshot row
 *       (or the end of the file) closes it with {@code SNAPSHOT_END}. Consecutive incremental rows with the same
 *       symbol, {@code timestamp} and {@code local_timestamp} came in one message: the last carries
 *       {@link EventFlags#END_OF_MESSAGE} (one row of look-ahead).</li>
 *   <li>{@link TardisCsvFile#TRADES}: one {@code TRADE}; {@code side} is the taker's ({@code buy}, {@code sell}, or
 *       {@code unknown} for no side).</li>
 *   <li>{@link TardisCsvFile#BOOK_SNAPSHOT}: the first snapshot of each symbol as {@code SNAPSHOT_BEGIN}, its levels,
 *       {@code SNAPSHOT_END}; every later one as the difference from the previous one: first a {@code DEPTH_UPDATE}
 *       with quantity 0 for each level that left the top N (both sides, so that no update crosses a stale level),
 *       then one per new level or changed quantity, the last flagged {@code END_OF_MESSAGE}. An unchanged snapshot
 *       gives no rows. Replaying the rows gives, after each snapshot, a book equal to that snapshot's N levels.</li>
 *   <li>{@link TardisCsvFile#QUOTES}: two {@code BBO} rows, bid then ask; an empty side (blank price and amount) is a
 *       {@code BOOK_CLEAR} of that side instead.</li>
 *   <li>{@link TardisCsvFile#DERIVATIVE_TICKER}: per line, in this order, a {@code MARK_PRICE} row
 *       ({@code mark_price}), an {@code INDEX_PRICE} row ({@code index_price}) and a {@code FUNDING_RATE} row
 *       ({@code price} = {@code funding_rate}, the rate that applies at the next funding, a fraction;
 *       {@code orderId} = {@code funding_timestamp} in ns), each <b>only when its value differs from the last one
 *       emitted for that symbol</b> (a funding row when the rate or the funding time changed), so that a ticker
 *       repeating the same values every second adds nothing; the last row of a line carries
 *       {@link EventFlags#END_OF_MESSAGE}; {@code side} and {@code qty} are 0. A blank field means the exchange did
 *       not send it: no row, and the last value stays the reference. A funding rate with a blank
 *       {@code funding_timestamp} (exchanges that fund continuously, e.g. dYdX) has no funding time to carry: no
 *       row, counted by {@link #fundingRatesWithoutTime()}. {@code predicted_funding_rate} (the rate after the next
 *       one, with no funding time of its own), {@code open_interest} and {@code last_price} are not events and are
 *       not read. Mark and index prices are kept exactly as published, never checked against the tick grid. A line
 *       whose values all repeat the previous ones gives no row.</li>
 * </ul>
 *
 * <h2>Bad input</h2>
 * A header missing a required column, a wrong field count, a symbol not among the instruments, a side other than the
 * documented ones, a non-numeric, NaN or negative amount, a price that is not a positive decimal on the tick grid, an
 * {@code is_snapshot} that is not {@code true}/{@code false}, a snapshot level with only one of price and amount, or
 * {@code local_timestamp} going back beyond the tolerance; in a {@code derivative_ticker} file a mark or index price
 * that is not a positive decimal, a funding rate with {@code |rate| >= 1} (not a fraction per interval), a funding
 * timestamp outside 1970..2200 or equal to 0: an {@link ImportException} naming file, line and column, or in lenient mode a
 * counted, logged skip.
 */
public final class TardisCsvSource extends StagedEventSource {

    private static final EpochUnit UNIT = EpochUnit.MICROS;

    private final TardisCsvFile kind;
    private final List<Instrument> instruments;
    private final String file;
    private final ImportOptions options;
    private final LineReader reader;
    private final CsvLine csv;
    private final SkipCounter skips;
    private final TimeOrder timeOrder;
    private int columns;
    private String expectedFields;
    private int symbolCol = -1;
    private int timestampCol = -1;
    private int localCol = -1;
    private int isSnapshotCol = -1;
    private int sideCol = -1;
    private int priceCol = -1;
    private int amountCol = -1;
    private int askPriceCol = -1;
    private int askAmountCol = -1;
    private int bidPriceCol = -1;
    private int bidAmountCol = -1;
    private int fundingTsCol = -1;
    private int fundingRateCol = -1;
    private int markCol = -1;
    private int indexCol = -1;
    // derivative_ticker: the last value emitted per instrument
    private final double[] lastMark;
    private final double[] lastIndex;
    private final double[] lastRate;
    private final long[] lastFundingTs;
    private long fundingWithoutTime;
    private int depth;
    private int[] levelCols;
    private boolean headerRead;
    private boolean eof;
    // incremental_book_L2: snapshot state per instrument and the one pending row
    private final boolean[] inSnapshot;
    private boolean pending;
    private int pInstrument;
    private long pExchTs;
    private long pLocalTs;
    private byte pSide;
    private double pPrice;
    private double pQty;
    private int pFlags;
    // book_snapshot_N: previous and current levels per instrument, prices in ticks
    private long[][] prevTicks;
    private double[][] prevQty;
    private int[][] prevCount;
    private long[][] curTicks;
    private double[][] curQty;
    private final int[] curCount = new int[2];
    private boolean[] seenSnapshot;

    private TardisCsvSource(TardisCsvFile kind, Path path, List<Instrument> instruments, ImportOptions options) {
        super(instruments, options.stagingRows());
        this.kind = Objects.requireNonNull(kind, "kind");
        this.instruments = List.copyOf(instruments);
        this.file = path.toString();
        this.options = options;
        this.csv = new CsvLine(file);
        this.skips = new SkipCounter(options.lenient());
        this.timeOrder = new TimeOrder(options.backwardsToleranceNanos());
        this.inSnapshot = new boolean[instruments.size()];
        this.lastMark = new double[instruments.size()];
        this.lastIndex = new double[instruments.size()];
        this.lastRate = new double[instruments.size()];
        this.lastFundingTs = new long[instruments.size()];
        java.util.Arrays.fill(lastMark, Double.NaN);
        java.util.Arrays.fill(lastIndex, Double.NaN);
        java.util.Arrays.fill(lastRate, Double.NaN);
        this.reader = new LineReader(path);
    }

    /**
     * Opens a Tardis CSV file.
     *
     * @param kind        which data type it holds
     * @param path        the unzipped CSV file
     * @param instruments the instruments, matched to the {@code symbol} column by {@link Instrument#symbol()}
     * @param options     strict or lenient, time tolerance, staging size
     */
    public static TardisCsvSource open(TardisCsvFile kind, Path path, List<Instrument> instruments,
                                       ImportOptions options) {
        return new TardisCsvSource(kind, path, instruments, options);
    }

    /** Opens a Tardis CSV file of one instrument. */
    public static TardisCsvSource open(TardisCsvFile kind, Path path, Instrument instrument, ImportOptions options) {
        return new TardisCsvSource(kind, path, List.of(instrument), options);
    }

    /** Lines skipped in lenient mode per reason (field and problem, numbers blanked), in the order first seen. */
    public java.util.Map<String, Long> skipReasons() {
        return skips.reasons();
    }

    /** Lines skipped as bad input in lenient mode. */
    public long skipped() {
        return skips.skipped();
    }

    /**
     * {@code derivative_ticker} lines with a funding rate but a blank {@code funding_timestamp}: no funding row was
     * made for them (it has no funding time to carry). 0 for other files.
     */
    public long fundingRatesWithoutTime() {
        return fundingWithoutTime;
    }

    @Override
    protected boolean fill(EventBatch staging) {
        if (eof) {
            return false;
        }
        int room = kind == TardisCsvFile.BOOK_SNAPSHOT ? 4 * depth + 4 : 4;
        String line = null;
        while (staging.capacity() - staging.size() >= room && (line = reader.next()) != null) {
            long number = reader.lineNumber();
            try {
                csv.reset(line, number);
                if (!headerRead) {
                    readHeader();
                    room = kind == TardisCsvFile.BOOK_SNAPSHOT ? 4 * depth + 4 : 4;
                    if (staging.capacity() < Math.max(room, 1 + inSnapshot.length)) {
                        throw new IllegalArgumentException("stagingRows " + staging.capacity() + " cannot hold one "
                                + "message of this file: at least " + Math.max(room, 1 + inSnapshot.length)
                                + " rows are needed");
                    }
                    continue;
                }
                csv.requireFields(columns, columns, expectedFields);
                parseRow(staging);
            } catch (ImportException e) {
                skips.skipOrThrow(e);
            }
        }
        if (line != null) {
            return true; // staging is full enough: come back for more
        }
        if (!headerRead) {
            throw ImportException.atLine(file, 1, null, "empty file: expected a Tardis " + kind + " header line");
        }
        if (kind == TardisCsvFile.INCREMENTAL_BOOK_L2 && staging.capacity() - staging.size() < 1 + inSnapshot.length) {
            return true; // the tail goes into the next, empty, staging batch
        }
        eof = true;
        if (kind == TardisCsvFile.INCREMENTAL_BOOK_L2) {
            flushPending(staging, true);
            for (int i = 0; i < inSnapshot.length; i++) {
                if (inSnapshot[i]) {
                    inSnapshot[i] = false;
                    staging.add(i, pExchTs, pLocalTs, EventKind.SNAPSHOT_END, Side.NO_SIDE_CODE, 0.0, 0.0,
                            EventBatch.NO_ORDER_ID, EventFlags.SNAPSHOT | EventFlags.END_OF_MESSAGE);
                }
            }
        }
        return staging.size() > 0;
    }

    private void readHeader() {
        columns = csv.fields();
        expectedFields = columns + " as in the header";
        for (int i = 0; i < columns; i++) {
            String name = csv.string(i);
            switch (name) {
                case "symbol" -> symbolCol = i;
                case "timestamp" -> timestampCol = i;
                case "local_timestamp" -> localCol = i;
                case "is_snapshot" -> isSnapshotCol = i;
                case "side" -> sideCol = i;
                case "price" -> priceCol = i;
                case "amount" -> amountCol = i;
                case "ask_price" -> askPriceCol = i;
                case "ask_amount" -> askAmountCol = i;
                case "bid_price" -> bidPriceCol = i;
                case "bid_amount" -> bidAmountCol = i;
                case "funding_timestamp" -> fundingTsCol = i;
                case "funding_rate" -> fundingRateCol = i;
                case "mark_price" -> markCol = i;
                case "index_price" -> indexCol = i;
                default -> {
                    // exchange, id and the snapshot level columns are found below or not needed
                }
            }
        }
        require(symbolCol, "symbol");
        require(timestampCol, "timestamp");
        require(localCol, "local_timestamp");
        switch (kind) {
            case INCREMENTAL_BOOK_L2 -> {
                require(isSnapshotCol, "is_snapshot");
                require(sideCol, "side");
                require(priceCol, "price");
                require(amountCol, "amount");
            }
            case TRADES -> {
                require(sideCol, "side");
                require(priceCol, "price");
                require(amountCol, "amount");
            }
            case QUOTES -> {
                require(askPriceCol, "ask_price");
                require(askAmountCol, "ask_amount");
                require(bidPriceCol, "bid_price");
                require(bidAmountCol, "bid_amount");
            }
            case BOOK_SNAPSHOT -> readSnapshotHeader();
            case DERIVATIVE_TICKER -> {
                require(fundingTsCol, "funding_timestamp");
                require(fundingRateCol, "funding_rate");
                require(markCol, "mark_price");
                require(indexCol, "index_price");
            }
        }
        headerRead = true;
    }

    private void readSnapshotHeader() {
        int n = 0;
        while (indexOf("asks[" + n + "].price") >= 0) {
            n++;
        }
        if (n == 0) {
            throw csv.error(null, "header has no asks[0].price column: not a book_snapshot file");
        }
        depth = n;
        levelCols = new int[4 * n];
        for (int i = 0; i < n; i++) {
            levelCols[4 * i] = need("asks[" + i + "].price");
            levelCols[4 * i + 1] = need("asks[" + i + "].amount");
            levelCols[4 * i + 2] = need("bids[" + i + "].price");
            levelCols[4 * i + 3] = need("bids[" + i + "].amount");
        }
        int m = instruments.size();
        prevTicks = new long[2 * m][n];
        prevQty = new double[2 * m][n];
        prevCount = new int[m][2];
        curTicks = new long[2][n];
        curQty = new double[2][n];
        seenSnapshot = new boolean[m];
    }

    private int indexOf(String name) {
        for (int i = 0; i < columns; i++) {
            if (csv.is(i, name)) {
                return i;
            }
        }
        return -1;
    }

    private int need(String name) {
        int i = indexOf(name);
        require(i, name);
        return i;
    }

    private void require(int col, String name) {
        if (col < 0) {
            throw csv.error(null, "header lacks the column " + name + " of a Tardis " + kind + " file");
        }
    }

    private int instrument() {
        for (int i = 0; i < instruments.size(); i++) {
            if (csv.is(symbolCol, instruments.get(i).symbol())) {
                return i;
            }
        }
        throw csv.error("symbol", "symbol '" + csv.string(symbolCol) + "' is not among the instruments "
                + symbols());
    }

    private String symbols() {
        StringBuilder sb = new StringBuilder();
        for (Instrument i : instruments) {
            sb.append(sb.length() == 0 ? "" : ",").append(i.symbol());
        }
        return sb.toString();
    }

    private long micros(int col, String name) {
        long v = csv.integer(col, name);
        try {
            return UNIT.toPlausibleNanos(v);
        } catch (IllegalArgumentException e) {
            throw csv.error(name, "timestamp " + e.getMessage());
        }
    }

    private double gridPrice(Instrument instrument, int col, String name) {
        double price = csv.price(col, name);
        try {
            instrument.toTicks(price);
        } catch (IllegalArgumentException e) {
            throw csv.error(name, e.getMessage());
        }
        if (!instrument.isOnTickGrid(price)) {
            throw csv.error(name, "price " + csv.string(col) + " is off the tick grid of " + instrument.id()
                    + " (tick size " + instrument.tickSize() + ")");
        }
        return price;
    }

    private void parseRow(EventBatch out) {
        int ins = instrument();
        Instrument instrument = instruments.get(ins);
        long exchTs = micros(timestampCol, "timestamp");
        long localTs = micros(localCol, "local_timestamp");
        String problem = timeOrder.check(localTs);
        if (problem != null) {
            throw csv.error("local_timestamp", problem);
        }
        switch (kind) {
            case INCREMENTAL_BOOK_L2 -> incremental(out, ins, instrument, exchTs, localTs);
            case TRADES -> {
                byte side;
                if (csv.is(sideCol, "buy")) {
                    side = Side.BUY.code();
                } else if (csv.is(sideCol, "sell")) {
                    side = Side.SELL.code();
                } else if (csv.is(sideCol, "unknown")) {
                    side = Side.NO_SIDE_CODE;
                } else {
                    throw csv.error("side", "unknown trade side '" + csv.string(sideCol)
                            + "': expected buy, sell or unknown");
                }
                double price = gridPrice(instrument, priceCol, "price");
                double qty = csv.quantity(amountCol, "amount");
                if (qty == 0) {
                    throw csv.error("amount", "trade amount 0: expected > 0");
                }
                timeOrder.accept(localTs);
                out.add(ins, exchTs, localTs, EventKind.TRADE, side, price, qty, EventBatch.NO_ORDER_ID,
                        EventFlags.END_OF_MESSAGE);
            }
            case QUOTES -> quotes(out, ins, instrument, exchTs, localTs);
            case BOOK_SNAPSHOT -> snapshot(out, ins, instrument, exchTs, localTs);
            case DERIVATIVE_TICKER -> derivativeTicker(out, ins, exchTs, localTs);
        }
    }

    private void derivativeTicker(EventBatch out, int ins, long exchTs, long localTs) {
        // Parse the whole line before writing anything.
        double mark = csv.isEmpty(markCol) ? Double.NaN : csv.price(markCol, "mark_price");
        double index = csv.isEmpty(indexCol) ? Double.NaN : csv.price(indexCol, "index_price");
        double rate = Double.NaN;
        if (!csv.isEmpty(fundingRateCol)) {
            rate = csv.decimal(fundingRateCol, "funding_rate");
            if (!(Math.abs(rate) < 1.0)) {
                throw csv.error("funding_rate", "rate " + csv.string(fundingRateCol) + " is not a fraction per"
                        + " interval (0.0001 = 0.01 %): expected |rate| < 1");
            }
        }
        long fundingTs = csv.isEmpty(fundingTsCol) ? Long.MIN_VALUE : micros(fundingTsCol, "funding_timestamp");
        if (fundingTs == 0) {
            throw csv.error("funding_timestamp", "funding_timestamp 0 (1970-01-01T00:00Z) is not a funding time");
        }
        timeOrder.accept(localTs);
        boolean markRow = !Double.isNaN(mark) && mark != lastMark[ins];
        boolean indexRow = !Double.isNaN(index) && index != lastIndex[ins];
        boolean fundingRow = false;
        if (!Double.isNaN(rate)) {
            if (fundingTs == Long.MIN_VALUE) {
                fundingWithoutTime++;
            } else {
                fundingRow = rate != lastRate[ins] || fundingTs != lastFundingTs[ins];
            }
        }
        if (markRow) {
            lastMark[ins] = mark;
            out.add(ins, exchTs, localTs, EventKind.MARK_PRICE, Side.NO_SIDE_CODE, mark, 0.0, EventBatch.NO_ORDER_ID,
                    indexRow || fundingRow ? EventFlags.NONE : EventFlags.END_OF_MESSAGE);
        }
        if (indexRow) {
            lastIndex[ins] = index;
            out.add(ins, exchTs, localTs, EventKind.INDEX_PRICE, Side.NO_SIDE_CODE, index, 0.0,
                    EventBatch.NO_ORDER_ID, fundingRow ? EventFlags.NONE : EventFlags.END_OF_MESSAGE);
        }
        if (fundingRow) {
            lastRate[ins] = rate;
            lastFundingTs[ins] = fundingTs;
            out.add(ins, exchTs, localTs, EventKind.FUNDING_RATE, Side.NO_SIDE_CODE, rate, 0.0, fundingTs,
                    EventFlags.END_OF_MESSAGE);
        }
    }

    private void incremental(EventBatch out, int ins, Instrument instrument, long exchTs, long localTs) {
        boolean snapshotRow = csv.bool(isSnapshotCol, "is_snapshot");
        byte side;
        if (csv.is(sideCol, "bid")) {
            side = Side.BUY.code();
        } else if (csv.is(sideCol, "ask")) {
            side = Side.SELL.code();
        } else {
            throw csv.error("side", "unknown book side '" + csv.string(sideCol) + "': expected bid or ask");
        }
        double price = gridPrice(instrument, priceCol, "price");
        double qty = csv.quantity(amountCol, "amount");
        timeOrder.accept(localTs);
        boolean sameMessage = pending && pInstrument == ins && pExchTs == exchTs && pLocalTs == localTs
                && EventFlags.has(pFlags, EventFlags.SNAPSHOT) == snapshotRow;
        flushPending(out, !sameMessage);
        if (snapshotRow && inSnapshot[ins] && pInstrument == ins && (pLocalTs != localTs || pExchTs != exchTs)) {
            // a snapshot block straight after another (a reconnect before any update): the first one ends here and
            // the new one replaces the book, rather than both being read as one snapshot
            out.add(ins, pExchTs, pLocalTs, EventKind.SNAPSHOT_END, Side.NO_SIDE_CODE, 0.0, 0.0,
                    EventBatch.NO_ORDER_ID, EventFlags.SNAPSHOT | EventFlags.END_OF_MESSAGE);
            inSnapshot[ins] = false;
        }
        if (snapshotRow && !inSnapshot[ins]) {
            inSnapshot[ins] = true;
            out.add(ins, exchTs, localTs, EventKind.SNAPSHOT_BEGIN, Side.NO_SIDE_CODE, 0.0, 0.0,
                    EventBatch.NO_ORDER_ID, EventFlags.SNAPSHOT);
        } else if (!snapshotRow && inSnapshot[ins]) {
            inSnapshot[ins] = false;
            out.add(ins, pExchTs, pLocalTs, EventKind.SNAPSHOT_END, Side.NO_SIDE_CODE, 0.0, 0.0,
                    EventBatch.NO_ORDER_ID, EventFlags.SNAPSHOT | EventFlags.END_OF_MESSAGE);
        }
        pending = true;
        pInstrument = ins;
        pExchTs = exchTs;
        pLocalTs = localTs;
        pSide = side;
        pPrice = price;
        pQty = qty;
        pFlags = snapshotRow ? EventFlags.SNAPSHOT : EventFlags.NONE;
    }

    /** Writes the pending row; a snapshot row never ends a message (its SNAPSHOT_END does). */
    private void flushPending(EventBatch out, boolean endOfMessage) {
        if (!pending) {
            return;
        }
        int flags = pFlags;
        if (endOfMessage && flags == EventFlags.NONE) {
            flags = EventFlags.END_OF_MESSAGE;
        }
        out.add(pInstrument, pExchTs, pLocalTs, EventKind.DEPTH_UPDATE, pSide, pPrice, pQty, EventBatch.NO_ORDER_ID,
                flags);
        pending = false;
    }

    private void quotes(EventBatch out, int ins, Instrument instrument, long exchTs, long localTs) {
        boolean noBid = csv.isEmpty(bidPriceCol) && csv.isEmpty(bidAmountCol);
        boolean noAsk = csv.isEmpty(askPriceCol) && csv.isEmpty(askAmountCol);
        double bid = noBid ? 0.0 : gridPrice(instrument, bidPriceCol, "bid_price");
        double bidQty = noBid ? 0.0 : csv.quantity(bidAmountCol, "bid_amount");
        double ask = noAsk ? 0.0 : gridPrice(instrument, askPriceCol, "ask_price");
        double askQty = noAsk ? 0.0 : csv.quantity(askAmountCol, "ask_amount");
        timeOrder.accept(localTs);
        quoteRow(out, ins, exchTs, localTs, Side.BUY, noBid, bid, bidQty, EventFlags.NONE);
        quoteRow(out, ins, exchTs, localTs, Side.SELL, noAsk, ask, askQty, EventFlags.END_OF_MESSAGE);
    }

    private static void quoteRow(EventBatch out, int ins, long exchTs, long localTs, Side side, boolean empty,
                                 double price, double qty, int flags) {
        if (empty) {
            out.add(ins, exchTs, localTs, EventKind.BOOK_CLEAR, side.code(), 0.0, 0.0, EventBatch.NO_ORDER_ID, flags);
        } else {
            out.add(ins, exchTs, localTs, EventKind.BBO, side.code(), price, qty, EventBatch.NO_ORDER_ID, flags);
        }
    }

    private void snapshot(EventBatch out, int ins, Instrument instrument, long exchTs, long localTs) {
        // Parse the whole row before writing anything.
        for (int s = 0; s < 2; s++) {
            curCount[s] = 0;
            for (int level = 0; level < depth; level++) {
                int pc = levelCols[4 * level + 2 * s];
                int qc = levelCols[4 * level + 2 * s + 1];
                String side = s == 0 ? "asks[" : "bids[";
                if (csv.isEmpty(pc) && csv.isEmpty(qc)) {
                    continue;
                }
                if (csv.isEmpty(pc) || csv.isEmpty(qc)) {
                    throw csv.error(side + level + "]", "a level needs both price and amount, one is blank");
                }
                double price = gridPrice(instrument, pc, side + level + "].price");
                double qty = csv.quantity(qc, side + level + "].amount");
                curTicks[s][curCount[s]] = instrument.toTicks(price);
                curQty[s][curCount[s]++] = qty;
            }
        }
        timeOrder.accept(localTs);
        if (!seenSnapshot[ins]) {
            seenSnapshot[ins] = true;
            out.add(ins, exchTs, localTs, EventKind.SNAPSHOT_BEGIN, Side.NO_SIDE_CODE, 0.0, 0.0,
                    EventBatch.NO_ORDER_ID, EventFlags.SNAPSHOT);
            for (int s = 0; s < 2; s++) {
                byte code = s == 0 ? Side.SELL.code() : Side.BUY.code();
                for (int i = 0; i < curCount[s]; i++) {
                    out.add(ins, exchTs, localTs, EventKind.DEPTH_UPDATE, code, instrument.toPrice(curTicks[s][i]),
                            curQty[s][i], EventBatch.NO_ORDER_ID, EventFlags.SNAPSHOT);
                }
            }
            out.add(ins, exchTs, localTs, EventKind.SNAPSHOT_END, Side.NO_SIDE_CODE, 0.0, 0.0,
                    EventBatch.NO_ORDER_ID, EventFlags.SNAPSHOT | EventFlags.END_OF_MESSAGE);
        } else {
            int rows = difference(null, ins, instrument, exchTs, localTs, 0);
            difference(out, ins, instrument, exchTs, localTs, rows);
        }
        for (int s = 0; s < 2; s++) {
            System.arraycopy(curTicks[s], 0, prevTicks[2 * ins + s], 0, curCount[s]);
            System.arraycopy(curQty[s], 0, prevQty[2 * ins + s], 0, curCount[s]);
            prevCount[ins][s] = curCount[s];
        }
    }

    /**
     * The rows that turn the previous snapshot of {@code ins} into the current one: removals on both sides first
     * (so no update crosses a stale level), then new levels and changed quantities. With {@code out == null} only
     * counts them; otherwise writes them, flagging row number {@code total} as the end of the message.
     */
    private int difference(EventBatch out, int ins, Instrument instrument, long exchTs, long localTs, int total) {
        int rows = 0;
        for (int s = 0; s < 2; s++) {
            long[] prev = prevTicks[2 * ins + s];
            byte code = s == 0 ? Side.SELL.code() : Side.BUY.code();
            for (int i = 0; i < prevCount[ins][s]; i++) {
                if (find(curTicks[s], curCount[s], prev[i]) < 0) {
                    rows++;
                    if (out != null) {
                        out.add(ins, exchTs, localTs, EventKind.DEPTH_UPDATE, code, instrument.toPrice(prev[i]), 0.0,
                                EventBatch.NO_ORDER_ID, rows == total ? EventFlags.END_OF_MESSAGE : EventFlags.NONE);
                    }
                }
            }
        }
        for (int s = 0; s < 2; s++) {
            long[] prev = prevTicks[2 * ins + s];
            double[] pq = prevQty[2 * ins + s];
            byte code = s == 0 ? Side.SELL.code() : Side.BUY.code();
            for (int i = 0; i < curCount[s]; i++) {
                int j = find(prev, prevCount[ins][s], curTicks[s][i]);
                if (j < 0 || pq[j] != curQty[s][i]) {
                    rows++;
                    if (out != null) {
                        out.add(ins, exchTs, localTs, EventKind.DEPTH_UPDATE, code,
                                instrument.toPrice(curTicks[s][i]), curQty[s][i], EventBatch.NO_ORDER_ID,
                                rows == total ? EventFlags.END_OF_MESSAGE : EventFlags.NONE);
                    }
                }
            }
        }
        return rows;
    }

    private static int find(long[] ticks, int count, long key) {
        for (int i = 0; i < count; i++) {
            if (ticks[i] == key) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() {
        reader.close();
    }

    @Override
    public String toString() {
        return "TardisCsvSource[" + kind + ", " + file + ", instruments=" + symbols() + ", options=" + options
                + ", skipped=" + skips.skipped() + "]";
    }
}
