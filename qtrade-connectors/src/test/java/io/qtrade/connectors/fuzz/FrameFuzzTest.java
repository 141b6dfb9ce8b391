package io.qtrade.connectors.fuzz;

import io.qtrade.connectors.binance.live.BinanceFrameParser;
import io.qtrade.connectors.binance.live.BinanceUserDataParser;
import io.qtrade.connectors.live.MalformedFrameException;
import io.qtrade.connectors.zerodha.live.KiteTickEvents;
import io.qtrade.connectors.zerodha.live.KiteTickParser;
import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.order.Fill;
import io.qtrade.store.binance.BinanceMarket;
import io.qtrade.store.binance.DepthMessage;
import io.qtrade.store.ingest.EpochUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18's fuzz suite for the live frame parsers: seeded mutants of the venues' documented frames (Binance
 * market data, USD-M mark price stream, REST depth snapshot and user data; Kite binary ticks). Documented outcomes only: parsed, or a
 * {@link MalformedFrameException} naming the venue and field. A parsed frame's prices and quantities equal numbers of
 * its text (via {@link BigDecimal}) and are finite, quantities {@code >= 0}, times in the plausible range. Each case
 * is bounded in time. {@code -Dqtrade.fuzz.cases} and {@code -Dqtrade.fuzz.seed} as in docs/fuzzing.md.
 */
class FrameFuzzTest {

    static final long SEED = Long.getLong("qtrade.fuzz.seed", 18);
    static final int CASES = Integer.getInteger("qtrade.fuzz.cases", 400);
    /** The first case index: {@code -Dqtrade.fuzz.firstCase=N -Dqtrade.fuzz.cases=N+1} replays case N alone. */
    static final long FIRST_CASE = Long.getLong("qtrade.fuzz.firstCase", 0);
    static final long CASE_LIMIT_NANOS = 2_000_000_000L;
    static final long SECONDS_PER_TARGET = Long.getLong("qtrade.fuzz.secondsPerTarget", 1L << 30);
    static final Map<String, Map<String, Long>> COUNTS = new TreeMap<>();
    static final List<String> FAILURES = new ArrayList<>();

    static final Instrument BNBBTC = Instrument.spot("BNBBTC", "BINANCE", 0.0001, 0.001);
    static final Instrument BTCUSDT = Instrument.spot("BTCUSDT", "BINANCE", 0.1, 0.001);
    static final Instrument INFY = Instrument.spot("INFY", "NSE", 0.05, 1);
    static final long LOCAL = 1_700_000_000_123_000_000L;

