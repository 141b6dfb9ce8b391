package io.qtrade.store.binance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventFlags;
import io.qtrade.core.market.EventKind;
import io.qtrade.store.ingest.CharRange;
import io.qtrade.store.ingest.ClockSkew;
import io.qtrade.store.ingest.ClockSkewReport;
import io.qtrade.store.ingest.Decimals;
import io.qtrade.store.ingest.EpochUnit;
import io.qtrade.store.ingest.ImportException;
import io.qtrade.store.ingest.ImportOptions;
import io.qtrade.store.ingest.LineReader;
import io.qtrade.store.ingest.SkipCounter;
import io.qtrade.store.ingest.StagedEventSource;
import io.qtrade.store.ingest.TimeOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Replays a recording of Binance WebSocket streams with the REST depth snapshots taken during it: depth diffs (the
 * book rebuilt by a {@link BinanceDepthSynchronizer}, Binance's documented rules, gaps detected on every diff, resync
 * from the next snapshot), trades and aggregate trades, and bookTicker best bid/offer updates. One source emits the
 * {@link Stream}s it is opened for, each in its own time order; {@link BinanceRecordings} merges the streams of a
 * chain of files into one source.
 *
 * <h2>Line formats (both read, line by line; plain or {@code .gz})</h2>
 * <pre>{@code
 * qtrade JSON lines:
 * {"localTs":1700000000105000000,"data":{"e":"depthUpdate","E":1700000000100,"s":"BTCUSDT","U":157,"u":160,
 *     "b":[["0.0024","10"]],"a":[["0.0026","100"]]}}
 * {"localTs":1700000000300000000,"snapshot":{"lastUpdateId":160,"bids":[["0.0024","10"]],"asks":[["0.0026","100"]]}}
 * hftbacktest's collector (gzip): <local receive time, ns> <space> <JSON>, the JSON a combined-stream frame or a
 * REST snapshot:
 * 1723161254087896568 {"stream":"btcusdt@trade","data":{"e":"trade","E":1723161255343,"s":"BTCUSDT",...}}
 * 1723161254206652067 {"lastUpdateId":50093239218,"bids":[...],"asks":[...]}
 * }</pre>
 * A payload is recognised by its event type {@code e}: {@code depthUpdate} (a diff), {@code trade} or
 * {@code aggTrade} (a trade: price {@code p}, quantity {@code q}, {@code m} = the buyer is the maker, so the
 * aggressor is the seller), {@code bookTicker} (USD-M) or no {@code e} with string fields {@code b, B, a, A} (spot
 * bookTicker), {@code markPriceUpdate} (USD-M mark price: a {@code MARK_PRICE} row of {@code p}, an {@code INDEX_PRICE}
 * row of {@code i} and, with a funding time, a {@code FUNDING_RATE} row of {@code r} whose order id is the next funding
 * time {@code T} in ns, at {@code exchTs = E}, the last row flagged {@code END_OF_MESSAGE}: the mapping of the live
 * {@code BinanceFrameParser}; mark and index are not checked against the tick grid, {@code |r| < 1}, {@code r} and
 * {@code T} both set or, a delivery contract, {@code ""} and 0); a payload with {@code lastUpdateId} is a REST
 * snapshot. USD-M diffs add {@code T} and {@code pu}.
 *
 * <h2>Times</h2>
 * {@code localTs} is the recorder's clock (ns). Binance times ({@code E}, {@code T}) are epoch milliseconds UTC
 * ({@link EpochUnit#AUTO} also reads microseconds). {@code exchTs}: a diff {@code T}, else {@code E}; a trade
 * {@code T} (trade time); a USD-M bookTicker {@code T}, else {@code E}. A spot bookTicker carries no venue time: it
 * gets the latest venue time seen before it in the recording (it cannot precede the events already shown), or
 * {@code localTs - assumedFeedLatencyNanos} before any. A spot snapshot: {@code localTs - assumedFeedLatencyNanos},
 * or the first applied diff's, if earlier ({@link BinanceDepthSynchronizer}).
 *
 * <p>Clock skew: every message with a venue time adds {@code localTs - E} (or {@code - T}) to a
 * {@link ClockSkewReport} ({@link #clockSkew()}); a recorder whose clock is behind the venue's shows negative
 * latencies. The {@link ClockSkew} the source is opened with keeps local times, adds a constant offset (estimated
 * over the whole chain by {@link BinanceRecordings}) or clamps them to a minimum latency.
 *
 * <h2>Bad input</h2>
 * Not JSON, a missing local time, {@code U}, {@code u} ({@code pu} on futures) or {@code lastUpdateId}, a payload
 * that is none of the above (it is named: "a 24hrTicker frame of stream ..."), another symbol (field {@code s}), a
 * price that is not a positive decimal on the instrument's tick grid, a negative, NaN or non-numeric quantity,
 * {@code u < U}, or a local time earlier than the latest by more than the tolerance: an {@link ImportException}
 * naming the file, line and field, or in lenient mode a counted, logged skip of the line. A line of a stream the
 * source was not opened for is passed over (counted in {@link #otherStreamLines()}); bad lines whose stream cannot
 * be told are reported by the source that {@linkplain Settings#reportsUnknownLines() reports them} (one per file).
 */
public final class BinanceDepthRecordingSource extends StagedEventSource {

    /** The kinds of message a recording holds. */
    public enum Stream {
        /** Diff depth updates and REST snapshots: {@code DEPTH_UPDATE}, snapshots, clears. */
        DEPTH,
        /** {@code trade} and {@code aggTrade}: {@code TRADE} rows. */
        TRADE,
        /** {@code bookTicker}: two {@code BBO} rows (bid, ask) per update. */
        BOOK_TICKER,
        /**
         * {@code markPriceUpdate} (USD-M {@code <symbol>@markPrice} and {@code @markPrice@1s}): a {@code MARK_PRICE},
         * an {@code INDEX_PRICE} and (perpetuals) a {@code FUNDING_RATE} row per update, as the live client writes
         * them.
         */
        MARK_PRICE
    }

    /**
     * How one source reads its file.
     *
     * @param streams            the streams emitted; lines of others are passed over
     * @param reportsUnknownLines whether bad lines of no recognisable stream are reported (thrown or counted) here
     * @param skew               the clock-skew policy
     * @param localOffsetNanos   the constant added to every local time (REMOVE_OFFSET; 0 otherwise)
     * @param chain              state shared by the files of a chain (the synchroniser), or {@code null} for a
     *                           file read on its own
     */
    public record Settings(Set<Stream> streams, boolean reportsUnknownLines, ClockSkew skew, long localOffsetNanos,
                           ChainState chain) {

        /** Depth only, keep local times, a file on its own. */
        public static final Settings DEPTH_ONLY = new Settings(EnumSet.of(Stream.DEPTH), true, ClockSkew.KEEP, 0,
                null);

        /** Copies the stream set. */
        public Settings {
            streams = streams.isEmpty() ? EnumSet.noneOf(Stream.class) : EnumSet.copyOf(streams);
            Objects.requireNonNull(skew, "skew");
        }
    }

    /**
     * What the files of one chain share: the depth synchroniser (a continuation file carries on the update-id chain
     * of the file before it, with no snapshot of its own) and the latest venue time (for a spot bookTicker at the
     * start of a file).
     */
    public static final class ChainState {
        private final BinanceDepthSynchronizer synchronizer;
        private long lastVenueTs = Long.MIN_VALUE;
        private long lastBboExchTs = Long.MIN_VALUE;

        /** A fresh chain for one instrument. */
        public ChainState(BinanceMarket market, Instrument instrument, String name) {
            this.synchronizer = new BinanceDepthSynchronizer(market, 0, instrument.id() + " " + name,
                    BinanceDepthSynchronizer.DEFAULT_MAX_BUFFERED_DIFFS);
        }

        /** The synchroniser shared by the chain. */
        public BinanceDepthSynchronizer synchronizer() {
            return synchronizer;
        }
    }

    private static final JsonFactory JSON = new JsonFactory();
    private static final Logger LOG = LoggerFactory.getLogger(BinanceDepthRecordingSource.class);
    private static final int UNKNOWN = -1;
    private static final int SNAPSHOT = 0;
    private static final int DIFF = 1;
    private static final int TRADE = 2;
    private static final int BBO = 3;
    private static final int MARK = 4;

    private final Instrument instrument;
    private final BinanceMarket market;
    private final String file;
    private final LineReader reader;
    private final ImportOptions options;
    private final Settings settings;
    private final ChainState chain;
    private final boolean ownsChain;
    private final SkipCounter skips;
    private final TimeOrder timeOrder;
    private final BinanceDepthSynchronizer synchronizer;
    private final DepthMessage message = new DepthMessage();
    private final CharRange text = new CharRange();
    private final ClockSkewReport.Accumulator skew = new ClockSkewReport.Accumulator();
    private ClockSkewReport.Accumulator sink;
    private long lines;
    private long otherStreamLines;
    private long trades;
    private long quotes;
    private long markUpdates;
    private boolean loggedSnapshotTime;

    // the parsed line
    private int lineKind;
    private String streamName;
    private String eventType;
    private long eventTime;
    private long transactTime;
    private boolean hasFirst;
    private boolean hasFinal;
    private boolean hasId;
    private double tradePrice;
    private double tradeQty;
    private int buyerIsMaker; // -1 missing, 0 false, 1 true
    private double bidPrice;
    private double bidQty;
    private double askPrice;
    private double askQty;
    private int bboFields;
    /** The raw {@code T}: a trade/transaction time, or a markPriceUpdate's next funding time. */
    private long rawT;
    private boolean hasT;
    private double indexPrice;
    /** A markPriceUpdate's {@code r}: NaN when absent or the empty string of a delivery contract ({@link #rateEmpty}). */
    private double fundingRate;
    private boolean rateEmpty;
    private long fundingTime;

    private BinanceDepthRecordingSource(Path recording, Instrument instrument, BinanceMarket market,
                                        ImportOptions options, Settings settings) {
        super(List.of(instrument), options.stagingRows());
        this.instrument = instrument;
        this.market = Objects.requireNonNull(market, "market");
        this.file = recording.toString();
        this.options = options;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ownsChain = settings.chain() == null;
        this.chain = ownsChain ? new ChainState(market, instrument, file) : settings.chain();
        this.synchronizer = chain.synchronizer;
        this.skips = new SkipCounter(options.lenient());
        this.timeOrder = new TimeOrder(options.backwardsToleranceNanos());
        this.reader = new LineReader(recording);
    }

    /**
     * Opens a recording for its depth stream, on its own (its own synchroniser), local times kept.
     *
     * @param recording  the recording, either line format, plain or {@code .gz}
     * @param instrument the instrument (tick size from the caller); its symbol must match the stream's {@code s}
     * @param market     spot or USD-M futures rules
     * @param options    strict or lenient, time tolerance, staging size
     */
    public static BinanceDepthRecordingSource open(Path recording, Instrument instrument, BinanceMarket market,
                                                   ImportOptions options) {
        return open(recording, instrument, market, options, Settings.DEPTH_ONLY);
    }

    /** Opens a recording with explicit {@link Settings} (streams, clock skew, chain). */
    public static BinanceDepthRecordingSource open(Path recording, Instrument instrument, BinanceMarket market,
                                                   ImportOptions options, Settings settings) {
        return new BinanceDepthRecordingSource(recording, instrument, market, options, settings);
    }

    /** The synchroniser, for its counters (gaps, resyncs, drops); shared by the files of a chain. */
    public BinanceDepthSynchronizer synchronizer() {
        return synchronizer;
    }

    /** Lines skipped in lenient mode per reason (field and problem, numbers blanked), in the order first seen. */
    public java.util.Map<String, Long> skipReasons() {
        return skips.reasons();
    }

    /** Lines skipped as bad input in lenient mode. */
    public long skipped() {
        return skips.skipped();
    }

    /** Lines read so far. */
    public long lines() {
        return lines;
    }

    /** Lines of streams this source was not opened for, passed over. */
    public long otherStreamLines() {
        return otherStreamLines;
    }

    /** Trades emitted. */
    public long trades() {
        return trades;
    }

    /** bookTicker updates emitted (two rows each). */
    public long quotes() {
        return quotes;
    }

    /** markPriceUpdate messages emitted (two or three rows each). */
    public long markUpdates() {
        return markUpdates;
    }

    /** The streams this source emits. */
    public Set<Stream> streams() {
        return settings.streams();
    }

    /** Also adds every latency measured to {@code accumulator} (a chain's report over its files). */
    void latencySink(ClockSkewReport.Accumulator accumulator) {
        this.sink = accumulator;
    }

    /** The feed latency {@code localTs - venue time} of the messages of this source's streams read so far. */
    public ClockSkewReport clockSkew() {
        return skew.report();
    }

    @Override
    protected boolean fill(EventBatch staging) {
        String line = reader.next();
        if (line == null) {
            if (ownsChain && settings.streams().contains(Stream.DEPTH)) {
                synchronizer.finish(file, reader.lineNumber(), !options.lenient());
            }
            return false;
        }
        lines++;
        long number = reader.lineNumber();
        if (passOver(line)) {
            return true;
        }
        long rawLocal;
        try {
            rawLocal = parse(line, number);
            String problem = timeOrder.check(rawLocal);
            if (problem != null) {
                throw ImportException.atLine(file, number, "localTs", problem);
            }
        } catch (ImportException e) {
            Stream stream = streamOf(lineKind);
            if (stream == null ? settings.reportsUnknownLines() : settings.streams().contains(stream)) {
                skips.skipOrThrow(e);
            }
            return true;
        }
        timeOrder.accept(rawLocal);
        long venueTs = transactTime != Long.MIN_VALUE ? transactTime : eventTime;
        chain.lastVenueTs = Math.max(chain.lastVenueTs, Math.max(transactTime, eventTime));
        Stream stream = streamOf(lineKind);
        if (!settings.streams().contains(stream)) {
            otherStreamLines++;
            return true;
        }
        long latencyBase = eventTime != Long.MIN_VALUE ? eventTime : transactTime;
        if (latencyBase != Long.MIN_VALUE) {
            skew.add(rawLocal - latencyBase);
            if (sink != null) {
                sink.add(rawLocal - latencyBase);
            }
        }
        long local = rawLocal + settings.localOffsetNanos();
        switch (lineKind) {
            case SNAPSHOT, DIFF -> {
                message.localTs = local;
                if (message.exchTs == Long.MIN_VALUE) {
                    if (!loggedSnapshotTime) {
                        loggedSnapshotTime = true;
                        LOG.info("{}: REST snapshots carry no venue time; assuming exchTs = localTs - {} ns", file,
                                options.assumedFeedLatencyNanos());
                    }
                    message.exchTs = local - options.assumedFeedLatencyNanos();
                } else {
                    message.localTs = clamp(local, message.exchTs);
                }
                if (lineKind == SNAPSHOT) {
                    synchronizer.onSnapshot(message, staging);
                } else {
                    synchronizer.onDiff(message, staging);
                }
            }
            case MARK -> {
                // exchTs = E, the event time (T is the next funding time); mark and index off the tick grid as
                // published; the funding rate at its funding time in orderId, as the live client writes them.
                long exchTs = eventTime;
                local = clamp(local, exchTs);
                boolean funding = fundingTime != Long.MIN_VALUE;
                staging.add(0, exchTs, local, EventKind.MARK_PRICE, Side.NO_SIDE_CODE, tradePrice, 0.0,
                        EventBatch.NO_ORDER_ID, EventFlags.NONE);
                staging.add(0, exchTs, local, EventKind.INDEX_PRICE, Side.NO_SIDE_CODE, indexPrice, 0.0,
                        EventBatch.NO_ORDER_ID, funding ? EventFlags.NONE : EventFlags.END_OF_MESSAGE);
                if (funding) {
                    staging.add(0, exchTs, local, EventKind.FUNDING_RATE, Side.NO_SIDE_CODE, fundingRate, 0.0,
                            fundingTime, EventFlags.END_OF_MESSAGE);
                }
                markUpdates++;
            }
            case TRADE -> {
                long exchTs = transactTime != Long.MIN_VALUE ? transactTime : eventTime;
                Side aggressor = buyerIsMaker == 1 ? Side.SELL : Side.BUY;
                staging.add(0, exchTs, clamp(local, exchTs), EventKind.TRADE, aggressor.code(), tradePrice, tradeQty,
                        EventBatch.NO_ORDER_ID, EventFlags.END_OF_MESSAGE);
                trades++;
            }
            default -> {
                long exchTs = venueTs;
                if (exchTs == Long.MIN_VALUE) {
                    exchTs = chain.lastVenueTs != Long.MIN_VALUE ? chain.lastVenueTs
                            : local - options.assumedFeedLatencyNanos();
                } else {
                    local = clamp(local, exchTs);
                }
                exchTs = Math.max(exchTs, chain.lastBboExchTs);
                chain.lastBboExchTs = exchTs;
                staging.add(0, exchTs, local, EventKind.BBO, Side.BUY.code(), bidPrice, bidQty,
                        EventBatch.NO_ORDER_ID, EventFlags.NONE);
                staging.add(0, exchTs, local, EventKind.BBO, Side.SELL.code(), askPrice, askQty,
                        EventBatch.NO_ORDER_ID, EventFlags.END_OF_MESSAGE);
                quotes++;
            }
        }
        return true;
    }

    /**
     * The fast path for a line of a stream this source does not emit, told by its {@code "stream"} name without
     * parsing the JSON: counted, and its {@code E} kept as the latest venue time. Returns whether it was passed over.
     */
    private boolean passOver(String line) {
        int at = line.indexOf("\"stream\":\"");
        if (at < 0 || at > 64) {
            return false;
        }
        int from = at + 10;
        int to = line.indexOf('"', from);
        if (to < 0) {
            return false;
        }
        Stream stream = streamOf(kindOfStream(line.substring(from, to)));
        if (stream == null || settings.streams().contains(stream)) {
            return false;
        }
        long e = venueTimeOf(line);
        if (e != Long.MIN_VALUE) {
            chain.lastVenueTs = Math.max(chain.lastVenueTs, e);
        }
        otherStreamLines++;
        return true;
    }

    /** The {@code E} of a line read as text (epoch ns), or {@code Long.MIN_VALUE} without one. */
    static long venueTimeOf(String line) {
        int at = line.indexOf("\"E\":");
        if (at < 0) {
            return Long.MIN_VALUE;
        }
        int from = at + 4;
        int to = from;
        while (to < line.length() && Character.isDigit(line.charAt(to))) {
            to++;
        }
        if (to == from || to - from > 18) {
            return Long.MIN_VALUE;
        }
        try {
            return EpochUnit.AUTO.toPlausibleNanos(Long.parseLong(line, from, to, 10));
        } catch (IllegalArgumentException implausible) {
            return Long.MIN_VALUE; // a line of a stream not read: its time only advances the chain's clock
        }
    }

    /** A venue time (ms or us, by magnitude) as epoch ns; an overflowing or implausible one is a located error. */
    private long venueTime(long raw, long number, String field) {
        try {
            return EpochUnit.AUTO.toPlausibleNanos(raw);
        } catch (IllegalArgumentException e) {
            throw ImportException.atLine(file, number, field, e.getMessage());
        }
    }

    /** The local time of a line read as text (collector prefix or {@code "localTs":}), or {@code Long.MIN_VALUE}. */
    static long localTimeOf(String line) {
        int space = line.indexOf(' ');
        if (!line.isEmpty() && Character.isDigit(line.charAt(0)) && space > 0 && space <= 19) {
            try {
                return Long.parseLong(line, 0, space, 10);
            } catch (NumberFormatException e) {
                return Long.MIN_VALUE;
            }
        }
        int at = line.indexOf("\"localTs\":");
        if (at < 0) {
            return Long.MIN_VALUE;
        }
        int from = at + 10;
        int to = from;
        while (to < line.length() && Character.isDigit(line.charAt(to))) {
            to++;
        }
        return to == from || to - from > 19 ? Long.MIN_VALUE : Long.parseLong(line, from, to, 10);
    }

    private long clamp(long local, long exchTs) {
        if (settings.skew().policy() == ClockSkew.Policy.CLAMP) {
            return Math.max(local, exchTs + settings.skew().minFeedLatencyNanos());
        }
        return local;
    }

    private static Stream streamOf(int kind) {
        return switch (kind) {
            case SNAPSHOT, DIFF -> Stream.DEPTH;
            case TRADE -> Stream.TRADE;
            case BBO -> Stream.BOOK_TICKER;
            case MARK -> Stream.MARK_PRICE;
            default -> null;
        };
    }

    /** Parses one line into the fields above; returns its local time. */
    private long parse(String line, long number) {
        message.clear();
        lineKind = UNKNOWN;
        streamName = null;
        eventType = null;
        eventTime = Long.MIN_VALUE;
        transactTime = Long.MIN_VALUE;
        hasFirst = false;
        hasFinal = false;
        hasId = false;
        buyerIsMaker = -1;
        tradePrice = Double.NaN;
        tradeQty = Double.NaN;
        bboFields = 0;
        rawT = 0;
        hasT = false;
        indexPrice = Double.NaN;
        fundingRate = Double.NaN;
        rateEmpty = false;
        fundingTime = Long.MIN_VALUE;
        long localTs = Long.MIN_VALUE;
        String json = line;
        if (!line.isEmpty() && line.charAt(0) >= '0' && line.charAt(0) <= '9') {
            int space = line.indexOf(' ');
            if (space < 0) {
                throw ImportException.atLine(file, number, "localTs", "malformed line: expected '<local time ns>"
                        + " <JSON>' (hftbacktest's collector) or a JSON object");
            }
            try {
                localTs = Long.parseLong(line, 0, space, 10);
            } catch (NumberFormatException e) {
                throw ImportException.atLine(file, number, "localTs", "not an integer of nanoseconds: '"
                        + line.substring(0, Math.min(space, 40)) + "'");
            }
            json = line.substring(space + 1);
        }
        boolean collector = localTs != Long.MIN_VALUE;
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw ImportException.atLine(file, number, null, "malformed line: expected a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!collector && field.equals("localTs")) {
                    localTs = longValue(p, value, number, "localTs");
                } else if (field.equals("stream")) {
                    streamName = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    if (lineKind == UNKNOWN && streamName != null) {
                        lineKind = kindOfStream(streamName);
                    }
                } else if (field.equals("data")) {
                    requireObject(value, number, "data");
                    payload(p, number, false);
                } else if (field.equals("snapshot")) {
                    requireObject(value, number, "snapshot");
                    lineKind = SNAPSHOT;
                    payload(p, number, true);
                } else if (collector) {
                    // a bare payload at the top level: a REST snapshot, or an unwrapped stream payload
                    payloadField(p, field, value, number, false);
                } else {
                    p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw ImportException.atLine(file, number, null, "malformed line: one JSON object expected");
            }
        } catch (IOException e) {
            throw ImportException.atLine(file, number, null, "malformed JSON: "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
        if (localTs == Long.MIN_VALUE) {
            throw ImportException.atLine(file, number, "localTs", "missing: the local receive time in epoch ns");
        }
        classify(number);
        return localTs;
    }

    private static int kindOfStream(String stream) {
        if (stream.contains("@depth")) {
            return DIFF;
        }
        if (stream.contains("@trade") || stream.contains("@aggTrade")) {
            return TRADE;
        }
        if (stream.contains("@bookTicker")) {
            return BBO;
        }
        if (stream.contains("@markPrice")) {
            return MARK;
        }
        return UNKNOWN;
    }

    private void payload(JsonParser p, long number, boolean snapshot) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            payloadField(p, field, value, number, snapshot);
        }
    }

    private void payloadField(JsonParser p, String field, JsonToken value, long number, boolean snapshot)
            throws IOException {
        switch (field) {
            case "e" -> {
                eventType = value == JsonToken.VALUE_STRING ? p.getText() : String.valueOf(p.getText());
                lineKind = switch (eventType) {
                    case "depthUpdate" -> DIFF;
                    case "trade", "aggTrade" -> TRADE;
                    case "bookTicker" -> BBO;
                    case "markPriceUpdate" -> MARK;
                    default -> lineKind;
                };
            }
            case "E" -> eventTime = venueTime(longValue(p, value, number, "E"), number, "E");
            case "T" -> {
                // read as a time once the line's kind is known (classify): a markPriceUpdate's T is the next funding
                // time, 0 for a delivery contract
                rawT = longValue(p, value, number, "T");
                hasT = true;
            }
            case "i" -> indexPrice = positive(p, number, "i");
            case "r" -> {
                if (value == JsonToken.VALUE_STRING && p.getTextLength() == 0) {
                    rateEmpty = true;
                } else {
                    fundingRate = decimal(p, number, "r");
                    if (!(Math.abs(fundingRate) < 1)) {
                        throw ImportException.atLine(file, number, "r", "funding rate " + p.getText()
                                + ": expected |r| < 1 (a fraction per funding interval)");
                    }
                }
            }
            case "s" -> {
                if (value != JsonToken.VALUE_STRING || !p.getText().equalsIgnoreCase(instrument.symbol())) {
                    throw ImportException.atLine(file, number, "s", "symbol '" + p.getText() + "' is not "
                            + instrument.symbol());
                }
            }
            case "U" -> {
                message.firstUpdateId = longValue(p, value, number, "U");
                hasFirst = true;
            }
            case "u" -> {
                message.finalUpdateId = longValue(p, value, number, "u");
                hasFinal = true;
            }
            case "pu" -> message.prevFinalUpdateId = longValue(p, value, number, "pu");
            case "lastUpdateId" -> {
                long id = longValue(p, value, number, "lastUpdateId");
                message.firstUpdateId = id;
                message.finalUpdateId = id;
                hasId = true;
                lineKind = SNAPSHOT;
            }
            case "bids" -> parseLevels(p, value, number, "bids", true);
            case "asks" -> parseLevels(p, value, number, "asks", false);
            case "b" -> {
                if (value == JsonToken.VALUE_STRING) {
                    bidPrice = price(p, number, "b");
                    bboFields |= 1;
                } else if (value == JsonToken.VALUE_NUMBER_INT) {
                    p.skipChildren(); // an older trade payload's buyer order id
                } else {
                    parseLevels(p, value, number, "b", true);
                }
            }
            case "a" -> {
                if (value == JsonToken.VALUE_STRING) {
                    askPrice = price(p, number, "a");
                    bboFields |= 2;
                } else if (value == JsonToken.START_ARRAY) {
                    parseLevels(p, value, number, "a", false);
                } else {
                    p.skipChildren(); // aggTrade's aggregate trade id, an older trade payload's seller order id
                }
            }
            case "B" -> {
                bidQty = quantity(p, value, number, "B");
                bboFields |= 4;
            }
            case "A" -> {
                askQty = quantity(p, value, number, "A");
                bboFields |= 8;
            }
            case "p" -> tradePrice = positive(p, number, "p"); // on the tick grid for a trade: checked in classify
            case "q" -> tradeQty = quantity(p, value, number, "q");
            case "m" -> {
                if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
                    throw ImportException.atLine(file, number, "m", "expected true or false (the buyer is the"
                            + " maker), found " + p.getText());
                }
                buyerIsMaker = value == JsonToken.VALUE_TRUE ? 1 : 0;
            }
            default -> p.skipChildren();
        }
    }

    /** Decides what the line is and checks that it has what its kind needs. */
    private void classify(long number) {
        if (lineKind == UNKNOWN && eventType == null && bboFields == 15) {
            lineKind = BBO; // a spot bookTicker payload has no event type
        }
        if (lineKind == UNKNOWN || (eventType != null && !isKnownType(eventType))) {
            lineKind = UNKNOWN;
            String what = eventType != null ? "a " + eventType + " frame" : "a frame with no event type";
            throw ImportException.atLine(file, number, eventType != null ? "e" : null, what
                    + (streamName != null ? " of stream " + streamName : "") + ": expected a depthUpdate, trade,"
                    + " aggTrade, bookTicker or markPriceUpdate payload or a REST depth snapshot (lastUpdateId)");
        }
        if (hasT && lineKind != MARK) {
            transactTime = venueTime(rawT, number, "T");
        }
        switch (lineKind) {
            case MARK -> {
                if (market != BinanceMarket.USDM_FUTURES) {
                    throw ImportException.atLine(file, number, "e", "markPriceUpdate is a USD-M futures stream,"
                            + " not " + market);
                }
                if (eventTime == Long.MIN_VALUE) {
                    throw ImportException.atLine(file, number, "E", "missing: the event time");
                }
                if (Double.isNaN(tradePrice)) {
                    throw ImportException.atLine(file, number, "p", "missing: the mark price");
                }
                if (Double.isNaN(indexPrice)) {
                    throw ImportException.atLine(file, number, "i", "missing: the index price");
                }
                if (Double.isNaN(fundingRate) && !rateEmpty) {
                    throw ImportException.atLine(file, number, "r", "missing: the funding rate");
                }
                if (!hasT) {
                    throw ImportException.atLine(file, number, "T", "missing: the next funding time");
                }
                if (rateEmpty != (rawT == 0)) {
                    throw ImportException.atLine(file, number, rateEmpty ? "r" : "T", "a funding rate needs a next"
                            + " funding time and a delivery contract has neither (r \"\" and T 0); got r "
                            + (rateEmpty ? "\"\"" : fundingRate) + ", T " + rawT);
                }
                if (!rateEmpty) {
                    fundingTime = venueTime(rawT, number, "T");
                }
            }
            case SNAPSHOT -> {
                if (!hasId) {
                    throw ImportException.atLine(file, number, "lastUpdateId", "missing: the snapshot's update id");
                }
                message.exchTs = transactTime != Long.MIN_VALUE ? transactTime : eventTime;
            }
            case DIFF -> {
                if (eventType == null) {
                    throw ImportException.atLine(file, number, "e", "missing: expected \"e\":\"depthUpdate\"");
                }
                if (!hasFirst) {
                    throw ImportException.atLine(file, number, "U", "missing: the first update id");
                }
                if (!hasFinal) {
                    throw ImportException.atLine(file, number, "u", "missing: the final update id");
                }
                if (market == BinanceMarket.USDM_FUTURES && message.prevFinalUpdateId == DepthMessage.NO_UPDATE_ID) {
                    throw ImportException.atLine(file, number, "pu", "missing: USD-M futures diffs carry the"
                            + " previous u");
                }
                if (message.finalUpdateId < message.firstUpdateId) {
                    throw ImportException.atLine(file, number, "u", "final update id " + message.finalUpdateId
                            + " < first update id U=" + message.firstUpdateId);
                }
                message.exchTs = transactTime != Long.MIN_VALUE ? transactTime : eventTime;
                if (message.exchTs == Long.MIN_VALUE) {
                    throw ImportException.atLine(file, number, "E", "missing: the event time");
                }
            }
            case TRADE -> {
                if (Double.isNaN(tradePrice)) {
                    throw ImportException.atLine(file, number, "p", "missing: the trade price");
                }
                if (!instrument.isOnTickGrid(tradePrice)) {
                    throw ImportException.atLine(file, number, "p", "price " + tradePrice + " is not a positive price"
                            + " on the tick grid of " + instrument.id() + " (tick size " + instrument.tickSize() + ")");
                }
                if (!(tradeQty > 0)) {
                    throw ImportException.atLine(file, number, "q", Double.isNaN(tradeQty) ? "missing: the trade"
                            + " quantity" : "trade quantity " + tradeQty + ": expected > 0");
                }
                if (buyerIsMaker < 0) {
                    throw ImportException.atLine(file, number, "m", "missing: whether the buyer is the maker");
                }
                if (transactTime == Long.MIN_VALUE && eventTime == Long.MIN_VALUE) {
                    throw ImportException.atLine(file, number, "T", "missing: the trade time");
                }
            }
            default -> {
                if (bboFields != 15) {
                    throw ImportException.atLine(file, number, (bboFields & 1) == 0 ? "b" : (bboFields & 2) == 0
                            ? "a" : (bboFields & 4) == 0 ? "B" : "A", "missing: a bookTicker has b, B, a and A");
                }
            }
        }
    }

    private static boolean isKnownType(String e) {
        return e.equals("depthUpdate") || e.equals("trade") || e.equals("aggTrade") || e.equals("bookTicker")
                || e.equals("markPriceUpdate");
    }

    private void parseLevels(JsonParser p, JsonToken start, long number, String name, boolean bids)
            throws IOException {
        if (start != JsonToken.START_ARRAY) {
            throw ImportException.atLine(file, number, name, "expected an array of [price, qty] pairs, found "
                    + p.getText() + (lineKind == UNKNOWN ? "" : " (in a " + (eventType == null
                    ? streamOf(lineKind) : eventType) + " message)"));
        }
        int index = 0;
        while (p.nextToken() == JsonToken.START_ARRAY) {
            p.nextToken();
            double price = number(p, number, name, index, 0);
            if (!(price > 0) || !instrument.isOnTickGrid(price)) {
                throw ImportException.atLine(file, number, name + "[" + index + "][0]", "price " + p.getText()
                        + " is not a positive price on the tick grid of " + instrument.id() + " (tick size "
                        + instrument.tickSize() + ")");
            }
            p.nextToken();
            double qty = number(p, number, name, index, 1);
            if (qty < 0) {
                throw ImportException.atLine(file, number, name + "[" + index + "][1]", "negative quantity "
                        + p.getText() + ": expected >= 0");
            }
            if (p.nextToken() != JsonToken.END_ARRAY) {
                throw ImportException.atLine(file, number, name + "[" + index + "]",
                        "expected a [price, qty] pair, found more elements");
            }
            if (bids) {
                message.addBid(price, qty);
            } else {
                message.addAsk(price, qty);
            }
            index++;
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw ImportException.atLine(file, number, name + "[" + index + "]", "expected a [price, qty] pair");
        }
    }

    private double price(JsonParser p, long number, String field) throws IOException {
        double v = decimal(p, number, field);
        if (!(v > 0) || !instrument.isOnTickGrid(v)) {
            throw ImportException.atLine(file, number, field, "price " + p.getText() + " is not a positive price on"
                    + " the tick grid of " + instrument.id() + " (tick size " + instrument.tickSize() + ")");
        }
        return v;
    }

    /** A positive decimal, not checked against the tick grid (mark and index prices are published off it). */
    private double positive(JsonParser p, long number, String field) throws IOException {
        double v = decimal(p, number, field);
        if (!(v > 0)) {
            throw ImportException.atLine(file, number, field, "price " + p.getText() + " is not positive");
        }
        return v;
    }

    private double quantity(JsonParser p, JsonToken t, long number, String field) throws IOException {
        double v = decimal(p, number, field);
        if (v < 0) {
            throw ImportException.atLine(file, number, field, "negative quantity " + p.getText() + ": expected >= 0");
        }
        return v;
    }

    private double decimal(JsonParser p, long number, String field) throws IOException {
        JsonToken t = p.currentToken();
        double v = Double.NaN;
        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            // Numbers go through the same exact parser as strings: a bare 1e-400 is refused, never read as 0.
            text.set(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            v = Decimals.parseDouble(text, 0, text.length());
        }
        if (!Double.isFinite(v)) {
            throw ImportException.atLine(file, number, field, "not a finite decimal number: "
                    + (t == null ? "end of input" : p.getText()));
        }
        return v;
    }

    private double number(JsonParser p, long number, String name, int index, int element) throws IOException {
        JsonToken t = p.currentToken();
        double v = Double.NaN;
        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            // Numbers go through the same exact parser as strings: a bare 1e-400 is refused, never read as 0.
            text.set(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            v = Decimals.parseDouble(text, 0, text.length());
        }
        if (!Double.isFinite(v)) {
            throw ImportException.atLine(file, number, name + "[" + index + "][" + element + "]",
                    "not a finite decimal number: " + (t == null ? "end of input" : p.getText()));
        }
        return v;
    }

    private long longValue(JsonParser p, JsonToken t, long number, String field) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw ImportException.atLine(file, number, field, "expected an integer, found "
                    + (t == null ? "end of input" : p.getText()));
        }
        return p.getLongValue();
    }

    private void requireObject(JsonToken t, long number, String field) {
        if (t != JsonToken.START_OBJECT) {
            throw ImportException.atLine(file, number, field, "expected a JSON object");
        }
    }

    @Override
    public void close() {
        reader.close();
    }

    @Override
    public String toString() {
        return "BinanceDepthRecordingSource[" + file + ", " + instrument.id() + ", market=" + market + ", streams="
                + settings.streams() + ", options=" + options + ", lines=" + lines + ", " + synchronizer + "]";
    }
}
