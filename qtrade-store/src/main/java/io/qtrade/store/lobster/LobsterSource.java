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
 * level (level by level, ask before bid; id {@code SYNTHETIC_ORDER_ID_BASE - k}, flagged {@link EventFlags#SNAPSHOT}), {@code SNAPSHOT_END}. A later
 * cancel or execution of an order id never added in the file is applied to the synthetic order at its side and
 * price; with none there, it is bad input. Only the {@code LEVEL} levels of the file are known: an order submitted
 * deeper than that before the file starts, which later moves into view, shows as a book mismatch.
 *
 * <h2>Check and bad input</h2>
 * After each message the top {@code LEVEL} levels of the reconstructed {@link MboBook} must equal the orderbook row
 * exactly (price in ticks, size in shares), otherwise an {@link ImportException} names the orderbook file, line,
 * side and level, with both values; in lenient mode the mismatch is counted ({@link #bookMismatches()}), logged,
 * and the comparison stops (every later row would differ too), while the events keep flowing. An unknown event type, a non-numeric field, a negative or zero size, an unknown
 * direction, a price off the tick grid, a cancel or execution larger than the order, an add of an id already resting,
 * time going back beyond the tolerance: an {@link ImportException} naming the message file, line and column, or in
 * lenient mode a counted, logged skip.
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
    private final long[] levelTicks;
    private final double[] levelQtys;
    private long[] synSideTicks = new long[0];
    private long[] synIds = new long[0];
    private boolean started;
    private boolean checking = true;
    private long bookMismatches;
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

    /** Mismatches between the rebuilt book and the orderbook file (lenient mode stops checking after the first). */
    public long bookMismatches() {
        return bookMismatches;
    }

    /** Whether the book is still being checked against the orderbook file. */
    public boolean checking() {
        return checking;
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
        try {
            msg.reset(line, messages.lineNumber());
            row.reset(bookLine, books.lineNumber());
            parseMessage();
            row.requireFields(4 * levels, 4 * levels, bookFields);
            if (!started) {
                emitStartingBook(staging);
                started = true;
            }
            timeOrder.accept(exchTs);
            emitAndApply(staging);
        } catch (ImportException e) {
            skips.skipOrThrow(e);
            return true;
        }
        if (checking) {
            try {
                checkBook();
            } catch (ImportException e) {
                bookMismatches++;
                skips.skipOrThrow(e);
                // lenient: one mismatch means every later row would differ too; say so once and stop comparing
                checking = false;
                LOG.warn("{}: book check against {} suspended after the mismatch at line {}", messageFile, bookFile,
                        row.lineNumber());
            }
        }
        return true;
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

    /** The book before message 1: the first orderbook row with message 1 undone, as synthetic orders. */
    private void emitStartingBook(EventBatch out) {
        int n = 0;
        long[] sideTicks = new long[4 * levels + 2];
        double[] qtys = new double[sideTicks.length];
        for (int level = 0; level < levels; level++) {
            for (int s = 0; s < 2; s++) {
                Side side = s == 0 ? Side.SELL : Side.BUY;
                long raw = row.integer(4 * level + 2 * s, (s == 0 ? "Ask Price " : "Bid Price ") + (level + 1));
                double qty = row.quantity(4 * level + 2 * s + 1, (s == 0 ? "Ask Size " : "Bid Size ") + (level + 1));
                if (raw == EMPTY_ASK || raw == EMPTY_BID) {
                    continue;
                }
                sideTicks[n] = key(side, instrument.toTicks(raw / 10_000.0));
                qtys[n++] = qty;
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
        synSideTicks = new long[n];
        synIds = new long[n];
        out.add(0, exchTs, exchTs + options.assumedFeedLatencyNanos(), EventKind.SNAPSHOT_BEGIN, Side.NO_SIDE_CODE,
                0.0, 0.0, EventBatch.NO_ORDER_ID, EventFlags.SNAPSHOT);
        book.clear();
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (qtys[i] <= instrument.lotSize() * 1e-6) {
                continue;
            }
            Side side = sideTicks[i] < 0 ? Side.SELL : Side.BUY;
            long ticks = side == Side.SELL ? -sideTicks[i] - 1 : sideTicks[i] - 1;
            long id = SYNTHETIC_ORDER_ID_BASE - count;
            synSideTicks[count] = sideTicks[i];
            synIds[count++] = id;
            out.add(0, exchTs, exchTs + options.assumedFeedLatencyNanos(), EventKind.ORDER_ADD, side.code(),
                    instrument.toPrice(ticks), qtys[i], id, EventFlags.SNAPSHOT);
            book.add(id, side, ticks, qtys[i]);
        }
        synSideTicks = java.util.Arrays.copyOf(synSideTicks, count);
        synIds = java.util.Arrays.copyOf(synIds, count);
        out.add(0, exchTs, exchTs + options.assumedFeedLatencyNanos(), EventKind.SNAPSHOT_END, Side.NO_SIDE_CODE,
                0.0, 0.0, EventBatch.NO_ORDER_ID, EventFlags.SNAPSHOT | EventFlags.END_OF_MESSAGE);
    }

    /** A side-tagged tick key: {@code ticks + 1} for bids, {@code -(ticks + 1)} for asks (positive tick prices). */
    private static long key(Side side, long ticks) {
        return side == Side.BUY ? ticks + 1 : -(ticks + 1);
    }

    private void emitAndApply(EventBatch out) {
        long localTs = exchTs + options.assumedFeedLatencyNanos();
        int eom = EventFlags.END_OF_MESSAGE;
        switch (type) {
            case 1 -> {
                if (book.contains(orderId)) {
                    throw msg.error("Order ID", "submission of order " + orderId + ", which is already resting");
                }
                book.add(orderId, direction, instrument.toTicks(price), size);
                out.add(0, exchTs, localTs, EventKind.ORDER_ADD, direction.code(), price, size, orderId, eom);
            }
            case 2, 3, 4 -> {
                long id = resting();
                double remaining = book.orderQty(id);
                double left = remaining - size;
                double tolerance = instrument.lotSize() * 1e-6;
                if (left < -tolerance) {
                    throw msg.error("Size", COLUMNS_TYPE[type] + " of " + size + " shares exceeds the "
                            + remaining + " resting in order " + orderId);
                }
                if (type == 4) {
                    book.execute(id, size);
                    out.add(0, exchTs, localTs, EventKind.ORDER_EXECUTE, direction.code(), price, size, id, eom);
                } else if (type == 3 || left <= tolerance) {
                    book.cancel(id);
                    out.add(0, exchTs, localTs, EventKind.ORDER_CANCEL, direction.code(), price, size, id, eom);
                } else {
                    book.modify(id, instrument.toTicks(price), left);
                    out.add(0, exchTs, localTs, EventKind.ORDER_MODIFY, direction.code(), price, left, id, eom);
                }
            }
            case 5 -> out.add(0, exchTs, localTs, EventKind.TRADE, direction.opposite().code(), price, size,
                    EventBatch.NO_ORDER_ID, eom);
            case 6 -> out.add(0, exchTs, localTs, EventKind.TRADE, Side.NO_SIDE_CODE, price, size,
                    EventBatch.NO_ORDER_ID, eom);
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

    /** The book's order id for the message's order: itself, or the synthetic order resting at its price. */
    private long resting() {
        if (book.contains(orderId)) {
            if (book.orderSide(orderId) != direction || book.orderPriceTicks(orderId) != instrument.toTicks(price)) {
                throw msg.error("Order ID", "order " + orderId + " rests as " + book.orderSide(orderId) + " at "
                        + instrument.toPrice(book.orderPriceTicks(orderId)) + ", not " + direction + " at " + price);
            }
            return orderId;
        }
        long k = key(direction, instrument.toTicks(price));
        for (int i = 0; i < synSideTicks.length; i++) {
            if (synSideTicks[i] == k && book.contains(synIds[i])) {
                return synIds[i];
            }
        }
        throw msg.error("Order ID", "order " + orderId + " was never submitted in this file and no order rested at "
                + direction + " " + price + " when the file began");
    }

    private void checkBook() {
        OrderBookView view = book.levels();
        for (int s = 0; s < 2; s++) {
            Side side = s == 0 ? Side.SELL : Side.BUY;
            int n = view.depth(side, levelTicks, levelQtys, levels);
            for (int level = 0; level < levels; level++) {
                String name = (s == 0 ? "Ask " : "Bid ") + (level + 1);
                long raw = row.integer(4 * level + 2 * s, name.replace(" ", " Price "));
                double qty = row.quantity(4 * level + 2 * s + 1, name.replace(" ", " Size "));
                boolean empty = raw == EMPTY_ASK || raw == EMPTY_BID;
                if (empty != (level >= n)) {
                    throw mismatch(name, empty ? "empty" : raw + " x " + qty, level >= n ? "empty"
                            : Math.round(instrument.toPrice(levelTicks[level]) * 10_000) + " x " + levelQtys[level]);
                }
                if (!empty && (instrument.toTicks(raw / 10_000.0) != levelTicks[level]
                        || Math.abs(qty - levelQtys[level]) > instrument.lotSize() * 1e-6)) {
                    throw mismatch(name, raw + " x " + qty,
                            Math.round(instrument.toPrice(levelTicks[level]) * 10_000) + " x " + levelQtys[level]);
                }
            }
        }
    }

    private ImportException mismatch(String level, String file, String rebuilt) {
        return row.error(level, "the book rebuilt from " + messageFile + " up to line " + msg.lineNumber()
                + " has " + rebuilt + " at " + level + ", the orderbook file has " + file);
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