    /** Frames as the Binance docs show them (the same as the parser tests use). */
    static final String[] BINANCE_FRAMES = {
        "{\"stream\":\"bnbbtc@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1672515782136,\"s\":\"BNBBTC\","
            + "\"U\":157,\"u\":160,\"b\":[[\"0.0024\",\"10\"]],\"a\":[[\"0.0026\",\"100\"]]}}",
        "{\"stream\":\"bnbbtc@trade\",\"data\":{\"e\":\"trade\",\"E\":1672515782136,\"s\":\"BNBBTC\",\"t\":12345,"
            + "\"p\":\"0.0010\",\"q\":\"100\",\"T\":1672515782136,\"m\":true,\"M\":true}}",
        "{\"stream\":\"bnbbtc@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":1672515782136,\"s\":\"BNBBTC\","
            + "\"a\":26129,\"p\":\"0.0016\",\"q\":\"100\",\"f\":100,\"l\":105,\"T\":1672515782136,\"m\":false}}",
        "{\"stream\":\"bnbbtc@bookTicker\",\"data\":{\"u\":400900217,\"s\":\"BNBBTC\",\"b\":\"25.3500\","
            + "\"B\":\"31.21\",\"a\":\"25.3600\",\"A\":\"40.66\"}}",
        "{\"result\":null,\"id\":1}",
    };
    /**
     * The USD-M mark price stream as Binance's futures docs show it ("Mark Price Stream"), for a perpetual (funding)
     * and a delivery contract (no funding: {@code "r":""}, {@code "T":0}).
     */
    static final String[] MARK_PRICE_FRAMES = {
        "{\"stream\":\"btcusdt@markPrice@1s\",\"data\":{\"e\":\"markPriceUpdate\",\"E\":1562305380000,"
            + "\"s\":\"BTCUSDT\",\"p\":\"11794.15000000\",\"i\":\"11784.62659091\",\"P\":\"11784.25641265\","
            + "\"r\":\"0.00038167\",\"T\":1562306400000}}",
        "{\"stream\":\"btcusdt@markPrice\",\"data\":{\"e\":\"markPriceUpdate\",\"E\":1730000000000,"
            + "\"s\":\"BTCUSDT\",\"p\":\"2501.23456789\",\"i\":\"2490.5\",\"P\":\"2490.49\",\"r\":\"\","
            + "\"T\":0}}",
    };
    static final String SNAPSHOT = "{\"lastUpdateId\":1027024,\"bids\":[[\"4.0000\",\"431.00000000\"]],"
            + "\"asks\":[[\"4.0002\",\"12.00000000\"]]}";
    static final String[] USER_FRAMES = {
        "{\"e\":\"executionReport\",\"E\":1,\"s\":\"BTCUSDT\",\"S\":\"SELL\",\"q\":\"0.002\",\"x\":\"TRADE\","
            + "\"X\":\"FILLED\",\"r\":\"NONE\",\"i\":77,\"l\":\"0.002\",\"z\":\"0.002\",\"L\":\"30000.0\","
            + "\"n\":\"0.000002\",\"N\":\"BTC\",\"T\":1700000000000,\"m\":false}",
        "{\"e\":\"ORDER_TRADE_UPDATE\",\"E\":1568879465651,\"T\":1568879465650,\"o\":{\"s\":\"BTCUSDT\","
            + "\"c\":\"TEST\",\"S\":\"SELL\",\"o\":\"MARKET\",\"f\":\"GTC\",\"q\":\"0.001\",\"p\":\"0\","
            + "\"x\":\"TRADE\","
            + "\"X\":\"FILLED\",\"i\":8886774,\"l\":\"0.001\",\"z\":\"0.001\",\"L\":\"7103.1\",\"N\":\"USDT\","
            + "\"n\":\"0.0028\",\"T\":1568879465651,\"m\":false}}",
        "{\"e\":\"executionReport\",\"E\":1499405658658,\"s\":\"BTCUSDT\",\"S\":\"BUY\",\"q\":\"1.00000000\","
            + "\"x\":\"NEW\",\"X\":\"NEW\",\"r\":\"NONE\",\"i\":4293153,\"l\":\"0.00000000\",\"z\":\"0.00000000\","
            + "\"L\":\"0.00000000\",\"n\":\"0\",\"N\":null,\"T\":1499405658657,\"m\":false}",
    };

    @AfterAll
    static void report() {
        System.out.println("frame fuzz: " + COUNTS + ", undocumented: " + FAILURES.size());
        FAILURES.stream().limit(20).forEach(f -> System.out.println("  FAIL " + f));
    }

    @Test
    void binanceMarketFramesAreParsedAsWrittenOrRefusedNamingTheField() {
        BinanceFrameParser parser = new BinanceFrameParser(BinanceMarket.SPOT, List.of(BNBBTC));
        DepthMessage depth = new DepthMessage();
        EventBatch out = new EventBatch(16);
        for (long c = FIRST_CASE, end = System.nanoTime() + SECONDS_PER_TARGET * 1_000_000_000L; c < CASES
                && System.nanoTime() < end; c++) {
            Random r = new Random(SEED * 1_000_003L + c);
            boolean snapshot = r.nextInt(6) == 0;
            String seed = snapshot ? SNAPSHOT : BINANCE_FRAMES[r.nextInt(BINANCE_FRAMES.length)];
            String frame = mutate(seed, r);
            long caseIndex = c;
            run("binance-market", caseIndex, () -> {
                out.clear();
                depth.clear(); // a non-depth frame leaves it unchanged, as documented
                if (snapshot) {
                    parser.parseSnapshot(frame, 0, LOCAL, depth);
                } else {
                    parser.parse(frame, LOCAL, depth, out);
                }
                Set<Double> tokens = decimals(frame);
                for (int i = 0; i < out.size(); i++) {
                    requireValue(out.kind(i).hasPrice(), out.price(i), tokens, "price");
                    requireQty(out.qty(i), tokens);
                    requireTime(out.exchTs(i));
                }
                for (int i = 0; i < depth.bidCount(); i++) {
                    requireValue(true, depth.bidPrice(i), tokens, "bid price");
                    requireQty(depth.bidQty(i), tokens);
                }
                for (int i = 0; i < depth.askCount(); i++) {
                    requireValue(true, depth.askPrice(i), tokens, "ask price");
                    requireQty(depth.askQty(i), tokens);
                }
            });
        }
        assertThat(FAILURES).filteredOn(f -> f.startsWith("binance-market")).isEmpty();
    }

