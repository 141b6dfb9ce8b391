package io.qtrade.store.lobster;

import io.qtrade.store.ingest.CsvLine;
import io.qtrade.store.ingest.Decimals;
import io.qtrade.store.ingest.ImportException;
import io.qtrade.store.ingest.ImportOptions;
import io.qtrade.store.ingest.LineReader;
import io.qtrade.store.ingest.SkipCounter;
import io.qtrade.store.ingest.StagedEventSource;
import io.qtrade.store.ingest.TimeOrder;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.CrossedBookPolicy;
import io.qtrade.core.book.MboBook;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventFlags;
import io.qtrade.core.market.EventKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays a LOBSTER message file as L3 events, checking the reconstructed book against the orderbook file after every
 * message.
 *
 * <h2>Format (LOBSTER "data structure" page and sample-file readme)</h2>
 * Message file {@code TICKER_YYYY-MM-DD_START_END_message_LEVEL.csv}, no header, columns {@code Time} (seconds after
 * midnight, up to nine decimals), {@code Type}, {@code Order ID}, {@code Size} (shares), {@code Price} (dollars times
 * 10,000), {@code Direction} (1 buy limit order, -1 sell limit order). Orderbook file, same name with
 * {@code orderbook}: row {@code k} is the book after message {@code k}, {@code LEVEL} times {@code Ask Price, Ask
 * Size, Bid Price, Bid Size}; an empty level is {@code 9999999999, 0} (ask) or {@code -9999999999, 0} (bid).
 *
 * <h2>Mapping (one message, one row, flagged {@link EventFlags#END_OF_MESSAGE})</h2>
 * <pre>{@code
 * 1 submission          ORDER_ADD      side = Direction, price, qty = Size, orderId
 * 2 partial cancel      ORDER_MODIFY   price, qty = remaining after Size is cancelled (ORDER_CANCEL if none remains)
 * 3 deletion            ORDER_CANCEL   price, qty = Size deleted
 * 4 visible execution   ORDER_EXECUTE  side = resting order's Direction, price, qty = Size
 * 5 hidden execution    TRADE          aggressor = -Direction (LOBSTER gives the hidden order's side; NASDAQ may
 *                                      mask it), no book change
 * 6 cross trade         TRADE          no aggressor side (auction), no book change: the executions it sums are
 *                                      already in the file
 * 7 trading halt        no row: price -1 halt, 0 quoting resumes, 1 trading resumes; counted ({@link #halts()},
 *                                      {@link #quoteResumes()}, {@link #tradeResumes()}) and logged at INFO
 * }</pre>
 *
 * <h2>The book at the start</h2>
 * Orders resting before the file begins are not in the message file. The book before message 1 is the first
 * orderbook row with message 1 undone; it is sent as {@code SNAPSHOT_BEGIN}, one synthetic {@code ORDER_ADD} per
 * level (level by level, ask before bid; ids counting down from {@link #SYNTHETIC_ORDER_ID_BASE}, flagged
 * {@link EventFlags#SNAPSHOT}), {@code SNAPSHOT_END}.
 *
 * <h2>Level truncation: the orderbook file is the truth below the window</h2>
 * A level-{@code N} message file holds only the events that touch the {@code N} visible price levels of a side:
 * orders submitted or cancelled deeper than level {@code N} leave no message, and a level that enters the top
 * {@code N} from below (when a better level empties) arrives with no message either. After each message the rebuilt
 * book is brought to the orderbook row:
 * <ul>
 *   <li>A level that was visible before the message (at or better than the previous row's level {@code N}, or any
 *       level when that row's side had fewer than {@code N}) must already agree with the row: every change to it has
 *       a message. Anything else is a <em>book mismatch</em>.</li>
 *   <li>A level that was below the window before the message takes its quantity from the row: more than the book
 *       holds is a synthetic {@code ORDER_ADD} at the back of the queue; less is withdrawn from the back of the queue
 *       (synthetic orders first, then the file's orders that were out of view at some time, latest first) as
 *       {@code ORDER_MODIFY}/{@code ORDER_CANCEL}. A level the book holds inside the new window that the row does not
 *       show, and that was out of view, is removed the same way. These rows carry {@link EventFlags#INFERRED}.</li>
 *   <li>Levels below the new window are kept as they are: their orders may come back into view and be executed or
 *       cancelled by id.</li>
 *   <li>A cancel or execution of an order never submitted in the file (it rested before the file began, or was
 *       submitted while its level was out of view) takes its size from the synthetic orders at its side and price,
 *       front of the queue first, then from the file's orders there that were out of view at some time (one of them
 *       may have left without a message, which is why the level still holds the unseen order); a type-3 deletion
 *       subtracts its size, it does not remove a whole synthetic level. Every execution is kept.</li>
 * </ul>
 * What the reconstruction cannot know: the queue position of quantity resting before the file or entering from
 * below (put at the back of the queue, behind orders of the file at that price; executions of unseen orders are
 * taken from the front of the synthetic quantity), which orders left a level while it was out of view (the latest
 * are assumed), and the book below level {@code N} (what the rows show is the truth only inside the window; the rows
 * sent below it are the last known state).
 *
 * <h2>Check and bad input</h2>
 * {@link #rowsChecked()} rows are compared; {@link #rowsMatched()} agree (strict mode: all of them, or an
 * {@link ImportException} names the orderbook file, line, side and level, with both values). In lenient mode a
 * mismatch is counted ({@link #bookMismatches()}) and logged, the book is set to the row ({@code INFERRED} rows) and
 * the check goes on. An unknown event type, a non-numeric field, a negative or zero size, an unknown direction, a
 * price off the tick grid, a submission at a price crossing the opposite best price (a LOBSTER submission rests; what
 * executes on arrival shows as executions), a cancel or execution larger than the order, an add of an id already
 * resting, time going back beyond the tolerance: an {@link ImportException} naming the message file, line and column,
 * or in lenient mode a counted, logged skip of the message (the book is still brought to its row).
 *
 * <p>{@code exchTs} = midnight of the file's day in {@code zone} + Time, exactly; {@code localTs = exchTs +
 * assumedFeedLatencyNanos}.
 */
public final class LobsterSource extends StagedEventSource {

    /** Synthetic order ids of the starting book count down from here. */
    public static final long SYNTHETIC_ORDER_ID_BASE = -1_000_000_000L;
    /** NASDAQ's time zone, LOBSTER's default. */
    public static final ZoneId NASDAQ_ZONE = ZoneId.of("America/New_York");

    private static final Logger LOG = LoggerFactory.getLogger(LobsterSource.class);
    private static final Pattern NAME = Pattern.compile(
            "([^_]+)_(\\d{4}-\\d{2}-\\d{2})_(\\d+)_(\\d+)_(message|orderbook)_(\\d+)\\.csv");
    private static final long EMPTY_ASK = 9_999_999_999L;
    private static final long EMPTY_BID = -9_999_999_999L;
    private static final long NO_BOUNDARY = Long.MIN_VALUE;
    private static final String[] COLUMNS = {"Time", "Type", "Order ID", "Size", "Price", "Direction"};
    private static final String MESSAGE_FIELDS = "6 (" + String.join(",", COLUMNS) + ")";

    private final Instrument instrument;
    private final ImportOptions options;
    private final String messageFile;
    private final String bookFile;
    private final LineReader messages;
    private final LineReader books;
    private final CsvLine msg;
    private final CsvLine row;
    private final int levels;
    private final String bookFields;
    private final long midnightNanos;
    private final SkipCounter skips;
    private final TimeOrder timeOrder;
    private final MboBook book;
    private long[] levelTicks;
    private double[] levelQtys;
    private final long[][] rowTicks;
    private final double[][] rowQtys;
    private final int[] rowLevels = new int[2];
    /** Per side index (0 asks, 1 bids): the worst visible price of the previous row, or NO_BOUNDARY. */
    private final long[] boundaryTicks = new long[2];
    private final EventBatch pending;
    private long[] idsAt = new long[64];
    private long[] candidates = new long[64];
    /** Ids of orders of the file whose level was below the visible levels at some time. */
    private final java.util.Set<Long> wasOutOfView = new java.util.HashSet<>();
    private long[] staleTicks = new long[16];
    private double[] staleQtys = new double[16];
    private long nextSyntheticId = SYNTHETIC_ORDER_ID_BASE;
    private boolean started;
    private long bookMismatches;
    private long rowsChecked;
    private long rowsMatched;
    private long levelsReconciled;
    private double inferredAdded;
    private double inferredRemoved;
    private long unseenExecutions;
    private long messagesRead;
    private long halts;
    private long quoteResumes;
    private long tradeResumes;

    // the parsed message
    private long exchTs;
    private int type;
    private long orderId;
    private double size;
    private long priceRaw;
    private double price;
    private Side direction;

    private LobsterSource(Path messagePath, Path orderbookPath, Instrument instrument, LocalDate date, ZoneId zone,
                          int levels, ImportOptions options) {
        super(List.of(instrument), options.stagingRows());
        this.instrument = instrument;
        this.options = options;
        this.messageFile = messagePath.toString();
        this.bookFile = orderbookPath.toString();
        if (levels <= 0) {
            throw new IllegalArgumentException("levels must be positive, was " + levels);
        }
        this.levels = levels;
        this.bookFields = 4 * levels + " (" + levels + " levels of ask price, ask size, bid price, bid size)";
        this.midnightNanos = date.atStartOfDay(zone).toEpochSecond() * 1_000_000_000L;
        this.msg = new CsvLine(messageFile);
        this.row = new CsvLine(bookFile);
        this.skips = new SkipCounter(options.lenient());
        this.timeOrder = new TimeOrder(options.backwardsToleranceNanos());
        this.book = new MboBook(instrument, 4096, CrossedBookPolicy.THROW, 1024);
        this.levelTicks = new long[levels + 1];
        this.levelQtys = new double[levels + 1];
        this.rowTicks = new long[2][levels];
        this.rowQtys = new double[2][levels];
        this.pending = new EventBatch(options.stagingRows());
        this.messages = new LineReader(messagePath);
        this.books = new LineReader(orderbookPath);
        LOG.info("{}: LOBSTER files carry no local receive time; assuming localTs = exchTs + {} ns", messageFile,
                options.assumedFeedLatencyNanos());
    }

    /**
     * Opens a message/orderbook pair named as LOBSTER names them
     * ({@code TICKER_YYYY-MM-DD_START_END_message_LEVEL.csv}): the day and the number of levels come from the name,
     * times are in {@link #NASDAQ_ZONE}.
     *
     * @param messagePath   the message file
     * @param orderbookPath the orderbook file of the same request
     * @param instrument    the instrument (tick size, usually 0.01, from the caller)
     * @param options       strict or lenient, time tolerance, assumed feed latency
     * @throws IllegalArgumentException when a name does not follow LOBSTER's pattern or the two names disagree
     */
    public static LobsterSource open(Path messagePath, Path orderbookPath, Instrument instrument,
                                     ImportOptions options) {
        Matcher m = NAME.matcher(messagePath.getFileName().toString());
        Matcher o = NAME.matcher(orderbookPath.getFileName().toString());
        if (!m.matches() || !m.group(5).equals("message")) {
            throw new IllegalArgumentException("message file name " + messagePath.getFileName()
                    + " does not follow TICKER_YYYY-MM-DD_START_END_message_LEVEL.csv");
        }
        if (!o.matches() || !o.group(5).equals("orderbook")) {
            throw new IllegalArgumentException("orderbook file name " + orderbookPath.getFileName()
                    + " does not follow TICKER_YYYY-MM-DD_START_END_orderbook_LEVEL.csv");
        }
        if (!m.group(1).equals(o.group(1)) || !m.group(2).equals(o.group(2)) || !m.group(6).equals(o.group(6))) {
            throw new IllegalArgumentException("message file " + messagePath.getFileName()
                    + " and orderbook file " + orderbookPath.getFileName() + " are not one request");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(m.group(2));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("date in " + messagePath.getFileName() + " is not a date", e);
        }
        return open(messagePath, orderbookPath, instrument, date, NASDAQ_ZONE, Integer.parseInt(m.group(6)),
                options);
    }

    /** Opens a pair with the day, time zone and number of levels given explicitly. */
    public static LobsterSource open(Path messagePath, Path orderbookPath, Instrument instrument, LocalDate date,
                                     ZoneId zone, int levels, ImportOptions options) {
        return new LobsterSource(messagePath, orderbookPath, instrument, Objects.requireNonNull(date, "date"),
                Objects.requireNonNull(zone, "zone"), levels, options);
    }

    /** The reconstructed book after the messages read so far (read-only view of its levels). */
    public OrderBookView levels() {
        return book.levels();
    }

    /** Messages read, including halts and skipped lines. */
    public long messagesRead() {
        return messagesRead;
    }

    /** Type 7 messages with price -1: trading halted. */
    public long halts() {
        return halts;
    }

    /** Type 7 messages with price 0: quoting resumed. */
    public long quoteResumes() {
        return quoteResumes;
    }

    /** Type 7 messages with price 1: trading resumed. */
    public long tradeResumes() {
        return tradeResumes;
    }

    /**
     * Orderbook rows that disagree with the rebuilt book at a level that was visible before the message (lenient
     * mode: counted, logged, and the book is set to the row, so later rows are checked against it).
     */
    public long bookMismatches() {
        return bookMismatches;
    }

    /** Orderbook rows compared with the rebuilt book (one per message read without a skip). */
    public long rowsChecked() {
        return rowsChecked;
    }

    /**
     * Orderbook rows the rebuilt book equals, level for level, after the quantity entering from below the visible
     * levels was taken from the file; in strict mode every checked row.
     */
    public long rowsMatched() {
        return rowsMatched;
    }

    /**
     * Times a price level entering the visible levels from below held more or less than the book rebuilt from the
     * messages (quantity submitted or cancelled while the level was out of view): the difference was added as a
     * synthetic order or withdrawn, as {@link EventFlags#INFERRED} rows.
     */
    public long levelsReconciled() {
        return levelsReconciled;
    }

    /** Shares added behind the visible levels from the orderbook file (synthetic orders, {@code INFERRED}). */
    public double inferredSharesAdded() {
        return inferredAdded;
    }

    /** Shares withdrawn from levels re-entering the visible levels (cancelled out of view, {@code INFERRED}). */
    public double inferredSharesRemoved() {
        return inferredRemoved;
    }

    /**
     * Executions (type 4) of orders never submitted in the file, applied to the synthetic quantity standing for the
     * orders resting before the file began or entering from below.
     */
    public long executionsOfUnseenOrders() {
        return unseenExecutions;
    }

    /** Lines skipped in lenient mode per reason (field and problem, numbers blanked), in the order first seen. */
    public java.util.Map<String, Long> skipReasons() {
        return skips.reasons();
    }

    /** Lines skipped as bad input in lenient mode. */
    public long skipped() {
        return skips.skipped();
    }

    @Override
    protected boolean fill(EventBatch staging) {
        String line = messages.next();
        String bookLine = books.next();
        if (line == null || bookLine == null) {
            if (line != null || bookLine != null) {
                skips.skipOrThrow(ImportException.atLine(line == null ? bookFile : messageFile,
                        line == null ? books.lineNumber() : messages.lineNumber(), null,
                        "the message and orderbook files have different line counts: "
                                + (line == null ? "message file ended first" : "orderbook file ended first")));
            }
            return false;
        }
        messagesRead++;
        pending.clear();
        rowLevels[0] = -1;
        try {
            msg.reset(line, messages.lineNumber());
            row.reset(bookLine, books.lineNumber());
            parseMessage();
            row.requireFields(4 * levels, 4 * levels, bookFields);
            readRow();
            if (!started) {
                emitStartingBook(staging);
                started = true;
            }
            timeOrder.accept(exchTs);
            emitAndApply(pending);
        } catch (ImportException e) {
            skips.skipOrThrow(e);
            // lenient: the message is skipped; the book is still brought to this row below, if the row parses
            if (!started) {
                return true;
            }
            if (rowLevels[0] < 0) {
                try {
                    row.reset(bookLine, books.lineNumber());
                    row.requireFields(4 * levels, 4 * levels, bookFields);
                    readRow();
                } catch (ImportException bad) {
                    skips.skipOrThrow(bad);
                    return true;
                }
            }
        }
        rowsChecked++;
        try {
            reconcile(pending);
            rowsMatched++;
        } catch (ImportException e) {
            bookMismatches++;
            skips.skipOrThrow(e);
            // lenient: the book has been set to the orderbook row; later rows are checked against it
        }
        flush(pending, staging);
        return true;
    }

    /** Copies the message's rows into {@code out}, the last one flagged {@link EventFlags#END_OF_MESSAGE}. */
    private void flush(EventBatch from, EventBatch out) {
        int n = from.size();
        for (int i = 0; i < n; i++) {
            int flags = from.flags(i) | (i == n - 1 ? EventFlags.END_OF_MESSAGE : 0);
            out.add(0, from.exchTs(i), from.localTs(i), from.kind(i), from.sideCode(i), from.price(i), from.qty(i),
                    from.orderId(i), flags);
        }
    }

    private void parseMessage() {
        msg.requireFields(6, 6, MESSAGE_FIELDS);
        try {
            exchTs = midnightNanos + Decimals.parseSecondsAsNanos(msg.text(), 0, msg.text().indexOf(','));
        } catch (NumberFormatException | ArithmeticException e) {
            throw msg.error("Time", "not seconds after midnight with up to nine decimals: '" + msg.string(0) + "' ("
                    + e.getMessage() + ")");
        }
        String problem = timeOrder.check(exchTs);
        if (problem != null) {
            throw msg.error("Time", problem);
        }
        long t = msg.integer(1, "Type");
        if (t < 1 || t > 7) {
            throw msg.error("Type", "unknown event type " + t + ": expected 1 to 7");
        }
        type = (int) t;
        orderId = msg.integer(2, "Order ID");
        size = msg.quantity(3, "Size");
        priceRaw = msg.integer(4, "Price");
        long dir = msg.integer(5, "Direction");
        if (dir != 1 && dir != -1) {
            throw msg.error("Direction", "direction " + dir + ": expected 1 (buy) or -1 (sell)");
        }
        direction = dir == 1 ? Side.BUY : Side.SELL;
        if (type == 7) {
            if (priceRaw < -1 || priceRaw > 1) {
                throw msg.error("Price", "trading halt indicator " + priceRaw + ": expected -1, 0 or 1");
            }
            return;
        }
        if (size <= 0) {
            throw msg.error("Size", "size " + msg.string(3) + ": expected > 0 shares");
        }
        price = priceRaw / 10_000.0;
        if (!(price > 0) || !instrument.isOnTickGrid(price)) {
            throw msg.error("Price", "price " + priceRaw + " (" + price + " dollars) is not a positive price on the"
                    + " tick grid of " + instrument.id() + " (tick size " + instrument.tickSize() + ")");
        }
        if (type <= 4 && orderId <= 0) {
            throw msg.error("Order ID", "order id " + orderId + ": expected a positive id for event type " + type);
        }
    }

    /** Parses the orderbook row into {@link #rowTicks}/{@link #rowQtys} per side (index 0 asks, 1 bids). */
    private void readRow() {
        rowLevels[0] = -1;
        for (int s = 0; s < 2; s++) {
            int n = 0;
            boolean emptySeen = false;
            for (int level = 0; level < levels; level++) {
                String name = (s == 0 ? "Ask " : "Bid ") + (level + 1);
                long raw = row.integer(4 * level + 2 * s, name.replace(" ", " Price "));
                double qty = row.quantity(4 * level + 2 * s + 1, name.replace(" ", " Size "));
                if (raw == EMPTY_ASK || raw == EMPTY_BID) {
                    emptySeen = true;
                    continue;
                }
                if (emptySeen) {
                    throw row.error(name.replace(" ", " Price "), "a level after an empty level");
                }
                double p = raw / 10_000.0;
                if (!(p > 0) || !instrument.isOnTickGrid(p)) {
                    throw row.error(name.replace(" ", " Price "), "price " + raw + " is not a positive price on the"
                            + " tick grid of " + instrument.id() + " (tick size " + instrument.tickSize() + ")");
                }
                if (!(qty > 0)) {
                    throw row.error(name.replace(" ", " Size "), "size " + qty + " at a non-empty level: expected"
                            + " > 0 shares");
                }
                long ticks = instrument.toTicks(p);
                if (n > 0 && !worse(s, ticks, rowTicks[s][n - 1])) {
                    throw row.error(name.replace(" ", " Price "), "price " + raw + " is not behind level " + n);
                }
                rowTicks[s][n] = ticks;
                rowQtys[s][n++] = qty;
            }
            rowLevels[s] = n;
        }
    }

    /** Whether {@code a} is a worse price than {@code b} on side index {@code s} (0 asks: higher; 1 bids: lower). */
    private static boolean worse(int s, long a, long b) {
        return s == 0 ? a > b : a < b;
    }

    private static Side side(int s) {
        return s == 0 ? Side.SELL : Side.BUY;
    }

    /** The book before message 1: the first orderbook row with message 1 undone, as synthetic orders. */
    private void emitStartingBook(EventBatch out) {
        int n = 0;
        long[] sideTicks = new long[2 * levels + 2];
        double[] qtys = new double[sideTicks.length];
        for (int s = 0; s < 2; s++) {
            for (int level = 0; level < rowLevels[s]; level++) {
                sideTicks[n] = key(side(s), rowTicks[s][level]);
                qtys[n++] = rowQtys[s][level];
            }
        }
        double undo = switch (type) {
            case 1 -> -size;
            case 2, 3, 4 -> size;
            default -> 0.0;
        };
        if (undo != 0.0) {
            long k = key(direction, instrument.toTicks(price));
            int at = -1;
            for (int i = 0; i < n; i++) {
                if (sideTicks[i] == k) {
                    at = i;
                }
            }
            if (at < 0) {
                sideTicks[n] = k;
                qtys[n] = 0;
                at = n++;
            }
            qtys[at] += undo;
            if (qtys[at] < -instrument.lotSize() * 1e-6) {
                throw row.error(null, "the first row does not hold the order that message 1 adds: "
                        + "undoing it leaves " + qtys[at] + " shares at " + price);
            }
        }
        out.add(0, exchTs, exchTs + options.assumedFeedLatencyNanos(), EventKind.SNAPSHOT_BEGIN, Side.NO_SIDE_CODE,
                0.0, 0.0, EventBatch.NO_ORDER_ID, EventFlags.SNAPSHOT);
        book.clear();
        int[] count = new int[2];
        for (int i = 0; i < n; i++) {
            if (qtys[i] <= instrument.lotSize() * 1e-6) {
                continue;
            }
            Side side = sideTicks[i] < 0 ? Side.SELL : Side.BUY;
            long ticks = side == Side.SELL ? -sideTicks[i] - 1 : sideTicks[i] - 1;
            long id = nextSyntheticId--;
            out.add(0, exchTs, exchTs + options.assumedFeedLatencyNanos(), EventKind.ORDER_ADD, side.code(),
                    instrument.toPrice(ticks), qtys[i], id, EventFlags.SNAPSHOT);
            book.add(id, side, ticks, qtys[i]);
            count[side == Side.SELL ? 0 : 1]++;
        }
        // The window before message 1: levels worse than the LEVEL-th known one were out of view.
        for (int s = 0; s < 2; s++) {
            boundaryTicks[s] = count[s] >= levels ? nthLevel(s, levels) : NO_BOUNDARY;
        }
        out.add(0, exchTs, exchTs + options.assumedFeedLatencyNanos(), EventKind.SNAPSHOT_END, Side.NO_SIDE_CODE,
                0.0, 0.0, EventBatch.NO_ORDER_ID, EventFlags.SNAPSHOT | EventFlags.END_OF_MESSAGE);
    }

    /** The price in ticks of the book's {@code n}-th level on side index {@code s} (1-based; it exists). */
    private long nthLevel(int s, int n) {
        book.levels().depth(side(s), levelTicks, levelQtys, n);
        return levelTicks[n - 1];
    }

    /** A side-tagged tick key: {@code ticks + 1} for bids, {@code -(ticks + 1)} for asks (positive tick prices). */
    private static long key(Side side, long ticks) {
        return side == Side.BUY ? ticks + 1 : -(ticks + 1);
    }

    private void emitAndApply(EventBatch out) {
        long localTs = exchTs + options.assumedFeedLatencyNanos();
        switch (type) {
            case 1 -> {
                if (book.contains(orderId)) {
                    throw msg.error("Order ID", "submission of order " + orderId + ", which is already resting");
                }
                long ticks = instrument.toTicks(price);
                OrderBookView view = book.levels();
                if (direction == Side.BUY && !view.isEmpty(Side.SELL) && ticks >= view.bestAskTicks()) {
                    throw msg.error("Price", "submission of buy order " + orderId + " at " + price
                            + " crosses the best ask " + view.bestAsk() + " of the book rebuilt so far: a LOBSTER"
                            + " submission rests in the book, the part of an order that executes on arrival shows"
                            + " as executions of the resting orders");
                }
                if (direction == Side.SELL && !view.isEmpty(Side.BUY) && ticks <= view.bestBidTicks()) {
                    throw msg.error("Price", "submission of sell order " + orderId + " at " + price
                            + " crosses the best bid " + view.bestBid() + " of the book rebuilt so far: a LOBSTER"
                            + " submission rests in the book, the part of an order that executes on arrival shows"
                            + " as executions of the resting orders");
                }
                book.add(orderId, direction, ticks, size);
                out.add(0, exchTs, localTs, EventKind.ORDER_ADD, direction.code(), price, size, orderId, 0);
            }
            case 2, 3, 4 -> {
                if (book.contains(orderId)) {
                    changeKnown(out, localTs);
                } else {
                    changeUnseen(out, localTs);
                }
            }
            case 5 -> out.add(0, exchTs, localTs, EventKind.TRADE, direction.opposite().code(), price, size,
                    EventBatch.NO_ORDER_ID, 0);
            case 6 -> out.add(0, exchTs, localTs, EventKind.TRADE, Side.NO_SIDE_CODE, price, size,
                    EventBatch.NO_ORDER_ID, 0);
            default -> {
                if (priceRaw == -1) {
                    halts++;
                    LOG.info("{}:{}: trading halt at {} ns", messageFile, msg.lineNumber(), exchTs);
                } else if (priceRaw == 0) {
                    quoteResumes++;
                    LOG.info("{}:{}: quoting resumes at {} ns", messageFile, msg.lineNumber(), exchTs);
                } else {
                    tradeResumes++;
                    LOG.info("{}:{}: trading resumes at {} ns", messageFile, msg.lineNumber(), exchTs);
                }
            }
        }
    }

    private static final String[] COLUMNS_TYPE = {"", "submission", "partial cancel", "deletion", "execution"};

    /** A partial cancel, deletion or execution of an order submitted in the file. */
    private void changeKnown(EventBatch out, long localTs) {
        if (book.orderSide(orderId) != direction || book.orderPriceTicks(orderId) != instrument.toTicks(price)) {
            throw msg.error("Order ID", "order " + orderId + " rests as " + book.orderSide(orderId) + " at "
                    + instrument.toPrice(book.orderPriceTicks(orderId)) + ", not " + direction + " at " + price);
        }
        double remaining = book.orderQty(orderId);
        double left = remaining - size;
        double tolerance = instrument.lotSize() * 1e-6;
        if (left < -tolerance) {
            if (!wasOutOfView.contains(orderId)) {
                throw msg.error("Size", COLUMNS_TYPE[type] + " of " + size + " shares exceeds the "
                        + remaining + " resting in order " + orderId);
            }
            // the order was out of view and part of it was withdrawn when its level re-entered: that guess took the
            // wrong order's shares; the shortfall comes from the orders that could stand for the withdrawn ones
            takeFromStandIns(out, localTs, -left, orderId);
            size = remaining;
            left = 0;
        }
        if (type == 4) {
            book.execute(orderId, size);
            out.add(0, exchTs, localTs, EventKind.ORDER_EXECUTE, direction.code(), price, size, orderId, 0);
        } else if (left <= tolerance) {
            book.cancel(orderId);
            out.add(0, exchTs, localTs, EventKind.ORDER_CANCEL, direction.code(), price, size, orderId, 0);
        } else {
            book.modify(orderId, instrument.toTicks(price), left);
            out.add(0, exchTs, localTs, EventKind.ORDER_MODIFY, direction.code(), price, left, orderId, 0);
        }
    }

    /**
     * A partial cancel, deletion or execution of an order never submitted in the file (it rested before the file
     * began, or was submitted while its level was out of view): {@code size} shares are taken from the synthetic
     * orders at its side and price, front of the queue first, then from the orders of the file that were out of view
     * at some time (one of them may have been cancelled there without a message, which is why the total at the level
     * still holds the unseen order), back of the queue first; one row per order touched.
     */
    private void changeUnseen(EventBatch out, long localTs) {
        if (type == 4) {
            unseenExecutions++;
        }
        takeFromStandIns(out, localTs, size, 0L);
    }

    /** Takes {@code need} shares of the message's type from the stand-ins at its level, except order {@code except}. */
    private void takeFromStandIns(EventBatch out, long localTs, double need, long except) {
        long ticks = instrument.toTicks(price);
        int all = ordersAt(direction, ticks);
        int n = 0;
        if (candidates.length < all) {
            candidates = new long[idsAt.length];
        }
        for (int i = 0; i < all; i++) {
            if (idsAt[i] <= SYNTHETIC_ORDER_ID_BASE) {
                candidates[n++] = idsAt[i];
            }
        }
        for (int i = all - 1; i >= 0; i--) {
            if (idsAt[i] > SYNTHETIC_ORDER_ID_BASE && idsAt[i] != except && wasOutOfView.contains(idsAt[i])) {
                candidates[n++] = idsAt[i];
            }
        }
        double available = 0;
        for (int i = 0; i < n; i++) {
            available += book.orderQty(candidates[i]);
        }
        double tolerance = instrument.lotSize() * 1e-6;
        if (available + tolerance < need) {
            throw msg.error("Order ID", (except == 0 ? "order " + orderId + " was never submitted in this file"
                    : "order " + orderId + " holds less than this " + COLUMNS_TYPE[type]) + ", and the orders"
                    + " at " + direction + " " + price + " that could stand for it (resting when the file began,"
                    + " entered from below the visible levels, or out of view at some time) hold " + available
                    + " shares, not the " + need + " of this " + COLUMNS_TYPE[type]);
        }
        double rest = need;
        for (int i = 0; i < n && rest > tolerance; i++) {
            long id = candidates[i];
            double qty = book.orderQty(id);
            double take = Math.min(qty, rest);
            rest -= take;
            if (type == 4) {
                book.execute(id, take);
                out.add(0, exchTs, localTs, EventKind.ORDER_EXECUTE, direction.code(), price, take, id, 0);
            } else if (qty - take <= tolerance) {
                book.cancel(id);
                out.add(0, exchTs, localTs, EventKind.ORDER_CANCEL, direction.code(), price, take, id, 0);
            } else {
                book.modify(id, ticks, qty - take);
                out.add(0, exchTs, localTs, EventKind.ORDER_MODIFY, direction.code(), price, qty - take, id, 0);
            }
        }
    }

    /** Writes every order id at a level into {@link #idsAt}, queue order; returns how many. */
    private int ordersAt(Side side, long ticks) {
        int count = book.orderCountAt(side, ticks);
        if (idsAt.length < count) {
            idsAt = new long[Math.max(count, 2 * idsAt.length)];
        }
        return book.ordersAt(side, ticks, idsAt);
    }

    /**
     * Brings the rebuilt book to the orderbook row of this message. A level that was inside the visible levels before
     * the message must already agree (anything else is a book mismatch); a level that was below them (entering from
     * below) takes its quantity from the row: the difference is added at the back of the queue as a synthetic order
     * or withdrawn from its back, as {@link EventFlags#INFERRED} rows. Levels out of view after the message are kept
     * as they are (their orders may return into view with their ids).
     */
    private void reconcile(EventBatch out) {
        ImportException first = null;
        long localTs = exchTs + options.assumedFeedLatencyNanos();
        for (int s = 0; s < 2; s++) {
            Side side = side(s);
            long boundary = boundaryTicks[s];
            int n = rowLevels[s];
            // 1. levels the row shows
            for (int level = 0; level < n; level++) {
                long ticks = rowTicks[s][level];
                double want = rowQtys[s][level];
                double have = book.levels().qtyAt(side, ticks);
                if (Math.abs(want - have) <= instrument.lotSize() * 1e-6) {
                    continue;
                }
                boolean hidden = boundary != NO_BOUNDARY && worse(s, ticks, boundary);
                if (hidden) {
                    levelsReconciled++;
                } else if (first == null) {
                    first = mismatch((s == 0 ? "Ask " : "Bid ") + (level + 1), Math.round(instrument.toPrice(ticks)
                            * 10_000) + " x " + want, Math.round(instrument.toPrice(ticks) * 10_000) + " x " + have);
                }
                setLevel(out, side, ticks, want, have, localTs);
            }
            // 2. levels the book has inside the row's window that the row does not show
            long newBoundary = n == levels ? rowTicks[s][n - 1] : NO_BOUNDARY;
            // only the levels up to the new boundary are needed (the book keeps out-of-view levels below it)
            int m = fetchUpTo(s, side, newBoundary);
            int stale = 0;
            for (int i = 0; i < m; i++) {
                long ticks = levelTicks[i];
                if (newBoundary != NO_BOUNDARY && worse(s, ticks, newBoundary)) {
                    break;
                }
                if (inRow(s, ticks)) {
                    continue;
                }
                boolean hidden = boundary != NO_BOUNDARY && worse(s, ticks, boundary);
                if (hidden) {
                    levelsReconciled++;
                } else if (first == null) {
                    first = mismatch((s == 0 ? "Ask" : "Bid") + " at " + Math.round(instrument.toPrice(ticks)
                            * 10_000), "no level at " + Math.round(instrument.toPrice(ticks) * 10_000),
                            Math.round(instrument.toPrice(ticks) * 10_000) + " x " + levelQtys[i]);
                }
                staleTicks[stale] = ticks;
                staleQtys[stale++] = levelQtys[i];
                if (stale == staleTicks.length) {
                    staleTicks = java.util.Arrays.copyOf(staleTicks, 2 * stale);
                    staleQtys = java.util.Arrays.copyOf(staleQtys, 2 * stale);
                }
            }
            for (int i = 0; i < stale; i++) {
                setLevel(out, side, staleTicks[i], 0.0, staleQtys[i], localTs);
            }
            markOutOfView(s, side, boundary, newBoundary);
            boundaryTicks[s] = newBoundary;
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * Copies the book's levels of {@code side} from the best into {@link #levelTicks}/{@link #levelQtys}, at least
     * up to the first level worse than {@code boundary} (all of them for {@code NO_BOUNDARY}); returns how many.
     */
    private int fetchUpTo(int s, Side side, long boundary) {
        int want = levels + 8;
        while (true) {
            if (levelTicks.length < want) {
                levelTicks = new long[want];
                levelQtys = new double[want];
            }
            int m = book.levels().depth(side, levelTicks, levelQtys, want);
            if (m < want || boundary != NO_BOUNDARY && worse(s, levelTicks[m - 1], boundary)) {
                return m;
            }
            want *= 2;
        }
    }

    /** Remembers the orders of the levels that went out of view with this message (worse than the new boundary). */
    private void markOutOfView(int s, Side side, long oldBoundary, long newBoundary) {
        if (newBoundary == NO_BOUNDARY) {
            return;
        }
        int m = fetchUpTo(s, side, oldBoundary);
        for (int i = 0; i < m; i++) {
            long ticks = levelTicks[i];
            if (!worse(s, ticks, newBoundary)) {
                continue; // still in view
            }
            if (oldBoundary != NO_BOUNDARY && worse(s, ticks, oldBoundary)) {
                break; // out of view already, and so is every level after it
            }
            int n = ordersAt(side, ticks);
            for (int k = 0; k < n; k++) {
                if (idsAt[k] > SYNTHETIC_ORDER_ID_BASE) {
                    wasOutOfView.add(idsAt[k]);
                }
            }
        }
    }

    private boolean inRow(int s, long ticks) {
        for (int level = 0; level < rowLevels[s]; level++) {
            if (rowTicks[s][level] == ticks) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sets the quantity at a level from {@code have} to {@code want}: more is a synthetic order at the back of the
     * queue; less is withdrawn from the back of the queue, synthetic orders first (their owners are unknown), then
     * the latest orders submitted in the file.
     */
    private void setLevel(EventBatch out, Side side, long ticks, double want, double have, long localTs) {
        int flags = EventFlags.INFERRED;
        double p = instrument.toPrice(ticks);
        double tolerance = instrument.lotSize() * 1e-6;
        if (want > have) {
            long id = nextSyntheticId--;
            book.add(id, side, ticks, want - have);
            out.add(0, exchTs, localTs, EventKind.ORDER_ADD, side.code(), p, want - have, id, flags);
            inferredAdded += want - have;
            return;
        }
        double excess = have - want;
        inferredRemoved += excess;
        for (int pass = 0; pass < 3 && excess > tolerance; pass++) {
            int n = ordersAt(side, ticks);
            for (int i = n - 1; i >= 0 && excess > tolerance; i--) {
                long id = idsAt[i];
                int rank = id <= SYNTHETIC_ORDER_ID_BASE ? 0 : wasOutOfView.contains(id) ? 1 : 2;
                if (rank != pass) {
                    continue;
                }
                double qty = book.orderQty(id);
                if (qty <= excess + tolerance) {
                    book.cancel(id);
                    out.add(0, exchTs, localTs, EventKind.ORDER_CANCEL, side.code(), p, qty, id, flags);
                    excess -= qty;
                } else {
                    book.modify(id, ticks, qty - excess);
                    out.add(0, exchTs, localTs, EventKind.ORDER_MODIFY, side.code(), p, qty - excess, id, flags);
                    excess = 0;
                }
            }
        }
    }

    private ImportException mismatch(String level, String file, String rebuilt) {
        return row.error(level, "the book rebuilt from " + messageFile + " up to line " + msg.lineNumber()
                + " has " + rebuilt + " at " + level + ", the orderbook file has " + file
                + " (a level inside the visible " + levels + " before the message, so every change to it has a"
                + " message)");
    }

    @Override
    public void close() {
        messages.close();
        books.close();
    }

    @Override
    public String toString() {
        return "LobsterSource[" + messageFile + ", " + instrument.id() + ", levels=" + levels + ", options=" + options
                + ", messages=" + messagesRead + "]";
    }
}
