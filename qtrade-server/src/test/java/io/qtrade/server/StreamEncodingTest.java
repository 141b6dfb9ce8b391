package io.qtrade.server;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.order.Liquidity;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hub's hot-path encoders against the slow references they replace: {@link JsonBytes} and the fill message
 * against Jackson ({@link Json#write}, byte for byte), {@link Chunk} prefixes against joined strings, and
 * {@link OpenOrders} against a {@link HashMap} on a seeded random stream of puts and removes.
 */
class StreamEncodingTest {

    private static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);

    private static String bytes(JsonBytes b) {
        return new String(b.bytes(), 0, b.length(), StandardCharsets.UTF_8);
    }

    @Test
    void stringsAreEscapedAndEncodedAsJacksonDoes() {
        List<String> cases = new ArrayList<>(List.of("", "mm", "AAA@SYN", "quote\"back\\slash/", "tab\tnl\ncr\r",
                "\b\f\u0000\u001f\u007f", "é ü €", "𝄞 clef", "lone \ud800 high", "lone \udc00 low"));
        SplittableRandom rnd = new SplittableRandom(7);
        for (int k = 0; k < 2000; k++) {
            StringBuilder s = new StringBuilder();
            int n = rnd.nextInt(12);
            for (int i = 0; i < n; i++) {
                int kind = rnd.nextInt(4);
                s.append((char) (kind == 0 ? rnd.nextInt(0x20) : kind == 1 ? 0x20 + rnd.nextInt(0x60)
                        : kind == 2 ? 0x80 + rnd.nextInt(0x780) : 0x800 + rnd.nextInt(0xD000)));
            }
            cases.add(s.toString());
        }
        JsonBytes b = new JsonBytes();
        for (String s : cases) {
            b.reset().string(s);
            // The old path: Jackson's text, then String.getBytes (a lone surrogate becomes '?').
            assertThat(java.util.Arrays.copyOf(b.bytes(), b.length())).as("%s", s)
                    .isEqualTo(Json.write(s).getBytes(StandardCharsets.UTF_8));
        }
        assertThat(bytes(b.reset().string(null))).isEqualTo("null");
    }

    @Test
    void numbersAreWrittenAsJavaWritesThemAndParseBackExactly() {
        JsonBytes b = new JsonBytes();
        for (long v : new long[] {0, 1, -1, 9, 10, -10, 1_700_000_000_123_456_789L, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertThat(bytes(b.reset().number(v))).isEqualTo(Long.toString(v));
        }
        SplittableRandom rnd = new SplittableRandom(3);
        int same = 0;
        int n = 60_000;
        for (int k = 0; k < n; k++) {
            double v = switch (k % 6) {
                case 0 -> Double.longBitsToDouble(rnd.nextLong());                   // any double
                case 1 -> Math.round(rnd.nextDouble(0, 1e9)) / 100.0;                // a price in cents
                case 2 -> rnd.nextGaussian() * Math.pow(10, -rnd.nextInt(6));        // a fee
                case 3 -> -rnd.nextDouble(0, 1e7);                                   // a PnL, 17 digits
                case 4 -> Math.scalb(1.0, rnd.nextInt(-12, 24)) * (rnd.nextBoolean() ? 1 : -1); // powers of two
                default -> Math.nextUp(Math.round(rnd.nextDouble(0, 1e6)) / 1000.0); // an ulp off a decimal
            };
            String s = bytes(b.reset().number(v));
            if (!Double.isFinite(v)) {
                assertThat(s).isEqualTo("null");
                continue;
            }
            String jdk = Double.toString(v);
            // Exact: the text parses back to the same double; never longer than the JDK's text, in its format.
            assertThat(Double.parseDouble(s)).as("%s from %s", s, jdk).isEqualTo(v);
            assertThat(s.length()).as("%s vs %s", s, jdk).isLessThanOrEqualTo(jdk.length());
            assertThat(s.contains("E")).isEqualTo(jdk.contains("E"));
            same += s.equals(jdk) ? 1 : 0;
        }
        // JDK 17's Double.toString is not always the shortest (JDK-4511638); elsewhere the texts are the same.
        assertThat(same).isGreaterThan(n * 99 / 100);
        for (double v : new double[] {100.01, 0.3, 3.0, -0.0, 0.0, 1e-3, 9_999_999.99, 0.1 + 0.2, 1e7, 1e-7, -12.5}) {
            assertThat(bytes(b.reset().number(v))).isEqualTo(Double.toString(v));
        }
        assertThat(bytes(b.reset().number(Double.NaN))).isEqualTo("null");
        assertThat(bytes(b.reset().number(Double.NEGATIVE_INFINITY))).isEqualTo("null");
        assertThat(bytes(b.reset().bool(true).raw(',').bool(false))).isEqualTo("true,false");
    }

    private static LiveState.FillState fill(long orderId, double price, double positionQty, double avgEntry) {
        LiveState.FillState f = new LiveState.FillState();
        f.strategy = "mm \"one\"";
        f.instrument = AAA;
        f.instrumentId = AAA.id();
        f.orderId = orderId;
        f.side = orderId % 2 == 0 ? Side.BUY : Side.SELL;
        f.price = price;
        f.qty = 0.3;
        f.fee = -0.0006000000000000001;
        f.liquidity = Liquidity.MAKER;
        f.exchTs = 1_700_000_000_000_000_000L + orderId;
        f.localTs = 1_700_000_000_000_050_000L + orderId;
        f.external = orderId % 3 == 0;
        f.positionQty = positionQty;
        f.avgEntryPrice = avgEntry;
        f.realizedPnl = -12.345678901234567;
        f.fees = 1.0E-7;
        f.cash = 99_987.65432100001;
        return f;
    }

    @Test
    void theFillMessageIsTheMapMessageByteForByte() {
        JsonBytes b = new JsonBytes();
        for (LiveState.FillState f : List.of(fill(1, 100.01, 0.3, 100.01), fill(2, 99.99, 0, Double.NaN),
                fill(3, 1e-9, -1e21, 123456.789))) {
            Map<String, Object> m = new LinkedHashMap<>(f.json());
            m.put("type", "fill");
            m.put("pub", 123_456_789_012_345L);
            String got = bytes(StreamHub.fillJson(b.reset(), f, 123_456_789_012_345L));
            // The same text as Jackson's (the doubles here are ones JDK 17 prints shortest).
            assertThat(got).isEqualTo(Json.write(m));
            assertThat(got).startsWith("{\"orderId\":").contains("\"type\":\"fill\"").endsWith(",\"pub\":123456789012345}");
        }
    }

    @Test
    void orderAndTradeMessagesAreTheMapMessagesByteForByte() {
        JsonBytes b = new JsonBytes();
        LiveState.OrderState o = new LiveState.OrderState();
        o.orderId = 77;
        o.strategy = "mm";
        o.instrument = AAA;
        o.instrumentId = AAA.id();
        o.side = "SELL";
        o.type = "LIMIT";
        o.timeInForce = "GTC";
        o.price = 100.07;
        o.qty = 0.5;
        o.status = io.qtrade.core.order.OrderStatus.PARTIALLY_FILLED;
        o.filledQty = 0.2;
        o.leavesQty = 0.30000000000000004;
        o.reason = "";
        o.external = true;
        o.createdTs = 1_700_000_000_000_000_000L;
        o.updatedTs = 1_700_000_000_000_100_000L;
        for (int k = 0; k < 2; k++) {
            Map<String, Object> m = o.json();
            m.put("type", "order");   // what the hub always did: the message type replaces the order type's value
            m.put("pub", 5L);
            assertThat(bytes(StreamHub.orderJson(b.reset(), o, 5L))).isEqualTo(Json.write(m));
            // A market order: no price, no type or time in force known; a rejection with its reason.
            o.price = Double.NaN;
            o.side = null;
            o.timeInForce = null;
            o.status = io.qtrade.core.order.OrderStatus.REJECTED;
            o.reason = "max_position: 5 > 4 \"AAA@SYN\"";
        }
        LiveState.TradeState t = new LiveState.TradeState();
        t.instrument = AAA.id();
        t.aggressor = "BUY";
        t.price = 99.99;
        t.qty = 3;
        t.localTs = 1_700_000_000_000_000_123L;
        Map<String, Object> m = t.json();
        m.put("type", "trade");
        m.put("pub", 9L);
        assertThat(bytes(StreamHub.tradeJson(b.reset(), t, 9L))).isEqualTo(Json.write(m));
    }

    @Test
    void writingAFillMessageAllocatesNothingOnceWarm() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        JsonBytes b = new JsonBytes();
        LiveState.FillState[] fills = new LiveState.FillState[64];
        for (int i = 0; i < fills.length; i++) {
            fills[i] = fill(i, 100 + i * 0.01, i * 0.1, 100 + i * 0.005);
            fills[i].realizedPnl = -12.345678901234567 * i;
            fills[i].cash = 99_987.65432100001 + i * 0.37;
            fills[i].fees = 0.002 * (i + 1);
            fills[i].fee = -0.002 - i * 1e-5;   // in [1e-3, 1e7): below, the JDK's text is written (and allocates)
        }
        long sink = 0;
        for (int i = 0; i < 50_000; i++) {
            sink += StreamHub.fillJson(b.reset(), fills[i & 63], i).length();
        }
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 20_000; i++) {
            sink += StreamHub.fillJson(b.reset(), fills[i & 63], i).length();
        }
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertThat(sink).isPositive();
        // 20,000 messages: a few hundred bytes in all (the bean's own bookkeeping) means none per message.
        assertThat(allocated).as("bytes allocated for 20,000 fill messages").isLessThan(20_000);
    }

    @Test
    void aChunkPrefixIsTheFirstMessagesJoinedByNewlines() {
        Chunk.Builder builder = new Chunk.Builder();
        assertThat(builder.seal()).isNull();
        List<String> messages = new ArrayList<>();
        JsonBytes b = new JsonBytes();
        for (int i = 0; i < 1000; i++) {
            String m = "{\"n\":" + i + ",\"s\":\"" + "x".repeat(i % 50) + "é\"}";
            messages.add(m);
            b.reset().raw("{\"n\":").number(i).raw(",\"s\":").string("x".repeat(i % 50) + "é").raw('}');
            builder.add(b.bytes(), 0, b.length());
        }
        assertThat(builder.count()).isEqualTo(1000);
        Chunk c = builder.seal();
        assertThat(builder.count()).isZero();
        assertThat(c.count()).isEqualTo(1000);
        for (int k : new int[] {1, 2, 17, 999, 1000}) {
            ByteBuffer p = c.prefix(k);
            assertThat(StandardCharsets.UTF_8.decode(p).toString()).isEqualTo(String.join("\n", messages.subList(0, k)));
            // Each prefix has its own position: reading one (as a socket write does) leaves the others whole.
            assertThat(c.prefix(k).remaining()).isEqualTo(p.limit());
        }
        assertThat(c.message(0)).isEqualTo(messages.get(0));
        assertThat(c.message(999)).isEqualTo(messages.get(999));
        assertThatThrownBy(() -> c.prefix(0)).hasMessageContaining("prefix of 0 messages, chunk has 1000");
        assertThat(Chunk.of("{\"type\":\"top\"}").prefix(1)).isEqualTo(ByteBuffer.wrap("{\"type\":\"top\"}"
                .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void openOrdersAgreeWithAHashMapOnARandomStream() {
        OpenOrders table = new OpenOrders();
        Map<Long, LiveState.OrderState> reference = new HashMap<>();
        SplittableRandom rnd = new SplittableRandom(42);
        long nextId = 1;
        List<Long> live = new ArrayList<>();
        for (int step = 0; step < 200_000; step++) {
            int op = rnd.nextInt(10);
            if (op < 4 || live.isEmpty()) {
                // New ids rise, as the engine's do, with jumps that collide in the table's low bits.
                long id = nextId;
                nextId += rnd.nextInt(3) == 0 ? 1024 : 1;
                LiveState.OrderState o = new LiveState.OrderState();
                o.orderId = id;
                table.put(id, o);
                reference.put(id, o);
                live.add(id);
            } else if (op < 8) {
                long id = live.remove(rnd.nextInt(live.size()));
                table.remove(id);
                reference.remove(id);
            } else {
                long id = rnd.nextInt(4) == 0 ? nextId + 5 : live.get(rnd.nextInt(live.size()));
                assertThat(table.get(id)).isSameAs(reference.get(id));
            }
            assertThat(table.size()).isEqualTo(reference.size());
        }
        for (Map.Entry<Long, LiveState.OrderState> e : reference.entrySet()) {
            assertThat(table.get(e.getKey())).isSameAs(e.getValue());
        }
        List<Long> ids = table.values().stream().map(o -> o.orderId).toList();
        assertThat(ids).isSorted().hasSize(reference.size()).containsExactlyInAnyOrderElementsOf(reference.keySet());
        table.remove(-5);
        assertThat(table.size()).isEqualTo(reference.size());
    }
}
