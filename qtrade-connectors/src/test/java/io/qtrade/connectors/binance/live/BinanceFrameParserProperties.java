package io.qtrade.connectors.binance.live;

import io.qtrade.store.binance.BinanceMarket;
import io.qtrade.store.binance.DepthMessage;
import io.qtrade.connectors.live.MalformedFrameException;
import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinanceFrameParserProperties {

    private static final Instrument BTCUSDT = Instrument.spot("BTCUSDT", "BINANCE", 0.01, 0.00001);
    private static final String[] FRAMES = {
        "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1700000000000,\"s\":\"BTCUSDT\",\"t\":1,"
                + "\"p\":\"30000.01\",\"q\":\"0.5\",\"T\":1700000000000,\"m\":true}}",
        "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":5,\"s\":\"BTCUSDT\",\"b\":\"30000.00\",\"B\":\"1\","
                + "\"a\":\"30000.01\",\"A\":\"2\"}}",
        "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1700000000000,\"s\":\"BTCUSDT\","
                + "\"U\":10,\"u\":12,\"b\":[[\"30000.00\",\"1.5\"],[\"29999.99\",\"0\"]],\"a\":[[\"30000.01\",\"2\"]]}}"
    };

    /** A frame cut anywhere (a truncated WebSocket message) is refused and writes no row. */
    @Property(tries = 500)
    void anyTruncatedFrameIsRefusedAndWritesNothing(@ForAll @IntRange(min = 0, max = 2) int which,
                                                    @ForAll @IntRange(min = 1, max = 1000) int cut) {
        String frame = FRAMES[which];
        String truncated = frame.substring(0, Math.max(0, frame.length() - Math.min(cut, frame.length())));
        BinanceFrameParser parser = new BinanceFrameParser(BinanceMarket.SPOT, List.of(BTCUSDT));
        EventBatch out = new EventBatch(8);
        assertThatThrownBy(() -> parser.parse(truncated, 1L, new DepthMessage(), out))
                .isInstanceOf(MalformedFrameException.class);
        assertThat(out.size()).isZero();
    }

    /** The parser is reusable: a bad frame between good ones changes nothing about the good ones' rows. */
    @Property(tries = 100)
    void aBadFrameDoesNotDisturbTheNextGoodOne(@ForAll @IntRange(min = 1, max = 100) int cut) {
        BinanceFrameParser parser = new BinanceFrameParser(BinanceMarket.SPOT, List.of(BTCUSDT));
        EventBatch clean = new EventBatch(8);
        new BinanceFrameParser(BinanceMarket.SPOT, List.of(BTCUSDT)).parse(FRAMES[0], 1L, new DepthMessage(), clean);
        EventBatch out = new EventBatch(8);
        try {
            parser.parse(FRAMES[1].substring(0, FRAMES[1].length() - cut), 1L, new DepthMessage(), out);
        } catch (MalformedFrameException expected) {
            // the point of the property
        }
        parser.parse(FRAMES[0], 1L, new DepthMessage(), out);
        assertThat(out.contentEquals(clean)).isTrue();
    }
}