    /**
     * USD-M mark price frames (issue 23). Documented outcomes: parsed into MARK_PRICE and INDEX_PRICE rows (prices
     * that are positive numbers of the frame's text) and, with a funding time, a FUNDING_RATE row whose rate is a
     * number of the text with {@code |rate| < 1} and whose funding time ({@code orderId}) is plausible; or a
     * {@link MalformedFrameException} naming the stream and field. Nothing else: no row of a refused frame.
     */
    @Test
    void binanceMarkPriceFramesAreParsedAsWrittenOrRefusedNamingTheField() {
        Instrument perp = Instrument.spot("BTCUSDT", "BINANCE_USDM", 0.1, 0.001);
        BinanceFrameParser parser = new BinanceFrameParser(BinanceMarket.USDM_FUTURES, List.of(perp));
        DepthMessage depth = new DepthMessage();
        EventBatch out = new EventBatch(16);
        for (long c = FIRST_CASE, end = System.nanoTime() + SECONDS_PER_TARGET * 1_000_000_000L; c < CASES
                && System.nanoTime() < end; c++) {
            Random r = new Random(SEED * 1_000_003L + c);
            String frame = mutate(MARK_PRICE_FRAMES[r.nextInt(MARK_PRICE_FRAMES.length)], r);
            long caseIndex = c;
            run("binance-markprice", caseIndex, () -> {
                out.clear();
                int kind;
                try {
                    kind = parser.parse(frame, LOCAL, depth, out);
                } catch (MalformedFrameException e) {
                    if (out.size() != 0) {
                        throw new AssertionError("a refused frame wrote " + out.size() + " rows");
                    }
                    throw e;
                }
                Set<Double> tokens = decimals(frame);
                for (int i = 0; i < out.size(); i++) {
                    EventKind k = out.kind(i);
                    requireValue(true, out.price(i), tokens, k + " value");
                    requireTime(out.exchTs(i));
                    if (out.qty(i) != 0) {
                        throw new AssertionError(k + " row with qty " + out.qty(i));
                    }
                    if (k == EventKind.FUNDING_RATE) {
                        if (!(Math.abs(out.price(i)) < 1)) {
                            throw new AssertionError("funding rate " + out.price(i) + " is not a fraction");
                        }
                        requireTime(out.orderId(i));
                    } else if (!(out.price(i) > 0)) {
                        throw new AssertionError(k + " price " + out.price(i) + " is not positive");
                    }
                }
                if (kind == BinanceFrameParser.MARK_PRICE && (out.size() < 2 || out.kind(0) != EventKind.MARK_PRICE
                        || out.kind(1) != EventKind.INDEX_PRICE)) {
                    throw new AssertionError("a mark price frame gave " + out);
                }
            });
        }
        assertThat(FAILURES).filteredOn(f -> f.startsWith("binance-markprice")).isEmpty();
    }

    @Test
    void binanceUserDataFramesAreParsedAsWrittenOrRefusedNamingTheField() {
        BinanceUserDataParser parser = new BinanceUserDataParser(List.of(BTCUSDT));
        for (long c = FIRST_CASE, end = System.nanoTime() + SECONDS_PER_TARGET * 1_000_000_000L; c < CASES
                && System.nanoTime() < end; c++) {
            Random r = new Random(SEED * 1_000_003L + c);
            String frame = mutate(USER_FRAMES[r.nextInt(USER_FRAMES.length)], r);
            run("binance-user-data", c, () -> {
                ExecutionReport report = parser.parse(frame, LOCAL);
                if (report == null) {
                    return;
                }
                Set<Double> tokens = decimals(frame);
                requireQty(report.filledQty(), tokens);
                requireTime(report.exchTs());
                Fill fill = parser.lastFill();
                if (fill != null) {
                    requireValue(true, fill.price(), tokens, "fill price");
                    requireQty(fill.qty(), tokens);
                    if (!Double.isFinite(fill.fee())) {
                        throw new AssertionError("fee " + fill.fee());
                    }
                }
            });
        }
        assertThat(FAILURES).filteredOn(f -> f.startsWith("binance-user-data")).isEmpty();
    }

