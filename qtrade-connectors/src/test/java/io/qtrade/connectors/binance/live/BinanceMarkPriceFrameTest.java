package io.qtrade.connectors.binance.live;

import io.qtrade.connectors.live.MalformedFrameException;
import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventFlags;
import io.qtrade.core.market.EventKind;
import io.qtrade.store.binance.BinanceMarket;
import io.qtrade.store.binance.DepthMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The USD-M mark price stream ({@code <symbol>@markPrice}, {@code <symbol>@markPrice@1s}); the payload is the
 * example of Binance's USD-M futures WebSocket docs, "Mark Price Stream": {@code "e":"markPriceUpdate",
 * "E":1562305380000, "s":"BTCUSDT", "p":"11794.15000000", "i":"11784.62659091", "P":"11784.25641265",
 * "r":"0.00038167", "T":1562306400000}.
 */
class BinanceMarkPriceFrameTest {

    static final Instrument BTCUSDT = Instrument.spot("BTCUSDT", "BINANCE_USDM", 0.1, 0.001);
    static final Instrument ETHUSDT_241227 = Instrument.spot("ETHUSDT_241227", "BINANCE_USDM", 0.01, 0.001);
    static final long LOCAL = 1_562_305_380_004_000_000L;
    static final long MS = 1_000_000L;
    static final String DOCS = "{\"stream\":\"btcusdt@markPrice@1s\",\"data\":{\"e\":\"markPriceUpdate\","
            + "\"E\":1562305380000,\"s\":\"BTCUSDT\",\"p\":\"11794.15000000\",\"i\":\"11784.62659091\","
            + "\"P\":\"11784.25641265\",\"r\":\"0.00038167\",\"T\":1562306400000}}";

    final BinanceFrameParser parser = new BinanceFrameParser(BinanceMarket.USDM_FUTURES,
            List.of(BTCUSDT, ETHUSDT_241227));
    final DepthMessage depth = new DepthMessage();
    final EventBatch out = new EventBatch(16);

    @Test
    void theDocsFrameIsAMarkAnIndexAndAFundingRowAtTheEventTime() {
        assertThat(parser.parse(DOCS, LOCAL, depth, out)).isEqualTo(BinanceFrameParser.MARK_PRICE);
        assertThat(parser.instrument()).isZero();
        assertThat(out.size()).isEqualTo(3);
        for (int r = 0; r < 3; r++) {
            assertThat(out.exchTs(r)).isEqualTo(1_562_305_380_000L * MS);
            assertThat(out.localTs(r)).isEqualTo(LOCAL);
            assertThat(out.qty(r)).isZero();
            assertThat(out.sideCode(r)).isZero();
        }
        assertThat(out.kind(0)).isEqualTo(EventKind.MARK_PRICE);
        assertThat(out.price(0)).isEqualTo(11794.15);
        assertThat(out.flags(0)).isEqualTo(EventFlags.NONE);
        assertThat(out.kind(1)).isEqualTo(EventKind.INDEX_PRICE);
        assertThat(out.price(1)).isEqualTo(11784.62659091); // off the 0.1 tick grid: kept as published
        assertThat(out.flags(1)).isEqualTo(EventFlags.NONE);
        assertThat(out.kind(2)).isEqualTo(EventKind.FUNDING_RATE);
        assertThat(out.price(2)).isEqualTo(0.00038167);
        assertThat(out.orderId(2)).isEqualTo(1_562_306_400_000L * MS); // T, the next funding time
        assertThat(out.flags(2)).isEqualTo(EventFlags.END_OF_MESSAGE);
    }

