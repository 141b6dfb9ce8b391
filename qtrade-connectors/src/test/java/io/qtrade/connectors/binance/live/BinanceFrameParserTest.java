package io.qtrade.connectors.binance.live;

import io.qtrade.store.binance.BinanceMarket;
import io.qtrade.store.binance.DepthMessage;
import io.qtrade.connectors.live.MalformedFrameException;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventFlags;
import io.qtrade.core.market.EventKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Frames as the Binance spot and USD-M futures WebSocket stream docs show them (values from the docs' examples). */
class BinanceFrameParserTest {

    private static final Instrument BNBBTC = Instrument.spot("BNBBTC", "BINANCE", 0.0001, 0.001);
    private static final Instrument BNBUSDT = Instrument.spot("BNBUSDT", "BINANCE", 0.0001, 0.01);
    private static final long LOCAL = 1_700_000_000_123_000_000L;

    private final BinanceFrameParser spot = new BinanceFrameParser(BinanceMarket.SPOT, List.of(BNBBTC, BNBUSDT));
    private final DepthMessage depth = new DepthMessage();
    private final EventBatch out = new EventBatch(16);

    @Test
    void diffDepthFrameFillsTheDepthMessageWithIdsLevelsAndTimes() {
        // Spot docs, "Diff. Depth Stream" payload.
        String frame = "{\"stream\":\"bnbbtc@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1672515782136,"
                + "\"s\":\"BNBBTC\",\"U\":157,\"u\":160,\"b\":[[\"0.0024\",\"10\"]],\"a\":[[\"0.0026\",\"100\"]]}}";
        assertThat(spot.parse(frame, LOCAL, depth, out)).isEqualTo(BinanceFrameParser.DEPTH);
        assertThat(spot.instrument()).isEqualTo(0);
        assertThat(depth.firstUpdateId).isEqualTo(157);
        assertThat(depth.finalUpdateId).isEqualTo(160);
        assertThat(depth.prevFinalUpdateId).isEqualTo(DepthMessage.NO_UPDATE_ID);
        assertThat(depth.exchTs).isEqualTo(1_672_515_782_136_000_000L); // E in ms -> ns
        assertThat(depth.localTs).isEqualTo(LOCAL);
        assertThat(depth.bidCount()).isEqualTo(1);
        assertThat(depth.bidPrice(0)).isEqualTo(0.0024);
        assertThat(depth.bidQty(0)).isEqualTo(10.0);
        assertThat(depth.askPrice(0)).isEqualTo(0.0026);
        assertThat(depth.askQty(0)).isEqualTo(100.0);
        assertThat(out.size()).isZero();
    }

    @Test
    void futuresDiffUsesTransactionTimeAndKeepsPu() {
        BinanceFrameParser futures = new BinanceFrameParser(BinanceMarket.USDM_FUTURES, List.of(BNBUSDT));
        // USD-M futures docs, "Diff. Book Depth Streams" payload.
        String frame = "{\"stream\":\"bnbusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":123456789,"
                + "\"T\":123456788,\"s\":\"BNBUSDT\",\"U\":157,\"u\":160,\"pu\":149,"
                + "\"b\":[[\"0.0024\",\"10\"]],\"a\":[[\"0.0026\",\"100\"]]}}";
        futures.parse(frame, LOCAL, depth, out);
        assertThat(depth.prevFinalUpdateId).isEqualTo(149);
        assertThat(depth.exchTs).isEqualTo(123_456_788_000_000L);
    }

    @Test
    void futuresDiffWithoutPuIsRejected() {
        BinanceFrameParser futures = new BinanceFrameParser(BinanceMarket.USDM_FUTURES, List.of(BNBUSDT));
        String frame = "{\"stream\":\"bnbusdt@depth\",\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"T\":1,"
                + "\"s\":\"BNBUSDT\",\"U\":157,\"u\":160,\"b\":[],\"a\":[]}}";
        assertThatThrownBy(() -> futures.parse(frame, LOCAL, depth, out))
                .isInstanceOf(MalformedFrameException.class).hasMessageContaining("field pu");
    }

    @Test
    void tradeFrameWritesOneTradeRowWithTheSellerAsAggressorWhenTheBuyerIsMaker() {
        // Spot docs, "Trade Streams" payload: m = true, the buyer is the market maker, so the seller hit the bid.
        String frame = "{\"stream\":\"bnbbtc@trade\",\"data\":{\"e\":\"trade\",\"E\":1672515782136,"
                + "\"s\":\"BNBBTC\",\"t\":12345,\"p\":\"0.001\",\"q\":\"100\",\"T\":1672515782136,\"m\":true,"
                + "\"M\":true}}";
        assertThat(spot.parse(frame, LOCAL, depth, out)).isEqualTo(BinanceFrameParser.TRADE);
        assertThat(out.size()).isEqualTo(1);
        assertThat(out.kind(0)).isEqualTo(EventKind.TRADE);
        assertThat(out.sideCode(0)).isEqualTo(Side.SELL.code());
        assertThat(out.price(0)).isEqualTo(0.001);
        assertThat(out.qty(0)).isEqualTo(100.0);
        assertThat(out.exchTs(0)).isEqualTo(1_672_515_782_136_000_000L);
        assertThat(out.localTs(0)).isEqualTo(LOCAL);
        assertThat(EventFlags.has(out.flags(0), EventFlags.END_OF_MESSAGE)).isTrue();
    }

    @Test
    void aggTradeFrameWithBuyerAsTakerIsABuy() {
        // Spot docs, "Aggregate Trade Streams" payload, with m = false.
        String frame = "{\"stream\":\"bnbbtc@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":1672515782136,"
                + "\"s\":\"BNBBTC\",\"a\":12345,\"p\":\"0.001\",\"q\":\"100\",\"f\":100,\"l\":105,"
                + "\"T\":1672515782136,\"m\":false,\"M\":true}}";
        assertThat(spot.parse(frame, LOCAL, depth, out)).isEqualTo(BinanceFrameParser.TRADE);
        assertThat(out.sideCode(0)).isEqualTo(Side.BUY.code());
    }

    @Test
    void spotBookTickerWritesBidThenAskStampedWithLocalTime() {
        // Spot docs, "Individual Symbol Book Ticker Streams" payload: no event type and no time.
        String frame = "{\"stream\":\"bnbusdt@bookTicker\",\"data\":{\"u\":400900217,\"s\":\"BNBUSDT\","
                + "\"b\":\"25.35190000\",\"B\":\"31.21000000\",\"a\":\"25.36520000\",\"A\":\"40.66000000\"}}";
        assertThat(spot.parse(frame, LOCAL, depth, out)).isEqualTo(BinanceFrameParser.BBO);
        assertThat(out.size()).isEqualTo(2);
        assertThat(out.instrument(0)).isEqualTo(1);
        assertThat(out.kind(0)).isEqualTo(EventKind.BBO);
        assertThat(out.sideCode(0)).isEqualTo(Side.BUY.code());
        assertThat(out.price(0)).isEqualTo(25.3519);
        assertThat(out.qty(0)).isEqualTo(31.21);
        assertThat(out.sideCode(1)).isEqualTo(Side.SELL.code());
        assertThat(out.price(1)).isEqualTo(25.3652);
        assertThat(out.qty(1)).isEqualTo(40.66);
        assertThat(out.exchTs(0)).isEqualTo(LOCAL);
        assertThat(EventFlags.has(out.flags(1), EventFlags.END_OF_MESSAGE)).isTrue();
        assertThat(EventFlags.has(out.flags(0), EventFlags.END_OF_MESSAGE)).isFalse();
    }

    @Test
    void subscriptionAnswerIsAControlFrame() {
        assertThat(spot.parse("{\"result\":null,\"id\":1}", LOCAL, depth, out)).isEqualTo(BinanceFrameParser.CONTROL);
        assertThat(out.size()).isZero();
    }

    @Test
    void restSnapshotIsParsedWithItsLastUpdateId() {
        // Spot docs, "Order book" GET /api/v3/depth response.
        String body = "{\"lastUpdateId\":1027024,\"bids\":[[\"4.00000000\",\"431.00000000\"]],"
                + "\"asks\":[[\"4.00000200\",\"12.00000000\"]]}";
        BinanceFrameParser p = new BinanceFrameParser(BinanceMarket.SPOT,
                List.of(Instrument.spot("BNBBTC", "BINANCE", 0.000001, 0.01)));
        p.parseSnapshot(body, 0, LOCAL, depth);
        assertThat(depth.finalUpdateId).isEqualTo(1027024);
        assertThat(depth.bidPrice(0)).isEqualTo(4.0);
        assertThat(depth.bidQty(0)).isEqualTo(431.0);
        assertThat(depth.askPrice(0)).isEqualTo(4.000002);
        assertThat(depth.exchTs).isEqualTo(LOCAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // truncated mid-frame
            "{\"stream\":\"bnbbtc@trade\",\"data\":{\"e\":\"trade\",\"E\":1,\"s\":\"BNBBTC\",\"p\":\"0.0",
            // not JSON
            "hello",
            // unknown event
            "{\"stream\":\"x\",\"data\":{\"e\":\"kline\",\"E\":1,\"s\":\"BNBBTC\"}}",
            // unknown symbol
            "{\"stream\":\"x\",\"data\":{\"e\":\"trade\",\"E\":1,\"s\":\"ETHBTC\",\"p\":\"1\",\"q\":\"1\",\"T\":1,"
                    + "\"m\":true}}",
            // off the tick grid (tick 0.0001)
            "{\"stream\":\"x\",\"data\":{\"e\":\"trade\",\"E\":1,\"s\":\"BNBBTC\",\"p\":\"0.00105\",\"q\":\"1\","
                    + "\"T\":1,\"m\":true}}",
            // negative quantity
            "{\"stream\":\"x\",\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BNBBTC\",\"U\":1,\"u\":2,"
                    + "\"b\":[[\"0.0024\",\"-1\"]],\"a\":[]}}",
            // u < U
            "{\"stream\":\"x\",\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BNBBTC\",\"U\":5,\"u\":2,"
                    + "\"b\":[],\"a\":[]}}",
            // a level with three elements
            "{\"stream\":\"x\",\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BNBBTC\",\"U\":1,\"u\":2,"
                    + "\"b\":[[\"0.0024\",\"1\",\"2\"]],\"a\":[]}}",
            // trade without m
            "{\"stream\":\"x\",\"data\":{\"e\":\"trade\",\"E\":1,\"s\":\"BNBBTC\",\"p\":\"0.001\",\"q\":\"1\","
                    + "\"T\":1}}",
            // non-numeric price
            "{\"stream\":\"x\",\"data\":{\"e\":\"trade\",\"E\":1,\"s\":\"BNBBTC\",\"p\":\"abc\",\"q\":\"1\","
                    + "\"T\":1,\"m\":true}}"
    })
    void malformedFramesThrowANamedErrorAndWriteNothing(String frame) {
        out.clear();
        assertThatThrownBy(() -> spot.parse(frame, LOCAL, depth, out))
                .isInstanceOf(MalformedFrameException.class).hasMessageStartingWith("binance ");
        assertThat(out.size()).isZero();
    }

    @Test
    void errorNamesTheStreamAndTheLevel() {
        String frame = "{\"stream\":\"bnbbtc@depth\",\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BNBBTC\","
                + "\"U\":1,\"u\":2,\"b\":[[\"0.0024\",\"1\"],[\"0.0023\",\"x\"]],\"a\":[]}}";
        assertThatThrownBy(() -> spot.parse(frame, LOCAL, depth, out))
                .hasMessageContaining("bnbbtc@depth field b[1][1]").hasMessageContaining("not a finite decimal");
    }
}