    @Test
    void kiteBinaryTicksAreParsedOrRefusedNamingTheField() {
        KiteTickParser parser = new KiteTickParser();
        KiteTickEvents events = new KiteTickEvents(List.of(INFY), new long[]{408065});
        EventBatch out = new EventBatch(64);
        byte[] seed = kiteMessage();
        for (long c = FIRST_CASE, end = System.nanoTime() + SECONDS_PER_TARGET * 1_000_000_000L; c < CASES
                && System.nanoTime() < end; c++) {
            Random r = new Random(SEED * 1_000_003L + c);
            byte[] message = mutateBytes(seed, r);
            run("kite-ticks", c, () -> {
                out.clear();
                parser.parse(ByteBuffer.wrap(message), t -> events.write(t, LOCAL, out));
                for (int i = 0; i < out.size(); i++) {
                    EventKind k = out.kind(i);
                    if (k.hasPrice() && (!Double.isFinite(out.price(i)) || !(out.price(i) > 0))) {
                        throw new AssertionError("price " + out.price(i));
                    }
                    if (!(out.qty(i) >= 0) || Double.isInfinite(out.qty(i))) {
                        throw new AssertionError("qty " + out.qty(i));
                    }
                }
            });
        }
        assertThat(FAILURES).filteredOn(f -> f.startsWith("kite-ticks")).isEmpty();
    }

    static void run(String target, long caseIndex, Runnable body) {
        long t0 = System.nanoTime();
        String outcome;
        try {
            body.run();
            outcome = "accepted";
        } catch (MalformedFrameException e) {
            outcome = "MalformedFrameException";
            String m = e.getMessage();
            if (m == null || !(m.startsWith("binance ") || m.startsWith("kite") || m.contains("field"))) {
                FAILURES.add(target + " seed " + SEED + " case " + caseIndex + ": unlocated " + e);
            }
        } catch (AssertionError e) {
            outcome = "invariant broken";
            FAILURES.add(target + " seed " + SEED + " case " + caseIndex + ": " + e.getMessage());
        } catch (RuntimeException | Error e) {
            outcome = e.getClass().getSimpleName();
            FAILURES.add(target + " seed " + SEED + " case " + caseIndex + ": undocumented " + e + " at "
                    + (e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?"));
        }
        long nanos = System.nanoTime() - t0;
        if (nanos > CASE_LIMIT_NANOS) {
            FAILURES.add(target + " seed " + SEED + " case " + caseIndex + ": took " + nanos / 1_000_000 + " ms");
        }
        synchronized (COUNTS) {
            COUNTS.computeIfAbsent(target, k -> new TreeMap<>()).merge(outcome, 1L, Long::sum);
        }
    }

    static void requireValue(boolean hasPrice, double v, Set<Double> tokens, String what) {
        if (hasPrice && (!Double.isFinite(v) || !tokens.contains(v))) {
            throw new AssertionError(what + " " + v + " is not a finite number of the frame's text");
        }
    }

    static void requireQty(double q, Set<Double> tokens) {
        if (!(q >= 0) || Double.isInfinite(q) || (q != 0 && !tokens.contains(q))) {
            throw new AssertionError("quantity " + q + " is not a non-negative number of the frame's text");
        }
    }

    static void requireTime(long ts) {
        if (ts < EpochUnit.MIN_PLAUSIBLE_NANOS || ts >= EpochUnit.MAX_PLAUSIBLE_NANOS) {
            throw new AssertionError("time " + ts + " outside the plausible range");
        }
    }

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final String[] HOSTILE = {"NaN", "Infinity", "-1", "1e308", "1.8e308", "4.9e-324",
        "9223372036854775807", "-9223372036854775808", "99999999999999999999999", "-0.9999999999999999999",
        "1.7e23", "0x1p3", "1f", "\"\"", "null", "{}", "[]", "[[1,2]]", "9223372036854776", "-5", "true"};

    static Set<Double> decimals(String text) {
        Set<Double> out = new HashSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            double v;
            try {
                v = new BigDecimal(m.group()).doubleValue();
            } catch (NumberFormatException e) {
                continue; // an exponent beyond BigDecimal's int range: no parser accepts it as a number
            }
            out.add(v);
            if (v == 0) {
                out.add(-v); // "-0" reads as -0.0, numerically its text (BigDecimal has no negative zero)
            }
        }
        return out;
    }

    static String mutate(String seed, Random r) {
        String s = seed;
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            if (r.nextInt(3) == 0) {
                s = new String(mutateBytes(s.getBytes(StandardCharsets.ISO_8859_1), r), StandardCharsets.ISO_8859_1);
            } else {
                List<int[]> spans = new ArrayList<>();
                Matcher m = Pattern.compile("\"[^\"]*\"|[-+]?\\d+(\\.\\d+)?|true|false|null").matcher(s);
                while (m.find()) {
                    spans.add(new int[]{m.start(), m.end()});
                }
                if (spans.isEmpty()) {
                    continue;
                }
                int[] span = spans.get(r.nextInt(spans.size()));
                String token = s.substring(span[0], span[1]);
                String h = HOSTILE[r.nextInt(HOSTILE.length)];
                String replacement = token.startsWith("\"") && r.nextBoolean() ? "\"" + h + "\"" : h;
                if (r.nextInt(4) == 0) {
                    // Move a field: swap this token with another one (field order, types in the wrong place).
                    int[] other = spans.get(r.nextInt(spans.size()));
                    if (other[0] > span[1]) {
                        replacement = s.substring(other[0], other[1]);
                    }
                }
                s = s.substring(0, span[0]) + replacement + s.substring(span[1]);
            }
        }
        return s;
    }

