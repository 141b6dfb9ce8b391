package io.qtrade.store.binance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.qtrade.store.ingest.CharRange;
import io.qtrade.store.ingest.Decimals;
import io.qtrade.store.ingest.EpochUnit;
import io.qtrade.store.ingest.ImportException;
import io.qtrade.store.ingest.ImportOptions;
import io.qtrade.store.ingest.LineReader;
import io.qtrade.store.ingest.SkipCounter;
import io.qtrade.store.ingest.StagedEventSource;
import io.qtrade.store.ingest.TimeOrder;
import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Replays a recording of the Binance diff depth stream with the REST depth snapshots taken during it, as L2 events:
 * the book is rebuilt by a {@link BinanceDepthSynchronizer} (Binance's documented rules, gaps detected on every diff,
 * resync from the next snapshot).
 *
 * <h2>Recording format (JSON lines, one message per line)</h2>
 * <pre>{@code
 * {"localTs":1700000000105000000,"data":{"e":"depthUpdate","E":1700000000100,"s":"BTCUSDT","U":157,"u":160,
 *     "b":[["0.0024","10"]],"a":[["0.0026","100"]]}}
 * {"localTs":1700000000300000000,"snapshot":{"lastUpdateId":160,"bids":[["0.0024","10"]],"asks":[["0.0026","100"]]}}
 * }</pre>
 * {@code localTs} is the local receive time in epoch nanoseconds (the recorder's clock). {@code data} is the
 * stream's payload as Binance sends it (USD-M futures add {@code "T"} transaction time and {@code "pu"}); a combined
 * stream's {@code "stream"} key may sit beside it and is ignored. {@code snapshot} is the REST
 * {@code /api/v3/depth} (spot) or {@code /fapi/v1/depth} (futures) response body. Binance times ({@code E},
 * {@code T}) are epoch milliseconds UTC ({@link EpochUnit#AUTO} also reads microseconds); {@code exchTs} is
 * {@code T} when present, else {@code E}; a spot snapshot carries no venue time and gets
 * {@code exchTs = localTs - assumedFeedLatencyNanos}, or the first applied diff's, if earlier
 * ({@link BinanceDepthSynchronizer}).
 *
 * <h2>Bad input</h2>
 * Not JSON, a missing {@code localTs}, {@code U}, {@code u} ({@code pu} on futures) or {@code lastUpdateId}, an event
 * type other than {@code depthUpdate} (field {@code e}), another symbol (field {@code s}), a price that is not a
 * positive decimal on the instrument's tick grid, a negative, NaN or non-numeric quantity, {@code u < U}, or a
 * {@code localTs} earlier than the latest by more than the tolerance: an {@link ImportException} naming the file,
 * line and field, or in lenient mode a counted, logged skip of the line. Parsing uses Jackson's streaming parser and
 * reads numbers from its text buffer: no object per level.
 */
public final class BinanceDepthRecordingSource extends StagedEventSource {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Logger LOG = LoggerFactory.getLogger(BinanceDepthRecordingSource.class);

    private final Instrument instrument;
    private final BinanceMarket market;
    private final String file;
    private final LineReader reader;
    private final ImportOptions options;
    private final SkipCounter skips;
    private final TimeOrder timeOrder;
    private final BinanceDepthSynchronizer synchronizer;
    private final DepthMessage message = new DepthMessage();
    private final CharRange text = new CharRange();
    private long lines;
    private boolean loggedSnapshotTime;

    private BinanceDepthRecordingSource(Path recording, Instrument instrument, BinanceMarket market,
                                        ImportOptions options, int maxBufferedDiffs) {
        super(List.of(instrument), options.stagingRows());
        this.instrument = instrument;
        this.market = Objects.requireNonNull(market, "market");
        this.file = recording.toString();
        this.options = options;
        this.skips = new SkipCounter(options.lenient());
        this.timeOrder = new TimeOrder(options.backwardsToleranceNanos());
        this.synchronizer = new BinanceDepthSynchronizer(market, 0, instrument.id() + " " + file, maxBufferedDiffs);
        this.reader = new LineReader(recording);
    }

    /**
     * Opens a recording.
     *
     * @param recording  the JSON-lines file
     * @param instrument the instrument (tick size from the caller); its symbol must match the stream's {@code s}
     * @param market     spot or USD-M futures rules
     * @param options    strict or lenient, time tolerance, staging size
     */
    public static BinanceDepthRecordingSource open(Path recording, Instrument instrument, BinanceMarket market,
                                                   ImportOptions options) {
        return new BinanceDepthRecordingSource(recording, instrument, market, options,
                BinanceDepthSynchronizer.DEFAULT_MAX_BUFFERED_DIFFS);
    }

    /** The synchroniser, for its counters (gaps, resyncs, drops). */
    public BinanceDepthSynchronizer synchronizer() {
        return synchronizer;
    }

    /** Lines skipped as bad input in lenient mode. */
    public long skipped() {
        return skips.skipped();
    }

    /** Lines read so far. */
    public long lines() {
        return lines;
    }

    @Override
    protected boolean fill(EventBatch staging) {
        String line = reader.next();
        if (line == null) {
            return false;
        }
        lines++;
        long number = reader.lineNumber();
        boolean snapshot;
        try {
            snapshot = parse(line, number);
            String problem = timeOrder.check(message.localTs);
            if (problem != null) {
                throw ImportException.atLine(file, number, "localTs", problem);
            }
        } catch (ImportException e) {
            skips.skipOrThrow(e);
            return true;
        }
        timeOrder.accept(message.localTs);
        if (snapshot) {
            synchronizer.onSnapshot(message, staging);
        } else {
            synchronizer.onDiff(message, staging);
        }
        return true;
    }

    /** Parses one line into {@link #message}; returns whether it is a snapshot. */
    private boolean parse(String line, long number) {
        message.clear();
        long localTs = Long.MIN_VALUE;
        int kind = 0; // 1 diff, 2 snapshot
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw ImportException.atLine(file, number, null, "malformed line: expected a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "localTs" -> localTs = longValue(p, value, number, "localTs");
                    case "data" -> {
                        parseDiff(p, value, number);
                        kind = 1;
                    }
                    case "snapshot" -> {
                        parseSnapshot(p, value, number);
                        kind = 2;
                    }
                    default -> p.skipChildren();
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
        if (kind == 0) {
            throw ImportException.atLine(file, number, null, "neither \"data\" nor \"snapshot\" in the line");
        }
        message.localTs = localTs;
        if (message.exchTs == Long.MIN_VALUE) {
            if (!loggedSnapshotTime) {
                loggedSnapshotTime = true;
                LOG.info("{}: REST snapshots carry no venue time; assuming exchTs = localTs - {} ns", file,
                        options.assumedFeedLatencyNanos());
            }
            message.exchTs = localTs - options.assumedFeedLatencyNanos();
        }
        return kind == 2;
    }

    /** A venue time (ms or us, by magnitude) as epoch ns; an overflowing or implausible one is a located error. */
    private long venueTime(long raw, long number, String field) {
        try {
            return EpochUnit.AUTO.toPlausibleNanos(raw);
        } catch (IllegalArgumentException e) {
            throw ImportException.atLine(file, number, field, e.getMessage());
        }
    }

    private void parseDiff(JsonParser p, JsonToken start, long number) throws IOException {
        requireObject(start, number, "data");
        boolean hasEventType = false;
        long eventTime = Long.MIN_VALUE;
        long transactTime = Long.MIN_VALUE;
        boolean hasFirst = false;
        boolean hasFinal = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "e" -> {
                    if (value != JsonToken.VALUE_STRING || !"depthUpdate".equals(p.getText())) {
                        throw ImportException.atLine(file, number, "e", "unknown event type '" + p.getText()
                                + "': expected depthUpdate");
                    }
                    hasEventType = true;
                }
                case "E" -> eventTime = venueTime(longValue(p, value, number, "E"), number, "E");
                case "T" -> transactTime = venueTime(longValue(p, value, number, "T"), number, "T");
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
                case "b" -> parseLevels(p, value, number, "b", true);
                case "a" -> parseLevels(p, value, number, "a", false);
                default -> p.skipChildren();
            }
        }
        if (!hasEventType) {
            throw ImportException.atLine(file, number, "e", "missing: expected \"e\":\"depthUpdate\"");
        }
        if (!hasFirst) {
            throw ImportException.atLine(file, number, "U", "missing: the first update id");
        }
        if (!hasFinal) {
            throw ImportException.atLine(file, number, "u", "missing: the final update id");
        }
        if (market == BinanceMarket.USDM_FUTURES && message.prevFinalUpdateId == DepthMessage.NO_UPDATE_ID) {
            throw ImportException.atLine(file, number, "pu", "missing: USD-M futures diffs carry the previous u");
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

    private void parseSnapshot(JsonParser p, JsonToken start, long number) throws IOException {
        requireObject(start, number, "snapshot");
        boolean hasId = false;
        long eventTime = Long.MIN_VALUE;
        long transactTime = Long.MIN_VALUE;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "lastUpdateId" -> {
                    long id = longValue(p, value, number, "lastUpdateId");
                    message.firstUpdateId = id;
                    message.finalUpdateId = id;
                    hasId = true;
                }
                case "E" -> eventTime = venueTime(longValue(p, value, number, "E"), number, "E");
                case "T" -> transactTime = venueTime(longValue(p, value, number, "T"), number, "T");
                case "bids" -> parseLevels(p, value, number, "bids", true);
                case "asks" -> parseLevels(p, value, number, "asks", false);
                default -> p.skipChildren();
            }
        }
        if (!hasId) {
            throw ImportException.atLine(file, number, "lastUpdateId", "missing: the snapshot's update id");
        }
        message.exchTs = transactTime != Long.MIN_VALUE ? transactTime : eventTime;
    }

    private void parseLevels(JsonParser p, JsonToken start, long number, String name, boolean bids)
            throws IOException {
        if (start != JsonToken.START_ARRAY) {
            throw ImportException.atLine(file, number, name, "expected an array of [price, qty] pairs");
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

    private double number(JsonParser p, long number, String name, int index, int element) throws IOException {
        JsonToken t = p.currentToken();
        double v = Double.NaN;
        if (t == JsonToken.VALUE_STRING) {
            text.set(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            v = Decimals.parseDouble(text, 0, text.length());
        } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            v = p.getDoubleValue();
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
        return "BinanceDepthRecordingSource[" + file + ", " + instrument.id() + ", market=" + market + ", options="
                + options + ", lines=" + lines + ", " + synchronizer + "]";
    }
}
