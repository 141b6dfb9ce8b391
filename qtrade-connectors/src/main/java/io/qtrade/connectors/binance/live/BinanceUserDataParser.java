package io.qtrade.connectors.binance.live;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.qtrade.connectors.live.MalformedFrameException;
import io.qtrade.connectors.live.VenueException;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.Liquidity;
import io.qtrade.core.order.OrderStatus;

import io.qtrade.store.ingest.Decimals;
import io.qtrade.store.ingest.EpochUnit;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps Binance user-data stream events to core execution reports and fills: spot {@code executionReport} and USD-M
 * futures {@code ORDER_TRADE_UPDATE} (whose order fields sit in {@code "o"} with the same one-letter keys):
 * <pre>{@code
 * {"e":"executionReport","E":1499405658658,"s":"ETHBTC","c":"mUvoqJxFIILMdfAW5iGSOW","S":"BUY","o":"LIMIT",
 *  "f":"GTC","q":"1.00000000","p":"0.10264410","x":"TRADE","X":"PARTIALLY_FILLED","r":"NONE","i":4293153,
 *  "l":"0.40000000","z":"0.40000000","L":"0.10264410","n":"0.00000040","N":"BTC","T":1499405658657,"t":7,"m":true}
 *
 * report: orderId = i, status = X, filledQty = z, leavesQty = q - z (0 once terminal),
 *         lastFillQty = l and lastFillPrice = L when x == "TRADE" (else 0 and NaN), reason = r ("" for NONE),
 *         exchTs = T (ms -> ns)
 * fill (x == "TRADE"): side = S, price = L, qty = l, liquidity = MAKER if m else TAKER,
 *         fee = n in the quote currency: n as is when N is the symbol's quote asset (the symbol ends with N),
 *               n * L when N is the base asset (the symbol starts with N); any other asset (BNB discount) gives
 *               fee 0 here and the commission in {@link #lastCommission()} / {@link #lastCommissionAsset()}
 * }</pre>
 * Other events ({@code outboundAccountPosition}, {@code balanceUpdate}, {@code ACCOUNT_UPDATE}) return null;
 * {@code listenKeyExpired} returns null and sets {@link #listenKeyExpired()}. A malformed event throws a
 * {@link MalformedFrameException} naming the field. One parser per stream (not thread-safe).
 */
public final class BinanceUserDataParser {

    private static final JsonFactory JSON = new JsonFactory();

    private final Map<String, Integer> bySymbol = new HashMap<>();
    private final List<Instrument> instruments;
    private Fill lastFill;
    private double lastCommission;
    private String lastCommissionAsset;
    private boolean listenKeyExpired;

    // Fields of the event being parsed.
    private String event;
    private String symbol;
    private String side;
    private String execType;
    private String orderStatus;
    private String rejectReason;
    private String commissionAsset;
    private long orderId;
    private long time;
    private double origQty;
    private double lastQty;
    private double cumQty;
    private double lastPrice;
    private double commission;
    private int maker;

    /** A parser for the account's instruments (symbols as Binance spells them). */
    public BinanceUserDataParser(List<Instrument> instruments) {
        this.instruments = List.copyOf(instruments);
        for (int i = 0; i < this.instruments.size(); i++) {
            bySymbol.put(this.instruments.get(i).symbol().toUpperCase(Locale.ROOT), i);
        }
    }

    /**
     * Parses one user-data event.
     *
     * @return the order's report, or null when the event is not an order update
     * @throws MalformedFrameException when a field breaks the documented format
     */
    public ExecutionReport parse(CharSequence frame, long localTs) {
        reset();
        try (JsonParser p = JSON.createParser(frame.toString())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw bad(null, "expected a JSON object");
            }
            object(p, true);
        } catch (JsonProcessingException e) {
            throw bad(null, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw bad(null, "unreadable event: " + e.getMessage());
        }
        if (event == null) {
            throw bad("e", "missing: the event type");
        }
        if ("listenKeyExpired".equals(event)) {
            listenKeyExpired = true;
            return null;
        }
        if (!"executionReport".equals(event) && !"ORDER_TRADE_UPDATE".equals(event)) {
            return null;
        }
        Integer index = symbol == null ? null : bySymbol.get(symbol);
        if (index == null) {
            throw bad("s", symbol == null ? "missing: the symbol" : "symbol '" + symbol + "' is not one of "
                    + bySymbol.keySet());
        }
        Instrument in = instruments.get(index);
        if (orderStatus == null || execType == null || orderId == Long.MIN_VALUE || time == Long.MIN_VALUE
                || Double.isNaN(origQty) || Double.isNaN(cumQty)) {
            throw bad(null, "an order update needs X, x, i, T, q and z");
        }
        OrderStatus status;
        try {
            status = BinanceRestClient.status(orderStatus, "user-data " + event);
        } catch (VenueException e) {
            throw bad("X", "unknown order status '" + orderStatus + "'");
        }
        // A fill is a TRADE execution, or on USD-M futures a CALCULATED one (the liquidation engine's fill): both move
        // the position, so both are fills.
        boolean trade = ("TRADE".equals(execType) || "CALCULATED".equals(execType)) && lastQty > 0;
        long exchTs;
        try {
            exchTs = EpochUnit.MILLIS.toPlausibleNanos(time);
        } catch (IllegalArgumentException e) {
            throw bad("T", e.getMessage());
        }
        if (trade && Double.isNaN(lastPrice)) {
            throw bad("L", "missing: the last fill price of a " + execType + " execution");
        }
        if (trade && !(lastPrice > 0)) {
            throw bad("L", "the last fill price of a " + execType + " execution must be positive, was " + lastPrice);
        }
        double leaves = status.isTerminal() ? 0.0 : Math.max(0.0, origQty - cumQty);
        String reason = rejectReason == null || "NONE".equals(rejectReason) ? ExecutionReport.NO_REASON : rejectReason;
        ExecutionReport report = new ExecutionReport(orderId, in, status, cumQty, leaves,
                trade ? lastPrice : ExecutionReport.NO_FILL_PRICE, trade ? lastQty : ExecutionReport.NO_FILL_QTY,
                reason, exchTs, localTs);
        if (trade) {
            if (!"BUY".equals(side) && !"SELL".equals(side)) {
                throw bad("S", "side '" + side + "': expected BUY or SELL");
            }
            double fee = 0.0;
            String sym = in.symbol().toUpperCase(Locale.ROOT);
            if (commissionAsset != null && !Double.isNaN(commission)) {
                if (sym.endsWith(commissionAsset)) {
                    fee = commission;
                } else if (sym.startsWith(commissionAsset)) {
                    fee = commission * lastPrice;
                }
            }
            if (!Double.isFinite(fee)) {
                throw bad("n", "commission " + commission + " " + commissionAsset + " at price " + lastPrice
                        + " is not a finite fee in the quote currency");
            }
            lastCommission = Double.isNaN(commission) ? 0.0 : commission;
            lastCommissionAsset = commissionAsset;
            lastFill = new Fill(orderId, in, "BUY".equals(side) ? Side.BUY : Side.SELL, lastPrice, lastQty, fee,
                    maker == 1 ? Liquidity.MAKER : Liquidity.TAKER, exchTs, localTs);
        }
        return report;
    }

    private void object(JsonParser p, boolean top) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            if (v == null) {
                throw bad(f, "truncated event");
            }
            switch (f) {
                case "e" -> event = p.getText();
                case "o" -> {
                    if (v == JsonToken.START_OBJECT) {
                        object(p, false);
                    }
                }
                case "s" -> symbol = p.getText();
                case "S" -> side = p.getText();
                case "x" -> execType = p.getText();
                case "X" -> orderStatus = p.getText();
                case "r" -> rejectReason = p.getText();
                case "N" -> commissionAsset = v == JsonToken.VALUE_NULL ? null : p.getText();
                case "i" -> orderId = longValue(p, v, f);
                case "T" -> {
                    if (!top || time == Long.MIN_VALUE) {
                        time = longValue(p, v, f);
                    }
                }
                case "q" -> origQty = decimal(p, v, f);
                case "l" -> lastQty = decimal(p, v, f);
                case "z" -> cumQty = decimal(p, v, f);
                case "L" -> lastPrice = decimal(p, v, f);
                case "n" -> commission = decimal(p, v, f);
                case "m" -> maker = v == JsonToken.VALUE_TRUE ? 1 : 0;
                default -> p.skipChildren();
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw bad(null, "truncated event: the JSON object does not close");
        }
    }

    private double decimal(JsonParser p, JsonToken v, String f) throws IOException {
        double x;
        if (v == JsonToken.VALUE_STRING) {
            String t = p.getText();
            x = Decimals.parseDouble(t, 0, t.length());
            if (Double.isNaN(x)) {
                throw bad(f, "not a decimal number a double holds: " + t);
            }
        } else if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) {
            // The same exact parser as for strings: a bare 1.7e-9223372036854775808 is refused, never read as 0.
            String t = p.getText();
            x = Decimals.parseDouble(t, 0, t.length());
            if (Double.isNaN(x)) {
                throw bad(f, "not a decimal number a double holds: " + t);
            }
        } else {
            throw bad(f, "expected a decimal number, found " + p.getText());
        }
        if (!Double.isFinite(x) || x < 0) {
            throw bad(f, "expected a finite non-negative decimal, found " + p.getText());
        }
        return x;
    }

    private long longValue(JsonParser p, JsonToken v, String f) throws IOException {
        if (v != JsonToken.VALUE_NUMBER_INT) {
            throw bad(f, "expected an integer, found " + p.getText());
        }
        return p.getLongValue();
    }

    private void reset() {
        lastFill = null;
        event = null;
        symbol = null;
        side = null;
        execType = null;
        orderStatus = null;
        rejectReason = null;
        commissionAsset = null;
        orderId = Long.MIN_VALUE;
        time = Long.MIN_VALUE;
        origQty = Double.NaN;
        lastQty = 0.0;
        cumQty = Double.NaN;
        lastPrice = Double.NaN;
        commission = Double.NaN;
        maker = 0;
    }

    private MalformedFrameException bad(String field, String message) {
        return new MalformedFrameException("binance user-data " + (event == null ? "event" : event)
                + (field == null ? "" : " field " + field), message);
    }

    /** The fill of the last parsed report, or null when it was not a fill. */
    public Fill lastFill() {
        return lastFill;
    }

    /** The commission of the last fill as Binance reported it, in {@link #lastCommissionAsset()}. */
    public double lastCommission() {
        return lastCommission;
    }

    /** The asset of the last fill's commission ({@code N}), or null. */
    public String lastCommissionAsset() {
        return lastCommissionAsset;
    }

    /** Whether a {@code listenKeyExpired} event arrived: the stream must be reopened with a new key. */
    public boolean listenKeyExpired() {
        return listenKeyExpired;
    }

    @Override
    public String toString() {
        return "BinanceUserDataParser[instruments=" + bySymbol.keySet() + "]";
    }
}