    static byte[] mutateBytes(byte[] b, Random r) {
        if (b.length == 0) {
            return new byte[]{(byte) r.nextInt(256)};
        }
        switch (r.nextInt(4)) {
            case 0 -> {
                byte[] c = b.clone();
                c[r.nextInt(c.length)] ^= (byte) (1 << r.nextInt(8));
                return c;
            }
            case 1 -> {
                return java.util.Arrays.copyOf(b, r.nextInt(b.length));
            }
            case 2 -> {
                int at = r.nextInt(b.length + 1);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(b, 0, at);
                for (int i = 0, k = 1 + r.nextInt(4); i < k; i++) {
                    out.write(r.nextInt(256));
                }
                out.write(b, at, b.length - at);
                return out.toByteArray();
            }
            default -> {
                byte[] c = b.clone();
                int at = r.nextInt(Math.max(1, c.length - 3));
                int v = r.nextBoolean() ? Integer.MIN_VALUE : r.nextBoolean() ? Integer.MAX_VALUE : -1;
                for (int i = 0; i < 4 && at + i < c.length; i++) {
                    c[at + i] = (byte) (v >>> (24 - 8 * i));
                }
                return c;
            }
        }
    }

    /** One Kite message with an LTP packet and a full packet with five depth levels a side (the documented layout). */
    static byte[] kiteMessage() {
        ByteBuffer full = ByteBuffer.allocate(184);
        full.putInt(408065).putInt(150025).putInt(7).putInt(149980).putInt(123456).putInt(1000).putInt(2000)
                .putInt(150000).putInt(151000).putInt(149000).putInt(149500);
        full.putInt(1_700_000_000).putInt(0).putInt(0).putInt(0).putInt(1_700_000_001);
        for (int l = 0; l < 10; l++) {
            int price = l < 5 ? 150020 - 5 * l : 150030 + 5 * (l - 5);
            full.putInt(10 * (l + 1)).putInt(price).putShort((short) (l + 1)).putShort((short) 0);
        }
        ByteBuffer ltp = ByteBuffer.allocate(8).putInt(408065).putInt(150025);
        ByteBuffer m = ByteBuffer.allocate(2 + 2 + 8 + 2 + 184);
        m.putShort((short) 2).putShort((short) 8).put(ltp.array()).putShort((short) 184).put(full.array());
        return m.array();
    }
}