    @Test
    void aDeliveryContractHasNoFundingRow() {
        String frame = "{\"stream\":\"ethusdt_241227@markPrice\",\"data\":{\"e\":\"markPriceUpdate\","
                + "\"E\":1730000000000,\"s\":\"ETHUSDT_241227\",\"p\":\"2501.23456789\",\"i\":\"2490.5\","
                + "\"P\":\"2490.49\",\"r\":\"\",\"T\":0}}";
        assertThat(parser.parse(frame, LOCAL, depth, out)).isEqualTo(BinanceFrameParser.MARK_PRICE);
        assertThat(out.size()).isEqualTo(2);
        assertThat(out.instrument(0)).isEqualTo(1);
        assertThat(out.kind(1)).isEqualTo(EventKind.INDEX_PRICE);
        assertThat(out.flags(1)).isEqualTo(EventFlags.END_OF_MESSAGE);
    }

    @Test
    void aFieldOrderOtherThanTheDocsReadsTheSame() {
        String shuffled = "{\"data\":{\"T\":1562306400000,\"r\":\"-0.00001000\",\"P\":\"1\",\"i\":\"11784.62659091\","
                + "\"p\":\"11794.15000000\",\"s\":\"BTCUSDT\",\"E\":1562305380000,\"e\":\"markPriceUpdate\"},"
                + "\"stream\":\"btcusdt@markPrice\"}";
        parser.parse(shuffled, LOCAL, depth, out);
        assertThat(out.size()).isEqualTo(3);
        assertThat(out.price(2)).isEqualTo(-0.00001);
    }

