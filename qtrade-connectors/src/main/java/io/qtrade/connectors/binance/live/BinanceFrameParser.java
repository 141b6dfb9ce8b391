package io.qtrade.connectors.binance.live;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.qtrade.store.binance.BinanceMarket;
import io.qtrade.store.binance.DepthMessage;
import io.qtrade.store.ingest.CharRange;
import io.qtrade.store.ingest.Decimals;
import io.qtrade.store.ingest.EpochUnit;
import io.qtrade.connectors.live.MalformedFrameException;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventFlags;
import io.qtrade.core.market.EventKind;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses one frame of a Binance combined stream ({@code /stream?streams=...}) with Jackson's streaming parser,
 * numbers read straight from its text buffer (no object per level):
 * <pre>{@code
 * {"stream":"btcusdt@depth@100ms","data":{"e":"depthUpdate","E":1700000000100,"s":"BTCUSDT","U":157,"u":160,
 *                                         "b":[["0.0024","10"]],"a":[["0.0026","100"]]}}      futures add "T", "pu"
 * {"stream":"btcusdt@trade","data":{"e":"trade","E":..,"s":"BTCUSDT","t":12345,"p":"0.001","q":"100","T":..,"m":true}}
 * {"stream":"btcusdt@aggTrade","data":{"e":"aggTrade","E":..,"s":..,"a":26129,"p":..,"q":..,"f":..,"l":..,"T":..,"m":true}}
 * {"stream":"btcusdt@bookTicker","data":{"u":400900217,"s":"BNBUSDT","b":"25.35","B":"31.21","a":"25.36","A":"40.66"}}
 * {"stream":"btcusdt@markPrice@1s","data":{"e":"markPriceUpdate","E":1562305380000,"s":"BTCUSDT","p":"11794.15000000",
 *                                          "i":"11784.62659091","P":"11784.25641265","r":"0.00038167","T":1562306400000}}
 * {"result":null,"id":1}                                                  the answer to a SUBSCRIBE request
 * }</pre>
 * <ul>
 *   <li>Depth: the diff goes into the caller's {@link DepthMessage} ({@code exchTs} = {@code T} if present, else
 *       {@code E}) for the {@link io.qtrade.store.binance.BinanceDepthSynchronizer}: {@link #DEPTH}.</li>
 *   <li>Trade and aggregate trade: one {@link EventKind#TRADE} row, {@code exchTs} = trade time {@code T}; the
 *       aggressor is the seller when {@code m} (the buyer is the maker) is true, else the buyer: {@link #TRADE}.</li>
 *   <li>Book ticker: two {@link EventKind#BBO} rows, bid then ask; {@code exchTs} = {@code T} (futures) or
 *       {@code E}; a spot book ticker carries no venue time and is stamped {@code exchTs = localTs}: {@link #BBO}.</li>
 *   <li>Mark price ({@code <symbol>@markPrice} every 3 s, {@code <symbol>@markPrice@1s}; USD-M futures only): a
 *       {@link EventKind#MARK_PRICE} row ({@code p}), an {@link EventKind#INDEX_PRICE} row ({@code i}) and a
 *       {@link EventKind#FUNDING_RATE} row ({@code price} = {@code r}, the funding rate that will be applied at
 *       {@code T}, the next funding time, which goes in {@code orderId} as epoch ns), all at {@code exchTs} = the
 *       event time {@code E}, the last flagged {@link EventFlags#END_OF_MESSAGE}. A delivery contract has no
 *       funding ({@code "r":""}, {@code "T":0}): no funding row. {@code P} (the estimated settlement price) is not an
 *       event and is skipped. Mark and index prices are kept as published, never checked against the tick grid; a
 *       rate must be a fraction ({@code |r| < 1}): {@link #MARK_PRICE}.</li>
 *   <li>A subscription answer: nothing written: {@link #CONTROL}.</li>
 * </ul>
 * Rows are written only after the whole frame has been read and checked; a bad frame (not JSON, truncated, a
 * missing field, an unknown event or symbol, a price that is not positive or off the tick grid (checked once the
 * whole payload is read, whatever the field order), a negative or non-numeric quantity, {@code u < U}, a time that
 * overflows or lies outside {@link EpochUnit#toPlausibleNanos the plausible range}) throws a {@link MalformedFrameException} naming the stream and field and
 * writes nothing. The parser is reused frame after frame; one per connection (not thread-safe).
 */
public final class BinanceFrameParser {

    /** The frame was a depth diff, now in the caller's {@link DepthMessage}. */
    public static final int DEPTH = 1;
    /** The frame was a trade or aggregate trade, written as a TRADE row. */
    public static final int TRADE = 2;
    /** The frame was a book ticker, written as two BBO rows. */
    public static final int BBO = 3;
    /** The frame was a control answer (subscription result); nothing written. */
    public static final int CONTROL = 4;
    /** The frame was a mark price update, written as MARK_PRICE, INDEX_PRICE and (perpetuals) FUNDING_RATE rows. */
    public static final int MARK_PRICE = 5;

    private static final JsonFactory JSON = new JsonFactory();
    private static final long NONE = Long.MIN_VALUE;

    private final BinanceMarket market;
    private final List<Instrument> instruments;
    private final Map<String, Integer> bySymbol = new HashMap<>();
    private final CharRange text = new CharRange();
    private String stream = "?";
    private int instrument = -1;
    // The rows of a trade or book-ticker frame, written only once the whole frame has been read.
    private long pendingExchTs;
    private byte pendingSide;
    private double pendingPrice;
    private double pendingQty;
    private double pendingAskPrice;
    private double pendingAskQty;
    private double pendingIndex;
    private double pendingRate;
    private long pendingFundingTs;

    /**
     * @param market      spot or USD-M futures (futures diffs must carry {@code pu})
     * @param instruments the subscribed instruments; the index of each is the instrument column of its rows
     */
    public BinanceFrameParser(BinanceMarket market, List<Instrument> instruments) {
        this.market = market;
        this.instruments = List.copyOf(instruments);
        for (int i = 0; i < this.instruments.size(); i++) {
            bySymbol.put(this.instruments.get(i).symbol().toUpperCase(Locale.ROOT), i);
        }
    }

    /** The instrument index of the last parsed frame, -1 for a control frame. */
    public int instrument() {
        return instrument;
    }

    /**
     * Parses one frame.
     *
     * @param frame   the text frame
     * @param localTs when it was received, epoch ns
     * @param depth   receives a depth diff (cleared first); unchanged for other frames
     * @param out     receives trade and BBO rows
     * @return {@link #DEPTH}, {@link #TRADE}, {@link #BBO}, {@link #MARK_PRICE} or {@link #CONTROL}
     * @throws MalformedFrameException when the frame breaks the documented format; nothing is written then
     */
    public int parse(CharSequence frame, long localTs, DepthMessage depth, EventBatch out) {
        stream = "?";
        instrument = -1;
        int kind = CONTROL;
        try (JsonParser p = JSON.createParser(frame.toString())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw bad(null, "expected a JSON object");
            }
            boolean sawData = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "stream" -> stream = v == JsonToken.VALUE_STRING ? p.getText() : "?";
                    case "data" -> {
                        kind = payload(p, v, localTs, depth, out);
                        sawData = true;
                    }
                    case "result", "id" -> p.skipChildren();
                    default -> throw bad(field, "unexpected top-level field: a combined-stream frame holds"
                            + " \"stream\" and \"data\"");
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw bad(null, "truncated frame: the JSON object does not close");
            }
            if (!sawData) {
                return CONTROL;
            }
            if (p.nextToken() != null) {
                throw bad(null, "text after the frame's JSON object");
            }
        } catch (JsonProcessingException e) {
            throw bad(null, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw bad(null, "unreadable frame: " + e.getMessage());
        }
        if (kind == TRADE) {
            out.add(instrument, pendingExchTs, localTs, EventKind.TRADE, pendingSide, pendingPrice, pendingQty,
                    EventBatch.NO_ORDER_ID, EventFlags.END_OF_MESSAGE);
        } else if (kind == BBO) {
            out.add(instrument, pendingExchTs, localTs, EventKind.BBO, Side.BUY.code(), pendingPrice, pendingQty,
                    EventBatch.NO_ORDER_ID, EventFlags.NONE);
            out.add(instrument, pendingExchTs, localTs, EventKind.BBO, Side.SELL.code(), pendingAskPrice,
                    pendingAskQty, EventBatch.NO_ORDER_ID, EventFlags.END_OF_MESSAGE);
        } else if (kind == MARK_PRICE) {
            boolean funding = pendingFundingTs != NONE;
            out.add(instrument, pendingExchTs, localTs, EventKind.MARK_PRICE, Side.NO_SIDE_CODE, pendingPrice, 0.0,
                    EventBatch.NO_ORDER_ID, EventFlags.NONE);
            out.add(instrument, pendingExchTs, localTs, EventKind.INDEX_PRICE, Side.NO_SIDE_CODE, pendingIndex, 0.0,
                    EventBatch.NO_ORDER_ID, funding ? EventFlags.NONE : EventFlags.END_OF_MESSAGE);
            if (funding) {
                out.add(instrument, pendingExchTs, localTs, EventKind.FUNDING_RATE, Side.NO_SIDE_CODE, pendingRate,
                        0.0, pendingFundingTs, EventFlags.END_OF_MESSAGE);
            }
        }
        return kind;
    }

    private int payload(JsonParser p, JsonToken start, long localTs, DepthMessage depth, EventBatch out)
            throws IOException {
        if (start != JsonToken.START_OBJECT) {
            throw bad("data", "expected a JSON object");
        }
        depth.clear();
        int event = 0; // 1 depthUpdate, 2 trade, 3 aggTrade, 4 bookTicker, 5 markPriceUpdate
        long eventTime = NONE;
        long transactTime = NONE;
        long first = NONE;
        long last = NONE;
        long prev = NONE;
        double price = Double.NaN;
        double qty = Double.NaN;
        double bidPrice = Double.NaN;
        double bidQty = Double.NaN;
        double askPrice = Double.NaN;
        double askQty = Double.NaN;
        double index = Double.NaN;
        double rate = Double.NaN;
        boolean rateBlank = false;
        int buyerIsMaker = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "e" -> event = eventType(p, v);
                case "E" -> eventTime = longValue(p, v, "E");
                case "T" -> transactTime = longValue(p, v, "T");
                case "s" -> instrument = symbol(p, v);
                case "U" -> first = longValue(p, v, "U");
                case "u" -> last = longValue(p, v, "u");
                case "pu" -> prev = longValue(p, v, "pu");
                case "p" -> price = positivePrice(p, v, "p");
                case "q" -> qty = quantity(p, v, "q");
                case "m" -> {
                    if (v != JsonToken.VALUE_TRUE && v != JsonToken.VALUE_FALSE) {
                        throw bad("m", "expected true or false, found " + p.getText());
                    }
                    buyerIsMaker = v == JsonToken.VALUE_TRUE ? 1 : 0;
                }
                case "b" -> {
                    if (v == JsonToken.START_ARRAY) {
                        levels(p, depth, true);
                    } else {
                        bidPrice = positivePrice(p, v, "b");
                    }
                }
                case "a" -> {
                    if (v == JsonToken.START_ARRAY) {
                        levels(p, depth, false);
                    } else if (v == JsonToken.VALUE_STRING) {
                        askPrice = positivePrice(p, v, "a");
                    } else {
                        p.skipChildren(); // the aggregate trade id
                    }
                }
                case "i" -> index = positivePrice(p, v, "i");
                case "r" -> {
                    if (v == JsonToken.VALUE_STRING && p.getTextLength() == 0) {
                        rateBlank = true; // a delivery contract: no funding
                    } else {
                        rate = decimal(p, v, "r");
                        if (!(Math.abs(rate) < 1.0)) {
                            throw bad("r", "funding rate " + p.getText() + " is not a fraction per interval"
                                    + " (0.0001 = 0.01 %): expected |r| < 1");
                        }
                    }
                }
                case "B" -> bidQty = quantity(p, v, "B");
                case "A" -> askQty = quantity(p, v, "A");
                default -> p.skipChildren();
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw bad("data", "truncated frame: the data object does not close");
        }
        if (event == 0 && !Double.isNaN(bidPrice)) {
            event = 4; // spot bookTicker frames carry no "e"
        }
        if (event == 0) {
            throw bad("e", "missing: expected depthUpdate, trade, aggTrade, bookTicker or markPriceUpdate");
        }
        if (instrument < 0) {
            throw bad("s", "missing: the symbol");
        }
        switch (event) {
            case 1 -> {
                require(first != NONE, "U", "the first update id");
                require(last != NONE, "u", "the final update id");
                require(eventTime != NONE || transactTime != NONE, "E", "the event time");
                if (market == BinanceMarket.USDM_FUTURES) {
                    require(prev != NONE, "pu", "USD-M futures diffs carry the previous final update id");
                }
                if (last < first) {
                    throw bad("u", "final update id " + last + " < first update id U=" + first);
                }
                depth.firstUpdateId = first;
                depth.finalUpdateId = last;
                depth.prevFinalUpdateId = prev == NONE ? DepthMessage.NO_UPDATE_ID : prev;
                depth.exchTs = transactTime != NONE ? millis(transactTime, "T") : millis(eventTime, "E");
                for (int i = 0; i < depth.bidCount(); i++) {
                    onGrid(depth.bidPrice(i), "b[" + i + "][0]");
                }
                for (int i = 0; i < depth.askCount(); i++) {
                    onGrid(depth.askPrice(i), "a[" + i + "][0]");
                }
                depth.localTs = localTs;
                return DEPTH;
            }
            case 2, 3 -> {
                require(!Double.isNaN(price), "p", "the trade price");
                require(!Double.isNaN(qty), "q", "the trade quantity");
                require(transactTime != NONE, "T", "the trade time");
                require(buyerIsMaker >= 0, "m", "whether the buyer is the maker");
                pendingSide = (buyerIsMaker == 1 ? Side.SELL : Side.BUY).code();
                onGrid(price, "p");
                pendingExchTs = millis(transactTime, "T");
                pendingPrice = price;
                pendingQty = qty;
                return TRADE;
            }
            case 5 -> {
                if (market != BinanceMarket.USDM_FUTURES) {
                    throw bad("e", "markPriceUpdate is a USD-M futures stream; this parser reads " + market);
                }
                require(eventTime != NONE, "E", "the event time");
                require(!Double.isNaN(price), "p", "the mark price");
                require(!Double.isNaN(index), "i", "the index price");
                require(!Double.isNaN(rate) || rateBlank, "r", "the funding rate (\"\" for a delivery contract)");
                require(transactTime != NONE, "T", "the next funding time (0 for a delivery contract)");
                pendingExchTs = millis(eventTime, "E");
                pendingPrice = price;
                pendingIndex = index;
                if (rateBlank || transactTime == 0) {
                    if (!rateBlank || transactTime != 0) {
                        throw bad(rateBlank ? "r" : "T", "a funding rate needs a next funding time and the reverse:"
                                + " r " + (rateBlank ? "blank" : "given") + ", T " + transactTime);
                    }
                    pendingFundingTs = NONE;
                } else {
                    pendingFundingTs = millis(transactTime, "T");
                    pendingRate = rate;
                }
                return MARK_PRICE;
            }
            default -> {
                require(!Double.isNaN(bidPrice), "b", "the best bid price");
                require(!Double.isNaN(bidQty), "B", "the best bid quantity");
                require(!Double.isNaN(askPrice), "a", "the best ask price");
                require(!Double.isNaN(askQty), "A", "the best ask quantity");
                onGrid(bidPrice, "b");
                onGrid(askPrice, "a");
                pendingExchTs = transactTime != NONE ? millis(transactTime, "T")
                        : eventTime != NONE ? millis(eventTime, "E") : localTs;
                pendingPrice = bidPrice;
                pendingQty = bidQty;
                pendingAskPrice = askPrice;
                pendingAskQty = askQty;
                return BBO;
            }
        }
    }

    /**
     * Parses a REST depth snapshot ({@code GET /api/v3/depth} or {@code /fapi/v1/depth}) into {@code snapshot}:
     * {@code {"lastUpdateId":1027024,"E":..,"T":..,"bids":[["4.00000000","431.00000000"]],"asks":[[..]]}}. A spot
     * snapshot has no venue time and is stamped {@code exchTs = localTs}; futures use {@code T}.
     *
     * @param instrument the instrument index the snapshot is for
     */
    public void parseSnapshot(CharSequence body, int instrument, long localTs, DepthMessage snapshot) {
        stream = "depth snapshot of " + instruments.get(instrument).symbol();
        this.instrument = instrument;
        snapshot.clear();
        long id = NONE;
        long time = NONE;
        try (JsonParser p = JSON.createParser(body.toString())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw bad(null, "expected a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "lastUpdateId" -> id = longValue(p, v, "lastUpdateId");
                    case "T" -> time = longValue(p, v, "T");
                    case "bids" -> levels(p, snapshot, true);
                    case "asks" -> levels(p, snapshot, false);
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw bad(null, "truncated snapshot: the JSON object does not close");
            }
        } catch (JsonProcessingException e) {
            throw bad(null, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw bad(null, "unreadable snapshot: " + e.getMessage());
        }
        require(id != NONE, "lastUpdateId", "the snapshot's update id");
        snapshot.firstUpdateId = id;
        snapshot.finalUpdateId = id;
        for (int i = 0; i < snapshot.bidCount(); i++) {
            onGrid(snapshot.bidPrice(i), "bids[" + i + "][0]");
        }
        for (int i = 0; i < snapshot.askCount(); i++) {
            onGrid(snapshot.askPrice(i), "asks[" + i + "][0]");
        }
        snapshot.exchTs = time != NONE ? millis(time, "T") : localTs;
        snapshot.localTs = localTs;
    }

    private void levels(JsonParser p, DepthMessage m, boolean bids) throws IOException {
        String name = bids ? "b" : "a";
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw bad(name, "expected an array of [price, qty] pairs");
        }
        int index = 0;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.START_ARRAY) {
            String where = name + "[" + index + "]";
            double price = positivePrice(p, p.nextToken(), where + "[0]");
            double qty = quantity(p, p.nextToken(), where + "[1]");
            if (p.nextToken() != JsonToken.END_ARRAY) {
                throw bad(where, "expected a [price, qty] pair");
            }
            if (bids) {
                m.addBid(price, qty);
            } else {
                m.addAsk(price, qty);
            }
            index++;
        }
        if (t != JsonToken.END_ARRAY) {
            throw bad(name + "[" + index + "]", "expected a [price, qty] pair or the end of the array");
        }
    }

    private int eventType(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.VALUE_STRING) {
            throw bad("e", "expected a string event type");
        }
        String e = p.getText();
        return switch (e) {
            case "depthUpdate" -> 1;
            case "trade" -> 2;
            case "aggTrade" -> 3;
            case "bookTicker" -> 4;
            case "markPriceUpdate" -> 5;
            default -> throw bad("e", "unknown event type '" + e + "': expected depthUpdate, trade, aggTrade,"
                    + " bookTicker or markPriceUpdate");
        };
    }

    private int symbol(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.VALUE_STRING) {
            throw bad("s", "expected the symbol as a string");
        }
        Integer i = bySymbol.get(p.getText());
        if (i == null) {
            throw bad("s", "symbol '" + p.getText() + "' is not subscribed: expected one of " + bySymbol.keySet());
        }
        return i;
    }

    private double positivePrice(JsonParser p, JsonToken v, String field) throws IOException {
        double x = decimal(p, v, field);
        if (!(x > 0)) {
            throw bad(field, "price " + p.getText() + " is not positive");
        }
        return x;
    }

    /**
     * The tick-grid check, run once the whole payload is read: the symbol ({@code "s"}) may come after the prices,
     * in any field order.
     */
    private void onGrid(double price, String field) {
        Instrument i = instruments.get(instrument);
        if (!i.isOnTickGrid(price)) {
            throw bad(field, "price " + price + " is not on the tick grid of " + i.id() + " (tick size "
                    + i.tickSize() + ")");
        }
    }

    /** A venue time in ms as epoch ns, refused when it overflows or lies outside the plausible range. */
    private long millis(long ms, String field) {
        try {
            return EpochUnit.MILLIS.toPlausibleNanos(ms);
        } catch (IllegalArgumentException e) {
            throw bad(field, e.getMessage());
        }
    }

    private double quantity(JsonParser p, JsonToken v, String field) throws IOException {
        double x = decimal(p, v, field);
        if (x < 0) {
            throw bad(field, "negative quantity " + p.getText() + ": expected >= 0");
        }
        return x;
    }

    private double decimal(JsonParser p, JsonToken v, String field) throws IOException {
        double x = Double.NaN;
        if (v == JsonToken.VALUE_STRING) {
            text.set(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            x = Decimals.parseDouble(text, 0, text.length());
        } else if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) {
            x = p.getDoubleValue();
        }
        if (!Double.isFinite(x)) {
            throw bad(field, "not a finite decimal number: " + (v == null ? "end of input" : p.getText()));
        }
        return x;
    }

    private long longValue(JsonParser p, JsonToken v, String field) throws IOException {
        if (v != JsonToken.VALUE_NUMBER_INT) {
            throw bad(field, "expected an integer, found " + (v == null ? "end of input" : p.getText()));
        }
        return p.getLongValue();
    }

    private void require(boolean ok, String field, String what) {
        if (!ok) {
            throw bad(field, "missing: " + what);
        }
    }

    private MalformedFrameException bad(String field, String message) {
        return new MalformedFrameException("binance " + stream + (field == null ? "" : " field " + field), message);
    }

    @Override
    public String toString() {
        return "BinanceFrameParser[market=" + market + ", instruments=" + bySymbol.keySet() + "]";
    }
}