    @ParameterizedTest(name = "{1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "\"p\":\"11794.15\",\"i\":\"11784.6\",\"r\":\"0.0001\",\"T\":1562306400000                    |E|missing: the event time",
        "\"E\":1562305380000,\"i\":\"11784.6\",\"r\":\"0.0001\",\"T\":1562306400000                   |p|missing: the mark price",
        "\"E\":1562305380000,\"p\":\"11794.15\",\"r\":\"0.0001\",\"T\":1562306400000                  |i|missing: the index price",
        "\"E\":1562305380000,\"p\":\"11794.15\",\"i\":\"11784.6\",\"T\":1562306400000                 |r|missing: the funding rate",
        "\"E\":1562305380000,\"p\":\"11794.15\",\"i\":\"11784.6\",\"r\":\"0.0001\"                    |T|missing: the next funding time",
        "\"E\":1562305380000,\"p\":\"-1\",\"i\":\"11784.6\",\"r\":\"0.0001\",\"T\":1562306400000      |p|price -1 is not positive",
        "\"E\":1562305380000,\"p\":\"11794.15\",\"i\":\"0\",\"r\":\"0.0001\",\"T\":1562306400000       |i|price 0 is not positive",
        "\"E\":1562305380000,\"p\":\"11794.15\",\"i\":\"11784.6\",\"r\":\"abc\",\"T\":1562306400000   |r|not a finite decimal number: abc",
        "\"E\":1562305380000,\"p\":\"11794.15\",\"i\":\"11784.6\",\"r\":\"1.5\",\"T\":1562306400000   |r|expected |r| < 1",
        "\"E\":1562305380000,\"p\":\"11794.15\",\"i\":\"11784.6\",\"r\":\"0.0001\",\"T\":\"x\"          |T|expected an integer",
        "\"E\":1562305380000,\"p\":\"11794.15\",\"i\":\"11784.6\",\"r\":\"0.0001\",\"T\":9223372036854775807|T|overflows",
        "\"E\":1562305380000,\"p\":\"11794.15\",\"i\":\"11784.6\",\"r\":\"0.0001\",\"T\":0             |T|a funding rate needs a next funding time",
        "\"E\":1562305380000,\"p\":\"11794.15\",\"i\":\"11784.6\",\"r\":\"\",\"T\":1562306400000       |r|a funding rate needs a next funding time",
        "\"E\":-5,\"p\":\"11794.15\",\"i\":\"11784.6\",\"r\":\"0.0001\",\"T\":1562306400000            |E|outside the plausible",
    })
    void malformedMarkPriceFramesNameTheFieldAndWriteNothing(String fields, String field, String detail) {
        String frame = "{\"stream\":\"btcusdt@markPrice@1s\",\"data\":{\"e\":\"markPriceUpdate\",\"s\":\"BTCUSDT\","
                + fields.trim() + "}}";
        out.add(0, 1, 1, EventKind.TRADE, (byte) 1, 1.0, 1.0, 0, 0); // a row from before: left untouched
        assertThatThrownBy(() -> parser.parse(frame, LOCAL, depth, out))
                .isInstanceOf(MalformedFrameException.class)
                .hasMessageContaining("binance btcusdt@markPrice@1s field " + field.trim())
                .hasMessageContaining(detail.trim());
        assertThat(out.size()).isEqualTo(1);
    }

    @Test
    void aSpotParserRefusesAMarkPriceFrame() {
        BinanceFrameParser spot = new BinanceFrameParser(BinanceMarket.SPOT, List.of(BTCUSDT));
        assertThatThrownBy(() -> spot.parse(DOCS, LOCAL, depth, out))
                .isInstanceOf(MalformedFrameException.class)
                .hasMessageContaining("field e")
                .hasMessageContaining("markPriceUpdate is a USD-M futures stream");
    }

    @Test
    void theClientSubscribesTheMarkPriceStreamOnUsdmOnly() {
        LiveEvents none = new LiveEvents();
        BinanceMarketDataClient client = BinanceMarketDataClient.builder(BinanceMarket.USDM_FUTURES,
                        List.of(BTCUSDT), none).streams(false, true, false, false)
                .markPrice(BinanceMarketDataClient.MarkPriceUpdates.EVERY_SECOND).build();
        assertThat(client.streamUri()).isEqualTo(URI.create(
                "wss://fstream.binance.com/stream?streams=btcusdt@trade/btcusdt@markPrice@1s"));
        BinanceMarketDataClient threeSeconds = BinanceMarketDataClient.builder(BinanceMarket.USDM_FUTURES,
                        List.of(BTCUSDT), none).streams(false, false, false, false)
                .markPrice(BinanceMarketDataClient.MarkPriceUpdates.EVERY_3_SECONDS).build();
        assertThat(threeSeconds.streamUri().toString()).endsWith("?streams=btcusdt@markPrice");
        assertThatThrownBy(() -> BinanceMarketDataClient.builder(BinanceMarket.SPOT, List.of(BTCUSDT), none)
                .markPrice(BinanceMarketDataClient.MarkPriceUpdates.EVERY_SECOND).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the mark price stream is a USD-M futures stream");
        assertThatThrownBy(() -> BinanceMarketDataClient.builder(BinanceMarket.USDM_FUTURES, List.of(BTCUSDT), none)
                .streams(false, false, false, false).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one of depth, trades, aggTrades, bookTicker, markPrice");
    }

    @Test
    void theRecorderStoresTheRowsOfMarkPriceFramesAsParsed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path root) {
        io.qtrade.store.TickStore store = io.qtrade.store.TickStore.at(root);
        io.qtrade.connectors.recorder.TickRecorder recorder = io.qtrade.connectors.recorder.TickRecorder
                .builder(store, List.of(BTCUSDT, ETHUSDT_241227)).build();
        EventBatch all = new EventBatch(16);
        for (int k = 0; k < 3; k++) {
            String frame = DOCS.replace("1562305380000", Long.toString(1562305380000L + 1000L * k))
                    .replace("11794.15000000", "11794.1" + k + "000000");
            out.clear();
            parser.parse(frame, LOCAL + k * 1_000_000_000L, depth, out);
            all.addRange(out, 0, out.size());
            recorder.onEvents(out);
        }
        recorder.close();
        EventBatch back = new EventBatch(16);
        try (io.qtrade.core.market.EventSource s = store.read(io.qtrade.store.TickQuery.all())) {
            EventBatch b = new EventBatch(4);
            while (s.readBatch(b)) {
                back.addRange(b, 0, b.size());
            }
        }
        assertThat(back.size()).isEqualTo(9);
        assertThat(back.contentEquals(all)).as("%s", back).isTrue();
        assertThat(store.catalog().get(0).kinds()).containsExactly(EventKind.MARK_PRICE, EventKind.INDEX_PRICE,
                EventKind.FUNDING_RATE);
    }

    /**
     * End to end: a loopback venue sends four mark price frames and one truncated one on the stream the client
     * subscribed ({@code btcusdt@markPrice@1s} alone); the client hands the rows to a {@link
     * io.qtrade.connectors.recorder.TickRecorder}, and the store holds three rows per good frame, as parsed.
     */
    @Test
    void theLiveClientRecordsMarkPriceFramesIntoTheStore(@org.junit.jupiter.api.io.TempDir java.nio.file.Path root)
            throws Exception {
        List<io.qtrade.connectors.replay.ReplayFrame> frames = new java.util.ArrayList<>();
        for (int k = 0; k < 5; k++) {
            String frame = DOCS.replace("1562305380000", Long.toString(1562305380000L + 1000L * k))
                    .replace("0.00038167", "0.0003816" + k);
            frames.add(io.qtrade.connectors.replay.ReplayFrame.text(k == 2 ? frame.substring(0, 60) : frame));
        }
        io.qtrade.store.TickStore store = io.qtrade.store.TickStore.at(root);
        io.qtrade.connectors.recorder.TickRecorder recorder = io.qtrade.connectors.recorder.TickRecorder
                .builder(store, List.of(BTCUSDT)).build();
        try (io.qtrade.connectors.replay.LoopbackVenue venue = io.qtrade.connectors.replay.LoopbackVenue
                .builder(frames).frameIntervalNanos(2_000_000L).start()) {
            BinanceMarketDataClient client = BinanceMarketDataClient.builder(BinanceMarket.USDM_FUTURES,
                            List.of(BTCUSDT), recorder)
                    .streams(false, false, false, false)
                    .markPrice(BinanceMarketDataClient.MarkPriceUpdates.EVERY_SECOND)
                    .streamBase(venue.webSocketBase()).restBase(venue.httpBase())
                    .build();
            client.start();
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (recorder.rowsRecorded() < 12 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            client.close();
            assertThat(venue.handshakes().get(0)).isEqualTo("/stream?streams=btcusdt@markPrice@1s");
            assertThat(client.malformedFrames()).isEqualTo(1);
        }
        recorder.close();
        EventBatch back = new EventBatch(16);
        try (io.qtrade.core.market.EventSource s = store.read(io.qtrade.store.TickQuery.all())) {
            EventBatch b = new EventBatch(5);
            while (s.readBatch(b)) {
                back.addRange(b, 0, b.size());
            }
        }
        assertThat(back.size()).isEqualTo(12);
        long[] seconds = {0, 1, 3, 4}; // frame 2 was truncated
        for (int f = 0; f < 4; f++) {
            assertThat(back.kind(3 * f)).isEqualTo(EventKind.MARK_PRICE);
            assertThat(back.price(3 * f)).isEqualTo(11794.15);
            assertThat(back.kind(3 * f + 1)).isEqualTo(EventKind.INDEX_PRICE);
            assertThat(back.kind(3 * f + 2)).isEqualTo(EventKind.FUNDING_RATE);
            assertThat(back.price(3 * f + 2)).isEqualTo(Double.parseDouble("0.0003816" + seconds[f]));
            assertThat(back.orderId(3 * f + 2)).isEqualTo(1_562_306_400_000L * MS);
            assertThat(back.exchTs(3 * f)).isEqualTo((1562305380000L + 1000L * seconds[f]) * MS);
        }
    }

    /** A listener that keeps nothing: the client is only built here, never started. */
    static final class LiveEvents implements io.qtrade.connectors.live.LiveEventListener {
        @Override
        public void onEvents(EventBatch events) {
        }

        @Override
        public void onDisconnect(String reason) {
        }
    }
}
